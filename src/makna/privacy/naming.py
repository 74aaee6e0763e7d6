"""Person-name surrogates that keep gender and naming tradition and never meet another name.

Gender comes, in this order, from the honorifics the project puts before a name (:data:`HONORIFIC_GENDER`:
Pak, Bapak, Mas, Bang, Uda, Om, Mr are male; Bu, Ibu, Mbak, Uni, Tante, Mrs, Ms female; Kak and Dek say
nothing), then from gendered name lists (``data/names_traditions.txt`` and Faker's ``id_ID`` and
``en_GB`` person providers, MIT); otherwise it is unknown and either gender may be drawn.

Tradition: a name token found in one tradition of ``data/names_traditions.txt`` (Minangkabau,
Javanese, Sundanese, Batak given names and family names, Balinese, Bugis; hand-written lists of
common names) is replaced by a name of that tradition; any other token by a name of the tradition of
the project's surrogate region (:data:`PROVINCE_TRADITION`: West Sumatra Minangkabau, North Sumatra
Batak, West Java and Banten Sundanese, Central and East Java and Yogyakarta Javanese, Bali Balinese,
South and West Sulawesi Bugis), then of Faker's general Indonesian lists.

Language: a name only English lists hold gets an English surrogate, one only Indonesian lists hold an
Indonesian one, whatever the language of the transcript it is in (an Indonesian vendor interviewed in
English keeps an Indonesian name); a name in both or in none follows the study's language (that of most
of its sources), so a name makna has never seen gets a name of the study's tradition.

Uniqueness: :func:`draw_name` takes the first candidate not in ``used`` (the caller's set of every
surrogate and every original name token, case-folded), trying a few random picks and then a full
shuffled pass over each pool in turn, and, only when every pool is spent, a compound of two names
(``Dewisari``), as Indonesian names often are. So distinct tokens get distinct surrogates, and no
surrogate equals any name of the project, however many names there are.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

from .regions import NATIONAL

__all__ = ["HONORIFIC_GENDER", "NAME_TITLES", "PROVINCE_TRADITION", "Gender", "draw_name", "honorific_gender",
           "is_title", "name_language", "name_pools", "token_gender", "token_traditions"]

Gender = Literal["m", "f"]

HONORIFIC_GENDER: Final[dict[str, Gender | None]] = {
    "pak": "m", "bapak": "m", "mas": "m", "bang": "m", "abang": "m", "uda": "m", "om": "m", "mr": "m",
    "bu": "f", "ibu": "f", "mbak": "f", "uni": "f", "tante": "f", "mrs": "f", "ms": "f", "miss": "f",
    "kak": None, "kakak": None, "dek": None, "adek": None,
}
"""Honorific (case-folded, without a dot) -> the gender it shows (None: it says nothing)."""

PROVINCE_TRADITION: Final[dict[str, str]] = {
    "13": "minang", "12": "batak", "32": "sunda", "36": "sunda", "33": "jawa", "34": "jawa", "35": "jawa",
    "51": "bali", "73": "bugis", "76": "bugis",
}
"""Province code -> the naming tradition its surrogates are drawn from first."""

NAME_TITLES: Final[dict[str, Gender | None]] = {
    "daeng": None, "haji": "m", "h": "m", "hajjah": "f", "hajah": "f", "hj": "f", "teuku": "m", "cut": "f",
    "raden": None,
}
"""Titles that sit inside a name (case-folded, without a dot) -> the gender they show: the Bugis
``Daeng``, the pilgrim's ``Haji``/``H.`` and ``Hajjah``/``Hj.``, Aceh's ``Teuku`` and ``Cut``, the
Javanese ``Raden``. A surrogate keeps them as they are (``Rahmat Daeng Tompo`` -> ``Arif Daeng Sitti``),
and an honorific before them still shows the name's gender (``Pak Haji Rahmat``). ``Andi`` is not
one: as often a given name as a Bugis noble title, it is replaced like any name."""

_TITLE_RX = "|".join(sorted(NAME_TITLES, key=len, reverse=True))
_BEFORE = re.compile(rf"(\w+)\.?[ \t]+((?:(?:{_TITLE_RX})\.?[ \t]+)*)$", re.I)


def is_title(token: str) -> bool:
    """Whether a name token is a title a surrogate keeps (:data:`NAME_TITLES`)."""
    return token.rstrip(".").casefold() in NAME_TITLES


def honorific_gender(text: str, start: int) -> Gender | None:
    """The gender shown by an honorific right before ``text[start:]`` (``Pak Gunawan`` -> ``m``), through
    the titles between them (``Pak Haji Rahmat`` -> ``m``), else by the title itself (``Hajjah Siti``)."""
    m = _BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    word = m.group(1).casefold()
    if word in HONORIFIC_GENDER:
        return HONORIFIC_GENDER[word]
    titles = [word, *m.group(2).replace(".", " ").casefold().split()]
    return next((g for t in titles if (g := NAME_TITLES.get(t)) is not None), None)


@cache
def _traditions() -> dict[tuple[str, str, str], tuple[str, ...]]:
    path = resources.files("makna.privacy") / "data" / "names_traditions.txt"
    out: dict[tuple[str, str, str], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, names = line.split(":", 1)
        tradition, role, gender = head.split()
        out.setdefault((tradition, role, gender), []).extend(names.split())
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@cache
def _token_index() -> dict[str, frozenset[tuple[str, str, str]]]:
    index: dict[str, set[tuple[str, str, str]]] = {}
    for key, names in _traditions().items():
        for name in names:
            index.setdefault(name.lower(), set()).add(key)
    return {k: frozenset(v) for k, v in index.items()}


@cache
def _faker_lists(locale: str) -> dict[str, tuple[str, ...]]:
    import importlib

    provider: Any = importlib.import_module(f"faker.providers.person.{locale}").Provider
    word = re.compile(r"^[A-Z][a-z'\-]+$")

    def get(attr: str) -> tuple[str, ...]:
        return tuple(n for n in dict.fromkeys(getattr(provider, attr, ())) if word.match(n))

    lists = {a: get(a) for a in ("first_names_male", "first_names_female", "first_names", "last_names_male",
                                 "last_names_female", "last_names")}
    if not lists["last_names"]:
        lists["last_names"] = lists["last_names_male"] + lists["last_names_female"]
    return lists


def token_traditions(token: str) -> frozenset[str]:
    """The traditions whose lists hold ``token`` (case-insensitive)."""
    return frozenset(t for t, _r, _g in _token_index().get(token.lower(), ()))


@cache
def _faker_genders() -> tuple[frozenset[str], frozenset[str]]:
    male: set[str] = set()
    female: set[str] = set()
    for locale in ("id_ID", "en_GB"):
        lists = _faker_lists(locale)
        male.update(lists["first_names_male"] + lists["last_names_male"])
        female.update(lists["first_names_female"] + lists["last_names_female"])
    return frozenset(male), frozenset(female)


def token_gender(token: str) -> Gender | None:
    """The gender of a name from the tradition and Faker lists, when they agree on one."""
    genders = {g for _t, _r, g in _token_index().get(token.lower(), ()) if g in {"m", "f"}}
    title = token[:1].upper() + token[1:].lower()
    male, female = _faker_genders()
    if title in male:
        genders.add("m")
    if title in female:
        genders.add("f")
    return genders.pop() if len(genders) == 1 else None  # type: ignore[return-value]


@cache
def _tradition_pool(tradition: str, role: str, gender: Gender | None) -> tuple[str, ...]:
    table = _traditions()
    if gender is None:
        return tuple(n for g in ("m", "f", "u") for n in table.get((tradition, role, g), ()))
    own = table.get((tradition, role, gender), ())
    return tuple(n for n in (*own, *table.get((tradition, role, "u"), ())) if token_gender(n) in {gender, None}
                 and (n in own or token_gender(n) is None))


@cache
def _faker_pool(locale: str, attr: str, gender: Gender | None) -> tuple[str, ...]:
    """A Faker list; for a gender, only the names that are not also of the other gender."""
    suffix = {"m": "_male", "f": "_female"}.get(gender or "", "")
    lists = _faker_lists(locale)
    names = lists[f"{attr}{suffix}"] or lists[attr]
    return tuple(n for n in names if gender is None or token_gender(n) == gender)


@cache
def _all_names(locale: str) -> frozenset[str]:
    return frozenset(n for names in _faker_lists(locale).values() for n in names)


def name_language(token: str, language: str) -> str:
    """``en`` for a name only English lists hold, ``id`` for one only Indonesian lists (the traditions'
    or Faker's ``id_ID``) hold, else (in both, or in none) ``language``: the study's."""
    title = token[:1].upper() + token[1:].lower()
    english = title in _all_names("en_GB")
    indonesian = token.lower() in _token_index() or title in _all_names("id_ID")
    if english != indonesian:
        return "en" if english else "id"
    return language


def name_pools(token: str, *, first: bool, language: str, gender: Gender | None,
               region: str | None) -> list[Sequence[str]]:
    """The pools a surrogate for ``token`` is drawn from, in order (see the module documentation); for a
    known gender, names of that gender only (a name both genders bear is left out)."""
    if name_language(token, language) == "en":
        return [_faker_pool("en_GB", "first_names" if first else "last_names", gender if first else None)]
    index = _token_index().get(token.lower(), frozenset())
    family = any(r == "family" for _t, r, _g in index)
    own = sorted({t for t, _r, _g in index})
    local = PROVINCE_TRADITION.get(region or NATIONAL)
    traditions = own if len(own) == 1 else ([local] if local and local in own else own[:1])
    if not traditions and local:
        traditions = [local]
    pools: list[Sequence[str]] = []
    for tradition in traditions:
        if family:
            pools.append(_tradition_pool(tradition, "family", None))
        pools.append(_tradition_pool(tradition, "given", gender))
    if not first:
        pools.append(_faker_pool("id_ID", "last_names", gender))
    pools.append(_faker_pool("id_ID", "first_names", gender))
    return [p for p in pools if p]


def draw_name(rng: random.Random, pools: Sequence[Sequence[str]], used: set[str]) -> str:
    """The first name of ``pools`` (in order) whose case-folded form is not in ``used`` (see the module
    documentation); the caller adds the result to ``used``."""
    for pool in pools:
        for _ in range(8):
            candidate = rng.choice(pool)
            if candidate.lower() not in used:
                return candidate
        for candidate in rng.sample(list(pool), len(pool)):
            if candidate.lower() not in used:
                return candidate
    base = [n for pool in pools for n in pool] or ["Sari", "Dewi", "Putra", "Adi"]
    while True:
        candidate = rng.choice(base) + rng.choice(base).lower()
        if candidate.lower() not in used:
            return candidate
