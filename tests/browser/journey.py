"""Counting a journey (issue 13, "measured by the browser tests"): the documents the browser
loads and the taps (trusted clicks, Playwright's click and check included) of each person.

The `login` fixture of tests/browser/conftest.py tells the counter who is signed in and pauses
it while signing in: signing in is not part of a journey (each person starts signed in, on the
home page, as someone who keeps the app open), so neither the sign-in pages, the home page it
lands on, nor its clicks are counted. `page.goto()` in a test counts as a load (an address typed
in or a bookmark).

Events reach Python during the next call of the sync API; `settle()` pumps them before the role
changes and before the counts are read."""

from __future__ import annotations

from collections import Counter

# A listener in every document: each trusted click is reported to the test (no page script is
# involved; the page's own CSP does not apply to init scripts).
_TAPS = """document.addEventListener("click", (event) => {
  if (event.isTrusted && window.__journeyTap) window.__journeyTap();
}, true);"""


class Journey:
    def __init__(self, page):
        self.page = page
        self.role = ""
        self.counting = False
        self.loads: Counter[str] = Counter()
        self.taps: Counter[str] = Counter()
        self.urls: list[tuple[str, str]] = []
        page.on("domcontentloaded", self._loaded)
        page.expose_function("__journeyTap", self._tapped)
        page.add_init_script(_TAPS)

    def _loaded(self, page) -> None:
        if self.counting and page.url != "about:blank":
            self.loads[self.role] += 1
            self.urls.append((self.role, page.url))

    def _tapped(self) -> None:
        if self.counting:
            self.taps[self.role] += 1

    def settle(self) -> None:
        if self.page.url == "about:blank":
            return
        self.page.wait_for_load_state("domcontentloaded")
        self.page.evaluate("0")

    def pause(self) -> None:
        self.settle()
        self.counting = False

    def resume(self, role: str) -> None:
        self.role = role
        self.counting = True

    def total_loads(self) -> int:
        self.settle()
        return sum(self.loads.values())

    def report(self, name: str) -> str:
        self.settle()
        lines = [f"{name}: page loads {dict(self.loads)}, taps {dict(self.taps)}"]
        lines += [f"  {role}: {url}" for role, url in self.urls]
        text = "\n".join(lines)
        print("\n" + text)
        return text
