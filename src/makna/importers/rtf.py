"""Rich Text Format (.rtf), as word processors and older transcription tools save it.

The text is extracted with ``striprtf``: paragraphs become lines, table cells are joined by ``"|"``,
headers, footers, footnotes, comments, fields' instructions and embedded pictures are left out.
Characters outside ASCII are decoded with the code page the file declares (``\\ansicpgN``,
Windows-1252 when it declares none) or taken from their ``\\uN`` escapes.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import ImportFormatError
from ..text import normalize_text
from ._base import ImportedText, register

__all__ = ["MEDIA_TYPE", "looks_like_rtf", "read_rtf"]

MEDIA_TYPE = "application/rtf"
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def looks_like_rtf(data: bytes) -> bool:
    """Whether ``data`` starts as an RTF document does (``{\\rtf``, after optional white space)."""
    return data.lstrip()[:5] == b"{\\rtf"


def _code_page(data: bytes) -> str:
    m = _CODEPAGE.search(data[:4096])
    if m is None:
        return "cp1252"
    name = f"cp{int(m.group(1))}"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


@register(".rtf")
def read_rtf(path: Path, data: bytes) -> ImportedText:
    """Read an .rtf file's body text (see the module documentation)."""
    if not looks_like_rtf(data):
        raise ImportFormatError(f"{path}: not a valid .rtf (it does not start with '{{\\rtf')")
    from striprtf.striprtf import rtf_to_text  # imported here so that the registry stays cheap to load

    encoding = _code_page(data)
    try:
        # RTF is 7-bit: latin-1 keeps every byte as one character; striprtf decodes \'hh with `encoding`
        text = str(rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace"))  # type: ignore[no-untyped-call]
    except Exception as exc:  # striprtf raises what its parser meets on a broken file
        raise ImportFormatError(f"{path}: not a valid .rtf ({type(exc).__name__}: {exc})") from None
    lines = [line.rstrip() for line in normalize_text(text).split("\n")]
    return ImportedText(text="\n".join(lines).strip("\n"), media_type=MEDIA_TYPE,
                        notes=[] if encoding == "cp1252" else [f"decoded as {encoding}"])
