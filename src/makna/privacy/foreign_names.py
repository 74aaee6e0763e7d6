"""Naming traditions a name's own shape shows abroad: Cantonese, Hokkien and Teochew, Chinese-Indonesian
(Tionghoa), Tamil and Taiwanese names, for surrogates that keep them (issue #11, rounds twenty-three and
twenty-four: Taiwan's from Faker's ``zh_TW`` provider, maintained and MIT-licensed; no packaged list of
Cantonese, Hokkien, Tionghoa or Tamil names in Latin letters was found, so those stay hand-written).

A study of Indonesian domestic workers in Hong Kong and Singapore names Indonesian informants and their
employers, agents and neighbours in one transcript. Each source has one surrogate region, so a name no list
placed took that region's names: ``Mrs. Cheung Wai Ling`` became ``Mrs. Sekar Sumiati Listyowati``,
``Mrs. Priya Raman`` ``Mrs. Epon Lia``. Here a name whose every token is in one of these traditions'
lists (``data/names_abroad.txt``, hand-written from common public naming patterns) keeps that tradition:
two tokens or more all in one, or one token that is that tradition's family name alone (``Madam Chan``).
A Chinese name's tokens keep their roles by what they are, not by their place (the family name first stays a
family name); a Tamil name's second token, a father's name, stays a man's name whatever the bearer's
gender. Where the name's gender is unknown, its given names come from the names both genders bear in that
tradition. Read by surrogates only: the detectors' name lists and the learned model's features are
unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Final, Literal

from .name_lists import NameKey, index_names, read_name_lists
from .regions import NATIONAL

__all__ = ["ABROAD_TRADITIONS", "AFRICAN_HONORIFICS", "AFRICAN_TRADITIONS", "abroad_gender", "abroad_pools",
           "abroad_traditions", "name_tradition"]

ABROAD_TRADITIONS: Final = ("cantonese", "hokkien", "tionghoa", "tamil", "taiwanese", "zulu", "xhosa", "shona",
                             "chewa")
"""The traditions of ``data/names_abroad.txt``, and ``taiwanese``: the romanised (Wade-Giles) Taiwanese names of
Faker's ``zh_TW`` person provider (:func:`_taiwanese`)."""
AFRICAN_TRADITIONS: Final = frozenset({"zulu", "xhosa", "shona", "chewa"})
"""The Southern African traditions (round twenty-eight, trial17 #4): a lone given name of one of them keeps it where
the evidence says so (:func:`name_tradition`)."""
_COUNTRY_TRADITIONS: Final = {"ZA": ("zulu", "xhosa"), "ZW": ("shona",), "MW": ("chewa",), "LS": ("xhosa",),
                              "SZ": ("zulu",), "ZM": ("chewa",), "MZ": ("chewa", "shona")}
"""Where the source's region is one of these countries, its traditions come first."""
AFRICAN_HONORIFICS: Final[dict[str, tuple[Literal["m", "f"] | None, frozenset[str]]]] = {
    "mai": ("f", frozenset({"shona"})), "amai": ("f", frozenset({"shona"})), "ambuya": ("f", frozenset({"shona"})),
    "sekuru": ("m", frozenset({"shona"})), "babamukuru": ("m", frozenset({"shona"})),
    "tete": ("f", frozenset({"shona", "chewa"})),
    "mayi": ("f", frozenset({"chewa"})), "bambo": ("m", frozenset({"chewa"})),
    "gogo": ("f", frozenset({"zulu", "xhosa", "chewa"})), "sisi": ("f", frozenset({"zulu", "xhosa"})),
    "bhuti": ("m", frozenset({"zulu", "xhosa"})), "malume": ("m", frozenset({"zulu", "xhosa"})),
    "mkhulu": ("m", frozenset({"zulu", "xhosa"})), "tata": ("m", frozenset({"xhosa"})),
    "mama": ("f", AFRICAN_TRADITIONS), "baba": ("m", AFRICAN_TRADITIONS), "umama": ("f", frozenset({"zulu", "xhosa"})),
}
"""Honorifics and kin words written before (or opening) a Southern African name, case-folded -> the gender they
show and the traditions they belong to: Shona ``Mai Rudo`` ("mother of Rudo"), ``Baba``, ``Sekuru``; Chichewa
``Mayi``, ``Bambo``; isiZulu and isiXhosa ``Gogo``, ``Sisi``, ``Bhuti``, ``Malume``. Read only where the name's
words are of those traditions (``Mai`` is also a given name elsewhere)."""
_PATRONYMIC: Final = frozenset({"tamil"})
"""Traditions whose name after the given name is the father's: a man's name for every bearer."""


@cache
def _lists() -> dict[NameKey, tuple[str, ...]]:
    return {**read_name_lists("names_abroad.txt"), **_taiwanese()}


def _taiwanese() -> dict[NameKey, tuple[str, ...]]:
    """Taiwan's names from maintained, licensed data: the romanised family names and the men's and women's
    romanised given names of Faker's ``zh_TW`` person provider (MIT; Wade-Giles as Taiwan's passports write
    them: ``Chen``, ``Tsai``, ``Chia-Hao``, ``Shu-Fen``), a given name both lists hold one both genders bear."""
    from faker.providers.person.zh_TW import Provider

    def cased(names: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys("-".join(p.capitalize() for p in n.split("-")) for n in names))

    men, women = cased(Provider.first_romanized_names_male), cased(Provider.first_romanized_names_female)
    both = set(men) & set(women)
    return {
        ("taiwanese", "family", "u"): cased(Provider.last_romanized_names),
        ("taiwanese", "given", "m"): tuple(n for n in men if n not in both),
        ("taiwanese", "given", "f"): tuple(n for n in women if n not in both),
        ("taiwanese", "given", "u"): (*(n for n in men if n in both), *_balanced(men, women)),
    }


def _balanced(men: Sequence[str], women: Sequence[str]) -> tuple[str, ...]:
    """Given names of two syllables that show no gender (round twenty-five: the three both lists hold were spent
    at the fourth name of unknown gender): each syllable one that three or more listed names bear at its place,
    a third to two thirds of them women's; no listed name (a listed name keeps its list's gender)."""
    def syllables(at: int) -> list[str]:
        count: dict[str, list[int]] = {}
        for names, g in ((men, 0), (women, 1)):
            for n in names:
                if n.count("-") == 1:
                    count.setdefault(n.split("-")[at], [0, 0])[g] += 1
        return sorted(s for s, (m, f) in count.items() if m + f >= 3 and 1 / 3 <= f / (m + f) <= 2 / 3)

    listed = set(men) | set(women)
    return tuple(f"{a}-{b}" for a in syllables(0) for b in syllables(1)
                 if f"{a}-{b}" not in listed and a != b)


@cache
def _index() -> dict[str, frozenset[NameKey]]:
    return index_names(_lists(), str.casefold)


def abroad_traditions(token: str) -> frozenset[str]:
    """The traditions of :data:`ABROAD_TRADITIONS` whose lists hold ``token`` (any case)."""
    return frozenset(t for t, _r, _g in _index().get(token.casefold(), ()))


_REGION_FIRST: Final = {"HK": "cantonese", "MO": "cantonese", "SG": "hokkien", "MY": "hokkien", "TW": "taiwanese"}
"""Where a name's tokens fit several traditions (``Chan``, ``Lee``): the one of the source's region first
(an Indonesian province or the whole country: Tionghoa), else the first in :data:`ABROAD_TRADITIONS`' order."""


def name_tradition(tokens: Sequence[str], region: str | None = None, cues: Iterable[str] = ()) -> str | None:
    """The tradition every token of a name belongs to, where the name shows it: two tokens or more, or a
    lone family name of that tradition (``Chan``); where several fit, the one an honorific before it tells
    (``cues``: :data:`AFRICAN_HONORIFICS`), else the source ``region``'s (see :data:`_REGION_FIRST`); else None.
    A lone given name of a Southern African tradition (:data:`AFRICAN_TRADITIONS`) keeps it where an honorific
    of that tradition is written before it (``Mai Rudo``), the source's region is its country, or no other list
    holds the name (``Ayanda``)."""
    if not tokens:
        return None
    shared = set(ABROAD_TRADITIONS)
    for tok in tokens:
        shared &= abroad_traditions(tok)
    if not shared:
        return None
    told = {t for c in cues for t in AFRICAN_HONORIFICS.get(c.rstrip(".").casefold(), (None, frozenset()))[1]}
    shared = (shared & told) or shared
    indonesian = region is None or region == NATIONAL or not region.isalpha()  # a province's code, or all Indonesia
    home = _COUNTRY_TRADITIONS.get(region or "", ())
    first = next((t for t in home if t in shared), _REGION_FIRST.get(region or "", "tionghoa" if indonesian else ""))
    tradition = first if first in shared else next(t for t in ABROAD_TRADITIONS if t in shared)
    if len(tokens) == 1 and (tradition, "family", "u") not in _index().get(tokens[0].casefold(), frozenset()):
        if tradition in AFRICAN_TRADITIONS and (tradition in told or tradition in home or _only_here(tokens[0])):
            return tradition
        return None
    return tradition


def _only_here(token: str) -> bool:
    """Whether no list of makna's but these traditions' holds ``token`` (the English, Indonesian and Faker lists)."""
    from .naming import name_language

    return name_language(token, "", abroad=True) == ""


def abroad_gender(token: str, tradition: str) -> Literal["m", "f"] | None:
    """The gender ``tradition``'s lists give ``token`` as a given name, where they give one."""
    genders = {g for t, r, g in _index().get(token.casefold(), ()) if t == tradition and r == "given"}
    if genders == {"m"}:
        return "m"
    if genders == {"f"}:
        return "f"
    return None


def abroad_pools(tradition: str, token: str, *, first: bool, gender: Literal["m", "f"] | None) -> list[Sequence[str]]:
    """The pools a token of a name of ``tradition`` is drawn from: a family name another family name; a
    given name one of ``gender`` (a Tamil father's name a man's), else one both genders bear (never one
    gender by chance; :func:`makna.privacy.naming.draw_name` compounds two where a pool is spent)."""
    lists = _lists()
    roles = {r for t, r, _g in _index().get(token.casefold(), ()) if t == tradition}
    if "family" in roles:
        return [lists.get((tradition, "family", "u"), ())]
    if tradition in _PATRONYMIC and not first:
        gender = "m"
    pools: list[Sequence[str]] = []
    if gender is not None:
        pools.append(lists.get((tradition, "given", gender), ()))
    else:
        pools.append(lists.get((tradition, "given", "u"), ()))
    return [p for p in pools if p]
