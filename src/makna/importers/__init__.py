"""Reading transcript files into normalised text (and turns, where the format defines them).

One module per format registers a reader for its file suffixes. A reader gets the file's bytes and
returns an :class:`ImportedText` whose ``text`` is already normalised (NFC, ``"\\n"``) and whose
``turns`` (when the format defines speakers, as subtitles and chat exports do) index into that text.
Readers never touch the store: :mod:`makna.sources` stores what they return.
"""

from __future__ import annotations

from ._base import (
    MAX_FILE_BYTES,
    ImportedText,
    Reader,
    convertible,
    read_bytes,
    read_document,
    register,
    registered_readers,
    supported_suffixes,
    unsupported_reason,
)

__all__ = [
    "MAX_FILE_BYTES",
    "ImportedText",
    "Reader",
    "convertible",
    "read_document",
    "read_bytes",
    "register",
    "registered_readers",
    "supported_suffixes",
    "unsupported_reason",
]
