"""Issue 5, point 1: the seeded template is Appendix 1 of the Regulation, word for word."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from checklist.models import TemplateItem, TemplateSection, TemplateVersion

pytestmark = pytest.mark.django_db

# The Regulation's texts live in the repository (docs/regulation/), so a fresh clone is enough.
REGULATION = Path(settings.BASE_DIR) / "docs" / "regulation"
COUNTS = {"CL2": 8, "CL3": 5, "CL4": 5, "CL5": 6, "CL6": 5, "CL7": 5, "CL8": 5}


def read(name: str) -> str:
    path = REGULATION / name
    if not path.exists():  # never a skip: without the text the seed cannot be checked
        pytest.fail(f"{path} is missing: the seed cannot be compared with the Regulation")
    return path.read_text(encoding="utf-8")


def normalize(text: str) -> str:
    """Only whitespace and list dashes are normalized."""
    text = re.sub(r"^\s*[-–—•]\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def appendix_1_kk() -> dict[int, tuple[str, list[str]]]:
    """{section number: (heading, [items])} from the Kazakh Regulation's Appendix 1."""
    text = read("regulation.kk.txt")
    text = text[text.index("№ 1 қосымша") : text.index("№ 2 қосымша")]
    heads = list(re.finditer(r"^(\d)\. (.+)$", text, re.M))
    out = {}
    for i, head in enumerate(heads):
        body = text[head.end() : heads[i + 1].start() if i + 1 < len(heads) else len(text)]
        items = [normalize(line) for line in body.splitlines() if line.strip().startswith("- ")]
        out[int(head.group(1))] = (normalize(head.group(2)), items)
    return out


def appendix_1_ru() -> dict[str, str]:
    text = read("regulation.ru.md")
    return dict(re.findall(r"^- (CL\d\.\d) (.+)$", text, re.M))


def test_the_seed_is_one_published_version_with_39_items_in_seven_sections():
    template = TemplateVersion.objects.current()
    assert template.number == 1 and template.is_published
    counts = {s.code: s.items.count() for s in TemplateSection.objects.filter(template=template)}
    assert counts == COUNTS
    assert TemplateItem.objects.filter(section__template=template).count() == 39


def test_every_seeded_kazakh_item_and_heading_is_the_regulations_text_verbatim():
    regulation = appendix_1_kk()
    template = TemplateVersion.objects.current()
    for section in template.sections.all():
        heading, expected = regulation[section.number]
        assert normalize(section.title_kk) == heading, section.code
        seeded = [normalize(i.text_kk) for i in section.items.order_by("position")]
        assert seeded == expected, section.code
        codes = [i.code for i in section.items.order_by("position")]
        assert codes == [f"CL{section.number}.{n}" for n in range(1, len(expected) + 1)]


def test_the_final_decisions_use_the_regulations_wording():
    from django.utils import translation

    from checklist.models import Decision

    _heading, decisions = appendix_1_kk()[9]
    with translation.override("kk"):
        labels = [normalize(str(label)).lower() for label in Decision.labels]
    assert labels == [d.rstrip(";.") for d in decisions]


def test_every_seeded_russian_item_is_the_russian_editions_text():
    russian = appendix_1_ru()
    seeded = {
        i.code: i.text_ru
        for i in TemplateItem.objects.filter(section__template=TemplateVersion.objects.current())
    }
    assert seeded == russian


def test_not_applicable_is_allowed_only_where_an_item_depends_on_something_present():
    template = TemplateVersion.objects.current()
    rules = dict(
        TemplateItem.objects.filter(section__template=template).values_list(
            "code", "not_applicable"
        )
    )
    where_needed = {c for c, r in rules.items() if r == "where_needed"}
    assert {"CL2.3", "CL5.5", "CL8.2"} <= where_needed
    assert {c for c, r in rules.items() if r == "without_visuals"} == {
        f"CL6.{n}" for n in range(1, 6)
    }
    assert rules["CL2.1"] == "never"
    legal = set(
        TemplateItem.objects.filter(section__template=template, is_legal=True).values_list(
            "code", flat=True
        )
    )
    assert legal == {f"CL2.{n}" for n in range(1, 9)} | {"CL8.2"}


@pytest.mark.parametrize("name", ["regulation.kk.txt", "regulation.ru.md", "regulation.en.md"])
def test_the_regulation_texts_are_part_of_the_repository(name):
    """Issue 10, point 5: the compared texts come with the clone, and a missing one fails."""
    assert (REGULATION / name).is_file(), f"docs/regulation/{name} is missing"
    assert REGULATION.resolve().is_relative_to(Path(settings.BASE_DIR).resolve())


def test_a_missing_regulation_file_fails_rather_than_skips(monkeypatch, tmp_path):
    monkeypatch.setitem(globals(), "REGULATION", tmp_path)
    with pytest.raises(pytest.fail.Exception):
        read("regulation.kk.txt")
