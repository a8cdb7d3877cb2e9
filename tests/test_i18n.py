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


# --- Issue 10, point 4: terms as a Kazakh and a Russian official reads them ----------------
# Each test guards one rule of the glossary (the Regulation in docs/regulation/) across
# every translation, so an old wording cannot come back with a new message.


def _translations(lang: str):
    """(entry, msgstr) for every translated string of the catalog, plural forms included."""
    for entry in catalog(lang).translated_entries():
        strings = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in strings:
            yield entry, text


def _offending(lang: str, pattern: str, flags=re.IGNORECASE) -> list[str]:
    rx = re.compile(pattern, flags)
    return [f"{e.msgid!r} → {text!r}" for e, text in _translations(lang) if rx.search(text)]


def test_kazakh_takes_an_appeal_into_consideration_not_into_employment():
    """ "Жұмысқа алу" is hiring; an appeal is taken into work as "Қарауға алу"."""
    assert _offending("kk", r"жұмысқа\s+ал") == []
    taken = {e.msgid: e.msgstr for e in catalog("kk") if e.msgid == "Take into work"}
    assert taken == {"Take into work": "Қарауға алу"}


def test_kazakh_frozen_is_closed_to_change_not_approved():
    """ "Бекіту" is approval (R6.3, R9.2); a frozen version or report is "өзгертуге жабық"."""
    frozen = re.compile(r"\bfrozen\b", re.IGNORECASE)
    wrong = [
        f"{e.msgid!r} → {text!r}"
        for e, text in _translations("kk")
        if frozen.search(e.msgid) and "бекіт" in text.lower()
    ]
    assert wrong == []


def test_kazakh_spells_password_as_the_regulation_does():
    assert _offending("kk", r"құпия\s+сөз") == []


def test_the_legal_review_is_named_as_in_section_2_of_the_checklist():
    for lang, term in (("kk", "құқықтық тексеру"), ("ru", "правов")):
        wrong = [
            f"{e.msgid!r} → {text!r}"
            for e, text in _translations(lang)
            if "legal review" in e.msgid.lower() and term not in text.lower()
        ]
        assert wrong == [], lang


@pytest.mark.parametrize("lang", LANGS)
def test_no_rule_ids_or_english_appendix_in_translations(lang):
    """Rule IDs (R6.4, CL2.1, RPT3) are for code and tests; users read "6.4-тармақ"/"п. 6.4"."""
    assert _offending(lang, r"\((R|CL|RPT)\d", flags=0) == []
    assert _offending(lang, r"\bAppendix\b|\bAnnex\b") == []


# Latin words that may stand in a translation: names, formats and protocol terms.
LATIN_ALLOWED = {
    "PDF",
    "PNG",
    "JPEG",
    "IPv",
    "JSON",
    "NULL",
    "CSRF",
    "HTTPS",
    "HTTP",
    "HTML",
    "Referer",
    "Referrer",
    "Policy",
    "referrer",
    "same",
    "origin",
    "cookie",
    "DEBUG",
    "True",
    "False",
    "None",
    "Telegram",
    "BotFather",  # Telegram's own bot that issues bot tokens (a name)
    "AA",  # the shape of a bot token, "123456789:AA…"
    "Enter",  # the key, as printed on it
    "WhatsApp",
    "Instagram",
    "Facebook",
    "YouTube",
    "TikTok",
    "VK",
    "CSV",
    "XLSX",
    "Excel",
    "xlsx",
    "csv",
    "UTF",
    "mail",
    "URL",
    "UUID",
    "slug",
    "ManagementForm",
    "YYYY",
    "MM",
    "DD",
    "HH",
    "uuuuuu",
    "TZ",
    "ss",
    "no",
    "https",
    "kasipodaq",
    "me",
    "CL",
    "R",
    # Names of things that are written in Latin letters in every language: the QR code and the
    # authenticator apps the two-step sign-in page suggests.
    "QR",
    "FreeOTP",
    "Aegis",
    "Google",
    "Microsoft",
    "Authenticator",
}


@pytest.mark.parametrize("lang", LANGS)
def test_no_raw_english_in_translations(lang):
    """Technical names aside, a translation has no English words; the rule IDs of the
    violation field's help text are the values users type there."""
    strip = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}|<[^>]+>|https?://\S+|\b[RC]L?\d[\d.]*")
    wrong = []
    for entry, text in _translations(lang):
        words = set(re.findall(r"[A-Za-z]{2,}", strip.sub("", text))) - LATIN_ALLOWED
        if words:
            wrong.append(f"{entry.msgid!r}: {sorted(words)}")
    assert wrong == []


def test_russian_quotes_are_guillemets():
    """«Ёлочки», not "…" or “…”; quotes inside HTML tags are markup and stay."""
    wrong = [
        f"{e.msgid!r} → {text!r}"
        for e, text in _translations("ru")
        if re.search(r"[\"“”„]", re.sub(r"<[^>]*>", "", text))
    ]
    assert wrong == []


def test_russian_says_publication_not_post():
    assert _offending("ru", r"(?<!\w)пост(а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)") == []


def test_russian_writes_yo_where_it_is_required():
    yo = (
        r"(?<!\w)(отчет\w*|еще|утвержден|учетн\w*|введенн\w*|введен|разрешенн\w*"
        r"|разделенн\w*|поврежден|распространенн\w*|подчеркивани\w*|объем\w*|сохранен"
        r"|изменен|завершен|подчиненн\w*|партнерств\w*|приведенн\w*|определенн\w*)(?!\w)"
    )
    assert _offending("ru", yo) == []


def test_russian_statuses_of_a_publication_agree_with_publikatsiya():
    from content.models import PublicationStatus

    with translation.override("ru"):
        labels = {s.value: str(s.label) for s in PublicationStatus}
    assert labels["approved"] == "Согласована"
    assert labels["prohibited"] == "Запрещена"
    assert labels["published"] == "Опубликована"
    assert labels["withdrawn"] == "Снята с публикации"


# --- Kazakh month and year: "2026 жылғы қараша", not "Қараша 2026" -------------------------


@pytest.mark.parametrize(
    ("lang", "expected"), [("kk", "2026 жылғы қараша"), ("ru", "ноябрь 2026 г.")]
)
def test_month_year_reads_as_each_language_writes_it(lang, expected):
    from accounts.formats import month_year

    with translation.override(lang):
        assert month_year(date(2026, 11, 26)) == expected
        assert month_year(datetime(2026, 11, 26, 9, 5)) == expected
        assert month_year(None) == ""
    assert month_year(date(2026, 5, 1), language="kk") == "2026 жылғы мамыр"


@pytest.mark.parametrize(
    ("lang", "expected"), [("kk", "2026 жылғы қаңтар"), ("ru", "январь 2026 г.")]
)
def test_the_month_year_filter_renders_the_same(lang, expected):
    from django.template import Context, Template

    template = Template("{% load kasipodaq %}{{ day|month_year }}")
    with translation.override(lang):
        assert template.render(Context({"day": date(2026, 1, 31)})) == expected


# --- scripts/fill_translations.py: T fills, FORCE overwrites -------------------------------


def test_fill_translations_fills_empty_entries_and_forces_corrected_terms(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import fill_translations
    finally:
        sys.path.pop(0)
    for lang in LANGS:
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        po.append(polib.POEntry(msgid="Take into work", msgstr="Жұмысқа алу"))
        po.append(polib.POEntry(msgid="Kept", msgstr="old"))
        po.append(polib.POEntry(msgid="New", msgstr=""))
        po.append(polib.POEntry(msgctxt="publication", msgid="Approve", msgstr=""))
        po.append(polib.POEntry(msgid="Approve", msgstr="Бекіту"))
        (tmp_path / lang / "LC_MESSAGES").mkdir(parents=True)
        po.save(str(tmp_path / lang / "LC_MESSAGES" / "django.po"))
    source = tmp_path / "t.py"
    source.write_text(
        "T = {'Kept': ('x', 'y'), 'New': ('Жаңа', 'Новый'),"
        " ('publication', 'Approve'): ('Келісу', 'Согласовать')}\n"
        "FORCE = {'Take into work': ('Қарауға алу', None)}\n",
        encoding="utf-8",
    )
    report = fill_translations.fill(str(source), tmp_path)
    assert report == {"kk": {"filled": 2, "forced": 1}, "ru": {"filled": 2, "forced": 0}}
    kk = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.pofile(str(tmp_path / "kk/LC_MESSAGES/django.po"))
    }
    assert kk[(None, "Take into work")] == "Қарауға алу"  # forced over an existing translation
    assert kk[(None, "Kept")] == "old"  # T never overwrites
    assert kk[(None, "New")] == "Жаңа"
    assert kk[("publication", "Approve")] == "Келісу"  # a context key reaches only its context
    assert kk[(None, "Approve")] == "Бекіту"
    ru = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.pofile(str(tmp_path / "ru/LC_MESSAGES/django.po"))
    }
    assert ru[(None, "Take into work")] == "Жұмысқа алу"  # None leaves the language alone


def test_every_gettext_import_is_a_name_makemessages_extracts():
    """makemessages (xgettext) finds `_(…)`, `gettext_lazy(…)`, `ngettext(…)` …, never an alias
    of its own like `_lazy(…)`: such strings would silently stay in English."""
    alias = re.compile(
        r"from django\.utils\.translation import .*\b(n?p?gettext(?:_lazy|_noop)?) as (?!_\b)(\w+)"
    )
    wrong = []
    for path in ROOT.rglob("*.py"):
        if any(part in {".venv", "node_modules", "tests"} for part in path.relative_to(ROOT).parts):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if alias.search(line):
                wrong.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert wrong == []
