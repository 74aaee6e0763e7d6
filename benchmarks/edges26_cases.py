"""Score edges26's cases (``tests/privacy/edges26cases``): the extent and the type of every identifier of a line.

Each case is one line ``LANGUAGE<TAB>TEXT``; ``' / '`` is a line break. Every ``[[TYPE:...]]`` is one gold span:
``typed`` when every detection over it is of TYPE (at least one), ``exact`` when one detection of TYPE has its
extent, and its characters that no detection covers are the leak; every ``{{...}}`` (words after an identifier,
between two of them) must be covered by none. The open table is tuned on, with every failure printed; the sealed
table (``--sealed``) prints its figures only.

    cd benchmarks && PYTHONPATH=../src:. python3 edges26_cases.py [--sealed]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from makna.privacy import detect

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "edges26cases"
_MARK = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]|\{\{(.+?)\}\}")


def parse(raw: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text without marks and its marked spans ``(start, end, type)``; a look-alike's type is ``""``."""
    raw = raw.replace(" / ", "\n")
    out: list[str] = []
    spans = []
    pos = length = 0
    for m in _MARK.finditer(raw):
        out.append(raw[pos : m.start()])
        length += m.start() - pos
        inner = m.group(2) or m.group(3)
        spans.append((length, length + len(inner), m.group(1) or ""))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), spans


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sealed", action="store_true")
    args = ap.parse_args()
    table = CASES / ("sealed.tsv" if args.sealed else "open.tsv")
    n = typed = exact = gold_chars = leaked = out_chars = over = 0
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, raw = line.split("\t")
        text, spans = parse(raw)
        found = detect(text, language=language)
        cov = [False] * len(text)
        for d in found:
            cov[d.start : d.end] = [True] * (d.end - d.start)
        bad = []
        for s, e, kind in spans:
            left = sum(1 for c in cov[s:e] if not c)
            if not kind:
                out_chars += e - s
                over += (e - s) - left
                if left < e - s:
                    bad.append(f"{{{{{text[s:e]}}}}} covered")
                continue
            ov = [d for d in found if d.start < e and s < d.end]
            n += 1
            gold_chars += e - s
            leaked += left
            ok = bool(ov) and all(d.type == kind for d in ov)
            whole = any(d.type == kind and (d.start, d.end) == (s, e) for d in found)
            typed += ok
            exact += whole
            if not (ok and whole):
                bad.append(f"[[{kind}:{text[s:e]}]]{'' if ok else ' mistyped'}{'' if whole else ' extent'}")
        if bad and not args.sealed:
            got = ", ".join(f"{d.type}:{d.text}" for d in found)
            print(f"{language}: {'; '.join(bad)}\n    found: {got}")
    print(
        f"{table.name}: {n} spans, typed {typed}/{n}, exact {exact}/{n}, leak {100 * leaked / max(gold_chars, 1):.1f}% "
        f"({leaked}/{gold_chars} chars), look-alike chars covered {over}/{out_chars}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
