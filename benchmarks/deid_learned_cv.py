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
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport, evaluate_documents
from makna.privacy.learned import LearnedModel, refine, using
from makna.privacy.train import Example, Settings, examples, load_splits, train_in_memory
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
BASE = Settings()
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
    data: Sequence[Example], settings: Settings
) -> tuple[dict[str, tuple[EvaluationReport, EvaluationReport]], EvaluationReport, EvaluationReport]:
    """Per held-out split (rules, rules + model), and both pooled over every split."""
    splits = sorted({ex.split for ex in data}, key=[ex.split for ex in data].index)
    per: dict[str, tuple[EvaluationReport, EvaluationReport]] = {}
    pooled_rules, pooled_model = EvaluationReport(), EvaluationReport()
    for split in splits:
        model = train_in_memory([ex for ex in data if ex.split != split], settings)
        held = [ex for ex in data if ex.split == split]
        per[split] = (_scores(held, None), _scores(held, model))
        _merge(pooled_rules, per[split][0])
        _merge(pooled_model, per[split][1])
    return per, pooled_rules, pooled_model


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="try every setting of GRID (pooled figures)")
    parser.add_argument("--thresholds", help="comma-separated thresholds tried on the same models (pooled figures)")
    args = parser.parse_args()
    t = time.perf_counter()
    data = examples(load_splits(ROOT))
    print(f"{len(data)} transcripts, rules run in {time.perf_counter() - t:.1f} s")
    if args.thresholds:
        print(HEAD)
        cuts = [float(x) for x in args.thresholds.split(",")]
        pooled = {cut: EvaluationReport() for cut in cuts}
        for split in sorted({ex.split for ex in data}, key=[ex.split for ex in data].index):
            model = train_in_memory([ex for ex in data if ex.split != split], BASE)
            held = [ex for ex in data if ex.split == split]
            for cut in cuts:
                model.threshold = cut
                _merge(pooled[cut], _scores(held, model))
        for cut in cuts:
            print(_row(f"+model, threshold {cut}", pooled[cut]))
        return
    if args.grid:
        print(HEAD)
        for i, settings in enumerate(GRID):
            _, rules, model = cross_validate(data, settings)
            if i == 0:
                print(_row("rules alone", rules))
            print(_row(f"+model {settings}", model))
        return
    per, rules, model = cross_validate(data, BASE)
    print(f"settings: {BASE}\n\nRules alone (each split held out):\n\n{HEAD}")
    for split, (before, _) in per.items():
        print(_row(split, before))
    print(_row("**pooled**", rules))
    print(f"\nRules + model (model trained on the other splits):\n\n{HEAD}")
    for split, (_, after) in per.items():
        print(_row(split, after))
    print(_row("**pooled**", model))
    print("\nPer type, pooled:\n")
    print(_types(rules, model))


if __name__ == "__main__":
    main()
