"""Issue 7, point 3: the PDF laid out as Appendix 2 — every heading in Kazakh (Russian for a
Russian report), the organization, the period line, the figures, the signature block, page
numbers and the charts as vector graphics."""

import io
import re

import pytest
from pypdf import PdfReader

from reports import services
from reports.appendix import KIND_KK, KK, RU, SECTION_KEYS
from reports.exports import report_pdf
from reports.models import SubscriberCount
from tests.reports.factories import H1, published

pytestmark = pytest.mark.django_db

SIGNATURE = ["prepared", "fio", "position", "signature", "date"]


def text_of(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", "", text), len(reader.pages)


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture
def report(cast, accounts):
    published(cast.own, cast.alice, (2026, 2, 1), kind="legal", account=accounts["telegram"])
    published(cast.own, cast.alice, (2026, 2, 2), kind="legal", account=accounts["telegram"])
    SubscriberCount.objects.create(account=accounts["telegram"], on=H1[0], subscribers=1200)
    SubscriberCount.objects.create(account=accounts["telegram"], on=H1[1], subscribers=1345)
    report = services.report_create(
        actor=cast.alice, organization=cast.own, starts_on=H1[0], ends_on=H1[1]
    )
    return services.report_update(
        actor=cast.alice,
        report=report,
        responsible_name="Ахметова Әсел Қайратқызы",
        responsible_position="SMM-маман",
        priorities="Құқықтық ағарту.\n\n- вебинарлар\n- инфографика",
        assessment="Тиімділігі жоғары, ₸ белгісі де көрінеді.",
    )


def test_the_kazakh_pdf_has_every_heading_of_appendix_2_and_the_figures(report):
    text, pages = text_of(report_pdf(report, "kk"))
    for key in [*SECTION_KEYS, "title", *SIGNATURE, "network", "account_name", "link"]:
        assert squeeze(KK[key]) in text, KK[key]
    for kk, _ru in KIND_KK.values():
        assert squeeze(kk) in text
    assert squeeze("Өз ұйымы") in text  # the organization's name
    assert squeeze("2026 жылдың бірінші жартыжылдығы бойынша") in text
    assert squeeze("Ахметова Әсел Қайратқызы") in text and "SMM-маман" in text
    assert "1200" in text and "1345" in text and "+145" in text  # 4.1 and its chart
    assert "Біздіңарна" in text and "t.me/bizdin_arna" in text  # 1.3
    assert "₸" in text and "вебинарлар" in text
    assert f"1/{pages}" in text  # page numbers


def test_the_russian_pdf_has_the_russian_headings(report):
    text, _pages = text_of(report_pdf(report, "ru"))
    for key in [*SECTION_KEYS, "title", *SIGNATURE]:
        assert squeeze(RU[key]) in text, RU[key]
    assert squeeze("за первое полугодие 2026 года") in text
    assert squeeze("Своя организация") in text


def test_the_charts_are_vector_graphics_in_the_page_and_the_pdf(client, cast, report):
    client.force_login(cast.alice)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert page.count("<svg") == 2 and "<rect" in page
    pdf = report_pdf(report, "kk")
    assert b"/Subtype /Image" not in pdf  # drawn as paths, not embedded pictures
