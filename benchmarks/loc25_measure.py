"""loc25's measurement (issue 11): every gold LOCATION by class, and the reverse (ORG and PERSON typed LOCATION).

Reuses :func:`named21_measure.classify` and :func:`named21_measure.record_calls` (the rules', the learned layer's
and the stage's output of one ``detect``). Every gold LOCATION is counted by language, class (``found``,
``found-edge``, ``mistyped:<who>:LOCATION-><type>``, ``never-proposed``, ...), the detector of the final detection
over it, and the place's kind read from its own words (:func:`place_kind`: a venue with its type word, a
neighbourhood, a street, a landmark, a region or island, a listed town, or an unlisted name). The reverse: every
gold ORG or PERSON found as a LOCATION, by the same keys. Aggregates only on the four sets left out (the default);
``--rows FILE`` writes the lost spans' texts for open splits only. Run:
``PYTHONPATH=src python3 benchmarks/loc25_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from named21_measure import _ov, classify, record_calls  # noqa: E402

from makna.privacy import gazetteers  # noqa: E402
from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune27", "seal26", "spent41", "spent42")

_VENUE = set(
    "kos kost kosan wisma hotel penginapan losmen homestay kafe cafe café warkop karaoke ktv pasar market mall "
    "plaza terminal stasiun bandara pelabuhan dermaga station inn hostel motel guesthouse lodge bar pub club "
    "library centre center garage airport port".split()
)
_HOOD = set(
    "kampung kampuang nagari jorong desa dusun kelurahan kel. perumahan kompleks komplek asrama banjar gampong "
    "korong estate village suburb township location".split()
)
_STREET = set("jalan jl. jln. jl road street lane avenue gang gg. drive close way".split())
_LANDMARK = set(
    "pantai beach taman park jembatan bridge masjid mesjid gunung bukit danau sungai lake river lapangan square "
    "simpang air batang ngarai lembah common heath hill falls".split()
)
_REGION = set(
    "pulau island teluk bay county district provinsi kabupaten kab. kecamatan kec. kota region kawasan".split()
)


def place_kind(text: str) -> str:
    """The kind of a place read from its own words and the shipped place lists (a class for counting only)."""
    words = [w.casefold().strip(",.'’") for w in text.split()]
    ends = {words[0], words[-1]} if words else set()
    for name, group in (("venue", _VENUE), ("neighbourhood", _HOOD), ("street", _STREET)):
        if ends & group:
            return name
    if ends & _LANDMARK:
        return "landmark"
    if ends & _REGION:
        return "region"
    if text in gazetteers.places_admin() or text in gazetteers.places_world() or text in gazetteers.places_en():
        return "town-listed"
    if text in gazetteers.places_local():
        return "neighbourhood"
    return "unlisted"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    if args.rows and set(splits) & set(FOUR):
        raise SystemExit("no --rows on the four sets left out: aggregates only")
    calls = record_calls()
    loc: Counter[tuple[str, ...]] = Counter()
    rev: Counter[tuple[str, ...]] = Counter()
    rows: list[dict[str, Any]] = []
    skipped = 0
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            calls.clear()
            final = detect(doc.text, language=doc.language)
            if calls.get("n") != 1:
                skipped += 1
                continue
            for s, e, kind in doc.pii:
                if kind not in ("LOCATION", "ORG", "PERSON"):
                    continue
                cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                over = _ov(final, s, e)
                det = over[0].detector if over else "-"
                if kind == "LOCATION":
                    loc[(doc.language, cls, place_kind(doc.text[s:e]), det)] += 1
                elif cls.endswith("->LOCATION"):
                    rev[(doc.language, cls, det)] += 1
                else:
                    continue
                if args.rows and cls != "found":
                    line_start = doc.text.rfind("\n", 0, s) + 1
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "lang": doc.language,
                            "cls": cls,
                            "text": doc.text[s:e],
                            "left": doc.text[max(line_start, s - 70) : s],
                            "right": doc.text[e : e + 40].split("\n")[0],
                            "final": [f"{x.type}@{x.detector}:{x.text}" for x in over],
                            "rules": [f"{x.type}@{x.detector}:{x.text}" for x in _ov(calls["rules"], s, e)],
                        }
                    )
    print(f"documents skipped (more than one chunk): {skipped}")
    for title, idx in (("language", (0,)), ("class", (1,)), ("language, class", (0, 1))):
        c: Counter[tuple[str, ...]] = Counter()
        for k, n in loc.items():
            c[tuple(k[i] for i in idx)] += n
        print(f"gold LOCATION by {title}:", {" ".join(k): n for k, n in sorted(c.items())})
    c = Counter()
    for k, n in loc.items():
        c[(k[2], "found" if k[1].startswith("found") else k[1].split(":")[0] + ":" + k[1].rsplit(">", 1)[-1])] += n
    print("gold LOCATION by kind and outcome:")
    for k, n in sorted(c.items()):
        print(f"  {n:4d} {k}")
    print("gold LOCATION lost or mistyped by (language, class, kind, detector):")
    for k, n in loc.most_common():
        if not k[1].startswith("found"):
            print(f"  {n:4d} {k}")
    print("reverse (ORG/PERSON gold typed LOCATION) by (language, class, detector):")
    for k, n in rev.most_common():
        print(f"  {n:4d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
