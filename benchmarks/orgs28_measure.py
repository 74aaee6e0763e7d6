"""orgs28's measurement (issue 11): every gold ORG and LOCATION by outcome, proposer, language and shape class.

Reuses :func:`named21_measure.classify`/:func:`named21_measure.record_calls`/:func:`named21_measure.measured`,
:func:`typing26_measure.record_passes`/:func:`typing26_measure.retyped_by` and :func:`loc25_measure.place_kind`.
Every gold ORG and LOCATION span is counted by language, outcome (``typed-right``, ``typed:<T>`` with the pass or
layer that typed it, ``partial``, ``never-proposed``), the detector family that proposed it (the rule or the learned
layer over it), and its shape class (:func:`shape_class`, read from the span's own words and the shipped name
lists). Aggregates only on the four sets left out (the default); ``--rows FILE`` writes the lost spans' texts for
open splits only. Documents of more than one chunk are classed from the final detections alone. Run:
``PYTHONPATH=src python3 benchmarks/orgs28_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loc25_measure import place_kind  # noqa: E402
from named21_measure import _ov, classify, measured, record_calls  # noqa: E402
from typing26_measure import org_kind, record_passes, retyped_by  # noqa: E402

from makna.privacy import gazetteers  # noqa: E402

FOUR = ("tune30", "seal29", "spent47", "spent48")

_TYPE_WORDS = set(
    (
        "kelompok arisan koperasi yayasan klinik sekolah gereja masjid toko warung cv pt ud ltd inc sons club "
        "church union agency trust komunitas paguyuban serikat lsm rs rsud puskesmas kantor dinas bank "
        "foundation association society group ltd. inc. co. co llc plc pty services farm school clinic hospital"
    ).split()
)


def _w(text: str) -> list[str]:
    return [w.casefold().strip(",.'’()\"") for w in text.split()]


def shape_class(text: str, gold: str) -> str:
    """The span's shape, read from its own words (a class for counting only, never a detector's rule)."""
    words = _w(text)
    raw = [w.strip(",.'’()\"") for w in text.split()]
    if len(raw) == 1 and raw[0].isupper() and len(raw[0]) >= 2 and raw[0].isalpha():
        return "acronym"
    if words and words[0] in _TYPE_WORDS:
        rest = " ".join(raw[1:])
        if rest and (rest in gazetteers.places_admin() or rest in gazetteers.places_world()):
            return "typeword-before+place"
        return "typeword-before"
    if words and (words[-1] in _TYPE_WORDS or "&" in words):
        rest = " ".join(raw[:-1])
        if rest and (rest in gazetteers.places_admin() or rest in gazetteers.places_world()):
            return "typeword-after+place"
        return "typeword-after"
    if gold == "ORG" and org_kind(text) == "venue":
        return "venue"
    if gold == "LOCATION":
        k = place_kind(text)
        if k in ("neighbourhood", "venue", "street", "landmark", "region"):
            return "place-" + k
        if len(raw) == 1:
            return "one-word-" + k
        return "multi-" + k
    if len(raw) == 1:
        return "one-word"
    return "multi-word"


_CUES = (
    (
        "org-verb",
        "work works worked working employed employs hired fired sacked joined join joining member members "
        "paid pay pays deactivated suspended volunteer volunteered volunteers ride rides rode drive drives signed "
        "kerja bekerja kerjanya ikut gabung bergabung anggota bayar dibayar dipecat diputus narik magang daftar "
        "mendaftar terdaftar dari",
    ),
    (
        "place-verb",
        "live lives lived living grew born moved move moving went go goes going come comes came stay "
        "stays stayed visit visited tinggal pindah lahir pulang pergi datang asal asalnya merantau balik mudik",
    ),
    ("prep", "at in to from near around di ke dari dekat sekitar of for with by on"),
)
_CUE_WORDS = [(name, set(words.split())) for name, words in _CUES]


def cue_class(text: str, s: int) -> str:
    """The class of the nearest cue word among the four words before ``s`` on its line (a class for counting)."""
    start = text.rfind("\n", 0, s) + 1
    before = [w.casefold().strip(",.'’()\"") for w in text[start:s].split()][-4:]
    found = []
    for w in reversed(before):
        for name, group in _CUE_WORDS:
            if w in group:
                found.append(name)
    for name in ("org-verb", "place-verb"):
        if name in found:
            return name
    if found:
        prep = next(w for w in reversed(before) if w in _CUE_WORDS[2][1])
        return "prep:" + prep
    return "none"


def extent(final: list[Any], s: int, e: int) -> str:
    """Where the final detection over the span lies: the same extent, inside it, over it, or across an edge."""
    over = _ov(final, s, e)
    if not over:
        return "-"
    d = over[0]
    if (d.start, d.end) == (s, e):
        return "same"
    if d.start >= s and d.end <= e:
        return "inside"
    if d.start <= s and d.end >= e:
        return "over"
    return "across"


def mentions(name: str, final: list[Any], s: int) -> str:
    """How the final detections type the name's other mentions in the document (a class for counting)."""
    types = sorted({d.type for d in final if d.text == name and d.start != s})
    return "others:" + ("/".join(types) if types else "none")


def family(ds: list[Any]) -> str:
    return ds[0].detector.split(".")[0].split("+")[0] if ds else "-"


def outcome(cls: str, final: list[Any], s: int, e: int, calls: dict[str, Any]) -> str:
    if cls == "found":
        return "typed-right"
    if cls == "found-edge":
        return "partial"
    if cls.startswith("mistyped"):
        where = cls.split(":")[1]
        got = cls.split("->")[-1]
        who = where
        if where in ("later", "rule-fixed-later-undid", "later-new"):
            who = "pass:" + retyped_by(calls, s, e)
        return f"typed:{got}:{who}"
    if cls == "later-dropped":
        return "later-dropped:" + dropped_by(calls, s, e)
    return cls


def dropped_by(calls: dict[str, Any], s: int, e: int) -> str:
    """The first pass after the stage whose output holds nothing over ``s:e`` (``-`` when the stage dropped it)."""
    for name, out in calls.get("passes", []):
        if not _ov(out, s, e):
            return name
    return "-"


def main(four: tuple[str, ...] = FOUR) -> None:
    """The tables on ``four`` (the sets left out of the model: aggregates only) or on ``--split`` splits."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(four)
    if args.rows and set(splits) & set(four):
        raise SystemExit("no --rows on the four sets left out: aggregates only")
    calls = record_calls()
    record_passes(calls)
    got: Counter[tuple[str, ...]] = Counter()
    rows: list[dict[str, Any]] = []
    by_split: Counter[tuple[str, str, str]] = Counter()
    for split, doc, final in measured(splits, calls):
        one = calls.get("n") == 1
        for s, e, kind in doc.pii:
            if kind not in ("LOCATION", "ORG"):
                continue
            if one:
                cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                prop = family(_ov(calls["rules"], s, e)) or "-"
                if prop == "-" and _ov(calls["learned"], s, e):
                    prop = "learned"
                out = outcome(cls, final, s, e, calls)
            else:
                cls = classify(s, e, kind, [], [], [], final)
                prop = family(_ov(final, s, e))
                out = (
                    outcome(cls, final, s, e, {}) if not cls.startswith("mistyped") else "typed:" + cls.split("->")[-1]
                )
            by_split[(split, kind, out if not out.startswith("typed:") else ":".join(out.split(":")[:2]))] += 1
            shape = shape_class(doc.text[s:e], kind)
            over = _ov(final, s, e)
            det = over[0].detector if over else "-"
            got[
                (
                    doc.language,
                    kind,
                    out,
                    prop,
                    shape,
                    det,
                    cue_class(doc.text, s),
                    mentions(doc.text[s:e], final, s),
                    extent(final, s, e),
                    org_kind(doc.text[s:e]),
                )
            ] += 1
            if args.rows and out != "typed-right":
                line_start = doc.text.rfind("\n", 0, s) + 1
                over = _ov(final, s, e)
                rows.append(
                    {
                        "split": split,
                        "doc": doc.id,
                        "lang": doc.language,
                        "gold": kind,
                        "out": out,
                        "prop": prop,
                        "shape": shape,
                        "text": doc.text[s:e],
                        "left": doc.text[max(line_start, s - 80) : s],
                        "right": doc.text[e : e + 40].split("\n")[0],
                        "final": [f"{x.type}@{x.detector}:{x.text}" for x in over],
                    }
                )
    for gold in ("ORG", "LOCATION"):
        tot: Counter[tuple[str, str]] = Counter()
        for k, n in got.items():
            if k[1] == gold:
                o = k[2] if not k[2].startswith("typed:") else "typed:" + k[2].split(":")[1]
                tot[(k[0], o)] += n
        print(f"gold {gold} by (language, outcome):")
        for key, n in sorted(tot.items()):
            print(f"  {n:4d} {key}")
        sh: Counter[tuple[str, str]] = Counter()
        for k, n in got.items():
            if k[1] == gold:
                sh[(k[4], "right" if k[2] == "typed-right" else "lost")] += n
        print(f"gold {gold} by shape:", {f"{a}/{b}": n for (a, b), n in sorted(sh.items())})
        print(f"gold {gold} not typed right by (language, outcome, proposer, shape):")
        for k, n in got.most_common():
            if k[1] == gold and k[2] != "typed-right":
                print(f"  {n:4d} {k[:1] + k[2:]}")
        cc: Counter[tuple[str, str]] = Counter()
        for k, n in got.items():
            if k[1] == gold:
                cc[(k[6], "right" if k[2] == "typed-right" else "lost")] += n
        print(f"gold {gold} by cue class:", {f"{a}/{b}": n for (a, b), n in sorted(cc.items())})
        mc: Counter[tuple[str, str]] = Counter()
        for k, n in got.items():
            if k[1] == gold:
                mc[(k[7], "right" if k[2] == "typed-right" else "lost")] += n
        print(f"gold {gold} by other mentions:", {f"{a}/{b}": n for (a, b), n in sorted(mc.items())})
    print("not typed right by (split, gold, outcome):")
    for key, n in sorted(by_split.items()):
        if key[2] != "typed-right":
            print(f"  {n:4d} {key}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
