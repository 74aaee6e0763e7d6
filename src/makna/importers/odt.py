"""OpenDocument text (.odt): paragraphs, headings, lists and tables in document order.

Each paragraph or heading is one line; ``text:s`` (repeated spaces), ``text:tab`` and
``text:line-break`` become spaces, a tab and a line break. Runs of white space inside the XML text
collapse to one space, as the OpenDocument format prescribes. A table row is one line, its cells
joined by ``" | "`` (a transcript laid out as a table of speakers and what they said reads as ``Speaker:
text`` lines: :func:`~makna.importers._base.table_lines`); a table nested in a cell is rendered inline
with its rows joined by ``" / "``.
Footnotes, comments, frames (text boxes, images), tracked deletions and generated indexes (a table
of contents) are left out.

The archive passes :func:`makna.importers._safety.open_zip`, and every XML part is checked for a DTD
and for well-formedness before odfpy loads it (odfpy itself swallows XML errors).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ImportFormatError, excerpt, reason
from ..text import normalize_text
from ._base import ImportedText, register, table_lines
from ._safety import check_xml_part, open_zip, read_part

__all__ = ["MEDIA_TYPE", "read_odt"]

MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
_KIND = ".odt"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_ACCEPTED_MIMETYPES = (MEDIA_TYPE, f"{MEDIA_TYPE}-template", "application/vnd.oasis.opendocument.text-master")
_WS = re.compile(r"[ \t\r\n]+")
_MAX_REPEAT = 100  # honour number-columns-repeated / number-rows-repeated up to this
_MAX_SPACES = 10_000  # a text:s longer than this is no document's spacing: refused


class _Refused(ValueError):
    """The document asks for something no word processor writes (the message says what)."""

# Elements whose content is not part of the running text.
_SKIP = frozenset(
    [(_TEXT_NS, n) for n in ("note", "tracked-changes", "sequence-decls", "variable-decls")]
    + [(_TEXT_NS, n) for n in ("user-field-decls", "table-of-content", "alphabetical-index")]
    + [(_TEXT_NS, n) for n in ("illustration-index", "bibliography", "table-index", "object-index")]
    + [(_TEXT_NS, "user-index")]
    + [(_OFFICE_NS, "annotation"), (_OFFICE_NS, "annotation-end"), (_OFFICE_NS, "forms")]
    + [(_DRAW_NS, "frame"), (_DRAW_NS, "a"), (_DRAW_NS, "custom-shape")]
)
_LINE = {(_TEXT_NS, "p"), (_TEXT_NS, "h")}
_TABLE = (_TABLE_NS, "table")
_ROW = (_TABLE_NS, "table-row")
_ROW_GROUPS = {(_TABLE_NS, n) for n in ("table-header-rows", "table-rows", "table-row-group")}
_CELLS = {(_TABLE_NS, "table-cell"), (_TABLE_NS, "covered-table-cell")}


def _repeat(el: Any, attr: str) -> int:
    raw = el.attributes.get((_TABLE_NS, attr))
    try:
        return max(1, min(int(raw), _MAX_REPEAT)) if raw is not None else 1
    except (TypeError, ValueError):
        return 1


def _inline(el: Any, out: list[str]) -> None:
    for node in el.childNodes:
        if node.nodeType == node.TEXT_NODE:
            out.append(_WS.sub(" ", node.data))
            continue
        if node.nodeType != node.ELEMENT_NODE or node.qname in _SKIP:
            continue
        ns, name = node.qname
        if ns == _TEXT_NS and name == "s":
            raw = node.attributes.get((_TEXT_NS, "c"))
            out.append(" " * _spaces(raw))
        elif ns == _TEXT_NS and name == "tab":
            out.append("\t")
        elif ns == _TEXT_NS and name == "line-break":
            out.append("\n")
        else:
            _inline(node, out)


def _spaces(raw: Any) -> int:
    """The number of spaces a ``text:s`` stands for (its ``text:c``, 1 when absent or not a number)."""
    if raw is None or not (str(raw).isascii() and str(raw).isdigit()):
        return 1
    digits = str(raw).lstrip("0") or "0"
    if len(digits) > len(str(_MAX_SPACES)) or int(digits) > _MAX_SPACES:
        raise _Refused(f"a text:s element asks for {excerpt(digits, 20)} spaces, over the limit of {_MAX_SPACES:,}")
    return int(digits)


def _cell_text(cell: Any) -> str:
    parts: list[str] = []
    for kind, text in _blocks(cell, nested=True):
        text = " ".join(text.split()) if kind == "p" else text
        if text:
            parts.append(text)
    return " ".join(parts)


def _rows(el: Any) -> Iterator[Any]:
    """Rows of a table, looking through header-rows, rows and row-group wrappers."""
    for node in el.childNodes:
        if node.nodeType != node.ELEMENT_NODE:
            continue
        if node.qname == _ROW:
            for _ in range(_repeat(node, "number-rows-repeated")):
                yield node
        elif node.qname in _ROW_GROUPS:
            yield from _rows(node)


def _table_rows(table: Any) -> list[str]:
    rows: list[list[str]] = []
    for row in _rows(table):
        cells: list[str] = []
        for node in row.childNodes:
            if node.nodeType == node.ELEMENT_NODE and node.qname in _CELLS:
                cells.extend([_cell_text(node)] * _repeat(node, "number-columns-repeated"))
        while cells and not cells[-1]:
            cells.pop()
        rows.append(cells)
    return table_lines(rows)


def _blocks(container: Any, *, nested: bool = False) -> Iterator[tuple[str, str]]:
    for node in container.childNodes:
        if node.nodeType != node.ELEMENT_NODE or node.qname in _SKIP:
            continue
        if node.qname in _LINE:
            out: list[str] = []
            _inline(node, out)
            yield "p", "".join(out)
        elif node.qname == _TABLE:
            rows = _table_rows(node)
            if nested:
                yield "tbl", " / ".join(rows)
            else:
                for row in rows:
                    yield "tbl", row
        else:  # lists, list items, sections, ...
            yield from _blocks(node, nested=nested)


def _check_archive(path: Path, data: bytes) -> None:
    with open_zip(path, data, _KIND) as zf:
        names = zf.namelist()
        if "mimetype" in names:
            mimetype = read_part(path, zf, "mimetype", _KIND).decode("ascii", "replace").strip()
            if mimetype not in _ACCEPTED_MIMETYPES:
                raise ImportFormatError(f"{path}: not a valid {_KIND} (it is a {excerpt(mimetype)} document)")
        for required in ("content.xml", "META-INF/manifest.xml"):
            if required not in names:
                raise ImportFormatError(f"{path}: not a valid {_KIND} (no {required} in the archive)")
        for name in names:
            if name.endswith(".xml") or name.endswith(".rdf"):
                check_xml_part(path, zf, name, _KIND, parse=True)


@register(".odt", ".ott")
def read_odt(path: Path, data: bytes) -> ImportedText:
    """Read an .odt file's body text (see the module documentation for the layout)."""
    _check_archive(path, data)
    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
        body = document.text
    except Exception as exc:  # odfpy raises many kinds on a broken package
        raise ImportFormatError(f"{path}: not a valid {_KIND} ({type(exc).__name__}: {reason(exc)})") from None
    if body is None:  # odfpy found no office:text (the manifest names another kind of document)
        raise ImportFormatError(
            f"{path}: not a valid {_KIND} (no text body: content.xml or META-INF/manifest.xml is not a text document's)"
        )
    try:
        lines = [text for _, text in _blocks(body)]
    except _Refused as exc:
        raise ImportFormatError(f"{path}: not a valid {_KIND} ({exc})") from None
    text = normalize_text("\n".join(lines)).strip("\n")
    return ImportedText(text=text, media_type=MEDIA_TYPE)
