"""WhatsApp chat exports (the ``.txt`` file "Export chat" writes), Android and iOS formats.

Recognised by content, not by name: :func:`looks_like_whatsapp` is asked by the ``.txt`` reader.
Accepted message headers::

    12/31/23, 9:41 PM - Name: message           Android, month first, 12-hour clock
    31/12/2023 21.41 - Name: message            Android, day first, dots
    [31/12/23, 21.41.05] Name: message          iOS (optionally preceded by U+200E)
    [12/31/23, 9:41:05 PM] Name: message        iOS, 12-hour clock

The stored text has one line per message, ``"Sender: message"``; the lines of a multi-line message
are joined by a space. Each message is a :class:`~makna.text.TurnSpan` with the sender as speaker
and the timestamp as ``time_start`` (``"2023-12-31T21:41"`` or ``"2023-12-31T21:41:05"``).
Day/month order is decided for the whole file: month first only when some date proves it (a
second field over 12) and none contradicts it; otherwise day first, with a note when ambiguous.

A header whose date or time cannot be (``31/02/2024``, ``25:61``, a five-digit year) still starts a
message: the line is never merged into the message before it. That message's turn has no timestamp,
and a note names the first such lines (the date as written stays in nothing but that note).

System lines are left out and counted in a note: Android lines with a timestamp but no sender
(``Alice added Bob``) and the end-to-end encryption notice in English or Indonesian in either
format. Media placeholders (``<Media omitted>``, ``image omitted``) are messages and stay.

An export made with its media names each attached file (iOS ``<attached: 00000031-PHOTO-2026-10-04-08-12-03.jpg>``,
Android ``IMG-20261004-WA0001.jpg (file attached)``, or a document's own name). Such a name holds the date and time
the file was sent, which de-identification would not shift with the turn times, or a document's title: it becomes
the attachment's kind in brackets, as in Telegram exports (``[photo]``, ``[video]``, ``[voice message]``,
``[audio file]``, ``[sticker]``, ``[GIF]``, ``[contact]``, ``[file]``), with a note counting them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import ImportFormatError, excerpt
from ..text import TurnSpan, normalize_text
from ._base import ImportedText

__all__ = ["MEDIA_TYPE", "Message", "looks_like_whatsapp", "parse_whatsapp", "read_messages"]

MEDIA_TYPE = "text/x-whatsapp"
_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
_AMPM = r"(?:[ \u202f\u00a0]*(?P<ampm>[AaPp]\.?[ \u202f]?[Mm]\.?))?"
_ANDROID = re.compile(rf"^\ufeff?{_DATE},? {_TIME}{_AMPM} [-\u2013] (?P<rest>.*)$")
_IOS = re.compile(rf"^\ufeff?[\u200e\u200f]?\[{_DATE},? {_TIME}{_AMPM}\] (?P<rest>.*)$")
# The same shapes with any number of digits: a header with an impossible date or time.
_LOOSE_DATE = r"(?P<date>\d{1,8}[./-]\d{1,8}[./-]\d{1,8})"
_LOOSE_TIME = r"(?P<time>\d{1,8}[:.]\d{1,8}(?:[:.]\d{1,8})?)"
_LOOSE_ANDROID = re.compile(rf"^\ufeff?{_LOOSE_DATE},? {_LOOSE_TIME}{_AMPM} [-\u2013] (?P<rest>.*)$")
_LOOSE_IOS = re.compile(rf"^\ufeff?[\u200e\u200f]?\[{_LOOSE_DATE},? {_LOOSE_TIME}{_AMPM}\] (?P<rest>.*)$")
_SHOWN_INVALID = 3  # line numbers of impossible dates named in the note
_SENDER = re.compile(r"^(?P<sender>[^:\n]{1,200}?):(?: (?P<msg>.*))?$")
_MARKS = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOTICES = (
    "messages and calls are end-to-end encrypted",
    "messages to this group are now secured with end-to-end encryption",
    "messages to this chat and calls are now secured with end-to-end encryption",
    "messages you send to this chat and calls are now secured with end-to-end encryption",
    "pesan dan panggilan terenkripsi secara end-to-end",
    "pesan yang dikirim ke grup ini kini diamankan dengan enkripsi end-to-end",
    "pesan dan panggilan di chat ini kini diamankan dengan enkripsi end-to-end",
    "pesan yang anda kirim ke chat ini dan panggilan kini diamankan dengan enkripsi end-to-end",
)
# an attached file: iOS "<attached: NAME>" anywhere, Android "NAME (file attached)" opening the message
_ATTACHED_IOS = re.compile(r"[\u200e\u200f]?<(?:attached|terlampir|lampiran): (?P<name>[^<>\n]{1,300})>")
_ATTACHED_ANDROID = re.compile(r"^(?P<name>[^\n]{1,250}?\.\w{1,5}) \((?:file attached|file terlampir)\)")
_TAGGED = re.compile(r"^\d{8}-(?P<tag>PHOTO|VIDEO|AUDIO|STICKER|GIF|CONTACT|IMG|VID|PTT|AUD|STK)-"
                     r"|^(?P<prefix>IMG|VID|PTT|AUD|STK)-\d{8}-WA\d+", re.I)
_TAG_KINDS = {"photo": "photo", "img": "photo", "video": "video", "vid": "video", "ptt": "voice message",
              "audio": "audio file", "aud": "audio file", "sticker": "sticker", "stk": "sticker", "gif": "GIF",
              "contact": "contact"}
_EXT_KINDS = {"jpg": "photo", "jpeg": "photo", "png": "photo", "heic": "photo", "webp": "sticker", "mp4": "video",
              "mov": "video", "3gp": "video", "opus": "voice message", "m4a": "audio file", "mp3": "audio file",
              "aac": "audio file", "ogg": "audio file", "vcf": "contact", "gif": "GIF"}
_SAMPLE_CHARS = 20_000
_SAMPLE_LINES = 30


@dataclass(frozen=True)
class Message:
    """One message as read from the export, before formatting."""

    sender: str
    timestamp: str | None  # None when the header's date or time is impossible
    text: str


def _header(line: str) -> re.Match[str] | None:
    return _ANDROID.match(line) or _IOS.match(line)


def _is_notice(text: str) -> bool:
    low = _MARKS.sub("", text).strip().lower()
    return low.startswith(_NOTICES)


def looks_like_whatsapp(text: str) -> bool:
    """True when ``text`` starts like a WhatsApp chat export: its first non-blank line is a message
    header and a message with a sender follows within the first lines."""
    lines = [line for line in text[:_SAMPLE_CHARS].splitlines() if line.strip()][:_SAMPLE_LINES]
    if not lines or _header(lines[0]) is None:
        return False
    for line in lines:
        m = _header(line)
        if m is not None and _SENDER.match(_MARKS.sub("", m.group("rest"))) is not None:
            return True
    return False


def _day_first(dates: Sequence[str]) -> tuple[bool, bool]:
    """(day_first, ambiguous) for the dates of one file."""
    day_proof = month_proof = some_day_or_month_first = False
    for date in dates:
        parts = re.split(r"[./-]", date)
        if len(parts[0]) == 4:  # year first: always year-month-day, never ambiguous
            continue
        some_day_or_month_first = True
        day_proof |= int(parts[0]) > 12
        month_proof |= int(parts[1]) > 12
    if month_proof and not day_proof:
        return False, False
    return True, some_day_or_month_first and not day_proof


def _iso(date: str, time: str, ampm: str | None, day_first: bool) -> str | None:
    """The timestamp in ISO 8601, or None when no such date and time exist."""
    parts = [int(p) for p in re.split(r"[./-]", date)]
    if len(re.split(r"[./-]", date)[0]) == 4:
        year, month, day = parts
    elif day_first:
        day, month, year = parts
    else:
        month, day, year = parts
    if year < 100:
        year += 2000
    clock = [int(p) for p in re.split(r"[:.]", time)]
    hour = clock[0]
    if ampm:
        pm = ampm.strip().lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    try:
        stamp = dt.datetime(year, month, day, hour, clock[1], clock[2] if len(clock) > 2 else 0)
    except (ValueError, OverflowError):
        return None
    return stamp.isoformat(timespec="seconds" if len(clock) > 2 else "minutes")


def read_messages(text: str) -> tuple[list[Message], list[str]]:
    """The messages of an export, and notes about what was left out or assumed."""
    lines = normalize_text(text).split("\n")
    headers = [(i, m) for i, m in ((i, _header(line) or _loose_header(line)) for i, line in enumerate(lines))
               if m is not None]
    day_first, ambiguous = _day_first([m.group("date") for _, m in headers if m.re in (_ANDROID, _IOS)])
    messages: list[Message] = []
    invalid: list[str] = []
    system = attached = 0
    bounds = [i for i, _ in headers] + [len(lines)]
    for (i, m), stop in zip(headers, bounds[1:], strict=True):
        rest = m.group("rest")
        sender_match = _SENDER.match(rest)
        if sender_match is None or _is_notice(rest) or _is_notice(sender_match.group("msg") or ""):
            system += 1
            continue
        parts = [sender_match.group("msg") or "", *lines[i + 1 : stop]]
        sender = " ".join(_MARKS.sub("", sender_match.group("sender")).split())
        stamp = _iso(m.group("date"), m.group("time"), m.group("ampm"), day_first)
        if stamp is None:
            invalid.append(f"line {i + 1}: {excerpt(_when(m))}")
        body, files = _without_file_names(_join(parts))
        attached += files
        messages.append(Message(sender, stamp, body))
    notes: list[str] = []
    if system:
        notes.append(f"left out {system} WhatsApp system line(s)")
    if attached:
        notes.append(f"{attached} attached file name(s) replaced by their kind ([photo], [file] ...): a name holds "
                     "the date and time it was sent or a document's title")
    if ambiguous and headers:
        notes.append("WhatsApp dates are ambiguous (no day over 12): read as day/month")
    if invalid:
        shown = "; ".join(invalid[:_SHOWN_INVALID]) + ("; ..." if len(invalid) > _SHOWN_INVALID else "")
        notes.append(f"{len(invalid)} WhatsApp message(s) with an impossible date or time, kept without a "
                     f"timestamp ({shown})")
    return messages, notes


def _attachment_kind(name: str) -> str:
    """The kind of an attached file from its name: WhatsApp's own tag, else its extension, else a file."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    m = _TAGGED.match(name.strip())
    if m is None:
        return _EXT_KINDS.get(ext, "file")
    kind = _TAG_KINDS[(m.group("tag") or m.group("prefix")).lower()]
    return "voice message" if kind == "audio file" and ext == "opus" else kind


def _without_file_names(text: str) -> tuple[str, int]:
    """``text`` with each attached file's name replaced by its kind in brackets, and how many."""
    text, n = _ATTACHED_IOS.subn(lambda m: f"[{_attachment_kind(m.group('name'))}]", text)
    text, k = _ATTACHED_ANDROID.subn(lambda m: f"[{_attachment_kind(m.group('name'))}]", text)
    return text, n + k


def _loose_header(line: str) -> re.Match[str] | None:
    """A message header with an impossible date or time (see the module documentation)."""
    return _LOOSE_ANDROID.match(line) or _LOOSE_IOS.match(line)


def _when(m: re.Match[str]) -> str:
    """A header's date and time as written."""
    return f"{m.group('date')} {m.group('time')}{' ' + m.group('ampm') if m.group('ampm') else ''}"


def _join(parts: Sequence[str]) -> str:
    """The lines of one message joined by a space; direction marks at its start are dropped."""
    cleaned = [_MARKS.sub("", part).strip() if j == 0 else part.strip() for j, part in enumerate(parts)]
    return " ".join(part for part in cleaned if part)


def parse_whatsapp(
    text: str, *, source: str = "<text>", encoding: str | None = None, notes: Sequence[str] = ()
) -> ImportedText:
    """One ``"Sender: message"`` line and one turn (with its timestamp) per message."""
    messages, found = read_messages(text)
    if not messages:
        raise ImportFormatError(f"{source}: a WhatsApp chat export without any message")
    out: list[str] = []
    turns: list[TurnSpan] = []
    pos = 0
    for message in messages:
        line = normalize_text(f"{message.sender}: {message.text}")
        turns.append(TurnSpan(message.sender, pos, pos + len(line), message.timestamp, None))
        out.append(line)
        pos += len(line) + 1
    return ImportedText(
        text="\n".join(out), media_type=MEDIA_TYPE, encoding=encoding, turns=turns, notes=[*notes, *found]
    )
