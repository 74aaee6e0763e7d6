"""Replace reviewed identifiers in a project's sources, keep the key outside, and re-identify with it.

:func:`apply` pseudonymises every scanned, fully reviewed source, writes (or extends) the encrypted key
file first, then in ONE transaction replaces each source's text (``text``, ``length``, ``sha256`` of the
new text; the original file bytes are dropped), remaps its turns (offsets through the replacements;
numbers and time stamps kept; a speaker label that is a replaced identifier is replaced too), records
the public replacement records (spans and types), re-indexes full-text search when that module is
present, and stores the key id in ``meta['deid_key_id']``. On SQLite the file is then compacted
(``VACUUM`` and a truncating WAL checkpoint) so that no freed page or WAL frame keeps an original.

The reviewed free-text fields (:mod:`makna.privacy.fields`: memos, case names and values, codebook
texts, segment memos, source and file names, set names, the project's name) are replaced in the same
transaction with the same mapping (one person, one surrogate everywhere; a unique name that would meet
another gets a `` (2)`` suffix); their replacements go to the key under ``"_fields"``. The event log
is then rewritten (:func:`makna.privacy._scrub.rewrite_events`: every original of the key replaced,
the import sha256 of de-identified sources dropped), and the storage compacted (SQLite: the writes run
with ``secure_delete`` on, then ``VACUUM`` and a truncating WAL checkpoint; PostgreSQL: ``VACUUM FULL``
of the rewritten tables).

People's codings and the case links to a span of a source move with its replacements, in the same
transaction (:mod:`makna.privacy.coded`); ``skip_coded`` leaves the coded sources out instead, as they are,
and applies the others and the fields.

Refused, with nothing changed: pending detections (unless ``include_pending``),
occurrences of confirmed identifiers that no review covers, a key path that is the project file, a
key of another project, a wrong passphrase, a missing key once the project has one.

The key file payload (see :mod:`makna.privacy.keyfile`) holds, besides the mapping, per source id
``{"mode", "sha256" (of the original text), "replacements": [Replacement fields]}`` and, under the
reserved name ``"_known_names"``, the project's known names (the only place makna keeps them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..access import PERMISSION, require
from ..errors import InputError, KeyFileError, PrivacyError
from ..holds import release_applied
from ..project import Project
from ..store import fulltext, tables
from ..store.maintenance import secure_delete
from ._scrub import compact, rewrite_events
from .coarse import resolve_coarse
from .coded import move_spans
from .field_surrogates import vouch_parts
from .field_words import Decisions, without_words
from .fields import field_spec, rebuild_value, save_field, unique_value, write_field
from .keyfile import (
    key_location_risks,
    passphrase_risks,
    project_fingerprint,
    read_header,
    read_key,
    write_key,
)
from .naming import resolve_tradition
from .project import (
    _confirmed,
    _fields,
    _load,
    _save,
    _source_ids,
    _State,
    detection_language,
    fields_language,
    find_unreviewed,
)
from .pseudonymise import KeyMapping, Mode, Replacement, pseudonymise, restore
from .regions import infer_region, resolve_region
from .replacements import map_span
from .review import Review, ReviewItem
from .source_regions import case_peers, own_region, plan_regions, record_applied
from .times import lock_stamp_offset, shift_stamp, stamp_dates
from .types import Detection

__all__ = [
    "KNOWN_NAMES",
    "ApplyReport",
    "ProjectKey",
    "add_known_names",
    "apply",
    "key_risks",
    "known_names",
    "open_key",
    "reveal",
]

KNOWN_NAMES = "_known_names"
"""Reserved entry of the key file's records holding the known names (source ids are UUIDs)."""
FIELDS = "_fields"
"""Reserved entry of the key file's records: per field location ``table|row key|column``, the mode
and the replacements of its value (as for a source)."""
_META_KEY = "deid_key_id"
_MODES = ("surrogate", "tag", "mask")


@dataclass
class ProjectKey:
    """A project's decrypted key: the mapping, per-source records and known names."""

    path: Path
    project: str
    key_id: str | None
    mapping: KeyMapping
    records: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        """The known names recorded in the key."""
        return [str(n) for n in self.records.get(KNOWN_NAMES, [])]

    def originals(self) -> dict[str, str]:
        """Every original string replaced so far (and the known names), with its type."""
        return {str(r["original"]): str(r["type"]) for r in self.replacements()  # a coarse place kept: no secret
                if " ".join(str(r["original"]).split()) not in self.mapping.kept} | {n: "PERSON" for n in self.names}

    def replacements(self) -> list[dict[str, Any]]:
        """Every replacement record of the key (sources' and fields')."""
        entries = [e for sid, e in self.records.items() if sid not in {KNOWN_NAMES, FIELDS}]
        entries += list(self.records.get(FIELDS, {}).values())
        return [r for e in entries for r in e.get("replacements", [])]

    def save(self, passphrase: str) -> str:
        """Encrypt the key to its file (atomically); returns the key id."""
        self.key_id = write_key(self.path, self.mapping, passphrase, project=self.project, key_id=self.key_id,
                                replacements=self.records)
        return self.key_id


@dataclass(frozen=True)
class ApplyReport:
    """What :func:`apply` did."""

    sources: list[str]
    replaced: int
    by_type: dict[str, int]
    key_id: str
    mode: str
    unscanned: list[str]
    warnings: list[str]
    compacted: bool
    fields: list[str] = field(default_factory=list)
    """The free-text fields replaced (``table.column of row``)."""
    events: int = 0
    """Event-log entries rewritten (they held an original, or a de-identified source's import sha256)."""
    region: str | None = None
    """The surrogate region used: a province code, ``national``, or None (nothing pointed to one)."""
    source_regions: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    """Per de-identified source name: its surrogate region and where it came from (``source``, ``case``,
    ``apply``, ``inferred``, ``project``; :mod:`makna.privacy.source_regions`)."""
    tradition: str | None = None
    """The naming tradition chosen for the project's surrogate names (None: each name's own and the region's)."""
    source_traditions: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Per de-identified source name with a tradition of its own: the tradition and where it came from
    (``source``, ``case``)."""
    renamed: dict[str, str] = field(default_factory=dict)
    """The de-identified sources whose name held an identifier: their name before -> their new name (what
    ``makna sources`` and every command take from now on)."""
    coarse: str = "keep"
    """What surrogates did with provinces, countries and large islands (:mod:`makna.privacy.coarse`)."""
    kept: int = 0
    """Confirmed identifiers written as they were (coarse places kept): not in ``replaced`` nor ``by_type``."""
    left_out: dict[str, str] = field(default_factory=dict)
    """Per source left out by ``skip_coded`` (its name after apply): why (its people's codings and linked spans)."""


# --------------------------------------------------------------------------------------- key
def _identity(project: Project) -> tuple[str, str | None]:
    meta = project.store.meta()
    return project_fingerprint(meta["project_id"]), meta.get(_META_KEY)


def _check_key_path(project: Project, path: Path) -> None:
    db = project.store.path
    if db is not None:
        db = db.resolve()
        if path in {db, *(Path(f"{db}{s}") for s in ("-wal", "-shm", "-journal"))}:
            raise KeyFileError(f"{path}: the key must live outside the project file; choose another path")
    if path.is_dir():
        raise KeyFileError(f"{path} is a folder; give the path of the key file")


def key_risks(project: Project, path: str | Path, passphrase: str) -> tuple[list[str], list[str]]:
    """What makes the key at ``path`` unsafe (:func:`makna.privacy.keyfile.key_location_risks` and
    :func:`~makna.privacy.keyfile.passphrase_risks`), as ``(refuse, warn)``: a key that travels with the
    project, and a weak passphrase for a new key, are reasons to refuse; a weak passphrase of an existing
    key (too late to choose another here) only a warning."""
    target = Path(path).expanduser()
    refuse = key_location_risks(target, project.store.path)
    weak = passphrase_risks(passphrase, hints=(str(project.store.meta().get("name", "")),))
    return (refuse + weak, []) if not target.exists() else (refuse, weak)


def open_key(project: Project, path: str | Path, passphrase: str, *, create: bool = False) -> ProjectKey:
    """Decrypt the project's key at ``path`` (checking that it is this project's key); with ``create``,
    a missing file gives a new, empty key, unless the project already has a key."""
    target = Path(path).expanduser().resolve()
    _check_key_path(project, target)
    fingerprint, key_id = _identity(project)
    if target.exists():
        mapping, records = read_key(target, passphrase, project=fingerprint, key_id=key_id)
        return ProjectKey(target, fingerprint, key_id or str(read_header(target)["key_id"]), mapping, records)
    if key_id is not None:
        raise KeyFileError(f"key file not found: {target} (this project's identifiers are in key {key_id[:12]}…; "
                           "give the path of that file)")
    if not create:
        raise KeyFileError(f"key file not found: {target}")
    if not passphrase:
        raise KeyFileError("the passphrase is empty")
    return ProjectKey(target, fingerprint, None, KeyMapping(), {})


def _set_key_id(conn: Connection, key_id: str) -> None:
    m = tables.meta.c
    if conn.execute(select(m.value).where(m.key == _META_KEY)).scalar() is None:
        conn.execute(insert(tables.meta).values(key=_META_KEY, value=key_id))
    else:
        conn.execute(update(tables.meta).where(m.key == _META_KEY).values(value=key_id))


def add_known_names(project: Project, path: str | Path, passphrase: str, names: Iterable[str]) -> int:
    """Record the project's own names (informants' real names, aliases) in the key file, creating it
    if needed; returns how many were new. They never enter the project."""
    clean = [" ".join(n.split()) for n in names]
    if not all(clean):
        raise InputError("a known name must not be empty")
    key = open_key(project, path, passphrase, create=True)
    have = set(key.names)
    new = [n for n in dict.fromkeys(clean) if n not in have]
    key.records[KNOWN_NAMES] = sorted(have | set(new))
    payload: dict[str, Any] = {"added": len(new)}
    with project.store.write(project.actor, "deid.names", payload) as conn:
        payload["key_id"] = kid = key.save(passphrase)
        _set_key_id(conn, kid)
    return len(new)


def known_names(project: Project, path: str | Path, passphrase: str) -> list[str]:
    """The known names recorded in the project's key."""
    return open_key(project, path, passphrase).names


# ------------------------------------------------------------------------------------- apply
def _suggester_codings(sids: Sequence[str]) -> Any:
    """The condition on ``segments`` of the suggester's codings in ``sids``."""
    g, k = tables.segments.c, tables.coders.c
    return g.source_id.in_(sids) & g.coder_id.in_(select(k.id).where(k.kind == "suggester"))


def _drop_suggestions(conn: Connection, sids: Sequence[str]) -> int:
    """Drop the suggestions on ``sids`` and the suggester's codings of them: derived from the original
    text, unreviewed by anyone, and re-made by the next ``makna suggest``. Their number."""
    if not sids:
        return 0
    dropped = conn.execute(delete(tables.suggestions).where(tables.suggestions.c.source_id.in_(sids))).rowcount
    conn.execute(delete(tables.segments).where(_suggester_codings(sids)))
    return int(dropped or 0)


def _blockers(conn: Connection, sids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Per source of ``sids``: the people's codings and the linked spans that hold offsets into it (the
    suggester's codings do not count: :func:`_drop_suggestions` drops them, nor do links to whole turns, a
    speaker's: :func:`_replace_source` moves them with their turns)."""
    g, cl = tables.segments.c, tables.case_links.c
    codings: dict[str, int] = {r[0]: int(r[1]) for r in conn.execute(
        select(g.source_id, func.count()).where(g.source_id.in_(sids), ~_suggester_codings(sids))
        .group_by(g.source_id))}
    links: dict[str, int] = {r[0]: int(r[1]) for r in conn.execute(
        select(cl.source_id, func.count()).where(cl.source_id.in_(sids), cl.start.is_not(None), ~_on_a_turn())
        .group_by(cl.source_id))}
    return {s: (int(codings.get(s, 0)), int(links.get(s, 0))) for s in sids if codings.get(s) or links.get(s)}


def _on_a_turn() -> Any:
    """Whether a case link's span is exactly one turn of its source (a speaker's link, ``cases link --speaker``)."""
    cl, t = tables.case_links.c, tables.turns.c
    return select(t.number).where(t.source_id == cl.source_id, t.start == cl.start, t.end == cl.end).exists()


def _why(counts: tuple[int, int]) -> str:
    """Why a source is left out: its people's codings and linked spans."""
    return f"{counts[0]} coding(s), {counts[1]} linked span(s)"


def _blocked_sources(states: Sequence[_State], blocked: dict[str, tuple[int, int]]) -> str:
    names = {st.source_id: st.name for st in states}
    return "; ".join(f"{names[s]} ({_why(counts)})" for s, counts in blocked.items())


def _coded(conn: Connection, states: Sequence[_State]) -> dict[str, tuple[int, int]]:
    """The sources of ``states`` with something to replace (accepted or pending) that people coded or linked."""
    return _blockers(conn, [st.source_id for st in states
                            if any(i.status != "rejected" for i in st.review.items)])


def _relabel(label: str, pairs: dict[str, str]) -> str:
    """A speaker label with the replaced identifiers in it replaced too, in one pass (the longest original
    first), so that a surrogate is never replaced again by another original inside it (``Andi Baso Pawelloi`` ->
    ``Andi Mappiare Sakka``, never ``Hamzah Mappiare Sakka`` because ``Andi`` alone became ``Hamzah``)."""
    found = sorted((o for o in pairs if o and o in label), key=len, reverse=True)
    if found:
        rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(o) for o in found) + r")(?!\w)")
        label = rx.sub(lambda m: pairs[m.group(0)], label)
    return label[:200]


def _replace_source(project: Project, conn: Connection, st: _State, new_text: str,
                    reps: Sequence[Replacement], days: int, payload: dict[str, Any]) -> int:
    """Write the new text and remap its turns; a case linked to a whole turn (a speaker's link) follows the
    turn to its new span, under its surrogate label; the codings and span links move too (``payload`` of the
    event gets ``codings_merged``: :func:`makna.privacy.coded.move_spans`). Returns how many links followed."""
    s, t, cl = tables.sources.c, tables.turns.c, tables.case_links.c
    conn.execute(update(tables.sources).where(s.id == st.source_id).values(
        text=new_text, length=len(new_text), sha256=hashlib.sha256(new_text.encode("utf-8")).hexdigest(),
        original=None))
    turns = conn.execute(select(tables.turns).where(t.source_id == st.source_id).order_by(t.number)).all()
    linked = conn.execute(select(cl.id, cl.start, cl.end).where(cl.source_id == st.source_id, _on_a_turn())).all()
    spans = conn.execute(select(cl.id, cl.start, cl.end).where(cl.source_id == st.source_id, cl.start.is_not(None),
                                                               ~_on_a_turn())).all()  # before the turns move
    conn.execute(delete(tables.turns).where(t.source_id == st.source_id))
    pairs = {r.original: r.replacement for r in sorted(reps, key=lambda r: -len(r.original))}
    rows = []
    for r in turns:
        start, end = map_span(r.start, r.end, reps)
        rows.append({"source_id": st.source_id, "number": r.number, "speaker": _relabel(r.speaker, pairs),
                     "start": start, "end": min(end, len(new_text)),
                     "time_start": shift_stamp(r.time_start, days), "time_end": shift_stamp(r.time_end, days)})
    project.store.bulk_insert(conn, tables.turns, rows)
    moved = {(r.start, r.end): (row["start"], row["end"]) for r, row in zip(turns, rows, strict=True)}
    for link in linked:
        start, end = moved[(link.start, link.end)]
        conn.execute(update(tables.case_links).where(cl.id == link.id).values(start=start, end=end))
    payload["codings_merged"] = move_spans(project, conn, st.source_id, spans, reps, len(new_text))
    try:
        from ..textindex.index import index_source
    except ImportError:  # pragma: no cover - the search layer is optional
        return len(linked)
    index_source(conn, st.source_id, new_text, st.language)
    return len(linked)


def _joined(original: str) -> str:
    """A pattern of ``original`` as a file name may write it: its words joined by spaces, hyphens, underscores or
    dots (``Rahmi Yulianti`` in ``wawancara-Rahmi-Yulianti.docx``)."""
    return r"[\s_.\-]+".join(re.escape(word) for word in original.split())


def _compact(project: Project) -> bool:
    """Rebuild the storage so that no original survives in spare space (:func:`makna.privacy._scrub.compact`)."""
    return compact(project)


def _queue_unreviewed(project: Project, states: Sequence[_State], found: dict[str, list[Detection]]) -> int:
    """Add ``found`` (occurrences of confirmed identifiers and of the key's originals that no review
    covers) as pending detections to the reviews they are in, in one write (``deid.scan``), and return
    how many reviews got them. Only apply knows the key's originals (a scan in the workbench has no
    key), so without this a value that holds one (a memo pushed from an offline copy after apply)
    could never be reviewed there. A field value not scanned since it was written is left to a scan,
    which runs the detectors too."""
    by_id = {st.source_id: st for st in states}
    ready = [by_id[sid] for sid in found if not by_id[sid].field or (by_id[sid].number and by_id[sid].digest)]
    if not ready:
        return 0
    payload: dict[str, Any] = {"propagated": sum(len(found[st.source_id]) for st in ready), "from": "apply"}
    with project.store.write(project.actor, "deid.scan", payload) as conn:
        for st in ready:
            st.review.items.extend(ReviewItem(det) for det in found[st.source_id])
            _save(conn, st)
    return len(ready)


def _check_targets(conn: Connection, states: Sequence[_State], fields: Sequence[_State], include_pending: bool) -> None:
    pending = [(st.name if not st.field else f"{st.field} of {st.name}", n) for st in [*states, *fields]
               if (n := sum(1 for i in st.review.items if i.status == "pending"))]
    if pending and not include_pending:
        listed = ", ".join(f"{name} ({n})" for name, n in pending)
        raise PrivacyError(f"pending detections in {listed}: accept or reject them first "
                           "('makna deid accept/reject'), or apply with --include-pending")


def _plan_fields(fields: Sequence[_State], key: ProjectKey, mode: Mode,
                 include_pending: bool) -> list[tuple[_State, str, list[Replacement]]]:
    """The new value of every reviewed field value with something to replace (recorded in the key)."""
    plans: list[tuple[_State, str, list[Replacement]]] = []
    records = key.records.setdefault(FIELDS, {})
    for st in fields:
        dets = st.review.final(include_pending=include_pending)
        if not dets:
            continue
        _text, reps = pseudonymise(st.review.text, dets, mode=mode, mapping=key.mapping, language=st.language)
        records[st.source_id] = {"mode": mode, "replacements": [asdict(r) for r in reps]}
        label = field_spec(st.field).kind == "label"
        plans.append((st, rebuild_value(st.value, [(r.start, r.end, r.replacement) for r in reps], label=label), reps))
    return plans


def _reviewed(plans: Sequence[tuple[_State, str, list[Replacement]]]) -> dict[str, dict[str, dict[str, int]]]:
    """Per field kind and type, the identifiers of the values ``plans`` replace: found by makna, accepted, rejected,
    added, pending, replaced (counts only): the audit's, as the values' review is emptied by the apply."""
    from .audit import stage_counts

    out: dict[str, dict[str, Counter[str]]] = {}
    for st, _value, reps in plans:
        acc = out.setdefault(st.field, {})
        for kind, c in stage_counts({"type": i.detection.type, "status": i.status} for i in st.review.items).items():
            acc.setdefault(kind, Counter()).update(c)
        for r in reps:
            if r.replacement != r.original:
                acc.setdefault(r.type, Counter())["replaced"] += 1
    return {name: {kind: dict(c) for kind, c in sorted(acc.items())} for name, acc in sorted(out.items())}


def _write_fields(conn: Connection, plans: Sequence[tuple[_State, str, list[Replacement]]],
                  now: dt.datetime) -> dict[str, str]:
    """Write the new field values (a unique name that meets another gets `` (2)``); returns old -> new."""
    taken: set[str] = set()
    whole: dict[str, str] = {}
    for st, value, _reps in plans:
        value = unique_value(conn, st, value, taken)
        write_field(conn, st, value)
        whole[st.value] = value
        st.value, st.review = value, Review(value, ())
        save_field(conn, st, applied_at=now)
    return whole


def apply(
    project: Project,
    key_path: str | Path,
    passphrase: str,
    *,
    mode: Mode = "surrogate",
    sources: Iterable[str] | None = None,
    include_pending: bool = False,
    surrogate_region: str | None = None,
    tradition: str | None = None,
    coarse_places: str | None = None,
    skip_coded: bool = False,
) -> ApplyReport:
    """De-identify the scanned sources (or ``sources``) and, unless ``sources`` narrows it, the reviewed
    free-text fields: see the module documentation. ``surrogate_region``: a province (code, name or
    abbreviation) or ``national``, for surrogates of names, places and plates; by default the province
    the project's own places, plates and NIKs point to (:mod:`makna.privacy.regions`), kept in the key.
    ``tradition``: the naming tradition of surrogate names (:data:`makna.privacy.naming.TRADITIONS`) for
    the sources and cases without their own ('makna deid region --tradition'), kept in the key; ``auto``
    goes back to each name's own tradition and the region's. ``coarse_places``: ``keep`` (the default) or
    ``replace`` provinces, countries and large islands (:mod:`makna.privacy.coarse`), kept in the key.
    ``skip_coded``: leave out the sources with something to replace that people coded or linked spans of
    (by default their codings and links move with the replacements), applying every other one and the
    fields; :attr:`ApplyReport.left_out` names them."""
    require(project, PERMISSION["deid.apply"])  # before the key file is written, outside any transaction
    if mode not in _MODES:
        raise InputError(f"mode {mode!r}: use one of {', '.join(_MODES)}")
    region = resolve_region(surrogate_region)
    chosen = resolve_tradition(tradition)
    coarse = resolve_coarse(coarse_places)
    d, s = tables.deid_sources.c, tables.sources.c
    with project.store.read() as conn:
        wanted = _source_ids(project, conn, sources)
        states = _load(conn)
        targets = [st for st in states if wanted is None or st.source_id in wanted]
        scanned = set(conn.execute(select(d.source_id)).scalars())
        unscanned = [str(n) for n in conn.execute(select(s.name).where(s.id.not_in(scanned)).order_by(s.name))
                     .scalars()]
        study_language = fields_language(conn)
        every_field = _fields(conn, stored=False) if wanted is None else []
        fields = [st for st in every_field if st.number and st.digest]
        if wanted is not None:
            for sid in set(wanted) - {st.source_id for st in targets}:
                name = conn.execute(select(s.name).where(s.id == sid)).scalar()
                why = "is de-identified already" if sid in scanned else "has not been scanned ('makna deid scan')"
                raise PrivacyError(f"source {name!r} {why}")
            unscanned = []
        coded = _coded(conn, targets) if skip_coded else {}
        left_out = {st.source_id: _why(coded[st.source_id]) for st in targets if st.source_id in coded}
        blocked_states = [st for st in targets if st.source_id in coded]
        targets = [st for st in targets if st.source_id not in coded]
        nothing = None
        # a field value left with rejected detections only (or applied already) has nothing to replace
        if not targets and not any(i.status != "rejected" for st in fields if not st.applied
                                   for i in st.review.items):
            fresh = sum(1 for st in every_field if not (st.number and st.digest) and not st.applied)
            nothing = PrivacyError("nothing to de-identify: " + (
                "only coded sources are left, and --skip-coded leaves them out: "
                + _blocked_sources(blocked_states, coded) + "; apply without it to de-identify them too (their "
                "codings and linked spans move with the replacements)" if coded
                else "scan the sources first ('makna deid scan')" if unscanned
                else f"{fresh} field value(s) were added or edited since the last scan: run 'makna deid scan' "
                "and review them" if fresh else "every source is de-identified"))
            if not Path(key_path).is_file():  # no key: no originals of an earlier apply to look for
                raise nothing
        _check_targets(conn, targets, fields, include_pending)
    key = open_key(project, key_path, passphrase, create=True)
    risks = [r for part in key_risks(project, key_path, passphrase) for r in part]
    unreviewed = without_words(find_unreviewed([*targets, *every_field],
                                               {**key.originals(), **_confirmed([*states, *fields])}),
                               every_field, Decisions.of(states, every_field))
    if unreviewed:
        names = {st.source_id: st.name if not st.field else f"{st.field} of {st.name}"
                 for st in [*states, *every_field]}
        listed = ", ".join(f"{names[sid]} ({len(v)})" for sid, v in unreviewed.items())
        queued = _queue_unreviewed(project, [*targets, *every_field], unreviewed)
        what = ("they are pending review now: accept or reject them ('makna deid list --status pending') and "
                "apply again" if queued == len(unreviewed) else "run 'makna deid scan' and review them first")
        raise PrivacyError(f"confirmed identifiers occur again, unreviewed, in {listed}: {what}")
    if nothing is not None:  # and none of the key's originals left anywhere
        raise nothing
    mapping = key.mapping
    mapping.language = study_language
    if region is not None:
        mapping.region = region
    if tradition is not None:
        mapping.tradition = chosen
    if coarse is not None:
        mapping.coarse = coarse
    mapping.reserve([i.detection.text for st in [*states, *fields] for i in st.review.items] + key.names)
    for st in [*targets, *fields]:  # genders and provinces from the whole project before the first draw
        mapping.learn(st.review.text, st.review.final(include_pending=include_pending))
    with project.store.read() as conn:  # turn stamps move by the same offset, which stays from then on
        stamps = [("DATE", d) for d in sorted(stamp_dates(conn, [st.source_id for st in states]))]
        mapping.settle_offsets([*((i.detection.type, i.detection.text) for st in [*states, *fields]
                                  for i in st.review.items), *stamps])
        lock_stamp_offset(conn, mapping, [st.source_id for st in targets])
        if mapping.region is None:
            mapping.region = infer_region(mapping.votes)
        regions = plan_regions(conn, targets, mapping.region, region, include_pending=include_pending)
        peers = case_peers(conn, states, include_pending=include_pending)
    plans: list[tuple[_State, str, list[Replacement]]] = []
    for st in targets:
        dets = st.review.final(include_pending=include_pending)
        new_text, reps = pseudonymise(st.review.text, dets, mode=mode, mapping=mapping,
                                      language=detection_language(st.language),
                                      region=own_region(regions[st.source_id]),
                                      tradition=regions[st.source_id].tradition,
                                      context=peers.get(st.source_id, ()))
        key.records[st.source_id] = {"mode": mode,
                                     "sha256": hashlib.sha256(st.review.text.encode("utf-8")).hexdigest(),
                                     "replacements": [asdict(r) for r in reps]}
        plans.append((st, new_text, reps))
    field_plans = _plan_fields(fields, key, mode, include_pending)
    key_id = key.save(passphrase)  # the key first: a failure below leaves the project untouched
    warnings: list[str] = list(risks)
    if wanted is None and (stale := [st for st in every_field if not (st.number and st.digest) and not st.applied]):
        warnings.append(f"{len(stale)} field value(s) added or edited since the last scan were left as they are "
                        f"({', '.join(sorted({st.field for st in stale}))}): run 'makna deid scan' to review them")
    by_type: Counter[str] = Counter()  # a coarse place kept as written is no replacement (counted in ``kept``)
    kept = 0
    now = dt.datetime.now(dt.UTC)
    with project.store.batch() as conn:
        secure_delete(conn)  # freed pages are zeroed, not left with originals
        # the surrogate policy (codes only) for the audit (makna.privacy.audit)
        key_payload: dict[str, Any] = {"key_id": key_id, "region": mapping.region, "tradition": mapping.tradition,
                                       "coarse": mapping.coarse}
        with project.store.write(project.actor, "deid.key", key_payload):
            _set_key_id(conn, key_id)
            conn.execute(tables.suggest_models.delete())  # a stored suggestion model holds words of the originals
            key_payload["suggestions_dropped"] = _drop_suggestions(conn, [st.source_id for st, _t, reps in plans
                                                                          if reps])
        for st, new_text, reps in plans:
            types = Counter(r.type for r in reps if r.replacement != r.original)
            kept += sum(r.replacement == r.original for r in reps)
            payload = {"source_id": st.source_id, "mode": mode, "key_id": key_id, "replaced": sum(types.values()),
                       "by_type": dict(types), "length": len(new_text)}
            with project.store.write(project.actor, "deid.apply", payload):
                payload["case_links_followed"] = _replace_source(project, conn, st, new_text, reps,
                                                                 int(mapping.date_offset or 0), payload)
                conn.execute(update(tables.deid_sources).where(d.source_id == st.source_id).values(
                    applied_at=now, mode=mode, key_id=key_id, replacements=[r.public() for r in reps]))
                record_applied(conn, st.source_id, regions[st.source_id])
                if release_applied(conn, st.source_id):  # held since its import (makna.holds): no longer
                    payload["released"] = True
            by_type.update(types)
        field_types = Counter(r.type for _st, _v, reps in field_plans for r in reps if r.replacement != r.original)
        kept += sum(r.replacement == r.original for _st, _v, reps in field_plans for r in reps)
        fpayload: dict[str, Any] = {"mode": mode, "key_id": key_id, "fields": len(field_plans),
                                    "by_type": dict(field_types), "reviewed": _reviewed(field_plans)}
        with project.store.write(project.actor, "deid.apply_fields", fpayload):
            whole = _write_fields(conn, field_plans, now)
            # whether a surrogate's first name alone may be kept low without the key (field_surrogates)
            fpayload["surrogate_parts_vouched"] = vouch_parts(
                conn, [(str(r["type"]), str(r["replacement"])) for r in key.replacements()],
                [*key.originals(), *mapping.reserved])
        by_type.update(field_types)
        renamed: dict[str, str] = {}
        for st, _new_text, reps in plans:
            row = conn.execute(select(s.name, s.original_name).where(s.id == st.source_id)).one()
            if row.name != st.name:
                renamed[st.name] = str(row.name)
            hit = sorted({r.type for r in reps for label in row  # words joined by - _ . in a file name too
                          if re.search(rf"(?<![^\W\d_]){_joined(r.original)}(?![^\W\d_])", label, re.I)})
            if hit:
                warnings.append(f"the name of source {row.name!r} contains a replaced identifier "
                                f"({', '.join(hit)}): review it ('makna deid scan') or rename it")
        now_named = {str(r.id): str(r.name) for r in conn.execute(select(s.id, s.name).where(s.id.in_(list(left_out))))}
        left_out = {now_named[sid]: why for sid, why in left_out.items()}  # by name, after the fields' apply
        epayload: dict[str, Any] = {}
        with project.store.write(project.actor, "deid.events", epayload):
            applied = set(conn.execute(select(d.source_id).where(d.applied_at.is_not(None))).scalars())
            pairs = {str(r["original"]): str(r["replacement"]) for r in key.replacements()}
            epayload["rewritten"] = rewrite_events(conn, pairs, whole, applied)
        fulltext.optimize(conn)  # FTS5 keeps deleted terms in older index segments until they are merged
    compacted = _compact(project)
    return ApplyReport([st.name for st, _, _ in plans], sum(by_type.values()), dict(sorted(by_type.items())),
                       key_id, mode, unscanned, warnings, compacted,
                       [f"{st.field} of {st.name}" for st, _v, _r in field_plans], int(epayload["rewritten"]),
                       mapping.region, {st.name: (regions[st.source_id].region, regions[st.source_id].origin)
                                        for st, _t, _r in plans}, mapping.tradition,
                       {st.name: (str(plan.tradition), plan.tradition_origin) for st, _t, _r in plans
                        if (plan := regions[st.source_id]).tradition is not None}, renamed, mapping.coarse, kept,
                       left_out)


# ------------------------------------------------------------------------------------ reveal
def reveal(project: Project, source: str, key_path: str | Path, passphrase: str) -> str:
    """The original text of a de-identified source, put back with the key (logged as an event)."""
    _fingerprint, key_id = _identity(project)
    d, s = tables.deid_sources.c, tables.sources.c
    with project.store.read() as conn:
        sid = str(project.source_row(conn, source).id)
        row = conn.execute(select(s.text, d.applied_at).select_from(tables.sources.outerjoin(
            tables.deid_sources, d.source_id == s.id)).where(s.id == sid)).one()
    if key_id is None or row.applied_at is None:
        raise PrivacyError(f"source {source!r} is not de-identified: its text is the original")
    key = open_key(project, key_path, passphrase)
    entry = key.records.get(sid)
    if not isinstance(entry, dict):
        raise KeyFileError(f"the key file holds no record of source {source!r}")
    reps = [Replacement(**r) for r in entry.get("replacements", [])]
    try:
        original = restore(row.text, reps)
    except ValueError:
        raise PrivacyError(f"source {source!r} no longer matches its replacements in the key") from None
    if hashlib.sha256(original.encode("utf-8")).hexdigest() != entry.get("sha256"):
        raise PrivacyError(f"source {source!r}: the restored text does not match the original's checksum")
    with project.store.write(project.actor, "deid.reveal", {"source_id": sid}):
        pass
    return original
