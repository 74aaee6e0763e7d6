"""Score type23's cases (``tests/privacy/type23cases``): a name's type, whole, with no piece of another type.

Each line is ``KIND<TAB>LANGUAGE<TAB>TEXT`` as in :mod:`deid_struct_cases` (`` / `` a line break): every
detection over a ``[[...]]`` span must be of KIND, and there must be one (a piece of the span typed otherwise
fails the case: it is a false detection of typed precision); a ``{{...}}`` span must be left alone by every type.
The open table is tuned on; the sealed third (``--sealed``) prints figures only.

    PYTHONPATH=src python3 benchmarks/type23_cases.py [--sealed]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from deid_struct_cases import Case, load

from makna.privacy.detect import detect

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "type23cases"


def problems(case: Case) -> list[str]:
    """What goes wrong on ``case`` (empty when it passes)."""
    found = detect(case.text, language=case.language)
    out: list[str] = []
    for start, end in case.positive:
        hits = [d for d in found if d.start < end and start < d.end]
        if not hits or any(d.type != case.kind for d in hits):
            got = ", ".join(f"{d.type}:{d.text!r} ({d.detector})" for d in hits) or "nothing"
            out.append(f"{case.text[start:end]!r} as {case.kind}: got {got}")
    for start, end in case.negative:
        out.extend(f"false {d.type} {d.text!r} ({d.detector})" for d in found if d.start < end and start < d.end)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed third (figures only)")
    args = parser.parse_args()
    cases = load("sealed" if args.sealed else "open", CASES, breaks=True)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        wrong = problems(case)
        tally[(case.language, case.kind)][0] += 1
        tally[(case.language, case.kind)][1] += not wrong
        if wrong and not args.sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(wrong))
    for (lang, kind), (total, ok) in sorted(tally.items()):
        print(f"{lang} {kind}: {ok}/{total}")
    total, ok = (sum(v[i] for v in tally.values()) for i in (0, 1))
    print(f"all: {ok}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
