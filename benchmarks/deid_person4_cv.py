"""Held-out writers for the learned layer's PERSON work of branch deidperson4 (#11).

The four sets that were unseen until the end of round nine (``tune12``, ``seal11``, ``spent11``, ``spent12``:
four writers, 32 transcripts, each set a writer of its own) are held out together; one CRF is trained on every
other open split (the shipped settings, or ``--settings``) and the held-out sets are scored with the rules
alone and with rules + CRF (no precision stage: that is ``deid_person_cv.py``'s work), per set and pooled,
with PERSON recall and precision per language. One training instead of the 31 of ``deid_learned_cv.py``, so a
feature or augmentation change can be judged on the shared machine in minutes. ``--cache FILE`` keeps the
rules' output of the originals (pickle) between runs whose rules are the same. Sealed sets are never read.

Run: ``python benchmarks/deid_person4_cv.py [--hold a,b] [--settings 'augment=1,...'] [--cache FILE]``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from makna.privacy.learned import LearnedModel, refine, using
from makna.privacy.train import Example, examples, load_splits, train_in_memory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import BASE, HEAD, _merge, _parse, _row, _scores, _types  # noqa: E402

from makna.privacy.evaluate import EvaluationReport  # noqa: E402

HOLD = ("tune12", "seal11", "spent11", "spent12")


def _misses(held: list[Example], model: LearnedModel, out: Path) -> None:
    """Each PERSON gold span that no detection of rules + CRF overlaps, with what covered it if anything."""
    lines = []
    for ex in held:
        with using(model):
            found = refine(ex.doc.text, ex.scan, ex.doc.language, list(ex.rules), ex.runs)
        for s, e, kind in ex.doc.pii:
            if kind != "PERSON" or any(d.type == "PERSON" and d.start < e and s < d.end for d in found):
                continue
            other = [f"{d.type}@{d.detector}" for d in found if d.start < e and s < d.end]
            ctx = ex.doc.text[max(0, s - 50) : e + 40].replace("\n", " / ")
            lines.append(f"{ex.split}/{ex.doc.id}\t{ex.doc.text[s:e]!r}\t{','.join(other) or '-'}\t{ctx}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hold", default=",".join(HOLD), help="comma-separated open splits held out together")
    parser.add_argument("--settings", default="", help="training settings, as 'augment=1,blend=0.5'")
    parser.add_argument("--cache", type=Path, help="pickle of the originals' rule output (made when missing)")
    parser.add_argument("--thresholds", help="comma-separated CRF thresholds also tried on the same model")
    parser.add_argument("--misses", type=Path, help="write each held-out PERSON miss (+CRF) with its context here")
    args = parser.parse_args()
    hold = args.hold.split(",")
    t = time.perf_counter()
    if args.cache and args.cache.exists():
        data = pickle.loads(args.cache.read_bytes())
    else:
        data = examples(load_splits(ROOT))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(data))
    print(f"{len(data)} transcripts, rules in {time.perf_counter() - t:.0f} s", flush=True)
    settings = _parse(args.settings) if args.settings else BASE
    model = train_in_memory([ex for ex in data if ex.split not in hold], settings)
    print(f"trained in {time.perf_counter() - t:.0f} s ({settings})\n\n{HEAD}", flush=True)
    rules, both = EvaluationReport(), EvaluationReport()
    for split in hold:
        held = [ex for ex in data if ex.split == split]
        before, after = _scores(held, None), _scores(held, model)
        print(_row(f"{split} rules", before))
        print(_row(f"{split} +CRF", after))
        _merge(rules, before)
        _merge(both, after)
    if args.misses:
        _misses([ex for ex in data if ex.split in hold], model, args.misses)
    print(_row("**held out, rules**", rules))
    print(_row("**held out, +CRF**", both))
    print("\n" + _types(rules, both))
    for cut in filter(None, (args.thresholds or "").split(",")):
        model.threshold = float(cut)
        tried = EvaluationReport()
        for split in hold:
            _merge(tried, _scores([ex for ex in data if ex.split == split], model))
        print(_row(f"+CRF, threshold {cut}", tried) + f" PERSON P {tried.per_type['PERSON'].precision:.3f}")


if __name__ == "__main__":
    main()
