"""ages26's measurement (issue 11): every gold AGE span and every false AGE, classed, counts only.

Over the given splits (default: the four sets left out of BASE's model, ``tune28 seal27 spent43 spent44``), every
gold AGE span is classed by

* ``outcome``: ``exact`` (an AGE detection covers it exactly), ``cut-right`` / ``cut-left`` / ``cut-both`` (an
  AGE overlaps it but leaves characters of the span out on that side: a unit or qualifier after it, a number
  before it), ``over`` (an AGE covers it and more), ``as:TYPE`` (only another type overlaps it), ``missed``
  (nothing overlaps it; then named21's pass that lost it: ``never-proposed``, ``stage-dropped``...);
* ``language``; ``detector`` (of the AGE detection covering most of it);
* ``shape``: ``digits``, ``digits+unit``, ``words`` (Indonesian or English number words), ``regional`` (a Minang
  or Javanese number word: ``duo``, ``tigo``, ``limo``, ``loro``, ``telu``...), ``decade`` (``40-an``,
  ``kepala tiga``, ``in her thirties``), ``range`` (``30-35``, ``thirty or thirty-one``);
* ``whose`` and ``cue`` as ages23 classed them (``self``/``other``; ``clause``, ``sentence``, ``question``,
  ``list``, ``form``, ``none``).

Every final AGE that overlaps no gold AGE is classed by language, detector, the gold type under it (if any) and
durations23's ``duration``/``other`` grammar. Counts only; nothing of a span's text is printed. Run:
``PYTHONPATH=src python3 benchmarks/ages26_measure.py [--split NAME ...]``.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from typing import Any

from ages23_measure import cue, whose  # type: ignore[import-not-found]
from durations23_measure import age_class  # type: ignore[import-not-found]
from named21_measure import classify, measured, record_calls  # type: ignore[import-not-found]

FOUR = ("tune28", "seal27", "spent43", "spent44")
_RANGE = re.compile(r"(?i:\d[ \t]*(?:-|–|to|sampai|sampe|atau|or)[ \t]*\d|\b(?:atau|or|ke|eh)\b)")
_DECADE = re.compile(r"(?i:\d0[- ]?an\b|\d0['’]?s\b|puluhan|puluahan|ties\b|kepala|kapalo)")
_UNIT = re.compile(r"(?i:\d[ \t]*(?:th|thn|tahun|taun|taon|tahunan|yrs?|years?|y\.?o|bulan|months?)\b)")
_REGIONAL = re.compile(
    r"(?i:\b(?:ciek|duo|tigo|ampek|limo|anam|tujuah|salapan|sambilan|sapuluah|baleh|puluah|siji|loro|telu|papat|"
    r"limang|enem|pitu|wolu|songo|sangang|sepuloh|welas|likur|selawe|seket|suwidak|hiji|opat|genep|dalapan|"
    r"salapan|sapuluh|sawelas|dua[ \t]+welas)\b)"
)


def shape(t: str) -> str:
    if _RANGE.search(t):
        return "range"
    if _DECADE.search(t):
        return "decade"
    if re.search(r"\d", t):
        return "digits+unit" if _UNIT.search(t) else "digits"
    return "regional" if _REGIONAL.search(t) else "words"


def outcome(s: int, e: int, over: list[Any]) -> tuple[str, str]:
    ages = [d for d in over if d.type == "AGE"]
    if not ages:
        return "", ""
    lo, hi = min(d.start for d in ages), max(d.end for d in ages)
    best = max(ages, key=lambda d: min(e, d.end) - max(s, d.start))
    left, right = lo > s, hi < e
    if left and right:
        return "cut-both", best.detector
    if left:
        return "cut-left", best.detector
    if right:
        return "cut-right", best.detector
    return ("exact" if (lo, hi) == (s, e) else "over"), best.detector


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    calls = record_calls()
    gold: Counter[tuple[str, ...]] = Counter()
    false: Counter[tuple[str, ...]] = Counter()
    n_pred = 0
    for _split, doc, final in measured(splits, calls):
        for s, e, kind in doc.pii:
            if kind != "AGE":
                continue
            over = [d for d in final if d.start < e and s < d.end]
            out, det = outcome(s, e, over)
            if not out:
                if over:
                    best = max(over, key=lambda d: min(e, d.end) - max(s, d.start))
                    out, det = f"as:{best.type}", best.detector
                elif calls.get("n") == 1:
                    out = "missed:" + classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                else:
                    out = "missed:chunked"
            t = doc.text[s:e]
            gold[(doc.language, out, det or "-", shape(t), whose(doc.text, s), cue(doc.text, s, e))] += 1
        for d in final:
            if d.type != "AGE":
                continue
            n_pred += 1
            under = [g for g in doc.pii if g[0] < d.end and d.start < g[1]]
            if any(g[2] == "AGE" for g in under):
                continue
            kinds = "+".join(sorted({g[2] for g in under})) or "none"
            false[(doc.language, d.detector, kinds, age_class(doc.text, d.start, d.end))] += 1
    total = sum(gold.values())
    print(f"splits {' '.join(splits)}: gold AGE {total}, final AGE {n_pred}, false AGE {sum(false.values())}")
    names = ("language", "outcome", "detector", "shape", "whose", "cue")
    for i, name in enumerate(names):
        c: Counter[str] = Counter()
        for k, v in gold.items():
            c[k[i]] += v
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    for j in (0, 3, 4, 5):
        c = Counter()
        for k, v in gold.items():
            if k[1] != "exact" and k[1] != "over":
                c[f"{k[1]}/{k[j]}"] += v
        print(f"not whole x {names[j]}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    for i, name in enumerate(("language", "detector", "gold under", "grammar")):
        c = Counter()
        for k, v in false.items():
            c[k[i]] += v
        print(f"false AGE {name}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))


if __name__ == "__main__":
    main()
