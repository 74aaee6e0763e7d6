"""Guards for exchange files from other tools: the zip container and the XML inside it.

A ``.qdpx`` is a zip of one ``*.qde`` XML file and a ``sources/`` folder. Before anything is read:
entries with absolute paths, drive letters or ``..`` components are refused, as are more than
:attr:`Limits.max_entries` entries, a declared total uncompressed size over
:attr:`Limits.max_total`, and an entry (over one megabyte) that claims a compression ratio over
:attr:`Limits.max_ratio`. Python's :mod:`zipfile` never inflates an entry beyond the size its
directory declares, and every read below is bounded by that size, so the declared sizes bound the work.

XML is parsed with entity resolution, DTD loading and network access off and ``huge_tree`` off, and
a document that declares a DTD (the vehicle of entity-expansion and external-entity attacks) is
refused before parsing. Readers also count elements against :attr:`Limits.max_elements`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from ..errors import ExchangeError, excerpt, reason
from ..importers._safety import ZIP_READ_ERRORS
from ._scan import SAFE_OPTIONS, Entries, local, source_path

__all__ = ["Limits", "Archive", "LooseQde", "open_archive", "check_prolog", "check_entry_prolog", "safe_parser",
           "parse_xml_bytes", "local"]

_DRIVE = re.compile(r"^[A-Za-z]:")
_ENTRY_ERRORS: tuple[type[Exception], ...] = (*ZIP_READ_ERRORS, KeyError)
_RATIO_FLOOR = 1024 * 1024
_PROLOG_BYTES = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps on what an exchange file may make makna read."""

    max_total: int = 4 * 1024**3  # declared uncompressed bytes of all entries together
    max_entry: int = 2**31 - 1  # one entry (the REFI-QDA limit for an internal file)
    max_ratio: int = 200  # uncompressed : compressed, for entries over a megabyte
    max_entries: int = 100_000
    max_elements: int = 50_000_000  # XML elements in one .qde / .qdc


DEFAULT_LIMITS = Limits()


def _fail(path: Path | str, reason: str) -> ExchangeError:
    return ExchangeError(f"{path}: {reason}")


class Archive:
    """A checked zip archive (a .qdpx); entries are looked up case-insensitively by path."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        try:
            self._zf = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise _fail(path, "no such file") from None
        except IsADirectoryError:
            raise _fail(path, "is a folder, not a .qdpx file") from None
        except ZIP_READ_ERRORS as exc:
            raise _fail(path, f"not a .qdpx file (not a readable zip archive: {reason(exc)})") from None
        try:
            self._check()
        except BaseException:
            self._zf.close()
            raise
        self._entries = Entries(self._zf)

    def _check(self) -> None:
        infos = self._zf.infolist()
        lim = self.limits
        if len(infos) > lim.max_entries:
            raise _fail(self.path, f"{len(infos):,} zip entries, over the limit of {lim.max_entries:,}")
        total = 0
        for info in infos:
            name = info.filename.replace("\\", "/")
            if name.startswith("/") or _DRIVE.match(name) or ".." in name.split("/"):
                raise _fail(self.path, f"unsafe entry name {excerpt(info.filename)} (absolute or with '..')")
            if info.flag_bits & 0x1:
                raise _fail(self.path, f"entry {excerpt(info.filename)} is encrypted")
            if info.file_size > lim.max_entry:
                raise _fail(self.path, f"entry {excerpt(info.filename)} expands to over {lim.max_entry:,} bytes")
            total += info.file_size
            if total > lim.max_total:
                raise _fail(self.path, f"expands to more than {lim.max_total:,} bytes")
            if info.file_size > _RATIO_FLOOR and info.file_size > lim.max_ratio * max(info.compress_size, 1):
                raise _fail(self.path, f"entry {excerpt(info.filename)} claims a compression ratio over "
                                       f"{lim.max_ratio}:1 (a zip bomb?)")

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zf.close()

    def names(self) -> list[str]:
        return [i.filename for i in self._zf.infolist() if not i.is_dir()]

    def find(self, name: str) -> str | None:
        """The stored name of entry ``name`` (compared case-insensitively), or None."""
        return self._entries.find(name)

    def find_source(self, ref: str) -> str | None:
        """The entry for a source reference (see :meth:`makna.exchange._scan.Entries.find_source`)."""
        return self._entries.find_source(ref)

    def read_source(self, ref: str) -> tuple[str, bytes] | None:
        """The entry and bytes of a source reference, or None when the archive has no such entry."""
        found = self.find_source(ref)
        return None if found is None else (found, self.read(found))

    def size(self, name: str) -> int:
        return self._zf.getinfo(name).file_size

    def read(self, name: str) -> bytes:
        """The bytes of entry ``name`` (bounded by its declared size)."""
        try:
            with self._zf.open(name) as fh:
                data = fh.read(self._zf.getinfo(name).file_size + 1)
        except _ENTRY_ERRORS as exc:
            raise self.unreadable(name, exc) from None
        if len(data) > self._zf.getinfo(name).file_size:
            raise _fail(self.path, f"entry {excerpt(name)} is larger than its directory says")
        return data

    def open(self, name: str) -> IO[bytes]:
        """A stream of entry ``name`` whose reads raise ExchangeError when the entry is damaged (a
        corrupt compressed stream, a bad CRC), as opening it does."""
        try:
            return cast(IO[bytes], _EntryStream(self, name, self._zf.open(name)))
        except _ENTRY_ERRORS as exc:
            raise self.unreadable(name, exc) from None

    def unreadable(self, name: str, exc: BaseException) -> ExchangeError:
        """The error for an entry that cannot be read."""
        return _fail(self.path, f"cannot read entry {excerpt(name)} (the file is damaged: {reason(exc)})")

    def single(self, suffix: str, what: str) -> str:
        """The one entry whose name ends with ``suffix`` (``.qde``), preferring the top level."""
        found = [n for n in self.names() if n.lower().endswith(suffix)]
        top = [n for n in found if "/" not in n.replace("\\", "/")]
        pick = top or found
        if len(pick) != 1:
            why = "no" if not pick else f"{len(pick)} ({', '.join(excerpt(n) for n in sorted(pick)[:5])})"
            raise _fail(self.path, f"expected one {what} ({suffix}) in the archive, found {why}")
        return pick[0]


class LooseQde(Archive):
    """A bare ``.qde`` (the project XML outside a .qdpx) seen as an archive of one entry. Its sources
    are looked up as files in its own folder (``sources/`` first, as in an unpacked .qdpx), never
    outside it: no ``..``, no absolute paths, no link that leads elsewhere; each file is bounded by
    :attr:`Limits.max_entry`."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:  # noqa: D107 - no zip to open
        self.path, self.limits = path, limits
        self._root = path.parent.resolve()
        self._entry = path.name

    def close(self) -> None:
        pass

    def names(self) -> list[str]:
        return [self._entry]

    def find(self, name: str) -> str | None:
        return self._entry if name.replace("\\", "/").lstrip("/").lower() == self._entry.lower() else None

    def find_source(self, ref: str) -> str | None:
        raw = source_path(ref)
        if raw is None:
            return None
        for candidate in (f"sources/{raw}", f"Sources/{raw}", raw):
            target = (self._root / candidate).resolve()
            if target.is_relative_to(self._root) and target.is_file() and target != self.path.resolve():
                return candidate
        return None

    def _file(self, name: str) -> Path:
        target = self.path if name == self._entry else (self._root / name).resolve()
        if name != self._entry and not target.is_relative_to(self._root):  # pragma: no cover - find_source checks
            raise _fail(self.path, f"{excerpt(name)} is outside the folder of the project file")
        return target

    def size(self, name: str) -> int:
        return self._file(name).stat().st_size

    def read(self, name: str) -> bytes:
        target = self._file(name)
        try:
            with target.open("rb") as fh:
                data = fh.read(self.limits.max_entry + 1)
        except OSError as exc:
            raise self.unreadable(name, exc) from None
        if len(data) > self.limits.max_entry:
            raise _fail(self.path, f"{excerpt(name)} is over {self.limits.max_entry:,} bytes")
        return data

    def open(self, name: str) -> IO[bytes]:
        try:
            return self._file(name).open("rb")
        except OSError as exc:
            raise self.unreadable(name, exc) from None

    def unreadable(self, name: str, exc: BaseException) -> ExchangeError:
        return _fail(self.path, f"cannot read {excerpt(name)} ({reason(exc)})")


def open_archive(path: Path, limits: Limits = DEFAULT_LIMITS) -> Archive:
    """The checked .qdpx at ``path``, or a bare .qde (REFI-QDA project XML) as a one-entry archive."""
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except IsADirectoryError:
        raise _fail(path, "is a folder, not a .qdpx file") from None
    except OSError as exc:
        raise _fail(path, f"cannot read ({reason(exc)})") from None
    if not head.startswith(b"PK") and _looks_like_xml(head):
        return LooseQde(path, limits)
    return Archive(path, limits)


def _looks_like_xml(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    return text.lstrip().startswith("<")


class _EntryStream(io.RawIOBase):
    """An open entry of an :class:`Archive`: read errors become the archive's ExchangeError."""

    def __init__(self, archive: Archive, name: str, stream: IO[bytes]) -> None:
        super().__init__()
        self._archive, self._name, self._stream = archive, name, stream

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        try:
            return self._stream.read(-1 if size is None else size)
        except ZIP_READ_ERRORS as exc:
            raise self._archive.unreadable(self._name, exc) from None

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


_DECL = re.compile(r"\s*(<\?.*?\?>|<!--.*?-->)", re.S)


def check_prolog(source: Path | str, head: bytes) -> None:
    """Refuse an XML document whose prolog (before the root element) declares a DTD or entities."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    pos = 0
    while True:
        m = _DECL.match(text, pos)
        if m is None:
            break
        pos = m.end()
    rest = text[pos:].lstrip()
    if not rest and len(head) >= _PROLOG_BYTES:
        raise _fail(source, f"no root element in the first {_PROLOG_BYTES:,} bytes of the XML")
    if rest.startswith("<!"):
        raise _fail(source, "the XML declares a DTD or entities, which REFI-QDA files never need (refused for safety)")


def safe_parser() -> Any:
    """An lxml parser that loads no DTD, expands no entities and reaches no network."""
    return etree.XMLParser(**SAFE_OPTIONS)


def check_entry_prolog(archive: Archive, name: str) -> None:
    """:func:`check_prolog` on the start of entry ``name`` of ``archive``."""
    with archive.open(name) as stream:
        check_prolog(f"{archive.path}: {name}", stream.read(_PROLOG_BYTES))


def parse_xml_bytes(source: Path | str, data: bytes, *, keep_pis: bool = False) -> Any:
    """Parse a small XML document (a codebook) safely; returns the root element. ``keep_pis`` keeps
    processing instructions (makna's fields in a .qdc)."""
    check_prolog(source, data[:_PROLOG_BYTES])
    parser = etree.XMLParser(**(SAFE_OPTIONS | {"remove_pis": False})) if keep_pis else safe_parser()
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _fail(source, f"not well-formed XML ({reason(exc)})") from None
