"""The report's wording is Appendix 2's: Kazakh verbatim from regulation.kk.txt, Russian from
regulation.ru.md, through the translation catalogs."""

import pytest
from django.utils import translation

from reports import appendix
from reports.templatetags.reports_tags import render_narrative


@pytest.mark.parametrize("lang,index,reference", [("kk", 0, appendix.KK), ("ru", 1, appendix.RU)])
def test_every_heading_and_label_translates_to_the_regulations_words(lang, index, reference):
    with translation.override(lang):
        assert {k: str(v) for k, v in appendix.H.items()} == reference
        for labels, words in (
            (appendix.KIND_LABELS, appendix.KIND_KK),
            (appendix.TOPIC_LABELS, appendix.TOPIC_KK),
            (appendix.OUTCOME_LABELS, appendix.OUTCOME_KK),
        ):
            assert {k: str(v) for k, v in labels.items()} == {k: w[index] for k, w in words.items()}


def test_narrative_text_becomes_paragraphs_and_lists_and_is_escaped():
    html = render_narrative("Бір\nекі\n\n- а\n- <script>\nСоңы")
    assert html == "<p>Бір<br>екі</p><ul><li>а</li><li>&lt;script&gt;</li></ul><p>Соңы</p>"


@pytest.mark.parametrize("lang,index", [("kk", 0), ("ru", 1)])
def test_rpt2_1_and_rpt6_2_lists_translate_to_the_regulations_words(lang, index):
    with translation.override(lang):
        for labels, words in (
            (appendix.GOAL_LABELS, appendix.GOAL_KK),
            (appendix.RISK_LABELS, appendix.RISK_KK),
        ):
            assert {k: str(v) for k, v in labels.items()} == {k: w[index] for k, w in words.items()}
        assert str(appendix.OTHER) == ("өзге", "иное")[index]


def test_rpt2_1_and_rpt6_2_kazakh_words_are_the_regulations_verbatim():
    """Compared with the Regulation's texts in the repository (docs/regulation/); a missing
    file fails the test."""
    from pathlib import Path

    from django.conf import settings

    regulation = Path(settings.BASE_DIR) / "docs" / "regulation"
    kk = (regulation / "regulation.kk.txt").read_text(encoding="utf-8")
    ru = (regulation / "regulation.ru.md").read_text(encoding="utf-8")
    for words in (*appendix.GOAL_KK.values(), *appendix.RISK_KK.values()):
        assert f"- {words[0]};" in kk or f"- {words[0]}." in kk, words[0]
        assert words[1] in ru, words[1]
