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


def raw_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


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


# ---------------------------------------------------------------- issue 10: language, lists


def test_rpt2_1_and_rpt6_2_the_templates_lists_are_in_the_pdf_in_each_language(cast, report):
    from reports.appendix import GOAL_KK, RISK_KK

    report = services.report_update(
        actor=cast.alice,
        report=report,
        goal_choices=["feedback", "inform"],
        risk_choices=["unreliable_information"],
        goals="Жас мамандармен жұмыс.",
        goals_ru="Работа с молодыми специалистами.",
    )
    assert report.goal_choices == ["inform", "feedback"]  # the template's order
    kk, _pages = text_of(report_pdf(report, "kk"))
    ru, _pages = text_of(report_pdf(report, "ru"))
    for key in ("inform", "feedback"):
        assert squeeze(GOAL_KK[key][0]) in kk and squeeze(GOAL_KK[key][1]) in ru
    assert squeeze(GOAL_KK["reputation"][0]) not in kk
    assert squeeze(RISK_KK["unreliable_information"][0]) in kk
    assert squeeze(RISK_KK["unreliable_information"][1]) in ru
    assert squeeze("өзге: Жас мамандармен жұмыс.") in kk
    assert squeeze("иное: Работа с молодыми специалистами.") in ru


def test_the_russian_pdf_is_wholly_russian(cast, report):
    report = services.report_update(
        actor=cast.alice,
        report=report,
        responsible_position_ru="SMM-специалист",
        priorities_ru="Правовое просвещение.\n\n- вебинары\n- инфографика",
        assessment_ru="Высокая эффективность.",
    )
    ru, _pages = text_of(report_pdf(report, "ru"))
    assert "SMM-специалист" in ru and "SMM-маман" not in ru
    assert squeeze("Правовое просвещение.") in ru and "вебинары" in ru
    assert squeeze("Высокая эффективность.") in ru
    assert squeeze("Құқықтық ағарту.") not in ru and "Тиімділігі" not in ru
    # The Kazakh PDF keeps the Kazakh text.
    kk, _pages = text_of(report_pdf(report, "kk"))
    assert "SMM-маман" in kk and squeeze("Құқықтық ағарту.") in kk and "вебинары" not in kk


def test_a_section_left_in_kazakh_carries_a_note_in_the_russian_pdf(cast, report):
    ru, _pages = text_of(report_pdf(report, "ru"))
    # priorities and assessment are written only in Kazakh, so is the position.
    assert squeeze("Құқықтық ағарту.") in ru
    note = squeeze("Раздел приводится на казахском языке: текст на русском языке не составлен.")
    assert ru.count(note) == 2
    assert squeeze("SMM-маман (приводится на казахском языке)") in ru
    kk, _pages = text_of(report_pdf(report, "kk"))
    assert "приводится" not in kk and squeeze("орыс тілінде берілген") not in kk


def test_no_rule_codes_or_english_in_the_pdf(cast, report):
    from content.models import Publication

    Publication.objects.update(is_urgent=True)
    report.data["compliance"].update(
        fully_compliant=False,
        top_no=[{"code": "CL2.1", "text": "t", "text_kk": "т", "text_ru": "т", "count": 2}],
        remarks=[
            {"code": "CL9", "title": "Жарияланым", "comment": "Түзету"},
            {"code": "CL3.5", "title": "Жарияланым", "comment": ""},
        ],
    )
    report.data["publications"]["urgent"] = 2
    report.save(update_fields=["data"])
    for lang in ("kk", "ru"):
        pdf = report_pdf(report, lang)
        text, _pages = text_of(pdf)
        for code in ("R6.4", "CL2.1", "CL9", "CL3.5", "RPT", "Appendix", "(R"):
            assert code not in text, (lang, code)
        raw = raw_text(pdf)
        assert not re.search(r"\b(of|the|and|report|checklist|urgent)\b", raw, re.I), lang
    kk, _pages = text_of(report_pdf(report, "kk"))
    assert squeeze("чек-парақтың 2.1-тармағы") in kk
    assert squeeze("чек-парақтың қорытынды шешімі: жарияланым қайта өңдеуге жіберілді") in kk
    ru, _pages = text_of(report_pdf(report, "ru"))
    assert squeeze("пункт 3.5 чек-листа") in ru


def test_figures_are_grouped_the_same_in_the_page_and_the_pdf(client, cast, accounts, report):
    SubscriberCount.objects.filter(on=H1[0]).update(subscribers=12000)
    SubscriberCount.objects.filter(on=H1[1]).update(subscribers=13450)
    report = services.report_refresh(actor=cast.alice, report=report)
    client.force_login(cast.alice)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    audience = page[page.index('data-testid="audience"') :]
    audience = audience[: audience.index("</svg>")]
    for figure in ("12\xa0000", "13\xa0450", "1\xa0450"):
        assert figure in audience  # the table and the chart alike
    assert "13450" not in audience and "13,450" not in audience
    for lang in ("kk", "ru"):
        raw = raw_text(report_pdf(report, lang))
        assert "13450" not in raw and "13,450" not in raw
        assert re.search(r"13\s450", raw) and re.search(r"\+1\s450", raw)


def test_kazakh_month_and_year_read_2026_zhylgy_qarasha(client, cast):
    from datetime import date

    report = services.report_create(
        actor=cast.alice,
        organization=cast.own,
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 11, 30),
    )
    assert report.period_label.startswith("2026 жылғы қыркүйек")
    kk, _pages = text_of(report_pdf(report, "kk"))
    assert squeeze("2026 жылғы қыркүйек — 2026 жылғы қараша") in kk
    assert "Қараша2026" not in kk and "Қыркүйек2026" not in kk
    ru, _pages = text_of(report_pdf(report, "ru"))
    assert squeeze("за сентябрь 2026 г. — ноябрь 2026 г.") in ru
    client.force_login(cast.alice)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "2026 жылғы қыркүйек — 2026 жылғы қараша" in page
