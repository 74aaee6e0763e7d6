"""Address surrogates that read like an address of their own place (issue #11, round twenty-four).

An address's surrogate used to be drawn as one string: a street's name became invented Indonesian words or an
English surname, and whatever followed a comma was renumbered or lost (``Lorong Mawar No. 8, Kelurahan
Wua-Wua, Kendari`` read as one village word in trial12 #19), and an address abroad (``Block 215 Bishan Street
23``, a Singapore housing block) took an English surname for its estate. So:

* :func:`compose_address`, for an address of several parts (split at commas): the street part gets the street
  surrogate it always had (:meth:`makna.privacy.surrogates.SurrogateGenerator._address`, its numbers
  renumbered); a part that is a coarse place (a province, a country) stays as it is under the default policy
  (:mod:`makna.privacy.coarse`); a part that names a place (``Kelurahan Wua-Wua``, ``Kendari``, ``Lam Tin``)
  gets the project's surrogate of that place, the same as where the place is named on its own, drawn in the
  province or country the address's own places give (a city of the same province for ``Kendari``); a part
  of numbers only (a postcode, ``12/F``) is renumbered.
* An address in a country whose streets and estates are named after its towns (the placement countries of
  ``data/places_abroad.tsv``: Singapore, Hong Kong, Macao, Taiwan, Malaysia, Brunei, Japan, Korea, the Gulf;
  known from its own places, or from its context, :func:`makna.privacy.place_countries.document_region`):
  its numbers are renumbered, its type words (``Block``, ``Street``, ``Avenue``, ``Flat``) kept, and each run
  of its name words becomes a town of that country (``Block 316 Tampines Street 21``); an Indonesian street
  (``Jalan``, ``Lorong``) keeps the Indonesian shape.

Read by surrogates only, never by detection."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Final

from .coarse import coarse_place
from .districts import fold_place
from .person_surrogates import _place_key
from .place_countries import abroad_towns, place_votes
from .postcodes import _ANY_POSTCODE
from .regions import cities_in, is_country
from .surrogate_shapes import renumber
from .surrogates import _ID_STREET, _STREET_HEADS, split_place

if TYPE_CHECKING:
    from .pseudonymise import KeyMapping

__all__ = ["address_country", "compose_address"]

_PARTS: Final = re.compile(r"(,[ \t]*)")
_TOWN_SUFFIX: Final = re.compile(r"[ \t]+(?:New Town|Housing Estate|Estate|Village|New Village)\Z")
_TYPE_WORDS: Final = frozenset(
    "block blk bldg building tower flat unit floor level lot no no. nomor street st st. road rd rd. avenue ave "
    "ave. lane drive dr crescent close place walk way link circle central north south east west upper lower "
    "garden gardens estate court mansion mansions plaza centre center house terrace heights industrial park "
    "jalan jln jl. lorong lrg taman persiaran kampung kampong simpang".split()
)
"""Words an address abroad keeps as they are: the type words of its buildings, streets and estates."""
_NAME_RUN: Final = re.compile(r"(?<![\w/])[A-Z][a-z'’\-][\w'’\-]*(?:[ \t]+[A-Z][a-z'’\-][\w'’\-]*)*")
"""A run of capitalised words (``Bishan Street``; not the ``B`` of ``5B`` nor the ``F`` of ``12/F``)."""


@cache
def _shaped() -> frozenset[str]:
    """The countries whose addresses name their towns (those of ``data/places_abroad.tsv`` outside Indonesia)."""
    from .place_countries import _table

    return frozenset(c for c, _a in _table()[1] if c != "ID")


def address_country(original: str, region: str | None) -> str | None:
    """The region of an address: the one its own places hold the majority of (a province or a country), else
    ``region`` (the one its context or source gives)."""
    votes: dict[str, float] = {}
    for part in _PARTS.split(original)[::2]:
        for run in _NAME_RUN.findall(part) if any(c.isdigit() for c in part) else [part]:
            for code, weight in place_votes(run).items():
                votes[code] = votes.get(code, 0.0) + weight
    top = max(votes, key=lambda r: (votes[r], r), default=None)
    return top if top is not None and votes[top] * 2 > sum(votes.values()) else region


_CODE_TAIL: Final = re.compile(rf"(?:(?<=[ \t])|\A)(?:{_ANY_POSTCODE.pattern})\Z")
"""A postcode ending an address's part, alone or after its town (``Cardiff CF24 2HG``, ``Austin, TX 78701``,
``Toronto M5V 2T6``, ``Fitzroy VIC 3065``)."""


def _postcode_split(part: str) -> tuple[str, str] | None:
    """``(town, postcode)`` of a part that ends in a postcode of a national shape (the town may be empty)."""
    m = _CODE_TAIL.search(part)
    return None if m is None else (part[: m.start()].rstrip(" \t"), part[m.start() :])


def _is_place(part: str) -> bool:
    """Whether an address's part names a place (``Kendari``, ``Kelurahan Wua-Wua``, ``Sumatera Barat``, a town
    before its postcode ``Cardiff CF24 2HG``), not a street, a house or a number (``Jl. Melati No. 12``,
    ``Lorong Mawar``, ``12/F``)."""
    coded = _postcode_split(part)
    if coded is not None:
        return True
    words = part.split()
    if coarse_place(part) is not None:
        return True
    return bool(words) and not any(c.isdigit() for c in part) and words[0].casefold() not in _STREET_HEADS


def compose_address(key: KeyMapping, original: str, language: str) -> str | None:
    """The surrogate of an address of several parts, or of an address abroad (module documentation); None for
    one part the street surrogate draws as it always did."""
    gen = key._gen
    region = address_country(original, gen.region)
    pieces = _PARTS.split(original)
    if not any(_is_place(part) for part in pieces[2::2]):  # one part, or streets and numbers only
        return _abroad_street(key, original, region) if _abroad(original, region) else None
    outer = gen.region
    out: list[str] = []
    try:
        for i, part in enumerate(pieces):
            gen.region = region
            if i % 2 or not part.strip():
                out.append(part)
            elif not any(c.isalpha() for c in part):  # a postcode, "12/F"
                out.append(renumber(gen.rng("ADDRESS", original, str(i)), part))
            elif (coded := _postcode_split(part)) is not None:  # "Cardiff CF24 2HG": the town, and the code renumbered
                town, code = coded
                shaped = renumber(gen.rng("ADDRESS", original, str(i)), code)
                out.append(f"{key._surrogate('LOCATION', town, language, None)} {shaped}" if town else shaped)
            elif not _is_place(part):
                out.append(key._surrogate("ADDRESS", part, language, None))
            else:  # a place: its own surrogate, the same as where it is named alone (a coarse one kept)
                out.append(key._surrogate("LOCATION", part, language, None))
    finally:
        gen.region = outer
    return "".join(out)


def _abroad(original: str, region: str | None) -> bool:
    return is_country(region) and region in _shaped() and _ID_STREET.search(original) is None


def _abroad_street(key: KeyMapping, original: str, region: str | None) -> str:
    """An address of a country whose streets are named after its towns: renumbered, its type words kept, each
    run of name words a town of that country (the same town wherever the run recurs in the project)."""
    country = str(region)
    rng = key._gen.rng("ADDRESS", original)
    avoid = key.place_avoid(original)
    towns = sorted({_TOWN_SUFFIX.sub("", t) for t in (*cities_in(country), *abroad_towns(country))})

    def town(m: re.Match[str]) -> str:
        name = " ".join(w for w in m.group(0).split() if w.casefold() not in _TYPE_WORDS)
        if not name:  # type words only ("Block", "Tower")
            return m.group(0)
        core = split_place(name)[1]
        known = key.places.get(_place_key(core))
        if known is None:
            pool = [t for t in towns if t.casefold() != core.casefold() and fold_place(t) not in avoid]
            known = rng.choice(pool) if pool else core
            key.places[_place_key(core)] = known
        known = _TOWN_SUFFIX.sub("", known)
        return m.group(0).replace(name, known, 1)

    return _NAME_RUN.sub(town, renumber(rng, original))
