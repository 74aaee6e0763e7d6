"""PDF: the text layer, page by page, pages separated by a blank line.

A PDF without extractable text (a scan) is refused with a message saying it needs OCR first; an
encrypted PDF is opened when it has an empty user password (permissions only) and refused
otherwise. pypdf's warnings and log records are kept out of the caller's warnings and logs: those
that matter come back as notes on the result.
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

from ..errors import ImportFormatError, reason
from ..text import normalize_text
from ._base import ImportedText, register

__all__ = ["MEDIA_TYPE", "read_pdf"]

MEDIA_TYPE = "application/pdf"
_MAX_NOTES = 5


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < _MAX_NOTES:
            self.messages.append(record.getMessage())


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[_Collect]:
    """Silence pypdf for the duration: its warnings are ignored, its log records collected."""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    saved_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved_propagate


def _page_text(raw: str) -> str:
    lines = [line.rstrip() for line in normalize_text(raw).split("\n")]
    return "\n".join(lines).strip("\n")


@register(".pdf")
def read_pdf(path: Path, data: bytes) -> ImportedText:
    """Read the text layer of a PDF (see the module documentation)."""
    if b"%PDF-" not in data[:1024]:
        raise ImportFormatError(f"{path}: not a valid PDF (no %PDF- header at the start)")
    from pypdf import PasswordType, PdfReader

    with _quiet_pypdf() as log:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception as exc:  # unsupported algorithm, missing crypto library, ...
                    raise ImportFormatError(
                        f"{path}: the PDF is encrypted and cannot be opened ({reason(exc)}); save an unencrypted copy"
                    ) from None
                if opened == PasswordType.NOT_DECRYPTED:
                    raise ImportFormatError(
                        f"{path}: the PDF is encrypted with a password; remove the password and import again"
                    )
            pages = [_page_text(page.extract_text()) for page in reader.pages]
        except ImportFormatError:
            raise
        except Exception as exc:  # pypdf raises many kinds on a broken file
            raise ImportFormatError(f"{path}: not a valid PDF ({type(exc).__name__}: {reason(exc)})") from None
    if not pages:
        raise ImportFormatError(f"{path}: the PDF has no pages")
    if not any(page.strip() for page in pages):
        raise ImportFormatError(
            f"{path}: the PDF has no text layer (none of its {len(pages)} page(s) holds text: a scan?); "
            "run OCR on it first (for instance with ocrmypdf) and import the result"
        )
    text = "\n\n".join(page for page in pages if page.strip())
    notes = [f"pypdf: {message}" for message in log.messages]
    return ImportedText(text=text, media_type=MEDIA_TYPE, notes=notes)
