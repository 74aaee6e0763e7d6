"""Identity numbers of other countries by the shape and check their public specifications give them (#11, round 27).

People who moved, married or worked abroad read out the numbers of the countries they lived in. These shapes are
distinctive enough to be found with no document word, most of them because a check holds (python-stdnum's
implementation of each specification):

* Brazil's CPF (Receita Federal, ``###.###.###-##``, two mod-11 check digits; ``stdnum.br.cpf``);
* Chile's RUT/RUN (Servicio de Registro Civil, ``##.###.###-K``, a mod-11 check character; ``stdnum.cl.rut``);
* Switzerland's AHV/AVS number (``756.####.####.##``, an EAN-13 check digit; ``stdnum.ch.ssn``);
* the Czech and Slovak birth number (rodné číslo, ``YYMMDD/SSSC``: a date, the month plus 50 for women, and since
  1954 the whole number divisible by 11; ``stdnum.cz.rc``): the ten-digit form only, since the nine-digit one of
  the years before 1954 has no check, only a date, and a date-led reference (``231207/045``) has its shape;
* France's NIR (INSEE, ``S YY MM DD CCC OOO KK`` spaced, a key mod 97; ``stdnum.fr.nir``);
* Spain's DNI (Ministerio del Interior, eight digits and a check letter mod 23; ``stdnum.es.dni``);
* Mexico's CURP (RENAPO, eighteen characters with a date and a check digit; ``stdnum.mx.curp``) and Italy's
  codice fiscale (sixteen characters with a date and a check letter; ``stdnum.it.codicefiscale``);
* Zambia's National Registration Card number (Department of National Registration, Passport and Citizenship:
  ``######/##/#``, a six-digit serial, the two-digit code of the issuing district and a one-digit indicator). It has
  no check digit; its slashes and groups are what no date, amount or telephone number has.

A code with another code's word before it in its clause (an order's, a receipt's, a reference's:
:data:`.document_shapes.OTHER_CODE`) is left alone. Only public formats and checks: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import DIGIT_RUN_LINES, lines_finditer
from .document_shapes import OTHER_CODE
from .ids import passes_check, stdnum_valid
from .types import Detection

__all__ = ["find_world_ids"]

_DIGIT_LED: Final = re.compile(
    r"\d(?<![\w\-/#@.+&,$]\d)(?:(?P<br_cpf>\d{2}\.\d{3}\.\d{3}-\d{2})|(?P<cl_rut>\d?\.\d{3}\.\d{3}-[\dkK])"
    r"|(?P<ch_ahv>(?<=7)56\.\d{4}\.\d{4}\.\d{2})|(?P<cz_rc>\d{5}/\d{4})|(?P<zm_nrc>\d{5}/\d{2}/\d)"
    r"|(?P<fr_nir>(?<=[12])[ ]\d{2}[ ]\d{2}[ ](?:\d{2}|2[AB])[ ]\d{3}[ ]\d{3}[ ]\d{2})|(?P<es_dni>\d{7}[A-HJ-NP-TV-Z]))"
    r"(?![\w\-/@%]|[.,]\d)"
)
"""The digit-led shapes, the first digit consumed by a set and the boundary looked at behind it (a lookbehind
first would be tried at every position: see ``_fastrx``), searched on the lines holding three digits in a row (the
shared gate pass; every shape has such a run)."""
_LETTER_LED: Final = re.compile(
    r"[A-Z](?<![\w\-/#@.][A-Z])(?:(?P<mx_curp>[A-Z]{3}\d{6}[HMX][A-Z]{5}[A-Z\d]\d)"
    r"|(?P<it_cf>[A-Z]{5}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]))(?![\w\-/@])"
)
_MODULES: Final[dict[str, str]] = {
    "br_cpf": "br.cpf",
    "cl_rut": "cl.rut",
    "ch_ahv": "ch.ssn",
    "cz_rc": "cz.rc",
    "fr_nir": "fr.nir",
    "es_dni": "es.dni",
    "mx_curp": "mx.curp",
    "it_cf": "it.codicefiscale",
}
"""The python-stdnum module that checks each shape (imported at its first use)."""
_CHECKED: Final = 0.92
"""Above a telephone pattern's 0.9: a held check digit says what the number is."""
_UNCHECKED: Final = 0.88


def _holds(kind: str, value: str) -> bool:
    return passes_check(stdnum_valid(_MODULES[kind]), value)


def find_world_ids(text: str) -> Iterator[Detection]:
    """Identity numbers of the shapes above, a check holding where the document has one."""
    for m in [*lines_finditer(_DIGIT_LED, DIGIT_RUN_LINES, text), *lines_finditer(_LETTER_LED, DIGIT_RUN_LINES, text)]:
        kind = m.lastgroup or ""
        if kind != "zm_nrc" and not _holds(kind, m.group(0)):
            continue
        line0 = text.rfind("\n", 0, m.start()) + 1
        clause = max(text.rfind(c, line0, m.start()) for c in ".;!?") + 1
        others = list(OTHER_CODE.finditer(text, max(line0, clause, m.start() - 80), m.start()))
        other = others[-1] if others else None
        if other is not None and (kind == "zm_nrc" or not re.search(r"[,;:]", text[other.end() : m.start()])):
            continue  # "order 558201/14/2"; a held check outweighs a word a comma away ("tiket, termasuk ...")
        confidence = _UNCHECKED if kind == "zm_nrc" else _CHECKED
        yield Detection(m.start(), m.end(), "NATIONAL_ID", confidence, f"id.world.{kind}", m.group(0))
