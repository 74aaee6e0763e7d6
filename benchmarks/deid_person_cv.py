"""PERSON out of fold: leave-one-split-out figures of rules + CRF + precision stage, and every PERSON error (#11).

The same pipeline as ``deid_precision_cv.py`` (each transcript's detections come from a CRF and a precision
stage that never saw its split), reported the way the PERSON work is judged: pooled over all open splits and
over the newer ones (the most like unseen text), overall and for PERSON (recall, precision, F1), per language.
``--dump FILE`` writes each PERSON false alarm (a PERSON detection that overlaps no PERSON gold span) and each
miss (a PERSON gold span no PERSON detection overlaps), with its context, the detector that made it and what
the gold or the detections said there, for classifying errors by kind. Sealed test sets are never read.

Run: ``python benchmarks/deid_person_cv.py [--dump FILE] [--cache FILE] [--markdown]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport, GoldDocument
from makna.privacy.precision_train import stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, STAGE_VOTE, examples, load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import NEWER, _merge  # noqa: E402
from deid_precision_cv import Cut, _score, cached_out_of_fold, cross_validate  # noqa: E402


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _row(name: str, rep: EvaluationReport) -> str:
    d = rep.as_dict()
    per = d["per_type"].get("PERSON", {})
    pr, pp = per.get("recall", 1.0), per.get("precision", 1.0)
    langs = []
    for lang in sorted(rep.by_language):
        sub = rep.by_language[lang].as_dict()["per_type"].get("PERSON", {})
        lr, lp = sub.get("recall", 1.0), sub.get("precision", 1.0)
        langs.append(f"{lang}: R {lr:.3f} P {lp:.3f} F1 {_f1(lp, lr):.3f}")
    return (
        f"| {name} | {rep.documents} | {d['overall']['recall']:.3f} | {d['untyped']['recall']:.3f} | "
        f"{d['overall']['precision']:.3f} | {d['leak_rate']:.3f} | {per.get('gold', 0)} | {pr:.3f} | {pp:.3f} | "
        f"{_f1(pp, pr):.3f} | {'; '.join(langs)} |"
    )


HEAD = (
    "| splits | docs | typed R | untyped R | P | leak | PERSON gold | PERSON R | PERSON P | PERSON F1 | "
    "PERSON by language |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " / ")
    right = text[end : end + width].replace("\n", " / ")
    return f"{left}[[{text[start:end]}]]{right}"


def dump(docs: Sequence[GoldDocument], splits: Sequence[str], found: Sequence[list[Detection]]) -> list[str]:
    """One tab-separated line per PERSON error: kind, split, doc, language, detector or gold's view, context."""
    lines: list[str] = []
    for doc, split, dets in zip(docs, splits, found, strict=True):
        gold = [(s, e) for s, e, t in doc.pii if t == "PERSON"]
        pers = [d for d in dets if d.type == "PERSON"]
        for d in pers:
            if not any(s < d.end and d.start < e for s, e in gold):
                other = [t for s, e, t in doc.pii if s < d.end and d.start < e]
                what = f"gold {other[0]}" if other else "gold none"
                lines.append(f"FP\t{split}\t{doc.id}\t{doc.language}\t{d.detector} {d.confidence:.2f}\t{what}\t"
                             f"{_context(doc.text, d.start, d.end)}")
        for s, e in gold:
            if not any(d.start < e and s < d.end for d in pers):
                other = [f"{d.type}/{d.detector}" for d in dets if d.start < e and s < d.end]
                lines.append(f"FN\t{split}\t{doc.id}\t{doc.language}\t{'; '.join(other) or 'nothing'}\t-\t"
                             f"{_context(doc.text, s, e)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write every PERSON error (TSV) to this file")
    parser.add_argument("--cache", type=Path, help="keep the out-of-fold detections in this file between runs")
    parser.add_argument("--stage", choices=("none", "crf", "full"), default="full",
                        help="rules alone, rules + out-of-fold CRF, or both and the precision stage (default)")
    args = parser.parse_args()
    t = time.perf_counter()
    data = examples(load_splits(ROOT))
    splits = sorted({ex.split for ex in data}, key=[ex.split for ex in data].index)
    docs = {split: [ex.doc for ex in data if ex.split == split] for split in splits}
    if args.stage == "none":
        res = {split: [ex.rules for ex in data if ex.split == split] for split in splits}
    else:
        oof = cached_out_of_fold(data, args.cache)
        if args.stage == "crf":
            res = {split: [oof[i] for i, ex in enumerate(data) if ex.split == split] for split in splits}
        else:
            sd = stage_data(data, oof)
            s = STAGE_SETTINGS
            cut: Cut = (s["drop"], s["retype"], tuple(sorted(STAGE_DROPS.items())), STAGE_VOTE)
            res = cross_validate(data, sd, s["c"], [cut], int(s["min_splits"]))[cut]
    print(f"{len(data)} transcripts ({args.stage}), detections in {time.perf_counter() - t:.1f} s\n")
    pooled, newer = EvaluationReport(), EvaluationReport()
    per_split = {}
    for split in splits:
        rep = _score(docs[split], res[split])
        per_split[split] = rep
        _merge(pooled, rep)
        if split in NEWER:
            _merge(newer, rep)
    print(HEAD)
    for split in splits:
        print(_row(split, per_split[split]))
    print(_row("**newer**", newer))
    print(_row("**pooled**", pooled))
    if args.dump:
        lines = dump(
            [doc for split in splits for doc in docs[split]],
            [split for split in splits for _ in docs[split]],
            [found for split in splits for found in res[split]],
        )
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"\n{len(lines)} PERSON errors written to {args.dump}")


if __name__ == "__main__":
    main()
