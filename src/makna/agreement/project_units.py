"""Units of agreement built from a project's coding.

:func:`load_coding` reads the coding of chosen coders, codes and sources in one query; :func:`build_units`
cuts the compared sources into units (characters, sentences, paragraphs, turns, pre-defined excerpts or
whole documents); :func:`code_ratings` gives, for one code, the units x coders 0/1 matrix (``-1`` =
missing) that every coefficient of :mod:`makna.agreement` takes.

Rules (documented for users in ``makna agreement project --help``):

* **Codes**: by default every code applied by a compared coder in the compared sources, each on its own
  (a code applied to no segment cannot disagree). Chosen codes are reported even when nobody applied them.
  With ``descendants`` each chosen code (default: each root code) stands for itself and all codes under
  it, pooled.
* **Coders**: by default every coder of kind ``person`` who coded the chosen sources, except the
  consensus coder (:data:`CONSENSUS`), and makna's own suggester (:data:`SUGGESTER`), compared like
  any coder.
* **Absent coders**: a coder who applied no code at all in a source did not code it: with
  ``absent="missing"`` (default) their ratings of its units are missing, and a source coded by fewer than
  two compared coders is skipped (listed in :attr:`CodingData.skipped`); with ``absent="uncoded"`` they
  count as having read it and found nothing (ratings 0).
* **Units**: ``characters`` (every character is a unit; computed on the runs of characters between
  segment boundaries, weighted by length), ``sentence`` / ``paragraph`` (:func:`makna.text.sentence_spans`,
  :func:`makna.text.paragraph_spans`), ``turn`` (the source's speaker turns), ``excerpt`` (the distinct
  spans coded by a *unitizer* coder, or spans given by the caller), ``document`` (code presence per source).
  A coder coded a unit with a code when one of their segments of that code overlaps it by at least
  ``threshold`` of the unit's length (default: any overlap).
* **Text versions**: every segment points at one source row, whose text changes only through
  de-identification (:func:`makna.privacy.project_apply.apply`), which refuses a source that has codings;
  so codings of different versions of one text cannot coexist in a project. ``sources.sha256`` cannot tell
  (it hashes the imported file's bytes, or the new text after de-identification, and segments record no
  hash). The guard that can fire is kept: a segment that does not fit inside its source's text (as a
  coding imported from another version would), or a stored length that differs from the text, is
  refused with an error naming the coder, span and source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, func, select

from ..errors import AgreementError, NotFoundError, UnknownSourceError
from ..holds import hidden_from
from ..project import Project
from ..store import tables
from ..text import paragraph_spans, sentence_spans
from ._matrix import FloatArray, IntArray

Int8Array = npt.NDArray[np.int8]

__all__ = [
    "ABSENT",
    "CONSENSUS",
    "SUGGESTER",
    "UNIT_KINDS",
    "Absent",
    "CodingData",
    "SourceInfo",
    "UnitKind",
    "Units",
    "build_units",
    "candidate_units",
    "code_ratings",
    "load_coding",
    "source_texts",
]

UnitKind = Literal["characters", "sentence", "paragraph", "turn", "excerpt", "document"]
UNIT_KINDS: tuple[str, ...] = ("characters", "sentence", "paragraph", "turn", "excerpt", "document")
Absent = Literal["missing", "uncoded"]
ABSENT: tuple[str, ...] = ("missing", "uncoded")

#: The coder name under which agreed codings are recorded (left out of the compared coders by default).
CONSENSUS = "consensus"
#: The machine coder of :mod:`makna.suggest`, compared like a person by default.
SUGGESTER = "makna-suggest"

_MAX_CODERS = 30  # patterns of -1/0/1 ratings are encoded in base 3 in an int64


@dataclass(frozen=True)
class SourceInfo:
    """A compared source: its place on the concatenated continuum and the coders who coded it."""

    id: str
    name: str
    length: int
    offset: int
    present: tuple[bool, ...]  # per compared coder


@dataclass(frozen=True)
class CodingData:
    """The coding to compare: segments on the concatenation of the compared sources' texts.

    Segment arrays are parallel: ``seg_coder`` and ``seg_code`` index :attr:`coders` and :attr:`codes`;
    ``seg_start``/``seg_end`` are global positions (source offset + position in the source).
    """

    coders: tuple[str, ...]
    codes: tuple[str, ...]
    sources: tuple[SourceInfo, ...]
    skipped: tuple[tuple[str, str], ...]
    seg_coder: IntArray
    seg_code: IntArray
    seg_start: IntArray
    seg_end: IntArray
    parents: dict[str, str | None] = field(default_factory=dict)

    @property
    def total_length(self) -> int:
        return sum(s.length for s in self.sources)

    def source_index(self, name: str) -> int:
        for i, s in enumerate(self.sources):
            if s.name == name or s.id == name:
                return i
        raise UnknownSourceError(f"source {name!r} is not among the compared sources")


@dataclass(frozen=True)
class Units:
    """Units on the compared sources: ``source`` indexes :attr:`CodingData.sources`; ``start``/``end``
    are positions in that source; ``weight`` is how many units each stands for (characters: its length)."""

    kind: str
    source: IntArray
    start: IntArray
    end: IntArray
    weight: FloatArray
    label: tuple[str, ...]

    def __len__(self) -> int:
        return int(self.source.size)


def _i64(values: Sequence[int] | list[int]) -> IntArray:
    return np.asarray(values, dtype=np.int64).reshape(-1)


def _code_categories(
    conn: Connection, project: Project, codes: Sequence[str] | None, descendants: bool
) -> tuple[list[str] | None, dict[str, list[int]], dict[str, str | None]]:
    """(chosen category keys or None for 'every code used', code id -> category indices, key -> parent key)."""
    c = tables.codes.c
    rows = conn.execute(select(c.id, c.key, c.parent_id)).all()
    key_of = {r.id: r.key for r in rows}
    parents = {r.key: key_of.get(r.parent_id) if r.parent_id else None for r in rows}
    children: dict[str | None, list[str]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r.id)

    def subtree(cid: str) -> list[str]:
        out, stack = [], [cid]
        while stack:
            cur = stack.pop()
            out.append(cur)
            stack.extend(children.get(cur, []))
        return out

    if codes is None and not descendants:
        return None, {}, parents
    chosen_ids = (
        [project.code_id(conn, k) for k in codes]
        if codes is not None
        else sorted(children.get(None, []), key=lambda i: key_of[i])
    )
    keys = [key_of[i] for i in chosen_ids]
    if len(set(keys)) != len(keys):
        raise AgreementError(f"a code is chosen twice: {', '.join(keys)}")
    mapping: dict[str, list[int]] = {}
    for k, cid in enumerate(chosen_ids):
        for member in subtree(cid) if descendants else [cid]:
            mapping.setdefault(member, []).append(k)
    return keys, mapping, parents


def load_coding(
    project: Project,
    *,
    coders: Sequence[str] | None = None,
    codes: Sequence[str] | None = None,
    descendants: bool = False,
    sources: Sequence[str] | None = None,
    absent: Absent = "missing",
    made_between: tuple[dt.datetime, dt.datetime | None] | None = None,
) -> CodingData:
    """Read the coding to compare (see the module docstring for the rules); ``made_between``: only the codings
    made in that time (a round's, from its opening to its close; None: still open). Raises
    :class:`~makna.errors.AgreementError` when fewer than two coders remain or a coding does not fit its text."""
    if absent not in ABSENT:
        raise AgreementError(f"absent={absent!r}: expected one of {', '.join(ABSENT)}")
    from ..rounds import require_sight

    require_sight(project, "agreement")  # a blind round hides the other coders until it closes
    seg, s, k = tables.segments.c, tables.sources.c, tables.coders.c
    with project.store.read() as conn:
        chosen, code_map, parents = _code_categories(conn, project, codes, descendants)
        src_q = select(s.id, s.name, s.length, func.length(s.text).label("text_length")).where(
            *hidden_from(project, s.id))  # a source held for de-identification (makna.holds)
        if sources is not None:
            if not sources:
                raise AgreementError("no sources chosen")
            ids = [project.source_row(conn, n).id for n in sources]
            if len(set(ids)) != len(ids):
                raise AgreementError("a source is chosen twice")
            by_id = {r.id: r for r in conn.execute(src_q.where(s.id.in_(ids)))}
            src_rows = [by_id[i] for i in ids]
        else:
            src_rows = list(conn.execute(src_q.order_by(s.name)))
        coder_rows = {r.id: r for r in conn.execute(select(k.id, k.name, k.kind))}
        if coders is not None:
            coder_ids = []
            for name in coders:
                found = [r.id for r in coder_rows.values() if r.name == name or r.id == name]
                if not found:
                    known = ", ".join(sorted(r.name for r in coder_rows.values())) or "none yet"
                    raise NotFoundError(f"unknown coder {name!r} (coders in this project: {known})")
                coder_ids.append(found[0])
            if len(set(coder_ids)) != len(coder_ids):
                raise AgreementError("a coder is chosen twice")
        q = select(seg.source_id, seg.start, seg.end, seg.code_id, seg.coder_id).where(
            *hidden_from(project, seg.source_id))
        if sources is not None:
            q = q.where(seg.source_id.in_([r.id for r in src_rows]))
        if coders is not None:
            q = q.where(seg.coder_id.in_(coder_ids))
        if made_between is not None:
            q = q.where(seg.created_at >= made_between[0])
            if made_between[1] is not None:
                q = q.where(seg.created_at <= made_between[1])
        seg_rows = conn.execute(q).all()
        code_keys = {r.id: r.key for r in conn.execute(select(tables.codes.c.id, tables.codes.c.key))}
    src_by_id = {r.id: r for r in src_rows}
    for r in src_rows:
        if r.text_length != r.length:
            raise AgreementError(
                f"source {r.name!r}: stored length {r.length} differs from its text ({r.text_length} characters); "
                "its codings cannot be compared"
            )
    for g in seg_rows:
        src = src_by_id.get(g.source_id)
        if src is not None and not 0 <= g.start < g.end <= src.length:
            raise AgreementError(
                f"coder {coder_rows[g.coder_id].name!r} coded {g.start}:{g.end} in source {src.name!r}, which has "
                f"{src.length} characters: that coding was made on another version of the text; refusing to compare"
            )
    if coders is None:
        used = {r.coder_id for r in seg_rows if r.source_id in src_by_id}
        coder_ids = sorted(
            (cid for cid in used if (coder_rows[cid].kind == "person" and coder_rows[cid].name != CONSENSUS)
             or coder_rows[cid].name == SUGGESTER),
            key=lambda cid: str(coder_rows[cid].name),
        )
    names = tuple(str(coder_rows[cid].name) for cid in coder_ids)
    if len(names) < 2:
        raise AgreementError(
            "agreement needs at least two coders; "
            + (f"only {names[0]!r} coded" if names else "nobody coded")
            + " the chosen sources"
            + ("" if coders is not None else " (choose coders with --coders)")
        )
    if len(names) > _MAX_CODERS:
        raise AgreementError(f"agreement on a project compares at most {_MAX_CODERS} coders; got {len(names)}")
    cidx = {cid: i for i, cid in enumerate(coder_ids)}
    if chosen is None:
        used_codes = sorted({code_keys[r.code_id] for r in seg_rows if r.coder_id in cidx and r.source_id in src_by_id})
        chosen = used_codes
        kidx = {key: i for i, key in enumerate(used_codes)}
        code_map = {cid: [kidx[key]] for cid, key in code_keys.items() if key in kidx}
    present: dict[str, list[bool]] = {r.id: [False] * len(names) for r in src_rows}
    for g in seg_rows:
        if g.source_id in present and g.coder_id in cidx:
            present[g.source_id][cidx[g.coder_id]] = True
    infos: list[SourceInfo] = []
    skipped: list[tuple[str, str]] = []
    offset = 0
    for r in src_rows:
        pres = present[r.id]
        if absent == "uncoded":
            if sources is None and not any(pres):
                skipped.append((r.name, "no compared coder coded it"))
                continue
            pres = [True] * len(names)
        elif sum(pres) < 2:
            who = [n for n, p in zip(names, pres, strict=True) if p]
            skipped.append((r.name, f"coded by {who[0]} only" if who else "no compared coder coded it"))
            continue
        infos.append(SourceInfo(r.id, r.name, r.length, offset, tuple(pres)))
        offset += r.length
    if not infos:
        raise AgreementError("no source was coded by two or more of the compared coders: nothing to compare")
    offsets = {i.id: i.offset for i in infos}
    rows_c: list[int] = []
    rows_k: list[int] = []
    rows_s: list[int] = []
    rows_e: list[int] = []
    for g in seg_rows:
        off = offsets.get(g.source_id)
        ci = cidx.get(g.coder_id)
        if off is None or ci is None:
            continue
        for cat in code_map.get(g.code_id, ()):
            rows_c.append(ci)
            rows_k.append(cat)
            rows_s.append(off + g.start)
            rows_e.append(off + g.end)
    return CodingData(
        coders=names,
        codes=tuple(chosen),
        sources=tuple(infos),
        skipped=tuple(skipped),
        seg_coder=_i64(rows_c),
        seg_code=_i64(rows_k),
        seg_start=_i64(rows_s),
        seg_end=_i64(rows_e),
        parents=parents,
    )


def source_texts(project: Project, data: CodingData, which: Sequence[int] | None = None) -> dict[int, str]:
    """The texts of the compared sources (by index), all or ``which``."""
    idx = sorted(set(range(len(data.sources)) if which is None else which))
    if not idx:
        return {}
    s = tables.sources.c
    with project.store.read() as conn:
        rows = dict(conn.execute(select(s.id, s.text).where(s.id.in_([data.sources[i].id for i in idx]))).all())
    return {i: str(rows[data.sources[i].id]) for i in idx}


def build_units(
    project: Project,
    data: CodingData,
    kind: UnitKind | str,
    *,
    unitizer: str | None = None,
    excerpts: Sequence[tuple[str, int, int]] | None = None,
) -> Units:
    """Cut the compared sources into units of ``kind`` (see the module docstring).

    ``excerpt`` units come from ``excerpts`` ((source, start, end) triples) or from the distinct spans
    coded (with any code) by the coder ``unitizer``; excerpts in sources not compared are left out.
    """
    if kind not in UNIT_KINDS:
        raise AgreementError(f"unknown unit {kind!r}: expected one of {', '.join(UNIT_KINDS)}")
    if kind != "excerpt" and (unitizer is not None or excerpts is not None):
        raise AgreementError("a unitizer coder or excerpts apply to --unit excerpt only")
    spans: list[tuple[int, int, int, str]] = []  # (source index, start, end, label)
    if kind == "document":
        spans = [(i, 0, s.length, "document") for i, s in enumerate(data.sources)]
    elif kind == "characters":
        return _character_units(data)
    elif kind in ("sentence", "paragraph"):
        cut = sentence_spans if kind == "sentence" else paragraph_spans
        for i, text in source_texts(project, data).items():
            spans += [(i, a, b, f"{kind} {j}") for j, (a, b) in enumerate(cut(text), start=1)]
    elif kind == "turn":
        spans = _turn_spans(project, data)
    else:
        spans = _excerpt_spans(project, data, unitizer, excerpts)
    if not spans:
        raise AgreementError(f"the compared sources hold no {kind} units")
    return Units(
        kind=str(kind),
        source=_i64([t[0] for t in spans]),
        start=_i64([t[1] for t in spans]),
        end=_i64([t[2] for t in spans]),
        weight=np.ones(len(spans), dtype=np.float64),
        label=tuple(t[3] for t in spans),
    )


def _character_units(data: CodingData) -> Units:
    """Runs of characters between consecutive segment or source boundaries, weighted by their length."""
    ends = np.cumsum(_i64([s.length for s in data.sources]))
    bounds = np.unique(np.r_[np.int64(0), ends, data.seg_start, data.seg_end])
    lo, hi = bounds[:-1], bounds[1:]
    src = np.searchsorted(ends, lo, side="right").astype(np.int64)
    offs = _i64([s.offset for s in data.sources])
    return Units(
        kind="characters",
        source=src,
        start=lo - offs[src],
        end=hi - offs[src],
        weight=(hi - lo).astype(np.float64),
        label=("characters",) * int(lo.size),
    )


def _turn_spans(project: Project, data: CodingData) -> list[tuple[int, int, int, str]]:
    t = tables.turns.c
    index = {s.id: i for i, s in enumerate(data.sources)}
    with project.store.read() as conn:
        rows = conn.execute(
            select(t.source_id, t.number, t.start, t.end, t.speaker).where(t.source_id.in_(list(index)))
        ).all()
    spans = sorted((index[r.source_id], r.start, r.end, f"turn {r.number} ({r.speaker})") for r in rows)
    without = sorted(set(range(len(data.sources))) - {sp[0] for sp in spans})
    if without:
        names = ", ".join(repr(data.sources[i].name) for i in without)
        raise AgreementError(f"source(s) {names} have no speaker turns: choose other sources or another unit")
    return spans


def _excerpt_spans(
    project: Project,
    data: CodingData,
    unitizer: str | None,
    excerpts: Sequence[tuple[str, int, int]] | None,
) -> list[tuple[int, int, int, str]]:
    if (unitizer is None) == (excerpts is None):
        raise AgreementError("excerpt units need either a unitizer coder or a list of excerpts (not both)")
    index = {s.id: i for i, s in enumerate(data.sources)}
    found: set[tuple[int, int, int]] = set()
    if unitizer is not None:
        seg = tables.segments.c
        with project.store.read() as conn:
            uid = project.coder_id(conn, unitizer, create=False)
            rows = conn.execute(
                select(seg.source_id, seg.start, seg.end).where(
                    seg.coder_id == uid, seg.source_id.in_(list(index))
                )
            ).all()
        found = {(index[r.source_id], r.start, r.end) for r in rows}
        if not found:
            raise AgreementError(f"unitizer {unitizer!r} coded nothing in the compared sources")
    else:
        assert excerpts is not None
        with project.store.read() as conn:
            for n, (name, start, end) in enumerate(excerpts, start=1):
                row = project.source_row(conn, name)
                if not 0 <= start < end <= row.length:
                    raise AgreementError(
                        f"excerpt {n} ({name}, {start}:{end}) is outside the source "
                        f"(valid: 0 <= start < end <= {row.length})"
                    )
                if row.id in index:
                    found.add((index[row.id], start, end))
        if not found:
            raise AgreementError("none of the excerpts lies in a compared source")
    return [(i, a, b, f"excerpt {a}:{b}") for i, a, b in sorted(found)]


def _coverage(starts: IntArray, ends: IntArray, points: IntArray) -> IntArray:
    """Covered length of [0, x) for each x in ``points`` by the union of the intervals."""
    if starts.size == 0:
        return np.zeros(points.size, dtype=np.int64)
    order = np.argsort(starts, kind="stable")
    s, e = starts[order], ends[order]
    run_end = np.maximum.accumulate(e)
    new = np.r_[True, s[1:] > run_end[:-1]]
    first = np.flatnonzero(new)
    ms = s[first]
    me = np.maximum.reduceat(e, first)
    before = np.r_[np.int64(0), np.cumsum(me - ms)[:-1]]
    i = np.searchsorted(ms, points, side="right") - 1
    ok = i >= 0
    ic = np.maximum(i, 0)
    inside = np.clip(points - ms[ic], 0, me[ic] - ms[ic])
    return np.where(ok, before[ic] + inside, 0).astype(np.int64)


def _global(data: CodingData, units: Units) -> tuple[IntArray, IntArray]:
    offs = _i64([s.offset for s in data.sources])
    return offs[units.source] + units.start, offs[units.source] + units.end


def candidate_units(data: CodingData, units: Units, code: int) -> IntArray:
    """Indices (sorted) of the units that a segment of code index ``code`` overlaps: the only units where
    any coder can have coded it. Every unit when units overlap each other (excerpts may)."""
    g_start, g_end = _global(data, units)
    n = len(units)
    disjoint = n < 2 or bool(np.all(g_start[1:] >= g_end[:-1]))
    if not disjoint:
        return np.arange(n, dtype=np.int64)
    m = data.seg_code == code
    lo = np.searchsorted(g_end, data.seg_start[m], side="right")
    hi = np.searchsorted(g_start, data.seg_end[m], side="left")
    keep = hi > lo
    lo, hi = lo[keep], hi[keep]
    if lo.size == 0:
        return np.zeros(0, dtype=np.int64)
    sizes = hi - lo
    starts = np.repeat(lo - np.r_[np.int64(0), np.cumsum(sizes)[:-1]], sizes)
    return np.unique(starts + np.arange(int(sizes.sum()), dtype=np.int64))


def code_ratings(
    data: CodingData,
    units: Units,
    code: int,
    *,
    threshold: float | None = None,
    rows: IntArray | None = None,
) -> Int8Array:
    """``ratings[u, c]`` for code index ``code``: 1 when coder ``c`` coded unit ``u`` with it (overlap of at
    least ``threshold`` of the unit, default any), 0 when not, -1 when the coder did not code the unit's
    source. With ``rows``, only for those unit indices (in that order)."""
    if threshold is not None and not 0.0 < threshold <= 1.0:
        raise AgreementError(f"threshold {threshold}: expected a share of the unit in (0, 1]")
    g_start, g_end = _global(data, units)
    src = units.source
    if rows is not None:
        g_start, g_end, src = g_start[rows], g_end[rows], src[rows]
    length = (g_end - g_start).astype(np.float64)
    present = np.asarray([s.present for s in data.sources], dtype=bool).reshape(-1, len(data.coders))[src]
    out = np.zeros((g_start.size, len(data.coders)), dtype=np.int8)
    mask_code = data.seg_code == code
    for c in range(len(data.coders)):
        m = mask_code & (data.seg_coder == c)
        if not bool(m.any()):
            continue
        st, en = data.seg_start[m], data.seg_end[m]
        overlap = _coverage(st, en, g_end) - _coverage(st, en, g_start)
        coded = overlap > 0
        if threshold is not None:
            coded &= overlap.astype(np.float64) >= length * threshold - 1e-9
        out[:, c] = coded
    out[~present] = -1
    return out
