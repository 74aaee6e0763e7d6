"""Postcodes by their national shapes where the shape is distinctive (issue #11): an ADDRESS on their own.

* Irish Eircodes: a routing key (a letter and two digits, or ``D6W``) and four characters from the Eircode
  alphabet (``N39 X7P4``);
* Canadian postal codes: letter, digit, letter, space, digit, letter, digit (``M5V 2T6``), letters from the
  ones Canada Post uses.

UK postcodes are found in :mod:`makna.privacy.patterns`. Before any postcode (UK, Irish, Canadian, or a US or
Australian state and its number), a house number and capitalised words followed by up to two towns is the
street address, whatever its last word (``17 Skerry Brae, Boddam, AB42 7QJ``): no street-type word needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import DIGIT_LINES, lines_finditer
from .types import Detection

__all__ = ["find_postcodes"]

_EIR = "ACDEFHKNPRTVWXY"
_POSTCODE: Final = re.compile(
    rf"[A-Z](?<![\w\-][A-Z])(?:(?P<eir>(?<=[{_EIR}])\d{{2}}|(?<=D)6W)[ ](?=[{_EIR}\d]{{4}}\b)(?=[^\n]{{0,3}}[{_EIR}])"
    rf"[{_EIR}\d]{{4}}|(?P<ca>(?<=[ABCEGHJ-NPRSTVXY])\d[ABCEGHJ-NPRSTV-Z][ ]\d[ABCEGHJ-NPRSTV-Z]\d))(?![\w\-])"
)
"""An Eircode (routing key, a space, four characters with at least one letter) or a Canadian postal code."""


_ANY_POSTCODE: Final = re.compile(
    r"[A-Z](?<![\w\-][A-Z])(?:[A-Z]?\d[A-Z\d]?[ ]\d[A-Z]{2}|(?<=[AC-FHKNPRTV-Y])\d{2}[ ][AC-FHKNPRTV-Y\d]{4}"
    r"|(?<=D)6W[ ][A-Z\d]{4}|\d[A-Z][ ]\d[A-Z]\d|(?P<state>[A-Z][ ]\d{5}(?:-\d{4})?"
    r"|(?:(?<=N)SW|(?<=V)IC|(?<=Q)LD|(?<=[WS])A|(?<=T)AS|(?<=A)CT|(?<=N)T)[ ]\d{4}))(?![\w\-])"
)
"""Any postcode the numbered-address rule accepts as a tail: UK, Eircode, Canadian, a US state and ZIP, an
Australian state and postcode (the first letter consumed by a set, see ``_fastrx``)."""
_NUMBERED_BEFORE: Final = re.compile(
    r"(?<![\w/\-])(?P<a>\d{1,4}[A-Za-z]?(?:/\d{1,4})?[ \t]+[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,3}),[ \t]+"
    r"(?:[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,2},?[ \t]+){0,2}$"
)
_DIGIT_GATE: Final = re.compile(r"\d")


def find_postcodes(text: str) -> Iterator[Detection]:
    """Irish Eircodes and Canadian postal codes; a numbered street address ahead of any postcode."""
    for m in lines_finditer(_POSTCODE, DIGIT_LINES, text):
        kind = "eircode" if m.group("eir") is not None else "ca"
        yield Detection(m.start(), m.end(), "ADDRESS", 0.85, f"address.{kind}", m.group(0))
    for m in lines_finditer(_ANY_POSTCODE, DIGIT_LINES, text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = _NUMBERED_BEFORE.search(text, max(line_start, m.start() - 90), m.start())
        if before is not None:
            raw = before.group("a")
            yield Detection(before.start("a"), before.end("a"), "ADDRESS", 0.85, "address.before_postcode", raw)
            if m.group("state") is not None:  # "NSW 2131", "TX 77036" after a street address
                yield Detection(m.start(), m.end(), "ADDRESS", 0.8, "address.state_code", m.group(0))
