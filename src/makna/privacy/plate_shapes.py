"""Vehicle plates' shapes by country, from their public specifications (issue #11), as maintained data.

Each row is a country (or a state's series), the shape of its current plates as a regular expression over the
characters as they are written (spaces, dashes and dots where the specification puts them) and the source read.
The shapes of Indonesia (with its region prefixes, :data:`makna.privacy.patterns.PLATE_REGIONS`), the UK,
Singapore, Kenya, India and Nigeria have their own detectors in :mod:`.patterns` and :mod:`.plates`.

A shape marked ``alone`` is specific enough to be a plate wherever it stands (Vietnam's dotted serial; Ireland's
year and county code is found alone by :mod:`.shapes`); every other shape is a plate only with a vehicle or plate
word within reach (:mod:`.plate_reach`), since alone it reads like a model, a product or an order code.

Sources (read for this table; no value is copied from a transcript):

* Vietnam: Circular 58/2020/TT-BCA and Circular 24/2023/TT-BCA (Ministry of Public Security), "Vehicle
  registration plates of Vietnam" (Wikipedia): ``29A-123.45``, motorcycles ``29-B1 123.45`` / ``29B1-123.45``.
* Ireland: "Vehicle registration plates of the Republic of Ireland" (Wikipedia; the Department of Transport's
  index marks): year (two digits, a half-year digit since 2013), county code, serial ``191-D-12345``.
* France: SIV (arrêté du 9 février 2009): ``AB-123-CD``, letters without I, O and U.
* Netherlands: RDW sidecodes 4 to 11 (``99-XX-99``, ``99-XXX-9``, ``9-XXX-99``, ``XX-999-X``, ``X-999-XX``,
  ``XXX-99-X``, ``X-99-XXX``, ``9-XX-999``), letters without vowels.
* Germany: Fahrzeug-Zulassungsverordnung (FZV) Anlage 4: district code, dash, one or two letters, one to four
  digits, ``E`` or ``H`` after them (``M-KL 4829``).
* Spain: Real Decreto 2822/1998 (since 2000): four digits and three consonants without vowels, Ñ or Q.
* Italy: DPR 495/1992 (since 1994): ``AB 123 CD`` without I, O, Q, U.
* Brazil: Mercosur plate (Resolução CONTRAN 780/2019): ``ABC1D23``; the old ``ABC-1234``.
* Malaysia (JPJ): one to three letters (the first the state's: ``W``, ``B``, ``J``, ``P``, ``Q``, ``S``...),
  one to four digits, maybe a letter (``WXB 7721``, ``QSA 4412 K``).
* The Philippines (LTO, 2014 series): three letters and three or four digits (``NBC 4472``).
* South Africa: Western Cape ``CA 123-456``, Gauteng ``AB 12 CD GP``, ``ABC 123 L``.
* Australia: NSW ``AB 12 CD``, Victoria ``1AB 2CD``, Queensland ``123 ABC``, Western Australia ``1ABC 123``.
* United States and Canada: California ``1ABC234``, three letters and four digits (New York, Texas and others),
  Ontario ``ABCD 123``.
* Hong Kong: two letters and one to four digits (``AB 1234``).
* Thailand (Department of Land Transport): a digit maybe, one or two Thai consonants, one to four digits.
* Jamaica and other Caribbean plates: four digits and two letters (``4410 GT``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import DIGIT_LINES

__all__ = ["ALONE", "PLATE_SHAPES", "country_of", "shape_matches"]

_C: Final = "BCDFGHJKLMNPRSTVWXYZ"  # consonants: the Spanish and Dutch series use no vowels
_FR: Final = "A-HJ-NP-TV-Z"  # France's letters: no I, O, U
_IT: Final = "A-HJ-NPR-TV-Z"  # Italy's letters: no I, O, Q, U
_IE_COUNTIES: Final = "C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|W|WH|WX|WW"

PLATE_SHAPES: Final[tuple[tuple[str, str, bool], ...]] = (
    ("VN", r"\d{2}-?[A-Z]{1,2}\d?[ \-]\d{3}\.\d{2}", True),
    ("IE", rf"\d{{2,3}}-(?:{_IE_COUNTIES})-\d{{2,6}}", False),
    ("FR", rf"[{_FR}]{{2}}-\d{{3}}-[{_FR}]{{2}}", False),
    ("NL", rf"\d{{2}}-[{_C}]{{2,3}}-\d{{1,2}}|\d-[{_C}]{{2,3}}-\d{{2,3}}|[{_C}]{{1,3}}-\d{{2,3}}-[{_C}]{{1,3}}", False),
    ("DE", r"[A-Z\u00c4\u00d6\u00dc]{1,3}-[A-Z]{1,2} \d{1,4}[EH]?", False),
    ("ES", rf"\d{{4}}[ \-]?[{_C}]{{3}}", False),
    ("IT", rf"[{_IT}]{{2}} ?\d{{3}} ?[{_IT}]{{2}}", False),
    ("BR", r"[A-Z]{3}\d[A-Z]\d{2}|[A-Z]{3}-\d{4}", False),
    ("MY", r"[A-HJ-NP-Z]{1,3} \d{1,4}(?: [A-HJ-NP-Z])?", False),
    ("PH", r"[A-Z]{3} ?\d{3,4}", False),
    ("ZA", r"[A-Z]{2,3} \d{3}[ \-]\d{3}|[A-Z]{2} \d{2} [A-Z]{2} GP|[A-Z]{3} \d{3} [A-Z]", False),
    ("AU", r"[A-Z]{2} ?\d{2} ?[A-Z]{2}|\d[A-Z]{2} ?\d[A-Z]{2}|\d{3} ?[A-Z]{3}|\d[A-Z]{3} ?\d{3}", False),
    ("US", r"\d[A-Z]{3}\d{3}|[A-Z]{3}[ \-]?\d{4}|[A-Z]{4} ?\d{3}", False),
    ("HK", r"[A-Z]{2} ?\d{1,4}", False),
    ("TH", r"\d?[\u0e01-\u0e2e]{1,2} ?\d{1,4}", False),
    ("JM", r"\d{4} ?[A-Z]{2}", False),
)
"""(country, shape, alone): the shapes of the table above."""

_BODY: Final = re.compile(
    r"(?:" + "|".join(f"(?P<{c}>{rx})" for c, rx, _alone in PLATE_SHAPES) + r")(?![\w\-/@]|[.,]\d)"
)
_TOKEN: Final = re.compile(r"[A-Z\d\u0e01-\u0e2e]+(?=[ \-.]?[A-Z\d\u0e01-\u0e2e])")
"""Where a shape can start: a capital, a digit or a Thai consonant followed by another (every shape has two)."""
_GLUED: Final = frozenset("_-/@.")


def shape_matches(text: str) -> Iterator[re.Match[str]]:
    """Every code of one of the shapes standing alone (not glued to other characters; no decimal after it), in
    order and not overlapping, on the lines that hold a digit; ``lastgroup`` names its country. (A scan for the
    tokens that may start one, then the shapes tried there: a third of the time of one pattern over the lines.)"""
    n = len(text)
    for start, end in DIGIT_LINES.lines(text):
        last = -1
        for tok in _TOKEN.finditer(text, start, min(n, end + 1)):
            p = tok.start()
            if p < last or (p > 0 and (text[p - 1].isalnum() or text[p - 1] in _GLUED)):
                continue
            m = _BODY.match(text, p, min(n, end + 1))
            if m is not None:
                last = m.end()
                yield m


ALONE: Final = frozenset(c for c, _rx, alone in PLATE_SHAPES if alone)
_EACH: Final = tuple((c, re.compile(rx)) for c, rx, _alone in PLATE_SHAPES)


def country_of(code: str) -> str | None:
    """The first country whose shape ``code`` has whole, or None."""
    for country, rx in _EACH:
        if rx.fullmatch(code):
            return country
    return None
