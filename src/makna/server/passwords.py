"""Password hashing with Argon2id (argon2-cffi, the maintained binding of the reference C code),
with its recommended parameters (RFC 9106's second choice: 64 MiB, 3 passes, 4 lanes)."""

from __future__ import annotations

import functools
import threading
from typing import Any

from ..errors import InputError, require_extra

__all__ = ["MIN_LENGTH", "hash_password", "verify_password", "check_new_password"]

MIN_LENGTH = 10


@functools.cache
def _hasher() -> Any:
    require_extra("server", "the team server", "argon2")
    from argon2 import PasswordHasher

    return PasswordHasher()


def check_new_password(password: str) -> str:
    """``password`` when it is long enough to choose; otherwise an :class:`InputError`."""
    if len(password) < MIN_LENGTH:
        raise InputError(f"the password is too short: use at least {MIN_LENGTH} characters")
    if len(password) > 1024:
        raise InputError("the password is too long: use at most 1024 characters")
    return password


def hash_password(password: str) -> str:
    """The Argon2id hash of ``password`` (a PHC string with its own salt and parameters)."""
    return str(_hasher().hash(check_new_password(password)))


#: Argon2 takes 64 MiB and a core for a moment: a crowd of logins at once waits its turn instead of
#: exhausting memory and starving the requests of users already at work.
_AT_ONCE = threading.BoundedSemaphore(2)


def verify_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches the ``stored`` hash (False for a malformed hash)."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    with _AT_ONCE:
        try:
            return bool(_hasher().verify(stored, password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was hashed with older parameters than the current ones."""
    return bool(_hasher().check_needs_rehash(stored))
