"""A consistent copy of a project file, safe while the workbench or another program has it open.

A file manager's copy of ``study.makna`` can miss what the write-ahead log (``study.makna-wal``) still holds,
or catch the file halfway through a checkpoint; a reader that keeps a transaction open holds the log's frames
back. :func:`copy_project` reads the project at one moment through SQLite itself (``VACUUM INTO``; an encrypted
file through SQLCipher's ``sqlcipher_export``, with the same key), so the copy holds every change committed
before it began, and it never overwrites a file.

With ``coder``, the copy is a second coder's: it acts as that coder with at most the coder role (codings and
memos; the codebook stays the project's) and ``makna push COPY`` later brings the coder's work back into the
project it was copied from, as a team server takes an offline coder's (:func:`makna.sync.local.mark_coder_copy`).
A *blind* coder's copy (``blind``; the default while a blind round is open in the project) is not a copy of the
file at all: it is written, as a refresh is, from what that coder may see (:func:`makna.sync.server.snapshot`): the
sources, codebook, cases and sets, and of the codings and memos on codings only the coder's own; none of the
project's log, so nothing in the file tells how the others coded. Refreshing it (``makna pull COPY``) keeps it blind.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path

from .errors import ConflictError, InputError, ProjectError, SyncError
from .store import Store, resolve_location, sqlite_path
from .store._cipher import Passphrase, dbapi, export_copy, looks_encrypted, require_passphrase

__all__ = ["copy_project", "copy_for_coder"]


def copy_project(
    location: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    passphrase: Passphrase = None,
    coder: str | None = None,
    blind: bool | None = None,
) -> Path:
    """Copy the project file at ``location`` to the new file ``target`` and return its path.

    The copy is taken at one moment and holds everything committed before it (also what is still in the
    write-ahead log); an encrypted project stays encrypted with the same passphrase (asked through
    ``passphrase``, a string or a function, as :meth:`makna.store.Store.open` takes it). A server project
    (PostgreSQL) is refused: ``makna pull`` makes an offline copy of one. With ``coder``: that second coder's copy
    (:func:`copy_for_coder`, ``blind`` as there).
    """
    if coder is None:
        if blind:
            raise InputError("--blind is for a second coder's copy: give --coder NAME")
        return _copy(location, target, passphrase, None, None)[0]
    return copy_for_coder(location, target, coder, passphrase=passphrase, blind=blind)[0]


def copy_for_coder(location: str | os.PathLike[str], target: str | os.PathLike[str], coder: str, *,
                   passphrase: Passphrase = None, blind: bool | None = None,
                   actor: str | None = None) -> tuple[Path, bool]:
    """:func:`copy_project` for the second coder ``coder``, and whether the copy is blind. ``blind``: it holds none
    of the other coders' codings, nor memos on them, nor the project's log (None: blind when a blind round is open
    in the project; ``False`` is refused then). ``actor``: who makes it, as the project's log records it (None: the
    project's own coder; the workbench gives the person logged in)."""
    return _copy(location, target, passphrase, coder, blind, actor)


def _copy(location: str | os.PathLike[str], target: str | os.PathLike[str], passphrase: Passphrase,
          coder: str | None, blind: bool | None, actor: str | None = None) -> tuple[Path, bool]:
    source = sqlite_path(resolve_location(location))
    if source is None:
        raise InputError(f"{location}: a server project; 'makna pull' makes an offline copy of one")
    if not source.is_file():
        raise InputError(f"{source}: no such project file")
    dest = Path(target)
    if dest.exists():
        raise InputError(f"{dest}: already exists; a copy never overwrites a file, choose another name")
    if not dest.parent.is_dir():
        raise InputError(f"{dest.parent}: no such folder")
    for journal in (Path(f"{dest}-wal"), Path(f"{dest}-shm")):
        if journal.exists():  # a project of that name was open here (a restore over it): SQLite would read it
            raise InputError(
                f"{journal}: the write-ahead log of a project file of that name is still here, and SQLite would "
                "apply it to the new file; stop makna serve or any other program that had it open, then move "
                f"{dest.name}-wal and {dest.name}-shm away and copy again"
            )
    if coder is not None and not coder.strip():
        raise InputError("--coder: give the second coder's name")
    secret = require_passphrase(source, passphrase) if looks_encrypted(source) else None
    store = Store.open(source, secret)  # a project file (checked, migrated), and its key if encrypted
    cipher = store.cipher
    pulled = coder is not None and "sync.server" in store.meta()
    in_round = _blind_round(store) if coder is not None else None
    held = _held(store) if coder is not None else 0
    store.close()
    if held:  # a coder's copy never holds a source not de-identified yet (makna.holds)
        from .holds import RELEASE_HINT

        raise ConflictError(f"a coder's copy is refused while {held} source(s) imported after the "
                            f"de-identification are held, not de-identified yet (see 'makna sources'): {RELEASE_HINT}")
    if pulled:
        raise SyncError(f"{source}: already a coder's copy; make the copy from the project itself")
    if in_round is not None and blind is False:
        raise InputError(f"blind round {in_round!r} is open: a second coder's copy is blind while it is (leave "
                         "--no-blind out, or close the round first)")
    blind = coder is not None and (blind if blind is not None else in_round is not None)
    if coder is not None and not blind:
        from .privacy.seals import PROJECT_SEALER

        if coder.strip() == PROJECT_SEALER:  # review23: the word a claim sealed by the project itself says
            raise InputError(f"--coder {PROJECT_SEALER!r} names the project's own seal: give the coder another name")
        _seal_first(source, secret, actor)
    part = dest.with_name(f".{dest.name}.part")
    part.unlink(missing_ok=True)
    errors: tuple[type[BaseException], ...] = (sqlite3.Error, OSError)
    if cipher is not None:
        errors += (dbapi().Error,)
    try:
        token = secrets.token_hex(16)
        sealed: str | None = None
        if blind and coder is not None:
            _blind_copy(part, source, coder.strip(), secret, token)
        else:
            if cipher is not None:
                export_copy(source, cipher, part, cipher)
            else:
                conn = sqlite3.connect(source, isolation_level=None, timeout=5)
                try:
                    conn.execute("VACUUM INTO ?", (str(part),))
                finally:
                    conn.close()
            if coder is not None:
                sealed = _for_coder(part, source, coder.strip(), secret, token)
        os.chmod(part, source.stat().st_mode & 0o777)
        if coder is not None:
            _record_copy(source, coder.strip(), secret, token, dest, {"seal": sealed, "blind": blind}, actor)
        os.replace(part, dest)  # the copy appears whole or not at all
    except errors as exc:
        part.unlink(missing_ok=True)
        raise ProjectError(f"{source}: cannot copy to {dest} ({exc})") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return dest, blind


def _for_coder(part: Path, source: Path, coder: str, secret: str | None, token: str) -> str | None:
    """Make ``part`` ``coder``'s copy: it holds its own seal key instead of the project's
    (:func:`makna.privacy.seals.issue_member_key`), then acts as the coder. Returns the project key's id the
    copy's key derives from (None: the project has no key)."""
    from .privacy.seals import issue_member_key, meta_seal
    from .project import open_project
    from .sync.local import mark_coder_copy

    with open_project(part, coder=coder, passphrase=secret) as copy:
        master = meta_seal(copy.store.meta())
        sealed = issue_member_key(copy, coder, master, token) if master is not None else None
        mark_coder_copy(copy, origin=str(source.resolve()), coder=coder, token=token)
    return sealed


def _seal_first(source: Path, secret: str | None, actor: str | None = None) -> None:
    """Make the project's seal key now if it holds a de-identified source and has none, so that a coder's copy
    gets that member's own key (:mod:`makna.privacy.seals`)."""
    from .privacy.seals import seal_key
    from .project import open_project

    with open_project(source, coder=actor, passphrase=secret) as proj:
        seal_key(proj)


def _held(store: Store) -> int:
    """How many sources of the project in ``store`` are held for de-identification (:mod:`makna.holds`)."""
    from .holds import count_held

    with store.read() as conn:
        return count_held(conn)


def _blind_round(store: Store) -> str | None:
    """The name of the blind round open in the project, if one is."""
    from sqlalchemy import select

    from .store import tables

    r = tables.rounds.c
    with store.read() as conn:
        name = conn.execute(select(r.name).where(r.closed_at.is_(None), r.blind.is_(True))).scalar()
    return None if name is None else str(name)


def _blind_copy(part: Path, source: Path, coder: str, secret: str | None, token: str) -> None:
    """Write at ``part`` the blind copy of ``source`` for ``coder``: what they may see, as a refresh writes it."""
    from .access import Access
    from .project import open_project
    from .sync.local import write_copy
    from .sync.server import snapshot

    with open_project(source, coder=coder, passphrase=secret) as origin:
        origin.store.access = Access({coder: "coder"})  # as the copy will act (makna.sync.local.guard)
        snap = snapshot(origin, blind=True)
        project_id = origin.store.meta()["project_id"]
    write_copy(part, snap, server=str(source.resolve()), project_id=project_id, project_name=str(snap["name"]),
               token=None, csrf=None, passphrase=secret, copy_token=token, blind=True)


def _record_copy(source: Path, coder: str, secret: str | None, token: str, dest: Path,
                 seal: dict[str, object], actor: str | None = None) -> None:
    """Log in the project that a copy for ``coder`` was made (``sync.pull``, with the copy's token and ``seal``:
    the project key's id the copy's own seal key derives from, and whether it is blind): a push is taken only from
    a copy the project made, and only as the coder it was made for; its seals verify only while it is not
    withdrawn (:mod:`makna.privacy.seal_copies`)."""
    from .project import open_project

    with open_project(source, coder=actor, passphrase=secret) as proj:
        payload = {"origin": "file", "coder": coder, "copy_token": token, "copy": dest.name, **seal}
        with proj.store.write(proj.actor, "sync.pull", payload):
            pass
