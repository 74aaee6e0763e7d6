"""Word .docx: the body's paragraphs and tables in reading order.

Only the main document body is read: headers, footers, footnotes, comments, text boxes and
deleted (tracked) text are left out (a page header or footer that holds text, the comments, footnotes
and endnotes are named in a note, so that details written there, such as the informant's, are not lost unseen); inserted
(tracked) text is kept. Each paragraph is one line (a soft line break inside it starts a new line). A table row
is one line, its cells joined by ``" | "`` (a transcript laid out as a table of speakers and what they
said reads as ``Speaker: text`` lines: :func:`~makna.importers._base.table_lines`); within a cell,
paragraphs are joined by a space, and a table nested in a cell is rendered inline with its rows
joined by ``" / "``. A vertically merged cell's continuation is empty.

The archive passes :func:`makna.importers._safety.open_zip` (size, ratio, entry names) and every
XML part is refused if it declares a DTD before python-docx opens it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ImportFormatError, reason
from ..text import normalize_text
from ._base import ImportedText, register, table_lines
from ._safety import check_xml_part, open_zip

__all__ = ["MEDIA_TYPE", "read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_T, _TAB, _PTAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr"
_NBH = f"{_W}noBreakHyphen"
# Elements whose content is never part of the running text.
_SKIP = frozenset(
    f"{_W}{name}"
    for name in ("pPr", "rPr", "del", "moveFrom", "txbxContent", "instrText", "delText", "fldData", "sectPr")
) | {f"{_MC}Fallback"}
# Block-level wrappers whose children are blocks: content controls, custom XML, tracked moves.
_BLOCK_WRAPPERS = frozenset(f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
_KIND = ".docx"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _inline_text(el: Any, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NBH:
            out.append("-")
        else:
            _inline_text(child, out)


def _paragraph_text(p: Any) -> str:
    out: list[str] = []
    _inline_text(p, out)
    return "".join(out)


def _children(el: Any, wanted: str) -> Iterator[Any]:
    """Children of ``el`` with tag ``wanted``, looking through content controls and custom XML."""
    for child in el:
        if child.tag == wanted:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, wanted)


def _cell_text(tc: Any) -> str:
    tc_pr = tc.find(f"{_W}tcPr")
    if tc_pr is not None:
        v_merge = tc_pr.find(f"{_W}vMerge")
        if v_merge is not None and v_merge.get(f"{_W}val", "continue") == "continue":
            return ""
    parts: list[str] = []
    for kind, text in _blocks(tc, nested=True):
        text = " ".join(text.split()) if kind == "p" else text
        if text:
            parts.append(text)
    return " ".join(parts)


def _table_rows(tbl: Any) -> list[str]:
    return table_lines([[_cell_text(tc) for tc in _children(tr, _TC)] for tr in _children(tbl, _TR)])


def _blocks(container: Any, *, nested: bool = False) -> Iterator[tuple[str, str]]:
    """(kind, text) for each paragraph ("p") and table ("tbl") of ``container`` in document order.
    A top-level table yields one item per row; a nested one, one item for the whole table."""
    for child in container:
        tag = child.tag
        if tag == _P:
            yield "p", _paragraph_text(child)
        elif tag == _TBL:
            rows = _table_rows(child)
            if nested:
                yield "tbl", " / ".join(rows)
            else:
                for row in rows:
                    yield "tbl", row
        elif tag in _BLOCK_WRAPPERS:
            yield from _blocks(child, nested=nested)


def _check_archive(path: Path, data: bytes) -> None:
    with open_zip(path, data, _KIND) as zf:
        names = zf.namelist()
        if "[Content_Types].xml" not in names:
            raise ImportFormatError(
                f"{path}: not a valid {_KIND} (no [Content_Types].xml: not an Office document)"
            )
        for name in names:
            if name.endswith((".xml", ".rels")):
                check_xml_part(path, zf, name, _KIND)


@register(".docx")
def read_docx(path: Path, data: bytes) -> ImportedText:
    """Read a .docx file's body text (see the module documentation for the layout)."""
    _check_archive(path, data)
    import docx  # python-docx: imported here so that the registry stays cheap to load

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise ImportFormatError(f"{path}: not a valid {_KIND} ({type(exc).__name__}: {reason(exc)})") from None
    lines = [text for _, text in _blocks(body)]
    text = normalize_text("\n".join(lines)).strip("\n")
    return ImportedText(text=text, media_type=MEDIA_TYPE, notes=_margin_notes(document) + _comment_notes(data))


# parts left out with a note: the part, its entries' tag, what the note calls them
_NOTED_PARTS = (("word/comments.xml", "comment", "comment(s)"), ("word/footnotes.xml", "footnote", "footnote(s)"),
                ("word/endnotes.xml", "endnote", "endnote(s)"))


def _comment_notes(data: bytes) -> list[str]:
    """A note for each of the document's comments, footnotes and endnotes parts that holds text (checked by
    :func:`_check_archive`): they are not imported. The note counts them and their characters, never their text
    or authors; footnote separators (entries with a ``w:type``) are no footnotes."""
    import zipfile

    from lxml import etree

    notes: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        for part, tag, what in _NOTED_PARTS:
            if part not in names:
                continue
            try:
                root = etree.fromstring(zf.read(part), etree.XMLParser(resolve_entities=False))
            except etree.XMLSyntaxError:  # a part no relationship names, which python-docx never read
                continue
            entries = [e for e in root.iter(f"{_W}{tag}") if e.get(f"{_W}type") is None]
            size = sum(len("".join(t.text or "" for t in e.iter(_T)).strip()) for e in entries)
            if entries and size:
                notes.append(f"left out {len(entries)} {what} of the document ({size} characters): copy what they "
                             "say into the body if the transcript needs it (and de-identify it there)")
    return notes


def _margin_notes(document: Any) -> list[str]:
    """A note for the page headers and footers that hold text: they are not imported. The note says
    how much text, never the text (it may name the informant)."""
    sizes: dict[str, int] = {}
    for part in document.part.package.iter_parts():
        kind = str(part.partname).rsplit("/", 1)[-1]
        if not kind.startswith(("header", "footer")) or not kind.endswith(".xml"):
            continue
        element = getattr(part, "element", None)
        if element is None:
            continue
        size = len("".join(t.text or "" for t in element.iter(_T)).strip())
        if size:
            which = "page header" if kind.startswith("header") else "page footer"
            sizes[which] = sizes.get(which, 0) + size
    return [
        f"the {which} ({size} characters) is not imported: copy what it says into the body if the transcript "
        "needs it (and de-identify it there)"
        for which, size in sizes.items()
    ]
