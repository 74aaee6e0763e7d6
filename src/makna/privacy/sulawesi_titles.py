"""The titles of Bugis, Makassar and Buton names, kept as written in a surrogate (#11, trial12 row 7).

In South, West and Southeast Sulawesi a name often opens with a title: the Bugis-Makassar nobility's ``Andi``,
``Opu`` (Luwu) and ``Puang``, the Makassar ``Karaeng`` and ``Daeng``, the Buton (Wolio) nobility's ``La Ode``
(men) and ``Wa Ode`` (women), and the Buton ``La``/``Wa`` opening a commoner's given name (``La Ali``,
``Wa Nuru``, ``Hj. Wa Nuru``). A title is a finding of the study (status, obligations to kin), not the person: a
surrogate keeps it as written, like an honorific (:data:`makna.privacy.naming.NAME_TITLES`), reads a gender from
it where it shows one (``Wa Ode`` a woman, ``La Ode`` a man) and draws the rest of the name from the tradition the
title shows (``names_sulawesi.txt``, ``names_traditions.txt``): never one surrogate given name shared by unrelated
people who only share a title.

``Andi`` is also an ordinary Javanese given name (``Andi Saputra`` in Yogyakarta): it is read as a title only
where the source's surrogate region is a Sulawesi province of the Bugis-Makassar titles, the chosen tradition
is Bugis, Makassar or Buton, or another part of the name shows it (a Bugis or Makassar name, another title);
else it stays a given name. ``La``/``Wa`` alone are read so only in a Buton context: the region is Southeast
Sulawesi, the tradition is Buton, or a ``La Ode``/``Wa Ode`` name stands among the source's names; and
``Andi`` too where another name of the source (or of its cases' sources) holds such a title (``Daeng Rusli``).

Read by surrogates only; detection does not change (the title stays inside the detected span)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .naming import Gender, _all_names, is_title, token_traditions

__all__ = ["SULAWESI_TITLE_WORDS", "TitleReading", "read_titles", "title_context"]

TITLE_REGIONS: Final = frozenset({"73", "74", "76"})
"""South, Southeast and West Sulawesi (Kemendagri codes): where ``Andi`` before a name is the Bugis title."""
_ALWAYS: Final[dict[str, str]] = {"karaeng": "makassar", "daeng": "makassar", "opu": "bugis", "puang": "bugis"}
"""Titles read as titles wherever they stand before a name -> the tradition they show."""
_BUTON: Final[dict[str, Gender]] = {"la": "m", "wa": "f"}
_LOCAL: Final = frozenset({"bugis", "makassar", "buton"})
SULAWESI_TITLE_WORDS: Final = frozenset({"andi", "ode", *_ALWAYS, *_BUTON})
"""Every word these titles are written with (case-folded)."""


@dataclass(frozen=True)
class TitleReading:
    """The Sulawesi titles of one name: the indices of its words that stay, the gender they show (None:
    none) and the tradition the rest of the name is drawn from."""

    keep: frozenset[int]
    gender: Gender | None
    tradition: str


def title_context(names: Sequence[Sequence[str]]) -> frozenset[str]:
    """What the names of a source and its cases (each a name's words) say of its titles: ``buton`` where a
    ``La Ode``/``Wa Ode`` name stands among them (``La``/``Wa`` before a given name are titles there too),
    ``sulawesi`` where any of them holds a Bugis, Makassar or Buton title read on its own (``Daeng``,
    ``Karaeng``, ``Andi Baso``): ``Andi`` before a name is the title there."""
    out: set[str] = set()
    for toks in names:
        if any(_ode(toks, i) for i in range(len(toks) - 1)):
            out.add("buton")
        if read_titles(toks, region=None, tradition=None) is not None:
            out.add("sulawesi")
    return frozenset(out)


def _ode(toks: Sequence[str], i: int) -> bool:
    return toks[i].casefold() in _BUTON and not toks[i].islower() and toks[i + 1].casefold() == "ode"


def read_titles(
    toks: Sequence[str], *, region: str | None, tradition: str | None, context: frozenset[str] = frozenset()
) -> TitleReading | None:
    """The Sulawesi titles of a name's words ``toks`` (only before another word: a title names no one alone),
    else None. ``region``: the source's surrogate region; ``tradition``: the chosen one; ``context``: what
    the source's names say (:func:`title_context`)."""
    keep: set[int] = set()
    gender: Gender | None = None
    shown: list[str] = []
    local = region in TITLE_REGIONS or tradition in _LOCAL or bool(context)
    buton = "buton" in context or region == "74" or tradition == "buton"
    i = 0
    while i < len(toks) - 1:
        low = toks[i].casefold()
        if i + 2 < len(toks) and _ode(toks, i):  # La Ode / Wa Ode, then the name
            keep.update((i, i + 1))
            gender = gender or _BUTON[low]
            shown.append("buton")
            i += 2
            continue
        if low in _ALWAYS and not toks[i].islower():
            keep.add(i)
            shown.append(_ALWAYS[low])
        elif (
            low in _BUTON and not toks[i].islower() and buton and all(j in keep or is_title(toks[j]) for j in range(i))
        ):
            keep.add(i)
            gender = gender or _BUTON[low]
            shown.append("buton")
        elif low == "andi" and (local or _shows_sulawesi(toks, i)):
            keep.add(i)
            shown.append("bugis")
        i += 1
    if not keep:
        return None
    chosen = "buton" if "buton" in shown else shown[0]
    return TitleReading(frozenset(keep), gender, chosen)


def _shows_sulawesi(toks: Sequence[str], at: int) -> bool:
    """Whether another word of the name is a Bugis, Makassar or Buton name or title (``Andi Baso``): a name
    these traditions' lists hold and the general Indonesian one (Faker ``id_ID``) does not."""
    general = _all_names("id_ID")
    return any(
        j != at
        and (
            t.casefold() in SULAWESI_TITLE_WORDS
            or (bool(token_traditions(t) & _LOCAL) and t[:1].upper() + t[1:].lower() not in general)
        )
        for j, t in enumerate(toks)
    )
