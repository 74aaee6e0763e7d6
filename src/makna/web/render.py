"""Server-side rendering of a transcript with its codings, fast enough for long sources.

The text is cut into rows (speaker turns, and paragraphs of text outside any turn) and each row
into leaves: maximal runs of characters covered by the same set of codings. Every leaf is a
``<span data-s="N">`` whose single text node is ``text[N:N+len]``, so the browser turns a selection
into code-point offsets by adding ``data-s`` to the code points before the caret in that leaf.
A coded leaf carries the colour class of its innermost coding (``k<i>``, see ``/codes.css``) and
``multi`` when several codes overlap there; each row has a margin, where stripes.js draws a stripe
beside the lines of each coding.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..agreement.project_units import CONSENSUS
from ..model import Turn
from ..text import label_end, paragraph_spans
from ..views import SegmentView

__all__ = ["Row", "rows_of", "render_rows", "json_script", "whole_number", "decimal", "coder_label"]


@dataclass(frozen=True)
class Row:
    """A displayed block of text: a speaker turn, or a paragraph outside turns (``number`` None)."""

    start: int
    end: int
    number: int | None = None
    speaker: str = ""
    label_end: int | None = None
    time: str | None = None

    @property
    def dom_id(self) -> str:
        return f"turn-{self.number}" if self.number is not None else f"gap-{self.start}"


def _gap_rows(text: str, start: int, end: int) -> list[Row]:
    return [Row(start + a, start + b) for a, b in paragraph_spans(text[start:end])]


def _label_end(text: str, t: Turn) -> int | None:
    """Where the turn's speaker label ends (after its colon; a time stamp before it is part of it), if it has one."""
    return label_end(text, t.start, t.end, t.speaker)


def rows_of(text: str, turns: Sequence[Turn]) -> list[Row]:
    """The rows of a source: its turns in order, plus the non-blank paragraphs between them."""
    rows: list[Row] = []
    pos = 0
    for t in sorted(turns, key=lambda t: t.start):
        if t.start > pos:
            rows.extend(_gap_rows(text, pos, t.start))
        rows.append(Row(t.start, t.end, t.number, t.speaker, _label_end(text, t), t.time_start))
        pos = max(pos, t.end)
    if pos < len(text):
        rows.extend(_gap_rows(text, pos, len(text)))
    return rows


def _cuts(rows: Sequence[Row], segments: Sequence[SegmentView]) -> list[int]:
    points: set[int] = set()
    for r in rows:
        points.add(r.start)
        points.add(r.end)
        if r.label_end is not None:
            points.add(r.label_end)
    for s in segments:
        points.add(s.start)
        points.add(s.end)
    return sorted(points)


def _leaves(text: str, rows: Sequence[Row], segments: Sequence[SegmentView], code_index: Mapping[str, int]
            ) -> list[list[str]]:
    """Per row, the HTML of its leaves (one sweep over every boundary of rows and segments)."""
    cuts = _cuts(rows, segments)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in enumerate(segments):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    # the innermost coding of a leaf: the shortest, then the first listed
    order = [(s.end - s.start, i) for i, s in enumerate(segments)]
    code_of = [s.code_id for s in segments]
    colour = [code_index.get(c, 0) for c in code_of]
    active: dict[int, None] = {}
    out: list[list[str]] = [[] for _ in rows]
    ri, n_rows = 0, len(rows)
    row = rows[0] if rows else None
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a in ends:
            for i in ends[a]:
                active.pop(i, None)
        if a in starts:
            for i in starts[a]:
                active[i] = None
        while ri < n_rows and rows[ri].end <= a:
            ri += 1
            row = rows[ri] if ri < n_rows else None
        if row is None or row.start > a:
            continue
        spk = row.label_end is not None and a < row.label_end
        if active:
            if len(active) == 1:
                inner = next(iter(active))
                multi = ""
            else:
                inner = min(active, key=order.__getitem__)
                first = code_of[inner]
                multi = " multi" if any(code_of[i] != first for i in active) else ""
            cls = f' class="{"spk " if spk else ""}hl k{colour[inner]}{multi}"'
        else:
            cls = ' class="spk"' if spk else ""
        out[ri].append(f'<span data-s="{a}"{cls}>{escape(text[a:b])}</span>')
    return out


def render_rows(text: str, rows: Sequence[Row], columns: Sequence[Sequence[SegmentView]],
                code_index: Mapping[str, int], *, column_names: Sequence[str] = ()) -> Markup:
    """The HTML of ``rows``: one text cell per column (a column: the codings of one coder, or of
    everyone), each with an empty margin where the page's script (stripes.js) draws the stripes of
    a row when it comes on screen."""
    cells = [_leaves(text, rows, segs, code_index) for segs in columns]
    parts: list[str] = []
    for ri, row in enumerate(rows):
        kind = "turn" if row.number is not None else "gap"
        data = f' data-n="{row.number}"' if row.number is not None else ""
        time = f' title="{escape(row.time)}"' if row.time else ""
        parts.append(f'<div class="row {kind}" id="{row.dom_id}" data-start="{row.start}" data-end="{row.end}"'
                     f'{data}{time}>')
        for ci, leaves in enumerate(cells):
            coder = f' data-coder="{escape(column_names[ci])}"' if ci < len(column_names) else ""
            parts.append(f'<div class="cell"{coder}><div class="bars" aria-hidden="true"></div>'
                         f'<div class="tx">{"".join(leaves[ri])}</div></div>')
        parts.append("</div>")
    return Markup("".join(parts))


def json_script(data: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/json">`` (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                  .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def coder_label(name: str, gettext: Callable[[str], str]) -> str:
    """A coder's name as a page shows it: the consensus coders (``consensus``, ``consensus.ROUND``: names the
    agreement commands give them) in the page's language; any other coder's name as it is (trial12 #13)."""
    if name == CONSENSUS:
        return gettext("consensus")
    if name.startswith(CONSENSUS + "."):
        return gettext("consensus (round %(name)s)") % {"name": name[len(CONSENSUS) + 1 :]}
    return name


def whole_number(n: int, lang: str) -> str:
    """``n`` with its thousands grouped as the page's language writes them: 1,650 in English, 1.650 in
    Indonesian (as the pages' scripts show numbers, through the browser's locale)."""
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if lang == "id" else grouped


def decimal(x: float, places: int, lang: str) -> str:
    """``x`` with ``places`` decimals, its decimal mark as the page's language writes it: 0.85 in English,
    0,85 in Indonesian (as the Indonesian report writes 87,5%)."""
    text = f"{x:.{places}f}"
    return text.replace(".", ",") if lang == "id" else text
