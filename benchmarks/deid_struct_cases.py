"""Score the table of structured-identifier cases (``tests/privacy/structcases``), per type (issue #11).

Each case is one line ``TYPE<TAB>LANGUAGE<TAB>TEXT``: a span in ``[[...]]`` must be overlapped by a detection of
TYPE; a span in ``{{...}}`` must not be overlapped by any detection of a structured type. The open table is
tuned on; the sealed table (``--sealed``) is scored once at the end and only its figures are printed.

    python benchmarks/deid_struct_cases.py            # open cases, with every failure
    python benchmarks/deid_struct_cases.py --sealed   # sealed cases, figures only
    python benchmarks/deid_struct_cases.py --table structcases7   # round seven's broader table
    python benchmarks/deid_struct_cases.py --table structcases21 --breaks   # `` / `` is a line break (turns)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from makna.privacy import detect
from makna.privacy.types import PII_TYPES

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "structcases"
STRUCTURED = frozenset(
    {"PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "ACCOUNT", "PLATE", "DATE", "AGE", "ADDRESS"}
)
_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


@dataclass(frozen=True)
class Case:
    """One line of a case table: the plain text, the spans to find and the spans to leave alone."""

    kind: str
    language: str
    text: str
    positive: tuple[tuple[int, int], ...]
    negative: tuple[tuple[int, int], ...]
    line: str


def parse(line: str) -> Case:
    """A case from its table line (markers removed, spans in the plain text's offsets)."""
    kind, language, marked = line.split("\t")
    plain: list[str] = []
    pos: list[tuple[int, int]] = []
    neg: list[tuple[int, int]] = []
    last = 0
    size = 0
    for m in _MARK.finditer(marked):
        plain.append(marked[last : m.start()])
        size += m.start() - last
        body = m.group(1) if m.group(1) is not None else m.group(2)
        (pos if m.group(1) is not None else neg).append((size, size + len(body)))
        plain.append(body)
        size += len(body)
        last = m.end()
    plain.append(marked[last:])
    return Case(kind, language, "".join(plain), tuple(pos), tuple(neg), line)


def load(name: str, folder: Path = CASES, *, breaks: bool = False) -> list[Case]:
    """The cases of ``open`` or ``sealed`` in ``folder`` (``breaks``: `` / `` in a line stands for a line
    break, as in ``tests/privacy/personcases``)."""
    lines = (folder / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    return [parse(line.replace(" / ", "\n") if breaks else line)
            for line in lines if line.strip() and not line.startswith("#")]


def split_ok(folder: Path) -> bool:
    """The open and sealed tables of ``folder`` share no line and the open one holds both languages."""
    open_cases, sealed = load("open", folder), load("sealed", folder)
    disjoint = not {c.line for c in open_cases} & {c.line for c in sealed}
    return disjoint and {c.language for c in open_cases} == {"en", "id"}


def check(
    case: Case, *, rules_only: bool = False, alarms: frozenset[str] = STRUCTURED, whole: bool = False
) -> list[str]:
    """What goes wrong on ``case`` (empty when it passes): a ``[[...]]`` span no detection of the case's type
    overlaps, or a ``{{...}}`` span a detection of one of ``alarms`` overlaps. ``rules_only``: a false
    detection by the learned layer does not count (it is retrained at every merge; the tests hold the rules to
    the table). ``whole``: a ``[[...]]`` span must be covered whole by one detection of the case's type (an
    address found in pieces fails)."""
    found = detect(case.text, language=case.language)
    problems: list[str] = []
    for start, end in case.positive:
        hits = [d for d in found if d.start < end and start < d.end]
        if not any(d.type == case.kind for d in hits):
            got = ", ".join(f"{d.type}:{d.text!r}" for d in hits) or "nothing"
            problems.append(f"missed {case.text[start:end]!r} as {case.kind} (got {got})")
        elif whole and not any(d.type == case.kind and d.start <= start and d.end >= end for d in hits):
            got = ", ".join(f"{d.type}:{d.text!r}" for d in hits)
            problems.append(f"cut {case.text[start:end]!r} as {case.kind} (got {got})")
    for start, end in case.negative:
        for d in found:
            if rules_only and d.detector == "learned":
                continue
            if d.type in alarms and d.start < end and start < d.end:
                problems.append(f"false {d.type} {d.text!r} ({d.detector})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed table (figures only)")
    parser.add_argument("--table", default=CASES.name,
                        help="case folder under tests/privacy (structcases, or structcases7 of round seven)")
    parser.add_argument("--breaks", action="store_true", help="read `` / `` in a case as a line break (a turn)")
    parser.add_argument("--any-type", action="store_true",
                        help="a {{...}} span must be left alone by a detection of any type, not only a structured one")
    parser.add_argument("--whole", action="store_true", help="a [[...]] span must be found whole by one detection")
    parser.add_argument("--by-language", action="store_true", help="tally each kind by the case's language too")
    args = parser.parse_args(argv)
    cases = load("sealed" if args.sealed else "open", CASES.parent / args.table, breaks=args.breaks)
    alarms = frozenset(PII_TYPES) if args.any_type else STRUCTURED
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        problems = check(case, alarms=alarms, whole=args.whole)
        for key in (f"{case.language} {case.kind}", case.language) if args.by_language else (case.kind,):
            tally[key][0] += 1
            tally[key][1] += not problems
        if problems and not args.sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(problems))
    print("| type | cases | pass |\n| --- | ---: | ---: |")
    for kind in sorted(tally):
        total, ok = tally[kind]
        print(f"| {kind} | {total} | {ok} ({ok / total:.2f}) |")
    counted = [v for k, v in tally.items() if not args.by_language or " " not in k]  # the languages' totals
    total = sum(v[0] for v in counted)
    ok = sum(v[1] for v in counted)
    print(f"| **all** | {total} | {ok} ({ok / total:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
