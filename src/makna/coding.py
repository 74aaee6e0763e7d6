"""Coding: apply codes to spans, turns, speakers and search matches; uncode; segment memos.

Every operation is one transaction with one event-log entry, however many segments it writes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, Integer, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from .access import require
from .errors import ConflictError, DuplicateCodingError, InputError, NotFoundError, OffsetError, PermissionDeniedError
from .event_kinds import EventKind
from .holds import hidden_from
from .memos import forget, others_memos
from .model import Segment, new_id, new_ids, utcnow
from .project import CodeRow, Project
from .store import as_utc, fetch_compiled, tables
from .text import enclosing_span, refuse_unstorable, sentence_spans, sentences_past_labels
from .views import SegmentView

__all__ = [
    "SegmentSpec",
    "CodingResult",
    "Scope",
    "code_span",
    "code_turn",
    "code_many",
    "autocode_speaker",
    "autocode_pattern",
    "find_matches",
    "merge_spans",
    "uncode",
    "uncode_span",
    "set_segment_memo",
    "get_segment",
    "check_owner",
    "code_one",
    "CodedSegment",
]

Scope = Literal["match", "sentence", "turn"]


@dataclass(frozen=True)
class SegmentSpec:
    """A coding to apply: ``source`` (name or id), span, ``code`` (key or id). ``quote``, when given, is the
    text the coder saw at ``start:end`` (runs of white space compare equal): :func:`code_one` refuses the coding
    when the source's text there is now other (de-identified since the coder's page was loaded)."""

    source: str
    start: int
    end: int
    code: str
    memo: str = ""
    quote: str | None = None


@dataclass
class CodingResult:
    """What a coding operation did."""

    created: int = 0
    skipped_duplicates: int = 0
    segment_ids: list[str] = field(default_factory=list)


def _row_to_segment(r: Any) -> Segment:
    return Segment(
        id=r.id,
        source_id=r.source_id,
        start=r.start,
        end=r.end,
        code_id=r.code_id,
        coder_id=r.coder_id,
        memo=r.memo,
        created_at=as_utc(r.created_at),
    )


def get_segment(project: Project, segment_id: str) -> Segment:
    """One coding (one the acting coder may see: a blind round hides other coders' codings)."""
    from .rounds import visible

    with project.store.read() as conn:
        row = conn.execute(select(tables.segments).where(tables.segments.c.id == segment_id,
                                                         visible(project, conn))).first()
    if row is None:
        raise NotFoundError(f"unknown segment {segment_id!r}")
    return _row_to_segment(row)


class _Resolver:
    """Caches name -> (id, length) lookups for one transaction."""

    def __init__(self, project: Project, conn: Connection) -> None:
        self.project, self.conn = project, conn
        self.sources: dict[str, tuple[str, int]] = {}
        self.codes: dict[str, str] = {}
        self.code_rows: dict[str, Any] = {}  # id -> (id, key, name, color)
        self.source_names: dict[str, str] = {}

    def source(self, name: str) -> tuple[str, int]:
        if name not in self.sources:
            row = self.project.source_row(self.conn, name)
            self.sources[name] = (row.id, row.length)
            self.source_names[row.id] = row.name
        return self.sources[name]

    def code(self, key: str) -> str:
        if key not in self.codes:
            row = self.project.code_row(self.conn, key)
            self.codes[key], self.code_rows[row.id] = row.id, row
        return self.codes[key]


class _Reach:
    """Spans sorted by start with the furthest end reached so far: whether any overlaps a new span in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.reach[i - 1] > start


def _insert(project: Project, conn: Connection, rows: list[dict[str, Any]], on_duplicate: str) -> list[dict[str, Any]]:
    """Insert segment rows, skipping or refusing duplicates; returns the rows inserted."""
    if not rows:
        return []
    seen: set[tuple[Any, ...]] = set()
    unique: list[dict[str, Any]] = []
    for r in rows:
        k = (r["source_id"], r["start"], r["end"], r["code_id"], r["coder_id"])
        if k in seen:
            if on_duplicate == "error":
                raise DuplicateCodingError(f"the same coding appears twice in the input (span {r['start']}:{r['end']})")
            continue
        seen.add(k)
        unique.append(r)
    if on_duplicate in ("skip", "overlap"):
        seg = tables.segments.c
        existing: set[tuple[Any, ...]] = set()
        for source_id in {r["source_id"] for r in unique}:
            existing.update(
                conn.execute(
                    select(seg.source_id, seg.start, seg.end, seg.code_id, seg.coder_id).where(
                        seg.source_id == source_id
                    )
                ).all()
            )
        unique = [
            r for r in unique if (r["source_id"], r["start"], r["end"], r["code_id"], r["coder_id"]) not in existing
        ]
        if on_duplicate == "overlap":  # a passage the coder coded with this code already, in part or longer
            mine: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
            for sid, a, b, code_id, coder_id in existing:
                mine.setdefault((sid, code_id, coder_id), []).append((a, b))
            reach = {key: _Reach(spans) for key, spans in mine.items()}
            unique = [
                r for r in unique
                if not ((mk := (r["source_id"], r["code_id"], r["coder_id"])) in reach
                        and reach[mk].overlaps(r["start"], r["end"]))
            ]
    if unique:
        try:
            project.store.bulk_insert(conn, tables.segments, unique)
        except IntegrityError:
            raise DuplicateCodingError(
                "a coding duplicates an existing one (same source, span, code and coder); nothing was coded"
            ) from None
    return unique


def code_many(
    project: Project,
    specs: Iterable[SegmentSpec],
    *,
    coder: str | None = None,
    on_duplicate: Literal["error", "skip", "overlap"] = "error",
    action: EventKind = "code.bulk",
) -> CodingResult:
    """Apply many codings in one transaction. Every span is checked against its source's length,
    every code and source must exist; with ``on_duplicate="error"`` nothing is written if any coding
    exists already, with ``"skip"`` such a coding is skipped, and with ``"overlap"`` so is one that overlaps a
    coding of the same code by the same coder (a passage coded already, in part or longer: an automatic coding
    never doubles a hand-made one; counted in ``skipped_duplicates``)."""
    return _code_many(project, specs, coder=coder, on_duplicate=on_duplicate, action=action)[0]


def _code_many(project: Project, specs: Iterable[SegmentSpec], *, coder: str | None,
               on_duplicate: Literal["error", "skip", "overlap"],
               action: EventKind) -> tuple[CodingResult, _Resolver, list[Any]]:
    """:func:`code_many`, also giving the names resolved and the rows inserted."""
    result = CodingResult()
    payload: dict[str, Any] = {}
    if coder and coder != project.actor:  # coding in another coder's name (a consensus layer)
        require(project, "others")
    with project.store.write(project.actor, action, payload) as conn:
        coder_id = project.coder_id(conn, coder)
        res = _Resolver(project, conn)
        now = utcnow()
        rows: list[dict[str, Any]] = []
        specs = list(specs)
        ids = new_ids(len(specs))
        for spec, sid in zip(specs, ids, strict=True):
            source_id, length = res.source(spec.source)
            if not (0 <= spec.start < spec.end <= length):
                raise OffsetError(
                    f"span {spec.start}:{spec.end} is outside source {spec.source!r} "
                    f"(valid: 0 <= start < end <= {length})"
                )
            rows.append(
                {
                    "id": sid,
                    "source_id": source_id,
                    "start": spec.start,
                    "end": spec.end,
                    "code_id": res.code(spec.code),
                    "coder_id": coder_id,
                    "memo": _memo(spec.memo),
                    "created_at": now,
                }
            )
        inserted = _insert(project, conn, rows, on_duplicate)
        result.segment_ids = [r["id"] for r in inserted]
        result.created = len(inserted)
        result.skipped_duplicates = len(rows) - len(inserted)
        payload.update(
            coder=coder_id, created=result.created, skipped=result.skipped_duplicates, codes=sorted(set(res.codes))
        )
        if result.created <= 1000:
            payload["segments"] = result.segment_ids
    return result, res, inserted


@dataclass(frozen=True)
class CodedSegment(SegmentView):
    """A coding just made, with what a viewer needs to draw it (the coding call's reply): a
    :class:`~makna.views.SegmentView` with its source and time."""

    source_id: str = ""
    source_name: str = ""
    created_at: Any = None
    #: False when the call found this coding made already (:func:`code_one`'s ``existing_ok``: a retry)
    created: bool = True


def code_one(project: Project, spec: SegmentSpec, *, coder: str | None = None,
             action: EventKind = "code.span", existing_ok: bool = False) -> CodedSegment:
    """Apply one coding (as :func:`code_many`, one transaction) and describe it for display without
    reading it back: its code's key, name and colour and its source's name come from the lookups the
    coding made anyway.

    The call the workbench makes for every highlight, so it does the least work that keeps every
    guarantee: the coder, the source and the code are resolved in one query, and the row goes in with
    one INSERT (the event and undo step follow in :meth:`~makna.store.Store.write`).

    ``existing_ok``: the same coding (coder, source, span, code and memo) made already is returned, with
    ``created`` false and nothing written or logged, instead of refused: a retry of a request whose answer was
    lost (the workbench's POST, a script's) codes once. A coding of the same span and code with another memo
    is still a :class:`~makna.errors.DuplicateCodingError`."""
    if coder and coder != project.actor:  # coding in another coder's name (a consensus layer)
        require(project, "others")
    name = coder or project.coder_name
    try:
        return _code_one(project, spec, name, action)
    except DuplicateCodingError as refused:
        if not existing_ok or refused.existing is None:
            raise
        same = _same_coding(project, refused.existing, _memo(spec.memo))
        if same is None:
            raise
        return same


def _same_coding(project: Project, row: dict[str, Any], memo: str) -> CodedSegment | None:
    """The stored coding of ``row``'s coder, source, span and code when its memo is ``memo`` (a retry)."""
    s, c, k = tables.segments.c, tables.codes.c, tables.coders.c
    with project.store.read() as conn:
        found = conn.execute(
            select(s.id, s.memo, s.created_at, c.key, c.name, c.color, k.name.label("coder"),
                   tables.sources.c.name.label("source_name"))
            .join(tables.codes, c.id == s.code_id).join(tables.coders, k.id == s.coder_id)
            .join(tables.sources, tables.sources.c.id == s.source_id)
            .where(s.source_id == row["source_id"], s.start == row["start"], s.end == row["end"],
                   s.code_id == row["code_id"], s.coder_id == row["coder_id"])).first()
    if found is None or found.memo != memo:
        return None
    return CodedSegment(found.id, row["start"], row["end"], row["code_id"], found.key, found.name, found.color,
                        found.coder, found.memo, row["source_id"], found.source_name, as_utc(found.created_at),
                        created=False)


def _code_one(project: Project, spec: SegmentSpec, name: str, action: EventKind) -> CodedSegment:
    payload: dict[str, Any] = {}
    with project.store.write(project.actor, action, payload) as conn:
        quoted = spec.quote is not None
        found = fetch_compiled(conn, _RESOLVE_ONE, {"coder": name, "source": spec.source, "code": spec.code,
                                                    "from": spec.start + 1 if quoted else 1,
                                                    "count": max(0, spec.end - spec.start) if quoted else 0})
        now = None
        if found:
            coder_id, source_id, source_name, length, now, *code_fields = found[0]
            code = CodeRow(*code_fields)
            if project.store.access is not None:  # a team server: a source held from this coder (makna.holds)
                project.source_row(conn, spec.source)
        else:  # an unknown source or code: the lookups that name it in their error
            source_id, source_name, length = project.source_row(conn, spec.source)
            code = project.code_row(conn, spec.code)
            coder_id = None
        if coder_id is None:  # a coder's first coding
            coder_id = project.coder_id(conn, name)
        if not (0 <= spec.start < spec.end <= length):
            raise OffsetError(f"span {spec.start}:{spec.end} is outside source {spec.source!r} "
                              f"(valid: 0 <= start < end <= {length})")
        if quoted and str(now).split() != str(spec.quote).split():
            raise ConflictError(f"source {source_name!r} does not hold the text you coded at {spec.start}:{spec.end} "
                                "any more (it changed since your page was loaded, e.g. de-identified): reload the "
                                "page and code it again")
        row = {"id": new_id(), "source_id": source_id, "start": spec.start, "end": spec.end, "code_id": code.id,
               "coder_id": coder_id, "memo": _memo(spec.memo), "created_at": utcnow()}
        try:
            _insert(project, conn, [row], "error")
        except DuplicateCodingError as exc:
            exc.existing = row  # what it duplicates: code_one's existing_ok looks for it
            raise
        payload.update(coder=coder_id, created=1, skipped=0, codes=[spec.code], segments=[row["id"]])
    return CodedSegment(row["id"], spec.start, spec.end, code.id, code.key, code.name, code.color, name, row["memo"],
                        source_id, source_name, row["created_at"])


def _resolve_one() -> Any:
    """The coder (NULL when new), source and code of one coding, and the source's text at the span (``from``,
    1-based, ``count`` characters: empty when no quote is checked), in one query (no row when the source or the
    code is unknown)."""
    s, c, k = tables.sources.c, tables.codes.c, tables.coders.c
    coder_id = select(k.id).where((k.name == bindparam("coder")) | (k.id == bindparam("coder"))).limit(1)
    at = func.substr(s.text, bindparam("from", type_=Integer), bindparam("count", type_=Integer))
    return (select(coder_id.scalar_subquery(), s.id, s.name, s.length, at, c.id, c.key, c.name, c.color)
            .where((s.name == bindparam("source")) | (s.id == bindparam("source")),
                   (c.key == bindparam("code")) | (c.id == bindparam("code")))
            .limit(1))


_RESOLVE_ONE = _resolve_one()


def code_span(
    project: Project, source: str, start: int, end: int, code: str, *, coder: str | None = None, memo: str = ""
) -> Segment:
    """Code ``text[start:end]`` of ``source`` with ``code``."""
    result = code_many(project, [SegmentSpec(source, start, end, code, memo)], coder=coder, action="code.span")
    return get_segment(project, result.segment_ids[0])


def _turn(conn: Connection, source_id: str, number: int, source: str) -> Any:
    t = tables.turns.c
    row = conn.execute(select(t.start, t.end).where(t.source_id == source_id, t.number == number)).first()
    if row is None:
        raise NotFoundError(f"source {source!r} has no turn {number} (see 'makna sources show {source} --turns')")
    return row


def code_turn(
    project: Project, source: str, turn: int, code: str, *, coder: str | None = None, memo: str = ""
) -> Segment:
    """Code the whole of turn number ``turn`` (counted from 1) of ``source``."""
    with project.store.read() as conn:
        row = _turn(conn, project.source_row(conn, source).id, turn, source)
    return code_span(project, source, row.start, row.end, code, coder=coder, memo=memo)


def autocode_speaker(
    project: Project, speaker: str, code: str, *, sources: Sequence[str] | None = None, coder: str | None = None
) -> CodingResult:
    """Code every turn whose speaker label is ``speaker`` (case-insensitive), in ``sources`` or all.
    Turns coded already are skipped."""
    t = tables.turns.c
    with project.store.read() as conn:
        ids = [project.source_row(conn, n).id for n in sources] if sources else None
        q = select(t.source_id, t.start, t.end, t.speaker).where(*hidden_from(project, t.source_id))  # makna.holds
        if ids is not None:
            q = q.where(t.source_id.in_(ids))
        rows = [
            r for r in conn.execute(q.order_by(t.source_id, t.number)) if r.speaker.casefold() == speaker.casefold()
        ]
    if not rows:
        raise NotFoundError(f"no turns by speaker {speaker!r}")
    specs = [SegmentSpec(r.source_id, r.start, r.end, code) for r in rows]
    return code_many(project, specs, coder=coder, on_duplicate="skip", action="code.autocode_speaker")


def find_matches(
    text: str, pattern: str, *, regex: bool = False, ignore_case: bool = True, whole_words: bool = True
) -> list[tuple[int, int]]:
    """Spans of ``pattern`` in ``text``: a phrase (whole words by default) or a regular expression.

    A word of a whole-word phrase also matches its Indonesian clitic forms (``ongkir`` finds
    ``ongkirnya``, ``ongkirlah``; ``ongkirnya`` finds ``ongkir``), as search does
    (:func:`makna.textindex.stemming.clitic_root`): a word the dictionary knows keeps its ending
    (``masalah`` does not find ``masa``) and a root of fewer than three letters takes none."""
    flags = re.IGNORECASE if ignore_case else 0
    if regex:
        try:
            rx = re.compile(pattern, flags | re.MULTILINE)
        except re.error as exc:
            raise InputError(f"invalid regular expression {pattern!r}: {exc}") from None
    else:
        if not pattern.strip():
            raise InputError("the search phrase is empty")
        words = [_with_clitics(w) for w in pattern.split()] if whole_words else [re.escape(w) for w in pattern.split()]
        body = r"\s+".join(words)
        rx = re.compile(rf"(?<!\w){body}(?!\w)" if whole_words else body, flags)
    return [(m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start()]


def _with_clitics(word: str) -> str:
    """A regular expression for ``word`` and its Indonesian clitic forms (see :func:`find_matches`)."""
    from .textindex.stemming import MIN_ROOT, PARTICLES, POSSESSIVES, clitic_root

    if not word.isalpha() or len(word) < MIN_ROOT or len(word.casefold()) != len(word):
        return re.escape(word)
    root = word[:len(clitic_root(word.casefold()))]
    return (re.escape(root) + "(?:" + "|".join(POSSESSIVES) + ")?(?:" + "|".join(PARTICLES) + ")?")


def autocode_pattern(
    project: Project,
    pattern: str,
    code: str,
    *,
    regex: bool = False,
    scope: Scope = "match",
    sources: Sequence[str] | None = None,
    ignore_case: bool = True,
    coder: str | None = None,
) -> CodingResult:
    """Code every match of a phrase or regex: the match itself, its sentence, or its turn.
    Overlapping results merge; a span that overlaps a coding of ``code`` by the same coder is skipped (coded
    already), and a sentence starts after its turn's speaker label."""
    if scope not in ("match", "sentence", "turn"):
        raise InputError(f"scope {scope!r}: use match, sentence or turn")
    s, t = tables.sources.c, tables.turns.c
    specs: list[SegmentSpec] = []
    with project.store.read() as conn:
        q = select(s.id, s.text).where(*hidden_from(project, s.id))  # a held source (makna.holds)
        if sources:
            q = q.where(s.id.in_([project.source_row(conn, n).id for n in sources]))
        for sid, text in conn.execute(q.order_by(s.name)).all():
            spans = find_matches(text, pattern, regex=regex, ignore_case=ignore_case)
            if scope == "sentence":
                sents = sentence_spans(text)
                spans = [enclosing_span(sents, a, b) for a, b in spans] if sents else spans
                turned = conn.execute(select(t.start, t.end, t.speaker).where(t.source_id == sid).order_by(t.number))
                spans = sentences_past_labels(text, [(r.start, r.end, r.speaker) for r in turned], spans)
            elif scope == "turn":
                turns = [
                    (r.start, r.end)
                    for r in conn.execute(select(t.start, t.end).where(t.source_id == sid).order_by(t.number))
                ]
                spans = [enclosing_span(turns, a, b) for a, b in spans if any(ts <= a < te for ts, te in turns)]
            for a, b in merge_spans(spans):
                specs.append(SegmentSpec(sid, a, b, code))
    return code_many(project, specs, coder=coder, on_duplicate="overlap", action="code.autocode_pattern")


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, with overlapping ones joined (touching ones stay apart)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def check_owner(project: Project, conn: Connection, segment_id: str) -> None:
    """Refuse (:class:`~makna.errors.PermissionDeniedError`) unless the segment ``segment_id`` was
    coded by the acting coder (``project.actor``): only a coding's own coder may change or remove
    it. An unknown segment is a :class:`~makna.errors.NotFoundError`."""
    seg, cd = tables.segments.c, tables.coders.c
    row = conn.execute(select(cd.id, cd.name).join_from(tables.segments, tables.coders,
                                                        seg.coder_id == cd.id).where(seg.id == segment_id)).first()
    if row is None:
        raise NotFoundError(f"unknown segment {segment_id!r}")
    if project.actor not in (row.name, row.id):
        raise PermissionDeniedError(f"segment {segment_id} was coded by {row.name!r}: only that coder may change "
                                    f"or remove it (you are {project.actor!r})")




def uncode(project: Project, segment_id: str) -> None:
    """Remove one coding by its id (the acting coder's own: see :func:`check_owner`). A coding that
    carries another member's memo is refused (:class:`~makna.errors.ConflictError`): removing it would
    delete their memo without their knowing; they move or delete it first."""
    payload: dict[str, Any] = {"id": segment_id}
    with project.store.write(project.actor, "uncode", payload) as conn:
        check_owner(project, conn, segment_id)
        others = others_memos(conn, [segment_id], project.actor).get(segment_id)
        if others:
            raise ConflictError(f"this coding carries a memo by {', '.join(others)}: removing it would delete "
                                "that memo; ask them to move or delete it first (nothing was removed)")
        forget(conn, "segment", [segment_id])
        conn.execute(delete(tables.segments).where(tables.segments.c.id == segment_id))


def uncode_span(
    project: Project,
    source: str,
    start: int,
    end: int,
    code: str | None = None,
    *,
    coder: str | None = None,
    all_coders: bool = False,
) -> int:
    """Remove the codings of exactly ``start:end`` in ``source`` (of ``code``, or every code) made by
    ``coder`` (default: this session's coder) or by anyone with ``all_coders``. Returns the count.
    Naming another coder, or ``all_coders``, is the explicit way to remove other coders' codings
    (:func:`uncode` and the workbench touch only the acting coder's own). As in :func:`uncode`, a coding
    that carries a memo by another member (other than its own coder, when that coder is named) is
    refused (:class:`~makna.errors.ConflictError`) and nothing is removed."""
    seg = tables.segments.c
    payload: dict[str, Any] = {"start": start, "end": end, "code": code}
    if all_coders or (coder and coder != project.actor):
        require(project, "others")
    with project.store.write(project.actor, "uncode.span", payload) as conn:
        sid = project.source_row(conn, source).id
        cond = [seg.source_id == sid, seg.start == start, seg.end == end]
        if code:
            cond.append(seg.code_id == project.code_id(conn, code))
        if not all_coders:
            cond.append(seg.coder_id == project.coder_id(conn, coder, create=False))
        ids = [r[0] for r in conn.execute(select(seg.id).where(*cond))]
        if not ids:
            raise NotFoundError(f"no coding at {start}:{end} in {source!r}" + (f" with code {code!r}" if code else ""))
        others = sorted({name for names in others_memos(conn, ids, project.actor).values() for name in names})
        if others:
            raise ConflictError(f"a coding at {start}:{end} carries a memo by {', '.join(others)}: removing it would "
                                "delete that memo; ask them to move or delete it first (nothing was removed)")
        forget(conn, "segment", ids)
        conn.execute(delete(tables.segments).where(seg.id.in_(ids)))
        payload.update(source_id=sid, segments=ids)
    return len(ids)


def _memo(memo: str) -> str:
    refuse_unstorable("coding memo", memo)
    return memo


def set_segment_memo(project: Project, segment_id: str, memo: str) -> Segment:
    """Replace the memo of a coding (the acting coder's own: see :func:`check_owner`)."""
    refuse_unstorable("coding memo", memo)
    with project.store.write(project.actor, "segment.memo", {"id": segment_id}) as conn:
        check_owner(project, conn, segment_id)
        conn.execute(update(tables.segments).where(tables.segments.c.id == segment_id).values(memo=memo))
    return get_segment(project, segment_id)
