"""Where the team server keeps the de-identification keys its web apply writes: a folder its
administrator names (``makna server run --key-dir DIR``), one file per project under a name made
from the project's id, never a path a browser sends.

Why a folder and not a download: after the first apply a project's key is needed again at every later
apply (sources imported later, fields edited later are replaced with the same surrogates, and
:func:`makna.privacy.project_apply.open_key` refuses a project with a key but no key file), so a
downloaded key would have to be uploaded again each time, by whoever has kept it. The folder is the
administrator's: outside the database (a dump or a project export does not carry it), on storage they
choose and back up apart from it; each file is encrypted with the passphrase of the manager who first
applied, which the server never stores.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputError, KeyFileError

__all__ = ["check_key_dir", "project_key_file"]


def check_key_dir(folder: str | os.PathLike[str]) -> Path:
    """``folder`` resolved, when it is an existing folder this process may write and no other account
    may (a group or anyone could remove, swap or plant key files there, a shared ``/tmp`` included);
    else an :class:`InputError`."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise InputError(f"key folder {path}: no such folder (create it, readable by the server's account only)")
    resolved = path.resolve()
    if resolved.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise InputError(
            f"key folder {resolved}: others may write there (its group or everyone), and so remove or swap "
            f"the keys: use a folder of the server's account alone (chmod 700 {resolved})"
        )
    if not os.access(resolved, os.W_OK | os.X_OK):
        raise InputError(f"key folder {resolved}: the server cannot write there")
    return resolved


def project_key_file(folder: Path, project_id: str) -> Path:
    """The key file of the project ``project_id`` in the key folder ``folder``: a plain file (or
    none yet) directly inside it; a link, a folder or any name that would leave it is refused."""
    safe = "".join(c for c in project_id if c.isalnum() or c == "-")
    if not safe or safe != project_id:
        raise KeyFileError(f"project id {project_id!r} cannot name a key file")
    root = folder.resolve()
    target = root / f"makna-{safe}.key"
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise KeyFileError(
            f"{target.name} in the key folder is not a plain file (a link or a folder): the server "
            "writes keys only as plain files inside the key folder; ask the administrator"
        )
    if target.parent != root:  # pragma: no cover - the name holds no separator
        raise KeyFileError("a key file must lie directly inside the key folder")
    return target
