"""The coder's half of offline coding: a project file pulled from a team server.

A pulled file is an ordinary project with a few more facts in its ``meta`` table (``sync.*``: the
server's URL, the project's id and name there, the coder and their role, the id of the last server
event the copy includes, the login session) and, in ``sync_base``, a digest of each of the coder's
own codings and memos as the server had them. Opened with :func:`makna.open_project`, it acts as
its coder (unless told otherwise) with at most the coder role (:func:`guard`): codings and memos may
change offline, the codebook, cases and sources may not (they are the managers', on the server).

:func:`pending` compares the coder's rows with the base: what is new, changed or deleted since the
pull is what ``makna push`` sends (:func:`push_message`); :func:`mark_synced` records what the
server took. :func:`write_copy` writes a pulled copy, keeping on top of it the work not pushed yet
when a copy is refreshed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..access import ROLES, Access, Role, allows, check_role
from ..errors import NotFoundError, SyncError
from ..memos import forget, target_exists
from ..model import utcnow
from ..project import Project, create_project
from ..store import bulk_insert, tables
from ..store._cipher import Passphrase
from ..store.transfer import parents_first
from .deid_copy import put_fields
from .remap import skeleton_hash
from .rows import (
    FILE_WORDS,
    KINDS,
    MEMO_FIELDS,
    PULLED_TABLES,
    SEGMENT_FIELDS,
    SERVER_WORDS,
    SYNC_FORMAT,
    Wording,
    check_format,
    decode_rows,
    digest,
    text_hash,
)

__all__ = ["SyncInfo", "Change", "Pending", "PullReport", "sync_info", "is_pulled", "copy_coder", "guard", "pending",
           "push_message", "with_skeletons", "mark_synced",
           "write_copy", "mark_coder_copy", "copy_token", "set_session",
           "source_hashes", "RETEXTED", "FILE_ORIGIN"]

_PREFIX = "sync."
#: How a refresh says a coding was dropped because its source's text changed (de-identified) on the server or in
#: the project file.
RETEXTED = "its source's text changed"
#: ``sync.origin`` of a coder's copy of a project FILE (``makna copy --coder``): its ``server`` is that file's path.
FILE_ORIGIN = "file"


@dataclass(frozen=True)
class SyncInfo:
    """Where a pulled copy came from: the server's URL, the project there (id, name), the coder who
    pulled it and their role, the last server event the copy includes, when it was pulled, and the
    login session it holds (None once logged out)."""

    server: str
    project_id: str
    project_name: str
    coder: str
    role: Role
    high_water: int
    pulled_at: str
    token: str | None = None
    csrf: str | None = None
    origin: str = "server"
    blind: bool = False  # a blind coder's copy of a project file: it never carries the other coders' codings

    @property
    def from_file(self) -> bool:
        """A coder's copy of a project file (``makna copy --coder``), pushed into that file, not to a server."""
        return self.origin == FILE_ORIGIN


@dataclass(frozen=True)
class Change:
    """One change of the coder's offline work: a ``segment`` or ``memo`` by id, ``put`` (new or
    changed: ``row``) or ``delete``; ``base``: the digest of the server's row when pulled (None: new)."""

    kind: str
    id: str
    op: str
    base: str | None
    row: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pending:
    """The coder's changes not pushed yet."""

    changes: tuple[Change, ...]

    def __len__(self) -> int:
        return len(self.changes)

    def count(self, kind: str, op: str) -> int:
        return sum(1 for ch in self.changes if ch.kind == kind and ch.op == op)


@dataclass(frozen=True)
class PullReport:
    """What a pull wrote: the copy's facts, rows per table, and, on a refresh, the unpushed changes
    kept on top of it and those dropped (``kind``, ``id``, why)."""

    info: SyncInfo
    counts: dict[str, int]
    kept: int = 0
    dropped: tuple[tuple[str, str, str], ...] = ()
    backup: str | None = None  # on a refresh that dropped changes: the old copy, kept with them
    not_deidentified: int = 0  # on a first pull: sources copied as imported (original identifiers in them)


def is_pulled(meta: Mapping[str, str]) -> bool:
    return f"{_PREFIX}server" in meta


def copy_coder(project: Project) -> str | None:
    """The coder a copy acts as (``makna copy --coder``, ``makna pull``), or None for a project that is no copy."""
    meta = project.store.meta()
    return (meta.get(_PREFIX + "coder") or None) if is_pulled(meta) else None


def sync_info(project: Project) -> SyncInfo:
    """The facts of a pulled copy; :class:`~makna.errors.SyncError` for a project not pulled."""
    meta = project.store.meta()
    if not is_pulled(meta):
        raise SyncError(f"{project.location}: not a copy pulled from a team server (make one with 'makna pull URL "
                        "PROJECT FILE')")

    def g(key: str) -> str:
        return meta.get(_PREFIX + key) or ""

    return SyncInfo(server=g("server"), project_id=g("project_id"), project_name=g("project_name"), coder=g("coder"),
                    role=check_role(g("role") or "viewer"), high_water=int(g("high_water") or 0),
                    pulled_at=g("pulled_at"), token=g("token") or None, csrf=g("csrf") or None,
                    origin=g("origin") or "server", blind=g("blind") == "1")


def guard(project: Project, meta: Mapping[str, str]) -> None:
    """Make a pulled copy act as its coder with at most the coder role: a coder (or manager, or
    owner) may code and write memos offline, a viewer only read; nobody edits the codebook, cases or
    sources offline (``makna push`` could not send it). Called by :func:`makna.open_project`."""
    coder = meta.get(_PREFIX + "coder", "")
    pulled = meta.get(_PREFIX + "role", "viewer")
    role: Role = "coder" if pulled in ROLES and allows(check_role(pulled), "code") else "viewer"
    project.store.access = Access({coder: role})


def set_session(project: Project, token: str | None, csrf: str | None) -> None:
    """Keep (or, with None, forget) the login session in the copy."""
    with project.store.batch() as conn:
        _set_meta(conn, {"token": token or "", "csrf": csrf or ""})


def _held_key(seal: Mapping[str, Any] | None, coder: str, server: str) -> str | None:
    """The ``deid_seal_member`` value of a copy whose own seal key is ``seal`` (None: it holds none); refused when
    it is not the coder's or malformed."""
    if seal is None:
        return None
    held = {k: seal.get(k) for k in ("project", "member", "copy", "key")}
    try:
        ok = all(isinstance(v, str) and v for v in held.values()) and len(bytes.fromhex(str(held["key"]))) >= 16
    except ValueError:
        ok = False
    if not ok or held["member"] != coder:
        raise SyncError(f"{server}: the seal key the server gave this copy is malformed or another member's")
    return json.dumps(held)


def _put_claims(conn: Connection, claims: Any, held: str | None) -> None:
    """Write the de-identification state of the snapshot's ``claims`` (source id to its claim, unsealed) whose
    source the copy holds with the text the claim is of, and the copy's own seal key ``held`` (``meta``)."""
    from ..exchange._deid_state import read_claim
    from ..privacy.seals import MEMBER_META

    if held is not None:
        conn.execute(insert(tables.meta).values(key=MEMBER_META, value=held))
    if not isinstance(claims, dict) or not claims:
        return
    s = tables.sources.c
    texts = {str(r.id): str(r.text) for r in conn.execute(select(s.id, s.text).where(s.id.in_(list(claims))))}
    rows: list[dict[str, Any]] = []
    for sid in sorted(texts):
        state = read_claim(claims[sid], texts[sid], {}).state
        if state is not None:
            rows.append({"source_id": sid, "number": len(rows) + 1, **state})
    if rows:
        bulk_insert(conn, tables.deid_sources, rows)


def _set_meta(conn: Connection, values: Mapping[str, str]) -> None:
    m = tables.meta.c
    for key, value in values.items():
        conn.execute(delete(tables.meta).where(m.key == _PREFIX + key))
        conn.execute(insert(tables.meta).values(key=_PREFIX + key, value=value))


def _own(project: Project, conn: Connection, coder: str) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    try:
        me = project.coder_id(conn, coder, create=False)
    except NotFoundError:  # nothing coded yet
        return out
    for kind, table in (("segment", tables.segments), ("memo", tables.memos)):
        for r in conn.execute(select(table).where(table.c.coder_id == me)):
            out[kind, r.id] = dict(r._mapping)
    return out


def _pending(project: Project, conn: Connection, coder: str) -> Pending:
    own = _own(project, conn, coder)
    b = tables.sync_base.c
    base = {(r.kind, r.id): r.digest for r in conn.execute(select(b.kind, b.id, b.digest))}
    changes = [Change(kind, rid, "put", base.get((kind, rid)), row) for (kind, rid), row in own.items()
               if base.get((kind, rid)) != digest(kind, row)]
    changes += [Change(kind, rid, "delete", d) for (kind, rid), d in base.items() if (kind, rid) not in own]
    return Pending(tuple(sorted(changes, key=lambda ch: (ch.kind, ch.op, ch.id))))


def pending(project: Project) -> Pending:
    """The coder's codings and memos new, changed or deleted since the pull (or the last push)."""
    info = sync_info(project)
    with project.store.read() as conn:
        return _pending(project, conn, info.coder)


def source_hashes(project: Project) -> dict[str, str]:
    """The text hash of each source of the copy."""
    s = tables.sources.c
    with project.store.read() as conn:
        return {r.id: text_hash(r.text) for r in conn.execute(select(s.id, s.text))}


def _row_json(ch: Change) -> dict[str, Any]:
    fields = SEGMENT_FIELDS if ch.kind == "segment" else MEMO_FIELDS
    row = {f: ch.row[f] for f in fields}
    row["created_at"] = ch.row["created_at"].isoformat()
    return row


def push_message(project: Project, changes: Pending) -> dict[str, Any]:
    """The push of ``changes``: each by id with its base digest and, when put, its content; the text
    hash of the sources and the key and name of the codes they refer to, as the copy has them (the
    server compares them with its own)."""
    info = sync_info(project)
    puts = [ch for ch in changes.changes if ch.op == "put" and ch.kind == "segment"]
    s, c = tables.sources.c, tables.codes.c
    sources = {ch.row["source_id"] for ch in puts}
    codes = {ch.row["code_id"] for ch in puts}
    with project.store.read() as conn:
        texts = {r.id: r.text for r in conn.execute(select(s.id, s.text).where(s.id.in_(sources)))}
        names = {r.id: {"key": r.key, "name": r.name}
                 for r in conn.execute(select(c.id, c.key, c.name).where(c.id.in_(codes)))}
    return {"format": SYNC_FORMAT, "schema": project.store.schema_revision(), "coder": info.coder,
            "project_id": info.project_id, "high_water": info.high_water,
            "sources": {sid: text_hash(text) for sid, text in texts.items()},
            "codes": names,
            "changes": [{"kind": ch.kind, "id": ch.id, "op": ch.op, "base": ch.base,
                         **({"row": _row_json(ch)} if ch.op == "put" else {})} for ch in changes.changes]}


def with_skeletons(project: Project, message: Mapping[str, Any], replaced: Any) -> dict[str, Any]:
    """``message`` again with the hash of each source's text, as the copy has it, outside the spans the
    server's last de-identification of it replaced (``replaced``: the push's answer); the server moves the
    codings on it onto the new text when its own text outside the surrogates is the same (:mod:`.remap`)."""
    if not isinstance(replaced, dict) or not replaced:
        raise SyncError("the server's answer to the push is malformed")
    s = tables.sources.c
    with project.store.read() as conn:
        texts = {r.id: r.text for r in conn.execute(select(s.id, s.text).where(s.id.in_(list(replaced))))}
    skeletons = {sid: skeleton_hash(texts[sid], spans) if sid in texts and isinstance(spans, list) else None
                 for sid, spans in replaced.items()}
    return {**message, "skeletons": {sid: h or "" for sid, h in skeletons.items()}}


def mark_synced(project: Project, changes: Pending, conflicts: set[tuple[str, str]],
                counts: Mapping[str, int], *, retargeted: Mapping[str, str] | None = None) -> None:
    """Record that the server now has every change of ``changes`` but the ``conflicts`` (kind, id):
    their base becomes what the copy has (one ``sync.push`` event in the copy). A memo the server put
    onto its own coding of the same span (``retargeted``: memo id -> that coding) is put there in the
    copy too, its base the row as the server stored it."""
    info = sync_info(project)
    moved = dict(retargeted or {})
    done = [ch if ch.id not in moved or ch.kind != "memo" or ch.op != "put"
            else Change(ch.kind, ch.id, ch.op, ch.base, {**ch.row, "target_id": moved[ch.id]})
            for ch in changes.changes if (ch.kind, ch.id) not in conflicts]
    payload: dict[str, Any] = {**counts, "conflicts": len(conflicts)}
    with project.store.write(info.coder, "sync.push", payload) as conn:
        m = tables.memos.c
        for ch in done:
            if ch.kind == "memo" and ch.id in moved:
                conn.execute(update(tables.memos).where(m.id == ch.id).values(target_id=moved[ch.id]))
        b = tables.sync_base.c
        for kind in ("segment", "memo"):
            ids = [ch.id for ch in done if ch.kind == kind]
            for i in range(0, len(ids), 500):
                conn.execute(delete(tables.sync_base).where(b.kind == kind, b.id.in_(ids[i : i + 500])))
        rows = [{"kind": ch.kind, "id": ch.id, "digest": digest(ch.kind, ch.row)} for ch in done if ch.op == "put"]
        if rows:
            conn.execute(insert(tables.sync_base), rows)
        _set_meta(conn, {"pushed_at": utcnow().isoformat()})


def mark_coder_copy(project: Project, *, origin: str, coder: str, token: str) -> SyncInfo:
    """Make ``project``, a fresh copy of the project file at ``origin`` (:func:`makna.copy_project`), a coder's
    copy: it acts as ``coder`` with at most the coder role (codings and memos, not the codebook), and
    ``makna push`` later applies the coder's work done in it to ``origin`` as a push to a server would (their
    codings new, changed or deleted since the copy; what changed in ``origin`` meanwhile is listed, not
    overwritten). ``token`` names the copy in the project's log (:func:`makna.copy_project` logs it there), so
    that a push is taken only from a copy the project made, as the coder it was made for. One ``sync.pull``
    event in the copy."""
    meta = project.store.meta()
    if is_pulled(meta):
        raise SyncError(f"{project.location}: already a coder's copy; make the copy from the project itself")
    info = SyncInfo(server=origin, project_id=meta["project_id"], project_name=meta.get("name", ""), coder=coder,
                    role="coder", high_water=0, pulled_at=utcnow().isoformat(), origin=FILE_ORIGIN)
    with project.store.write(coder, "sync.pull", {"server": origin, "origin": FILE_ORIGIN}) as conn:
        high = int(conn.execute(select(func.max(tables.events.c.id))).scalar() or 0)
        base = [{"kind": kind, "id": rid, "digest": digest(kind, row)}
                for (kind, rid), row in _own(project, conn, coder).items()]
        conn.execute(delete(tables.sync_base))
        if base:
            conn.execute(insert(tables.sync_base), base)
        _set_meta(conn, {"format": str(SYNC_FORMAT), "server": origin, "project_id": info.project_id,
                         "project_name": info.project_name, "coder": coder, "role": "coder",
                         "high_water": str(high), "pulled_at": info.pulled_at, "token": "", "csrf": "",
                         "origin": FILE_ORIGIN, "copy_token": token})
    return SyncInfo(**{**info.__dict__, "high_water": high})


def copy_token(project: Project) -> str:
    """The token a coder's copy of a project file was made with ("" for any other copy)."""
    return project.store.meta().get(_PREFIX + "copy_token", "")


# ---------------------------------------------------------------------------------- writing a copy
def _hidden(raw: Any) -> dict[tuple[str, str], str]:
    """The snapshot's ``hidden`` rows (the coder's own, hidden by a blind round): (kind, id) -> digest."""
    if not isinstance(raw, dict):
        return {}
    return {(kind, str(rid)): str(d) for kind in KINDS if isinstance(rows := raw.get(kind), dict)
            for rid, d in rows.items()}


def _keep(project: Project, conn: Connection, coder: str, changes: Pending, old_hashes: Mapping[str, str],
          server_now: Mapping[tuple[str, str], str], hidden: set[tuple[str, str]] | None = None,
          words: Wording = SERVER_WORDS) -> tuple[int, list[tuple[str, str, str]]]:
    """Re-apply unpushed ``changes`` on a refreshed copy where they still fit; the others are dropped
    (the caller keeps the old file). A change to a coding or memo that the server changed or deleted
    since the version it was made on (``server_now``: the digests of the refreshed rows) is dropped
    too: re-applied, it would take the server's version as its base and overwrite it on the next push.
    A change the server has already is neither kept nor dropped; a new coding the server has already (the
    same span and code, coded there too) is the server's: memos on it move onto that coding, and its own memo
    is added to that coding's. An edit that would duplicate a server coding is dropped (listed), and so is a
    coding whose code is a category now (it can no longer be coded). A delete of a row the server still has but
    hides from the copy (``hidden``: a blind round) stays to be pushed. A code renamed or moved is the same code
    (by id): its codings are kept. ``words``: where the project is, for the reasons of the dropped."""
    s, c, seg, w = tables.sources.c, tables.codes.c, tables.segments.c, words
    me = project.coder_id(conn, coder)
    hashes = {r.id: text_hash(r.text) for r in conn.execute(select(s.id, s.text))}
    codes = {r.id: r for r in conn.execute(select(c.id, c.name, c.codable))}
    kept, dropped, twins = 0, [], dict[str, str]()
    for ch in sorted(changes.changes, key=lambda ch: (ch.kind != "segment", ch.op == "delete")):
        table = tables.segments if ch.kind == "segment" else tables.memos
        now = server_now.get((ch.kind, ch.id))
        if now == (None if ch.op == "delete" else digest(ch.kind, ch.row)):
            continue  # the server has it so already (done there too, or a push whose answer was lost): nothing lost
        if ch.base is not None and now != ch.base:
            dropped.append((ch.kind, ch.id, f"changed or deleted {w.here} {w.since}; {w.place}'s version is kept"))
            continue
        if (ch.kind, ch.id) in (hidden or ()):  # on the server, hidden from the copy by a blind round
            if ch.op == "delete":  # still to push: its base stays, so it stays a pending delete
                conn.execute(insert(tables.sync_base).values(kind=ch.kind, id=ch.id, digest=now))
                kept += 1
            else:
                dropped.append((ch.kind, ch.id, "a blind round hides it from your copy now; push it first"))
            continue
        if ch.op == "delete":
            if ch.kind == "segment":
                forget(conn, "segment", [ch.id])
            conn.execute(delete(table).where(table.c.id == ch.id))
            kept += 1
            continue
        row = {**ch.row, "coder_id": me}
        if ch.kind == "memo" and row["target_kind"] == "segment" and row["target_id"] in twins:
            row["target_id"] = twins[row["target_id"]]  # the coding it is on was the server's already
        why = None
        if ch.kind == "segment":
            if row["source_id"] not in hashes:
                why = f"its source was deleted {w.here}"
            elif hashes[row["source_id"]] != old_hashes.get(row["source_id"]):
                why = f"{RETEXTED} {w.here} (de-identified, or a participant withdrawn?), so its offsets no longer hold"
            elif row["code_id"] not in codes:
                why = f"its code was deleted or merged {w.here}"
            elif not codes[row["code_id"]].codable:
                why = f"its code {codes[row['code_id']].name!r} can no longer be coded (a category) {w.here}"
            elif twin := conn.execute(select(seg.id, seg.memo).where(
                    seg.source_id == row["source_id"], seg.start == row["start"], seg.end == row["end"],
                    seg.code_id == row["code_id"], seg.coder_id == row["coder_id"], seg.id != ch.id)).first():
                if ch.base is None:  # a new coding made on the server too: it is the server's, memos go onto it
                    twins[ch.id] = twin.id
                    if row["memo"] and row["memo"] != twin.memo:  # its inline memo too (a change to push)
                        memo = f"{twin.memo}\n\n{row['memo']}" if twin.memo else row["memo"]
                        conn.execute(update(tables.segments).where(seg.id == twin.id).values(memo=memo))
                        kept += 1
                    continue
                why = (f"{w.place} has a coding of the same span with the same code already (made there "
                       "meanwhile); your move of this one onto it would duplicate it")
        elif not target_exists(conn, row["target_kind"], row["target_id"]):
            why = f"the {row['target_kind']} it is on is no longer {w.here}"
        if why:
            dropped.append((ch.kind, ch.id, why))
            continue
        conn.execute(delete(table).where(table.c.id == ch.id))
        conn.execute(insert(table).values(**row))
        kept += 1
    return kept, dropped


def write_copy(path: str | os.PathLike[str], snap: Mapping[str, Any], *, server: str, project_id: str,
               project_name: str, token: str | None, csrf: str | None, keep: Pending | None = None,
               old_hashes: Mapping[str, str] | None = None, passphrase: Passphrase = None,
               copy_token: str | None = None, blind: bool = False, seal: Mapping[str, Any] | None = None) -> PullReport:
    """Write the server's ``snap`` (:func:`makna.sync.server.snapshot`) as a new project file at
    ``path``, with the coder's unpushed changes ``keep`` of an earlier copy on top (sources' text
    hashes then: ``old_hashes``). With ``copy_token``: a coder's copy of the project file ``server`` (``makna copy
    --coder``) made or refreshed from it, which keeps the token that file made it with and the coder role; ``blind``:
    that copy is a blind coder's (``snap`` holds only their own codings), and stays so when refreshed. ``seal``:
    the copy's own seal key (teamtrust25: the project key's id, the member, the copy's token and the key in hex,
    :func:`makna.privacy.seal_copies.issue_pulled_key`, or the one the earlier copy held), with which it seals the
    de-identification claims of the snapshot's sources (``deid``) it exports; the copy holds no other key."""
    from ..store import schema_head

    check_format(snap, schema=schema_head(), where=server)
    coder = str(snap.get("coder") or "")
    data = snap.get("tables")
    if not coder or not isinstance(data, dict):
        raise SyncError(f"{server}: the server's copy is malformed")
    from_file = copy_token is not None
    info = SyncInfo(server=server, project_id=project_id, project_name=project_name, coder=coder,
                    role="coder" if from_file else check_role(str(snap.get("role") or "viewer")),
                    high_water=int(snap.get("high_water") or 0), pulled_at=utcnow().isoformat(), token=token,
                    csrf=csrf, origin=FILE_ORIGIN if from_file else "server", blind=blind and from_file)
    file_meta = {"origin": FILE_ORIGIN, "copy_token": copy_token or "", **({"blind": "1"} if blind else {})} \
        if from_file else {}
    counts: dict[str, int] = {}
    kept, dropped = 0, list[tuple[str, str, str]]()
    with create_project(path, project_name, coder=coder, passphrase=passphrase) as proj:
        payload: dict[str, Any] = {"server": server, "project_id": project_id, "high_water": info.high_water,
                                   **({"origin": FILE_ORIGIN} if from_file else {})}
        with proj.store.bulk_load() as conn:
            for table in PULLED_TABLES:
                rows = parents_first(table, decode_rows(table, data.get(table.name, {"columns": [], "rows": []})))
                if rows:
                    bulk_insert(conn, table, rows)
                counts[table.name] = len(rows)
            base = [{"kind": kind, "id": rid, "digest": digest(kind, row)}
                    for (kind, rid), row in _own(proj, conn, coder).items()]
            if base:
                bulk_insert(conn, tables.sync_base, base)
            _put_claims(conn, snap.get("deid"), _held_key(seal, coder, server))
            put_fields(conn, snap.get("deid_fields"))  # what the coder may know of the fields' review (trial18 #7)
            if keep is not None and len(keep):
                hidden = _hidden(snap.get("hidden"))
                now = {**hidden, **{(b["kind"], b["id"]): b["digest"] for b in base}}
                kept, dropped = _keep(proj, conn, coder, keep, old_hashes or {}, now, set(hidden),
                                      FILE_WORDS if from_file else SERVER_WORDS)
            _set_meta(conn, {"format": str(SYNC_FORMAT), "server": server, "project_id": project_id,
                             "project_name": project_name, "coder": coder, "role": info.role,
                             "high_water": str(info.high_water), "pulled_at": info.pulled_at, "token": token or "",
                             "csrf": csrf or "", **file_meta})
            payload.update(kept=kept, dropped=len(dropped))
            with proj.store.write(coder, "sync.pull", payload):
                pass
    return PullReport(info, counts, kept, tuple(dropped))
