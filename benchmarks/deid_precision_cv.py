"""Leave-one-split-out cross-validation of the de-identification precision stage (issue 11).

For every open split (makna.privacy.train.OPEN_SPLITS): its out-of-fold detections (the rules, refined by a
CRF trained on the other splits) are scored before and after a precision stage trained on the other
splits' out-of-fold detections; figures per split and pooled (each transcript scored once, by a stage and a
CRF that never saw it). Sealed test sets are never read (train.split_dir refuses them).

The CRF that made the other splits' training detections saw the held-out split (one level of nesting is
skipped to keep the run short); the stage itself never did.

Run: ``python benchmarks/deid_precision_cv.py [--grid] [--cache FILE] [--dump FILE]``. ``--dump`` writes every
gold span the held-out detections miss or cover only in part, with its type and context (before the stage: the
stage never drops a detection at the shipped settings, so the untyped misses are the same); ``--no-stage``
stops after the table before the stage. ``--grid``
prints pooled figures for every (C, drop, retype) setting tried; without it, the per-split tables of the chosen
setting (the shipped stage's, pooled over all splits and over the newer ones), per type,
and the precision and recall of detections at confidence 0.8 or more.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport, evaluate_documents
from makna.privacy.precision import PrecisionStage, decide
from makna.privacy.precision_train import StageData, fit_stage, out_of_fold, stage_data
from makna.privacy.train import STAGE_SETTINGS, Example, Settings, examples, load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import HEAD, _merge, _row  # noqa: E402

GRID_C = (0.1, 0.3, 1.0)
NEWER = ("tune7", "tune8", "tune9", "seal6", "seal7", "spent2", "spent3", "spent4", "spent5")  # most like unseen text
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


def cross_validate(
    data: Sequence[object], sd: Sequence[StageData], c: float, cuts: Sequence[tuple[float, float]]
) -> dict[tuple[float, float], dict[str, list[list[Detection]]]]:
    """Held-out detections after the stage, per (drop, retype) and split."""
    out: dict[tuple[float, float], dict[str, list[list[Detection]]]] = {cut: {} for cut in cuts}
    splits = sorted({d.split for d in sd}, key=[d.split for d in sd].index)
    for split in splits:
        stage: PrecisionStage = fit_stage([d for d in sd if d.split != split], c=c)
        held = [d for d in sd if d.split == split]
        for drop, retype in cuts:
            stage.drop, stage.retype = drop, retype
            out[(drop, retype)][split] = [decide(stage, d.detections, d.features) for d in held]
    return out


def cached_out_of_fold(data: Sequence[Example], cache: Path | None) -> dict[int, list[Detection]]:
    """The out-of-fold detections of ``data``, read from ``cache`` when it exists (written there otherwise)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    oof = out_of_fold(data, Settings())
    if cache:
        cache.write_bytes(pickle.dumps(oof))
    return oof


def _newer(
    docs: dict[str, list[object]], splits: Sequence[str], dets: Callable[[str], list[list[Detection]]]
) -> EvaluationReport:
    """Pooled scores over the newer splits (:data:`NEWER`) only."""
    rep = EvaluationReport()
    for split in splits:
        if split in NEWER:
            _merge(rep, _score(docs[split], dets(split)))
    return rep


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
    parser.add_argument("--retype", help="comma-separated retype thresholds for --grid")
    parser.add_argument("--shipped", help="score the shipped CRF and stage on this open split, each part off and on")
    parser.add_argument("--cache", type=Path, help="keep the out-of-fold detections in this file between runs")
    parser.add_argument("--dump", type=Path, help="write every missed or partly covered gold span to this file")
    parser.add_argument("--no-stage", action="store_true", help="only the figures before the stage")
    args = parser.parse_args()
    if args.shipped:
        shipped(args.shipped)
        return
    t = time.perf_counter()
    data = examples(load_splits(ROOT))
    oof = cached_out_of_fold(data, args.cache)
    sd = stage_data(data, oof)
    print(f"{len(data)} transcripts, out-of-fold detections in {time.perf_counter() - t:.1f} s\n")
    docs = {split: [ex.doc for ex in data if ex.split == split] for split in {d.split for d in sd}}
    splits = sorted(docs, key=[d.split for d in sd].index)
    before = EvaluationReport()
    for split in splits:
        _merge(before, _score(docs[split], [d.detections for d in sd if d.split == split]))
    if args.grid:
        print(HEAD)
        print(_row("no stage", before))
        grid_c = [float(x) for x in args.c.split(",")] if args.c else GRID_C
        drops = [float(x) for x in args.drop.split(",")] if args.drop else GRID_DROP
        retypes = [float(x) for x in args.retype.split(",")] if args.retype else GRID_RETYPE
        for c in grid_c:
            cuts = [(dr, rt) for dr in drops for rt in retypes]
            res = cross_validate(data, sd, c, cuts)
            for cut in cuts:
                pooled = EvaluationReport()
                for split in splits:
                    _merge(pooled, _score(docs[split], res[cut][split]))
                print(_row(f"C {c}, drop {cut[0]}, retype {cut[1]}", pooled))
        return
    if args.dump:
        args.dump.write_text("", encoding="utf-8")
        for split in splits:
            dump(args.dump, docs[split], [d.detections for d in sd if d.split == split], split)
    s = STAGE_SETTINGS
    print(f"settings: {s}\n\nBefore the stage (rules + out-of-fold CRF):\n\n{HEAD}")
    after = EvaluationReport()
    for split in splits:
        print(_row(split, _score(docs[split], [d.detections for d in sd if d.split == split])))
    print(_row("**pooled**", before))
    newer = _newer(docs, splits, lambda split: [d.detections for d in sd if d.split == split])
    print(_row("**pooled, newer splits**", newer))
    if args.no_stage:
        return
    res = cross_validate(data, sd, s["c"], [(s["drop"], s["retype"])])[(s["drop"], s["retype"])]
    print(f"\nAfter the stage (trained on the other splits):\n\n{HEAD}")
    for split in splits:
        rep = _score(docs[split], res[split])
        _merge(after, rep)
        print(_row(split, rep))
    print(_row("**pooled**", after))
    print(_row("**pooled, newer splits**", _newer(docs, splits, res.__getitem__)))
    print("\nPer type, pooled:\n")
    from deid_learned_cv import _types  # noqa: PLC0415

    print(_types(before, after).replace("rules", "before").replace("+model", "after"))
    all_docs = [doc for split in splits for doc in docs[split]]
    b = _high(all_docs, [d.detections for split in splits for d in sd if d.split == split])
    a = _high(all_docs, [found for split in splits for found in res[split]])
    print("\nDetections at confidence >= 0.8 (what `deid accept --min-confidence 0.8` takes), pooled:\n")
    print("| | detections | precision | typed recall |\n| --- | ---: | ---: | ---: |")
    for name, (gold, found, pred, correct) in (("before", b), ("after", a)):
        print(f"| {name} | {pred} | {correct / max(pred, 1):.3f} | {found / max(gold, 1):.3f} |")


if __name__ == "__main__":
    main()
