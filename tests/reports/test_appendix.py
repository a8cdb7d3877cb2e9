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
