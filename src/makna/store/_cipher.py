"""Encryption at rest for SQLite projects: the whole file (and its WAL) encrypted by SQLCipher 4.

The key is SQLCipher 4's own: PBKDF2-HMAC-SHA512 over the passphrase and the 16-byte salt SQLCipher
keeps at the start of the file, 256,000 iterations. makna derives it once per opened project (about
0.2 s) and gives SQLCipher the raw key, so the pool's later connections (and the bulk loader's) do
not pay the derivation again; the file stays a standard SQLCipher 4 database that any SQLCipher tool
opens with the passphrase (and ``PRAGMA cipher_page_size = 8192``: makna's 8 KiB pages). The
passphrase itself is never stored or logged; the derived key lives in memory only while the project
is open.

The optional ``sqlcipher3`` package provides the driver (``pip install 'makna[encrypt]'``).
"""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError, ProjectError

__all__ = [
    "Cipher",
    "Passphrase",
    "SQLITE_MAGIC",
    "ENV_PASSPHRASE",
    "ENV_KEY_FILE",
    "dbapi",
    "looks_encrypted",
    "passphrase_from_env",
    "read_key_file",
    "check_passphrase",
    "require_passphrase",
    "connect",
    "export_copy",
]

SQLITE_MAGIC = b"SQLite format 3\x00"
ENV_PASSPHRASE = "MAKNA_PASSPHRASE"
ENV_KEY_FILE = "MAKNA_KEY_FILE"
KDF_ITER = 256_000  # SQLCipher 4's default (PBKDF2-HMAC-SHA512)
SALT_BYTES = 16
KEY_BYTES = 32
PAGE_SIZE = 8192  # makna's page size (SQLCipher's default is 4096: other tools need PRAGMA cipher_page_size)
_MAX_KEY_FILE = 4096

#: A passphrase, or a function asked for one only when an encrypted file is opened (None: none known).
Passphrase = str | Callable[[], str | None] | None


def dbapi() -> Any:
    """The SQLCipher DB-API module; one clear error when the optional package is missing."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise ProjectError("encrypted projects need the sqlcipher3 package: pip install 'makna[encrypt]'") from None
    return dbapi2


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` may be an SQLCipher file: not a plain SQLite header, and a whole number of
    pages (SQLCipher pages are 512 bytes or a power of two above). A text file or an image rarely is."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and head != SQLITE_MAGIC


def check_passphrase(passphrase: str, origin: str = "passphrase") -> str:
    """``passphrase`` if usable: SQLCipher treats an empty key as no encryption at all."""
    if not passphrase:
        raise ProjectError(f"{origin}: empty passphrase (an encrypted project needs one)")
    return passphrase


def read_key_file(path: str | os.PathLike[str]) -> str:
    """The passphrase in a key file: its text, without the final line break."""
    p = Path(path).expanduser()
    try:
        if p.stat().st_size > _MAX_KEY_FILE:
            raise InputError(f"key file {p}: larger than {_MAX_KEY_FILE} bytes; is it the right file?")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"key file {p}: cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"key file {p}: not UTF-8 text") from None
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("\r"):
        text = text[:-1]
    return check_passphrase(text, f"key file {p}")


def passphrase_from_env(environ: Mapping[str, str] | None = None, key_file: str | None = None) -> str | None:
    """The passphrase in ``key_file`` (given explicitly: ``--key-file``), else ``$MAKNA_PASSPHRASE``, else
    the one in the file named by ``$MAKNA_KEY_FILE``; None when none is given."""
    env = os.environ if environ is None else environ
    if key_file:
        return read_key_file(key_file)
    if env.get(ENV_PASSPHRASE):
        return env[ENV_PASSPHRASE]
    return read_key_file(env[ENV_KEY_FILE]) if env.get(ENV_KEY_FILE) else None


@functools.lru_cache(maxsize=8)
def _derive(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's key derivation. The last few keys are kept in this process's memory, so that
    opening the same project again (a library user, a test) costs no second derivation;
    ``_derive.cache_clear()`` forgets them."""
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITER, KEY_BYTES)


class Cipher:
    """The SQLCipher key of one file (derived from a passphrase and the file's salt)."""

    __slots__ = ("_literal", "salt")

    def __init__(self, passphrase: str, salt: bytes) -> None:
        dbapi()  # no key without the driver that can use it
        check_passphrase(passphrase)
        key = _derive(passphrase, salt)
        self.salt = salt
        # SQLCipher's raw-key form: key and salt in hex; the salt is the one stored in the file
        self._literal = f"x'{key.hex()}{salt.hex()}'"

    @classmethod
    def new(cls, passphrase: str) -> Cipher:
        """The key for a new file, with a fresh random salt."""
        return cls(passphrase, secrets.token_bytes(SALT_BYTES))

    @classmethod
    def for_file(cls, path: Path, passphrase: str) -> Cipher:
        """The key of an existing encrypted file (its salt is its first 16 bytes)."""
        with path.open("rb") as fh:
            return cls(passphrase, fh.read(SALT_BYTES))

    def __repr__(self) -> str:
        return "Cipher(<key hidden>)"

    @property
    def literal(self) -> str:
        """The key as SQLCipher reads it (``PRAGMA key``, ``ATTACH ... KEY``)."""
        return self._literal

    def on_connect(self, dbapi_conn: Any, _record: Any = None) -> None:
        """Key a new connection: the first statement it runs."""
        cur = dbapi_conn.cursor()
        cur.execute(f'PRAGMA key = "{self._literal}"')
        cur.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
        cur.execute("PRAGMA temp_store = MEMORY")  # sorts and temporary tables never spill to disk in clear
        cur.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our one-line error, not a log on stderr
        cur.close()


def require_passphrase(path: Path, passphrase: Passphrase) -> str:
    """The passphrase for the encrypted file ``path``: ``passphrase`` itself or what its function gives."""
    dbapi()  # not asked for when it cannot be used
    given = passphrase() if callable(passphrase) else passphrase
    if given is None:
        raise ProjectError(f"{path} is encrypted: give its passphrase (passphrase=, ${ENV_PASSPHRASE} or "
                           f"${ENV_KEY_FILE})")
    return check_passphrase(given)


def connect(path: Path, cipher: Cipher | None, *, busy_ms: int = 5000) -> Any:
    """A raw SQLCipher connection to ``path`` (keyed with ``cipher``; None: a plain file), in autocommit,
    waiting up to ``busy_ms`` for another connection's lock."""
    conn = dbapi().connect(str(path), isolation_level=None)
    if cipher is not None:
        cipher.on_connect(conn)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    return conn


def export_copy(source_path: Path, source: Cipher | None, target_path: Path, target: Cipher | None) -> None:
    """Copy the whole database at ``source_path`` into the new, empty file ``target_path``, encrypted
    with ``target`` (None: plain SQLite), in makna's 8 KiB pages, by SQLCipher's ``sqlcipher_export``:
    schema, rows, full-text indexes."""
    conn = connect(source_path, source)
    try:
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(target_path), target.literal if target else ""))
        conn.execute(f"PRAGMA target.{'page_size' if target is None else 'cipher_page_size'} = {PAGE_SIZE}")
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
