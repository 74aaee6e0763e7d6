"""Telegram Desktop chat exports in JSON ("Export chat history", format "Machine-readable JSON").

The export is a folder holding ``result.json`` (and ``photos/``, ``voice_messages/``... when media were
exported). It reads as the HTML export does (:mod:`makna.importers.telegram`): one line per message,
``"Sender: message"``, each a turn with the sender as speaker and the message's ``date`` (the clock time
the export gives, ``2024-03-12T19:02:11``) as its time; a reply starts ``[reply to Name]``, a forward
``[forwarded from Name]``, and media are their kind in brackets (``[photo]``, ``[voice message]``,
``[contact]``, ``[location]``...), never a file's name, a contact's number or a place's coordinates.
Service messages (calls, "joined the group") and the chat's name (often a contact's) are left out, with
a note. A ``.json`` file that is no such export is refused with one line.

Every export's file is called ``result.json``, so a source is named after the export's folder where it is
known (``ChatExport_2025-04-03/result.json``), else (an upload: a browser sends no folder) after a digest of
its bytes (``telegram-chat-1a2b3c4d.json``): stable, distinct for two chats, and naming no one, where the chat's
own name is often a contact's (:func:`source_name`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from ..errors import ImportFormatError, excerpt, reason
from ._base import ImportedText, register
from .telegram import ChatReading, chat_text

__all__ = ["MEDIA_TYPE", "is_chat_json", "read_telegram_json", "source_name"]

MEDIA_TYPE = "application/x-telegram-json"
_UNKNOWN = "[unknown sender]"
# An export starts with the chat's name, type and id, then its "messages" list.
_MESSAGES = re.compile(rb'^\s*\{.*?"messages"\s*:\s*\[', re.DOTALL)
_SAMPLE_BYTES = 64_000
# A message's media, by the JSON's media_type (else by the key that holds it) -> the placeholder.
_MEDIA_TYPES = {
    "sticker": "sticker",
    "animation": "GIF",
    "voice_message": "voice message",
    "video_message": "video message",
    "video_file": "video",
    "audio_file": "audio file",
}
_MEDIA_KEYS = (
    ("photo", "photo"),
    ("location_information", "location"),
    ("live_location_period_seconds", "location"),
    ("place_name", "location"),
    ("contact_information", "contact"),
    ("poll", "poll"),
    ("game_title", "game"),
    ("invoice_information", "invoice"),
    ("file", "file"),
)


def source_name(name: str, folder: str = "", data: bytes | None = None) -> str:
    """The source name of a file imported as ``name``: an export's bare ``result.json`` becomes
    ``FOLDER/result.json`` when its ``folder`` is known, else ``telegram-chat-DIGEST.json`` from a digest of its
    ``data`` (the first 8 hex digits of its sha256); any other name is kept."""
    if name.lower() != "result.json":
        return name
    if folder:
        return f"{folder}/{name}"
    if data is not None:
        return f"telegram-chat-{hashlib.sha256(data).hexdigest()[:8]}.json"
    return name


def is_chat_json(path: Path) -> bool:
    """Whether the file ``path`` starts like a Telegram Desktop JSON export (a folder walk passes over other
    JSON, as it does any file makna does not read)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(_SAMPLE_BYTES)
    except OSError:
        return False
    return _MESSAGES.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def _text(value: Any) -> str:
    """A message's text: a string, or a list of strings and entities (``{"type": ..., "text": ...}``)."""
    if isinstance(value, str):
        parts = [value]
    elif isinstance(value, list):
        parts = [v if isinstance(v, str) else str(v.get("text", "")) if isinstance(v, dict) else "" for v in value]
    else:
        parts = []
    return " ".join("".join(parts).split())


def _media(message: dict[str, Any]) -> list[str]:
    kind = _MEDIA_TYPES.get(str(message.get("media_type", "")))
    if kind is None:
        kind = next((label for key, label in _MEDIA_KEYS if message.get(key) not in (None, "")), None)
    return [f"[{kind}]"] if kind else []


def _stamp(value: Any, reading: ChatReading) -> str | None:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).replace(tzinfo=None).isoformat(timespec="seconds")
        except ValueError:
            pass
    reading.invalid.append(excerpt(str(value)))
    return None


def _message(message: dict[str, Any], reading: ChatReading) -> None:
    sender = message.get("from")  # null for a deleted account
    reading.sender = " ".join(sender.split()) if isinstance(sender, str) and sender.strip() else _UNKNOWN
    reading.senders[str(message.get("id", ""))] = reading.sender
    parts: list[str] = []
    if "reply_to_message_id" in message:
        to = reading.senders.get(str(message["reply_to_message_id"]))
        parts.append(f"[reply to {to}]" if to else "[reply]")
    origin = message.get("forwarded_from")
    if "forwarded_from" in message:
        parts.append(f"[forwarded from {' '.join(origin.split())}]" if isinstance(origin, str) else "[forwarded]")
    parts.extend(_media(message))
    text = _text(message.get("text", ""))
    if text:
        parts.append(text)
    reading.lines.append((reading.sender, _stamp(message.get("date"), reading), " ".join(parts or ["[no text]"])))


@register(".json")
def read_telegram_json(path: Path, data: bytes) -> ImportedText:
    """A Telegram Desktop JSON export (``result.json``): the only JSON makna reads as a source."""
    try:
        chat = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFormatError(
            f"{path}: a .json is read only when it is a Telegram Desktop chat export (result.json); "
            f"this one is not valid JSON ({reason(exc)})"
        ) from None
    messages = chat.get("messages") if isinstance(chat, dict) else None
    if not isinstance(messages, list):
        raise ImportFormatError(
            f"{path}: a .json is read only when it is a Telegram Desktop chat export (result.json) "
            '(this one has no list of "messages")'
        )
    reading = ChatReading()
    for message in messages:
        if not isinstance(message, dict) or message.get("type") != "message":
            reading.service += 1
            continue
        _message(message, reading)
    if not reading.lines:
        raise ImportFormatError(f"{path}: a Telegram chat export without any message")
    notes = ["left out the Telegram chat's name"] if chat.get("name") else []
    return chat_text(reading, media_type=MEDIA_TYPE, encoding="utf-8", notes=notes)
