"""A person's grammar around one unknown capitalised word in English (issue #11, english23).

The English organisation guess near a work question (``places.find_unknown_orgs``: "I drive for Cabbit mainly,
sometimes Velora") takes any unknown capitalised word of the next lines for an employer. Three shapes of the
sentence say the word names a person instead, whatever question came before (it is typed PERSON, 0.5):

* **an honorific before it**, with or without a name particle (``Mrs van Rooyen``, ``Mr de Souza``, ``Dr bin
  Hamid``): a person's family name;
* **a name particle and a capitalised word after it** (``Marietjie van Rooyen``, ``Joao dos Santos``): a
  person's first name;
* **what is theirs after it**: a possessive and a kin word or a personal thing (``Losaline's cousin``, ``Kwame's
  watch``); a firm's possessive takes its fee, its site or its office and stays a firm (``Tumaini's fee``).
"""

from __future__ import annotations

import re
from typing import Final

from ._text import HONORIFICS

__all__ = ["person_shaped"]

_PARTICLES: Final = r"van|von|de|der|den|du|dos|das|del|della|bin|binti|ibn|ter|le|la|al"
_PARTICLE_BEFORE: Final = re.compile(rf"(?:^|[ \t])(?P<h>[A-Z][A-Za-z]*\.?)[ \t]+(?:(?:{_PARTICLES})[ \t]+)?$")
_PARTICLE_AFTER: Final = re.compile(rf"[ \t]+(?:{_PARTICLES})[ \t]+[A-Z][a-zà-öø-ÿ'’\-]+")
_THEIRS: Final = re.compile(
    r"['’]s[ \t]+(?:(?:own|late|little|big|new|old|eldest|youngest|younger|older|elder)[ \t]+)?"
    r"(?:wife|husband|missus|partner|mum|mom|mam|mother|dad|father|parents|son|daughter|brother|sister|kids?|"
    r"children|baby|nan|gran|granny|grandma|grandad|grandfather|grandmother|uncle|aunt|auntie|aunty|cousin|"
    r"nephew|niece|in-laws?|boyfriend|girlfriend|fianc[ée]e?|friend|mate|family|watch|ring|phone|bag|handbag|"
    r"purse|wallet|car|bike|birthday|wedding|funeral|house|flat|room|bedroom)\b"
)


def person_shaped(text: str, start: int, end: int) -> bool:
    """Whether the one capitalised word ``text[start:end]`` stands where English puts a person's name: after an
    honorific (and a name particle), before a name particle and a capitalised word, or before a possessive and
    a kin word or a personal thing (module docstring)."""
    word = text[start:end]
    if word.endswith(("'s", "’s")):
        end -= 2
    line = text.rfind("\n", 0, start) + 1
    before = _PARTICLE_BEFORE.search(text, max(line, start - 24), start)
    if before is not None and before.group("h") in HONORIFICS:
        return True
    return bool(_PARTICLE_AFTER.match(text, end) or _THEIRS.match(text, end))
