"""Postcodes by their national shapes where the shape is distinctive (issue #11): an ADDRESS on their own.

* Irish Eircodes: a routing key (a letter and two digits, or ``D6W``) and four characters from the Eircode
  alphabet (``N39 X7P4``);
* Canadian postal codes: letter, digit, letter, space, digit, letter, digit (``M5V 2T6``), letters from the
  ones Canada Post uses.

UK postcodes are found in :mod:`makna.privacy.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import ascii_finditer
from .types import Detection

__all__ = ["find_postcodes"]

_EIR = "ACDEFHKNPRTVWXY"
_POSTCODE: Final = re.compile(
    rf"[A-Z](?<![\w\-][A-Z])(?:(?P<eir>(?<=[{_EIR}])\d{{2}}|(?<=D)6W)[ ](?=[{_EIR}\d]{{4}}\b)(?=[^\n]{{0,3}}[{_EIR}])"
    rf"[{_EIR}\d]{{4}}|(?P<ca>(?<=[ABCEGHJ-NPRSTVXY])\d[ABCEGHJ-NPRSTV-Z][ ]\d[ABCEGHJ-NPRSTV-Z]\d))(?![\w\-])"
)
"""An Eircode (routing key, a space, four characters with at least one letter) or a Canadian postal code."""


def find_postcodes(text: str) -> Iterator[Detection]:
    """Irish Eircodes and Canadian postal codes."""
    for m in ascii_finditer(_POSTCODE, text):
        kind = "eircode" if m.group("eir") is not None else "ca"
        yield Detection(m.start(), m.end(), "ADDRESS", 0.85, f"address.{kind}", m.group(0))
