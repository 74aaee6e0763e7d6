"""Correcting the review inside a project: edit a detection's span or type, and add a missed identifier
together with its other occurrences (in the same source or in every source not yet de-identified).

Each call is one transaction (``project.store.write``) with one event (``deid.edit`` or ``deid.add``)
whose payload holds ids, spans, types and counts, never an identifier string; both are undone by
``makna undo`` like any other review step. :func:`makna.privacy.project.edit_detection` and
:func:`makna.privacy.project.add_detection` are the short forms of :func:`revise_detection` and
:func:`add_identifier`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, func, insert, select

from ..errors import InputError, PrivacyError
from ..project import Project
from ..store import tables
from ._state import State
from .detect import propagate
from .project import (
    FieldEntry,
    ReviewEntry,
    _entries,
    _fields,
    _load,
    _parse_id,
    _resolve,
    _save,
    field_entries,
    review_entries,
)
from .review import nudge_span, span_for_text
from .types import PII_TYPES

__all__ = ["ALSO", "Added", "Also", "Edited", "FieldReview", "add_identifier", "field_review", "revise_detection",
           "rejected_but_confirmed"]

Also = Literal["none", "source", "all"]
#: Where :func:`add_identifier` also marks the other occurrences of the string: nowhere, in the same
#: source, or in every source not yet de-identified.
ALSO: tuple[Also, ...] = ("none", "source", "all")


@dataclass(frozen=True, slots=True)
class Edited:
    """A corrected detection, the span and type it had, and the ids of the pending detections its new
    span took in (they are rejected: the edited span covers them)."""

    entry: ReviewEntry
    before: tuple[int, int, str]
    absorbed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Added:
    """A missed identifier added, the other occurrences marked with it (new items, and pending detections
    of the same span accepted), and how many occurrences were left because they overlap a detection
    already under review."""

    entry: ReviewEntry
    others: tuple[ReviewEntry, ...]
    skipped: int

    @property
    def marked(self) -> int:
        """How many spans this call marked as identifiers (the one chosen and its other occurrences)."""
        return 1 + len(self.others)


def _kind(kind: str | None) -> str | None:
    if kind is None or not kind.strip():
        return None
    upper = kind.strip().upper()
    if upper not in PII_TYPES:
        raise InputError(f"type {kind!r}: use one of {', '.join(PII_TYPES)}")
    return upper


def revise_detection(project: Project, item_id: str, start: int | None = None, end: int | None = None,
                     kind: str | None = None, *, text: str | None = None, start_by: int = 0,
                     end_by: int = 0) -> Edited:
    """Correct detection ``item_id``: a new ``start`` and/or ``end`` (code points, end exclusive), or the
    occurrence of ``text`` nearest its span, then moved by whole words (``start_by=-1`` takes in the word
    before, ``end_by=1`` the word after; positive ``start_by`` and negative ``end_by`` narrow it), and/or a
    new type. The result is validated (inside the text, not blank, no overlap with a confirmed or another
    pending detection; pending ones wholly inside it are absorbed) and counts as confirmed."""
    new_kind = _kind(kind)
    if text is not None and (start is not None or end is not None):
        raise InputError("give the new span as start/end or as the text, not both")
    payload: dict[str, Any] = {"id": item_id, "type": new_kind}
    with project.store.write(project.actor, "deid.edit", payload) as conn:
        _states, [(st, index, _)] = _resolve(conn, [item_id])
        old = st.review.items[index].detection
        a, b = (old.start if start is None else start), (old.end if end is None else end)
        if text is not None:
            a, b = span_for_text(st.review.text, old.start, old.end, text)
        if start_by or end_by:
            a, b = nudge_span(st.review.text, a, b, start_by=start_by, end_by=end_by)
        if (a, b, new_kind or old.type) == (old.start, old.end, old.type) and st.review.items[index].status == "edited":
            raise InputError(f"detection {item_id}: nothing to change (it is {a}:{b} {old.type} already)")
        absorbed = st.review.edit(index, a, b, new_kind)
        _save(conn, st)
        ids = tuple(st.item_id(i + 1) for i in absorbed)
        payload.update(start=a, end=b, type=new_kind or old.type, before=[old.start, old.end, old.type],
                       absorbed=list(ids), source_id=st.source_id)
        return Edited(_entries([st])[index], (old.start, old.end, old.type), ids)


def _open_review(conn: Connection, sid: str, name: str) -> State:
    """The review of source ``sid``, made (numbered, empty) when the source was never scanned."""
    d = tables.deid_sources.c
    row = conn.execute(select(d.applied_at).where(d.source_id == sid)).first()
    if row is None:
        top = int(conn.execute(select(func.coalesce(func.max(d.number), 0))).scalar_one())
        conn.execute(insert(tables.deid_sources).values(source_id=sid, number=top + 1, review={"items": []},
                                                        scanned_at=dt.datetime.now(dt.UTC)))
    elif row.applied_at is not None:
        raise PrivacyError(f"source {name!r} is de-identified already")
    [st] = _load(conn, source_ids=[sid])
    return st


def _mark_others(st: State, value: str, kind: str) -> tuple[list[int], int]:
    """Mark the other occurrences of ``value`` in ``st``: a pending detection of exactly that span is
    accepted, a free occurrence added; one overlapping any other item is left. Returns the indices
    marked and how many were left."""
    items = st.review.items
    exact = {(i.detection.start, i.detection.end): n for n, i in enumerate(items) if i.status == "pending"}
    decided = [i.detection for i in items if i.status != "pending"]
    hits = propagate({"0": st.review.text}, {value: kind}, existing={"0": decided})["0"]
    marked: list[int] = []
    skipped = 0
    for hit in hits:
        n = exact.get((hit.start, hit.end))
        if n is not None:
            st.review.accept(n)
            marked.append(n)
            continue
        if any(hit.overlaps(i.detection) for i in items if i.status != "rejected"):
            skipped += 1
            continue
        marked.append(st.review.add(hit.start, hit.end, kind))
    return marked, skipped


def add_identifier(project: Project, source: str, start: int, end: int, kind: str, *,
                   also: Also = "none") -> Added:
    """Add the identifier ``text[start:end]`` of ``source`` that the detectors missed (it counts as
    accepted; the source is given a review if it was never scanned) and, with ``also="source"`` or
    ``"all"``, mark every other occurrence of the same string (on word boundaries) in that source or in
    every source not yet de-identified."""
    upper = _kind(kind)
    if upper is None:
        raise InputError("give the identifier's type")
    if also not in ALSO:
        raise InputError(f"also {also!r}: use one of {', '.join(ALSO)}")
    payload: dict[str, Any] = {"start": start, "end": end, "type": upper, "also": also}
    with project.store.write(project.actor, "deid.add", payload) as conn:
        src = project.source_row(conn, source)
        sid = str(src.id)
        payload["source_id"] = sid
        st = _open_review(conn, sid, source)
        index = st.review.add(start, end, upper)
        entry = _entries([st])[index]
        value = entry.text.strip()
        others: list[ReviewEntry] = []
        skipped = 0
        touched = [(st, [index])]
        if also != "none" and value:
            pool = [st]
            if also == "all":
                s, d = tables.sources.c, tables.deid_sources.c
                applied = set(conn.execute(select(d.source_id).where(d.applied_at.is_not(None))).scalars())
                for other_id, other_name, body in conn.execute(select(s.id, s.name, s.text).order_by(s.name)):
                    if other_id != sid and other_id not in applied and value in body:
                        pool.append(_open_review(conn, str(other_id), str(other_name)))
            touched = []
            for other in pool:
                marked, left = _mark_others(other, value, upper)
                skipped += left
                touched.append((other, marked + ([index] if other is st else [])))
                listed = _entries([other])
                others.extend(listed[n] for n in marked)
        for other, marked in touched:
            if marked:
                _save(conn, other)
        payload.update(marked=1 + len(others), skipped=skipped, sources=sum(1 for _, m in touched if m))
        return Added(entry, tuple(others), skipped)


@dataclass(frozen=True, slots=True)
class FieldReview:
    """One free-text field value (``fN``) as it is reviewed: the value, where it is, and its detections
    (every status) with offsets into :attr:`text`, the value as the detectors read it (a label's ``_`` as
    a space: same length as the value)."""

    entry: FieldEntry
    text: str
    detections: tuple[ReviewEntry, ...]

    @property
    def markable(self) -> bool:
        """Whether identifiers can be added to it: scanned as it is now, and not yet replaced."""
        return self.entry.state == "scanned"


def field_review(project: Project, field: str) -> FieldReview:
    """The review of the field value ``field`` (``fN``, as ``makna deid fields`` lists it), for marking an
    identifier the detectors missed in it (:func:`makna.privacy.project.add_field_detection`)."""
    try:
        is_field, number, _ = _parse_id(f"{field}:1")
    except InputError:
        is_field, number = False, 0
    entry = next((e for e in field_entries(project) if e.id and e.id == field), None) if is_field else None
    if entry is None:
        raise InputError(f"field {field!r}: no scanned field value of that id (the ids are listed by 'makna deid "
                         "fields'; values never scanned have none: scan first)")
    with project.store.read() as conn:
        st = next((st for st in _fields(conn, stored=False, applied=None) if st.number == number), None)
    if st is None or not st.digest or st.applied:
        return FieldReview(entry, entry.value, ())
    return FieldReview(entry, st.review.text, tuple(_entries([st])))


def rejected_but_confirmed(project: Project, entries: list[ReviewEntry] | None = None) -> list[ReviewEntry]:
    """The rejected detections whose text (of any type; in the same case: "mawar" is a flower) is an identifier
    confirmed elsewhere in the review (``Yusnimar`` rejected in a case name with "reject all", accepted in her
    transcript). ``apply`` leaves them as written, so the review lists them before it; a word that only looks
    like a confirmed name (a homonym) is rightly rejected, hence a list and not a refusal. ``entries``: every entry of
    :func:`~makna.privacy.project.review_entries`, when the caller has them already."""
    entries = review_entries(project) if entries is None else entries
    confirmed = {e.text.strip() for e in entries if e.status in {"accepted", "edited", "added"}}
    # whatever the type: a case name rejected as a place while the transcript's PERSON was accepted still
    # leaves the name (the review's finding)
    return [e for e in entries if e.status == "rejected" and e.text.strip() in confirmed]
