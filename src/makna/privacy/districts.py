"""Which regency or city an Indonesian district (kecamatan) belongs to, so that a district's surrogate
stays in its own regency (issue #11, section 4: a district of Padang becomes another district of Padang).

``data/districts_id.tsv`` (built by ``python -m makna.privacy.data.build_districts`` from Cahya DSN's
``wilayah`` data, MIT: Kemendagri codes) gives every regency or city (``PP.RR``) with its districts. A
district name found in one regency only (of the province the surrogate stays in, where one is chosen)
has that regency; a name several regencies share has none, and its surrogate stays in the province as
before (:mod:`makna.privacy.surrogates`)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Final

__all__ = [
    "MIN_OTHERS",
    "district_regencies",
    "fold_place",
    "has_districts",
    "regency_codes",
    "regency_districts",
    "regency_name",
    "same_regency",
]

MIN_OTHERS: Final = 3
"""The fewest other districts a regency needs for a surrogate to stay in it (else: its province)."""


_KINDS: Final = {"kota": "Kota", "kabupaten": "Kabupaten", "kab": "Kabupaten", "kab.": "Kabupaten"}


@lru_cache(maxsize=1 << 16)
def fold_place(name: str) -> str:
    """A place name as compared with originals: accents dropped, case-folded, any run of other characters
    one space (``Kuranji``, ``KURANJI`` and ``Kurânji`` are one name). Cached: a surrogate draw folds every
    name of its pool, again at each retry."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", plain.casefold()).split())


@cache
def _by_regency_name() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for code, (name, _districts) in _table()[0].items():
        kind, _sep, rest = name.partition(" ")
        out.setdefault(fold_place(rest if kind in {"Kota", "Kabupaten"} else name), set()).add(code)
    return {k: frozenset(v) for k, v in out.items()}


def regency_codes(name: str) -> frozenset[str]:
    """The codes (``PP.RR``) of every regency or city called ``name``: ``Kota Padang`` the city only,
    ``Solok`` both the city and the regency of that name."""
    first, _sep, rest = " ".join(name.split()).partition(" ")
    kind = _KINDS.get(first.casefold()) if rest else None
    codes = _by_regency_name().get(fold_place(rest if kind else name), frozenset())
    return frozenset(c for c in codes if kind is None or regency_name(c).startswith(kind + " "))


def has_districts(name: str) -> bool:
    """Whether a regency or city called ``name`` has more than :data:`MIN_OTHERS` districts (a district of it
    can then become another of it)."""
    return any(len(regency_districts(c)) > MIN_OTHERS for c in regency_codes(name))


@cache
def _table() -> tuple[dict[str, tuple[str, tuple[str, ...]]], dict[str, frozenset[str]]]:
    path = resources.files("makna.privacy") / "data" / "districts_id.tsv"
    regencies: dict[str, tuple[str, tuple[str, ...]]] = {}
    by_name: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        code, name, districts = line.split("\t")
        names = tuple(districts.split("|"))
        regencies[code] = (name, names)
        for district in names:
            by_name.setdefault(district.casefold(), set()).add(code)
    return regencies, {k: frozenset(v) for k, v in by_name.items()}


def regency_districts(code: str) -> tuple[str, ...]:
    """The districts of the regency or city ``code`` (``PP.RR``), sorted; empty for an unknown code."""
    return _table()[0].get(code, ("", ()))[1]


def regency_name(code: str) -> str:
    """The name of the regency or city ``code`` (``Kota Padang``); empty for an unknown code."""
    return _table()[0].get(code, ("", ()))[0]


def district_regencies(name: str) -> frozenset[str]:
    """The codes (``PP.RR``) of every regency or city with a district called ``name``."""
    return _table()[1].get(" ".join(name.split()).casefold(), frozenset())


def same_regency(name: str, province: str | None) -> tuple[str, ...]:
    """The other districts of the one regency a district ``name`` belongs to (in ``province``, a province
    code, where given), sorted; empty where no regency, or more than one, has it, or where its regency has
    fewer than :data:`MIN_OTHERS` other districts."""
    codes = {c for c in district_regencies(name) if province is None or c.split(".")[0] == province}
    if len(codes) != 1:
        return ()
    folded = " ".join(name.split()).casefold()
    others = tuple(d for d in regency_districts(codes.pop()) if d.casefold() != folded)
    return others if len(others) >= MIN_OTHERS else ()
