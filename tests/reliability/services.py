"""Real services that a fault test owns and may break: a Redis server of its own on a free
port, and Celery worker processes (started and killed by their process id)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import need_service

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = os.environ.get("REDIS_SERVER", "/usr/bin/redis-server")
CELERY = str(Path(sys.executable).with_name("celery"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, seconds: float = 30.0, step: float = 0.1) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class PrivateRedis:
    """`redis-server` on a port of its own, no persistence: stop() and start() again."""

    def __init__(self) -> None:
        if not (os.path.exists(REDIS_SERVER) or shutil.which("redis-server")):
            need_service("redis-server", f"{REDIS_SERVER} not found (apt-get install redis-server)")
        self.binary = REDIS_SERVER if os.path.exists(REDIS_SERVER) else shutil.which("redis-server")
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="fault-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - a fixed binary and arguments
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.dir,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for(lambda: answers_ping(self.port), 10):
            raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None
        assert not answers_ping(self.port)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Worker:
    """`celery -A config worker` as a process of its own, on the test database."""

    def __init__(self, name: str, env: dict[str, str], concurrency: int = 1) -> None:
        fd, log = tempfile.mkstemp(prefix=f"worker-{name}-", suffix=".log")
        os.close(fd)
        self.log = Path(log)
        if concurrency == 1:
            pool = ["--pool=solo"]
        else:
            pool = ["--pool=prefork", f"--concurrency={concurrency}"]
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(  # noqa: S603 - our own celery, fixed arguments
                [
                    CELERY,
                    "-A",
                    "config",
                    "worker",
                    "-n",
                    f"{name}@%h",
                    "--loglevel=INFO",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    *pool,
                ],
                cwd=ROOT,
                env={**os.environ, **env},
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid = self.process.pid

    def ready(self, seconds: float = 120.0) -> bool:
        def started() -> bool:
            return b"ready." in self.log.read_bytes() or self.process.poll() is not None

        return wait_for(started, seconds, 0.2) and self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL, by process id: no shutdown, no acknowledgement, nothing cleaned up."""
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.pid, signal.SIGTERM)  # its own session: the worker and its children
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.pid, signal.SIGKILL)
                self.process.wait(10)
