"""Phone checks for the browser tests (issue 13, point 10; docs/accessibility.md, "Phone").

- `assert_tap_targets(page)`: every visible tap target — a link, a button, a form control, a
  <summary>, the label of a checkbox or radio — is at least 44 × 44 CSS px. Exempt, as WCAG
  2.5.8 allows: a link inside running text (displayed inline, in a block with more words than
  its own), a checkbox or radio whose label is itself large enough (the label is the target),
  disabled controls and visually hidden ones (the skip link until it is focused).
- `assert_no_horizontal_scroll(page)`: the document does not scroll sideways.
- `console_errors(page)`: start collecting the page's console errors and uncaught exceptions;
  returns the list it fills.

Any browser test may call them: `from tests.browser.phone import assert_tap_targets`.
"""

from __future__ import annotations

MIN = 44

TARGETS = """(min) => {
  const selector = [
    'a[href]', 'button', 'input:not([type=hidden])', 'select', 'textarea', 'summary', 'label[for]',
  ].join(', ');
  const big = (r) => r.width >= min - 0.5 && r.height >= min - 0.5;
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;  // visually hidden (the skip link, .btn-check)
    if (el.disabled || style.pointerEvents === 'none') continue;
    if (el.tagName === 'LABEL') {
      const input = document.getElementById(el.htmlFor);
      if (!input || !['checkbox', 'radio'].includes(input.type)) continue;
    }
    if (el.tagName === 'INPUT' && ['checkbox', 'radio'].includes(el.type)) {
      if ([...el.labels].some((l) => big(l.getBoundingClientRect()))) continue;
    }
    if (el.tagName === 'A' && style.display === 'inline') {
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) {
        block = block.parentElement;
      }
      if (block && block.textContent.trim().length > el.textContent.trim().length) continue;
    }
    if (!big(r)) {
      found.push({
        tag: el.tagName.toLowerCase(),
        testid: el.dataset.testid || '',
        cls: el.className && el.className.baseVal === undefined ? el.className : '',
        text: (el.textContent || el.value || el.getAttribute('aria-label') || '')
          .trim().slice(0, 40),
        size: `${Math.round(r.width)}×${Math.round(r.height)}`,
      });
    }
  }
  return found;
}"""


def small_tap_targets(page, minimum: int = MIN) -> list[dict]:
    return page.evaluate(TARGETS, minimum)


def assert_tap_targets(page, minimum: int = MIN) -> None:
    small = small_tap_targets(page, minimum)
    assert not small, f"{page.url}: tap targets smaller than {minimum}×{minimum} px:\n" + "\n".join(
        f"  <{s['tag']} class={s['cls']!r} data-testid={s['testid']!r}> {s['text']!r} {s['size']}"
        for s in small
    )


def horizontal_scroll(page) -> tuple[int, int]:
    return page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


def assert_no_horizontal_scroll(page) -> None:
    scroll, client = horizontal_scroll(page)
    assert scroll <= client, f"{page.url} scrolls sideways: {scroll} > {client} px"


def console_errors(page) -> list[str]:
    """The browser's own request for /favicon.ico (the product has none) is not the page's."""
    errors: list[str] = []

    def heard(message) -> None:
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            errors.append(f"{message.text} ({message.location.get('url', '')})")

    page.on("console", heard)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors
