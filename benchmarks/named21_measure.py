"""named21's measurement (issue 11): where a gold identifier is lost, by class, on splits BASE's model never saw.

For every gold span of the given splits (default: the four opened in round twenty-one, left out of BASE's CRF and
precision stage) the script runs ``detect`` with the learned layer's and the stage's input and output recorded and
puts the span in one class:

* ``found``: a final detection of its type overlaps it (typed recall counts it), fully covered or ``edge`` (a
  character of it uncovered by any final detection);
* ``never-proposed``: no rule and no learned span overlaps it;
* ``learned-only-lost`` / ``rule-dropped-by-learned``: only in the rules' output, gone after the learned layer;
* ``stage-dropped``: in the stage's input, not in its output;
* ``later-dropped``: the stage kept it, a later pass dropped it;
* ``mistyped:<where>:<gold>-><found>``: found with another type: ``rule`` (the proposed type was wrong and the
  stage kept it), ``stage`` (the stage retyped a right type wrong), ``later`` (a later pass did).

Aggregates (class counts by language and gold type) go to stdout; ``--rows FILE`` writes every lost span (open
splits only: never run this on a sealed set). Run:
``PYTHONPATH=src python3 benchmarks/named21_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import makna.privacy._pipeline as P
from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune23", "seal22", "spent33", "spent34")


def _ov(ds: list[Any], s: int, e: int) -> list[Any]:
    return [d for d in ds if d.start < e and s < d.end]


def classify(
    s: int, e: int, kind: str, rules: list[Any], learned: list[Any], staged: list[Any], final: list[Any]
) -> str:
    f = _ov(final, s, e)
    if any(d.type == kind for d in f):
        cover = set()
        for d in f:
            cover.update(range(max(s, d.start), min(e, d.end)))
        return "found" if len(cover) == e - s else "found-edge"
    r, lr, st = _ov(rules, s, e), _ov(learned, s, e), _ov(staged, s, e)
    if not f:
        if not r and not lr:
            return "never-proposed"
        if r and not lr:
            return "dropped-by-learned"
        if lr and not st:
            return "stage-dropped"
        return "later-dropped"
    got = f[0].type
    if lr and all(d.type != kind for d in lr):
        where = "rule" if not st or all(d.type != kind for d in st) else "rule-fixed-later-undid"
    elif st and all(d.type != kind for d in st):
        where = "stage"
    elif not lr:
        where = "later-new"
    else:
        where = "later"
    return f"mistyped:{where}:{kind}->{got}"


def record_calls() -> dict[str, Any]:
    """Wrap the learned layer and the precision stage so that every ``detect`` call records their input and output
    (``rules``, ``learned``, ``staged``, and ``n``, the number of chunks) in the dict returned; clear it per call."""
    calls: dict[str, Any] = {}
    refine0, stage0 = P.refine, P.apply_stage

    def refine(text: str, scan: str, language: str, rules: list[Any], runs: Any) -> list[Any]:
        out = refine0(text, scan, language, rules, runs)
        calls.update(rules=list(rules), learned=list(out), n=calls.get("n", 0) + 1)
        return out

    def stage(scan: str, language: str, found: list[Any]) -> list[Any]:
        out = stage0(scan, language, found)
        calls.update(staged=list(out))
        return out

    P.refine, P.apply_stage = refine, stage  # type: ignore[assignment]
    return calls


def measured(
    splits: Iterable[str], calls: dict[str, Any], language: str | None = None
) -> Iterator[tuple[str, Any, list[Any]]]:
    """Each gold document of ``splits`` (``tests/privacy/corpus/<split>``) with what ``detect`` finds in it, ``calls``
    (:func:`record_calls`) cleared before each: the corpus loop of the measure scripts (review26); with
    ``language``, that language's documents only (the others are not run: review27)."""
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            if language is not None and doc.language != language:
                continue
            calls.clear()
            yield split, doc, detect(doc.text, language=doc.language)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--dir", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    dirs = [ROOT / "tests/privacy/corpus" / s for s in (args.split or ([] if args.dir else FOUR))]
    dirs += [Path(d) for d in args.dir]
    calls = record_calls()
    counts: Counter[tuple[str, str, str]] = Counter()
    rows = []
    for d in dirs:
        for doc in load_gold(d):
            calls.clear()
            final = detect(doc.text, language=doc.language)
            if calls.get("n") != 1:
                print(f"{doc.id}: {calls.get('n')} chunks, skipped")
                continue
            for s, e, kind in doc.pii:
                cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                counts[(doc.language, kind, cls)] += 1
                if cls != "found" and args.rows:
                    line_start = doc.text.rfind("\n", 0, s) + 1
                    rows.append(
                        {
                            "split": d.name,
                            "doc": doc.id,
                            "lang": doc.language,
                            "gold": kind,
                            "cls": cls,
                            "text": doc.text[s:e],
                            "left": doc.text[max(line_start, s - 70) : s],
                            "right": doc.text[e : e + 40].split("\n")[0],
                            "final": [f"{x.type}@{x.detector}:{x.text}" for x in _ov(final, s, e)],
                            "rules": [f"{x.type}@{x.detector}:{x.text}" for x in _ov(calls["rules"], s, e)],
                        }
                    )
    by_cls: Counter[str] = Counter()
    for (_lang, _kind, cls), n in counts.items():
        by_cls[cls.split(":")[0] if not cls.startswith("mistyped") else ":".join(cls.split(":")[:2])] += n
    print("all:", dict(by_cls.most_common()))
    for sel in ("en", "id"):
        c: Counter[str] = Counter()
        for (lang, _kind, cls), n in counts.items():
            if lang == sel:
                c[cls] += n
        print(f"{sel}:", dict(c.most_common()))
    c = Counter()
    for (_lang, kind, cls), n in counts.items():
        if kind == "ORG":
            c[cls] += n
    print("ORG:", dict(c.most_common()))
    lost = Counter()
    for (lang, kind, cls), n in counts.items():
        if cls not in ("found", "found-edge"):
            lost[(lang, kind, cls)] += n
    print("lost by (language, gold type, class):")
    for k, n in lost.most_common():
        print(f"  {n:3d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
