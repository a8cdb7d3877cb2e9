#!/usr/bin/env python3
"""Fill msgstr entries of locale/{kk,ru}/LC_MESSAGES/django.po from a Python file of
translations: `python scripts/fill_translations.py FILE.py [FILE.py …]` where each FILE defines

- T = {msgid: (kk, ru)} — fills entries that are empty or fuzzy; translated ones are left alone;
- FORCE = {msgid: (kk, ru)} — overwrites the translation even when one exists (a corrected
  term); applied after T;
- PLURAL = {msgid: ([kk forms], [ru forms])} — fills empty or fuzzy plural entries.

A key is a msgid, or (msgctxt, msgid) for a message with a context (pgettext). A None in place
of a language's text leaves that language as it is. Fuzzy flags on filled entries are removed."""

import runpy
import sys
from pathlib import Path

import polib

LANGS = ("kk", "ru")


def _lookup(table: dict, entry: polib.POEntry):
    """The table's value for the entry: (msgctxt, msgid) first, then a plain msgid key for an
    entry without a context."""
    if (entry.msgctxt, entry.msgid) in table:
        return table[(entry.msgctxt, entry.msgid)]
    if entry.msgctxt is not None and f"{entry.msgctxt}\x04{entry.msgid}" in table:
        return table[f"{entry.msgctxt}\x04{entry.msgid}"]  # gettext's own "context\x04msgid"
    if entry.msgctxt is None and entry.msgid in table:
        return table[entry.msgid]
    return None


def fill(path: str, locale_dir: str | Path = "locale") -> dict[str, dict[str, int]]:
    """Apply one translations file; returns {lang: {"filled": n, "forced": n}}."""
    data = runpy.run_path(path)
    simple, plural, force = data.get("T", {}), data.get("PLURAL", {}), data.get("FORCE", {})
    report = {}
    for i, lang in enumerate(LANGS):
        po_path = Path(locale_dir) / lang / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(po_path))
        filled = forced = 0
        for entry in po:
            if entry.obsolete:
                continue
            changed = False
            if not entry.translated() or "fuzzy" in entry.flags:
                value = _lookup(plural if entry.msgid_plural else simple, entry)
                if value is not None and value[i] is not None:
                    if entry.msgid_plural:
                        entry.msgstr_plural = dict(enumerate(value[i]))
                    else:
                        entry.msgstr = value[i]
                    filled += 1
                    changed = True
            value = None if entry.msgid_plural else _lookup(force, entry)
            if value is not None and value[i] is not None and entry.msgstr != value[i]:
                entry.msgstr = value[i]
                forced += 1
                changed = True
            if not changed:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            # msgmerge chokes on orphaned "#|" lines: clear every previous_* together.
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        po.save()
        report[lang] = {"filled": filled, "forced": forced}
        print(
            f"{lang}: filled {filled}, forced {forced}, "
            f"untranslated {len(po.untranslated_entries())}"
        )
    return report


def main(*paths: str) -> None:
    for path in paths:
        fill(path)


if __name__ == "__main__":
    main(*sys.argv[1:])
