"""A codebook or cases file given as bytes (a browser's upload into a team-server project), read by
the same readers as ``makna codebook import`` (makna YAML or REFI-QDA ``.qdc``) and ``makna cases
import`` (YAML or CSV): all or nothing, one transaction and one event (``codebook.import``,
``exchange.import_qdc`` or ``cases.import``) that every open page of the project learns of live.
Only a manager (or owner) may: the role is checked before the file is read.

The YAML codebook is read from memory; the other readers take a path, so the bytes are written to
a private temporary folder that is removed at once (error messages name the file, not the folder)."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .access import require
from .errors import InputError, MaknaError
from .project import Project

__all__ = [
    "FileImport",
    "CODEBOOK_SUFFIXES",
    "CASES_SUFFIXES",
    "MAX_FILE_BYTES",
    "import_codebook_bytes",
    "import_cases_bytes",
]

#: The file kinds each import reads.
CODEBOOK_SUFFIXES = (".yaml", ".yml", ".qdc")
CASES_SUFFIXES = (".yaml", ".yml", ".csv")
#: The largest codebook or cases file taken (bytes).
MAX_FILE_BYTES = 20 * 1024 * 1024

_T = TypeVar("_T")


@dataclass(frozen=True)
class FileImport:
    """What importing a file did: ``added`` and ``updated`` codes (or cases), code sets or attributes
    defined (``other``), and notes (a ``.qdc``'s, or one line per changed case)."""

    file: str
    added: int
    updated: int
    other: int = 0
    notes: tuple[str, ...] = ()


def _check(project: Project, filename: str, data: bytes, suffixes: tuple[str, ...], what: str) -> str:
    require(project, "manage")
    name = Path(filename.replace("\\", "/")).name
    suffix = Path(name).suffix.lower()
    if suffix not in suffixes:
        raise InputError(f"{name or 'the file'}: a {what} file is {', '.join(suffixes)}")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for a {what} file")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    return name


@contextmanager
def _as_file(name: str, data: bytes) -> Iterator[Path]:
    """``data`` as a file called like ``name`` in a private temporary folder (removed afterwards)."""
    safe = re.sub(r"[^\w.\- ]", "_", name) or "upload"
    with tempfile.TemporaryDirectory(prefix="makna-upload-") as folder:
        path = Path(folder) / safe
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        yield path


def _named(path: Path, name: str, read: Callable[[], _T]) -> _T:
    """``read()``, with the temporary folder left out of an error's message."""
    try:
        return read()
    except MaknaError as exc:
        message = str(exc).replace(str(path), name)
        if message == str(exc):
            raise
        try:
            replaced = type(exc)(message)
        except TypeError:
            raise exc from None
        raise replaced from None


def import_codebook_bytes(project: Project, filename: str, data: bytes) -> FileImport:
    """Add (or update) codes from a makna codebook YAML file or a REFI-QDA ``.qdc`` given as bytes."""
    name = _check(project, filename, data, CODEBOOK_SUFFIXES, "codebook")
    if Path(name).suffix.lower() == ".qdc":
        from .exchange import import_qdc

        with _as_file(name, data) as path:
            report = _named(path, name, lambda: import_qdc(project, path))
        return FileImport(name, report.codes, report.codes_updated, report.sets, tuple(report.notes))
    from .codebook import import_codebook, load_codebook

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot read as a UTF-8 YAML codebook") from None
    result = import_codebook(project, load_codebook(text, origin=name))
    return FileImport(name, result.added, result.updated)


def import_cases_bytes(project: Project, filename: str, data: bytes) -> FileImport:
    """Add (or update) cases from a YAML or CSV cases file given as bytes (see
    :func:`makna.cases.load_cases_file`)."""
    from .cases import load_cases_file

    name = _check(project, filename, data, CASES_SUFFIXES, "cases")
    with _as_file(name, data) as path:
        result = _named(path, name, lambda: load_cases_file(project, path))
    return FileImport(name, result.added, result.updated, result.attributes, result.changes)
