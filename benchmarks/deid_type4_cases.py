"""The type-trap cases (``tests/privacy/cases/type4``) under the shipped stage and under stages fitted here from
an out-of-fold cache, with and without this branch's features (issue 11, branch deidtype4). Aggregates only:
``sealed/`` is never looked at span by span.

Run: ``PYTHONPATH=src python benchmarks/deid_type4_cases.py --cache FILE --splits a,b,...`` (the cache and the
splits of ``deid_precision_cv.py --cache FILE --splits ... --groups K``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from makna.privacy import detect
from makna.privacy.evaluate import evaluate_documents, load_gold
from makna.privacy.precision import using_stage
from makna.privacy.precision_train import fit_stage, stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, examples, load_splits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_precision_cv import cached_out_of_fold  # noqa: E402
from deid_type4_cv import NEW  # noqa: E402

CASES = ROOT / "tests" / "privacy" / "cases" / "type4"


def _line(name: str, part: str) -> str:
    docs = load_gold(CASES / part)
    rep = evaluate_documents(docs, lambda text, lang: detect(text, language=lang)).as_dict()
    langs = "; ".join(f"{k}: R {v['recall']:.3f}" for k, v in sorted(rep["by_language"].items()))
    types = "; ".join(f"{k} {v['recall']:.3f}" for k, v in sorted(rep["per_type"].items()))
    return (
        f"| {part} | {name} | {rep['overall']['gold']} | {rep['overall']['recall']:.3f} | "
        f"{rep['untyped']['recall']:.3f} | {rep['overall']['precision']:.3f} | {langs} | {types} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--splits", required=True)
    parser.add_argument("--groups", type=int, default=4)
    args = parser.parse_args()
    data = examples(load_splits(ROOT, args.splits.split(",")))
    sd = stage_data(data, cached_out_of_fold(data, args.cache, args.groups))
    print("| part | stage | gold | typed R | untyped R | P | by language (typed R) | per type R |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |")
    for part in ("open", "sealed"):
        print(_line("shipped", part), flush=True)
    for name, without in (("fitted here, old features", NEW), ("fitted here, new features", ())):
        s = STAGE_SETTINGS
        stage = fit_stage(sd, c=s["c"], drop=s["drop"], retype=s["retype"], without=without)
        stage.drops = dict(STAGE_DROPS)
        with using_stage(stage):
            for part in ("open", "sealed"):
                print(_line(name, part), flush=True)


if __name__ == "__main__":
    main()
