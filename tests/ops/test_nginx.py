"""deploy/nginx.conf in front of the app (issue 12 §7): protected files through X-Accel-Redirect.

The real nginx (Debian's nginx-light; CI installs it) runs deploy/nginx.conf itself, changed only
where a test machine must differ: free ports, a throw-away certificate, the live test server as
upstream, MEDIA_ROOT as the protected alias. The view checks permission and answers with
`X-Accel-Redirect`; nginx sends the bytes from its `internal` location with the view's headers.
Asking nginx for /protected-media/… or /media/… directly gets 404; another organization's user
gets 404 from the view.
"""

import os
import re
import shutil
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import need_service
from tests.registry.factories import PDF, CreationDecisionFactory, OfficialAccountFactory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    for tool in ("nginx", "openssl"):
        if not shutil.which(tool):
            need_service(tool, "apt-get install nginx-light openssl (.ci/run installs them)")
    media = tmp_path / "media"
    media.mkdir()
    os.chmod(tmp_path, 0o755)  # nginx's workers (another user when run as root) read the files
    settings.MEDIA_ROOT = str(media)
    settings.FILES_X_ACCEL_REDIRECT = "/protected-media/"
    work = tmp_path / "nginx"
    (work / "tls").mkdir(parents=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=localhost", "-keyout", work / "tls/privkey.pem"]
        + ["-out", work / "tls/fullchain.pem"],
        check=True,
        capture_output=True,
    )
    http, https = free_port(), free_port()
    upstream = live_server.url.removeprefix("http://")
    conf = (ROOT / "deploy/nginx.conf").read_text()
    for old, new in [
        ("server web:8000;", f"server {upstream};"),
        ("listen 80 default_server;", f"listen 127.0.0.1:{http} default_server;"),
        ("listen 443 ssl http2 default_server;", f"listen 127.0.0.1:{https} ssl default_server;"),
        ("/etc/nginx/tls/", f"{work}/tls/"),
        ("/var/log/nginx/", f"{work}/"),
        ("/var/run/nginx.pid", f"{work}/nginx.pid"),
        ("/srv/kasipodaq/media/", f"{media}/"),
    ]:
        assert old in conf, old
        conf = conf.replace(old, new)
    (work / "nginx.conf").write_text(conf)
    directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    process = subprocess.Popen(
        ["nginx", "-p", work, "-c", work / "nginx.conf", "-e", work / "error.log"]
        + ["-g", directives],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", https), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    yield f"https://127.0.0.1:{https}", media
    process.terminate()
    process.wait(timeout=10)


def get(url: str, session: str | None = None):
    request = urllib.request.Request(url)
    if session:
        request.add_header("Cookie", f"sessionid={session}")
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the throw-away certificate
    try:
        with urllib.request.urlopen(request, context=context, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_nginx_sends_a_protected_file_only_after_the_view_said_so(nginx, cast):
    base, media = nginx
    decision = CreationDecisionFactory(account=OfficialAccountFactory(organization=cast.own))
    assert (media / decision.document.name).read_bytes() == PDF
    url = base + reverse("registry:document", args=["decision", decision.pk])

    status, headers, body = get(url, session_of(cast.alice))
    assert status == 200
    assert body == PDF
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("attachment")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert "X-Accel-Redirect" not in headers  # consumed by nginx, never shown to the browser
    assert "ETag" in headers and "Last-Modified" in headers  # nginx sent it from the disk

    status, _, body = get(url, session_of(cast.sam))  # another organization
    assert status == 404 and PDF not in body
    name = decision.document.name
    for direct in (f"/protected-media/{name}", f"/media/{name}"):
        status, _, body = get(base + direct, session_of(cast.alice))
        assert status == 404 and PDF not in body


def test_the_proxy_headers_match_one_trusted_proxy():
    """nginx appends the client to X-Forwarded-For once: TRUSTED_PROXY_COUNT=1 (production)."""
    conf = (ROOT / "deploy/nginx.conf").read_text()
    assert re.findall(r"proxy_set_header X-Forwarded-For (\S+);", conf) == [
        "$proxy_add_x_forwarded_for"
    ]
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in conf
    production = (ROOT / "config/settings/production.py").read_text()
    assert 'TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)' in production
