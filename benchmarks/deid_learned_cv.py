"""Leave-one-split-out cross-validation of the learned de-identification layer (issue 11).

For each open split (makna.privacy.train.OPEN_SPLITS), a model is trained on all the other open splits and
the held-out split is scored with makna.privacy.evaluate's metrics, rules alone against rules + model; rows
per split and pooled over all held-out splits (each transcript scored exactly once, by a model that never
saw it). Sealed test sets are never read (train.split_dir refuses them).

The rules were tuned on these same splits, so these figures flatter the rules; the model's gain over them
is still the honest held-out signal available.

Run: ``python benchmarks/deid_learned_cv.py [--grid] [--markdown]``. ``--grid`` tries the settings of
GRID (per setting: pooled figures only) so that every setting is chosen by cross-validation.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport, evaluate_documents
from makna.privacy.learned import LearnedModel, refine, using
from makna.privacy.train import Example, Settings, examples, load_splits, train_in_memory
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
BASE = Settings()
NEWER = (
    "tune7", "tune8", "seal6", "seal7", "spent2", "spent3", "spent4", "spent5", "tune9", "seal8", "spent6", "tune10",
    "seal9",
    "tune11",
    "seal10",
    "spent9",
    "spent10",
)
"""The splits most like unseen text: each written by a different writer, after the rules were tuned on the
older ones (leave-one-writer-out: holding one out holds that writer out). ``tune10`` is the open half of round
heldout9; ``seal9``, its sealed half, was spent after round seven and is open since round eight."""
GRID = [  # what was tried; pooled results in benchmarks/results/deidml.md
    replace(BASE, rule_dropout=0.0, threshold=0.4, extend=False),
    replace(BASE, rule_dropout=0.3, threshold=0.4, extend=False),
    replace(BASE, rule_dropout=0.5, threshold=0.4, extend=False),
    replace(BASE, rule_dropout=0.5, threshold=0.3, extend=False),
    replace(BASE, rule_dropout=0.5, threshold=0.4, extend=False, retype=0.8),
    replace(BASE, rule_dropout=0.5, threshold=0.4),
    replace(BASE, threshold=0.5),
    BASE,
    replace(BASE, threshold=0.7),
    replace(BASE, rule_dropout=0.3),
]


def _scores(data: Sequence[Example], model: LearnedModel | None) -> EvaluationReport:
    by_text = {ex.doc.text: ex for ex in data}

    def run(text: str, language: str) -> Sequence[Detection]:
        ex = by_text[text]
        if model is None:
            return ex.rules
        with using(model):
            return refine(text, ex.scan, language, list(ex.rules), ex.runs)

    return evaluate_documents([ex.doc for ex in data], run)


def _row(name: str, rep: EvaluationReport) -> str:
    d = rep.as_dict()
    person = d["per_type"].get("PERSON", {}).get("recall", 1.0)
    langs = "; ".join(
        f"{lang}: R {v['recall']:.3f} P {v['precision']:.3f} leak {v['leak_rate']:.3f}"
        for lang, v in d["by_language"].items()
    )
    return (
        f"| {name} | {d['documents']} | {d['overall']['gold']} | {d['overall']['recall']:.3f} | "
        f"{d['untyped']['recall']:.3f} | {d['overall']['precision']:.3f} | {d['leak_rate']:.3f} | "
        f"{person:.3f} | {langs} |"
    )


def _types(before: EvaluationReport, after: EvaluationReport) -> str:
    rows = [
        "| type | gold | recall rules | recall +model | precision rules | precision +model |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in sorted(set(before.per_type) | set(after.per_type)):
        b, a = before.per_type.get(kind), after.per_type.get(kind)
        if b is None or a is None or not b.gold:
            continue
        rows.append(f"| {kind} | {b.gold} | {b.recall:.3f} | {a.recall:.3f} | {b.precision:.3f} | {a.precision:.3f} |")
    return "\n".join(rows)


def cross_validate(
    data: Sequence[Example], settings: Settings, folds: Sequence[str] | None = None
) -> tuple[dict[str, tuple[EvaluationReport, EvaluationReport]], EvaluationReport, EvaluationReport]:
    """Per held-out split (rules, rules + model), and both pooled over every split (or over ``folds``)."""
    splits = sorted({ex.split for ex in data}, key=[ex.split for ex in data].index)
    splits = [s for s in splits if folds is None or s in folds]
    per: dict[str, tuple[EvaluationReport, EvaluationReport]] = {}
    pooled_rules, pooled_model = EvaluationReport(), EvaluationReport()
    for split in splits:
        model = train_in_memory([ex for ex in data if ex.split != split], settings)
        held = [ex for ex in data if ex.split == split]
        per[split] = (_scores(held, None), _scores(held, model))
        _merge(pooled_rules, per[split][0])
        _merge(pooled_model, per[split][1])
    return per, pooled_rules, pooled_model


def pool(reports: dict[str, EvaluationReport], splits: Sequence[str]) -> EvaluationReport:
    """``reports`` of ``splits`` merged into one (each transcript counted once)."""
    out = EvaluationReport()
    for split in splits:
        if split in reports:
            _merge(out, reports[split])
    return out


def _merge(into: EvaluationReport, part: EvaluationReport) -> None:
    into.documents += part.documents
    into.characters += part.characters
    into.overall.add(part.overall)
    into.strict.add(part.strict)
    into.untyped.add(part.untyped)
    for table, other in ((into.per_type, part.per_type), (into.per_type_strict, part.per_type_strict)):
        for kind, sc in other.items():
            table.setdefault(kind, type(sc)()).add(sc)
    into.gold_chars += part.gold_chars
    into.leaked_chars += part.leaked_chars
    for lang, sub in part.by_language.items():
        _merge(into.by_language.setdefault(lang, EvaluationReport()), sub)


HEAD = (
    "| split | docs | gold | typed R | untyped R | P | leak | PERSON R | by language |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
)


def _changed(settings: Settings) -> str:
    """The settings that differ from BASE, as 'name=value' ('base' for none)."""
    diff = [f"{k}={v}" for k, v in vars(settings).items() if getattr(BASE, k) != v]
    return ", ".join(diff) or "base"


def _parse(text: str) -> Settings:
    """Settings from 'name=value,...' (values converted to the type of the default)."""
    out = BASE
    for item in filter(None, text.split(",")):
        name, value = item.split("=")
        kind = type(getattr(BASE, name))
        out = replace(out, **{name: (value not in {"0", "false", "False"}) if kind is bool else kind(value)})
    return out


def cost(megabytes: float, repeat: int = 3) -> None:
    """CPU seconds of detection on deid_bench.py's synthetic corpus: rules alone, + CRF, + CRF and stage
    (medians of ``repeat`` rounds, in 100,000-character slices as deid_bench.py times makna)."""
    import statistics  # noqa: PLC0415

    from deid_bench import _slices, corpus  # noqa: PLC0415

    from makna.privacy import detect  # noqa: PLC0415
    from makna.privacy.learned import disabled  # noqa: PLC0415
    from makna.privacy.precision import stage_disabled  # noqa: PLC0415

    slices = _slices(corpus(megabytes), 100_000)
    parts = {"rules": (disabled, stage_disabled), "rules + CRF": (stage_disabled,), "rules + CRF + stage": ()}
    for chunk in slices[:2]:  # warm every cache (lists, the model, the stage) once
        detect(chunk, language="id")
    times: dict[str, list[float]] = {name: [] for name in parts}
    for _ in range(repeat):
        for name, offs in parts.items():
            t = time.process_time()
            for chunk in slices:
                with contextlib.ExitStack() as stack:
                    for off in offs:
                        stack.enter_context(off())
                    detect(chunk, language="id")
            times[name].append(time.process_time() - t)
    base = statistics.median(times["rules"])
    print("| detection | CPU s (median) | share of the whole |\n| --- | ---: | ---: |")
    whole = statistics.median(times["rules + CRF + stage"])
    for name, got in times.items():
        print(f"| {name} | {statistics.median(got):.2f} | {statistics.median(got) / whole:.3f} |")
    print(f"\nCRF and stage: {(whole - base) / whole:.1%} of detection time ({megabytes} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="try every setting of GRID (pooled figures)")
    parser.add_argument("--thresholds", help="comma-separated thresholds tried on the same models (pooled figures)")
    parser.add_argument("--settings", action="append", default=[],
                        help="settings to try, as 'augment=1,elsewhere=1' (repeatable; pooled figures)")
    parser.add_argument("--newer", action="store_true", help="hold out the newer splits only (one writer each)")
    parser.add_argument("--cost", type=float, help="time detection's parts on deid_bench.py's corpus of this many MB")
    parser.add_argument("--splits", help="comma-separated open splits to use (default: all of OPEN_SPLITS)")
    args = parser.parse_args()
    if args.cost:
        cost(args.cost)
        return
    t = time.perf_counter()
    data = examples(load_splits(ROOT, args.splits.split(",")) if args.splits else load_splits(ROOT))
    print(f"{len(data)} transcripts, rules run in {time.perf_counter() - t:.1f} s")
    if args.thresholds:
        print(HEAD)
        cuts = [float(x) for x in args.thresholds.split(",")]
        pooled = {cut: EvaluationReport() for cut in cuts}
        chosen = _parse(args.settings[0]) if args.settings else BASE
        for split in sorted({ex.split for ex in data}, key=[ex.split for ex in data].index):
            if args.newer and split not in NEWER:
                continue
            tagger = train_in_memory([ex for ex in data if ex.split != split], chosen)
            held = [ex for ex in data if ex.split == split]
            for cut in cuts:
                tagger.threshold = cut
                _merge(pooled[cut], _scores(held, tagger))
        for cut in cuts:
            print(_row(f"+model, threshold {cut}", pooled[cut]))
        return
    if args.grid or len(args.settings) > 1 or (args.settings and args.newer):
        print(HEAD)
        grid = [_parse(text) for text in args.settings] if args.settings else GRID
        for i, settings in enumerate(grid):
            per, rules, model = cross_validate(data, settings, NEWER if args.newer else None)
            if i == 0:
                print(_row("rules alone", rules))
                print(_row("rules alone, newer", pool({k: v[0] for k, v in per.items()}, NEWER)))
            print(_row(f"+model {_changed(settings)} ({time.perf_counter() - t:.0f} s)", model))
            print(_row("  newer splits", pool({k: v[1] for k, v in per.items()}, NEWER)), flush=True)
        return
    chosen = _parse(args.settings[0]) if args.settings else BASE
    per, rules, model = cross_validate(data, chosen)
    print(f"settings: {chosen}\n\nRules alone (each split held out):\n\n{HEAD}")
    for split, (before, _) in per.items():
        print(_row(split, before))
    print(_row("**pooled**", rules))
    print(_row("**pooled, newer splits**", pool({k: v[0] for k, v in per.items()}, NEWER)))
    print(f"\nRules + model (model trained on the other splits):\n\n{HEAD}")
    for split, (_, after) in per.items():
        print(_row(split, after))
    print(_row("**pooled**", model))
    newer_model = pool({k: v[1] for k, v in per.items()}, NEWER)
    print(_row("**pooled, newer splits**", newer_model))
    print("\nPer type, pooled:\n")
    print(_types(rules, model))
    print("\nPer type, pooled over the newer splits:\n")
    print(_types(pool({k: v[0] for k, v in per.items()}, NEWER), newer_model))


if __name__ == "__main__":
    main()
