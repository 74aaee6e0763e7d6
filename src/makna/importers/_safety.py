"""Guards for container formats (.docx, .odt): a zip of XML parts is checked before any library
opens it.

The checks refuse what no word processor writes and what could hurt the machine reading it:
entries with absolute paths or ``..`` components, more than :data:`MAX_ENTRIES` entries, a total
uncompressed size over :data:`MAX_UNCOMPRESSED` bytes, an entry that claims a compression ratio
over :data:`MAX_RATIO` (a zip bomb), and XML parts that carry a document type declaration (the
vehicle of entity expansion and external entity attacks). Python's :mod:`zipfile` never inflates
an entry beyond the size its directory declares, so checking the declared sizes bounds the work.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..errors import ImportFormatError, excerpt, reason

__all__ = [
    "MAX_ENTRIES",
    "MAX_RATIO",
    "MAX_UNCOMPRESSED",
    "ZIP_READ_ERRORS",
    "check_xml_part",
    "open_zip",
    "read_part",
    "safe_xml_parser",
]

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 10_000
# Entries smaller than this may have any ratio: a few kilobytes of repeated markup compress well.
_RATIO_FLOOR = 1024 * 1024

_DOCTYPE_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_DRIVE = re.compile(r"^[A-Za-z]:")
#: What reading a damaged zip archive or one of its entries raises: a broken directory or header,
#: a corrupt compressed stream (zlib, bzip2, lzma), a CRC mismatch, an unknown compression method.
ZIP_READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, OSError, ValueError, EOFError,
    NotImplementedError,
)


def _fail(path: Path, kind: str, why: str) -> ImportFormatError:
    return ImportFormatError(f"{path}: not a valid {kind} ({why})")


def open_zip(
    path: Path,
    data: bytes,
    kind: str,
    *,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_ratio: int = MAX_RATIO,
) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive after the checks above; ``kind`` (".docx") names the format in
    errors. The caller closes the returned archive."""
    if not data.startswith(b"PK"):
        raise _fail(path, kind, "it is not a zip archive")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_READ_ERRORS as exc:
        raise _fail(path, kind, f"broken zip archive: {reason(exc)}") from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _fail(path, kind, f"{len(infos):,} zip entries, over the limit of {MAX_ENTRIES:,}")
        total = 0
        for info in infos:
            name = info.filename.replace("\\", "/")
            if name.startswith("/") or _DRIVE.match(name) or ".." in name.split("/"):
                raise _fail(path, kind, f"unsafe entry name {excerpt(info.filename)}")
            if info.flag_bits & 0x1:
                raise _fail(path, kind, f"the entry {excerpt(info.filename)} is encrypted")
            total += info.file_size
            if total > max_uncompressed:
                raise _fail(path, kind, f"expands to more than {max_uncompressed:,} bytes")
            if info.file_size > _RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
                raise _fail(
                    path,
                    kind,
                    f"entry {excerpt(info.filename)} claims a compression ratio over {max_ratio}:1 (a zip bomb?)",
                )
    except ImportFormatError:
        zf.close()
        raise
    return zf


def safe_xml_parser() -> etree.XMLParser:
    """An lxml parser that loads no DTD, expands no entities and reaches no network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def read_part(path: Path, zf: zipfile.ZipFile, name: str, kind: str) -> bytes:
    """The bytes of the entry ``name`` of ``zf`` (an archive from :func:`open_zip`); a missing or
    damaged entry (a corrupt compressed stream, a bad CRC, a broken header) is an ImportFormatError
    naming the file, the entry and the reason."""
    try:
        return zf.read(name)
    except KeyError:
        raise _fail(path, kind, f"the part {excerpt(name)} is missing") from None
    except ZIP_READ_ERRORS as exc:
        raise _fail(path, kind, f"cannot read the part {excerpt(name)}: {reason(exc)}") from None


def check_xml_part(path: Path, zf: zipfile.ZipFile, name: str, kind: str, *, parse: bool = False) -> bytes:
    """Read the XML part ``name`` of ``zf`` and refuse it if it declares a DTD or entities; with
    ``parse``, also check that it is well-formed. Returns the part's bytes."""
    raw = read_part(path, zf, name, kind)
    if any(marker in raw for marker in _DOCTYPE_MARKERS):
        raise _fail(path, kind, f"the part {excerpt(name)} declares a DTD or entities, which documents never need")
    if parse:
        try:
            etree.fromstring(raw, safe_xml_parser())
        except etree.XMLSyntaxError as exc:
            raise _fail(path, kind, f"the part {excerpt(name)} is not well-formed XML: {reason(exc)}") from None
    return raw
