"""Leave-one-split-out cross-validation of the de-identification precision stage (issue 11).

For every open split (makna.privacy.train.OPEN_SPLITS): its out-of-fold detections (the rules, refined by a
CRF trained on the other splits) are scored before and after a precision stage trained on the other
splits' out-of-fold detections; figures per split and pooled (each transcript scored once, by a stage and a
CRF that never saw it). Sealed test sets are never read (train.split_dir refuses them).

The CRF that made the other splits' training detections saw the held-out split (one level of nesting is
skipped to keep the run short); the stage itself never did.

Run: ``python benchmarks/deid_precision_cv.py [--grid] [--cache FILE]``. ``--grid`` prints pooled figures for
every (C, drop, retype) setting tried; without it, the per-split tables of the chosen setting (the shipped
stage's), per type, and the precision and recall of detections at confidence 0.8 or more.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport, GoldDocument, evaluate_documents
from makna.privacy.precision import PrecisionStage, decide
from makna.privacy.precision_train import StageData, fit_stage, out_of_fold, stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, STAGE_VOTE, Example, Settings, examples, load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import HEAD, NEWER, _merge, _row  # noqa: E402

ROUND11 = ("tune14", "seal13", "spent15", "spent16")
"""The four sets measured unseen at the end of round eleven (open since): the type gap was measured on them."""
GRID_C = (0.1, 0.3, 1.0)
GRID_DROP = (0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
GRID_RETYPE = (0.6, 0.7, 0.8, 1.01)


def _score(docs: Sequence[object], dets: Sequence[list[Detection]]) -> EvaluationReport:
    by_text = {d.text: found for d, found in zip(docs, dets, strict=True)}  # type: ignore[attr-defined]
    return evaluate_documents(docs, lambda text, _lang: by_text[text])  # type: ignore[arg-type]


def _high(docs: Sequence[object], dets: Sequence[list[Detection]], cut: float = 0.8) -> tuple[int, int, int, int]:
    """(gold, gold found, predictions, correct) for the detections at confidence ``cut`` or more (typed overlap)."""
    high = [[d for d in found if d.confidence >= cut] for found in dets]
    rep = _score(docs, high)
    return rep.overall.gold, rep.overall.found, rep.overall.predicted, rep.overall.correct


Cut = tuple[float, float, tuple[tuple[str, float], ...], str]
"""(drop, retype, drops by type or source, document-level vote)."""


def cross_validate(
    data: Sequence[object], sd: Sequence[StageData], c: float, cuts: Sequence[Cut], min_splits: int = 1,
    without: tuple[str, ...] = (), folds: Sequence[str] | None = None, retype_weight: float = 1.0,
) -> dict[Cut, dict[str, list[list[Detection]]]]:
    """Held-out detections after the stage, per (drop, retype, per-type drops) and split (of ``folds``)."""
    out: dict[Cut, dict[str, list[list[Detection]]]] = {cut: {} for cut in cuts}
    splits = sorted({d.split for d in sd}, key=[d.split for d in sd].index)
    for split in (s for s in splits if folds is None or s in folds):
        train = [d for d in sd if d.split != split]
        stage: PrecisionStage = fit_stage(train, c=c, min_splits=min_splits, without=without,
                                          retype_weight=retype_weight)
        held = [d for d in sd if d.split == split]
        for cut in cuts:
            stage.drop, stage.retype, stage.drops, stage.vote = cut[0], cut[1], dict(cut[2]), cut[3]
            out[cut][split] = [decide(stage, d.detections, d.features) for d in held]
    return out


def _drops(text: str) -> tuple[tuple[str, float], ...]:
    """Per-type drops from 'LOCATION=0.8;ORG=0.9' ('' for none)."""
    return tuple(sorted((k, float(v)) for k, v in (item.split("=") for item in filter(None, text.split(";")))))


def reliability(docs: Sequence[object], dets: Sequence[list[Detection]]) -> str:
    """A table: detections of the stage's types by confidence band, and the share right (typed overlap)."""
    from makna.privacy.precision import STAGE_TYPES  # noqa: PLC0415
    from makna.privacy.precision_train import label_of  # noqa: PLC0415

    bands = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)]
    counts = {b: [0, 0, 0.0] for b in bands}
    for doc, found in zip(docs, dets, strict=True):
        for d in found:
            if d.type not in STAGE_TYPES:
                continue
            band = next(b for b in bands if b[0] <= d.confidence < b[1])
            counts[band][0] += 1
            counts[band][1] += label_of(d, doc.pii) == d.type  # type: ignore[attr-defined]
            counts[band][2] += d.confidence
    rows = ["| confidence | detections | mean confidence | share right |", "| --- | ---: | ---: | ---: |"]
    for (lo, hi), (n, right, conf) in counts.items():
        if n:
            rows.append(f"| {lo:.2f}-{min(hi, 1.0):.2f} | {n} | {conf / n:.3f} | {right / n:.3f} |")
    return "\n".join(rows)


_BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01))


def confusion(docs: Sequence[object], dets: Sequence[list[Detection]]) -> str:
    """Gold type x predicted type over detections (a detection counts for the gold span it overlaps most; row
    ``O``: no gold span, a false alarm), and a column of gold spans no detection touches."""
    from makna.privacy.precision_train import label_of  # noqa: PLC0415

    table: dict[str, Counter[str]] = {}
    for doc, found in zip(docs, dets, strict=True):
        for d in found:
            table.setdefault(label_of(d, doc.pii), Counter())[d.type] += 1  # type: ignore[attr-defined]
        for s, e, kind in doc.pii:  # type: ignore[attr-defined]
            if not any(d.start < e and s < d.end for d in found):
                table.setdefault(kind, Counter())["missed"] += 1
    cols = sorted({c for row in table.values() for c in row} - {"missed"}) + ["missed"]
    rows = [f"| gold \\ predicted | {' | '.join(cols)} | right share |", "| --- |" + " ---: |" * (len(cols) + 1)]
    for gold in sorted(table, key=lambda k: (k == "O", k)):
        row = table[gold]
        found = sum(v for c, v in row.items() if c != "missed")
        right = row[gold] / found if found and gold != "O" else 0.0
        cells = " | ".join(str(row[c]) if row[c] else "" for c in cols)
        rows.append(f"| {gold} | {cells} | {right:.3f} |" if gold != "O" else f"| O (false alarm) | {cells} | |")
    return "\n".join(rows)


def false_alarms(docs: Sequence[object], dets: Sequence[list[Detection]], top: int = 40) -> str:
    """Detections by (type, source): how many, how many false (no gold span) and mistyped, by confidence band
    (false / all in the band); the ``top`` sources with the most false alarms."""
    from makna.privacy.precision_train import label_of  # noqa: PLC0415

    stats: dict[tuple[str, str], list[int]] = {}
    for doc, found in zip(docs, dets, strict=True):
        for d in found:
            label = label_of(d, doc.pii)  # type: ignore[attr-defined]
            row = stats.setdefault((d.type, d.detector), [0] * (3 + 2 * len(_BANDS)))
            row[0] += 1
            row[1] += label == "O"
            row[2] += label not in ("O", d.type)
            band = next(k for k, (lo, hi) in enumerate(_BANDS) if lo <= d.confidence < hi)
            row[3 + 2 * band] += label == "O"
            row[4 + 2 * band] += 1
    bands = " | ".join(f"false {lo:.1f}-{min(hi, 1.0):.1f}" for lo, hi in _BANDS)
    rows = [f"| type | source | detections | false | mistyped | precision (typed) | {bands} |",
            "| --- | --- |" + " ---: |" * (4 + len(_BANDS))]
    ranked = sorted(stats.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    for (kind, source), row in ranked[:top]:
        n, false, wrong = row[:3]
        cells = " | ".join(f"{row[3 + 2 * k]}/{row[4 + 2 * k]}" if row[4 + 2 * k] else "" for k in range(len(_BANDS)))
        rows.append(f"| {kind} | {source} | {n} | {false} | {wrong} | {(n - false - wrong) / n:.3f} | {cells} |")
    n, false, wrong = (sum(r[k] for r in stats.values()) for k in range(3))
    rows.append(f"| **all** | | {n} | {false} | {wrong} | {(n - false - wrong) / max(n, 1):.3f} | |")
    return "\n".join(rows)


def retypes(docs: Sequence[object], before: Sequence[list[Detection]], after: Sequence[list[Detection]]) -> str:
    """How often the stage retyped a span (a kept detection whose type changed), and how often rightly: by
    (old type, new type), the retyped spans whose gold type is the new one (right), the old one (wrong: it was
    right before), another type or none; and the spans it left mistyped."""
    from makna.privacy.precision import RETYPES  # noqa: PLC0415
    from makna.privacy.precision_train import label_of  # noqa: PLC0415

    moves: dict[tuple[str, str], list[int]] = {}
    kept_wrong = kept = 0
    for doc, old, new in zip(docs, before, after, strict=True):
        now = {(d.start, d.end): d for d in new}
        for d in old:
            got = now.get((d.start, d.end))
            if got is None or d.type not in RETYPES:
                continue
            label = label_of(d, doc.pii)  # type: ignore[attr-defined]
            if got.type == d.type:
                kept += 1
                kept_wrong += label in RETYPES and label != d.type
                continue
            row = moves.setdefault((d.type, got.type), [0, 0, 0, 0])
            row[0 if label == got.type else 1 if label == d.type else 2 if label != "O" else 3] += 1
    rows = ["| retyped from -> to | spans | right (gold: new type) | wrong (gold: old type) | other type | no "
            "identifier |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for (a, b), row in sorted(moves.items(), key=lambda kv: -sum(kv[1])):
        rows.append(f"| {a} -> {b} | {sum(row)} | {row[0]} | {row[1]} | {row[2]} | {row[3]} |")
    total = [sum(r[k] for r in moves.values()) for k in range(4)]
    rows.append(f"| **all** | {sum(total)} | {total[0]} | {total[1]} | {total[2]} | {total[3]} |")
    rows.append(f"\nKept under their type: {kept} named spans, {kept_wrong} of them of another named gold type "
                "(left mistyped).")
    return "\n".join(rows)


def above(docs: Sequence[object], dets: Sequence[list[Detection]], cuts: Sequence[float] = (0.5, 0.8, 0.9)) -> str:
    """Precision and typed recall of the detections at each confidence cut (what ``deid accept
    --min-confidence`` takes)."""
    rows = ["| confidence >= | detections | precision | typed recall |", "| ---: | ---: | ---: | ---: |"]
    for cut in cuts:
        gold, found, pred, correct = _high(docs, dets, cut)
        rows.append(f"| {cut} | {pred} | {correct / max(pred, 1):.3f} | {found / max(gold, 1):.3f} |")
    return "\n".join(rows)


def cached_out_of_fold(data: Sequence[Example], cache: Path | None, groups: int = 0) -> dict[int, list[Detection]]:
    """The out-of-fold detections of ``data``, read from ``cache`` when it exists (written there otherwise);
    ``groups``: CRFs trained per group of splits (precision_train.out_of_fold), 0 for one per split."""
    if cache and cache.exists():
        got: dict[int, list[Detection]] = pickle.loads(cache.read_bytes())
        if len(got) != len(data):
            raise SystemExit(f"{cache} holds {len(got)} transcripts, not {len(data)}: pass the splits it was made "
                             "with (--splits) or another --cache")
        return got
    oof = out_of_fold(data, Settings(), groups)
    if cache:
        cache.write_bytes(pickle.dumps(oof))
    return oof


def dump(path: Path, docs: Sequence[object], dets: Sequence[list[Detection]], split: str) -> None:
    """Append ``split``'s missed and partly covered gold spans to ``path`` (TSV: split, doc, language, gold type,
    what happened, span, context)."""
    rows: list[str] = []
    for doc, found in zip(docs, dets, strict=True):
        text: str = doc.text  # type: ignore[attr-defined]
        for s, e, kind in doc.pii:  # type: ignore[attr-defined]
            hits = [d for d in found if d.start < e and s < d.end]
            covered = sum(min(e, d.end) - max(s, d.start) for d in hits)
            if not hits:
                what = "missed"
            elif not any(d.type == kind for d in hits):
                what = "typed " + "/".join(sorted({d.type for d in hits}))
            elif covered < e - s:
                what = "partial"
            else:
                continue
            context = text[max(0, s - 60) : min(len(text), e + 40)].replace("\n", " | ").replace("\t", " ")
            fields = (split, doc.id, doc.language, kind, what, text[s:e], context)  # type: ignore[attr-defined]
            rows.append("\t".join(fields))
    with path.open("a", encoding="utf-8") as out:
        out.writelines(row + "\n" for row in rows)


def shipped(split: str) -> None:
    """The shipped parts on one open split: rules alone, + CRF, + stage; per type; at confidence 0.8."""
    from makna.privacy import detect  # noqa: PLC0415
    from makna.privacy.learned import disabled  # noqa: PLC0415
    from makna.privacy.precision import stage_disabled  # noqa: PLC0415

    docs = load_splits(ROOT, (split,))[split]
    runs: dict[str, list[list[Detection]]] = {"rules alone": [], "rules + CRF": [], "rules + CRF + stage": []}
    for doc in docs:
        with disabled(), stage_disabled():
            runs["rules alone"].append(detect(doc.text, language=doc.language))
        with stage_disabled():
            runs["rules + CRF"].append(detect(doc.text, language=doc.language))
        runs["rules + CRF + stage"].append(detect(doc.text, language=doc.language))
    print(HEAD)
    reports = {name: _score(docs, dets) for name, dets in runs.items()}
    for name, rep in reports.items():
        print(_row(name, rep))
    from deid_learned_cv import _types  # noqa: PLC0415

    print("\n" + _types(reports["rules + CRF"], reports["rules + CRF + stage"]).replace("rules", "CRF")
          .replace("+model", "+stage"))
    print("\n| at confidence >= 0.8 | detections | precision | typed recall |\n| --- | ---: | ---: | ---: |")
    for name, dets in runs.items():
        gold, found, pred, correct = _high(docs, dets)
        print(f"| {name} | {pred} | {correct / max(pred, 1):.3f} | {found / max(gold, 1):.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="pooled figures of every setting tried")
    parser.add_argument("--c", help="comma-separated C values for --grid")
    parser.add_argument("--drop", help="comma-separated drop thresholds for --grid")
    parser.add_argument("--retype",
                        help="comma-separated retype thresholds (--grid; else rows of each, tables of the first)")
    parser.add_argument("--min-splits", help="comma-separated min_splits values for --grid")
    parser.add_argument("--without", action="append", default=[], help="leave out features starting so")
    parser.add_argument("--newer", action="store_true", help="--grid: hold out the newer splits only")
    parser.add_argument("--drops", action="append", default=[],
                        help="per-type drops for --grid, as 'LOCATION=0.8;ORG=0.9' (repeatable)")
    parser.add_argument("--shipped", help="score the shipped CRF and stage on this open split, each part off and on")
    parser.add_argument("--cache", type=Path, help="keep the out-of-fold detections in this file between runs")
    parser.add_argument("--groups", type=int, default=0,
                        help="out-of-fold CRFs per group of splits (this many CRF trainings; 0: one per split)")
    parser.add_argument("--retype-weight", type=float, help="weight of mistyped training spans (fit_stage)")
    parser.add_argument("--dump", type=Path, help="write every missed or partly covered gold span to this file")
    parser.add_argument("--no-stage", action="store_true", help="only the figures before the stage")
    parser.add_argument("--vote", help="document-level vote ('', 'type', 'keep'; comma-separated for --grid)")
    parser.add_argument("--tables", action="store_true",
                        help="also confusion, false-alarm and confidence tables, before and after the stage")
    parser.add_argument("--folds", help="comma-separated open splits to hold out (default: each in turn)")
    parser.add_argument("--splits", help="comma-separated open splits (default: all of train.OPEN_SPLITS)")
    args = parser.parse_args()
    if args.shipped:
        shipped(args.shipped)
        return
    t = time.perf_counter()
    data = examples(load_splits(ROOT, *([args.splits.split(',')] if args.splits else [])))
    oof = cached_out_of_fold(data, args.cache, args.groups)
    sd = stage_data(data, oof)
    print(f"{len(data)} transcripts, out-of-fold detections in {time.perf_counter() - t:.1f} s\n")
    docs = {split: [ex.doc for ex in data if ex.split == split] for split in {d.split for d in sd}}
    splits = sorted(docs, key=[d.split for d in sd].index)
    if args.folds:  # hold out these splits only (the stage is still trained on every other split)
        splits = [s for s in splits if s in args.folds.split(",")]
    before = EvaluationReport()
    for split in splits:
        _merge(before, _score(docs[split], [d.detections for d in sd if d.split == split]))
    if args.grid:
        print(HEAD)
        print(_row("no stage", before))
        grid_c = [float(x) for x in args.c.split(",")] if args.c else GRID_C
        drops = [float(x) for x in args.drop.split(",")] if args.drop else GRID_DROP
        retypes = [float(x) for x in args.retype.split(",")] if args.retype else GRID_RETYPE
        per_type = [_drops(x) for x in args.drops] or [()]
        print(_row("no stage, newer splits", _pooled(docs, sd, None, NEWER)))
        mins = [int(x) for x in args.min_splits.split(",")] if args.min_splits else [int(STAGE_SETTINGS["min_splits"])]
        votes = args.vote.split(",") if args.vote is not None else [STAGE_VOTE]
        for c, ms in ((c, ms) for c in grid_c for ms in mins):
            cuts = [(dr, rt, pt, v) for dr in drops for rt in retypes for pt in per_type for v in votes]
            res = cross_validate(data, sd, c, cuts, ms, tuple(args.without), NEWER if args.newer else None,
                                 args.retype_weight or 1.0)
            for cut in cuts:
                name = f"C {c}, min_splits {ms}, drop {cut[0]}, retype {cut[1]}" + (
                    f", drops {dict(cut[2])}" if cut[2] else "") + (f", vote {cut[3]}" if cut[3] else "")
                if not args.newer:
                    print(_row(name + (f", without {args.without}" if args.without else ""),
                               _pooled(docs, sd, res[cut], splits)))
                print(_row(f"  newer splits ({name})", _pooled(docs, sd, res[cut], NEWER)), flush=True)
                gold, found, pred, correct = _high([d for s in NEWER for d in docs.get(s, [])],
                                                   [f for s in NEWER for f in res[cut].get(s, [])])
                print(f"    at >= 0.8, newer: {pred} detections, P {correct / max(pred, 1):.3f}, "
                      f"typed R {found / max(gold, 1):.3f}")
        return
    if args.no_stage:
        print(HEAD)
        for split in splits:
            print(_row(split, _score(docs[split], [d.detections for d in sd if d.split == split])))
        print(_row("**pooled**", before))
        print(_row("**pooled, newer splits**", _pooled(docs, sd, None, NEWER)))
        if args.dump:
            args.dump.write_text("", encoding="utf-8")
            for split in splits:
                dump(args.dump, docs[split], [d.detections for d in sd if d.split == split], split)
        return
    s = STAGE_SETTINGS
    vote = args.vote if args.vote is not None else STAGE_VOTE
    retypes_tried = [float(x) for x in args.retype.split(",")] if args.retype else [s["retype"]]
    cuts: list[Cut] = [(s["drop"], rt, tuple(sorted(STAGE_DROPS.items())), vote) for rt in retypes_tried]
    shipped_cut = cuts[0]
    c = args.c and float(args.c) or s["c"]
    weight = args.retype_weight if args.retype_weight is not None else s.get("retype_weight", 1.0)
    every = cross_validate(data, sd, c, cuts, int(s["min_splits"]), tuple(args.without), splits, weight)
    held = every[shipped_cut]
    if len(cuts) > 1:  # the same held-out stages at other retype thresholds (the tables below: the first)
        print(HEAD)
        for cut in cuts:
            print(_row(f"retype {cut[1]}", _pooled(docs, sd, every[cut], splits)))
            print(_row(f"retype {cut[1]}, newer splits", _pooled(docs, sd, every[cut], NEWER)))
            print(_row(f"retype {cut[1]}, round eleven's sets", _pooled(docs, sd, every[cut], ROUND11)))
    print(f"settings: {s}, C {c}, retype weight {weight}, drops {STAGE_DROPS}, vote {vote!r}, without {args.without}")
    print(f"\nBefore the stage (rules + out-of-fold CRF):\n\n{HEAD}")
    after = EvaluationReport()
    for split in splits:
        print(_row(split, _score(docs[split], [d.detections for d in sd if d.split == split])))
    print(_row("**pooled**", before))
    print(_row("**pooled, newer splits**", _pooled(docs, sd, None, NEWER)))
    print(_row("**pooled, round eleven's sets**", _pooled(docs, sd, None, ROUND11)))
    print(f"\nAfter the stage (trained on the other splits):\n\n{HEAD}")
    for split in splits:
        rep = _score(docs[split], held[split])
        _merge(after, rep)
        print(_row(split, rep))
    print(_row("**pooled**", after))
    print(_row("**pooled, newer splits**", _pooled(docs, sd, held, NEWER)))
    print(_row("**pooled, round eleven's sets**", _pooled(docs, sd, held, ROUND11)))
    if args.dump:
        args.dump.write_text("", encoding="utf-8")
        for split in splits:
            dump(args.dump, docs[split], held[split], split)
    print("\nPer type, pooled:\n")
    from deid_learned_cv import _types  # noqa: PLC0415

    print(_types(before, after).replace("rules", "before").replace("+model", "after"))
    all_docs = [doc for split in splits for doc in docs[split]]
    b = _high(all_docs, [d.detections for split in splits for d in sd if d.split == split])
    a = _high(all_docs, [found for split in splits for found in held[split]])
    print("\nDetections at confidence >= 0.8 (what `deid accept --min-confidence 0.8` takes), pooled:\n")
    print("| | detections | precision | typed recall |\n| --- | ---: | ---: | ---: |")
    newer_docs = [doc for split in NEWER if split in docs for doc in docs[split]]
    n = _high(newer_docs, [found for split in NEWER if split in held for found in held[split]])
    for name, (gold, found, pred, correct) in (("before", b), ("after", a), ("after, newer splits", n)):
        print(f"| {name} | {pred} | {correct / max(pred, 1):.3f} | {found / max(gold, 1):.3f} |")
    print("\nCalibration of the stage's confidences (held out, pooled; named types):\n")
    print(reliability(all_docs, [found for split in splits for found in held[split]]))
    if args.tables:
        newer = [s for s in NEWER if s in docs]
        print("\nPer type, newer splits:\n")
        print(_types(_pooled(docs, sd, None, newer), _pooled(docs, sd, held, newer))
              .replace("rules", "before").replace("+model", "after"))
        print("\nRetyping by the stage (held out, pooled):\n")
        print(retypes(all_docs, [d.detections for split in splits for d in sd if d.split == split],
                      [found for split in splits for found in held[split]]))
        runs = {"before the stage": {s: [d.detections for d in sd if d.split == s] for s in splits},
                "after the stage": held}
        for name, got in runs.items():
            for where, which in (("pooled", splits), ("round eleven's sets", [s for s in ROUND11 if s in splits])):
                ds = [doc for s in which for doc in docs[s]]
                fs = [f for s in which for f in got[s]]
                print(f"\n### {name}, {where}\n\nConfusion (detections; gold type x predicted type):\n")
                print(confusion(ds, fs))
                print(f"\nFalse alarms and mistypings by type and source:\n\n{false_alarms(ds, fs)}")
                print(f"\nAbove a confidence:\n\n{above(ds, fs)}")


def _pooled(
    docs: dict[str, list[GoldDocument]], sd: Sequence[StageData], held: dict[str, list[list[Detection]]] | None,
    splits: Sequence[str],
) -> EvaluationReport:
    """Pooled scores over ``splits``: of the held-out detections ``held``, or before the stage (None)."""
    out = EvaluationReport()
    for split in splits:
        if split in docs and (held is None or split in held):
            dets = held[split] if held is not None else [d.detections for d in sd if d.split == split]
            _merge(out, _score(docs[split], dets))
    return out


if __name__ == "__main__":
    main()
