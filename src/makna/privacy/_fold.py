"""Detection over Latin letters with diacritics: fold them, one character for one, for the detectors.

The detectors' word patterns read a capital as ASCII (``[A-Z]``; small letters mostly as any letter), so a name
or place that starts with a capital such as Ł, Ž, Ś, Ø or Ć was no capitalised word at all: "I came from Łódź"
and "my manager Željko Ćosić" were missed while "Lodz" and "Zeljko Cosic" were found (trial10). :func:`folded`
gives the text with every Latin capital that carries a diacritic (or is a letter of its own such as Ł, Ø, Đ, Æ)
replaced by the one ASCII capital it is read as, so every offset stays the caller's; the spans found there are
spans of the caller's text. Small letters are left as they are ("café", "Thaís": folding them made ordinary words
of names, "Thais"), and so are other scripts, digits and punctuation.
"""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["folded"]

_OWN_LETTERS: Final = {
    "Ł": "L", "Ø": "O", "Đ": "D", "Ħ": "H", "Æ": "A", "Œ": "O", "Þ": "T", "Ð": "D", "Ŧ": "T", "Ŋ": "N",
    "Ɖ": "D", "Ɛ": "E", "Ɔ": "O",
}  # fmt: skip
"""Latin capitals with no decomposition into an ASCII letter and a mark (Polish Ł, Danish Ø, Croatian Đ, the
Ghanaian and Nigerian Ɛ and Ɔ), each read as the ASCII capital nearest in shape and sound."""


def _table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _OWN_LETTERS.items() if k.isupper()}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        if code in table or not char.isupper():
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha() and base.isupper() == char.isupper():
            table[code] = base
    return table


_TABLE: Final = _table()


def folded(text: str) -> str | None:
    """``text`` with its Latin capitals with diacritics read as ASCII capitals (the same length), or ``None`` where
    there is none to fold."""
    if text.isascii():
        return None
    out = text.translate(_TABLE)
    return None if out == text else out
