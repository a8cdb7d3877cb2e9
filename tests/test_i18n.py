"""Translations are complete in Kazakh and Russian, up to date with the sources, and Kazakh
has its own date and number formats."""

import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django import forms
from django.utils import formats, translation

from tests.conftest import need_service

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("kk", "ru")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalog(lang: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    po = catalog(lang)
    missing = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert len(po) > 100
    assert missing == [], f"{lang}: untranslated: {missing[:10]}"
    assert fuzzy == [], f"{lang}: fuzzy: {fuzzy[:10]}"


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_every_placeholder(lang):
    wrong = []
    for entry in catalog(lang).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        wrong += [entry.msgid for s in strings if sorted(PLACEHOLDER.findall(s)) != expected]
    assert wrong == []


def test_the_catalogs_hold_every_message_of_the_sources(tmp_path):
    """makemessages over a copy of the sources finds no message the catalogs lack."""
    if shutil.which("xgettext") is None:
        need_service(
            "GNU gettext", "xgettext is needed to extract messages (apt-get install gettext)"
        )
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "static", "node_modules", "*.mo", "__pycache__"
    )
    for name in ("manage.py", "config", "templates", *_apps()):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=ignore)
        else:
            shutil.copy(src, tmp_path / name)
    (tmp_path / "locale" / "kk" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "kk",
            "--no-location",
            "-v0",
            "--ignore=tests",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": str(tmp_path),
        },
    )
    extracted = polib.pofile(str(tmp_path / "locale" / "kk" / "LC_MESSAGES" / "django.po"))
    for lang in LANGS:
        known = {(e.msgctxt, e.msgid) for e in catalog(lang) if not e.obsolete}
        new = [e.msgid for e in extracted if (e.msgctxt, e.msgid) not in known]
        assert new == [], f"run `make messages` and translate: {new[:10]}"


def _apps():
    return [p.parent.name for p in ROOT.glob("*/apps.py")]


def test_kazakh_dates_and_numbers_have_kazakh_formats():
    with translation.override("kk"):
        assert formats.date_format(date(2026, 11, 26), "SHORT_DATE_FORMAT") == "26.11.2026"
        assert formats.date_format(date(2026, 11, 26)) == "26.11.2026"
        assert formats.date_format(datetime(2026, 11, 26, 9, 5), "SHORT_DATETIME_FORMAT") == (
            "26.11.2026 09:05"
        )
        number = formats.number_format(Decimal("1234567.5"), 2, use_l10n=True, force_grouping=True)
        assert number == "1\xa0234\xa0567,50"
        # Grouping is asked for where a figure is shown to people (ids print plainly).
        from django.contrib.humanize.templatetags.humanize import intcomma
        from django.template.defaultfilters import floatformat

        assert intcomma(1234567) == "1\xa0234\xa0567"
        assert floatformat(Decimal("1234567.5"), "2g") == "1\xa0234\xa0567,50"
        assert formats.localize(1234) == "1234"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_russian_dates_read_like_the_kazakh_ones():
    with translation.override("ru"):
        assert formats.date_format(date(2026, 11, 26)) == "26.11.2026"


def test_kazakh_date_input_is_understood():
    field = forms.DateField()
    with translation.override("kk"):
        assert field.clean("26.11.2026") == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("kk", "Бұл өрісті толтыру міндетті."), ("ru", "Обязательное поле.")],
)
def test_django_s_own_messages_come_in_our_languages(lang, expected):
    class Form(forms.Form):
        name = forms.CharField()
        when = forms.DateField()

    with translation.override(lang):
        form = Form({"when": "зат"})
        assert form.errors["name"] == [expected]
        assert form.errors["when"][0] != "Enter a valid date."
