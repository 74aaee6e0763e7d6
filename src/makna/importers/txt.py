"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected legacy
encoding, named in the result. A .txt file that reads as a WhatsApp chat export is handed to
:mod:`makna.importers.whatsapp`."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import EncodingError, ImportFormatError
from ..text import normalize_text
from ._base import ImportedText, register
from .whatsapp import looks_like_whatsapp, parse_whatsapp

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file; returns (text, encoding name)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name.replace("-sig", "")), name
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{path}: starts with a {name} byte-order mark but is not valid {name} "
                    f"({exc.reason} at byte {exc.start})"
                ) from None
    if b"\x00" in data[:8192]:
        raise ImportFormatError(
            f"{path}: looks like a binary file, not text (NUL bytes and no UTF-16 byte-order mark)"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise EncodingError(
            f"{path}: not UTF-8 and no other text encoding fits; save it as UTF-8 and import again"
        )
    encoding = str(best.encoding)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise EncodingError(
            f"{path}: looks like {encoding} but does not decode as it; save it as UTF-8"
        ) from None


_WESTERN_EXTRA = set("’‘“”–—…€•™«»¡¿°·×÷")


def _as_western(data: bytes) -> str | None:
    """The text as Windows-1252 when every non-ASCII character it gives is a Latin letter or common
    typographic punctuation: the usual legacy encoding of Indonesian and English documents, which
    statistical detectors confuse with Baltic and Central European code pages on short texts."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    extra = [ch for ch in text if ord(ch) > 127]
    if all(ch in _WESTERN_EXTRA or ("\u00c0" <= ch <= "\u00ff" and ch not in "×÷") for ch in extra):
        return text
    return None


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _control_ratio(text: str) -> float:
    """Share of control characters (other than white space) in the first 100,000 characters."""
    sample = text[:100_000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


@register(".txt", ".text", ".md", ".markdown")
def read_txt(path: Path, data: bytes) -> ImportedText:
    text, encoding = decode_text(path, data)
    if _control_ratio(text) > 0.01:
        raise ImportFormatError(f"{path}: looks like a binary file, not text (control characters)")
    notes = [] if encoding in ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be") else [f"decoded as {encoding}"]
    media = "text/markdown" if path.suffix.lower() in (".md", ".markdown") else "text/plain"
    if media == "text/plain" and looks_like_whatsapp(text):
        return parse_whatsapp(text, source=str(path), encoding=encoding, notes=notes)
    return ImportedText(text=normalize_text(text), media_type=media, encoding=encoding, notes=notes)
