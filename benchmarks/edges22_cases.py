"""Score edges22's cases (``tests/privacy/edges22cases``): whole coverage of each identifier, nothing past it.

Each case is one line ``TYPE<TAB>LANGUAGE<TAB>TEXT``; ``' / '`` is a line break. Every ``[[...]]`` must be covered
whole by detections (its characters, whatever their type: the leak) and be overlapped by a detection of TYPE;
every ``{{...}}`` (an honorific, a clause after the identifier, words between two identifiers) must be covered by
none. The open table is tuned on, with every failure printed; the sealed table (``--sealed``) prints its figures
only.

    PYTHONPATH=src python3 benchmarks/edges22_cases.py [--sealed] [--cases tests/privacy/ages23cases]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from makna.privacy import detect

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "edges22cases"
_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


def parse(raw: str) -> tuple[str, list[tuple[int, int, bool]]]:
    """The text without marks and its marked spans ``(start, end, gold)``."""
    raw = raw.replace(" / ", "\n")
    out, spans, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(raw):
        out.append(raw[pos : m.start()])
        length += m.start() - pos
        inner = m.group(1) or m.group(2)
        spans.append((length, length + len(inner), m.group(1) is not None))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sealed", action="store_true")
    ap.add_argument("--cases", type=Path, default=CASES, help="a folder of open.tsv and sealed.tsv (ages23cases...)")
    args = ap.parse_args()
    table = args.cases / ("sealed.tsv" if args.sealed else "open.tsv")
    gold_chars = leaked = whole = spans_n = typed = out_chars = over = 0
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, language, raw = line.split("\t")
        text, spans = parse(raw)
        found = detect(text, language=language)
        cov = [False] * len(text)
        for d in found:
            for i in range(d.start, d.end):
                cov[i] = True
        bad = []
        for s, e, gold in spans:
            n = sum(1 for c in cov[s:e] if not c)
            if gold:
                spans_n += 1
                gold_chars += e - s
                leaked += n
                whole += n == 0
                hit = any(d.type == kind and d.start < e and s < d.end for d in found)
                typed += hit
                if n or not hit:
                    bad.append(f"[[{text[s:e]}]] {n} uncovered{'' if hit else ', not ' + kind}")
            else:
                out_chars += e - s
                over += (e - s) - n
                if n < e - s:
                    bad.append(f"{{{{{text[s:e]}}}}} {(e - s) - n} covered")
        if bad and not args.sealed:
            got = ", ".join(f"{d.type}:{d.text}" for d in found)
            print(f"{language} {kind}: {'; '.join(bad)}\n    found: {got}")
    print(
        f"{table.name}: {spans_n} spans, whole {whole}/{spans_n}, typed {typed}/{spans_n}, "
        f"leak {100 * leaked / max(gold_chars, 1):.1f}% ({leaked}/{gold_chars} chars), "
        f"look-alike chars covered {over}/{out_chars}"
    )


if __name__ == "__main__":
    main()
