"""What the annotation conventions never count as an identifier, whatever a detector said (the precision stage
drops these before its verdict, and its training never labels them): moved out of :mod:`makna.privacy.precision`,
which had grown past the project's module size, with the country and region lists read once through
:mod:`makna.privacy.gazetteers` (precision had read ``countries.txt`` a second time)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS, OFFICE_TITLES
from .places import generic_public_body
from .types import Detection

__all__ = ["coarse", "never_identifier"]

_OFFICE_OF: Final = frozenset(
    "desa nagari kampung kampuang dusun jorong kelurahan kecamatan kota kabupaten rt rw sekolah puskesmas".split()
)
"""What an office heads ("Kepala Desa", "Wali Nagari", "Ketua RT")."""
_CONTRACTIONS: Final = frozenset(f"{i}{a}{e}" for i in "Ii" for a in "'’" for e in ("m", "ve", "ll", "d", "M", "VE"))
_NAMES: Final = frozenset({"PERSON", "LOCATION", "ORG"})


def never_identifier(det: Detection) -> bool:
    """Spans the annotation conventions never count, whatever a detector said: a name, place or organisation
    without a letter (a bare year, "2016"), a PERSON of address terms doubled or joined ("Ibu-ibu") or an office
    alone ("Wali Nagari"), a country, continent or region as a LOCATION, a public office named by its kind only
    ("Dinas Sosial"), or an English first-person contraction ("I'm", "I've")."""
    return _never(det.type, det.text)


def coarse(text: str) -> bool:
    """Whether ``text`` is a coarse place (a country, region, province: :func:`~makna.privacy.coarse.coarse_place`)."""
    from .coarse import coarse_place

    return coarse_place(text) is not None


def _small(text: str) -> bool:
    from .regions import small_countries

    return text in small_countries()


@lru_cache(maxsize=65536)
def _never(kind: str, text: str) -> bool:
    """:func:`never_identifier` of a detection of type ``kind`` over ``text`` (names recur: cached)."""
    if kind in _NAMES and not any(c.isalpha() for c in text):
        return True
    if kind == "PERSON" and "-" in text and all(p.title() in HONORIFICS for p in text.split("-")):
        return True  # "Ibu-ibu", "Bapak-Ibu": address terms doubled or joined address a group, no one by name
    if kind == "PERSON" and text.split()[0] in OFFICE_TITLES:
        rest = text.split()[1:]
        if all(w in OFFICE_TITLES or w.lower() in _OFFICE_OF for w in rest):
            return True  # "Camat", "Wali Nagari", "Kepala Desa": an office, no one's name
    if kind == "LOCATION" and text in gz.macro_regions() and text not in gz.first_names("en"):
        return True  # "Afrika", "Scotland", "Timur Tengah": a continent, a region or a nation, as big as a country
    if kind == "LOCATION" and text in gz.countries() and text not in gz.first_names("en") and not _small(text):
        return True  # "Malaysia", "Hong Kong": the conventions never count a country ("Jordan", "Chad" may be names;
        # Pitcairn, Tokelau, Monaco: so few people live there that the place points at one, as a town does)
    if kind in {"ORG", "LOCATION"} and generic_public_body(text):
        return True  # "Dinas Sosial", "Kantor Camat": a kind of public office every town has
    return text in _CONTRACTIONS
