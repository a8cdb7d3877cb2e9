"""Uploaded files cannot run (issue 11, part 1; docs/security.md, "Files and
Content-Security-Policy").

Every upload field of the project is tried with HTML, SVG and a Windows program disguised behind a
PDF or PNG signature: each is refused, and a file the checks do accept (a real PDF header with
HTML behind it) goes out as an attachment with the detected type, nosniff and a sandbox policy.
Every file URL answers 404 to another organization and sends the anonymous to the login page."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from PIL import Image

from accounts import files
from appeals import services as appeal_services
from appeals.models import Appeal, AppealAttachment, ResponseChannel
from content.models import Attachment, StatementApproval
from registry.models import AdministratorAppointment, CreationDecision, LogoCheck, Violation
from tests.appeals.factories import received, register
from tests.content.factories import publication
from tests.registry.factories import (
    PDF,
    PNG,
    CreationDecisionFactory,
    LogoCheckFactory,
    OfficialAccountFactory,
)

pytestmark = pytest.mark.django_db

HTML = b"<html><body><script>fetch('/appeals/export.csv')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
# What an attacker uploads: a known signature, then something a browser would run.
HOSTILE = {
    "pdf-signature-html.html": b"%PDF-" + HTML,
    "pdf-signature-svg.svg": b"%PDF-" + SVG,
    "png-signature-html.png": b"\x89PNG\r\n\x1a\n" + HTML,
    "png-signature-svg.png": b"\x89PNG\r\n\x1a\n" + SVG,
    "jpeg-signature-html.jpg": b"\xff\xd8\xff\xe0" + HTML,
    "program.pdf": EXE,
    "page.pdf": HTML,
    "image.png": SVG,
}
# Passes the checks (a PDF header is a PDF) but must never render as a page.
PDF_WITH_HTML = b"%PDF-1.4\n" + HTML + b"\n%%EOF\n"
GENERATED = re.compile(r"^[a-z/]+/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|jpg|png|webp|docx)$")
NOW = "2026-11-26 10:00 +0500"


def png(width=4, height=3, exif=False) -> bytes:
    image = Image.new("RGB", (width, height), "red")
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Camera maker"
        image.save(out, format="JPEG", exif=data)
    else:
        image.save(out, format="PNG")
    return out.getvalue()


def office(main_part: str, macros: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00")
    return out.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    # The declared type is what an attacker says; the checks never read it.
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def assert_served_as_inert_attachment(response, content_type="application/pdf"):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


# The kind is judged by content -----------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE)
def test_detection_refuses_html_svg_and_programs_behind_a_signature(name):
    assert files.detect(io.BytesIO(HOSTILE[name])) is None


@pytest.mark.parametrize(
    "content, kind",
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (png(exif=True), "jpeg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", None),  # a WebP signature that does not open: refused
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "mp4"),
        (office("word/document.xml"), "docx"),
        (office("xl/workbook.xml"), "xlsx"),
        (office("word/document.xml", macros=True), None),
        (b"PK\x03\x04" + HTML, None),
    ],
)
def test_detection_names_each_documented_kind_by_its_content(content, kind):
    detected = files.detect(io.BytesIO(content))
    assert (detected.name if detected else None) == kind


def test_a_real_webp_is_detected():
    out = io.BytesIO()
    Image.new("RGB", (3, 3)).save(out, format="WEBP")
    assert files.detect(io.BytesIO(out.getvalue())).name == "webp"


def test_the_pixel_cap_refuses_a_large_image_before_decoding_it(settings, monkeypatch):
    settings.FILES_MAX_PIXELS = 100
    big = io.BytesIO(png(20, 20))  # 400 pixels
    decoded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(self))
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: decoded.append(self))
    with pytest.raises(ValidationError) as error:
        files.check(big, files.SCREENSHOTS)
    assert error.value.code == "image_too_large"
    assert decoded == []  # only the header was read
    with pytest.raises(ValidationError):
        files.reencode(big, files.KINDS["png"])
    assert decoded == []


def test_pillow_itself_is_held_to_the_same_cap(settings):
    assert Image.MAX_IMAGE_PIXELS == settings.FILES_MAX_PIXELS == 40_000_000


def test_an_image_is_stored_without_its_metadata():
    stored = files.prepare(io.BytesIO(png(exif=True)), files.SCREENSHOTS)
    assert not Image.open(stored).getexif()


def test_every_file_field_has_a_generated_name_and_a_check_by_content():
    """A new FileField without GeneratedName and a KindValidator makes this fail."""
    fields = [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert len(fields) == 10
    # Made by the server, never uploaded: thumbnails (from a checked image) and the PDFs that
    # reports.pdf_jobs builds.
    server_made = {"thumbnail", "reports.PdfJob.file"}
    for model, field in fields:
        assert isinstance(field.upload_to, files.GeneratedName), (model, field.name)
        assert field.upload_to.field == field.name
        if not {field.name, f"{model._meta.label}.{field.name}"} & server_made:
            assert any(isinstance(v, files.KindValidator) for v in field.validators)


def test_a_generated_name_holds_no_user_text(cast, frozen):
    account = OfficialAccountFactory(organization=cast.own)
    decision = CreationDecisionFactory(
        account=account, document=ContentFile(PDF, name="../../<script>Шешім.html")
    )
    assert GENERATED.match(decision.document.name), decision.document.name
    assert decision.document.name.startswith("registry/decisions/2026/11/")
    assert decision.document.name.endswith(".pdf")


def test_the_download_name_is_sanitized_and_takes_the_detected_extension(cast):
    account = OfficialAccountFactory(organization=cast.own)
    decision = CreationDecisionFactory(account=account)
    response = files.respond(decision.document, download_name='a"; b=c\r\n/../Шешім.html')
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition and "/" not in disposition
    assert disposition.startswith("attachment;")
    assert ".html" not in disposition and ".pdf" in disposition


def test_nginx_sends_the_bytes_when_x_accel_redirect_is_set(cast, settings):
    settings.FILES_X_ACCEL_REDIRECT = "/protected-media/"
    decision = CreationDecisionFactory(account=OfficialAccountFactory(organization=cast.own))
    response = files.respond(decision.document)
    assert response["X-Accel-Redirect"] == f"/protected-media/{decision.document.name}"
    assert response.content == b""
    assert_served_as_inert_attachment(response)


def test_the_media_route_is_gone(client, cast):
    decision = CreationDecisionFactory(account=OfficialAccountFactory(organization=cast.own))
    client.force_login(cast.charlie)
    assert client.get(f"/media/{decision.document.name}").status_code == 404


# Each upload field: hostile files are refused --------------------------------------------------


def registry_post(client, cast, name, content):
    account = OfficialAccountFactory(organization=cast.own)
    forms = {
        "decision": (
            cast.alice,
            "registry:decision_add",
            {"body": "Комитет", "number": "1", "decided_on": "2026-01-10"},
            "document",
            CreationDecision,
        ),
        "logo": (
            cast.alice,
            "registry:logo_check_add",
            {"checked_on": "2026-11-01", "result": "passed"},
            "screenshot",
            LogoCheck,
        ),
        "order": (
            cast.charlie,
            "registry:appointment_add",
            {
                "full_name": "Ахметов Ерлан",
                "order_number": "5",
                "order_date": "2026-01-10",
                "starts_on": "2026-01-10",
            },
            "order_document",
            AdministratorAppointment,
        ),
    }
    actor, url, data, field, model = forms[name]
    client.force_login(actor)
    response = client.post(reverse(url, args=[account.pk]), {**data, field: content})
    return response, model


REGISTRY_FORMS = ["decision", "logo", "order"]


@pytest.mark.parametrize("form", REGISTRY_FORMS)
@pytest.mark.parametrize("name", HOSTILE)
def test_registry_refuses_a_disguised_file(client, cast, frozen, form, name):
    response, model = registry_post(client, cast, form, upload(name, HOSTILE[name]))
    assert response.status_code == 200
    assert not model.objects.exists()


def violation_post(client, cast, content):
    client.force_login(cast.charlie)
    data = {
        "rule": "R9.3",
        "organization": cast.own.pk,
        "responsible_name": "Ахметов Ерлан",
        "occurred_on": "2026-11-01",
        "description": "Құпиясөз ауыстырылмаған.",
        "evidence": content,
    }
    return client.post(reverse("registry:violation_create"), data)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_violation_refuses_disguised_evidence(client, cast, frozen, name):
    assert violation_post(client, cast, upload(name, HOSTILE[name])).status_code == 200
    assert not Violation.objects.exists()


@pytest.mark.parametrize("kind", ["photo", "infographic", "document", "video", "audio"])
@pytest.mark.parametrize("name", HOSTILE)
def test_a_publication_refuses_a_disguised_attachment(client, cast, name, kind):
    post = publication(cast.own, cast.alice)
    client.force_login(cast.alice)
    client.post(
        reverse("content:attachment_add", args=[post.pk]),
        {"kind": kind, "file": upload(name, HOSTILE[name])},
    )
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("name", HOSTILE)
def test_a_statement_approval_refuses_a_disguised_document(client, cast, name):
    post = publication(cast.own, cast.alice, is_official_statement=True)
    client.force_login(cast.alice)
    response = client.post(
        reverse("content:statement_approval", args=[post.pk]),
        {
            "body": "Комитет",
            "decision_number": "3",
            "decision_date": "2026-01-10",
            "document": upload(name, HOSTILE[name]),
        },
    )
    assert response.status_code == 200
    assert not StatementApproval.objects.exists()


def appeal_form(cast, **extra):
    data = {
        "organization": cast.own.pk,
        "received_at": "2026-11-25T10:00",
        "channel": "telegram",
        "channel_account": "@kasipodaq_own",
        "author_name": "Әсел Нұрланқызы",
        "author_contacts": "+7 701 123 45 67",
        "text": "Қосымша сабақтар үшін ақы төленбеді.",
        "kind": "complaint",
        "topic": "pay",
        "processing_basis": "consent",
        "privacy_notice": "reply",
        "assignee": cast.lara.pk,
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("name", HOSTILE)
def test_an_appeal_refuses_a_disguised_attachment(client, cast, frozen, name):
    client.force_login(cast.alice)
    response = client.post(
        reverse("appeals:create"),
        appeal_form(cast, attachments=[upload(name, HOSTILE[name])]),
    )
    assert response.status_code == 200
    assert not Appeal.objects.exists() and not AppealAttachment.objects.exists()


def test_an_appeal_keeps_a_real_screenshot_under_a_generated_name(client, cast, frozen):
    client.force_login(cast.alice)
    shot = SimpleUploadedFile("Скриншот <b>.jpg", png(exif=True), content_type="image/jpeg")
    response = client.post(reverse("appeals:create"), appeal_form(cast, attachments=[shot]))
    assert response.status_code == 302, response.context["form"].errors
    attachment = AppealAttachment.objects.get()
    assert GENERATED.match(attachment.file.name)
    assert attachment.original_name == "Скриншот <b>.jpg"
    assert not Image.open(attachment.file.open("rb")).getexif()


@pytest.fixture
def taken_appeal(cast, frozen):
    appeal = register(cast.alice, cast.own, received(2026, 11, 20), assignee=cast.lara)
    appeal_services.appeal_first_response(
        actor=cast.alice,
        appeal=appeal,
        on=date(2026, 11, 23),
        channel=ResponseChannel.SAME_NETWORK,
        text="Тіркелді.",
    )
    appeal_services.appeal_take(actor=cast.lara, appeal=appeal)
    return appeal


def official_response_post(client, cast, appeal, content):
    client.force_login(cast.lara)
    return client.post(
        reverse("appeals:step", args=[appeal.pk, "official-response"]),
        {"on": "2026-11-26", "number": "01-15/77", "text": "", "document": content},
    )


@pytest.mark.parametrize("name", HOSTILE)
def test_an_official_response_refuses_a_disguised_document(client, cast, taken_appeal, name):
    official_response_post(client, cast, taken_appeal, upload(name, HOSTILE[name]))
    taken_appeal.refresh_from_db()
    assert not taken_appeal.official_response_document
    assert not taken_appeal.official_response_number


def test_a_service_called_directly_checks_the_file_too(cast, frozen):
    with pytest.raises(ValidationError):
        register(
            cast.alice,
            cast.own,
            received(2026, 11, 20),
            attachments=[upload("x.png", HOSTILE["png-signature-html.png"])],
        )
    assert not Appeal.objects.exists()


# Each file URL: inert when served, 404 elsewhere, login for the anonymous -----------------------


@pytest.fixture
def stored(client, cast, frozen):
    """One file per upload field, each a PDF with HTML behind its header, through the forms."""
    pdf = lambda: upload("x.html", PDF_WITH_HTML)  # noqa: E731
    urls = {}
    for form in REGISTRY_FORMS:
        response, model = registry_post(client, cast, form, pdf())
        assert response.status_code == 302, response.context["form"].errors
        urls[form] = reverse("registry:document", args=[form, model.objects.get().pk])
    assert violation_post(client, cast, pdf()).status_code == 302
    urls["evidence"] = reverse("registry:document", args=["evidence", Violation.objects.get().pk])

    post = publication(cast.own, cast.alice, is_official_statement=True)
    client.force_login(cast.alice)
    client.post(
        reverse("content:attachment_add", args=[post.pk]), {"kind": "document", "file": pdf()}
    )
    attachment = Attachment.objects.get()
    urls["attachment"] = reverse("content:attachment_file", args=[attachment.pk])
    response = client.post(
        reverse("content:statement_approval", args=[post.pk]),
        {
            "body": "Комитет",
            "decision_number": "3",
            "decision_date": "2026-01-10",
            "document": pdf(),
        },
    )
    assert response.status_code == 302
    urls["statement"] = reverse("content:statement_document", args=[post.pk])

    response = client.post(reverse("appeals:create"), appeal_form(cast, attachments=[pdf()]))
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    urls["appeal-attachment"] = reverse(
        "appeals:attachment", args=[appeal.pk, appeal.attachments.get().pk]
    )
    appeal_services.appeal_first_response(
        actor=cast.alice,
        appeal=appeal,
        on=date(2026, 11, 25),
        channel=ResponseChannel.SAME_NETWORK,
        text="Тіркелді.",
    )
    appeal_services.appeal_take(actor=cast.lara, appeal=appeal)
    assert official_response_post(client, cast, appeal, pdf()).status_code == 302
    urls["official-response"] = reverse("appeals:response_document", args=[appeal.pk])
    client.logout()
    return urls


FILE_URLS = [
    "decision",
    "logo",
    "order",
    "evidence",
    "attachment",
    "statement",
    "appeal-attachment",
    "official-response",
]


@pytest.mark.parametrize("which", FILE_URLS)
def test_an_accepted_file_is_served_as_an_attachment_no_browser_renders(
    client, cast, stored, which
):
    client.force_login(cast.charlie)
    response = client.get(stored[which])
    assert_served_as_inert_attachment(response)
    assert b"".join(response.streaming_content) == PDF_WITH_HTML
    assert ".html" not in response["Content-Disposition"]


@pytest.mark.parametrize("which", FILE_URLS)
def test_a_file_of_another_organization_answers_404(client, cast, stored, which):
    client.force_login(cast.sibling_chairman)
    assert client.get(stored[which]).status_code == 404


@pytest.mark.parametrize("which", FILE_URLS)
def test_the_anonymous_are_sent_to_the_login_page(client, stored, which):
    response = client.get(stored[which])
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_stored_names_are_generated(stored):
    for model, field in [
        (CreationDecision, "document"),
        (LogoCheck, "screenshot"),
        (AdministratorAppointment, "order_document"),
        (Violation, "evidence"),
        (Attachment, "file"),
        (StatementApproval, "document"),
        (AppealAttachment, "file"),
        (Appeal, "official_response_document"),
    ]:
        for name in model.objects.values_list(field, flat=True):
            assert GENERATED.match(name), name
            assert "html" not in name


def test_only_a_thumbnail_is_shown_inline(client, cast):
    post = publication(cast.own, cast.alice)
    client.force_login(cast.alice)
    photo = SimpleUploadedFile("photo.jpg", png(exif=True), content_type="image/jpeg")
    client.post(reverse("content:attachment_add", args=[post.pk]), {"kind": "photo", "file": photo})
    attachment = Attachment.objects.get()
    thumb = client.get(reverse("content:attachment_thumb", args=[attachment.pk]))
    assert thumb["Content-Type"] == "image/jpeg"
    assert thumb["Content-Disposition"].startswith("inline;")
    assert thumb["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in thumb["Content-Security-Policy"]
    full = client.get(reverse("content:attachment_file", args=[attachment.pk]))
    assert_served_as_inert_attachment(full, "image/jpeg")
    assert 'filename="photo.jpg"' in full["Content-Disposition"]


def test_an_old_file_under_its_old_name_is_still_served_by_its_content(client, cast):
    decision = CreationDecisionFactory(account=OfficialAccountFactory(organization=cast.own))
    CreationDecision.objects.filter(pk=decision.pk).update(document="registry/decisions/x.html")
    decision.document.storage.save("registry/decisions/x.html", ContentFile(b"%PDF-" + HTML))
    client.force_login(cast.charlie)
    response = client.get(reverse("registry:document", args=["decision", decision.pk]))
    assert_served_as_inert_attachment(response, "application/octet-stream")


def test_a_logo_screenshot_is_an_attachment_too(client, cast):
    check = LogoCheckFactory(account=OfficialAccountFactory(organization=cast.own))
    client.force_login(cast.lara)
    response = client.get(reverse("registry:document", args=["logo", check.pk]))
    assert_served_as_inert_attachment(response, "image/png")
