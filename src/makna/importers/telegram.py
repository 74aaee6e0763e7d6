"""Telegram Desktop chat exports in HTML ("Export chat history", format HTML).

An export is a folder: ``messages.html``, ``messages2.html``, ... (about a thousand messages a page) with
``css/``, ``js/`` and, when media were exported, ``photos/``, ``voice_messages/``... Recognised by content,
not by name: :func:`looks_like_telegram` is asked by the ``.html`` reader, so a plain web page still reads
as HTML. Three ways in, all giving the same text:

* one page (``messages2.html``): that page alone;
* the export's folder (``makna import ChatExport_2024-03-12/``): its pages in their order, as one source;
* a ``.zip`` of the folder: the same, checked as every archive is (:mod:`makna.importers._safety`).

The stored text has one line per message, ``"Sender: message"``, each a
:class:`~makna.text.TurnSpan` with the sender as speaker and the message's date and time (the ``title`` of
its ``div.date``, ``12.03.2024 19:02:11 UTC+07:00``) as ``time_start`` (``"2024-03-12T19:02:11"``: the
clock time the export shows, its time zone left out like a WhatsApp export's). A message that continues
its sender's run (Telegram "joins" it: no ``from_name``) takes the previous sender, across pages too. The
lines of a message are joined by a space. What else a message holds is written plainly before its text:

* a reply: ``[reply to Name]`` (the replied message's sender, when the export holds it; else ``[reply]``);
* a forward: ``[forwarded from Name]``;
* media: ``[photo]``, ``[video]``, ``[voice message]``, ``[file]``, ``[sticker]``, ``[location]``,
  ``[contact]``, ``[poll]``, ``[call]``... the kind only: a file's name, a contact's number, a place's
  coordinates are left out (they would identify people before de-identification could see them).

Service messages (date separators, "Rina joined the group") and the page's header (the chat's title,
often a contact's name) are left out and counted in a note. Scripts and styles are never text; markup is
parsed as :mod:`makna.importers.html` parses it (no network, no DTD, no entity of the file's own).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ImportFormatError, InputError, excerpt, reason
from ..text import TurnSpan, normalize_text
from ._base import MAX_FILE_BYTES, ImportedText, register
from ._safety import ZIP_READ_ERRORS, open_zip
from .html import HTMLLimitError, decode_html, parse_html

__all__ = [
    "MAX_PAGES",
    "MEDIA_TYPE",
    "ChatReading",
    "chat_text",
    "is_export_folder",
    "looks_like_telegram",
    "page_number",
    "parse_telegram",
    "read_export_folder",
    "read_telegram_zip",
]

MEDIA_TYPE = "text/x-telegram-html"
#: The most pages one export may have (a page holds about a thousand messages).
MAX_PAGES = 10_000
_SAMPLE_CHARS = 64_000
_WRAP = re.compile(r"""<div\s+class\s*=\s*["']page_wrap["']""", re.IGNORECASE)
_HISTORY = re.compile(r"""<div\s+class\s*=\s*["'][^"']*\bhistory\b""", re.IGNORECASE)
_PAGE = re.compile(r"messages(?P<n>[1-9]\d{0,6})?\.html", re.IGNORECASE)
_STAMP = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}) (?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?")
_TARGET = re.compile(r"go_to_message(?P<id>-?\d{1,18})")
_SKIP = frozenset(("script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed"))
# The class of a media element -> the placeholder; the first found in the media's classes wins.
_MEDIA = (
    ("sticker", "sticker"),
    ("animated_wrap", "GIF"),
    ("media_voice_message", "voice message"),
    ("media_video", "video message"),
    ("video_file_wrap", "video"),
    ("media_audio_file", "audio file"),
    ("media_call", "call"),
    ("media_location", "location"),
    ("media_live_location", "location"),
    ("media_venue", "location"),
    ("media_contact", "contact"),
    ("media_poll", "poll"),
    ("media_game", "game"),
    ("media_invoice", "invoice"),
    ("media_photo", "photo"),
    ("photo_wrap", "photo"),
    ("media_file", "file"),
)
_UNKNOWN = "[unknown sender]"
_NOT_NAME = frozenset(("details", "date"))  # in a from_name: a forward's date, a bot's "via @name"


def looks_like_telegram(markup: str) -> bool:
    """True when ``markup`` starts like a page of a Telegram Desktop HTML export (its page wrapper and its
    message history)."""
    sample = markup[:_SAMPLE_CHARS]
    return _WRAP.search(sample) is not None and _HISTORY.search(sample) is not None


def page_number(name: str) -> int | None:
    """The number of an export page by its file name (``messages.html`` 1, ``messages12.html`` 12)."""
    m = _PAGE.fullmatch(name)
    if m is None:
        return None
    return int(m.group("n") or 1)


@dataclass
class ChatReading:
    """What has been read of an export so far: its pages share the running sender and the message ids."""

    lines: list[tuple[str, str | None, str]] = field(default_factory=list)  # sender, stamp, message
    senders: dict[str, str] = field(default_factory=dict)  # message id -> sender
    sender: str | None = None
    service: int = 0
    unknown: int = 0
    invalid: list[str] = field(default_factory=list)
    titles: int = 0


def _classes(el: Any) -> set[str]:
    value = el.get("class") if isinstance(el.tag, str) else None
    return set(value.split()) if value else set()


def _children(el: Any) -> dict[str, list[Any]]:
    """The ``div`` children of ``el`` by each of their classes."""
    out: dict[str, list[Any]] = {}
    for child in el:
        if child.tag == "div":  # (lxml's HTML parser gives tags in lower case)
            for cls in (child.get("class") or "").split():
                out.setdefault(cls, []).append(child)
    return out


def _text(el: Any, *, skip: frozenset[str] = frozenset()) -> str:
    """The visible text under ``el`` with its white space (line breaks included) collapsed to single spaces;
    scripts and styles left out, and elements with a class in ``skip``."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append(node.tail or "")
            continue
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if tag is None or tag in _SKIP or (skip and _classes(node) & skip):
            if node is not el:
                parts.append(node.tail or "")
            continue
        if tag == "br":
            parts.append(" ")
        parts.append(node.text or "")
        if node is not el:
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return " ".join("".join(parts).split())


def _stamp(kids: dict[str, list[Any]], reading: ChatReading) -> str | None:
    dates = kids.get("date", [])
    if not dates:
        return None
    title = dates[0].get("title") or ""
    m = _STAMP.match(title.strip())
    if m is not None:
        try:
            when = dt.datetime(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"]), int(m["M"]), int(m["S"] or 0))
        except ValueError:
            pass
        else:
            return when.isoformat(timespec="seconds" if m["S"] else "minutes")
    reading.invalid.append(excerpt(title or _text(dates[0])))
    return None


def _media(holder: dict[str, list[Any]]) -> list[str]:
    out: list[str] = []
    for wrap in holder.get("media_wrap", []):
        kinds = {c for node in wrap.iter() for c in _classes(node)}
        label = next((text for cls, text in _MEDIA if cls in kinds), "media")
        out.append(f"[{label}]")
    return out


def _content(kids: dict[str, list[Any]]) -> list[str]:
    """The media placeholders and the text of a message body (or of its forwarded part), by its children."""
    parts = _media(kids)
    parts.extend(t for t in (_text(el) for el in kids.get("text", [])) if t)
    return parts


def _message(el: Any, reading: ChatReading) -> None:
    bodies = _children(el).get("body")
    if not bodies:
        reading.service += 1
        return
    kids = _children(bodies[0])
    names = kids.get("from_name")
    if names:
        reading.sender = _text(names[0], skip=_NOT_NAME) or _UNKNOWN
    sender = reading.sender
    if sender is None:
        reading.unknown += 1
        sender = _UNKNOWN
    ident = (el.get("id") or "").removeprefix("message")
    if ident:
        reading.senders[ident] = sender
    parts: list[str] = []
    for reply in kids.get("reply_to", []):
        target = next((m.group("id") for a in reply.iter("a") if (m := _TARGET.search(a.get("href") or ""))), None)
        to = reading.senders.get(target or "")
        parts.append(f"[reply to {to}]" if to else "[reply]")
    content = _content(kids)
    for forwarded in kids.get("forwarded", []):
        inner = _children(forwarded)
        origin = inner.get("from_name")
        who = _text(origin[0], skip=_NOT_NAME) if origin else ""
        parts.append(f"[forwarded from {who}]" if who else "[forwarded]")
        content.extend(_content(inner))
    parts.extend(content or ["[no text]"])
    reading.lines.append((sender, _stamp(kids, reading), " ".join(parts)))


def _history(root: Any) -> Any | None:
    for el in root.iter("div"):
        if "history" in _classes(el):
            return el
    return None


def _read_page(path: Path, markup: str, reading: ChatReading) -> None:
    try:
        root = parse_html(markup)
    except HTMLLimitError as exc:
        raise ImportFormatError(f"{path}: cannot be read whole, so not imported ({reason(exc)})") from None
    except ValueError as exc:
        raise ImportFormatError(f"{path}: not a valid HTML document ({reason(exc)})") from None
    history = _history(root) if root is not None else None
    if history is None:
        raise ImportFormatError(f"{path}: not a Telegram export page (no message history)")
    reading.titles += any("page_header" in _classes(el) for el in root.iter("div"))
    for el in history:
        classes = _classes(el)
        if "message" not in classes:
            continue
        if "service" in classes:
            reading.service += 1
        else:
            _message(el, reading)


def parse_telegram(
    pages: Sequence[tuple[Path, str]], *, encoding: str | None = None, notes: Sequence[str] = ()
) -> ImportedText:
    """One ``"Sender: message"`` line and one turn per message of the pages ``(path, markup)``, in order."""
    reading = ChatReading()
    for path, markup in pages:
        _read_page(path, markup, reading)
    if not reading.lines:
        raise ImportFormatError(f"{pages[0][0]}: a Telegram chat export without any message")
    return chat_text(reading, media_type=MEDIA_TYPE, encoding=encoding, notes=notes)


def chat_text(
    reading: ChatReading, *, media_type: str, encoding: str | None = None, notes: Sequence[str] = ()
) -> ImportedText:
    """The text, turns and notes of a chat read (by the HTML or the JSON reader): a line per message."""
    out: list[str] = []
    turns: list[TurnSpan] = []
    pos = 0
    for sender, stamp, message in reading.lines:
        line = normalize_text(f"{sender}: {message}")
        turns.append(TurnSpan(sender, pos, pos + len(line), stamp, None))
        out.append(line)
        pos += len(line) + 1
    found = list(notes)
    if reading.titles:
        found.append("left out the Telegram chat's title (the page header)")
    if reading.service:
        found.append(f"left out {reading.service} Telegram service message(s)")
    if reading.unknown:
        found.append(
            f"{reading.unknown} Telegram message(s) continue a sender on an earlier page: "
            f"import the export's folder or .zip to keep its pages together"
        )
    if reading.invalid:
        found.append(
            f"{len(reading.invalid)} Telegram message(s) without a readable date, kept without a "
            f"timestamp ({'; '.join(reading.invalid[:3])}{'; ...' if len(reading.invalid) > 3 else ''})"
        )
    return ImportedText(text="\n".join(out), media_type=media_type, encoding=encoding, turns=turns, notes=found)


def _decoded(path: Path, data: bytes) -> tuple[str, str]:
    markup, encoding = decode_html(path, data)
    if not looks_like_telegram(markup):
        raise ImportFormatError(f"{path}: not a Telegram export page")
    return markup, encoding


def _pages(names: Iterable[str]) -> list[str]:
    """The export pages among ``names`` (paths with ``/``), in order: those beside the shallowest
    ``messages.html``."""
    names = list(names)
    firsts = sorted(
        (n for n in names if PurePosixPath(n).name.lower() == "messages.html"), key=lambda n: (n.count("/"), n)
    )
    if not firsts:
        return []
    folder = PurePosixPath(firsts[0]).parent
    numbered = [
        (num, n)
        for n in names
        if PurePosixPath(n).parent == folder and (num := page_number(PurePosixPath(n).name)) is not None
    ]
    return [n for _, n in sorted(numbered)]


def _notes(encodings: Iterable[str], pages: int) -> list[str]:
    odd = sorted({e for e in encodings if not e.replace("_", "-").startswith(("utf-8", "utf-16"))})
    notes = [f"decoded as {', '.join(odd)}"] if odd else []
    if pages > 1:
        notes.append(f"read {pages} Telegram export pages in order")
    return notes


def is_export_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a Telegram Desktop HTML export (its ``messages.html`` reads as one)."""
    first = folder / "messages.html"
    try:
        if not first.is_file():
            return False
        with first.open("rb") as fh:
            head = fh.read(_SAMPLE_CHARS)
    except OSError:
        return False
    return looks_like_telegram(head.decode("utf-8", errors="replace"))


def read_export_folder(folder: Path, *, max_bytes: int | None = None) -> ImportedText:
    """Read the pages of the export in ``folder`` as one chat; ``raw`` is the pages' bytes one after another.
    A page that is a symbolic link is refused, not followed."""
    names = _pages(p.name for p in folder.iterdir() if p.is_file())
    if not names:
        raise InputError(f"{folder}: a folder that is no Telegram export (no messages.html); import its files")
    if len(names) > MAX_PAGES:
        raise ImportFormatError(f"{folder}: {len(names):,} export pages, over the limit of {MAX_PAGES:,}")
    limit = max_bytes or MAX_FILE_BYTES
    paths = [folder / n for n in names]
    for p in paths:  # a page that is a link reads a file from elsewhere (an unpacked archive may hold links)
        if p.is_symlink():
            raise ImportFormatError(
                f"{p}: the page is a link to another file, not an export page of its own: an export holds its "
                "pages as plain files; copy the page into the folder if it belongs to this chat"
            )
    total = sum(p.stat().st_size for p in paths)
    if total > limit:
        raise ImportFormatError(f"{folder}: {total:,} bytes of pages is over the {limit:,}-byte limit for one source")
    raws = [p.read_bytes() for p in paths]
    decoded = [_decoded(p, raw) for p, raw in zip(paths, raws, strict=True)]
    result = parse_telegram(
        [(p, m) for p, (m, _) in zip(paths, decoded, strict=True)],
        encoding=decoded[0][1],
        notes=_notes((e for _, e in decoded), len(paths)),
    )
    return ImportedText(result.text, result.media_type, result.encoding, result.turns, result.notes, raw=b"".join(raws))


@register(".zip")
def read_telegram_zip(path: Path, data: bytes) -> ImportedText:
    """A .zip of a Telegram Desktop HTML export (the only archive makna reads as a source)."""
    with open_zip(path, data, ".zip of a Telegram export") as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        names = _pages(i.filename.replace("\\", "/") for i in infos)
        if not names:
            raise ImportFormatError(
                f"{path}: a .zip is read only when it holds a Telegram chat export "
                f"(messages.html); unpack it and import its files"
            )
        if len(names) > MAX_PAGES:
            raise ImportFormatError(f"{path}: {len(names):,} export pages, over the limit of {MAX_PAGES:,}")
        by_name = {i.filename.replace("\\", "/"): i for i in infos}
        pages: list[tuple[Path, str]] = []
        encodings: list[str] = []
        for name in names:
            shown = Path(f"{path}:{name}")
            try:
                raw = zf.read(by_name[name])
            except ZIP_READ_ERRORS as exc:
                raise ImportFormatError(f"{path}: cannot read {excerpt(name)} ({reason(exc)})") from None
            if not raw:
                raise ImportFormatError(f"{shown}: the page is empty")
            markup, encoding = _decoded(shown, raw)
            pages.append((shown, markup))
            encodings.append(encoding)
    return parse_telegram(pages, encoding=encodings[0], notes=_notes(encodings, len(pages)))
