"""The learned layer's own ages, dates, identity numbers and plates, measured (issue 11, round twenty, crfnum20).

Scores open splits (default: the four opened in round twenty, which BASE's shipped model never saw: leave the four
out) with each variant of the learned layer's types, in one process, and lists every learned structured span that
survived to the end with the gold type under it (open splits only; ``--quiet`` for aggregates only):

* ``named``: BASE's ``LEARNED_TYPES`` (PERSON, LOCATION, ORG, ADDRESS);
* ``raw``: the model's own AGE, DATE, NATIONAL_ID and PLATE spans too, unguarded (span19's first try);
* ``guarded``: those spans too, each through the rules' validation of its type (``learned_checks.validated``);
* ``guarded+numbers``: ``guarded`` with English number words (``numwords``) as anchor words at detection time, no
  retrain (span19's anchor gap: ``forty`` of ``forty-four`` was never an anchor word).

``python benchmarks/crfnum20_eval.py [--dir DIR ...] [--split NAME ...] [--variants named,raw,guarded] [--quiet]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from makna.privacy import learned  # noqa: E402
from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import evaluate_documents, load_gold  # noqa: E402
from makna.privacy.numwords import EN_TEENS, EN_TENS, EN_UNITS  # noqa: E402

SPLITS = ("tune22", "seal21", "spent31", "spent32")  # round twenty's four; ``--split`` names another round's
STRUCTURED = ("AGE", "DATE", "NATIONAL_ID", "PLATE")
NAMED = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS"})


@contextmanager
def variant(name: str) -> Iterator[None]:
    """The learned layer as ``name`` has it (module globals restored after)."""
    kept_types, kept_guard = learned.LEARNED_TYPES, learned.validated
    if name == "named":
        learned.LEARNED_TYPES = NAMED  # type: ignore[misc]
    elif name == "raw":
        learned.LEARNED_TYPES = NAMED | set(STRUCTURED)  # type: ignore[misc]
        learned.validated = lambda *_a, **_k: True  # type: ignore[assignment]
    elif name == "guarded":
        learned.LEARNED_TYPES = NAMED | set(STRUCTURED)  # type: ignore[misc]
    elif name == "guarded+numbers":  # English number words as anchors at detection time (no retrain)
        learned.LEARNED_TYPES = NAMED | set(STRUCTURED)  # type: ignore[misc]
        model = learned.load_model()
        assert model is not None
        words = {w for part in (EN_UNITS, EN_TEENS, EN_TENS) for w in part.split("|")}
        wider = replace(
            model,
            words=learned._words_rx({*model.record.get("anchors", ()), *words}),
            skip=frozenset(w for w in model.skip if w.lower() not in words),
        )
        with learned.using(wider):
            try:
                yield
            finally:
                learned.LEARNED_TYPES = kept_types  # type: ignore[misc]
        return
    else:
        raise SystemExit(f"unknown variant {name!r}")
    try:
        yield
    finally:
        learned.LEARNED_TYPES = kept_types  # type: ignore[misc]
        learned.validated = kept_guard  # type: ignore[assignment]


def summary(report: Any) -> dict[str, Any]:
    d = report.as_dict()
    return {
        "typed_R": d["overall"]["recall"],
        "P": d["overall"]["precision"],
        "untyped_R": d["untyped"]["recall"],
        "leak": d["leak_rate"],
        "gold": d["overall"]["gold"],
        "found": d["overall"]["found"],
        "by_language": {k: (v["recall"], v["precision"], v["leak_rate"]) for k, v in d["by_language"].items()},
        "per_type_R": {t: d["per_type"][t]["recall"] for t in STRUCTURED if t in d["per_type"]},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--dir", action="append", default=[])
    ap.add_argument("--variants", default="named,raw,guarded")
    ap.add_argument("--quiet", action="store_true", help="aggregates only (sealed cases)")
    args = ap.parse_args()
    dirs = [ROOT / "tests/privacy/corpus" / s for s in (args.split or ([] if args.dir else SPLITS))]
    dirs += [Path(d) for d in args.dir]
    docs = [(d.name, doc) for d in dirs for doc in load_gold(d)]
    gold_of = {doc.text: doc.pii for _, doc in docs}
    out: dict[str, Any] = {}
    for name in args.variants.split(","):
        spans: list[str] = []

        def run(text: str, language: str, _spans: list[str] = spans) -> list[Any]:
            found = detect(text, language=language)
            for det in found:
                if det.detector == learned.DETECTOR and det.type in STRUCTURED:
                    under = [g[2] for g in gold_of.get(text, ()) if g[0] < det.end and det.start < g[1]]
                    gold = ",".join(under) or "-"
                    _spans.append(f"{det.type}\t{gold}\t{det.text!r}\t{text[max(0, det.start - 40) : det.end + 30]!r}")
            return found

        with variant(name):
            found = {doc.text: run(doc.text, doc.language) for _, doc in docs}  # once per document and variant

            def cached(text: str, language: str, _found: dict[str, list[Any]] = found) -> list[Any]:
                return _found[text]

            pooled = evaluate_documents([doc for _, doc in docs], cached)
            per = {}
            for d in dirs:
                per[d.name] = summary(evaluate_documents([doc for n, doc in docs if n == d.name], cached))
        out[name] = {"pooled": summary(pooled), "splits": per, "learned_structured": len(spans)}
        print(name, json.dumps(out[name]["pooled"]), flush=True)
        for n, s in per.items():
            print("  ", n, s["typed_R"], s["P"], s["leak"], flush=True)
        if not args.quiet:
            for line in spans:
                print("    +", line)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
