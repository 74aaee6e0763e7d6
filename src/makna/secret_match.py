"""The one constant-time comparison of a secret in makna (sec21, #11).

A token from a request (a header, a cookie, a form field) in the workbench and the team server, and the seal of a
de-identification claim a ``.qdpx`` carries (trust22), are compared here and nowhere else, so that every comparison
of a secret takes the same time whatever the input and never raises on odd text.
"""

from __future__ import annotations

import hmac

__all__ = ["secrets_match"]


def secrets_match(sent: object, expected: str) -> bool:
    """Whether ``sent`` is ``expected``, compared in constant time over UTF-8 bytes (so non-ASCII text is compared,
    never a TypeError). Anything but a non-empty text never matches, nor does anything when ``expected`` is
    empty."""
    if not (isinstance(sent, str) and sent and isinstance(expected, str) and expected):
        return False
    return hmac.compare_digest(sent.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))
