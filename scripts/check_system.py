#!/usr/bin/env python3
"""Checks what `make run` / `make test` need from the machine itself, before anything is installed,
and prints exactly what to install when something is missing. Uses only the standard library."""

import ctypes.util
import shutil
import sys

# (library name for ctypes, what it is for, Debian/Ubuntu package, Fedora package)
LIBRARIES = [
    ("gobject-2.0", "WeasyPrint (PDF)", "libglib2.0-0", "glib2"),
    ("pango-1.0", "WeasyPrint (PDF)", "libpango-1.0-0", "pango"),
    ("pangoft2-1.0", "WeasyPrint (PDF)", "libpangoft2-1.0-0", "pango"),
    ("harfbuzz", "WeasyPrint (PDF)", "libharfbuzz0b", "harfbuzz"),
    ("harfbuzz-subset", "WeasyPrint (PDF fonts)", "libharfbuzz-subset0", "harfbuzz"),
    ("fontconfig", "WeasyPrint (PDF fonts)", "libfontconfig1", "fontconfig"),
]


def main() -> int:
    problems = []
    if sys.version_info < (3, 11):  # noqa: UP036 - run by the system Python, before the venv
        problems.append(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    missing = [lib for lib in LIBRARIES if ctypes.util.find_library(lib[0]) is None]
    if missing:
        names = ", ".join(f"lib{lib[0]} ({lib[1]})" for lib in missing)
        debian = " ".join(dict.fromkeys(lib[2] for lib in missing))
        fedora = " ".join(dict.fromkeys(lib[3] for lib in missing))
        problems.append(
            f"Missing system libraries: {names}.\n"
            f"  Debian/Ubuntu: sudo apt-get install -y {debian}\n"
            f"  Fedora:        sudo dnf install -y {fedora}\n"
            f"  macOS:         brew install pango"
        )
    if problems:
        print("The machine is not ready:\n- " + "\n- ".join(problems), file=sys.stderr)
        return 1
    if shutil.which("chromium") is None and "--quiet" not in sys.argv:
        print(
            "Note: /usr/bin/chromium is missing, so browser tests will be skipped locally "
            "(CI installs it: sudo apt-get install -y chromium)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
