"""The registry of whole-project formats that ``makna import-project`` reads.

Each format is a :class:`ProjectFormat` record: its name, the file suffixes it is known by, a cheap
content sniffer (a few header bytes or a look at an SQLite schema), and two steps: ``open`` checks
the file and starts reading it before any project exists (so that a broken file leaves nothing
behind), ``load`` imports what was opened into a new, empty project in one transaction. A file is
given to the first format whose sniffer recognises it; when none does, to the format its suffix names;
else to REFI-QDA (whose reader explains what is wrong with a file that is not a .qdpx).

Formats live in their own modules and register themselves; this module imports them on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..project import Project
    from ._report import ImportReport
    from ._safety import Limits

__all__ = ["ProjectFormat", "ImportOptions", "register_format", "project_formats", "format_for"]


@dataclass(frozen=True)
class ImportOptions:
    """What a caller may ask of a project import: ``offsets`` overrides the offset convention (REFI-QDA),
    ``parallel`` reads in a child process (REFI-QDA), ``select`` names the project to take from a file
    that holds several (a Taguette database), ``seals`` verify a .qdpx's de-identification claims (REFI-QDA;
    :func:`makna.exchange.import_qdpx`)."""

    limits: Limits
    offsets: str | None = None
    parallel: bool | None = None
    select: str | None = None
    seals: Mapping[str, bytes] | None = None
    field_reviews: Sequence[Mapping[str, Any]] = ()
    """The free-text field reviews of the projects that verify the claims (:func:`makna.sync.deid_copy.field_rows`):
    a value imported as they reviewed it keeps its review (REFI-QDA; trial19 #2)."""


@dataclass(frozen=True)
class ProjectFormat:
    """One importable project format (see the module docstring)."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[Path], bool]
    open: Callable[[Path, ImportOptions], AbstractContextManager[Any]]
    load: Callable[[Project, Any, ImportOptions], ImportReport]
    description: str = ""


_FORMATS: dict[str, ProjectFormat] = {}
_MODULES = ("taguette", "qualcoder")
_loaded = False


def register_format(fmt: ProjectFormat) -> ProjectFormat:
    """Add (or replace) a format; returns it."""
    _FORMATS[fmt.name] = fmt
    return fmt


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in _MODULES:
        importlib.import_module(f"{__package__}.{name}")


def project_formats() -> list[ProjectFormat]:
    """Every registered format, REFI-QDA first."""
    _load()
    return list(_FORMATS.values())


def format_for(path: Path) -> ProjectFormat:
    """The format that reads ``path``: by its content and suffix, else by its content, else by its
    suffix, else REFI-QDA. An SQLite database that no format recognises is refused here, by name."""
    formats = project_formats()
    suffix = path.suffix.lower()
    sniffed = [fmt for fmt in formats if fmt.sniff(path)]
    for fmt in sniffed:
        if suffix in fmt.suffixes:
            return fmt
    if sniffed:
        return sniffed[0]
    for fmt in formats:
        if suffix in fmt.suffixes:
            return fmt
    if _head(path, 16) == b"SQLite format 3\x00":
        from ..errors import ExchangeError

        raise ExchangeError(f"{path}: an SQLite database that is neither a Taguette database nor a QualCoder "
                            "project (their tables are missing)")
    return _FORMATS["qdpx"]


def _sniff_refi(path: Path) -> bool:
    """A .qdpx (a zip), or a bare .qde: XML in the REFI-QDA project namespace."""
    head = _head(path, 4096)
    return head.startswith(b"PK\x03\x04") or b"urn:QDA-XML:project" in head.replace(b"\x00", b"")


def _head(path: Path, n: int) -> bytes:
    """The first ``n`` bytes of a regular file (empty for anything else)."""
    try:
        if not path.is_file():
            return b""
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


def _open_qdpx(path: Path, options: ImportOptions) -> AbstractContextManager[Any]:
    from .qdpx_read import open_qdpx

    return open_qdpx(path, options.limits, options.parallel)


def _load_qdpx(project: Project, opened: Any, options: ImportOptions) -> ImportReport:
    from .qdpx_read import import_opened

    return import_opened(project, opened, offsets=options.offsets, seals=options.seals,
                         field_reviews=options.field_reviews)


register_format(ProjectFormat(
    "qdpx", (".qdpx", ".qde"), _sniff_refi, _open_qdpx, _load_qdpx,
    "REFI-QDA project exchange file (makna, NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette, ...)"))
