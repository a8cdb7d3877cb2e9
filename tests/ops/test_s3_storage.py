"""Uploads in S3-compatible object storage (issue 12 §7).

moto's S3 server runs on a free local port (a real HTTP server that boto3 talks to, as it would to
MinIO or AWS). The settings are those `FILE_STORAGE=s3` and the S3_* variables produce
(config/settings/base.py, read in a fresh interpreter); a document is uploaded through the
registry's upload page, lands in the bucket and not on disk, and comes back through the
permission-checked download view: the same bytes, the detected content type, an attachment,
streamed by the app even when FILES_X_ACCEL_REDIRECT is set (that is for files on disk). Another
organization's user gets 404; a vanished object is a 404, not a 500.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer

from registry.models import CreationDecision, LogoCheck
from tests.registry.factories import PDF, PNG, OfficialAccountFactory

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "kasipodaq-media"
KEYS = {"S3_ACCESS_KEY_ID": "test-access-key", "S3_SECRET_ACCESS_KEY": "test-secret-key"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["S3_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


def storages_from_environment(endpoint: str) -> dict:
    """STORAGES as the settings build it from the environment of an S3 deployment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "FILE_STORAGE": "s3",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_ADDRESSING_STYLE": "path",
        "S3_PREFIX": "uploads",
        **KEYS,
    }
    code = "import django, json; django.setup(); from django.conf import settings; "
    code += "print(json.dumps(settings.STORAGES))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def s3(s3_endpoint, settings, tmp_path):
    endpoint, client = s3_endpoint
    settings.MEDIA_ROOT = str(tmp_path / "media")  # must stay empty
    settings.STORAGES = storages_from_environment(endpoint)
    settings.FILES_X_ACCEL_REDIRECT = "/protected-media/"
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    return client


def objects(client) -> dict[str, bytes]:
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {o["Key"]: client.get_object(Bucket=BUCKET, Key=o["Key"])["Body"].read() for o in listed}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_a_document_goes_to_the_bucket_and_back_through_the_permission_check(
    client, cast, s3, settings
):
    account = OfficialAccountFactory(organization=cast.own)
    before = set(objects(s3))
    client.force_login(cast.alice)
    upload = SimpleUploadedFile("решение.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("registry:decision_add", args=[account.pk]),
        {"body": "Комитет", "number": "1", "decided_on": "2026-01-10", "document": upload},
    )
    assert response.status_code == 302
    decision = CreationDecision.objects.get(account=account)
    stored = {k: v for k, v in objects(s3).items() if k not in before}
    assert stored == {f"uploads/{decision.document.name}": PDF}
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing on this host's disk

    url = reverse("registry:document", args=["decision", decision.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert "X-Accel-Redirect" not in response  # nginx cannot read a bucket: the app streams
    assert response["X-Content-Type-Options"] == "nosniff"

    client.force_login(cast.sam)  # another organization
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_an_image_is_stored_without_metadata_and_served_as_an_image(client, cast, s3):
    account = OfficialAccountFactory(organization=cast.own)
    client.force_login(cast.alice)
    upload = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    response = client.post(
        reverse("registry:logo_check_add", args=[account.pk]),
        {"checked_on": "2026-11-01", "result": "passed", "screenshot": upload},
    )
    assert response.status_code == 302
    check = LogoCheck.objects.get(account=account)
    in_bucket = objects(s3)[f"uploads/{check.screenshot.name}"]
    assert in_bucket.startswith(b"\x89PNG")  # re-encoded (accounts/files.py), still a PNG
    response = client.get(reverse("registry:document", args=["logo", check.pk]))
    assert response.status_code == 200
    assert body(response) == in_bucket
    assert response["Content-Type"] == "image/png"


@pytest.mark.django_db
def test_an_object_missing_from_the_bucket_is_a_404(client, cast, s3):
    account = OfficialAccountFactory(organization=cast.own)
    client.force_login(cast.alice)
    upload = SimpleUploadedFile("d.pdf", PDF, content_type="application/pdf")
    client.post(
        reverse("registry:decision_add", args=[account.pk]),
        {"body": "Комитет", "number": "2", "decided_on": "2026-01-10", "document": upload},
    )
    decision = CreationDecision.objects.get(account=account)
    s3.delete_object(Bucket=BUCKET, Key=f"uploads/{decision.document.name}")
    url = reverse("registry:document", args=["decision", decision.pk])
    assert client.get(url).status_code == 404


def test_an_unknown_file_storage_is_refused_at_start_up():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "FILE_STORAGE": "ftp"}
    code = "import django; django.setup()"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "FILE_STORAGE must be 'filesystem' or 's3'" in result.stderr
