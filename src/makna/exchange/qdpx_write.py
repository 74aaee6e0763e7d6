"""Export a project as a REFI-QDA 1.5 project exchange file (``.qdpx``).

The archive holds ``project.qde`` (namespace ``urn:QDA-XML:project:1.0``, written as a stream with
``lxml.etree.xmlfile``) and ``sources/<source id>.txt`` (the stored text, UTF-8 without BOM), referenced
as ``internal://<source id>.txt``. Every GUID is the id of the makna entity it stands for:

- ``Users/User``: coders. ``CodeBook``: the code tree in order, with the colours chosen (a code with
  none has no ``color``) and ``isCodable``; a code's ``Description`` is its definition, as written.
- ``Variables`` / ``Cases``: attributes, cases with ``VariableValue`` s, ``SourceRef`` for a link to a
  whole source and ``SelectionRef`` for a link to a span (a ``PlainTextSelection`` whose GUID is the
  link's id).
- ``Sources/TextSource``: one ``PlainTextSelection`` per coded span (GUID derived from source and
  span), holding one ``Coding`` per segment (GUID = segment id, ``creatingUser`` = coder,
  ``creationDateTime`` = when it was coded) with its ``CodeRef``. Offsets are code points (REFI-QDA 1.5
  section 10.2), end exclusive.
- ``Notes``: memos (GUID = memo id) and segments' own memos, referenced by ``NoteRef`` from the project,
  sources, codes and codings; a case memo is attached by a ``Link`` from the note to the case.
- ``Sets``: sets of codes (``MemberCode``) or sources (``MemberSource``).

Every description is the user's text exactly. makna's own fields (a code's key, inclusion, exclusion,
example, keywords and translations; a source's language, hash, speaker turns and de-identification state
(:mod:`makna.exchange._deid_state`, sealed with the project's key); values XML cannot carry) travel in
the archive member ``makna/extras.json``, by GUID, which other tools ignore (see
:mod:`makna.exchange._fields`). Empty optional containers are left out. The file validates against
the REFI-QDA ``Project.xsd``.
"""

from __future__ import annotations

import datetime as dt
import os
import queue
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy import Connection, String, bindparam, select, type_coerce

from ..code_translations import to_json
from ..codebook import list_codes
from ..errors import ExchangeError
from ..holds import require_none_held
from ..model import Code
from ..privacy.seals import Sealer, meta_sealer, record_seals, seal_key
from ..project import Project
from ..rounds import rejected_ids
from ..store import prepared_select, tables
from ._deid_state import export_states, seal_digest
from ._fields import EXTRAS_ENTRY, PI_TARGET, Extras, keep_exact, pi_text
from ._refi import (
    NS_PROJECT,
    ORIGIN,
    VARIABLE_TYPES,
    format_datetime,
    format_float,
    memo_link_guid,
    segment_memo_guid,
    selection_guid,
    xml_attr,
    xml_safe,
)

__all__ = ["ExportSummary", "export_qdpx", "code_fields", "write_codes"]


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    path: Path
    coders: int = 0
    codes: int = 0
    sources: int = 0
    segments: int = 0
    cases: int = 0
    memos: int = 0
    sets: int = 0


def code_fields(code: Code) -> dict[str, Any]:
    """makna's own fields of a code, which REFI-QDA has no place for (its key, inclusion, exclusion,
    example and keywords; its name and definition where XML cannot carry them exactly)."""
    fields: dict[str, Any] = {"key": code.key}
    for name in ("inclusion", "exclusion", "example"):
        if getattr(code, name):
            fields[name] = getattr(code, name)
    if code.keywords:
        fields["keywords"] = list(code.keywords)
    if code.translations:  # its name and definition in other languages (makna.code_translations)
        fields["translations"] = to_json(code.translations)
    return keep_exact(fields, name=code.name, definition=code.definition)


def write_codes(xf: Any, ns: str, codes: Sequence[Code], note_refs: dict[str, list[str]] | None = None,
                extras: Extras | None = None) -> None:
    """Write ``codes`` (tree order) as nested ``Code`` elements in namespace ``ns``; makna's own
    fields go to ``extras`` (a .qdpx), or else into a ``makna-data`` processing instruction in the
    element (a .qdc)."""
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    tag, desc, ref = f"{{{ns}}}Code", f"{{{ns}}}Description", f"{{{ns}}}NoteRef"

    def walk(parent: str | None) -> None:
        for code in children.get(parent, []):
            attrs = {"guid": code.id, "name": xml_safe(code.name), "isCodable": "true" if code.codable else "false"}
            if code.color_set:
                attrs["color"] = code.color
            with xf.element(tag, attrs):
                _text_element(xf, desc, code.definition)
                if extras is not None:
                    extras.add(code.id, code_fields(code))
                else:
                    xf.write(etree.PI(PI_TARGET, pi_text(code_fields(code))))
                for note in (note_refs or {}).get(code.id, ()):
                    _leaf(xf, ref, targetGUID=note)
                walk(code.id)

    walk(None)


def _leaf(xf: Any, tag: str, **attrs: str) -> None:
    with xf.element(tag, attrs):
        pass


def _text_element(xf: Any, tag: str, text: str) -> None:
    if text:
        with xf.element(tag):
            xf.write(xml_safe(text))


class _Writer:
    def __init__(self, project: Project, conn: Connection, xf: Any) -> None:
        self.project, self.conn, self.xf = project, conn, xf
        self.summary: dict[str, int] = {}
        self.extras = Extras()
        self.seal: Sealer | None = None  # the project's (or a member's) seal key: it seals the de-identification claims
        self.sealed: list[str] = []  # the digests of the claims it sealed (the project records them: trust24)
        self.memos = conn.execute(select(tables.memos).order_by(tables.memos.c.created_at, tables.memos.c.id)).all()
        self.notes_for: dict[tuple[str, str | None], list[str]] = {}
        for m in self.memos:
            self.notes_for.setdefault((m.target_kind, m.target_id), []).append(m.id)

    def tag(self, name: str) -> str:
        return f"{{{NS_PROJECT}}}{name}"

    def refs(self, kind: str, target: str | None, tag: str = "NoteRef") -> None:
        for note in self.notes_for.get((kind, target), ()):
            _leaf(self.xf, self.tag(tag), targetGUID=note)

    # ------------------------------------------------------------------ sections
    def users(self) -> list[Any]:
        c = tables.coders.c
        rows = self.conn.execute(select(c.id, c.name, c.kind).order_by(c.created_at, c.name)).all()
        if rows:
            with self.xf.element(self.tag("Users")):
                for r in rows:
                    _leaf(self.xf, self.tag("User"), guid=r.id, name=xml_safe(r.name))
        self.summary["coders"] = len(rows)
        return list(rows)

    def codebook(self) -> None:
        codes = list_codes(self.project)
        note_refs = {cid: ids for (kind, cid), ids in self.notes_for.items() if kind == "code" and cid}
        if codes:
            with self.xf.element(self.tag("CodeBook")), self.xf.element(self.tag("Codes")):
                write_codes(self.xf, NS_PROJECT, codes, note_refs, self.extras)
        self.summary["codes"] = len(codes)

    def variables(self) -> dict[str, Any]:
        a = tables.attributes.c
        attrs = {r.id: r for r in self.conn.execute(select(tables.attributes).order_by(a.name))}
        if attrs:
            with self.xf.element(self.tag("Variables")):
                for r in attrs.values():
                    with self.xf.element(self.tag("Variable"), guid=r.id, name=xml_safe(r.name),
                                         typeOfVariable=VARIABLE_TYPES[r.type]):
                        _text_element(self.xf, self.tag("Description"), r.description)
                        self.extras.add(r.id, keep_exact({}, name=r.name, description=r.description))
        return attrs

    def cases(self, attrs: dict[str, Any]) -> dict[str, list[Any]]:
        """Write Cases; returns the span links by source id (written as selections there)."""
        c, cv, cl = tables.cases.c, tables.case_values.c, tables.case_links.c
        cases = self.conn.execute(select(tables.cases).order_by(c.name)).all()
        values: dict[str, list[Any]] = {}
        for r in self.conn.execute(select(cv.case_id, cv.attribute_id, cv.value)):
            values.setdefault(r.case_id, []).append(r)
        links: dict[str, list[Any]] = {}
        for r in self.conn.execute(select(tables.case_links).order_by(cl.source_id, cl.start, cl.id)):
            links.setdefault(r.case_id, []).append(r)
        spans: dict[str, list[Any]] = {}
        if cases:
            with self.xf.element(self.tag("Cases")):
                for case in cases:
                    with self.xf.element(self.tag("Case"), guid=case.id, name=xml_safe(case.name)):
                        _text_element(self.xf, self.tag("Description"), case.description)
                        self.extras.add(case.id, keep_exact({}, name=case.name, description=case.description))
                        for v in sorted(values.get(case.id, ()), key=lambda v: attrs[v.attribute_id].name):
                            self._value(attrs[v.attribute_id].type, v.attribute_id, v.value)
                        mine = links.get(case.id, [])
                        for link in mine:
                            if link.start is None:
                                _leaf(self.xf, self.tag("SourceRef"), targetGUID=link.source_id)
                        for link in mine:
                            if link.start is not None:
                                _leaf(self.xf, self.tag("SelectionRef"), targetGUID=link.id)
                                spans.setdefault(link.source_id, []).append(link)
        self.summary["cases"] = len(cases)
        return spans

    def _value(self, kind: str, attribute_id: str, value: str) -> None:
        element, text = {"integer": "IntegerValue", "float": "FloatValue", "date": "DateValue",
                         "boolean": "BooleanValue"}.get(kind, "TextValue"), value
        if kind == "float":
            formatted = format_float(value)
            element, text = ("FloatValue", formatted) if formatted is not None else ("TextValue", value)
        with self.xf.element(self.tag("VariableValue")):
            _leaf(self.xf, self.tag("VariableRef"), targetGUID=attribute_id)
            with self.xf.element(self.tag(element)):
                self.xf.write(xml_safe(text))

    def source_rows(self) -> list[Any]:
        """The sources (without their texts), in name order."""
        s = tables.sources.c
        return list(self.conn.execute(select(s.id, s.name, s.original_name, s.media_type, s.language, s.encoding,
                                             s.sha256, s.imported_at).order_by(s.name)).all())

    def texts(self, rows: list[Any], add: Callable[[tuple[str, bytes]], None]) -> None:
        """Give each source's text to ``add`` as ``(sources/ID.txt, bytes)``."""
        text_of = prepared_select(self.conn, select(tables.sources.c.text)
                                  .where(tables.sources.c.id == bindparam("source_id")))
        for src in rows:
            add((f"sources/{src.id}.txt", text_of(source_id=src.id)[0][0].encode("utf-8", "replace")))

    def fields(self, src: Any, turns: Sequence[Any]) -> dict[str, Any]:
        """makna's fields of a source (kept in the extras member)."""
        fields: dict[str, Any] = {"language": src.language, "sha256": src.sha256}
        if src.original_name != src.name:
            fields["original_name"] = src.original_name
        if src.media_type != "text/plain":
            fields["media_type"] = src.media_type
        if src.encoding:
            fields["encoding"] = src.encoding
        keep_exact(fields, name=src.name, original_name=src.original_name)
        if turns:
            fields["turns"] = [list(x) for x in turns]
        return fields

    def sources(self, rows: list[Any], spans: dict[str, list[Any]], stream: Any) -> None:
        """Write ``Sources`` straight to ``stream`` (after flushing the xmlfile writer) from string
        templates: the many small selection and coding elements are the bulk of a large project, and
        building them as text is several times faster than element contexts. Every value is escaped
        as lxml would (:func:`xml_attr`, :func:`xml_text`); a test checks that the result is what
        lxml writes for the same elements."""
        if not rows:
            return
        self.xf.flush()
        seg = tables.segments.c
        seg_notes = {tid: ids for (kind, tid), ids in self.notes_for.items() if kind == "segment" and tid}
        # created_at as the driver returns it, converted once per distinct value (a batch shares one)
        created_raw = type_coerce(seg.created_at, String)
        dialect = self.conn.dialect
        to_datetime = dialect.type_descriptor(seg.created_at.type).result_processor(dialect, None)
        segments_of = prepared_select(self.conn, select(seg.id, seg.start, seg.end, seg.code_id, seg.coder_id,
                                                        seg.memo, created_raw)
                                      .where(seg.source_id == bindparam("source_id"))
                                      .order_by(seg.start, seg.end, seg.created_at, seg.id))
        dates: dict[Any, str] = {}
        rejected = set(self.conn.execute(rejected_ids()).scalars())
        ids: dict[str, str] = {}  # code and coder ids, escaped
        n_segments = 0
        write = stream.write
        write(b"<Sources>")
        t = tables.turns.c
        turns_of = prepared_select(self.conn, select(t.speaker, t.start, t.end, t.time_start, t.time_end)
                                   .where(t.source_id == bindparam("source_id")).order_by(t.number))
        deid = export_states(self.conn, self.seal)
        self.sealed = [seal_digest(claim) for claim in deid.values() if "seal" in claim]
        for src in rows:
            fields = self.fields(src, turns_of(source_id=src.id))
            if src.id in deid:  # what makna knew of its de-identification (never the originals)
                fields["deid"] = deid[src.id]
            parts = [f'<TextSource guid="{xml_attr(src.id)}" name="{xml_attr(src.name)}" '
                     f'plainTextPath="internal://{xml_attr(src.id)}.txt" '
                     f'creationDateTime="{format_datetime(src.imported_at)}">']
            self.extras.add(src.id, fields)
            segs = segments_of(source_id=src.id)
            if rejected:  # the suggester's rejected proposals are not codings (makna.rounds.listed)
                segs = [g for g in segs if g[0] not in rejected]
            add = parts.append
            i, n = 0, len(segs)
            while i < n:
                first = segs[i]
                a, b = first[1], first[2]
                add(f'<PlainTextSelection guid="{xml_attr(selection_guid(first[0]))}" startPosition="{a}" '
                    f'endPosition="{b}">')
                while i < n and segs[i][1] == a and segs[i][2] == b:
                    gid, _a, _b, code_id, coder_id, memo, created = segs[i]
                    when = dates.get(created)
                    if when is None:
                        when = dates[created] = _format_created(created, to_datetime)
                    code = ids.get(code_id)
                    if code is None:
                        code = ids[code_id] = xml_attr(code_id)
                    coder = ids.get(coder_id)
                    if coder is None:
                        coder = ids[coder_id] = xml_attr(coder_id)
                    gid_x = xml_attr(gid)
                    if memo or gid in seg_notes:
                        notes = ([segment_memo_guid(gid)] if memo else []) + seg_notes.get(gid, [])
                        refs = "".join(f'<NoteRef targetGUID="{xml_attr(x)}"/>' for x in notes)
                        add(f'<Coding guid="{gid_x}" creatingUser="{coder}" creationDateTime="{when}">'
                            f'<CodeRef targetGUID="{code}"/>{refs}</Coding>')
                    else:
                        add(f'<Coding guid="{gid_x}" creatingUser="{coder}" creationDateTime="{when}">'
                            f'<CodeRef targetGUID="{code}"/></Coding>')
                    i += 1
                add("</PlainTextSelection>")
            n_segments += n
            for link in spans.get(src.id, ()):
                add(f'<PlainTextSelection guid="{xml_attr(link.id)}" startPosition="{link.start}" '
                    f'endPosition="{link.end}"/>')
            for note in self.notes_for.get(("source", src.id), ()):
                add(f'<NoteRef targetGUID="{xml_attr(note)}"/>')
            add("</TextSource>")
            write("".join(parts).encode("utf-8"))
        write(b"</Sources>")
        self.summary["sources"] = len(rows)
        self.summary["segments"] = n_segments

    def notes(self) -> None:
        seg = tables.segments.c
        seg_memos = self.conn.execute(select(seg.id, seg.memo, seg.coder_id, seg.created_at)
                                      .where(seg.memo != "").order_by(seg.id)).all()
        if not self.memos and not seg_memos:
            return
        with self.xf.element(self.tag("Notes")):
            for m in self.memos:
                attrs = {"guid": m.id}
                if m.title:
                    attrs["name"] = xml_safe(m.title)
                self._note(attrs, m.coder_id, m.created_at, m.text, keep_exact({}, title=m.title, text=m.text))
            for g in seg_memos:
                self._note({"guid": segment_memo_guid(g.id)}, g.coder_id, g.created_at, g.memo,
                           keep_exact({}, text=g.memo))
        self.summary["memos"] = len(self.memos)

    def _note(self, attrs: dict[str, str], coder: str | None, created: Any, text: str, exact: dict[str, Any]) -> None:
        if coder:
            attrs["creatingUser"] = coder
        if created is not None:
            attrs["creationDateTime"] = format_datetime(created)
        with self.xf.element(self.tag("Note"), attrs):
            self.extras.add(attrs["guid"], exact)
            with self.xf.element(self.tag("PlainTextContent")):
                self.xf.write(xml_safe(text))

    def links(self) -> None:
        case_memos = [m for m in self.memos if m.target_kind == "case" and m.target_id]
        if case_memos:
            with self.xf.element(self.tag("Links")):
                for m in case_memos:
                    _leaf(self.xf, self.tag("Link"), guid=memo_link_guid(m.id), name="makna memo",
                                                direction="OneWay", originGUID=m.id, targetGUID=m.target_id)

    def sets(self) -> None:
        st, sm = tables.sets.c, tables.set_members.c
        sets = self.conn.execute(select(tables.sets).order_by(st.name)).all()
        members: dict[str, list[str]] = {}
        for r in self.conn.execute(select(sm.set_id, sm.member_id).order_by(sm.set_id, sm.member_id)):
            members.setdefault(r.set_id, []).append(r.member_id)
        if sets:
            with self.xf.element(self.tag("Sets")):
                for r in sets:
                    mine = members.get(r.id, [])
                    with self.xf.element(self.tag("Set"), guid=r.id, name=xml_safe(r.name)):
                        _text_element(self.xf, self.tag("Description"), r.description)
                        self.extras.add(r.id, keep_exact({} if mine else {"kind": r.kind},
                                                         name=r.name, description=r.description))
                        member = "MemberCode" if r.kind == "codes" else "MemberSource"
                        for mid in mine:
                            _leaf(self.xf, self.tag(member), targetGUID=mid)
        self.summary["sets"] = len(sets)


def _format_created(raw: Any, to_datetime: Any) -> str:
    """A segment's ``created_at`` as fetched raw (a string from SQLite, a datetime from PostgreSQL)."""
    value = to_datetime(raw) if to_datetime is not None and isinstance(raw, str) else raw
    if not isinstance(value, dt.datetime):
        raise ExchangeError(f"segment timestamp {raw!r} is not a date and time")
    return format_datetime(value)


def _suggesters(coders: Iterable[Any]) -> list[str]:
    return sorted(r.id for r in coders if r.kind != "person")


def export_qdpx(project: Project, path: str | os.PathLike[str], *, compresslevel: int = 1) -> ExportSummary:
    """Write the whole project to ``path`` as a .qdpx; the file appears only when complete."""
    from ..rounds import require_sight

    require_sight(project, "an export of the project")
    require_none_held(project, "an export of the project")
    target = Path(path)
    if not target.parent.is_dir():
        raise ExchangeError(f"{target}: folder {target.parent} does not exist")
    seal_key(project)  # the claims of de-identified sources are sealed with it (makna.privacy.claims)
    meta = project.store.meta()
    fd, tmp = tempfile.mkstemp(prefix=".makna-export-", suffix=".qdpx", dir=target.parent)
    os.close(fd)
    try:
        with project.store.read() as conn, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED,
                                                          compresslevel=compresslevel) as zf:
            writer = _write_project(project, conn, zf, meta)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if writer.seal is not None and writer.seal.by is None:  # the project's own seals verify after a reseal
        record_seals(project, writer.seal.project, writer.sealed)
    return ExportSummary(path=target, **writer.summary)


class _Background:
    """Hands items to a thread that passes them to ``consume``: a zip entry's ``write`` (deflating
    and checksumming, which release the GIL) then runs beside the Python that makes the data.
    Errors surface at the next :meth:`write` or at :meth:`close`."""

    def __init__(self, consume: Callable[[Any], Any], depth: int = 32) -> None:
        self._consume = consume
        self._queue: queue.Queue[Any] = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="makna-qdpx-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not _DONE:
            if self._error is None:
                try:
                    self._consume(item)
                except BaseException as exc:  # re-raised in the producing thread
                    self._error = exc

    def put(self, item: Any) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(item)

    def write(self, data: bytes) -> int:
        """File-like ``write`` (for lxml's ``xmlfile``)."""
        self.put(bytes(data))
        return len(data)

    def close(self) -> None:
        self._queue.put(_DONE)
        self._thread.join()
        if self._error is not None:
            raise self._error


_DONE = object()


def _write_project(project: Project, conn: Connection, zf: zipfile.ZipFile, meta: dict[str, str]) -> _Writer:
    big = _segment_count(conn) > 2_000_000
    rows = _Writer(project, conn, None).source_rows()
    with zf.open("project.qde", "w", force_zip64=big) as entry:
        stream = _Background(entry.write)
        try:
            writer = _write_qde(project, conn, stream, meta, rows)
        finally:
            stream.close()
    texts = _Background(lambda item: zf.writestr(*item))
    try:
        writer.texts(rows, texts.put)
    finally:
        texts.close()
    zf.writestr(EXTRAS_ENTRY, writer.extras.dump())
    return writer


def _write_qde(project: Project, conn: Connection, stream: _Background, meta: dict[str, str],
               rows: list[Any]) -> _Writer:
    with etree.xmlfile(stream, encoding="utf-8") as xf:
        xf.write_declaration()
        writer = _Writer(project, conn, xf)
        writer.seal = meta_sealer(meta)
        root = {"name": xml_safe(meta.get("name", "makna project")), "origin": ORIGIN}
        if meta.get("created_at"):
            root["creationDateTime"] = format_datetime(dt.datetime.fromisoformat(meta["created_at"]))
        with xf.element(f"{{{NS_PROJECT}}}Project", root, nsmap={None: NS_PROJECT}):
            coders = writer.users()
            writer.codebook()
            attrs = writer.variables()
            spans = writer.cases(attrs)
            writer.sources(rows, spans, stream)
            writer.notes()
            writer.links()
            writer.sets()
            fields: dict[str, Any] = keep_exact({"project_id": meta.get("project_id", "")}, name=meta.get("name", ""))
            if _suggesters(coders):
                fields["suggesters"] = _suggesters(coders)
            writer.extras.project = fields
            writer.refs("project", None)
        xf.flush()
    return writer


def _segment_count(conn: Connection) -> int:
    from sqlalchemy import func

    return int(conn.execute(select(func.count()).select_from(tables.segments)).scalar() or 0)
