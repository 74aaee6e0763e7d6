"""How many sentence units the abbreviation-aware sentence rule moves (polish24, trial12 #11).

Compares :func:`makna.text.sentence_spans` with the rule before it (a cut after every ``.`` before white space)
over the open documents that ``deid_golden.py`` reads (the shared dev corpus and the open splits of
``tests/privacy/corpus``; a sealed split is never read) and the demo project's transcripts, and prints counts only:
documents, sentence units before and after, units that are no longer units (joined), documents that changed.

    PYTHONPATH=src python3 benchmarks/sentence_units.py
"""

from __future__ import annotations

import sys
from collections import Counter
from importlib import resources
from pathlib import Path

from makna.text import _SENTENCE_END, _WORD_BEFORE, _ends_sentence, _spans_between, sentence_spans

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_golden import _documents  # noqa: E402


def _before(text: str) -> list[tuple[int, int]]:
    return _spans_between(text, [m.end() for m in _SENTENCE_END.finditer(text)])


def _count(name: str, texts: list[str]) -> None:
    before = after = moved = changed = 0
    joined: Counter[str] = Counter()  # the abbreviation (or "initial") before each full stop that no longer cuts
    for text in texts:
        for m in _SENTENCE_END.finditer(text):
            if not _ends_sentence(text, m):
                w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
                word = w.group(1) if w else "?"
                joined["initial" if len(word) == 1 else word] += 1
        old, new = _before(text), sentence_spans(text)
        before += len(old)
        after += len(new)
        gone = len(set(old) - set(new))
        moved += gone
        changed += gone > 0
    print(
        f"{name}: {len(texts)} documents, {before} sentence units before, {after} after, {moved} units moved "
        f"({moved / max(before, 1):.2%}), {changed} documents changed"
    )
    print(
        "  full stops that no longer cut, by what precedes them:",
        ", ".join(f"{w} {n}" for w, n in joined.most_common()),
    )


def main() -> None:
    _count("open corpus", [text for _, text, _ in _documents()])
    demo = resources.files("makna.demo") / "data"
    _count(
        "demo",
        [
            p.read_text(encoding="utf-8")
            for p in sorted(demo.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".txt")
        ],
    )


if __name__ == "__main__":
    main()
