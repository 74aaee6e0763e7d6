"""The re-identification key file: a :class:`KeyMapping` encrypted with a passphrase, outside the project.

Format (UTF-8 JSON)::

    {"format": "makna-deid-key", "version": 1, "project": "<project fingerprint>",
     "key_id": "<key fingerprint>", "kdf": {"name": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": "<b64>"},
     "cipher": "AES-256-GCM", "nonce": "<b64>", "ciphertext": "<b64>"}

The key is derived with Scrypt (memory-hard) from the passphrase and a random 16-byte salt; AES-256-GCM
encrypts the JSON payload with a random 12-byte nonce and authenticates the header as associated data,
so a changed header or ciphertext fails like a wrong passphrase. The project stores only ``key_id``.
Reading never writes; writing goes to a temporary file renamed into place.

Where the key lives and how strong its passphrase is decide whether it protects anyone:
:func:`key_location_risks` names a key file that travels with the project (in the project file's own
folder, or a subfolder of it unless that folder holds the user's home folder; or in the same synced or
versioned folder as the project: Dropbox, OneDrive, Google Drive, iCloud Drive, Nextcloud, ownCloud,
Seafile, pCloud, MEGA, Box, Syncthing, or a git, Mercurial or Subversion working copy), and
:func:`passphrase_risks` a weak passphrase (shorter than :data:`MIN_PASSPHRASE` characters, or guessed
within about 10^10 tries by ``zxcvbn``'s offline estimate: score below 3, with the project's name as a
hint). ``makna deid apply`` refuses either without ``--force``.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import json
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import KeyFileError
from .pseudonymise import KeyMapping

__all__ = ["KEY_FORMAT", "KEY_VERSION", "MIN_PASSPHRASE", "key_location_risks", "passphrase_risks",
           "project_fingerprint", "read_header", "read_key", "write_key"]

KEY_FORMAT = "makna-deid-key"
KEY_VERSION = 1
_SCRYPT_N = 2**15
_HEADER_FIELDS = ("format", "version", "project", "key_id", "kdf", "cipher", "nonce")
MIN_PASSPHRASE = 12
"""The shortest passphrase :func:`passphrase_risks` accepts."""
_SYNC_NAMES = ("dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive", "icloud",
               "mobile documents", "nextcloud", "owncloud", "seafile", "pcloud", "mega", "box", "box sync",
               "syncthing")
"""Folder names (case-folded; ``OneDrive - Org`` counts) of synchronisation clients."""
_SYNC_MARKERS = (".dropbox", ".dropbox.cache", ".stfolder", ".sync", ".nextcloudsync.log", ".owncloudsync.log",
                 ".git", ".hg", ".svn")
"""Files or folders that mark a synced folder or a versioned working copy."""


def _synced_root(folder: Path, home: Path) -> Path | None:
    """The nearest folder at or above ``folder`` (below the home folder) that a sync client or version
    control copies as a whole."""
    for candidate in (folder, *folder.parents):
        if candidate == home or candidate in home.parents:
            return None
        name = candidate.name.casefold()
        if name in _SYNC_NAMES or name.startswith("onedrive") or any(
                (candidate / m).exists() for m in _SYNC_MARKERS):
            return candidate
    return None


def key_location_risks(key: str | Path, project_file: str | Path | None) -> list[str]:
    """Why a key file at ``key`` would travel with the project file ``project_file`` (None: a server
    project, no folder): one sentence per reason, none when it is kept apart (see the module docs)."""
    if project_file is None:
        return []
    target, db = Path(key).expanduser().resolve(), Path(project_file).expanduser().resolve()
    folder, home = db.parent, Path.home().resolve()
    risks: list[str] = []
    if target.parent == folder or (target.is_relative_to(folder) and not home.is_relative_to(folder)):
        risks.append(f"the key file {target} is inside the project's folder {folder}: whoever gets a copy of "
                     "the folder gets the key")
    root = _synced_root(folder, home)
    if root is not None and target.is_relative_to(root) and not risks:
        risks.append(f"the key file {target} is in {root}, which is synced or versioned with the project: every "
                     "copy of it holds the key")
    return risks


def passphrase_risks(passphrase: str, *, hints: tuple[str, ...] = ()) -> list[str]:
    """Why ``passphrase`` is weak (see the module docs), or nothing; ``hints``: words an attacker knows
    (the project's name)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return [f"the key passphrase is shorter than {MIN_PASSPHRASE} characters"]
    estimate: Any = importlib.import_module("zxcvbn").zxcvbn  # (its word lists load on first use only)
    words = [w for h in hints for w in h.replace("-", " ").replace("_", " ").replace(".", " ").split()]
    score = int(estimate(passphrase[:100], user_inputs=["makna", *hints, *words])["score"])
    if score < 3:
        return ["the key passphrase is easy to guess (common words, names, dates or patterns): use four or more "
                "unrelated words"]
    return []


def project_fingerprint(project_id: str) -> str:
    """A short, non-reversible fingerprint of a project's identity (stored in the key file header)."""
    return hashlib.sha256(f"makna-project:{project_id}".encode()).hexdigest()[:32]


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if not passphrase:
        raise KeyFileError("the passphrase is empty")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps({k: header[k] for k in _HEADER_FIELDS}, sort_keys=True, separators=(",", ":")).encode()


def write_key(
    path: str | Path,
    mapping: KeyMapping,
    passphrase: str,
    *,
    project: str,
    key_id: str | None = None,
    replacements: dict[str, Any] | None = None,
) -> str:
    """Encrypt ``mapping`` (and optional per-source replacement records) to ``path``; returns the key id.

    ``project`` is the project fingerprint (see :func:`project_fingerprint`). Pass the existing
    ``key_id`` when rewriting a project's key, so the fingerprint the project stores stays valid.
    """
    target = Path(path)
    kid = key_id or secrets.token_hex(16)
    salt, nonce = os.urandom(16), os.urandom(12)
    header: dict[str, Any] = {
        "format": KEY_FORMAT,
        "version": KEY_VERSION,
        "project": project,
        "key_id": kid,
        "kdf": {"name": "scrypt", "n": _SCRYPT_N, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode()},
        "cipher": "AES-256-GCM",
        "nonce": base64.b64encode(nonce).decode(),
    }
    payload = json.dumps(
        {"project": project, "key_id": kid, "mapping": mapping.to_dict(), "replacements": replacements or {}},
        ensure_ascii=False,
    ).encode("utf-8")
    key = _derive(passphrase, salt, _SCRYPT_N, 8, 1)
    ciphertext = AESGCM(key).encrypt(nonce, payload, _aad(header))
    document = {**header, "ciphertext": base64.b64encode(ciphertext).decode()}
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".makna-key-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(document, fh, indent=1)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return kid


def read_header(path: str | Path) -> dict[str, Any]:
    """The clear header of a key file (no passphrase needed); raises :class:`KeyFileError` if unusable."""
    source = Path(path)
    if not source.is_file():
        raise KeyFileError(f"key file not found: {source}")
    try:
        doc = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise KeyFileError(f"{source} is not a makna key file") from None
    if not isinstance(doc, dict) or doc.get("format") != KEY_FORMAT:
        raise KeyFileError(f"{source} is not a makna key file")
    if doc.get("version") != KEY_VERSION:
        raise KeyFileError(f"{source}: key file version {doc.get('version')!r} is not supported")
    missing = [k for k in (*_HEADER_FIELDS, "ciphertext") if k not in doc]
    if missing:
        raise KeyFileError(f"{source}: key file is incomplete ({', '.join(missing)})")
    return doc


def read_key(
    path: str | Path,
    passphrase: str,
    *,
    project: str | None = None,
    key_id: str | None = None,
) -> tuple[KeyMapping, dict[str, Any]]:
    """Decrypt a key file; returns the mapping and the stored replacement records.

    ``project`` and ``key_id``, when given, must equal the header's (else: a key of another project).
    A wrong passphrase and a tampered file both raise :class:`KeyFileError`; nothing is written.
    """
    doc = read_header(path)
    if project is not None and doc["project"] != project:
        raise KeyFileError("this key file belongs to another project (fingerprint mismatch)")
    if key_id is not None and doc["key_id"] != key_id:
        raise KeyFileError("this key file is not the key this project was de-identified with (fingerprint mismatch)")
    kdf = doc["kdf"]
    try:
        if kdf.get("name") != "scrypt" or int(kdf["n"]) < 2**14:
            raise KeyFileError("unsupported or weak key derivation in the key file")
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        ciphertext = base64.b64decode(doc["ciphertext"], validate=True)
        key = _derive(passphrase, salt, int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        payload = AESGCM(key).decrypt(nonce, ciphertext, _aad(doc))
    except InvalidTag:
        raise KeyFileError("wrong passphrase, or the key file has been altered") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileError(f"the key file is damaged ({exc.__class__.__name__})") from None
    data = json.loads(payload.decode("utf-8"))
    if data.get("project") != doc["project"] or data.get("key_id") != doc["key_id"]:
        raise KeyFileError("the key file has been altered (header and payload disagree)")
    return KeyMapping.from_dict(data["mapping"]), dict(data.get("replacements", {}))
