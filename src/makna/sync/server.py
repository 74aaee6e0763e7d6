"""The team server's half of offline coding: what a coder may pull (:func:`snapshot`) and applying
the work they push back (:func:`apply_push`), both as that coder, with the checks of the core
(:mod:`makna.access`, blind rounds of :mod:`makna.rounds`).

A push is a list of changes to the coder's own codings and memos, each by its id with the digest of
the row as the coder's copy had it when pulled (``base``; none for a new one). A change is applied
only when the server's row still has that content; otherwise it is listed as a conflict and the
server's row is left alone (never last-writer-wins). A change the server has already (a push sent
twice) is a no-op, and a push that changes nothing logs nothing. A new coding the coder made on
the server too (same span and code: a ``duplicate`` conflict) is not added twice; a memo of the same
push on it goes onto the server's coding. Everything applied is one
transaction and one ``sync.push`` event by the coder, undoable by them like any step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, func, insert, not_, or_, select, true, update

from ..access import require, role_of
from ..errors import InputError, SyncError
from ..exchange._deid_state import export_states
from ..holds import held_ids, hidden_cases, hidden_from, hides_held, on_held, shown_memos
from ..memos import forget, others_memos, target_exists
from ..model import MEMO_TARGETS
from ..privacy.seal_copies import pushed_digests
from ..privacy.seals import project_seals, record_in
from ..project import Project
from ..rounds import Sight, visible
from ..sources import count_not_deidentified
from ..store import tables
from ..text import refuse_unstorable
from .deid_copy import field_rows
from .push_scan import NAMES_IDENTIFIER, PushScan, deidentified, what_found
from .remap import Remap, find_remap, replaced_spans
from .rows import (
    FILE_WORDS,
    MEMO_FIELDS,
    PULLED_TABLES,
    SEGMENT_FIELDS,
    SERVER_WORDS,
    SYNC_FORMAT,
    Wording,
    check_format,
    digest,
    encode_rows,
    is_uuid,
    pulled_columns,
    text_hash,
)

__all__ = ["snapshot", "apply_push", "Conflict", "PushResult", "Wording", "SERVER_WORDS", "FILE_WORDS", "MAX_CHANGES"]

#: The most changes one push may carry.
MAX_CHANGES = 200_000


def snapshot(project: Project, *, blind: bool = False) -> dict[str, Any]:
    """What the acting coder may copy (JSON-ready): sources and turns, the codebook, cases and
    attributes, sets, rounds, the codings they may see now (all, or only their own during a blind
    round, :func:`makna.rounds.visible`), memos (not those on codings hidden from them), the coders
    those belong to, and the id of the last event the copy includes (its high-water mark). A
    source's original file stays on the server; so do the event log, undo history, recordings,
    suggestions and de-identification reviews. ``not_deidentified``: how many of the sources are
    still as imported (no de-identification applied). ``hidden``: the digest of each of the coder's own
    codings and memos hidden from them now (by kind and id), so that a refresh tells them from deleted ones.
    ``blind``: whatever the rounds say, only the acting coder's own codings (a blind coder's copy of a project file,
    ``makna copy --coder NAME --blind``), and no memo on another coder's coding. ``deid``: the de-identification
    claim of each source whose de-identification was applied (by source id, unsealed: what the copy seals with a key
    of its own, :func:`makna.privacy.seal_copies.issue_pulled_key`; spans and types, no identifier; a blind copy
    keeps it as its state and claims nothing); ``deid_fields``: the reviews of the free-text values the coder may
    read (:mod:`makna.sync.deid_copy`)."""
    require(project, "read")
    seg, m, k, q = tables.segments.c, tables.memos.c, tables.coders.c, tables.quick_codes.c
    out: dict[str, Any] = {}
    with project.store.snapshot() as conn:
        high = int(conn.execute(select(func.max(tables.events.c.id))).scalar() or 0)
        seen = Sight(project.actor, False).segments() if blind else visible(project, conn)
        memos_seen = or_(m.target_kind != "segment", m.target_id.in_(select(seg.id).where(seen)))
        # sources held for de-identification, the cases held with them, memos on either (makna.holds)
        memos_seen = and_(memos_seen, *shown_memos(project))
        cl = tables.case_links.c
        where: dict[str, Any] = {
            "sources": and_(true(), *hidden_from(project, tables.sources.c.id)),
            "turns": and_(true(), *hidden_from(project, tables.turns.c.source_id)),
            "cases": and_(true(), *hidden_cases(project, tables.cases.c.id)),
            "case_values": and_(true(), *hidden_cases(project, tables.case_values.c.case_id)),
            "case_links": and_(true(), *hidden_from(project, cl.source_id), *hidden_cases(project, cl.case_id)),
            "set_members": and_(true(), *hidden_from(project, tables.set_members.c.member_id)),
            "segments": seen,
            "memos": memos_seen,
            "coders": or_(k.name == project.actor, k.id.in_(select(seg.coder_id).where(seen)),
                          k.id.in_(select(m.coder_id).where(m.coder_id.is_not(None), memos_seen))),
            "quick_codes": q.coder == project.actor,
        }
        plain = count_not_deidentified(conn)
        deid = export_states(conn)  # a blind copy's too: what its coder may know (it claims nothing, trial18 #7)
        me = select(k.id).where(k.name == project.actor)  # the coder's own rows a blind round hides: their digests
        hidden = {kind: {r.id: digest(kind, dict(r._mapping)) for r in conn.execute(
                      select(table).where(table.c.coder_id.in_(me), not_(shown)))}
                  for kind, table, shown in (("segment", tables.segments, seen), ("memo", tables.memos, memos_seen))}
        for table in PULLED_TABLES:
            stmt = select(*pulled_columns(table))
            if table.name in where:
                stmt = stmt.where(where[table.name])
            out[table.name] = encode_rows(table, conn.execute(stmt))
        copied = {name: {str(r[out[name]["columns"].index("id")]) for r in out[name]["rows"]}
                  for name in ("memos", "segments")}  # a blind copy's: no review of a memo it does not hold
        fields = field_rows(project, conn, copied)
    return {"format": SYNC_FORMAT, "schema": project.store.schema_revision(), "name": project.info().name,
            "coder": project.actor, "role": role_of(project), "high_water": high, "not_deidentified": plain,
            "hidden": hidden, "tables": out, "deid": deid, "deid_fields": fields}


@dataclass(frozen=True)
class Conflict:
    """A change of a push the server did not apply: ``kind`` (segment or memo), its ``id``, why
    (``reason``: ``changed_on_server``, ``deleted_on_server``, ``code_deleted``, ``code_renamed``,
    ``code_changed``, ``source_deleted``, ``source_changed``, ``target_deleted``, ``duplicate``,
    ``not_yours``, ``carries_memo``, ``names_identifier``: a memo naming someone pushed by a coder into a
    de-identified project, :mod:`makna.sync.push_scan`) and a sentence for people."""

    kind: str
    id: str
    reason: str
    message: str


@dataclass
class PushResult:
    """What a push did: changes ``added``, ``changed``, ``deleted``, found ``unchanged`` (the server
    had them already), and the ``conflicts`` left alone; ``moved``: codings made on a source's text
    before its de-identification and moved onto the new text (:mod:`makna.sync.remap`)."""

    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    moved: int = 0  # codings made before the source's de-identification, moved onto its new text
    #: sources whose text an apply changed since the copy's text, with the replaced spans: nothing was
    #: applied; the copy sends the push again with the hash of its text's skeleton by them (:mod:`.remap`)
    replaced: dict[str, list[list[int]]] = field(default_factory=dict)
    #: memos put onto the server's coding of the same span (a twin of the copy's new coding): memo -> coding
    retargeted: dict[str, str] = field(default_factory=dict)
    #: a copy pulled from the server with a seal key of its own: how many of its sealed claims the push recorded in
    #: the project's ledger (a reseal keeps them verifiable; :func:`makna.privacy.seal_copies.pushed_digests`)
    sealed: int = 0

    @property
    def applied(self) -> int:
        return self.added + self.changed + self.deleted


@dataclass(frozen=True)
class _Change:
    kind: str
    id: str
    op: str
    base: str | None
    row: dict[str, Any]


class _Nothing(Exception):
    """Raised inside the push's transaction when it changed nothing: roll back, log no event."""


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"push: {what} must be a whole number, not {value!r}")
    return value


def _str(value: Any, what: str, *, empty: bool = True) -> str:
    if not isinstance(value, str) or (not empty and not value):
        raise InputError(f"push: {what} must be {'a' if empty else 'a non-empty'} string")
    return value


def _when(value: Any, what: str) -> dt.datetime:
    """A pushed row's ``created_at``: an ISO 8601 date and time (UTC when it names no zone)."""
    try:
        when = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        when = None
    if when is None:
        raise InputError(f"push: {what}: created_at must be an ISO 8601 date and time, not {value!r}")
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _parse(message: Mapping[str, Any]) -> list[_Change]:
    changes = message.get("changes")
    if not isinstance(changes, list) or len(changes) > MAX_CHANGES:
        raise InputError(f"push: 'changes' must be a list of at most {MAX_CHANGES:,} changes")
    out: list[_Change] = []
    seen: set[tuple[Any, Any]] = set()
    for n, item in enumerate(changes):
        if not isinstance(item, dict):
            raise InputError(f"push: change {n} is not an object")
        kind, cid, op, base = item.get("kind"), item.get("id"), item.get("op"), item.get("base")
        if kind not in ("segment", "memo") or op not in ("put", "delete"):
            raise InputError(f"push: change {n}: kind must be segment or memo, op put or delete")
        if not is_uuid(cid):
            raise InputError(f"push: change {n}: id {cid!r} is not a UUID")
        if (kind, cid) in seen:
            raise InputError(f"push: change {n}: {kind} {cid} comes twice")
        seen.add((kind, cid))
        if base is not None and not isinstance(base, str):
            raise InputError(f"push: change {n}: base must be a digest or null")
        row = item.get("row") or {}
        if op == "put":
            if kind == "segment":
                row = {"source_id": _str(row.get("source_id"), "a coding's source_id"),
                       "start": _int(row.get("start"), "a coding's start"), "end": _int(row.get("end"), "its end"),
                       "code_id": _str(row.get("code_id"), "a coding's code_id"),
                       "memo": _str(row.get("memo", ""), "a coding's memo"),
                       "created_at": _when(row.get("created_at"), f"change {n}")}
                refuse_unstorable("memo", row["memo"])
            else:
                target = row.get("target_id")
                if row.get("target_kind") not in MEMO_TARGETS or (target is not None and not isinstance(target, str)):
                    raise InputError(f"push: change {n}: a memo's target_kind must be one of {', '.join(MEMO_TARGETS)}")
                row = {"target_kind": row["target_kind"], "target_id": target,
                       "title": _str(row.get("title", ""), "a memo's title"),
                       "text": _str(row.get("text"), "a memo's text", empty=False),
                       "created_at": _when(row.get("created_at"), f"change {n}")}
                refuse_unstorable("memo", row["text"], row["title"])
        out.append(_Change(str(kind), str(cid), str(op), base, row))
    return out


#: The most sealed claims one push may carry (one per de-identified source).
MAX_CLAIMS = 100_000


def _claims(message: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The sealed de-identification claims a push carries (``claims``: those of a copy pulled with a seal key of its
    own, teamtrust25); each is checked against the project's keys before anything is recorded."""
    claims = message.get("claims")
    if claims is None:
        return []
    if not isinstance(claims, list) or len(claims) > MAX_CLAIMS or not all(isinstance(c, dict) for c in claims):
        raise InputError(f"push: 'claims' must be a list of at most {MAX_CLAIMS:,} objects")
    return claims


class _Apply:
    """One push being applied inside its transaction."""

    def __init__(self, conn: Connection, me: str, message: Mapping[str, Any], result: PushResult,
                 words: Wording) -> None:
        self.conn, self.me, self.result, self.words = conn, me, result, words
        sources, codes = message.get("sources") or {}, message.get("codes") or {}
        if not isinstance(sources, dict) or not isinstance(codes, dict):
            raise InputError("push: 'sources' and 'codes' must be objects")
        self.sources: dict[str, Any] = sources
        self.codes: dict[str, Any] = codes
        self._texts: dict[str, tuple[str, int] | None] = {}
        self._remaps: dict[str, Remap | None] = {}
        skeletons = message.get("skeletons")
        self.skeletons: dict[str, Any] = skeletons if isinstance(skeletons, dict) else {}
        self.remapped = 0
        self._codes: dict[str, Any] = {}
        self._mine: dict[str, dict[tuple[int, int, str], str]] = {}  # source -> (start, end, code) -> own coding
        self._current: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._inserts: list[tuple[Table, dict[str, Any]]] = []
        self.new_segments: list[str] = []
        self.twins: dict[str, str] = {}  # a pushed coding the server has already under another id -> that id
        self.held: set[str] = set()  # sources held from the pushing coder (makna.holds)
        self.scan: PushScan | None = None  # the pusher's free text is scanned first (makna.sync.push_scan)

    def prefetch(self, changes: list[_Change]) -> None:
        """Read (and on PostgreSQL lock) the server's rows of every change at once."""
        for kind, table in (("segment", tables.segments), ("memo", tables.memos)):
            ids = sorted({ch.id for ch in changes if ch.kind == kind})
            for i in range(0, len(ids), 1000):
                chunk = ids[i : i + 1000]
                found = {r.id: dict(r._mapping) for r in self.conn.execute(
                    select(table).where(table.c.id.in_(chunk)).with_for_update())}
                self._current.update({(kind, rid): found.get(rid) for rid in chunk})

    def flush(self) -> None:
        """Insert the new rows gathered so far (a memo may be on a coding of the same push)."""
        by_table: dict[str, list[dict[str, Any]]] = {}
        for table, row in self._inserts:
            by_table.setdefault(table.name, []).append(row)
        for name, rows in by_table.items():
            self.conn.execute(insert(tables.metadata.tables[name]), rows)
        self._inserts.clear()

    def _own_twin(self, row: Mapping[str, Any]) -> str | None:
        sid = row["source_id"]
        if sid not in self._mine:
            seg = tables.segments.c
            self._mine[sid] = {(r.start, r.end, r.code_id): r.id for r in self.conn.execute(
                select(seg.id, seg.start, seg.end, seg.code_id).where(seg.source_id == sid, seg.coder_id == self.me))}
        return self._mine[sid].get((row["start"], row["end"], row["code_id"]))

    def _code(self, cid: str) -> Any:
        if cid not in self._codes:
            c = tables.codes.c
            self._codes[cid] = self.conn.execute(select(c.key, c.name, c.codable).where(c.id == cid)).first()
        return self._codes[cid]

    def conflict(self, ch: _Change, reason: str, message: str) -> None:
        self.result.conflicts.append(Conflict(ch.kind, ch.id, reason, message))

    def _source(self, sid: str) -> tuple[str, int] | None:
        if sid in self.held:
            return None
        if sid not in self._texts:
            s = tables.sources.c
            row = self.conn.execute(select(s.text, s.length).where(s.id == sid)).first()
            self._texts[sid] = None if row is None else (text_hash(row.text), row.length)
        return self._texts[sid]

    def ask(self, changes: list[_Change]) -> dict[str, list[list[int]]]:
        """The replaced spans of each source of a pushed coding whose text an apply changed since the
        copy's, when the push carries no skeleton of it (the copy is to send one first)."""
        asked: dict[str, list[list[int]]] = {}
        for sid in dict.fromkeys(ch.row["source_id"] for ch in changes if ch.kind == "segment" and ch.op == "put"):
            source = self._source(sid)
            if source is not None and self.sources.get(sid) != source[0] and sid not in self.skeletons:
                spans = replaced_spans(self.conn, sid)
                if spans is not None:
                    asked[sid] = spans
        return asked

    def _remap(self, sid: str) -> Remap | None:
        """How to move codings on ``sid`` made before its de-identification (:mod:`makna.sync.remap`):
        by the skeleton of its text the copy sent."""
        if sid not in self._remaps:
            self._remaps[sid] = find_remap(self.conn, sid, skeleton=self.skeletons.get(sid))
        return self._remaps[sid]

    def _place(self, ch: _Change) -> tuple[str, str] | None:
        """Why a coding cannot go where the coder put it on the server now (None: it can)."""
        row, w = ch.row, self.words
        source = self._source(row["source_id"])
        if source is None:
            return "source_deleted", f"its source was deleted {w.here}"
        if self.sources.get(row["source_id"]) != source[0]:
            remap = self._remap(row["source_id"])
            if remap is None:
                return "source_changed", (f"its source's text changed {w.here} {w.since}, and not "
                                          "only by one de-identification of the text your copy has, so the "
                                          f"coding cannot be moved: code it again on the text as it is {w.recode}")
            row["start"], row["end"] = remap.span(row["start"], row["end"])
            self.remapped += 1
        if not 0 <= row["start"] < row["end"] <= source[1]:
            raise InputError(f"push: coding {ch.id}: offsets {row['start']}-{row['end']} lie outside its source")
        code = self._code(row["code_id"])
        pulled = self.codes.get(row["code_id"]) or {}
        if code is None:
            return "code_deleted", f"its code {pulled.get('name', '?')!r} was deleted or merged {w.here}"
        if (code.key, code.name) != (pulled.get("key"), pulled.get("name")):
            return "code_renamed", (f"its code was renamed {w.here} from {pulled.get('name')!r} to {code.name!r}: "
                                    f"{w.refresh}")
        if not code.codable:
            return "code_changed", f"its code {code.name!r} can no longer be coded (a category) {w.here}"
        return None

    def apply(self, ch: _Change) -> None:
        table = tables.segments if ch.kind == "segment" else tables.memos
        c, w = table.c, self.words
        if (ch.kind, ch.id) not in self._current:
            self.prefetch([ch])
        cur = self._current[ch.kind, ch.id]
        if cur is not None and cur["coder_id"] != self.me:
            return self.conflict(ch, "not_yours", f"this id is another coder's work {w.here}")
        now = None if cur is None else digest(ch.kind, cur)
        if ch.op == "delete":
            if cur is None:
                self.result.unchanged += 1
            elif now != ch.base:
                self.conflict(ch, "changed_on_server", f"changed {w.here} {w.since}; not deleted")
            elif ch.kind == "segment" and (others := others_memos(self.conn, [ch.id], self.me).get(ch.id)):
                self.conflict(ch, "carries_memo", f"it carries a memo by {', '.join(others)} {w.here}: removing "
                                                  "it would delete that memo; ask them to move or delete it first")
            else:
                if ch.kind == "segment":
                    forget(self.conn, "segment", [ch.id])
                self.conn.execute(delete(table).where(c.id == ch.id))
                self.result.deleted += 1
            return None
        if cur is not None and now == digest(ch.kind, ch.row):
            self.result.unchanged += 1
            return None
        if cur is None and ch.base is not None:
            return self.conflict(ch, "deleted_on_server", f"deleted {w.here} {w.since}")
        if cur is not None and now != ch.base:
            return self.conflict(ch, "changed_on_server", f"changed {w.here} {w.since}")
        return self._put(ch, cur)

    def _put(self, ch: _Change, cur: dict[str, Any] | None) -> None:
        table = tables.segments if ch.kind == "segment" else tables.memos
        fields = SEGMENT_FIELDS if ch.kind == "segment" else MEMO_FIELDS
        if ch.kind == "segment":
            problem = self._place(ch)
            if problem is not None:
                return self.conflict(ch, *problem)
            twin = self._own_twin(ch.row)
            if twin is not None and twin != ch.id:
                if cur is None:  # a new coding the server has already: its memos go there (an edit's stay on it)
                    self.twins[ch.id] = twin
                return self.conflict(ch, "duplicate", f"you coded the same span with the same code {self.words.here} "
                                                      f"(coding {twin})")
        elif ch.row["target_kind"] == "segment" and ch.row["target_id"] in self.twins:
            ch.row["target_id"] = self.twins[ch.row["target_id"]]  # on the same coding the server has already
            self.result.retargeted[ch.id] = ch.row["target_id"]
        elif not target_exists(self.conn, ch.row["target_kind"], ch.row["target_id"]) or (
                self.held and on_held(self.conn, ch.row["target_kind"], ch.row["target_id"])):  # as no target
            return self.conflict(ch, "target_deleted",
                                 f"the {ch.row['target_kind']} it is on was deleted {self.words.here} (or not pushed)")
        if self.scan is not None and self._names(ch):
            return None
        values = {f: ch.row[f] for f in fields}
        if cur is None:
            self._inserts.append((table, {"id": ch.id, "coder_id": self.me, "created_at": ch.row["created_at"],
                                          **values}))
            self.result.added += 1
            if ch.kind == "segment":
                self._mine[ch.row["source_id"]][ch.row["start"], ch.row["end"], ch.row["code_id"]] = ch.id
                self.new_segments.append(ch.id)
        else:
            self.conn.execute(update(table).where(table.c.id == ch.id).values(**values))
            self.result.changed += 1
        return None


    def _names(self, ch: _Change) -> bool:
        """A conflict when the memo (or the coding's memo) names someone: not written (:mod:`.push_scan`)."""
        assert self.scan is not None
        row = ch.row
        found = (self.scan.found(row["memo"]) if ch.kind == "segment"
                 else self.scan.found(row["text"], row["title"]))
        if not found:
            return False
        what = "its memo" if ch.kind == "segment" else "it"
        self.conflict(ch, NAMES_IDENTIFIER,
                      f"{what} names what looks like {what_found(found)}, and this project is de-identified: "
                      f"not sent, so no one else reads it; write it without them (the names the de-identified "
                      f"texts use are fine) and push again")
        return True


def apply_push(project: Project, message: Mapping[str, Any], *, words: Wording = SERVER_WORDS) -> PushResult:
    """Apply a coder's offline work (a message of :func:`makna.sync.local.push_message`) as the
    acting coder, who must hold the ``code`` permission and be the coder who pulled the copy. Codings
    first, then memos, then deleted codings; one transaction, one ``sync.push`` event; nothing at all
    when nothing changes. When a coding is on a source an apply changed since the copy's text and the
    message carries no ``skeletons``, nothing is applied and ``replaced`` names the replaced spans: the
    copy sends the push again with them (:func:`makna.sync.local.with_skeletons`). ``words``: how conflicts name
    where the work went (:data:`FILE_WORDS` for a coder's copy pushed into its project file)."""
    check_format(message, schema=project.store.schema_revision() or "", where="this copy")
    require(project, "code")
    if message.get("coder") != project.actor:
        raise SyncError(f"this copy was pulled by {message.get('coder')!r}, not {project.actor!r}: log in as its "
                        "coder to push it")
    changes = _parse(message)
    claims = _claims(message)
    keys = project_seals(project) if claims else None
    order = {("segment", "put"): 0, ("memo", "put"): 1, ("memo", "delete"): 2, ("segment", "delete"): 3}
    changes.sort(key=lambda ch: order[ch.kind, ch.op])
    result = PushResult()
    payload: dict[str, Any] = {"pulled_at_event": message.get("high_water")}
    try:
        with project.store.write(project.actor, "sync.push", payload) as conn:
            run = _Apply(conn, project.coder_id(conn), message, result, words)
            if hides_held(project):  # a source held from this coder is, to her push, no source (makna.holds)
                run.held = set(held_ids(conn))
            if (hides_held(project) or words.place == FILE_WORDS.place) and deidentified(conn):  # trial18 #13
                run.scan = PushScan(conn)
            asked = run.ask(changes)
            if asked:  # the copy is to send its texts' skeletons first: nothing applied yet
                result = PushResult(replaced=asked)
                raise _Nothing
            run.prefetch(changes)
            for n, ch in enumerate(changes):
                if n and changes[n - 1].kind != ch.kind:
                    run.flush()
                run.apply(ch)
            run.flush()
            result.moved = run.remapped
            if keys is not None:  # the copy's claims that verify now: recorded, as a coder's copy of a file's are
                digests = pushed_digests(claims, keys, member=project.actor)
                result.sealed = sum(record_in(conn, sid, d) for sid, d in digests.items())
            if not result.applied and not result.sealed:
                raise _Nothing
            if result.sealed:
                payload["sealed"] = result.sealed
            if not result.applied:  # only claims recorded: nothing for open pages to draw
                return result
            payload.update(added=result.added, changed=result.changed, deleted=result.deleted,
                           conflicts=len(result.conflicts), segments=run.new_segments,
                           **({"moved": result.moved} if result.moved else {}))
            if result.applied == len(run.new_segments):  # only new codings: open pages draw them live
                payload["created"] = len(run.new_segments)
            else:  # pages say what changed and offer to reload (makna.live)
                payload["reload"] = True
    except _Nothing:
        pass
    return result

