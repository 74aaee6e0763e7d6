"""The importer registry and the shared checks every file goes through."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ImportFormatError, InputError, UnsupportedFormatError
from ..text import TurnSpan

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class ImportedText:
    """What a reader extracted: normalised text, its media type, and what it learnt on the way."""

    text: str
    media_type: str
    encoding: str | None = None
    turns: list[TurnSpan] | None = None
    notes: list[str] = field(default_factory=list)
    raw: bytes = field(default=b"", repr=False)  # the file's bytes, set by read_document


# A reader gets (path, raw bytes) and returns the extracted text.
Reader = Callable[[Path, bytes], ImportedText]

_READERS: dict[str, Reader] = {}
_MODULES = ("txt", "docx", "odt", "pdf", "html", "subtitles", "whatsapp", "rtf", "telegram", "telegram_json", "eml")
# Formats makna does not read but a transcript may come in, with what to do instead.
_CONVERT = {
    ".doc": "an old Word .doc file: convert it to .docx and import that "
            "(LibreOffice: soffice --headless --convert-to docx FILE.doc; or Word: Save As .docx)",
    ".wps": "a Works document: convert it to .docx and import that (soffice --headless --convert-to docx FILE.wps)",
    ".pages": "an Apple Pages file: export it as .docx (File > Export To > Word) and import that",
}
_loaded = False


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Decorator: register a reader for file suffixes such as ``".txt"``."""

    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            _READERS[s.lower()] = fn
        return fn

    return deco


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for name in _MODULES:
        try:
            importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{name}":
                raise
    _loaded = True


def supported_suffixes() -> list[str]:
    _load()
    return sorted(_READERS)


def registered_readers() -> dict[str, Reader]:
    """The reader registered for each suffix (several suffixes may share one reader)."""
    _load()
    return dict(_READERS)


def convertible(suffix: str) -> bool:
    """Whether files with ``suffix`` are transcripts makna cannot read but says how to convert."""
    return suffix.lower() in _CONVERT


def unsupported_reason(path: Path) -> str:
    """Why ``path`` cannot be imported by its suffix (and how to convert it, when makna knows)."""
    advice = _CONVERT.get(path.suffix.lower())
    if advice is not None:
        return advice
    if path.suffix.lower() in (".csv", ".xlsx"):  # makna.importers.survey: many sources, not one text
        return ("a survey (a row per respondent): import it with 'makna import FILE' or makna.import_survey, "
                "which make a source and a case per respondent")
    supported = ", ".join([*supported_suffixes(), ".csv and .xlsx surveys"])
    return f"unsupported file type {path.suffix or '(none)'!r} (supported: {supported})"


def read_document(path: Path, *, max_bytes: int | None = None) -> ImportedText:
    """Read ``path`` with the reader for its suffix, after checking it exists, is a file, is not
    empty and not larger than ``max_bytes``. A folder is read only when it is a Telegram Desktop chat
    export (:mod:`makna.importers.telegram`): its pages as one text."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        from .telegram import is_export_folder, read_export_folder

        if is_export_folder(path):  # a Telegram chat export: its pages are one source
            return read_export_folder(path, max_bytes=max_bytes)
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    _check_size(path, path.stat().st_size, max_bytes or MAX_FILE_BYTES)
    return read_bytes(path, path.read_bytes(), max_bytes=max_bytes)


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size == 0:
        raise ImportFormatError(f"{path}: the file is empty")
    if size > max_bytes:
        raise ImportFormatError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit for one file")


def read_bytes(path: Path, data: bytes, *, max_bytes: int | None = None) -> ImportedText:
    """Read the bytes of a file called ``path`` (it need not exist: an upload) with the reader for its
    suffix, with the same checks as :func:`read_document`."""
    _load()
    _check_size(path, len(data), max_bytes or MAX_FILE_BYTES)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(f"{path}: {unsupported_reason(path)}")
    result = reader(path, data)
    if not result.text or result.text.isspace():  # (text.strip() would copy a large file)
        raise ImportFormatError(f"{path}: no text found in the file")
    return replace(result, raw=data)


# A speaker's cell in a transcript laid out as a table: one to four words, the first starting with a letter,
# an optional colon after them ("Interviewer", "Peserta 2", "Sarah:").
_LABEL_CELL = re.compile(r"([^\W\d_][\w.'’()-]*(?:[ \t][\w.'’()-]+){0,3}?)[ \t]*:?")


def table_lines(rows: list[list[str]]) -> list[str]:
    """The lines of a table, a row per line with its cells joined by ``" | "``; a transcript laid out as a
    table of two columns, a speaker's label and what they said, where some label recurs, reads as
    ``Label: text`` lines instead (a row with no label continues the turn above), so that its turns are
    found as in a typed transcript."""
    rows = [row for row in rows if any(row)]
    labels = [_LABEL_CELL.fullmatch(row[0]) if len(row) == 2 and row[0] else None for row in rows]
    speakers = [m.group(1) for m in labels if m is not None]
    turns = all(len(row) == 2 and (m is not None or not row[0]) for row, m in zip(rows, labels, strict=True))
    if turns and len(speakers) > len({s.casefold() for s in speakers}):
        lines = [f"{m.group(1)}: {row[1]}" if m is not None else row[1] for row, m in zip(rows, labels, strict=True)]
        if labels[0] is not None and _header_row(rows[0], speakers):
            lines[0] = " | ".join(rows[0])  # "Pembicara | Ucapan": the columns' names, no turn
        return lines
    return [" | ".join(row) for row in rows]


def _header_row(row: list[str], speakers: list[str]) -> bool:
    """Whether the first row of a table of turns names its columns (``Pembicara | Ucapan``, ``Speaker |
    Text``): its label is no speaker of another row, and its text is one to three words with no sentence in it."""
    label, said = row
    words = said.split()
    return (
        sum(s.casefold() == label.casefold() for s in speakers) == 1
        and 1 <= len(words) <= 3
        and not any(c in said for c in ".?!,")
    )
