"""Share of district surrogates that stay in their regency and in their province: 500 districts that
``districts_id.tsv`` places in one regency (a district only, not also a city), the surrogate region set
to their province, one secret each. Run on this branch, and with main's ``surrogates.py`` for the figure
before::

    PYTHONPATH=src python benchmarks/deid_district_regency.py
"""

from __future__ import annotations

import random

from makna.privacy.districts import _table, regency_districts, same_regency
from makna.privacy.regions import place_regions
from makna.privacy.surrogates import SurrogateGenerator


def main() -> None:
    placed = sorted(
        (name, next(iter(codes)))
        for name, codes in _table()[1].items()
        if len(codes) == 1
        and same_regency(name, None)
        and {lv for p, lv in place_regions(name) if p == next(iter(codes))[:2]} == {"district"}
    )
    sample = random.Random(7).sample(placed, 500)
    same = province = 0
    for i, (folded, code) in enumerate(sample):
        name = next(d for d in regency_districts(code) if d.casefold() == folded)
        new = SurrogateGenerator(bytes([i % 256]) * 32, region=code[:2]).generate("LOCATION", name)
        same += new in regency_districts(code)
        province += any(p == code[:2] for p, _lv in place_regions(new))
    print(f"districts {len(sample)} of {len(placed)} placed: same regency {same}, same province {province}")


if __name__ == "__main__":
    main()
