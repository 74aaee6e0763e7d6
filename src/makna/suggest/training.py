"""What the suggester learns from inside a project, and which units it may suggest for.

* **Units** are the sources' turns, sentences or paragraphs (:func:`unit_spans`).
* **Coded units**: in a source a person has coded (not counting codings that came from accepted
  suggestions), every unit is an example: its codes are those of the persons' segments covering at
  least half of the unit or of the segment; a unit with none is a negative for every code.
* **Reviewed suggestions**: an accepted one is a positive for its code, a rejected one a negative for its
  code (other codes of that span stay unknown).
* **Candidates**: units no person has coded.
* **Context**: a turn is read with the turn before it when another speaker said that one and it asks
  a question (in an interview, the question the turn answers: :func:`makna.suggest.classifier.in_context`);
  sentences and paragraphs are read alone.
* **The codebook**: each code's name, definition, inclusion criteria, example and keywords, in the
  language they are written in (guessed from the words); cross-language pivots let them match units
  in the other language.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Connection, select

from ..errors import InputError
from ..project import Project
from ..rounds import visible_where
from ..store import tables
from ..text import paragraph_spans, sentence_spans
from .classifier import CodeText, Example, question
from .features import language_of

__all__ = ["UnitKind", "UNIT_KINDS", "Unit", "ProjectData", "load", "unit_spans", "guess_language", "MACHINE_CODER"]

UnitKind = Literal["turn", "sentence", "paragraph"]
UNIT_KINDS: tuple[str, ...] = ("turn", "sentence", "paragraph")
#: The coder under whose name suggestions are stored.
MACHINE_CODER = "makna-suggest"

_ID_WORDS = frozenset("yang dan di ke dari ini itu tidak dengan untuk pada adalah atau informan karena sudah".split())
_EN_WORDS = frozenset("the and of to in is that for with was on as by or not are from this".split())


def guess_language(text: str) -> str:
    """``id`` or ``en``: whichever language's common words ``text`` has more of (English on a tie)."""
    words = text.casefold().split()
    return "id" if sum(w in _ID_WORDS for w in words) > sum(w in _EN_WORDS for w in words) else "en"


@dataclass(frozen=True)
class Unit:
    source_id: str
    source: str
    language: str
    start: int
    end: int
    text: str
    context: str = ""  # the question before, by another speaker (turn units only)


def unit_spans(text: str, turns: list[tuple[int, int]], kind: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are units of ``kind`` (a source without turns is cut into paragraphs)."""
    if kind == "turn":
        spans = turns or paragraph_spans(text)
    elif kind == "sentence":
        spans = sentence_spans(text)
    elif kind == "paragraph":
        spans = paragraph_spans(text)
    else:
        raise InputError(f"--unit {kind!r}: use turn, sentence or paragraph")
    return [(a, b) for a, b in spans if text[a:b].strip()]


@dataclass
class ProjectData:
    examples: list[Example] = field(default_factory=list)
    candidates: list[Unit] = field(default_factory=list)
    codebook: list[CodeText] = field(default_factory=list)
    code_ids: dict[str, str] = field(default_factory=dict)  # key -> id
    suggested: set[tuple[str, int, int, str]] = field(default_factory=set)  # (source id, start, end, code key)


def _covers(a: int, b: int, s: int, e: int) -> bool:
    overlap = min(b, e) - max(a, s)
    return overlap > 0 and 2 * overlap >= min(b - a, e - s)


def _codebook(conn: Connection) -> tuple[list[CodeText], dict[str, str]]:
    c = tables.codes.c
    out, ids = [], {}
    for r in conn.execute(select(c.id, c.key, c.name, c.definition, c.inclusion, c.example, c.keywords)
                          .order_by(c.position, c.key)):
        ids[r.key] = r.id
        words = " ".join(str(k) for k in (r.keywords or []) if isinstance(k, str))
        text = " ".join(x for x in (r.name, r.definition, r.inclusion, r.example, words) if x and x.strip())
        out.append(CodeText(r.key, ((guess_language(text), text),)))
    return out, ids


def load(project: Project, unit: str = "turn", *, sources: list[str] | None = None) -> ProjectData:
    """Read the examples, candidates and codebook of ``project`` for units of kind ``unit``."""
    if unit not in UNIT_KINDS:
        raise InputError(f"--unit {unit!r}: use turn, sentence or paragraph")
    s, t, g, k, sg = tables.sources.c, tables.turns.c, tables.segments.c, tables.coders.c, tables.suggestions.c
    data = ProjectData()
    with project.store.read() as conn:
        data.codebook, data.code_ids = _codebook(conn)
        key_of = {v: kk for kk, v in data.code_ids.items()}
        chosen = {project.source_row(conn, n).id for n in sources} if sources else None
        accepted = {r[0] for r in conn.execute(select(sg.accepted_segment_id)
                                               .where(sg.accepted_segment_id.is_not(None)))}
        human: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
        for h in conn.execute(select(g.id, g.source_id, g.start, g.end, g.code_id)
                              .join_from(tables.segments, tables.coders, g.coder_id == k.id)
                              .where(k.kind == "person", *visible_where(project, conn))):  # a blind round hides others
            human[h.source_id].append((h.start, h.end, key_of[h.code_id], h.id in accepted))
        turns: dict[str, list[tuple[int, int]]] = defaultdict(list)
        before: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)  # turn start -> the span before it
        if unit == "turn":
            last: tuple[str, str, int, int] | None = None
            for tr in conn.execute(select(t.source_id, t.speaker, t.start, t.end).order_by(t.source_id, t.number)):
                turns[tr.source_id].append((tr.start, tr.end))
                if last is not None and last[0] == tr.source_id and last[1] != tr.speaker:
                    before[tr.source_id][tr.start] = (last[2], last[3])
                last = (tr.source_id, tr.speaker, tr.start, tr.end)
        texts: dict[str, str] = {}
        contexts: dict[tuple[str, int], str] = {}
        for r in conn.execute(select(s.id, s.name, s.language, s.text).order_by(s.name)):
            texts[r.id] = r.text
            for start, (pa, pb) in before.get(r.id, {}).items():
                if asked := question(r.text[pa:pb]):
                    contexts[r.id, start] = asked
            lang = language_of(r.language or "en")
            segs = sorted(human.get(r.id, []))
            starts = [x[0] for x in segs]
            longest = max((x[1] - x[0] for x in segs), default=0)
            own = [x for x in segs if not x[3]]
            for a, b in unit_spans(r.text, turns.get(r.id, []), unit):
                # only segments starting in (a - longest, b) can overlap the unit
                near = segs[bisect_left(starts, a - longest):bisect_left(starts, b)]
                covering = [x for x in near if _covers(a, b, x[0], x[1])]
                context = contexts.get((r.id, a), "")
                if own:
                    data.examples.append(Example(r.text[a:b], lang, frozenset(x[2] for x in covering), r.id,
                                                 context=context))
                elif not covering and (chosen is None or r.id in chosen):
                    data.candidates.append(Unit(r.id, r.name, lang, a, b, r.text[a:b], context))
        langs = {r.id: language_of(r.language or "en") for r in conn.execute(select(s.id, s.language))}
        for q in conn.execute(select(sg.source_id, sg.start, sg.end, sg.code_id, sg.state)):
            key = key_of[q.code_id]
            data.suggested.add((q.source_id, q.start, q.end, key))
            if q.state in ("accepted", "rejected"):
                data.examples.append(Example(texts[q.source_id][q.start:q.end], langs[q.source_id],
                                             frozenset({key}) if q.state == "accepted" else frozenset(),
                                             q.source_id, known=frozenset({key}),
                                             context=contexts.get((q.source_id, q.start), "")))
    return data
