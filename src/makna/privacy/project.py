"""De-identification inside a project: scan sources, keep the review, decide on detections, report.

The review of each source lives in the ``deid_sources`` table as :meth:`Review.to_dict` output (spans,
types, confidences, detectors and statuses; never an identifier string: the source text supplies the
strings when a review is loaded). Each detection has a stable id ``N:i``, where ``N`` is the source's
de-identification number (given on its first scan, never reused) and ``i`` its item number (from 1; a
rescan appends, so ids stay valid). The free-text fields (:mod:`makna.privacy.fields`) are reviewed the
same way, in ``deid_fields``, with ids ``fN:i``; a scan, a listing or a decision without ``sources``
covers them too. Replacing the text, the key and re-identification are in
:mod:`makna.privacy.project_apply`.

Every change goes through ``project.store.write`` and logs an event whose payload holds ids, spans,
types and counts only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from sqlalchemy import Connection, func, insert, select, update

from ..errors import InputError, PrivacyError
from ..event_kinds import deid_decision
from ..holds import shown_reviews, shown_sources
from ..project import Project
from ..store import as_utc, tables
from ._state import State
from .claims import claimed_spans
from .detect import detect, propagate
from .field_ages import field_ages
from .field_surrogates import free_parts, lower_surrogates, text_surrogates
from .field_words import Decisions, is_word, weigh
from .fields import field_spec, field_states, ordinary_guess, save_field
from .labels import LABEL_TYPES, before_extension, find_in_labels, name_words, plain_words
from .review import STATUSES, Review, ReviewItem, Status, context
from .types import Detection, check_types

__all__ = [
    "FieldEntry",
    "ReviewEntry",
    "ScanReport",
    "SourceDeidStatus",
    "add_detection",
    "add_field_detection",
    "decide",
    "decide_all",
    "deid_status",
    "detection_language",
    "edit_detection",
    "field_counts",
    "field_entries",
    "fields_language",
    "pending_but_confirmed",
    "review_entries",
    "scan",
]

_DECIDED = frozenset({"accepted", "edited", "added"})


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One detection of one source's text or of one free-text field (``text`` is shown, never stored).

    ``field`` says where it is: ``sources.text`` for a transcript, else ``table.column`` (e.g.
    ``memos.text``); for a field, ``source`` is the row it belongs to (``case Siti``, ``memo Notes``)
    and ``source_id`` its location ``table|row key|column``."""

    id: str
    source: str
    source_id: str
    start: int
    end: int
    type: str
    confidence: float
    detector: str
    status: str
    text: str
    before: str
    after: str
    field: str = "sources.text"
    claimed: bool = False  # its span is exactly a surrogate's that an unverified claim names (makna.privacy.claims)

    def as_dict(self) -> dict[str, Any]:
        """All fields, for JSON and CSV output."""
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class ScanReport:
    """What a scan did: sources scanned, detections new from detectors and from propagation."""

    sources: int
    detections: int
    new: int
    propagated: int
    skipped_applied: list[str]
    entries: list[ReviewEntry]
    fields: int = 0


@dataclass(frozen=True, slots=True)
class SourceDeidStatus:
    """Where one source stands: review counts, and whether (and how) its text was replaced."""

    number: int | None
    source: str
    source_id: str
    pending: int
    accepted: int
    rejected: int
    applied: bool
    mode: str | None
    replaced: int
    applied_at: dt.datetime | None


def detection_language(language: str) -> str:
    """The detector language for a source language code (``en*`` -> ``en``, anything else ``id``)."""
    return "en" if language.lower().startswith("en") else "id"


def fields_language(conn: Connection) -> str:
    """The detector language for free-text fields: that of most sources (``id`` when there are none)."""
    s = tables.sources.c
    row = conn.execute(select(s.language, func.count()).group_by(s.language)
                       .order_by(func.count().desc(), s.language)).first()
    return detection_language(row[0]) if row is not None else "id"


# ----------------------------------------------------------------------------------- loading
_State = State


def _fields(conn: Connection, *, stored: bool = True, applied: bool | None = False) -> list[State]:
    """The field values (by default those reviewed before and not replaced since), in number order."""
    out = [st for st in field_states(conn, fields_language(conn))
           if (not stored or (st.number and st.digest)) and (applied is None or st.applied == applied)]
    return sorted(out, key=lambda st: st.number)


def _load(conn: Connection, *, source_ids: Collection[str] | None = None,
          applied: bool | None = False) -> list[_State]:
    """Reviews of scanned sources (by default the ones not yet applied), in number order."""
    d, s = tables.deid_sources.c, tables.sources.c
    q = (select(d.source_id, d.number, d.review, d.applied_at, s.name, s.text, s.language)
         .join(tables.sources, s.id == d.source_id).order_by(d.number))
    if source_ids is not None:
        q = q.where(d.source_id.in_(list(source_ids)))
    if applied is not None:
        q = q.where(d.applied_at.is_not(None) if applied else d.applied_at.is_(None))
    out: list[_State] = []
    for r in conn.execute(q):
        # once applied, the spans refer to the replaced text: such a review is not loaded
        review = Review.from_dict(r.text, r.review) if r.applied_at is None else Review(r.text, ())
        out.append(_State(r.source_id, r.name, r.language, r.number, review, r.applied_at is not None))
    return out


def _save(conn: Connection, state: _State) -> None:
    if state.field:
        save_field(conn, state)
        return
    conn.execute(update(tables.deid_sources).where(tables.deid_sources.c.source_id == state.source_id)
                 .values(review=state.review.to_dict()))


def _source_ids(project: Project, conn: Connection, names: Iterable[str] | None) -> list[str] | None:
    if names is None:
        return None
    return [str(project.source_row(conn, n).id) for n in names]


def _entries(states: Sequence[_State], *, status: Collection[str] | None = None,
             claimed: Mapping[str, Collection[tuple[int, int]]] | None = None) -> list[ReviewEntry]:
    """The review entries of ``states``; ``claimed``: the surrogate spans unverified claims name, by source id."""
    out: list[ReviewEntry] = []
    for st in states:
        spans = (claimed or {}).get(st.source_id, ()) if not st.field else ()
        for i, item in enumerate(st.review.items, start=1):
            if status is not None and item.status not in status:
                continue
            det = item.detection
            before, ident, after = context(st.review.text, det)
            out.append(ReviewEntry(st.item_id(i), st.name, st.source_id, det.start, det.end, det.type,
                                   det.confidence, det.detector, item.status, ident, before, after,
                                   st.field or "sources.text", (det.start, det.end) in spans))
    return out


def _confirmed(states: Iterable[_State]) -> dict[str, str]:
    """The confirmed strings of these reviews; from a label (a file or project name), not one that is an
    ordinary word written in lower case (``work`` of "Care, work and place"): the label writes names in any
    case, and that form, looked for in the transcripts, finds the ordinary word there."""
    out: dict[str, str] = {}
    for st in states:
        if st.applied:
            continue
        found = st.review.confirmed_strings()
        if st.field and field_spec(st.field).kind == "label":
            found = {k: v for k, v in found.items() if not (k.islower() and k in plain_words())}
        out.update(found)
    return out


def find_unreviewed(states: Sequence[_State], confirmed: Mapping[str, str],
                    found: Mapping[str, tuple[str, float]] | None = None) -> dict[str, list[Detection]]:
    """Occurrences of ``confirmed`` strings that no item of these reviews covers (any status), and in
    labels (file and source names...) the words of confirmed names (confidence 0.99) and of ``found``
    ones (names detected, not rejected: value -> type and confidence) in any case
    (:mod:`makna.privacy.labels`)."""
    live = [st for st in states if not st.applied]
    existing = {st.source_id: [i.detection for i in st.review.items] for st in live}
    hits = propagate({st.source_id: st.review.text for st in live}, confirmed, existing=existing)
    labels = {st.source_id: st.review.text for st in live if st.field and field_spec(st.field).kind == "label"}
    if labels:
        wanted = {**(found or {}), **{k: (v, 0.99) for k, v in confirmed.items() if v in LABEL_TYPES}}
        for sid, dets in find_in_labels(labels, wanted, {k: [*existing[k], *hits.get(k, [])] for k in labels}).items():
            hits[sid] = sorted([*hits.get(sid, []), *dets], key=lambda d: d.start)
    return {k: v for k, v in hits.items() if v}


def _sure_strings(confirmed: Mapping[str, str]) -> dict[str, str]:
    """``confirmed`` (string -> type) and each word of a confirmed name that identifies on its own
    (:func:`makna.privacy.labels.name_words`): ``Abena`` of ``Abena Owusu-Mensah``. A word that is also an
    ordinary word (``Bunga`` of ``Bunga Lestari``, "flower") is left to the detectors: made sure, it would be
    found at every capitalised "Bunga" and accepted with ``--min-confidence 0.8``."""
    ordinary = plain_words()
    words = {w: "PERSON" for value, kind in confirmed.items() if kind == "PERSON" for w in name_words(value)
             if w.casefold() not in ordinary}
    return {**words, **confirmed}


def _propagate_first(st: _State, sure: Mapping[str, str], decisions: Decisions | None = None) -> int:
    """Before the detectors: a pending item that is one of the ``sure`` strings (of its type) is made sure
    (0.99), and their other occurrences are added at 0.99, so that a detector's weaker guess at the same
    span gives way to them. Returns the number added. In a field value, with the transcripts' ``decisions``,
    a word of the project (:mod:`makna.privacy.field_words`) is neither made sure nor added above 0.5."""
    spec = field_spec(st.field) if st.field and decisions is not None else None
    items = st.review.items
    for n, item in enumerate(items):
        det = item.detection
        if item.status == "pending" and det.confidence < 0.99 and sure.get(det.text.strip()) == det.type:
            if spec is not None and decisions is not None and is_word(spec, det, decisions):
                continue
            items[n] = ReviewItem(replace(det, confidence=0.99), item.status)
    hits = propagate([st.review.text], sure, existing={"0": [i.detection for i in items]})["0"]
    return _merge(st.review, hits if spec is None or decisions is None else weigh(spec, hits, decisions))


def _found(states: Iterable[_State]) -> dict[str, tuple[str, float]]:
    """The names and places detected and not rejected in these reviews, with their highest confidence
    (for the labels: a name the catch-all guessed is guessed there too, not made sure)."""
    out: dict[str, tuple[str, float]] = {}
    for st in states:
        for i in st.review.items if not st.applied else ():
            det = i.detection
            if i.status != "rejected" and det.type in LABEL_TYPES and out.get(det.text, ("", 0.0))[1] < det.confidence:
                out[det.text] = (det.type, det.confidence)
    return out


# -------------------------------------------------------------------------------------- scan
def scan(
    project: Project,
    *,
    sources: Iterable[str] | None = None,
    known_names: Iterable[str] = (),
    confirmed: Mapping[str, str] | None = None,
    types: Collection[str] | None = None,
    key_originals: Collection[str] | None = None,
) -> ScanReport:
    """Detect identifiers in every source not yet de-identified (or in ``sources``), merge with the
    stored review (decisions are kept; a detection with the span of an existing item, or overlapping
    a live one, is not added again), then find the other occurrences of confirmed strings (from the
    reviews, and ``confirmed``: e.g. the originals recorded in the key) across the project.
    ``key_originals``: every original the key holds (None: no key given), for a surrogate's part typed in a
    field (:func:`makna.privacy.field_surrogates.free_parts`)."""
    names = tuple(n for n in known_names if n.strip())
    types = check_types(types)
    payload: dict[str, Any] = {}
    s, d = tables.sources.c, tables.deid_sources.c
    with project.store.write(project.actor, "deid.scan", payload) as conn:
        wanted = _source_ids(project, conn, sources)
        applied = {r.source_id for r in conn.execute(select(d.source_id).where(d.applied_at.is_not(None)))}
        among = applied if wanted is None else applied & set(wanted)
        skipped = [str(n) for n in conn.execute(select(s.name).where(s.id.in_(among)).order_by(s.name)).scalars()]
        q = select(s.id, s.text, s.language).order_by(s.name)
        if wanted is not None:
            q = q.where(s.id.in_(wanted))
        rows = [r for r in conn.execute(q) if r.id not in applied]
        known = {st.source_id: st for st in _load(conn)}
        top = int(conn.execute(select(func.coalesce(func.max(d.number), 0))).scalar_one())
        new = early = 0
        fields = [] if wanted is not None else _fields(conn, stored=False)
        sure = _sure_strings({**(confirmed or {}), **_confirmed([*known.values(), *fields])})
        for r in rows:
            found = detect(r.text, language=detection_language(r.language), known_names=names, types=types)
            st = known.get(r.id)
            if st is None:
                top += 1
                conn.execute(insert(tables.deid_sources).values(
                    source_id=r.id, number=top, review={"items": []}, scanned_at=dt.datetime.now(dt.UTC)))
                st = known[r.id] = _State(r.id, "", r.language, top, Review(r.text, ()), False)
            early += _propagate_first(st, sure)
            new += _merge(st.review, found)
        decisions = Decisions.of(known.values(), fields)  # what the transcripts' reviews say of a field's words
        surrogates = text_surrogates(conn) if fields else frozenset()  # names the de-identified texts use
        parts = free_parts(conn, key_originals) if fields else frozenset()  # their words no original shares
        ages = field_ages(conn, fields) if types is None or "AGE" in types else {}  # an attribute named for age
        for st in fields:
            spec = field_spec(st.field)
            early += 0 if st.applied else _propagate_first(st, sure, decisions)
            found = [*ages.get(st.source_id, ()),
                     *detect(st.review.text, language=st.language, known_names=names, types=types)]
            if spec.file_name:
                found = before_extension(st.review.text, found)
            if spec.vocabulary:
                found = [det for det in found if not ordinary_guess(det, st.language)]
            new += _merge(st.review, lower_surrogates(weigh(spec, found, decisions), surrogates, parts))
        pool = [*known.values(), *fields]
        added = find_unreviewed(pool, _sure_strings({**(confirmed or {}), **_confirmed(pool)}), _found(pool))
        scanned = {r.id for r in rows}
        by_id = {st.source_id: st for st in pool}
        for sid, dets in added.items():
            st = by_id[sid]
            dets = weigh(field_spec(st.field), dets, decisions) if st.field else dets
            st.review.items.extend(ReviewItem(det) for det in dets)
        for st in fields:  # every value is recorded as scanned, with or without detections
            _save(conn, st)
        for st in known.values():
            if st.source_id in scanned or st.source_id in added:
                _save(conn, st)
                conn.execute(update(tables.deid_sources).where(d.source_id == st.source_id)
                             .values(scanned_at=dt.datetime.now(dt.UTC)))
        states = [*_load(conn, source_ids=scanned | set(added)), *(st for st in fields if st.review.items)]
        entries = _entries(states, claimed=claimed_spans(conn))
        early += sum(len(v) for v in added.values())
        payload.update(sources=len(rows), fields=len(fields), new=new, propagated=early,
                       detections=len(entries), by_type=dict(Counter(e.type for e in entries)))
    return ScanReport(len(rows), len(entries), new, payload["propagated"], skipped, entries, len(fields))


def _merge(review: Review, found: Iterable[Detection]) -> int:
    """Add the detections that neither repeat an item's span nor overlap a live (not rejected) item."""
    spans = {(i.detection.start, i.detection.end) for i in review.items}
    live = [i.detection for i in review.items if i.status != "rejected"]
    n = 0
    for det in found:
        if (det.start, det.end) in spans or any(det.overlaps(o) for o in live):
            continue
        review.items.append(ReviewItem(det))
        spans.add((det.start, det.end))
        live.append(det)
        n += 1
    return n


# ------------------------------------------------------------------------------------ review
def review_entries(project: Project, *, sources: Iterable[str] | None = None,
                   status: Collection[str] | None = None) -> list[ReviewEntry]:
    """The detections of the scanned, not yet de-identified sources and (unless ``sources`` narrows
    the list) of the free-text fields, optionally of some statuses."""
    if status is not None and (unknown := sorted(set(status) - set(STATUSES))):
        raise InputError(f"status {unknown[0]!r}: use one of {', '.join(STATUSES)}")
    with project.store.read() as conn:
        states = _load(conn, source_ids=_source_ids(project, conn, sources))
        if sources is None:
            states += _fields(conn)
        states = shown_reviews(project, conn, states)  # not a held source's, nor a held case's (makna.holds)
        return _entries(states, status=status, claimed=claimed_spans(conn))


def _parse_id(item_id: str) -> tuple[bool, int, int]:
    try:
        number, index = item_id.strip().split(":", 1)
        field = number.lower().startswith("f")
        return field, int(number[1:] if field else number), int(index)
    except ValueError:
        raise InputError(f"detection id {item_id!r}: expected N:I or fN:I as listed by 'makna deid scan'") from None


def _resolve(conn: Connection, ids: Iterable[str]) -> tuple[dict[int, _State], list[tuple[_State, int, str]]]:
    states = {st.number: st for st in _load(conn, applied=None)}
    fields = {st.number: st for st in _fields(conn, applied=None)}
    out: list[tuple[_State, int, str]] = []
    for item_id in ids:
        is_field, number, index = _parse_id(item_id)
        st = (fields if is_field else states).get(number)
        what = "field" if is_field else "source"
        if st is None:
            raise InputError(f"detection {item_id}: no scanned {what} number {number} (see 'makna deid list')")
        if st.applied:
            raise PrivacyError(f"detection {item_id}: {what} {st.name!r} is de-identified already")
        if not 1 <= index <= len(st.review.items):
            raise InputError(f"detection {item_id}: {what} {number} has {len(st.review.items)} detection(s)")
        out.append((st, index - 1, item_id))
    return states, out


def _check_decision(status: str) -> None:
    """Refuse a decision that is not ``accepted`` or ``rejected`` (the one check of :func:`decide`,
    :func:`decide_all` and :mod:`makna.privacy.project_same`)."""
    if status not in {"accepted", "rejected"}:
        raise InputError(f"status {status!r}: use accepted or rejected")


def decide(project: Project, ids: Iterable[str], status: Status) -> int:
    """Set the status (``accepted`` or ``rejected``) of the detections with these ids."""
    _check_decision(status)
    wanted = list(ids)
    if not wanted:
        raise InputError("no detection ids given")
    payload: dict[str, Any] = {"ids": wanted, "status": status}
    with project.store.write(project.actor, deid_decision(status), payload) as conn:
        _states, found = _resolve(conn, wanted)
        touched: dict[str, _State] = {}
        for st, index, _ in found:
            if status == "accepted" and st.review.items[index].status in {"edited", "added"}:
                continue  # already the researcher's own decision
            (st.review.accept if status == "accepted" else st.review.reject)(index)
            touched[st.source_id] = st
        for st in touched.values():
            st.review._check_overlaps()  # accepting a rejected item again may meet an edited span
            _save(conn, st)
    return len(found)


def decide_all(project: Project, status: Status, *, sources: Iterable[str] | None = None,
               types: Collection[str] | None = None, min_confidence: float = 0.0,
               max_confidence: float | None = None) -> int:
    """Accept or reject every pending detection (of ``types``, within the confidence bounds). Rejecting, a
    pending detection whose text is an identifier accepted elsewhere in the review (found again by the second
    scan) is left pending (trial16: "reject all" after the README's steps rejected a name found again in a file
    name, and apply left it as written): :func:`pending_but_confirmed` lists it, and only its id rejects it (a
    homonym)."""
    _check_decision(status)
    checked = check_types(types)
    kinds = set(checked) if checked else None
    payload: dict[str, Any] = {"status": status, "types": sorted(kinds or []), "min_confidence": min_confidence}
    n = 0
    with project.store.write(project.actor, deid_decision(status, every=True), payload) as conn:
        wanted = _source_ids(project, conn, sources)
        every, fields = _load(conn), _fields(conn)  # read once: the chosen reviews, and all for what is confirmed
        ids = None if wanted is None else set(wanted)
        chosen = every + fields if ids is None else [st for st in every if st.source_id in ids]
        sure = _confirmed_texts([*every, *fields]) if status == "rejected" else frozenset()
        kept = 0
        for st in chosen:
            changed = False
            for i, item in enumerate(st.review.items):
                det = item.detection
                if item.status != "pending" or (kinds and det.type not in kinds) or det.confidence < min_confidence:
                    continue
                if max_confidence is not None and det.confidence > max_confidence:
                    continue
                if det.text.strip() in sure:
                    kept += 1
                    continue
                (st.review.accept if status == "accepted" else st.review.reject)(i)
                changed, n = True, n + 1
            if changed:
                _save(conn, st)
        payload["count"] = n
        if kept:
            payload["left_confirmed"] = kept
    return n



_RECUR_OTHERWISE: Final = frozenset({"AGE", "DATE"})
"""Types whose value, met again, is as often something else ("23 tahun" an age group in a description, a date
another day's): found again, they are left to "reject all" like any pending detection."""


def _confirmed_texts(states: Iterable[_State]) -> frozenset[str]:
    """The texts (stripped, in their case: "mawar" is a flower) the researcher confirmed as identifiers in these
    reviews, of any type but an age or a date."""
    return frozenset(i.detection.text.strip() for st in states for i in st.review.items
                     if i.status in _DECIDED and i.detection.type not in _RECUR_OTHERWISE)


def pending_but_confirmed(project: Project, entries: list[ReviewEntry] | None = None) -> list[ReviewEntry]:
    """The pending detections whose text is an identifier confirmed elsewhere in the review: what the second scan
    found again (a name accepted in one transcript, in another or in a file name). :func:`decide_all` never rejects
    them; accept them, or reject one by its id where it is another word. ``entries``: every entry of
    :func:`review_entries`, when the caller has them already."""
    entries = review_entries(project) if entries is None else entries
    confirmed = {e.text.strip() for e in entries if e.status in _DECIDED and e.type not in _RECUR_OTHERWISE}
    return [e for e in entries if e.status == "pending" and e.text.strip() in confirmed]


def edit_detection(project: Project, item_id: str, start: int | None = None, end: int | None = None,
                   kind: str | None = None, *, text: str | None = None) -> ReviewEntry:
    """Correct the span (and optionally the type) of a detection; it counts as confirmed
    (:func:`makna.privacy.project_review.revise_detection` says more, and moves a span by words)."""
    from .project_review import revise_detection

    return revise_detection(project, item_id, start, end, kind, text=text).entry


def add_detection(project: Project, source: str, start: int, end: int, kind: str) -> ReviewEntry:
    """Add an identifier the detectors missed (it counts as accepted); scans the source first if needed
    (:func:`makna.privacy.project_review.add_identifier` also marks its other occurrences)."""
    from .project_review import add_identifier

    return add_identifier(project, source, start, end, kind).entry


def add_field_detection(project: Project, field: str, start: int, end: int, kind: str) -> ReviewEntry:
    """Add an identifier the detectors missed in the scanned field value ``fN`` (as 'makna deid list'
    shows its detections' ids ``fN:I``); it counts as accepted."""
    payload: dict[str, Any] = {"field": field, "start": start, "end": end, "type": kind.upper()}
    with project.store.write(project.actor, "deid.add", payload) as conn:
        is_field, number, _ = _parse_id(f"{field}:1")
        st = next((st for st in _fields(conn, applied=None) if st.number == number), None) if is_field else None
        if st is None:
            raise InputError(f"field {field!r}: no scanned field value of that number (the numbers are listed "
                             "by 'makna deid fields'; scan again after an edit)")
        if st.applied:
            raise PrivacyError(f"field {field!r} is de-identified already")
        index = st.review.add(start, end, kind.upper())
        _save(conn, st)
        payload.update(field_name=st.field, marked=1)  # where, never the value
        return _entries([st])[index]


# ------------------------------------------------------------------------------------ fields
@dataclass(frozen=True, slots=True)
class FieldEntry:
    """One free-text field value and where its review stands; ``id`` is ``fN`` (what ``makna deid add
    --field`` takes; its detections are ``fN:I``), empty until the value is first scanned."""

    id: str
    field: str
    row: str
    value: str
    detections: int
    pending: int
    state: str
    """``scanned``, ``edited since the scan`` (scan again: its review starts afresh), ``not scanned``,
    or ``replaced`` (de-identified)."""

    def as_dict(self) -> dict[str, Any]:
        """All fields, for JSON and CSV output."""
        return {k: getattr(self, k) for k in self.__slots__}


def field_entries(project: Project) -> list[FieldEntry]:
    """Every non-empty free-text field value with its number (``fN``), in number order (values never
    scanned last, by field)."""
    with project.store.read() as conn:
        states = shown_reviews(project, conn, field_states(conn, fields_language(conn)))  # makna.holds
    out: list[FieldEntry] = []
    for st in sorted(states, key=lambda st: (st.number == 0, st.number, st.field, st.name)):
        current = bool(st.number and st.digest)
        state = ("replaced" if st.applied else "scanned") if current else (
            "edited since the scan" if st.number else "not scanned")
        items = st.review.items if current and not st.applied else []
        out.append(FieldEntry(f"f{st.number}" if st.number else "", st.field, st.name, st.value, len(items),
                              sum(1 for i in items if i.status == "pending"), state))
    return out


# ------------------------------------------------------------------------------------ status
def deid_status(project: Project) -> list[SourceDeidStatus]:
    """Per source (all of them, scanned or not): review counts, applied or not, mode."""
    s, d = tables.sources.c, tables.deid_sources.c
    with project.store.read() as conn:
        rows = conn.execute(
            select(s.id, s.name, d.number, d.review, d.applied_at, d.mode, d.replacements)
            .select_from(tables.sources.outerjoin(tables.deid_sources, d.source_id == s.id))
            .where(*shown_sources(project)).order_by(s.name)  # a held source: a manager's (makna.holds)
        ).all()
    out: list[SourceDeidStatus] = []
    for r in rows:
        counts = Counter(str(i.get("status")) for i in (r.review or {}).get("items", []))
        out.append(SourceDeidStatus(
            r.number, r.name, r.id, counts["pending"], sum(counts[k] for k in _DECIDED), counts["rejected"],
            r.applied_at is not None, r.mode, len(r.replacements or []),
            as_utc(r.applied_at) if r.applied_at is not None else None,
        ))
    return out


def field_counts(project: Project) -> dict[str, int]:
    """The free-text field values: how many there are, were scanned (and not edited since), have
    detections pending, and were replaced."""
    with project.store.read() as conn:
        states = _fields(conn, stored=False, applied=None)
    scanned = [st for st in states if st.number and st.digest]
    return {"values": len(states), "scanned": len(scanned), "applied": sum(st.applied for st in scanned),
            "pending": sum(1 for st in scanned for i in st.review.items if i.status == "pending")}
