"""Identity numbers whose check character stands in brackets (issue #11).

A Hong Kong identity card number is one or two letters, six digits and a check character written in brackets
(``A123456(3)``, ``WX 120934(2)``): the check character is 11 minus the weighted sum modulo 11 (``A`` for ten),
the letters valued ``A`` = 10 to ``Z`` = 35 and a missing second letter 36. The bracketed check character after six
digits is itself the sign of an identity number, so the shape is found with no document word; a failed check
lowers the confidence (test data and typos are not valid numbers). Only the published format: no value from a
corpus file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import gated_finditer, trigger
from .types import Detection

__all__ = ["find_bracket_ids", "hkid_valid"]

_HKID: Final = re.compile(r"[A-Z](?<![\w\-][A-Z])[A-Z]?[ ]?\d{6}[ ]?\([0-9A]\)(?![\w\-])")
_GATE: Final = trigger(["("])


def hkid_valid(code: str) -> bool:
    """True when a Hong Kong identity card number (``A123456(3)``, spaces allowed) carries its check character."""
    plain = re.sub(r"[ ()]", "", code.upper())
    m = re.fullmatch(r"([A-Z]{1,2})(\d{6})([0-9A])", plain)
    if m is None:
        return False
    letters = m.group(1).rjust(2, " ")
    values = [36 if c == " " else ord(c) - 55 for c in letters] + [int(d) for d in m.group(2)]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return m.group(3) == ("A" if check == 10 else str(check))


def find_bracket_ids(text: str) -> Iterator[Detection]:
    """Hong Kong identity card numbers by their shape (0.95 with a valid check character, 0.85 without)."""
    for m in gated_finditer(_HKID, _GATE, text):
        conf = 0.95 if hkid_valid(m.group(0)) else 0.85
        yield Detection(m.start(), m.end(), "NATIONAL_ID", conf, "id.bracket_check", m.group(0))
