"""A small SMTP server in a thread of the test process: it accepts every message (no TLS, no
auth) and records it, or — when told to — stalls after the message's data arrived and before it
answers "250" (the message is not accepted), or after it accepted the message, at the QUIT that
ends the session: as a mail server that hangs in the middle of a send does."""

from __future__ import annotations

import contextlib
import email
import email.policy
import socket
import threading
from collections import Counter
from collections.abc import Callable
from email.message import Message


class SMTPServer:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[Message] = []
        self.lock = threading.Lock()
        # Called with each message before it is accepted; True stalls that send.
        self.stall_when: Callable[[Message], bool] = lambda message: False
        self.stalled = threading.Event()  # a send is being held right now
        self.release = threading.Event()  # let held sends go (their connection is dropped)
        self.stalls = 0
        # Called at QUIT (after a message was accepted); True holds the session there.
        self.stall_quit_when: Callable[[], bool] = lambda: False
        self.quit_stalled = threading.Event()
        self.release_quit = threading.Event()
        self.quit_stalls = 0
        self._closed = False
        threading.Thread(target=self._serve, daemon=True).start()

    def __enter__(self) -> SMTPServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._closed = True
        self.release.set()
        self.release_quit.set()
        with contextlib.suppress(OSError):
            self.sock.close()

    # What arrived ----------------------------------------------------------------------------

    def subjects(self) -> Counter:
        with self.lock:
            return Counter(str(m["Subject"]) for m in self.accepted)

    def recipients(self) -> Counter:
        with self.lock:
            return Counter(str(m["To"]) for m in self.accepted)

    # The server ----------------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._closed:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            self._talk(conn)

    def _talk(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")

        def say(line: str) -> None:
            conn.sendall(line.encode() + b"\r\n")

        say("220 localhost test SMTP")
        while True:
            line = reader.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb == b"EHLO":
                conn.sendall(b"250-localhost\r\n250-8BITMIME\r\n250 SIZE 10000000\r\n")
            elif verb == b"DATA":
                say("354 end with <CRLF>.<CRLF>")
                lines = []
                while True:
                    chunk = reader.readline()
                    if not chunk:
                        return
                    if chunk in (b".\r\n", b".\n"):
                        break
                    lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                if self.stall_when(message):
                    with self.lock:
                        self.stalls += 1
                    self.stalled.set()
                    self.release.wait()
                    return  # the connection drops without "250": the message was not accepted
                with self.lock:
                    self.accepted.append(message)
                say("250 queued")
            elif verb == b"QUIT":
                if self.stall_quit_when():
                    with self.lock:
                        self.quit_stalls += 1
                    self.quit_stalled.set()
                    self.release_quit.wait()
                    return
                say("221 bye")
                return
            elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                say("250 ok")
            else:
                say("502 not implemented")
