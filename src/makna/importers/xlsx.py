"""The cells of an Excel workbook's first sheet (.xlsx), read defensively for survey import.

The archive passes :func:`makna.importers._safety.open_zip` (entry count, expanded size, compression
ratio: a zip bomb is refused before anything is inflated), every XML part read is checked for a DTD
and parsed with a parser that loads no DTD, expands no entities and reaches no network. Only the
workbook, its relationships, the shared strings and the first sheet are read: external links, macros
and embedded objects are never opened. A formula is never evaluated: its cell gives the value the
spreadsheet saved with it (none when it saved none), and a note says how many there were. A number shown as
a date (a survey tool's time stamp) reads as an ISO 8601 date or date and time.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import ImportFormatError, excerpt, reason
from ._safety import check_xml_part, open_zip, safe_xml_parser

__all__ = ["MAX_CELLS", "MAX_COLUMNS", "MAX_ROWS", "MEDIA_TYPE", "XlsxSheet", "read_xlsx_rows"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_KIND = ".xlsx"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MAX_COLUMNS = 16_384  # Excel's own limits
MAX_ROWS = 1_048_576
MAX_CELLS = 20_000_000  # rows x columns of the sheet read (a sparse sheet may claim far more)
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


class XlsxSheet:
    """The rows of a sheet (each a list of cell strings, gaps filled with ``""``), the sheet's name and
    how many formula cells it had."""

    def __init__(self, name: str, rows: list[list[str]], formulas: int) -> None:
        self.name = name
        self.rows = rows
        self.formulas = formulas


def _fail(path: Path, why: str) -> ImportFormatError:
    return ImportFormatError(f"{path}: not a valid {_KIND} ({why})")


def _parse(path: Path, zf: zipfile.ZipFile, name: str) -> etree._Element:
    raw = check_xml_part(path, zf, name, _KIND)
    try:
        return etree.fromstring(raw, safe_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise _fail(path, f"the part {excerpt(name)} is not well-formed XML: {reason(exc)}") from None


def _first_sheet(path: Path, zf: zipfile.ZipFile) -> tuple[str, str]:
    """The first sheet's name and the archive entry holding it."""
    book = _parse(path, zf, "xl/workbook.xml")
    sheet = book.find(f"{{{_MAIN}}}sheets/{{{_MAIN}}}sheet")
    if sheet is None:
        raise _fail(path, "the workbook has no sheet")
    name, rid = sheet.get("name") or "Sheet1", sheet.get(f"{{{_REL}}}id")
    target = "xl/worksheets/sheet1.xml"
    if rid and "xl/_rels/workbook.xml.rels" in zf.namelist():
        rels = _parse(path, zf, "xl/_rels/workbook.xml.rels")
        for rel in rels.iter(f"{{{_PKG_REL}}}Relationship"):
            if rel.get("Id") == rid and rel.get("TargetMode") != "External":
                ref = rel.get("Target") or ""
                target = ref.lstrip("/") if ref.startswith("/") else posixpath.normpath(posixpath.join("xl", ref))
    if target.startswith("..") or not target.startswith("xl/"):
        raise _fail(path, f"the first sheet points outside the workbook ({excerpt(target)})")
    return name, target


def _text(node: etree._Element) -> str:
    """The text of a shared or inline string: its ``t`` runs, phonetic guides (``rPh``) left out."""
    parts: list[str] = []
    for t in node.iter(f"{{{_MAIN}}}t"):
        parent = t.getparent()
        if parent is not None and parent.tag == f"{{{_MAIN}}}rPh":
            continue
        parts.append(t.text or "")
    return "".join(parts)


def _shared_strings(path: Path, zf: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    root = _parse(path, zf, "xl/sharedStrings.xml")
    return [_text(si) for si in root.iterchildren(f"{{{_MAIN}}}si")]


_DATE_FORMATS = frozenset([*range(14, 23), 45, 46, 47])  # the built-in number formats that show a date or a time
_DATE_CODE = re.compile(r"[dmyhs]", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')  # literal text, colours and conditions, escapes in a format code


def _date_styles(path: Path, zf: zipfile.ZipFile) -> frozenset[int]:
    """The cell styles (``s`` of a cell, an index into ``cellXfs``) whose number format shows a date."""
    if "xl/styles.xml" not in zf.namelist():
        return frozenset()
    root = _parse(path, zf, "xl/styles.xml")
    custom = set()
    for fmt in root.iter(f"{{{_MAIN}}}numFmt"):
        code = _QUOTED.sub("", fmt.get("formatCode") or "")
        if _DATE_CODE.search(code) and (fmt.get("numFmtId") or "").isdigit():
            custom.add(int(fmt.get("numFmtId") or 0))
    xfs = root.find(f"{{{_MAIN}}}cellXfs")
    if xfs is None:
        return frozenset()
    out = set()
    for i, xf in enumerate(xfs.iterchildren(f"{{{_MAIN}}}xf")):
        fid = xf.get("numFmtId") or "0"
        if fid.isdigit() and (int(fid) in _DATE_FORMATS or int(fid) in custom):
            out.add(i)
    return frozenset(out)


def _as_date(value: str) -> str:
    """A date cell's serial number (days since 1899-12-30, the 1900 date system) as ISO 8601; left as it is when it
    is no number a date can be."""
    try:
        serial = float(value)
    except ValueError:
        return value
    if not 0 <= serial < 2_958_466:  # up to 9999-12-31
        return value
    moment = dt.datetime(1899, 12, 30) + dt.timedelta(days=serial)
    moment = moment.replace(microsecond=0) + dt.timedelta(seconds=round(moment.microsecond / 1e6))
    if moment.time() == dt.time(0):
        return moment.date().isoformat()
    return moment.isoformat(sep=" ") if serial >= 1 else moment.time().isoformat()


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _cell_value(path: Path, cell: etree._Element, shared: list[str], dates: frozenset[int]) -> str:
    kind = cell.get("t") or "n"
    if kind == "inlineStr":
        inline = cell.find(f"{{{_MAIN}}}is")
        return _text(inline) if inline is not None else ""
    v = cell.find(f"{{{_MAIN}}}v")
    value = (v.text or "") if v is not None else ""
    if kind == "s":
        try:
            return shared[int(value)]
        except (ValueError, IndexError):
            raise _fail(path, f"cell {excerpt(cell.get('r') or '?')} names no shared string") from None
    if kind == "b":
        return {"1": "TRUE", "0": "FALSE"}.get(value, value)
    style = cell.get("s") or ""
    if kind == "n" and value and style.isdigit() and int(style) in dates:
        return _as_date(value)
    return value


def read_xlsx_rows(path: Path, data: bytes) -> XlsxSheet:
    """The first sheet of the workbook ``data`` (a file called ``path``) as rows of strings."""
    zf = open_zip(path, data, _KIND)
    with zf:
        if "xl/workbook.xml" not in zf.namelist():
            raise _fail(path, "no xl/workbook.xml: not an Excel workbook")
        name, target = _first_sheet(path, zf)
        shared = _shared_strings(path, zf)
        dates = _date_styles(path, zf)
        root = _parse(path, zf, target)
    rows: dict[int, dict[int, str]] = {}
    formulas = 0
    next_row = 0
    for row in root.iter(f"{{{_MAIN}}}row"):
        r = row.get("r")
        index = int(r) - 1 if r is not None and r.isdigit() else next_row
        if not 0 <= index < MAX_ROWS:
            raise _fail(path, f"row {excerpt(r or '?')} is outside a sheet")
        next_row = index + 1
        cells = rows.setdefault(index, {})
        next_col = 0
        for cell in row.iterchildren(f"{{{_MAIN}}}c"):
            ref = _REF.fullmatch(cell.get("r") or "")
            col = _column(ref.group(1)) if ref is not None else next_col
            if not 0 <= col < MAX_COLUMNS:
                raise _fail(path, f"cell {excerpt(cell.get('r') or '?')} is outside a sheet")
            next_col = col + 1
            if cell.find(f"{{{_MAIN}}}f") is not None:
                formulas += 1  # never evaluated: the value saved with it, if any, is read
            value = _cell_value(path, cell, shared, dates)
            if value:
                cells[col] = value
    width = max((max(c) + 1 for c in rows.values() if c), default=0)
    filled = sum(1 for c in rows.values() if c)
    if width * filled > MAX_CELLS:
        raise _fail(path, f"{filled:,} rows of {width:,} columns: over the limit of {MAX_CELLS:,} cells")
    out: list[list[str]] = []
    for index in sorted(rows):
        cells = rows[index]
        if cells:
            out.append([cells.get(col, "") for col in range(width)])
    return XlsxSheet(name, out, formulas)
