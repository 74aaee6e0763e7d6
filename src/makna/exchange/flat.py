"""Flat exports: coded segments as CSV or XLSX, the codebook as CSV, the whole project as JSON.

Segments (one row per segment): ``segment_id, code_path, code_key, code_name, source, turn, speaker,
cases, <one column per case attribute>, coder, start, end, text, memo, segment_memos, created_at``.
Offsets are code points, end exclusive. ``memo`` is the coding's own memo (written with the coding);
``segment_memos`` the memos written on the segment (``makna memo add --on segment``), each ``writer:
title: text``, a blank line between them. A segment inside several cases lists them joined by ``"; "``, and so are their
attribute values.

JSON (``format: makna-project/1``), one object::

    {"format": "makna-project/1",
     "project": {"id", "name", "created_at"},
     "coders": [{"id", "name", "kind"}],
     "codes": [{"id", "key", "name", "path", "parent_id", "color", "definition", "inclusion",
                "exclusion", "example", "keywords", "position"}],            # tree order
     "attributes": [{"id", "name", "type", "description"}],
     "cases": [{"id", "name", "description", "values": {name: value},
                "links": [{"id", "source_id", "start", "end"}]}],           # start/end null: whole source
     "sources": [{"id", "name", "original_name", "media_type", "language", "encoding", "sha256",
                  "imported_at", "text", "turns": [{"number", "speaker", "start", "end",
                                                     "time_start", "time_end"}]}],
     "segments": [{"id", "source_id", "start", "end", "code_id", "coder_id", "memo", "created_at"}],
     "memos": [{"id", "target_kind", "target_id", "title", "text", "coder_id", "created_at"}],
     "sets": [{"id", "name", "kind", "description", "member_ids"}]}

The XLSX is written directly (a minimal SpreadsheetML package, inline strings), without a spreadsheet
library; a cell holds at most 32,767 characters (longer texts are cut, and the cut is marked).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy import select

from ..cases import decode_value, list_attributes, list_cases
from ..codebook import code_tree
from ..csvsafe import write_table
from ..errors import ExchangeError
from ..holds import require_none_held
from ..memo_views import segment_memo_texts
from ..project import Project
from ..queries import retrieve
from ..rounds import listed, require_sight
from ..store import as_utc, tables
from ._refi import xml_safe

__all__ = [
    "SEGMENT_COLUMNS",
    "segment_rows",
    "segment_columns",
    "write_segments_csv",
    "write_segments_xlsx",
    "write_codebook_csv",
    "write_json",
    "JSON_FORMAT",
]

JSON_FORMAT = "makna-project/1"
SEGMENT_COLUMNS = ("segment_id", "code_path", "code_key", "code_name", "source", "turn", "speaker", "cases")
_TAIL_COLUMNS = ("coder", "start", "end", "text", "memo", "segment_memos", "created_at")
CODEBOOK_COLUMNS = ("key", "name", "path", "parent_key", "color", "definition", "inclusion", "exclusion", "example",
                    "keywords", "id")
_XLSX_MAX = 32_767


def segment_columns(project: Project) -> list[str]:
    """The columns of the segment table: fixed ones, one per case attribute, then the tail."""
    return [*SEGMENT_COLUMNS, *(f"attribute:{a.name}" for a in list_attributes(project)), *_TAIL_COLUMNS]


def segment_rows(project: Project) -> Iterator[dict[str, Any]]:
    """One dict per coded segment, in source order."""
    paths = {n.code.key: n.path for n in code_tree(project)}
    attrs = [a.name for a in list_attributes(project)]
    values = {c.name: c.values for c in list_cases(project)}
    retrieved = retrieve(project)
    on_segments = segment_memo_texts(project, [s.id for s in retrieved])
    for seg in retrieved:
        row: dict[str, Any] = {
            "segment_id": seg.id, "code_path": paths.get(seg.code_key, ""), "code_key": seg.code_key,
            "code_name": seg.code_name, "source": seg.source, "turn": seg.turn, "speaker": seg.speaker,
            "cases": "; ".join(seg.cases),
        }
        for name in attrs:
            found = [str(values[c][name]) for c in seg.cases if name in values.get(c, {})]
            row[f"attribute:{name}"] = "; ".join(dict.fromkeys(found))
        row.update(coder=seg.coder, start=seg.start, end=seg.end, text=seg.text, memo=seg.memo,
                   segment_memos=on_segments.get(seg.id, ""),
                   created_at=seg.created_at.isoformat() if seg.created_at else "")
        yield row


def _atomic(path: str | os.PathLike[str], suffix: str, write: Callable[[IO[bytes]], None]) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise ExchangeError(f"{target}: folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".makna-export-", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _write_csv(path: str | os.PathLike[str], columns: list[str], rows: Iterator[dict[str, Any]]) -> int:
    count = 0

    def write(fh: IO[bytes]) -> None:
        nonlocal count
        import io

        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        count = write_table(text, columns, ([row.get(c) for c in columns] for row in rows))
        text.flush()
        text.detach()

    _atomic(path, ".csv", write)
    return count


def write_segments_csv(project: Project, path: str | os.PathLike[str]) -> int:
    """Coded segments as CSV (UTF-8 with BOM, so that spreadsheets detect it); returns the row count."""
    require_sight(project, "an export of the codings")
    require_none_held(project, "an export of the codings")
    return _write_csv(path, segment_columns(project), segment_rows(project))


def write_codebook_csv(project: Project, path: str | os.PathLike[str]) -> int:
    """The codebook as CSV, one code per row in tree order; returns the row count."""
    nodes = code_tree(project)
    keys = {n.code.id: n.code.key for n in nodes}
    rows = ({"key": n.code.key, "name": n.code.name, "path": n.path, "parent_key": keys.get(n.code.parent_id or "", ""),
             "color": n.code.color, "definition": n.code.definition, "inclusion": n.code.inclusion,
             "exclusion": n.code.exclusion, "example": n.code.example, "keywords": "; ".join(n.code.keywords),
             "id": n.code.id} for n in nodes)
    return _write_csv(path, list(CODEBOOK_COLUMNS), rows)


# ------------------------------------------------------------------------------------ XLSX
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        '</Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{_NS_MAIN}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="segments" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '</Relationships>'),
}


def _column_name(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return name


def _cell(xf: Any, ref: str, value: Any) -> None:
    m = f"{{{_NS_MAIN}}}"
    if isinstance(value, bool) or value is None or value == "":
        if value is None or value == "":
            return
        value = str(value).lower()
    if isinstance(value, int | float) and not isinstance(value, bool):
        with xf.element(m + "c", r=ref), xf.element(m + "v"):
            xf.write(repr(value))
        return
    text = xml_safe(str(value))
    if len(text) > _XLSX_MAX:
        text = text[: _XLSX_MAX - 1] + "…"
    with xf.element(m + "c", r=ref, t="inlineStr"), xf.element(m + "is"), xf.element(m + "t"):
        xf.write(text)


def write_segments_xlsx(project: Project, path: str | os.PathLike[str]) -> int:
    """Coded segments as an Excel workbook with one sheet; returns the row count."""
    require_sight(project, "an export of the codings")
    require_none_held(project, "an export of the codings")
    columns = segment_columns(project)
    count = 0

    def write(fh: IO[bytes]) -> None:
        nonlocal count
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, body in _PARTS.items():
                zf.writestr(name, body)
            with zf.open("xl/worksheets/sheet1.xml", "w") as stream, etree.xmlfile(stream, encoding="UTF-8") as xf:
                xf.write_declaration(standalone=True)
                m = f"{{{_NS_MAIN}}}"
                refs = [_column_name(i) for i in range(len(columns))]
                with xf.element(m + "worksheet", nsmap={None: _NS_MAIN}), xf.element(m + "sheetData"):
                    with xf.element(m + "row", r="1"):
                        for ref, col in zip(refs, columns, strict=True):
                            _cell(xf, f"{ref}1", col)
                    for n, row in enumerate(segment_rows(project), start=2):
                        with xf.element(m + "row", r=str(n)):
                            for ref, col in zip(refs, columns, strict=True):
                                _cell(xf, f"{ref}{n}", row.get(col))
                        count += 1

    _atomic(path, ".xlsx", write)
    return count


# ------------------------------------------------------------------------------------ JSON
def _iso(value: Any) -> Any:
    return as_utc(value).isoformat() if isinstance(value, dt.datetime) else value


def write_json(project: Project, path: str | os.PathLike[str]) -> None:
    """The whole project as one JSON document (see the module documentation), written as a stream."""
    require_sight(project, "an export of the project")
    require_none_held(project, "an export of the project")
    meta = project.store.meta()
    c_, s_, g_, m_ = tables.coders.c, tables.sources.c, tables.segments.c, tables.memos.c

    def dumps(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, default=_iso)

    def write(fh: IO[bytes]) -> None:
        def out(text: str) -> None:
            fh.write(text.encode("utf-8"))

        def section(name: str, items: Iterator[Any], first: bool = False) -> None:
            out(("" if first else ",\n") + f'"{name}": [')
            for i, item in enumerate(items):
                out(("\n  " if i == 0 else ",\n  ") + dumps(item))
            out("]")

        out("{" + f'"format": {dumps(JSON_FORMAT)}, "project": ' + dumps(
            {"id": meta.get("project_id"), "name": meta.get("name"), "created_at": meta.get("created_at")}) + ",\n")
        with project.store.read() as conn:
            section("coders", ({"id": r.id, "name": r.name, "kind": r.kind}
                               for r in conn.execute(select(c_.id, c_.name, c_.kind).order_by(c_.name))), first=True)
            section("codes", ({**{k: getattr(n.code, k) for k in ("id", "key", "name")}, "path": n.path,
                               **{k: getattr(n.code, k) for k in ("parent_id", "color", "definition", "inclusion",
                                                                  "exclusion", "example")},
                               "keywords": list(n.code.keywords), "position": n.code.position}
                              for n in code_tree(project)))
            attrs = list_attributes(project)
            types = {a.name: a.type for a in attrs}
            section("attributes", ({"id": a.id, "name": a.name, "type": a.type, "description": a.description}
                                   for a in attrs))
            cl = tables.case_links.c
            links: dict[str, list[dict[str, Any]]] = {}
            for r in conn.execute(select(tables.case_links).order_by(cl.source_id, cl.start)):
                links.setdefault(r.case_id, []).append({"id": r.id, "source_id": r.source_id, "start": r.start,
                                                        "end": r.end})
            section("cases", ({"id": c.id, "name": c.name, "description": c.description,
                               "values": {k: _plain(types.get(k, "text"), v) for k, v in c.values.items()},
                               "links": links.get(c.id, [])} for c in list_cases(project)))
            t = tables.turns.c
            turns: dict[str, list[dict[str, Any]]] = {}
            for r in conn.execute(select(tables.turns).order_by(t.source_id, t.number)):
                turns.setdefault(r.source_id, []).append({k: getattr(r, k) for k in (
                    "number", "speaker", "start", "end", "time_start", "time_end")})
            section("sources", ({"id": r.id, "name": r.name, "original_name": r.original_name,
                                 "media_type": r.media_type, "language": r.language, "encoding": r.encoding,
                                 "sha256": r.sha256, "imported_at": _iso(r.imported_at), "text": r.text,
                                 "turns": turns.get(r.id, [])}
                                for r in conn.execute(select(s_.id, s_.name, s_.original_name, s_.media_type,
                                                             s_.language, s_.encoding, s_.sha256, s_.imported_at,
                                                             s_.text).order_by(s_.name))))
            section("segments", ({"id": r.id, "source_id": r.source_id, "start": r.start, "end": r.end,
                                  "code_id": r.code_id, "coder_id": r.coder_id, "memo": r.memo,
                                  "created_at": _iso(r.created_at)}
                                 for r in conn.execute(select(tables.segments).where(listed())
                                                       .order_by(g_.source_id, g_.start, g_.end, g_.id))))
            section("memos", ({"id": r.id, "target_kind": r.target_kind, "target_id": r.target_id, "title": r.title,
                               "text": r.text, "coder_id": r.coder_id, "created_at": _iso(r.created_at)}
                              for r in conn.execute(select(tables.memos).order_by(m_.created_at, m_.id))))
            sm = tables.set_members.c
            members: dict[str, list[str]] = {}
            for r in conn.execute(select(sm.set_id, sm.member_id).order_by(sm.set_id, sm.member_id)):
                members.setdefault(r.set_id, []).append(r.member_id)
            section("sets", ({"id": r.id, "name": r.name, "kind": r.kind, "description": r.description,
                              "member_ids": members.get(r.id, [])}
                             for r in conn.execute(select(tables.sets).order_by(tables.sets.c.name))))
        out("}\n")

    _atomic(path, ".json", write)


def _plain(kind: str, value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return decode_value(kind, value) if isinstance(value, str) and kind != "text" else value
