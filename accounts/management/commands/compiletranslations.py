"""Compile locale/*/LC_MESSAGES/*.po into .mo with polib, so set-up needs no GNU gettext tools
(Django's compilemessages calls msgfmt). Fuzzy and untranslated entries are left out, as msgfmt
does."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po catalogs into .mo files (no msgfmt needed)."

    def handle(self, *args, **options):
        count = 0
        for root in settings.LOCALE_PATHS:
            for po_path in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                catalog = polib.pofile(str(po_path))
                catalog.save_as_mofile(str(mo_path))
                count += 1
        self.stdout.write(f"Compiled {count} catalog(s).")
