"""Reading the cells of an .xlsx workbook's first sheet as text (a Taguette highlights export).

The archive passes :func:`makna.importers._safety.open_zip` (size, ratio, entry names) and each XML
part :func:`makna.importers._safety.check_xml_part` (no DTD, no entities) before lxml parses it with
a safe parser. Only what a table of text needs is read: shared strings, inline strings, numbers and
booleans as they are written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from ..importers._safety import MAX_UNCOMPRESSED, check_xml_part, open_zip, safe_xml_parser

__all__ = ["read_sheet"]

_KIND = ".xlsx"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_MAX_COLUMNS = 1000


def _parse(path: Path, zf: Any, name: str) -> Any:
    from ..errors import ImportFormatError

    raw = check_xml_part(path, zf, name, _KIND)
    try:
        return etree.fromstring(raw, safe_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise ImportFormatError(f"{path}: not a valid {_KIND} (the part {name} is not well-formed XML: {exc})") \
            from None


def _text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(f"{_MAIN}t"))


def _first_sheet(path: Path, zf: Any, names: set[str]) -> str:
    if "xl/workbook.xml" in names and "xl/_rels/workbook.xml.rels" in names:
        book = _parse(path, zf, "xl/workbook.xml")
        sheet = next(book.iter(f"{_MAIN}sheet"), None)
        rid = sheet.get(f"{_REL}id") if sheet is not None else None
        rels = _parse(path, zf, "xl/_rels/workbook.xml.rels")
        for rel in rels.iter(f"{_PKG_REL}Relationship"):
            if rel.get("Id") == rid:
                target = (rel.get("Target") or "").lstrip("/")
                target = target if target.startswith("xl/") else f"xl/{target}"
                if target in names:
                    return target
    return "xl/worksheets/sheet1.xml"


def read_sheet(path: Path) -> list[list[str]]:
    """The rows of the first worksheet of the workbook at ``path``, each cell as text."""
    data = path.read_bytes()
    with open_zip(path, data, _KIND, max_uncompressed=MAX_UNCOMPRESSED) as zf:
        names = set(zf.namelist())
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            shared = [_text(si) for si in _parse(path, zf, "xl/sharedStrings.xml").iter(f"{_MAIN}si")]
        sheet = _parse(path, zf, _first_sheet(path, zf, names))
    rows: list[list[str]] = []
    for row in sheet.iter(f"{_MAIN}row"):
        cells: dict[int, str] = {}
        for i, c in enumerate(row.iter(f"{_MAIN}c")):
            m = _REF.fullmatch(c.get("r") or "")
            col = i
            if m:
                col = 0
                for ch in m.group(1):
                    col = col * 26 + ord(ch) - 64
                col -= 1
            if col >= _MAX_COLUMNS:
                continue
            kind = c.get("t") or "n"
            v = c.find(f"{_MAIN}v")
            raw = v.text or "" if v is not None else ""
            if kind == "s":
                try:
                    value = shared[int(raw)]
                except (ValueError, IndexError):
                    value = ""
            elif kind == "inlineStr":
                inline = c.find(f"{_MAIN}is")
                value = _text(inline) if inline is not None else ""
            else:
                value = raw
            cells[col] = value
        width = max(cells) + 1 if cells else 0
        rows.append([cells.get(i, "") for i in range(width)])
    return rows
