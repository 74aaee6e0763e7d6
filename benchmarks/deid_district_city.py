"""Does a district's surrogate follow its city's surrogate, and never equal another original place? (#11)

Invented texts, 100 secrets each (region 13, West Sumatra): a district and its city in either order, and
(the review's case) ten districts of one city in one text. Run: ``PYTHONPATH=src python
benchmarks/deid_district_city.py``; figures in ``benchmarks/results/health14.md`` ("Review fixes")."""

from __future__ import annotations

from makna.privacy import KeyMapping, detect, pseudonymise
from makna.privacy.districts import MIN_OTHERS, regency_codes, regency_districts
from makna.privacy.types import Detection

_TEN = [
    "Padang Barat",
    "Padang Timur",
    "Padang Utara",
    "Padang Selatan",
    "Nanggalo",
    "Kuranji",
    "Pauh",
    "Koto Tangah",
    "Lubuk Kilangan",
    "Lubuk Begalung",
]


def coherence() -> None:
    padang = set(regency_districts(next(iter(regency_codes("Kota Padang")))))
    for text, spans in (
        ("Saya kos di Kuranji, Padang.", [(12, 19), (21, 27)]),
        ("Dari Padang, kos di Kuranji.", [(5, 11), (20, 27)]),
    ):
        dets = [Detection(a, b, "LOCATION", 0.9, "bench", text[a:b]) for a, b in spans]
        agree = real = small = 0
        for s in range(100):
            mapping = KeyMapping(secret=f"{s:02x}" * 32, region="13")
            _out, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
            got = {r.original: r.replacement for r in reps}
            city, district = got["Padang"], got["Kuranji"]
            homes = [c for c in regency_codes(city) if len(regency_districts(c)) > MIN_OTHERS]
            small += not homes
            agree += any(district in regency_districts(c) for c in homes)
            real += district in padang
        print(
            f"{text!r}: district in its city's surrogate {agree}/100, in the real city {real}/100, "
            f"city surrogate with too few districts {small}/100"
        )


def clashes() -> None:
    text = " ".join(f"Dia tinggal di Kecamatan {d}, Kota Padang." for d in _TEN)
    dets = detect(text, language="id")
    bad = total = 0
    for s in range(30):
        mapping = KeyMapping(secret=f"{s:02x}" * 32)
        _out, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language="id", region="13")
        got = {r.original: r.replacement for r in reps if r.type == "LOCATION"}
        hit = [v for v in got.values() if v in got or v.split(",")[0] in got]
        bad += bool(hit)
        total += len(hit)
    print(
        f"ten districts of Padang in one text: secrets with a surrogate equal to another original {bad}/30 "
        f"({total} such surrogates)"
    )


if __name__ == "__main__":
    coherence()
    clashes()
