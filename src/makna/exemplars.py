"""Exemplar quotes for a code: one per informant first, complete sentences, source and turn cited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .project import Project
from .queries import RetrievedSegment, retrieve
from .text import STAMP_GAP_PATTERN, TIME_STAMP_PATTERN, sentence_spans

__all__ = ["Quote", "exemplar_quotes", "quote_text"]

_LABEL = re.compile(rf"^(?:{TIME_STAMP_PATTERN}{STAMP_GAP_PATTERN})?[^\W\d_][\w.'’ ()-]{{0,40}}?:\s+")
# A .docx table of turns is read one row a line, cells joined by " | " (makna.importers.docx): after the
# label cell, the separator is no part of what the informant said.
_CELL_SEPARATOR = re.compile(r"^\|\s+")


@dataclass(frozen=True)
class Quote:
    text: str
    source: str
    turn: int | None
    speaker: str | None
    case: str | None
    segment_id: str
    start: int
    end: int

    @property
    def citation(self) -> str:
        who = f"{self.case}, " if self.case else ""
        where = f", turn {self.turn}" if self.turn else f", {self.start}:{self.end}"
        return f"{who}{self.source}{where}"


def quote_text(text: str, max_chars: int = 320) -> str:
    """The quotable part of a coded span: no leading speaker label, whole sentences, at most
    ``max_chars`` characters where whole sentences allow (a longer first sentence is cut at a word
    boundary with an ellipsis)."""
    body = _CELL_SEPARATOR.sub("", _LABEL.sub("", text.strip(), count=1).strip(), count=1)
    if len(body) <= max_chars:
        return body
    out = ""
    for a, b in sentence_spans(body):
        piece = body[a:b]
        if out and len(out) + 1 + len(piece) > max_chars:
            break
        out = f"{out} {piece}".strip()
    if len(out) > max_chars or not out:
        cut = body[:max_chars].rsplit(" ", 1)[0]
        out = cut.rstrip(",;:") + " …"
    return out


def exemplar_quotes(project: Project, code: str, n: int = 2, *, descendants: bool = False,
                    max_chars: int = 320, segments: list[RetrievedSegment] | None = None) -> list[Quote]:
    """Up to ``n`` quotes for ``code``: first one per informant (case), in order of informant name,
    then further quotes; within an informant, the segment whose quotable text is longest but still
    fits ``max_chars`` (a complete thought) comes first. A passage quoted once is not quoted again:
    the same words of the same source coded by a second coder (or twice under ``descendants``) are
    one quote."""
    found = segments if segments is not None else retrieve(project, code=code, descendants=descendants)
    seen: set[tuple[str, str]] = set()
    distinct: list[RetrievedSegment] = []
    for seg in found:
        key = (seg.source_id, quote_text(seg.text, max_chars))
        if key not in seen:
            seen.add(key)
            distinct.append(seg)
    found = distinct

    def fit(seg: RetrievedSegment) -> tuple[int, int]:
        length = len(quote_text(seg.text, 10_000))
        return (0 if length <= max_chars else 1, -length if length <= max_chars else length)

    by_case: dict[str, list[RetrievedSegment]] = {}
    for seg in found:
        by_case.setdefault(seg.cases[0] if seg.cases else f"\uffff{seg.source}", []).append(seg)
    ordered = [sorted(v, key=fit) for _, v in sorted(by_case.items())]
    picked: list[RetrievedSegment] = []
    depth = 0
    while len(picked) < n and any(depth < len(v) for v in ordered):
        for group in ordered:
            if depth < len(group) and len(picked) < n:
                picked.append(group[depth])
        depth += 1
    return [Quote(quote_text(s.text, max_chars), s.source, s.turn, s.speaker, s.cases[0] if s.cases else None, s.id,
                  s.start, s.end) for s in picked]
