"""Split a code with its codings (trial17 #11): a mid-study revision of the codebook.

A manager splits code ``exp.cost`` into new codes (each with its key, name, definition and parent) and chooses,
for each, the codings that move to it: by their ids (the ``id`` column of ``makna segments --code KEY --format
csv``), by a search of the coded text, or both. A coding moves with its coder, its memo, the memos on it and its
time: nothing is re-attributed, and an agreement round (a window of time) keeps it, as
:func:`makna.codebook.merge_codes` keeps the codings it moves. A coding chosen by id is that coder's;
``every_coder`` brings every other coder's coding of the same span along (each still theirs), and ``overlapping``
(which implies it) every other coder's coding that overlaps it enough (:func:`overlaps_enough`: by at least half of
the shorter of the two spans, in the same source). The split code keeps
the codings chosen for no new code and the memos on it; with ``remove``, every coding must be chosen and the code
goes, its memos moving to the first new code as a merge moves them to the code merged into, its child codes up to
its parent as a deletion moves them.

One transaction and one ``code.split`` event (the actor, the code, each new code with the codings it received);
refused in one line, nothing changed, for an unknown code, a coding not coded with it, a name (key) that exists, a
search that finds none of its codings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, delete, func, or_, select, update

from .codebook import check_code_text, check_key, dotted_parent, get_code, insert_codes, new_code_colour, next_position
from .errors import ConflictError, InputError
from .memos import forget
from .model import Code, new_id
from .project import Project
from .store import tables

__all__ = ["SplitPart", "SplitResult", "split_code", "overlaps_enough"]


@dataclass(frozen=True)
class SplitPart:
    """One new code of a split and the codings it receives: ``segments`` (coding ids) and the codings whose coded
    text contains ``matching`` (case-insensitive). ``parent`` (a code key or id): where the new code goes; without
    it, a dotted key goes under the code its prefix names, as :func:`makna.codebook.add_code` puts it, and any
    other key beside the code split (under its parent)."""

    key: str
    name: str | None = None
    definition: str = ""
    parent: str | None = None
    segments: tuple[str, ...] = ()
    matching: str | None = None


@dataclass(frozen=True)
class SplitResult:
    """What a split did: the code split (its key), each new code with how many codings moved to it, how many
    stayed on the split code, and whether it was removed."""

    key: str
    parts: tuple[tuple[Code, int], ...]
    kept: int
    removed: bool = False


def _check_parts(parts: Sequence[SplitPart]) -> None:
    if not parts:
        raise InputError("name at least one new code to split into")
    seen: set[str] = set()
    for part in parts:
        check_key(part.key)
        check_code_text(
            {"key": part.key, "name": part.name, "definition": part.definition, "matching": part.matching or ""}
        )
        if part.key in seen:
            raise InputError(f"new code {part.key!r} is named twice")
        seen.add(part.key)
        if not part.segments and not (part.matching or "").strip():
            raise InputError(f"new code {part.key!r}: choose its codings (segment ids or a search)")


def overlaps_enough(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether spans ``a`` and ``b`` (start, end: code points, end exclusive) of one source overlap by at least half
    of the shorter of the two: the rule by which a split with ``overlapping`` takes another coder's coding of a
    passage along with the coding chosen (a coding of "sat at the bus stop for an hour" and one of "the bus stop"
    do; two that share a word of a long answer do not). Symmetric; a span always overlaps itself enough."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


class _Coding(NamedTuple):
    text: str
    span: tuple[str, int, int]  # source id, start, end
    coder: str  # the coder's id


def _codings(conn: Connection, cid: str) -> dict[str, _Coding]:
    """The codings of code ``cid`` by id: the text they code (cut by the database: code points on both backends),
    where, and whose."""
    seg, s = tables.segments.c, tables.sources.c
    text = func.substr(s.text, seg.start + 1, seg.end - seg.start)
    rows = conn.execute(
        select(seg.id, text, seg.source_id, seg.start, seg.end, seg.coder_id)
        .join_from(tables.segments, tables.sources)
        .where(seg.code_id == cid)
    )
    return {str(r[0]): _Coding(str(r[1]), (str(r[2]), int(r[3]), int(r[4])), str(r[5])) for r in rows}


def _with_others(ids: list[str], codings: dict[str, _Coding], overlapping: bool) -> list[str]:
    """``ids`` and the other coders' codings each brings along: of the same span, or, with ``overlapping``, of a span
    that :func:`overlaps_enough` with it (from the codings chosen by id only: one brought brings no more)."""
    if not overlapping:
        spans = {codings[i].span for i in ids}
        return ids + [i for i, coding in codings.items() if coding.span in spans]
    by_source: dict[str, list[str]] = {}
    for i, coding in codings.items():
        by_source.setdefault(coding.span[0], []).append(i)
    out = list(ids)
    for i in ids:
        mine = codings[i]
        out += [j for j in by_source[mine.span[0]] if codings[j].coder != mine.coder
                and overlaps_enough(mine.span[1:], codings[j].span[1:])]
    return out


def _chosen(
    parts: Sequence[SplitPart], codings: dict[str, _Coding], key: str, every_coder: bool, overlapping: bool
) -> list[list[str]]:
    """The coding ids each part receives (with ``every_coder``, an id brings the other coders' codings of its span
    along; with ``overlapping``, those of a span that overlaps it enough); refused when one is not a coding of the
    code, is chosen twice, or a search finds none."""
    taken: dict[str, str] = {}
    out: list[list[str]] = []
    for part in parts:
        ids = [i.strip() for i in part.segments if i.strip()]
        for sid in ids:
            if sid not in codings:
                raise ConflictError(f"segment {sid!r} is not coded with {key!r}: nothing split")
        if every_coder or overlapping:
            ids = _with_others(ids, codings, overlapping)
        needle = (part.matching or "").strip().casefold()
        if needle:
            found = [i for i, coding in codings.items() if needle in coding.text.casefold()]
            if not found:
                raise ConflictError(f"search {part.matching!r} finds none of the codings of {key!r}: nothing split")
            ids += found
        mine = list(dict.fromkeys(ids))
        for sid in mine:
            if taken.setdefault(sid, part.key) != part.key:
                raise ConflictError(
                    f"segment {sid!r} is chosen for both {taken[sid]!r} and {part.key!r}: nothing split"
                )
        out.append(mine)
    return out


def _new_code(project: Project, conn: Connection, part: SplitPart, src: Any) -> Code:
    if part.parent:
        parent_id: str | None = project.code_id(conn, part.parent)
    elif "." in part.key.strip("."):  # as makna codebook add puts it: exp.cost.fees under exp.cost
        parent_id = project.code_id(conn, dotted_parent(conn, part.key))
    else:
        parent_id = src.parent_id
    code = Code(
        id=new_id(),
        key=part.key,
        name=(part.name or part.key).strip() or part.key,
        parent_id=parent_id,
        color=new_code_colour(conn, parent_id),
        definition=part.definition,
        position=next_position(conn, parent_id),
    )
    insert_codes(conn, [code])
    return code


def split_code(
    project: Project,
    key: str,
    parts: Sequence[SplitPart],
    *,
    remove: bool = False,
    every_coder: bool = False,
    overlapping: bool = False,
) -> SplitResult:
    """Split code ``key`` into the new codes ``parts``, moving to each the codings chosen for it (kept per coder:
    each with its coder, memo, memos and time). The codings chosen for none stay on ``key``; with ``remove``, none
    may stay and ``key`` is deleted (its memos move to the first new code, its children up to its parent). With
    ``every_coder``, a coding chosen by id brings every other coder's coding of the same span along (each still
    theirs): the span is split, not one coder's reading of it. ``overlapping`` (which implies ``every_coder``) also
    brings every other coder's coding of the same source that overlaps a chosen one by at least half of the
    shorter of the two spans (:func:`overlaps_enough`): the same passage read a few words wider or narrower. A
    coding brought by two new codes' choices is refused as one chosen twice. One
    transaction, one ``code.split`` event. Refused (nothing changed) for an unknown code, a coding not coded with
    it, a key that exists, a search that finds none of its codings."""
    _check_parts(parts)
    payload: dict[str, Any] = {
        "key": key,
        "parts": [p.key for p in parts],
        "remove": remove,
        "every_coder": every_coder or overlapping,
        "overlapping": overlapping,
    }
    with project.store.write(project.actor, "code.split", payload) as conn:
        src_row = project.code_row(conn, key)
        c, seg = tables.codes.c, tables.segments.c
        src = conn.execute(select(c.id, c.key, c.parent_id).where(c.id == src_row.id)).one()
        cid = str(src.id)
        payload.update(id=cid, code_key=src.key)
        codings = _codings(conn, cid)
        chosen = _chosen(parts, codings, src.key, every_coder, overlapping)
        left = len(codings) - sum(len(ids) for ids in chosen)
        if remove and left:
            raise ConflictError(
                f"{left} coding(s) of {src.key!r} are chosen for no new code: choose them, or keep "
                f"{src.key!r} (without --remove): nothing split"
            )
        moved: list[tuple[Code, int]] = []
        for part, ids in zip(parts, chosen, strict=True):
            code = _new_code(project, conn, part, src)
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                conn.execute(update(tables.segments).where(seg.id.in_(chunk)).values(code_id=code.id))
                sg = tables.suggestions.c  # a suggestion the coding came from follows it
                conn.execute(
                    update(tables.suggestions)
                    .where(sg.code_id == cid, or_(sg.segment_id.in_(chunk), sg.accepted_segment_id.in_(chunk)))
                    .values(code_id=code.id)
                )
            moved.append((code, len(ids)))
        if remove:
            first = moved[0][0].id
            m = tables.memos.c
            conn.execute(
                update(tables.memos).where(m.target_kind == "code", m.target_id == cid).values(target_id=first)
            )
            if any(code.parent_id == cid for code, _n in moved):
                raise ConflictError(
                    f"a new code cannot go under {src.key!r} when it is removed (--remove): nothing split"
                )
            conn.execute(update(tables.codes).where(c.parent_id == cid).values(parent_id=src.parent_id))
            forget(conn, "code", [cid])
            conn.execute(delete(tables.codes).where(c.id == cid))
        payload["new"] = [
            {"key": code.key, "id": code.id, "moved": n, "segments": ids}
            for (code, n), ids in zip(moved, chosen, strict=True)
        ]
        payload["kept"] = left
    return SplitResult(src.key, tuple((get_code(project, code.id), n) for code, n in moved), left, remove)
