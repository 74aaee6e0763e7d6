"""Digest of what ``detect`` finds in the speed cases (``tests/privacy/speedcases``), to compare two trees (#11).

Each case is ``LANGUAGE<TAB>TEXT`` (``\\n`` for a line break): invented lines that exercise the fast paths of the
detectors (weekday dates in any case, letters whose case folds to ASCII such as U+017F, U+0131, U+0130 and
U+212A, digit lines, non-ASCII text). A speed change must leave every digest as it was: run this script with
each tree's ``src`` first on ``PYTHONPATH`` and compare the outputs; ``--against SRC`` does that in one call and
prints how many cases match. The open table is used while working; the sealed one (``--sealed``) at the end.

Run: ``python benchmarks/deid_speed_cases.py [--sealed] [--against /tmp/base/src]``.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "speedcases"


def cases(sealed: bool) -> list[tuple[str, str]]:
    """(language, text) of each case of the open or the sealed table."""
    path = CASES / ("sealed.tsv" if sealed else "open.tsv")
    out: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            language, text = line.split("\t", 1)
            out.append((language, text.replace("\\n", "\n")))
    return out


def digests(sealed: bool) -> list[str]:
    """One digest per case: the detections' (start, end, type, confidence, detector), alone and with a neighbour
    text of 3,000 characters before it (so that the long-text paths run too)."""
    from makna.privacy import detect

    filler = "P: Boleh cerita sedikit? I: Ya begitulah, Kak. Kadang rame, kadang sepi.\n" * 42
    out: list[str] = []
    for language, text in cases(sealed):
        rows = []
        for body in (text, filler + text, text.upper(), text.lower()):
            rows.append([(d.start, d.end, d.type, d.confidence, d.detector) for d in detect(body, language=language)])
        out.append(hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sealed", action="store_true")
    parser.add_argument("--against", type=Path, help="the src folder of another tree to compare with")
    args = parser.parse_args()
    mine = digests(args.sealed)
    if args.against is None:
        print("\n".join(mine))
        return
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import deid_speed_cases as c;"
        "print(*c.digests(sys.argv[2] == '1'))"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent), "1" if args.sealed else "0"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(args.against.resolve()), "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    same = sum(a == b for a, b in zip(mine, other, strict=True))
    print(f"{'sealed' if args.sealed else 'open'} cases: {same}/{len(mine)} identical detections")
    for i, (a, b) in enumerate(zip(mine, other, strict=True)):
        if a != b:
            print(f"  case {i + 1} differs")
    sys.exit(0 if same == len(mine) else 1)


if __name__ == "__main__":
    main()
