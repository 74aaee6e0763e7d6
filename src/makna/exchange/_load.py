"""Writing an imported exchange file into a project, keeping the file's GUIDs as makna ids.

Codes, attributes, cases and sets go through the core operations with their id parameters; sources
with their turns, segments (with their own ids, coders and timestamps), coders, case links and memos
are inserted here through the store's tables (``Store.bulk_insert`` for turns and segments), because
the operations would give them new ids, the session's coder or the current time, and because one
insert per source (``import_text`` detects turns and reads the source back) is too slow for large
projects. Source texts arrive normalised (:class:`makna.exchange.offsets.SelectionMapper`). The
caller runs everything inside one ``store.write`` so that a failure leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ..cases import add_case, define_attribute, encode_value
from ..codebook import CodebookDoc, import_codebook, key_from_name
from ..errors import MaknaError
from ..memos import create_set
from ..model import Code, new_id, utcnow
from ..privacy.claims import keep_claim
from ..privacy.seals import PROJECT_SEALER
from ..project import Project
from ..store import TURN_COLUMNS, check_text_size, tables
from ..text import detect_turns
from ._deid_state import read_claim
from ._refi import derived_guid
from ._report import ImportReport

__all__ = ["CHUNK", "Loader", "unique_name", "derive_keys"]

CHUNK = 20_000  # rows per executemany
_SEGMENT_COLUMNS = ("id", "source_id", "start", "end", "code_id", "coder_id", "memo", "created_at")
_KEY_BAD = re.compile(r"[\s/\\]+")


def unique_name(name: str, taken: set[str], limit: int = 500) -> str:
    """``name`` (cut to ``limit``), or ``name (2)``, ``name (3)``... when taken; adds it to ``taken``."""
    base = name[:limit]
    out, n = base, 1
    while out in taken:
        n += 1
        suffix = f" ({n})"
        out = base[: limit - len(suffix)] + suffix
    taken.add(out)
    return out


def derive_keys(items: Sequence[tuple[str, str | None, str, str | None]], taken: set[str]) -> dict[str, str]:
    """Code keys for (id, parent id, name, key given by the file) in tree order: the given key when
    free, else the name without spaces or slashes, qualified by the parent's key when taken, numbered
    when still taken."""
    keys: dict[str, str] = {}
    for cid, parent, name, given in items:
        if given and given not in taken and len(given) <= 200 and not _KEY_BAD.search(given):
            key = given
        else:
            slug = key_from_name(name)
            key = slug
            if key in taken and parent in keys:
                key = f"{keys[parent]}.{slug}"[:190]
            base, n = key, 1
            while key in taken:
                n += 1
                key = f"{base}-{n}"
        taken.add(key)
        keys[cid] = key
    return keys


class Loader:
    """Inserts what a reader found; keeps the maps from the file's GUIDs to makna ids."""

    def __init__(self, project: Project, conn: Connection, report: ImportReport) -> None:
        self.project, self.conn, self.report = project, conn, report
        self.coders: dict[str, str] = {}
        self.coder_names: set[str] = {r[0] for r in conn.execute(select(tables.coders.c.name))}
        self.codes: dict[str, str] = {}
        self.attributes: dict[str, tuple[str, str, str]] = {}  # guid -> (id, type, name)
        self.cases: dict[str, str] = {}
        self.sources: dict[str, tuple[str, str, int]] = {}  # guid -> (id, name, length)
        self.source_names: set[str] = {r[0] for r in conn.execute(select(tables.sources.c.name))}
        self.segment_ids: set[str] = set()
        self.used_ids: set[str] = set()
        self.pending: list[tuple[Any, ...]] = []  # segment rows (_SEGMENT_COLUMNS), emptied by flush()
        self._turns: list[tuple[Any, ...]] = []  # turn rows (TURN_COLUMNS)
        self._session_coder: str | None = None
        self.seals: Mapping[str, bytes] = {}  # the seal keys (by id) that verify a file's de-identification claims
        self._deid_top: int | None = None  # the highest deid_sources.number, once a source brings its state
        self.now = utcnow()
        now = project.store.bind_value(tables.segments.c.created_at, self.now)
        # creationDateTime as written -> segments.created_at as bound for the driver
        self.dates: dict[str | None, Any] = {None: now, "": now}

    # ---------------------------------------------------------------------------- coders
    def add_coder(self, guid: str, name: str, kind: str = "person") -> str:
        if guid in self.coders:
            return self.coders[guid]
        existing = self.conn.execute(select(tables.coders.c.id).where(tables.coders.c.id == guid)).scalar()
        if existing is None:
            self.conn.execute(insert(tables.coders).values(
                id=guid, name=unique_name(name.strip() or guid, self.coder_names, 200), kind=kind, created_at=self.now))
            self.report.coders += 1
        self.coders[guid] = guid
        return guid

    def coder(self, guid: str | None) -> str:
        """The coder for a ``creatingUser`` GUID: the listed user, a new coder named after an unlisted
        GUID, or (no GUID) the importing session's coder."""
        if guid is None:
            if self._session_coder is None:
                self._session_coder = self.project.coder_id(self.conn)
            return self._session_coder
        found = self.coders.get(guid)
        if found is None:
            self.report.notes.append(f"user {guid} is not listed under Users: added as a coder named after its GUID")
            found = self.add_coder(guid, f"user {guid[:8]}")
        return found

    def set_suggesters(self, ids: list[str]) -> None:
        for cid in ids:
            if cid in self.coders:
                self.conn.execute(update(tables.coders).where(tables.coders.c.id == cid).values(kind="suggester"))

    # ---------------------------------------------------------------------------- codebook
    def add_codes(self, codes: list[Code], guids: list[str]) -> None:
        """``codes`` in tree order (ids already made unique); ``guids`` the file's GUID of each."""
        result = import_codebook(self.project, CodebookDoc(codes=codes))
        ids = {r.key: r.id for r in self.conn.execute(select(tables.codes.c.key, tables.codes.c.id))}
        for guid, code in zip(guids, codes, strict=True):
            self.codes[guid] = ids[code.key]
        self.report.codes += result.added
        self.report.codes_updated += result.updated

    # ---------------------------------------------------------------------------- cases
    def add_attribute(self, guid: str, name: str, kind: str, description: str, taken: set[str]) -> None:
        aid = self.fresh_id(guid, "attribute")
        attr = define_attribute(self.project, unique_name(name, taken, 200), kind, description, attribute_id=aid)
        self.attributes[guid] = (attr.id, kind, attr.name)
        self.report.attributes += 1

    def value(self, attribute_guid: str | None, raw: str, where: str) -> tuple[str, str] | None:
        """(attribute id, checked value) for a VariableValue, or None (reported) when it does not fit."""
        if attribute_guid not in self.attributes:
            self.report.notes.append(f"{where}: a value refers to unknown variable {attribute_guid}: not imported")
            return None
        aid, kind, name = self.attributes[attribute_guid]
        try:
            encode_value(kind, raw, attribute=name)
        except MaknaError as exc:
            self.report.notes.append(f"{where}: {exc}: value not imported")
            return None
        return aid, raw

    def add_case(self, guid: str, name: str, description: str, values: dict[str, str], taken: set[str]) -> str:
        cid = self.fresh_id(guid, "case")
        case = add_case(self.project, unique_name(name, taken), description, values=values, case_id=cid)
        self.cases[guid] = case.id
        self.report.cases += 1
        return case.id

    def link_case(self, case_id: str, source_id: str, start: int | None, end: int | None, link_id: str | None) -> None:
        lid = link_id if link_id and link_id not in self.used_ids else new_id()
        self.used_ids.add(lid)
        self.conn.execute(insert(tables.case_links).values(id=lid, case_id=case_id, source_id=source_id,
                                                           start=start, end=end))

    # ---------------------------------------------------------------------------- sources
    def add_source(self, guid: str, name: str, text: str, fields: dict[str, Any],
                   created: dt.datetime | None) -> tuple[str, str, int]:
        """Insert a source (``text`` normalised already) with its turns: makna's turns from the file's
        fields when it carries them, else detected as :func:`makna.sources.import_text` does."""
        check_text_size(text)  # the reader names the file and the source
        sid = self.fresh_id(guid, "source")
        turns = _turns(fields.get("turns"), len(text), sid)
        if turns is None:
            turns = [_turn_row(sid, i, t.speaker, t.start, t.end, t.time_start, t.time_end)
                     for i, t in enumerate(detect_turns(text), start=1)]
        language = fields.get("language")
        if not (isinstance(language, str) and 2 <= len(language) <= 16 and language.replace("-", "").isalnum()):
            from ..importers.language import detect_language

            language = detect_language(text)
        sha = fields.get("sha256")
        source_name = unique_name(name, self.source_names)
        self.project.store.bulk_insert(self.conn, tables.sources, [dict(
            id=sid, name=source_name, text=text, length=len(text),
            original_name=str(fields.get("original_name") or name)[:1000],
            sha256=sha if isinstance(sha, str) and len(sha) == 64 else hashlib.sha256(text.encode("utf-8")).hexdigest(),
            media_type=str(fields.get("media_type") or "text/plain")[:100], language=language,
            encoding=fields.get("encoding") if isinstance(fields.get("encoding"), str) else None,
            imported_at=created or self.now, original=None,
        )])
        self._deid(sid, fields.get("deid"), text)
        self._turns.extend(turns)
        if len(self._turns) >= CHUNK:
            self.flush()
        entry = (sid, source_name, len(text))
        self.sources[guid] = entry
        self.report.sources += 1
        return entry

    def _deid(self, sid: str, raw: Any, text: str) -> None:
        """Restore what makna knew of the source's de-identification (:mod:`._deid_state`) when the file's claim
        verifies with one of ``seals``; keep any other well-formed claim of this text as information only."""
        if raw is None:
            return
        claim = read_claim(raw, text, self.seals)
        if not claim.verified or claim.state is None:
            self.report.unverified_claims += 1
            why = claim.why or "unsealed"
            self.report.unverified_why[why] = self.report.unverified_why.get(why, 0) + 1
            if claim.state is not None:
                keep_claim(self.conn, sid, claim.state, claim.sealed_by)
            return
        by = claim.sealed_by or PROJECT_SEALER
        self.report.verified_by[by] = self.report.verified_by.get(by, 0) + 1
        if self._deid_top is None:
            self._deid_top = int(self.conn.execute(select(func.coalesce(func.max(tables.deid_sources.c.number), 0)))
                                 .scalar_one())
        self._deid_top += 1
        self.conn.execute(insert(tables.deid_sources).values(source_id=sid, number=self._deid_top, **claim.state))

    # ---------------------------------------------------------------------------- segments
    def date(self, raw: str | None) -> Any:
        """A segment's ``created_at`` for a creationDateTime (now when absent or malformed), bound."""
        found = self.dates.get(raw)
        if found is None:
            from ._refi import parse_datetime

            found = self.dates[raw] = self.project.store.bind_value(tables.segments.c.created_at,
                                                                    parse_datetime(raw) or self.now)
        return found

    def segment(self, guid: str | None, source_id: str, start: int, end: int, code_id: str, coder_id: str,
                created: str | None, memo: str = "") -> str:
        ids = self.segment_ids
        sid = guid if guid and guid not in ids else derived_guid("segment", source_id, str(start), str(end), code_id,
                                                                 coder_id)
        ids.add(sid)
        when = self.dates.get(created)
        self.pending.append((sid, source_id, start, end, code_id, coder_id, memo,
                              when if when is not None else self.date(created)))
        if len(self.pending) >= CHUNK:
            self.flush()
        return sid

    def flush(self) -> None:
        if self._turns:
            self.project.store.bulk_insert(self.conn, tables.turns, self._turns, TURN_COLUMNS, per_statement=50)
            self._turns.clear()
        if self.pending:
            # file order (by source, then position) suits the unique index; measured faster than id order
            self.project.store.bulk_insert(self.conn, tables.segments, self.pending, _SEGMENT_COLUMNS, bound=True)
            self.report.segments += len(self.pending)
            self.pending.clear()

    def set_segment_memo(self, segment_id: str, text: str) -> None:
        self.flush()
        self.conn.execute(update(tables.segments).where(tables.segments.c.id == segment_id).values(memo=text))

    # ---------------------------------------------------------------------------- memos and sets
    def add_memo(self, memo_id: str, kind: str, target: str | None, title: str, text: str, coder: str | None,
                 created: dt.datetime | None) -> None:
        mid = memo_id if memo_id not in self.used_ids else new_id()
        self.used_ids.add(mid)
        self.conn.execute(insert(tables.memos).values(id=mid, target_kind=kind, target_id=target, title=title[:500],
                                                      text=text, coder_id=coder, created_at=created or self.now))
        self.report.memos += 1

    def add_set(self, guid: str, name: str, kind: str, members: list[str], description: str, taken: set[str]) -> None:
        sid = self.fresh_id(guid, "set")
        create_set(self.project, unique_name(name, taken), kind, members, description=description, set_id=sid)
        self.report.sets += 1

    # ---------------------------------------------------------------------------- ids
    def fresh_id(self, guid: str, what: str) -> str:
        """``guid`` unless another entity of this import took it already (then a derived one)."""
        out = guid if guid not in self.used_ids else derived_guid(what, guid)
        if out != guid:
            self.report.notes.append(f"{what} GUID {guid} is used twice in the file: given a new id {out}")
        self.used_ids.add(out)
        return out


def _turn_row(sid: str, number: int, speaker: str, start: int, end: int, t0: str | None,
              t1: str | None) -> tuple[Any, ...]:
    return (sid, number, speaker[:200], start, end, t0, t1)


def _turns(raw: Any, length: int, sid: str) -> list[tuple[Any, ...]] | None:
    """The turn rows of source ``sid`` from the ``turns`` field of its makna-data line (lists of
    speaker, start, end, time_start, time_end), or None when absent or not valid for the text."""
    if not isinstance(raw, list):
        return None
    try:  # as makna writes them: one comprehension (the usual case, hundreds of turns per source)
        out = [(sid, n, sp, a, b, t0, t1) for n, (sp, a, b, t0, t1) in enumerate(raw, start=1)
               if type(a) is int and type(b) is int and 0 <= a < b <= length and type(sp) is str and len(sp) <= 200
               and (t0 is None or type(t0) is str) and (t1 is None or type(t1) is str)]
    except (TypeError, ValueError):
        return None
    if len(out) == len(raw):
        return out
    out = []
    try:
        for number, (speaker, start, end, t0, t1) in enumerate(raw, start=1):
            if not (type(start) is int and type(end) is int and 0 <= start < end <= length):
                return None
            out.append((sid, number, speaker[:200] if type(speaker) is str else str(speaker)[:200], start, end,
                        t0 if t0 is None or type(t0) is str else str(t0),
                        t1 if t1 is None or type(t1) is str else str(t1)))
    except (TypeError, ValueError):
        return None
    return out
