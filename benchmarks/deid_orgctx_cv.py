"""The organisation context model (makna.privacy.orgcontext) under leave-one-split-out cross-validation (#11).

Each open split is a writer's batch: the model is trained on the other splits' names (out-of-fold detections
after a precision stage trained without the split, as ``deid_org_cv.py`` makes them) and applied to the held-out
split's; figures pooled over every open split and over ``NEWER``: ORG, LOCATION and PERSON recall, typed
recall and precision, and the overall typed recall and precision, before and after the model, for each pair
of thresholds (add, retype) tried.

Run: ``python benchmarks/deid_orgctx_cv.py --cache FILE --after FILE`` (``--cache``: ``deid_precision_cv.py``'s
out-of-fold cache; ``--after``: the detections after the stage, pickled here at the first run and read after).
``--write`` also trains the shipped model on every split (``src/makna/privacy/data/deid_orgcontext.json``).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from makna.privacy import detect
from makna.privacy.orgcontext import decide, model_disabled
from makna.privacy.orgcontext_train import C, fit, train_model, write_model
from makna.privacy.precision_train import stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, STAGE_VOTE, examples, load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import NEWER  # noqa: E402
from deid_org_cv import per_type  # noqa: E402
from deid_precision_cv import Cut, _score, cached_out_of_fold, cross_validate  # noqa: E402

THRESHOLDS = ((0.5, 0.6), (0.5, 0.7), (0.5, 0.8), (0.5, 1.01))


def after_stage(data: Sequence[object], cache: Path | None, after: Path | None) -> dict[int, list[Detection]]:
    """Out-of-fold detections after an out-of-fold precision stage, by index in ``data``."""
    if after and after.exists():
        got: dict[int, list[Detection]] = pickle.loads(after.read_bytes())
        return got
    oof = cached_out_of_fold(data, cache)  # type: ignore[arg-type]
    sd = stage_data(data, oof)
    st = STAGE_SETTINGS
    cut: Cut = (st["drop"], st["retype"], tuple(sorted(STAGE_DROPS.items())), STAGE_VOTE)
    held = cross_validate(data, sd, st["c"], [cut], int(st["min_splits"]))[cut]
    out: dict[int, list[Detection]] = {}
    for split, dets in held.items():
        idx = [i for i, ex in enumerate(data) if ex.split == split]  # type: ignore[attr-defined]
        out.update(zip(idx, dets, strict=True))
    if after:
        after.write_bytes(pickle.dumps(out))
    return out


def report(data: Sequence[object], dets: dict[int, list[Detection]], chosen: Sequence[str]) -> str:
    idx = [i for i, ex in enumerate(data) if ex.split in chosen]  # type: ignore[attr-defined]
    docs = [data[i].doc for i in idx]  # type: ignore[attr-defined]
    found = [dets[i] for i in idx]
    rep = _score(docs, found)
    parts = [f"typed R {rep.overall.recall:.3f} P {rep.overall.precision:.3f} untyped R {rep.untyped.recall:.3f}"]
    for kind in ("ORG", "LOCATION", "PERSON"):
        g, f, t, p, r = per_type(docs, found, kind)
        parts.append(f"{kind} R {f / max(g, 1):.3f} typed {t / max(g, 1):.3f} P {r / max(p, 1):.3f} ({g}/{p})")
    return " | ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="deid_precision_cv.py's out-of-fold cache")
    parser.add_argument("--after", type=Path, help="the detections after the stage (pickle, written if missing)")
    parser.add_argument(
        "--write",
        action="store_true",
        help="train the shipped model on every split (the rules' "
        "detections, shipped settings: as python -m makna.privacy.train does)",
    )
    parser.add_argument(
        "--base",
        choices=("oof", "rules", "shipped"),
        default="oof",
        help="what the model reads: out-of-fold detections after the stage (default), the rules "
        "alone, or the shipped pipeline without this model (in-sample: its CRF saw every split)",
    )
    parser.add_argument(
        "--train-base",
        choices=("same", "rules"),
        default="same",
        help="train on the rules' detections whatever --base is (as the shipped model is)",
    )
    parser.add_argument("--c", type=float, default=C, help="the regression's inverse regularisation")
    args = parser.parse_args()
    data = examples(load_splits(ROOT))
    if args.base == "rules":
        base: dict[int, list[Detection]] = {i: list(ex.rules) for i, ex in enumerate(data)}
    elif args.base == "shipped":
        with model_disabled():
            base = {i: detect(ex.doc.text, language=ex.doc.language) for i, ex in enumerate(data)}
    else:
        base = after_stage(data, args.cache, args.after)
    rules = {i: list(ex.rules) for i, ex in enumerate(data)}
    rows = train_model(data, rules if args.train_base == "rules" else base)
    splits = sorted({ex.split for ex in data})
    pools = (("every open split", splits), ("newer splits", [s for s in splits if s in NEWER]))
    for pool, chosen in pools:
        print(f"{pool}, before: {report(data, base, chosen)}")
    models = {s: fit([r for r in rows if r.split != s], c=args.c) for s in splits}
    for add, retype in THRESHOLDS:
        out: dict[int, list[Detection]] = {}
        for i, ex in enumerate(data):
            model = models[ex.split]
            model.add, model.retype = add, retype
            out[i] = decide(model, ex.scan, list(base[i]), ex.runs)
        for pool, chosen in pools:
            print(f"{pool}, add {add} retype {retype}: {report(data, out, chosen)}")
    if args.write:
        print(f"wrote {write_model(data, ROOT / 'src/makna/privacy/data')}")


if __name__ == "__main__":
    main()
