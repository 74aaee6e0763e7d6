"""Encryption at rest: turn an existing project file into an encrypted one and back.

A new encrypted project comes from ``create_project(path, passphrase=...)``; an encrypted one opens
with ``open_project(path, passphrase=...)`` (or ``$MAKNA_PASSPHRASE`` / ``$MAKNA_KEY_FILE``). The
whole SQLite file is encrypted by SQLCipher 4 (``pip install 'makna[encrypt]'``), its write-ahead log
too; see :mod:`makna.store._cipher`.

:func:`encrypt_project` and :func:`decrypt_project` write the converted copy into a temporary file
next to the project, check that it holds every row, then put it in the project's place in one step
(``os.replace``); when anything fails the project stays as it was. Close any workbench on the
project first. The old plain file's blocks may survive on the disk (and in backups) until they are
overwritten: encrypt a project before its transcripts go in where that matters. Close the project in
this process too: the conversion uses SQLCipher's own SQLite library, whose file locks the standard
library's connections (in the same process) do not see.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from .errors import ProjectError
from .event_kinds import EventKind
from .project import default_coder_name
from .store import Store, resolve_location, sqlite_path
from .store._cipher import Cipher, connect, dbapi, export_copy, looks_encrypted, passphrase_from_env

__all__ = ["is_encrypted", "encrypt_project", "decrypt_project"]


def is_encrypted(location: str | os.PathLike[str]) -> bool:
    """Whether ``location`` is an encrypted project file (judged from its first bytes)."""
    path = sqlite_path(resolve_location(location))
    return path is not None and path.is_file() and looks_encrypted(path)


def encrypt_project(location: str | os.PathLike[str], passphrase: str, *, coder: str | None = None) -> None:
    """Encrypt the plain project file at ``location`` with ``passphrase``."""
    path = _file(location)
    if looks_encrypted(path):
        raise ProjectError(f"{path}: already encrypted (or not a makna project)")
    _convert(path, None, passphrase, "project.encrypt", coder)


def decrypt_project(location: str | os.PathLike[str], passphrase: str | None = None, *,
                    coder: str | None = None) -> None:
    """Turn the encrypted project file at ``location`` back into a plain SQLite file. The passphrase
    as for :func:`makna.open_project`."""
    path = _file(location)
    if not looks_encrypted(path) and path.is_file():
        Store.open(path).close()  # a plain project, or the reason why the file is not one
        raise ProjectError(f"{path}: not encrypted")
    _convert(path, passphrase, None, "project.decrypt", coder)


def _file(location: str | os.PathLike[str]) -> Path:
    path = sqlite_path(resolve_location(location))
    if path is None:
        raise ProjectError(f"{location}: encryption is for project files; a database server encrypts its own storage")
    return path


def _convert(path: Path, old: str | None, new: str | None, action: EventKind, coder: str | None) -> None:
    store = Store.open(path, old if old is not None else passphrase_from_env)  # checks and migrates it
    source = store.cipher
    store.close()
    target = Cipher.new(new) if new is not None else None
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    lock = connect(path, source, busy_ms=500)  # a writer at work: refuse rather than wait
    try:
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        try:
            busy = lock.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:
                lock.execute("BEGIN IMMEDIATE")  # no other writer until the copy has replaced the file
        except dbapi().OperationalError:
            busy = 1
        if busy:
            raise ProjectError(f"{path} is in use by another program (a workbench?): close it first")
        try:
            export_copy(path, source, tmp, target)
            _check_copy(path, source, tmp, target)
        except dbapi().Error as exc:
            raise ProjectError(f"{path}: cannot convert ({exc}); nothing was changed") from None
        copy = Store.open(tmp, new)
        try:
            with copy.write(coder or default_coder_name(), action, {}):
                pass
        finally:
            copy.close()
        if Path(f"{tmp}-wal").exists():  # pragma: no cover - the last connection folds the log in
            raise ProjectError(f"{tmp}: the copy kept a write-ahead log; nothing was changed")
        lock.execute("ROLLBACK")
        lock.close()
        os.replace(tmp, path)
    except BaseException:
        lock.close()
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):  # the old file's, emptied above
        leftover.unlink(missing_ok=True)


def _counts(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _check_copy(path: Path, source: Cipher | None, tmp: Path, target: Cipher | None) -> None:
    """Refuse a copy that is damaged or lacks a row of the original."""
    original, copy = connect(path, source), connect(tmp, target)
    try:
        ok = copy.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok" or _counts(original) != _counts(copy):
            raise ProjectError(f"{path}: the converted copy differs from the project ({ok}); nothing was changed")
    finally:
        original.close()
        copy.close()
