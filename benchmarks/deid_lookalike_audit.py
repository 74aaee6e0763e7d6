"""What the round-fourteen look-alike rules remove, against the gold (issue #11).

For every open split (``makna.privacy.train.OPEN_SPLITS``) and any extra gold folders given: each detection that a
rule of :mod:`makna.privacy.ethnonyms` or :mod:`makna.privacy.thingwords` drops, classed as a gold span removed
(a span of the same type overlaps it), a mistyped span, or a false alarm removed; then typed recall, precision and
leak per folder with the rules off and on, in one process (same model, same code otherwise). A sealed folder
given on the command line is printed as aggregates only (``--aggregates``).

Run: ``python benchmarks/deid_lookalike_audit.py [--no-open] [--aggregates] [FOLDER ...]``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from makna.privacy import ethnonyms, lookalikes, thingwords
from makna.privacy.detect import detect
from makna.privacy.evaluate import EvaluationReport, evaluate, load_gold
from makna.privacy.train import OPEN_SPLITS
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
RULES = ("_clock", "_role_in_speech", "_defined_label", "_speech_opener", "_minang_opener", "_handled_acronym")


def _open_folders() -> list[Path]:
    return [
        ROOT.parent / "shared" / "eval-corpus" / "dev" if s == "dev" else ROOT / "tests/privacy/corpus" / s
        for s in OPEN_SPLITS
    ]


def audit(folders: list[Path], show: bool) -> Counter[tuple[str, str]]:
    """Per (rule, verdict), how many detections the rules drop; the drops printed when ``show``."""
    hits: list[tuple[str, Detection]] = []

    def record(name: str, fn: Callable[..., bool]) -> Callable[..., bool]:
        def wrapped(*args: object) -> bool:
            got = fn(*args)
            if got:
                hits.append((name, args[-1]))  # type: ignore[arg-type]
            return got

        return wrapped

    saved = {name: getattr(thingwords, name) for name in RULES}
    people = lookalikes.names_a_people
    lookalikes.names_a_people = record("people", ethnonyms.names_a_people)
    for name in RULES:
        setattr(thingwords, name, record(name.strip("_"), saved[name]))
    summary: Counter[tuple[str, str]] = Counter()
    try:
        for folder in folders:
            for doc in load_gold(folder):
                hits.clear()
                detect(doc.text, language=doc.language)
                seen = set()
                for name, det in hits:
                    if (name, det.start, det.end) in seen:
                        continue
                    seen.add((name, det.start, det.end))
                    same = any(g[0] < det.end and det.start < g[1] and g[2] == det.type for g in doc.pii)
                    other = any(g[0] < det.end and det.start < g[1] for g in doc.pii)
                    verdict = "gold removed" if same else "mistyped removed" if other else "false alarm removed"
                    summary[(name, verdict)] += 1
                    if show:
                        print(f"{verdict}\t{name}\t{folder.name}\t{doc.id}\t{det.type}\t{det.text!r}\t{det.detector}")
    finally:
        lookalikes.names_a_people = people
        for name, fn in saved.items():
            setattr(thingwords, name, fn)
    return summary


def _line(r: EvaluationReport) -> str:
    o, u = r.overall, r.untyped
    leak = r.leaked_chars / r.gold_chars if r.gold_chars else 0.0
    return (
        f"gold {o.gold} predicted {o.predicted} typed R {o.recall:.3f} P {o.precision:.3f} "
        f"untyped R {u.recall:.3f} P {u.precision:.3f} leak {leak:.2%}"
    )


def before_after(folder: Path) -> tuple[EvaluationReport, EvaluationReport]:
    """The folder's scores with the rules off, then on."""
    people, thing = lookalikes.names_a_people, lookalikes.names_a_thing
    lookalikes.names_a_people = lookalikes.names_a_thing = lambda _scan, _det: False
    try:
        before = evaluate(folder)
    finally:
        lookalikes.names_a_people, lookalikes.names_a_thing = people, thing
    return before, evaluate(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--no-open", action="store_true", help="only the folders given")
    parser.add_argument("--aggregates", action="store_true", help="never print a detection (sealed folders)")
    args = parser.parse_args()
    opened = [] if args.no_open else _open_folders()
    for (name, verdict), n in sorted(audit(opened, show=not args.aggregates).items()):
        print(f"open splits: {name}: {verdict}: {n}")
    for folder in [*args.folders, *opened]:
        before, after = before_after(folder)
        print(f"{folder.name}\n  before {_line(before)}\n  after  {_line(after)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
