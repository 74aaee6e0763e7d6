"""HTML: the visible text only.

Scripts, styles, the head, templates, embedded objects, comments, buttons and a page's navigation bars
(``<nav>``: a transcription service's menu, "Home | Account", is no part of what was said) are dropped. A
saved web form keeps what was typed into it: an input's value (not a hidden or password field's), a list's
chosen option, a text area's text, each apart from its label. Block elements
(paragraphs, headings, list items, table rows, ``<br>``, ...) end a line; table cells in a row are
joined by ``" | "``; white space is collapsed within each line except inside ``<pre>``; blank lines
are dropped. HTML's own character references (``&amp;``, ``&eacute;``) are decoded; entities a
document declares itself are not expanded and no external resource is ever fetched: the parser is
lxml's HTML parser with ``no_network=True``, which does not process DTDs.

Nothing is left out silently: elements may nest up to :data:`MAX_DEPTH` deep (libxml2's limit with
``huge_tree``) and a text node may be as long as the file; a document that the parser has to stop
reading (deeper nesting) is refused with an error saying why, never imported in part.

The encoding is taken from a byte-order mark, else a ``<meta charset>`` in the first 4 KiB, else
UTF-8, else the legacy encoding that :func:`makna.importers.txt.decode_text` detects.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import EncodingError, ImportFormatError, excerpt, reason
from ..text import normalize_text
from ._base import ImportedText, register
from .txt import decode_text

__all__ = ["MAX_DEPTH", "MEDIA_TYPE", "HTMLLimitError", "decode_html", "html_to_text", "parse_html", "read_html"]

MEDIA_TYPE = "text/html"
_DROP = frozenset(
    "head title script style noscript template iframe object embed svg math canvas audio video "
    "datalist nav button".split()
)
_BLOCK = frozenset(
    "address article aside blockquote body br caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p "
    "section summary table tbody tfoot thead tr ul legend".split()
)
_CELLS = frozenset(("td", "th"))
# A saved web form: what was typed into a field is text, apart from its label; hidden and password fields
# and the chosen-from lists are not (a <select> gives its chosen option only).
_SPACED = frozenset(("label", "textarea", "output"))
_TYPED = frozenset("text date datetime-local email month number search tel time url week".split())
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# An XML declaration, then a doctype, possibly with an internal subset that HTML parsers do not
# understand (they would show its tail as text): both are removed before parsing.
_PROLOG = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>)?\s*(?:<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)?", re.IGNORECASE | re.DOTALL
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: How deep elements may nest (libxml2's limit with ``huge_tree``).
MAX_DEPTH = 2048


class HTMLLimitError(ValueError):
    """The parser stopped before the end of the document: importing what it read would lose text."""


def decode_html(path: Path, data: bytes) -> tuple[str, str]:
    """The markup of an HTML file and its encoding (see the module doc)."""
    if data.startswith(_BOMS):
        return decode_text(path, data)
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii").lower()
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = ""
        if name.startswith(("utf-16", "utf-32")):  # a meta tag cannot be read in those: HTML says UTF-8
            name = "utf-8"
        if name:
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{path}: declares charset {excerpt(declared)} but is not valid {name} "
                    f"({exc.reason} at byte {exc.start})"
                ) from None
    return decode_text(path, data)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buf.append(text)

    def brk(self) -> None:
        line = " ".join("".join(self.buf).split())
        if line:
            self.lines.append(line)
        self.buf = []

    def verbatim(self, text: str) -> None:
        self.brk()
        self.lines.extend(line.rstrip() for line in text.strip("\n").split("\n") if line.strip())


def _tag(el: Any) -> str | None:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def parse_html(markup: str) -> Any:
    """The root element of an HTML document or fragment (None when it holds nothing), parsed as the module
    doc says (no network, no DTD). Raises :class:`HTMLLimitError` when the parser cannot read it to its end."""
    markup = _PROLOG.sub("", markup, count=1)
    if not markup.strip():
        return None
    # huge_tree: nesting up to MAX_DEPTH (not 256) and text nodes over 10 MB; no DTD is read either way
    parser = etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, default_doctype=False, huge_tree=True
    )
    root = etree.fromstring(markup, parser)
    fatal = [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]
    if fatal:
        message = fatal[0].message
        if "depth" in message.lower():
            message = f"elements nested more than {MAX_DEPTH} deep"
        raise HTMLLimitError(f"the parser stopped at line {fatal[0].line}: {message}")
    return root


def _field_value(el: Any, tag: str) -> str:
    """What a saved form's field holds: an input's typed value, a list's chosen option (else nothing)."""
    if tag == "input":
        kind = (el.get("type") or "text").strip().lower()
        return (el.get("value") or "") if kind in _TYPED else ""
    chosen = [o for o in el.iter("option") if o.get("selected") is not None]
    return " ".join("".join(o.itertext()) for o in chosen)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document or fragment, one line per block (see the module doc).
    Raises :class:`HTMLLimitError` when the parser cannot read the document to its end."""
    root = parse_html(markup)
    if root is None:
        return ""
    out = _Lines()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = _tag(el)
        if closing:
            if tag in _BLOCK:
                out.brk()
            elif tag in _SPACED:
                out.add(" ")
            out.add(el.tail)
            continue
        if tag is None or tag in _DROP:
            out.add(el.tail)
            continue
        if tag in ("input", "select"):
            out.add(f" {_field_value(el, tag)} ")
            out.add(el.tail)
            continue
        if tag in _SPACED:
            out.add(" ")
        if tag in _BLOCK:
            out.brk()
        elif tag in _CELLS and any(_tag(s) in _CELLS for s in el.itersiblings(preceding=True)):
            out.add(" | ")
        if tag == "pre":
            out.verbatim("".join(el.itertext()))
            out.add(el.tail)
            continue
        out.add(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    out.brk()
    return "\n".join(out.lines)


@register(".html", ".htm", ".xhtml")
def read_html(path: Path, data: bytes) -> ImportedText:
    """Read the visible text of an HTML file (a page of a Telegram chat export: its messages, by
    :mod:`makna.importers.telegram`)."""
    markup, encoding = decode_html(path, data)
    notes = [] if encoding.replace("_", "-").startswith(("utf-8", "utf-16")) else [f"decoded as {encoding}"]
    from .telegram import looks_like_telegram, parse_telegram  # (it reads its pages with this module)

    if looks_like_telegram(markup):
        return parse_telegram([(path, markup)], encoding=encoding, notes=notes)
    try:
        text = html_to_text(markup)
    except HTMLLimitError as exc:
        raise ImportFormatError(f"{path}: cannot be read whole, so not imported ({reason(exc)})") from None
    except (etree.LxmlError, ValueError) as exc:
        raise ImportFormatError(f"{path}: not a valid HTML document ({reason(exc)})") from None
    return ImportedText(text=normalize_text(text), media_type=MEDIA_TYPE, encoding=encoding, notes=notes)
