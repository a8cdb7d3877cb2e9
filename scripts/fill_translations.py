#!/usr/bin/env python3
"""Fill empty msgstr entries of locale/{kk,ru}/LC_MESSAGES/django.po from a Python file of
translations: `python scripts/fill_translations.py FILE.py` where FILE defines
T = {msgid: (kk, ru)} and optionally PLURAL = {msgid: ([kk forms], [ru forms])}.
Entries already translated are left alone; fuzzy flags on filled entries are removed."""

import runpy
import sys

import polib

LANGS = ("kk", "ru")


def main(path: str) -> None:
    data = runpy.run_path(path)
    simple, plural = data.get("T", {}), data.get("PLURAL", {})
    for i, lang in enumerate(LANGS):
        po = polib.pofile(f"locale/{lang}/LC_MESSAGES/django.po")
        filled = 0
        for entry in po:
            if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
                continue
            if entry.msgid_plural and entry.msgid in plural:
                forms = plural[entry.msgid][i]
                entry.msgstr_plural = dict(enumerate(forms))
            elif not entry.msgid_plural and entry.msgid in simple:
                entry.msgstr = simple[entry.msgid][i]
            else:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            # msgmerge chokes on orphaned "#|" lines: clear every previous_* together.
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            filled += 1
        po.save()
        print(f"{lang}: filled {filled}, untranslated {len(po.untranslated_entries())}")


if __name__ == "__main__":
    main(sys.argv[1])
