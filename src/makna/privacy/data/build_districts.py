"""Rebuild ``districts_id.tsv``: every Indonesian regency or city with its districts (kecamatan), so that
a district's surrogate can stay in its own regency (run by hand; not used at run time).

Source: ``db/wilayah.sql`` of Cahya DSN's ``wilayah`` repository (github.com/cahyadsn/wilayah, MIT;
Kemendagri codes as of Kepmendagri No 300.2.2-2138 Tahun 2025), the data ``regions_id.tsv`` also comes
from. Codes ``PP`` (province), ``PP.RR`` (regency or city), ``PP.RR.DD`` (district); villages
(``PP.RR.DD.VVVV``) are left out. Output lines: ``PP.RR<TAB>regency or city<TAB>district|district|...``
(names as the source writes them, ``Kabupaten``/``Kota`` kept; districts sorted; only names of the shape
``regions_id.tsv`` keeps).

Usage: ``python -m makna.privacy.data.build_districts path/to/wilayah.sql``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

__all__ = ["build"]

HERE = Path(__file__).resolve().parent
_ROW = re.compile(r"\('(\d{2}\.\d{2}(?:\.\d{2})?)','([^']*)'\)")
_CLEAN = re.compile(r"^[A-Z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){0,5}$")


def build(sql: Path) -> None:
    """Write ``districts_id.tsv`` from the ``wilayah`` table dump at ``sql``."""
    regencies: dict[str, str] = {}
    districts: dict[str, set[str]] = {}
    for code, name in _ROW.findall(sql.read_text(encoding="utf-8")):
        name = " ".join(name.split())
        if code.count(".") == 1:
            regencies[code] = name
        elif _CLEAN.match(name):
            districts.setdefault(code.rsplit(".", 1)[0], set()).add(name)
    lines = [
        f"{code}\t{regencies[code]}\t{'|'.join(sorted(names))}"
        for code, names in sorted(districts.items())
        if code in regencies
    ]
    (HERE / "districts_id.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
