"""Coarse places: provinces, countries and the large islands, which surrogates keep by default.

As HIPAA's Safe Harbor method does (45 CFR 164.514(b)(2)(i)(B): only geographic subdivisions smaller than
a state are identifiers), makna treats a place at province (state) level or above as not identifying on
its own: ``Sumatera Barat``, ``Sumbar``, ``West Sumatra``, ``Indonesia``, ``Nigeria``, ``United Kingdom``,
``England``, ``Sumatra``. Under the default policy (``keep``) a surrogate leaves them as they are and the
key file records them as kept (a kept place is no surrogate: the rule that no surrogate equals an original
is untouched), so a town's surrogate, drawn from the study's own province, reads right beside it
(``Bukittinggi, Sumatera Barat`` -> ``Payakumbuh, Sumatera Barat``, not ``Pesisir Selatan, Papua
Pegunungan``). A city that is also a province's name (``Jakarta``, ``Yogyakarta``, ``Jambi``, ``Bengkulu``)
is a city, not a coarse place, unless written as the province (``Provinsi Jambi``, ``DKI Jakarta``).

The wider policy (``replace``: ``makna deid apply --coarse-places replace``) replaces them too, each by one
other province or country for the whole project (never two onto one), and the towns follow it: a town of
Sumatera Barat becomes a town of the province Sumatera Barat became, a city of the United Kingdom a city of
the country it became (:meth:`makna.privacy.KeyMapping.surrogate`). ``Indonesia`` stays (its towns stay
Indonesian), and an island becomes another island.
"""

from __future__ import annotations

import random
import re
from functools import cache
from typing import Final

from ..errors import InputError
from .naming import COUNTRY_LOCALES
from .regions import PROVINCES, city_stem_regions, countries, place_regions

__all__ = ["COARSE_POLICIES", "ISLANDS", "coarse_place", "moved_code", "moved_name", "resolve_coarse"]

COARSE_POLICIES: Final = {
    "keep": "provinces, countries and large islands stay as they are (the default; not identifying on their own)",
    "replace": "each becomes another province, country or island for the whole project, and the towns follow it",
}
"""What surrogates do with coarse places (``--coarse-places``)."""
ISLANDS: Final = ("Sumatera", "Jawa", "Kalimantan", "Sulawesi", "Nusa Tenggara", "Maluku", "Papua")
"""Indonesia's large islands and island groups (the Indonesian names)."""
_ISLAND_FORMS: Final = {
    "sumatra": "Sumatera",
    "java": "Jawa",
    "borneo": "Kalimantan",
    "celebes": "Sulawesi",
    "moluccas": "Maluku",
    "new guinea": "Papua",
}
_COUNTRY_FORMS: Final = {
    "uk": "GB",
    "u.k.": "GB",
    "the uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "britain": "GB",
    "great britain": "GB",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "america": "US",
    "the us": "US",
    "united states of america": "US",
    "indonesia": "ID",
    # colloquial Indonesian forms that CLDR's Indonesian names (:func:`_cldr_names`) lack: "Inggris" for the UK,
    # "Amerika" for the US, "Saudi", "Hongkong" as one word (CLDR: "Inggris Raya", "Amerika Serikat", "Arab
    # Saudi", "Hong Kong DAK Tiongkok")
    "hongkong": "HK",
    "hong kong sar": "HK",
    "saudi": "SA",
    "emirat arab": "AE",
    "inggris": "GB",
    "amerika": "US",
}
_CITIES: Final = frozenset({"jakarta", "yogyakarta", "jogja", "jogjakarta"})
_COMPASS: Final = {
    "barat": "West",
    "timur": "East",
    "utara": "North",
    "selatan": "South",
    "tengah": "Central",
    "tenggara": "Southeast",
    "barat daya": "Southwest",
}
_ENGLISH_ISLAND: Final = {"Sumatera": "Sumatra", "Jawa": "Java"}
_HEAD: Final = re.compile(r"(?i)^(?:provinsi|prov\.|province of|the)\s+")
_THE: Final = re.compile(r"(?i)^the\s+")


def resolve_coarse(value: str | None) -> str | None:
    """A ``--coarse-places`` value as a key of :data:`COARSE_POLICIES` (None stays None: the key's, else keep)."""
    if value is None or not value.strip():
        return None
    low = value.strip().casefold()
    low = {"wider": "replace", "kept": "keep"}.get(low, low)
    if low not in COARSE_POLICIES:
        raise InputError(f"coarse places {value!r}: give one of {', '.join(COARSE_POLICIES)}")
    return low


@cache
def _provinces() -> dict[str, str]:
    """Every written form of a province (case-folded) -> its code: its name, without ``DKI``/``DI``, the
    English name (``West Sumatra``, ``Central Java``) and the common abbreviations."""
    out: dict[str, str] = {}
    for code, name in PROVINCES.items():
        for form in (name, name.removeprefix("DKI ").removeprefix("DI ")):
            out[form.casefold()] = code
        words = name.split()
        for ind, eng in sorted(_COMPASS.items(), key=lambda kv: -len(kv[0])):
            if name.casefold().endswith(" " + ind):
                base = name[: -len(ind) - 1]
                out[f"{eng} {_ENGLISH_ISLAND.get(base, base)}".casefold()] = code
                break
        if len(words) == 1:
            out[name.casefold()] = code
    out.update(
        {
            "sumbar": "13",
            "sumut": "12",
            "sumsel": "16",
            "jabar": "32",
            "jateng": "33",
            "jatim": "35",
            "sulsel": "73",
            "sulut": "71",
            "kalbar": "61",
            "kaltim": "64",
            "ntb": "52",
            "ntt": "53",
            "diy": "34",
            "dki": "31",
        }
    )
    return {k: v for k, v in out.items() if k not in _CITIES}


def coarse_place(text: str) -> tuple[str, str] | None:
    """``(kind, code)`` of a coarse place: ``("province", "13")`` for ``Sumatera Barat``/``Provinsi Sumbar``/
    ``West Sumatra``, ``("country", "GB")`` for ``United Kingdom``/``England``, ``("island", "Sumatera")``
    for ``Sumatra``; None for anything else (a city, a district, a city that is also a province's name)."""
    whole = _THE.sub("", " ".join(text.split()))  # "the Jambi" is the city Jambi; "the UK" the country
    plain = _HEAD.sub("", whole).casefold()
    found = place_regions(plain)
    town = any(lv != "province" for _p, lv in found) or bool(city_stem_regions(plain))  # Jambi, Jakarta: cities
    if town and plain == whole.casefold():
        return None
    if plain in _provinces():
        return "province", _provinces()[plain]
    if found and {lv for _p, lv in found} == {"province"}:
        return "province", min(p for p, _lv in found)
    if plain in _ISLAND_FORMS or plain in {i.casefold() for i in ISLANDS}:
        return "island", _ISLAND_FORMS.get(plain) or next(i for i in ISLANDS if i.casefold() == plain)
    if plain in _COUNTRY_FORMS:
        return "country", _COUNTRY_FORMS[plain]
    code = _cldr_names().get(plain) or next((c for c, n in countries().items() if _THE.sub("", n).casefold() == plain),
                                            None)
    if code is None or not (_populous(code) or code in _SMALL_KEPT):
        return None  # a territory or micro-state (Pitcairn, Tokelau, Monaco): small enough to point at people
    if " " not in whole and whole.title() in _first_names() and not _populous(code, _MIN_TOWNS_NAMELIKE):
        return None  # Jordan, Chad, Georgia: as likely a person's name typed as a place (India: a country)
    return "country", code


_MIN_TOWNS: Final = 10
"""A country is coarse only where GeoNames lists at least this many of its towns (each of 15,000 people or
more, so 150,000 people at the least): no population figure is shipped, and the count of sizeable towns is
its conservative stand-in. Territories and micro-states (Pitcairn, Tokelau, Niue, Nauru, Monaco, Gibraltar,
Macao, the Falklands) have fewer and are replaced like any town; so are a few small countries (Iceland,
Luxembourg), which errs on the side of the informant."""


_MIN_TOWNS_NAMELIKE: Final = 200
"""A one-word country that is also a first name is kept only where it is this large (India, Brazil), where the
country is by far the likelier reading."""


_SMALL_KEPT: Final = frozenset({"BN"})
"""Countries kept as coarse places below the floor of :data:`_MIN_TOWNS`: Brunei (about 450,000 people, a
placement country of Indonesian migrant workers; GeoNames lists few of its towns)."""


@cache
def _cldr_names() -> dict[str, str]:
    """The Indonesian names of the countries and territories (case-folded) -> code, from CLDR through Babel
    (``Singapura``, ``Arab Saudi``, ``Jepang``, ``Prancis``), with a name's form before a parenthesis or a
    dash (``Myanmar`` of ``Myanmar (Burma)``, ``Hong Kong`` of ``Hong Kong DAK Tiongkok``). Only the codes
    GeoNames lists (:func:`makna.privacy.regions.countries`); the same floors apply as to its English names."""
    from babel import Locale

    known = countries()
    out: dict[str, str] = {}
    for code, name in Locale("id").territories.items():
        if code not in known or code == "ID":
            continue
        for form in (name, re.split(r" \(| - | DAK ", name)[0]):
            out.setdefault(" ".join(form.split()).casefold(), code)
    return out


@cache
def _populous(code: str, floor: int = _MIN_TOWNS) -> bool:
    from .regions import towns_per_country

    return towns_per_country().get(code, 0) >= floor  # the floor of regions.small_countries


@cache
def _first_names() -> frozenset[str]:
    from . import gazetteers as gz

    return gz.first_names("en") | gz.world_first_names(keep_words=True)


def moved_code(kind: str, code: str, rng: random.Random, taken: set[str]) -> str:
    """Under the wider policy: the province, country or island ``code`` becomes (another of its kind not in
    ``taken``; a country with name lists another such country, :data:`makna.privacy.naming.COUNTRY_LOCALES`);
    Indonesia stays."""
    if kind == "province":
        pool = sorted(PROVINCES)
    elif kind == "island":
        pool = list(ISLANDS)
    elif code == "ID":
        return code
    else:
        pool = sorted(COUNTRY_LOCALES) if code in COUNTRY_LOCALES else sorted(set(countries()) - {"ID"})
    choices = [c for c in pool if c != code and c not in taken]
    return rng.choice(choices) if choices else code


def moved_name(kind: str, code: str, original: str) -> str:
    """The name of a moved province (its Indonesian name), country (GeoNames') or island, with the head
    word of ``original`` (``Provinsi``)."""
    head = m.group(0) if (m := _HEAD.match(original)) is not None else ""
    name = PROVINCES[code] if kind == "province" else (countries()[code] if kind == "country" else code)
    return head + name
