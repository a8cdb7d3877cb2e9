"""Two versions of a text side by side, with the changed words marked (issue 13, "readable
history"): lines are aligned first, then the words inside each changed pair of lines, so a
chairman sees "2025 → 2026" in place rather than two whole paragraphs of a unified diff.

`side_by_side(old, new)` returns rows of two cells; each cell is a list of (text, kind)
segments, kind one of "same", "removed" (old side) or "added" (new side); a missing line on one
side is None. Templates escape the text; nothing here produces HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words (letters of any script, digits), runs of spaces, and single other characters: a change
# of one punctuation mark does not mark the whole word next to it.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

Segment = tuple[str, str]


@dataclass(frozen=True)
class Row:
    old: list[Segment] | None
    new: list[Segment] | None
    changed: bool


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring segments of the same kind (fewer <del>/<ins> elements)."""
    out: list[Segment] = []
    for text, kind in segments:
        if out and out[-1][1] == kind:
            out[-1] = (out[-1][0] + text, kind)
        elif text:
            out.append((text, kind))
    return out


def words(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    """The two lines as segments with the removed and added words marked."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(("".join(a[i1:i2]), "same"))
            right.append(("".join(b[j1:j2]), "same"))
            continue
        if i2 > i1:
            left.append(("".join(a[i1:i2]), "removed"))
        if j2 > j1:
            right.append(("".join(b[j1:j2]), "added"))
    return _merge(left), _merge(right)


def side_by_side(old: str, new: str) -> list[Row]:
    """Rows of the two texts aligned by line; a replaced block pairs its lines in order and
    marks words, what is left over on either side is a whole removed or added line."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[Row] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            rows.extend(Row([(line, "same")], [(line, "same")], False) for line in a[i1:i2])
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            if k < len(olds) and k < len(news):
                left, right = words(olds[k], news[k])
                rows.append(Row(left, right, True))
            elif k < len(olds):
                rows.append(Row([(olds[k], "removed")], None, True))
            else:
                rows.append(Row(None, [(news[k], "added")], True))
    return rows


def folded(rows: list[Row], context: int = 2) -> list[Row | None]:
    """Long unchanged stretches folded: only `context` unchanged rows around each change are
    kept, a None marks what was left out."""
    keep = [False] * len(rows)
    for i, row in enumerate(rows):
        if row.changed:
            for k in range(max(0, i - context), min(len(rows), i + context + 1)):
                keep[k] = True
    out: list[Row | None] = []
    for i, row in enumerate(rows):
        if keep[i]:
            out.append(row)
        elif out and out[-1] is not None or not out:
            out.append(None)
    return out
