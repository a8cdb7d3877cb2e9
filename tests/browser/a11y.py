"""Accessibility checks for the browser tests (issue 16, docs/accessibility.md).

`assert_accessible(page, "what this page is")` runs axe-core (vendored in `vendor/axe-core/`, no
CDN) in the page as it is now and fails listing every serious or critical violation with its rule,
the elements it concerns and the page's address. A new page joins the sweep of
`test_accessibility.py` with one line in its `PAGES`; any other browser test may call it too.

axe is injected with `page.evaluate`, which Chromium runs outside the page's Content-Security-
Policy, so the policy under test stays exactly what users get.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_PATH = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, headings, regions).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = ("serious", "critical")

RUN = """async (tags) => {
  const result = await window.axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      impact: n.impact,
      target: n.target.join(" "),
      summary: (n.failureSummary || "").split("\\n").slice(0, 3).join(" "),
      html: n.html.slice(0, 160),
    })),
  }));
}"""


@cache
def axe_source() -> str:
    return AXE_PATH.read_text(encoding="utf-8")


def inject(page) -> None:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Runtime.evaluate of the whole file: the page's CSP (script-src 'self') does not apply.
        page.evaluate(axe_source() + "\n;undefined")


def violations(page, impacts=FAILING_IMPACTS) -> list[dict]:
    """axe's violations of the page as it is now, only the nodes of the given impacts."""
    inject(page)
    found = []
    for violation in page.evaluate(RUN, TAGS):
        nodes = [n for n in violation["nodes"] if (n["impact"] or violation["impact"]) in impacts]
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


def describe(found: list[dict], where: str) -> str:
    lines = []
    for v in found:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} — {where}")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}  {node['summary']}  {node['html']}")
    return "\n".join(lines)


def assert_accessible(page, context: str = "") -> None:
    """Fail with a readable list when axe finds a serious or critical violation on the page."""
    found = violations(page)
    where = f"{context} ({page.url})" if context else page.url
    assert not found, "axe-core found serious/critical violations:\n" + describe(found, where)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when nothing sticks out)."""
    # Measured once the web fonts are in: the fallback font's widths are not what users get.
    return page.evaluate(
        "async () => { await document.fonts.ready;"
        " return Math.max(0, document.documentElement.scrollWidth - window.innerWidth); }"
    )


WIDEST = """() => {
  const limit = window.innerWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.right <= limit + 1 || r.width === 0) continue;
    // Only the outermost culprit; what a box scrolls or clips inside the viewport is no culprit.
    let inside = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      const clips = ["auto", "scroll", "hidden", "clip"].includes(style.overflowX);
      if (clips && p.getBoundingClientRect().right <= limit + 1) { inside = true; break; }
    }
    if (inside) continue;
    const parentRight = el.parentElement ? el.parentElement.getBoundingClientRect().right : 0;
    if (parentRight > limit + 1) continue;
    const classes = typeof el.className === "string" ? el.className.trim() : "";
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (classes ? "." + classes.split(/\\s+/).join(".") : "");
    out.push(name + " → " + Math.round(r.right - limit) + " px");
  }
  // Text that runs out of its box (a long word that does not break) widens the page too.
  for (const el of document.querySelectorAll("main *")) {
    if (out.length >= 5) break;
    const r = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1 && r.left + el.scrollWidth > limit + 1 &&
        getComputedStyle(el).overflowX === "visible" && el.children.length === 0) {
      out.push(el.tagName.toLowerCase() + " text “" + el.textContent.trim().slice(0, 40) + "” → " +
        Math.round(r.left + el.scrollWidth - limit) + " px");
    }
  }
  return out.slice(0, 5);
}"""


def overflowing_elements(page) -> list[str]:
    """The outermost elements that stick out of the viewport (for the failure message)."""
    return page.evaluate(WIDEST)
