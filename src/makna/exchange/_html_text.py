"""The text of an HTML document as Taguette counts it, and makna's text made from it.

Taguette (1.x) stores each document as sanitised HTML and a highlight's offsets as UTF-8 bytes of
the document's text nodes, HTML tags not counted (its ``extract.py``; the browser counts the same with
``TextEncoder``). The text nodes are those of an HTML5 parse (html5lib in Taguette): entities decoded,
CR LF and lone CR read as LF, NUL as U+FFFD, and a newline right after ``<pre>``, ``<listing>`` or
``<textarea>`` dropped. :class:`HtmlText` reproduces that text with :mod:`html.parser`, which gives the
same nodes for the well-formed HTML Taguette writes (the importer checks every highlight against the
snippet Taguette stored with it, so a difference is reported, never imported silently).

makna's text is the same characters with a line break inserted where a block element (a paragraph, a
heading, a list item, a ``<br>``) ends and no whitespace separates it from the next text, so that
paragraphs stay apart; :meth:`HtmlText.raw_offset` maps a Taguette byte offset onto that text.
"""

from __future__ import annotations

import bisect
from html.parser import HTMLParser

__all__ = ["HtmlText", "html_text"]

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_CELL = frozenset({"td", "th"})
_LEADING_NEWLINE = frozenset({"pre", "listing", "textarea"})


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self.breaks: list[str] = []  # what to insert before each node ("" none, "\n", "\t")
        self._pending = ""
        self._drop_newline = False

    def _mark(self, tag: str) -> None:
        if tag in _CELL:
            self._pending = self._pending or "\t"
        elif tag in _BLOCK:
            self._pending = "\n"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(tag)
        self._drop_newline = tag in _LEADING_NEWLINE

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(tag)

    def handle_endtag(self, tag: str) -> None:
        self._mark(tag)
        self._drop_newline = False

    def handle_data(self, data: str) -> None:
        if self._drop_newline and data.startswith("\n"):
            data = data[1:]
        self._drop_newline = False
        if not data:
            return
        self.nodes.append(data)
        self.breaks.append(self._pending)
        self._pending = ""


class HtmlText:
    """The text nodes of one HTML document: Taguette's text (:attr:`text`), makna's raw text with
    paragraph breaks (:attr:`raw`, before NFC) and the mapping of Taguette's byte offsets onto it."""

    def __init__(self, html: str) -> None:
        html = html.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
        collector = _Collector()
        collector.feed(html)
        collector.close()
        self._byte_starts: list[int] = []  # Taguette byte offset of each node
        self._char_starts: list[int] = []  # Taguette character offset of each node
        self._raw_starts: list[int] = []  # offset of each node in :attr:`raw`
        self._nodes = collector.nodes
        self._encoded: dict[int, bytes] = {}  # node index -> its UTF-8 bytes, once a highlight needs them
        raw: list[str] = []
        text_len = raw_len = byte = 0
        for node, brk in zip(collector.nodes, collector.breaks, strict=True):
            if brk and raw_len and not raw[-1][-1:].isspace() and not node[:1].isspace():
                raw.append(brk)
                raw_len += len(brk)
            self._byte_starts.append(byte)
            self._char_starts.append(text_len)
            self._raw_starts.append(raw_len)
            raw.append(node)
            byte += len(node.encode("utf-8", "surrogatepass"))
            text_len += len(node)
            raw_len += len(node)
        self.bytes = byte
        self.text = "".join(collector.nodes)
        self.raw = "".join(raw)

    def _locate(self, offset: int, after: bool) -> tuple[int, int] | None:
        """(Taguette character offset, raw offset) of a byte offset; None when it falls inside a
        character or outside the text. A start (``after``) at a node boundary goes to the next node,
        an end to the previous one, so an inserted line break is never part of a highlight's edge."""
        if offset < 0 or offset > self.bytes or not self._nodes:
            return None
        if after:
            i = bisect.bisect_right(self._byte_starts, offset) - 1
            while i + 1 < len(self._nodes) and self._byte_starts[i + 1] == offset:
                i += 1
        else:
            i = max(0, bisect.bisect_left(self._byte_starts, offset) - 1)
        node = self._nodes[i]
        within = offset - self._byte_starts[i]
        if node.isascii():
            if within > len(node):
                return None
            return self._char_starts[i] + within, self._raw_starts[i] + within
        encoded = self._encoded.get(i)
        if encoded is None:
            encoded = self._encoded[i] = node.encode("utf-8", "surrogatepass")
        if within > len(encoded):
            return None
        if within < len(encoded) and (encoded[within] & 0xC0) == 0x80:
            return None  # inside a character's UTF-8 bytes
        chars = len(encoded[:within].decode("utf-8", "surrogatepass"))
        return self._char_starts[i] + chars, self._raw_starts[i] + chars

    def span(self, start: int, end: int) -> tuple[int, int, int, int] | str:
        """(Taguette start, end, raw start, end) in characters for a highlight's byte offsets, or why not."""
        if end <= start:
            return f"empty or reversed highlight {start}:{end}"
        if start < 0 or end > self.bytes:
            return f"highlight {start}:{end} lies outside the document's text ({self.bytes} UTF-8 bytes)"
        a, b = self._locate(start, True), self._locate(end, False)
        if a is None or b is None:
            which = "start" if a is None else "end"
            return f"highlight {start}:{end}: its {which} falls inside a character (UTF-8 bytes)"
        return a[0], b[0], a[1], b[1]


def html_text(html: str) -> str:
    """The text nodes of an HTML fragment joined (a Taguette snippet's text)."""
    return HtmlText(html).text
