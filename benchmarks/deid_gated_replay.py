"""Where the rule stages' regex time goes (issue 11): every gated regex search of one pass over the open interviews,
recorded (``gated_finditer`` and ``lines_finditer`` calls: pattern, text, gated lines), then replayed alone and timed
per pattern (CPU, best of ``--runs``). Patterns led by a look-behind, ``\\b``, ``^`` or a group get no first-character
scan from the regex engine and are counted apart ("slow-led").

Run: ``python benchmarks/deid_gated_replay.py [--runs 2] [--top 25]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_stage_profile import _open_texts  # noqa: E402

from makna.privacy import _fastrx, _lines, detect  # noqa: E402

_SLOW = ("(?<", "\\b", "(?i", "^", "(?:", "(?P")


def _record(texts: list[tuple[str, str]]) -> list[tuple[Any, str, list[tuple[int, int]], bool]]:
    calls: list[tuple[Any, str, list[tuple[int, int]], bool]] = []
    gated, lined = _fastrx.gated_finditer, _lines.lines_finditer

    def gated_rec(rx: Any, gate: Any, text: str) -> Iterator[re.Match[str]]:
        if not isinstance(gate, re.Pattern):
            calls.append((rx, text, gate.lines(text), False))
        return gated(rx, gate, text)

    def lined_rec(rx: Any, gate: Any, text: str) -> Iterator[re.Match[str]]:
        calls.append((rx, text, gate.lines(text), True))
        return lined(rx, gate, text)

    for mod in [m for n, m in sys.modules.items() if n.startswith("makna.privacy") and m is not None]:
        if getattr(mod, "gated_finditer", None) is gated:
            mod.gated_finditer = gated_rec  # type: ignore[attr-defined]
        if getattr(mod, "lines_finditer", None) is lined:
            mod.lines_finditer = lined_rec  # type: ignore[attr-defined]
    for text, language in texts:
        detect(text, language=language)
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    texts = _open_texts()
    detect(texts[0][0], language=texts[0][1])  # imports every detector module
    names = {}
    for name, mod in list(sys.modules.items()):
        if name.startswith("makna.privacy") and mod is not None:
            for key, value in vars(mod).items():
                if isinstance(value, re.Pattern):
                    names.setdefault(id(value), f"{name.rsplit('.', 1)[-1]}.{key}")
    calls = _record(texts)
    spent: Counter[int] = Counter()
    chars: Counter[int] = Counter()
    patterns = {}
    for _ in range(args.runs):
        for rx, text, lines, ascii_twin in calls:
            n = len(text)
            finditer = _lines._twin(rx).finditer if ascii_twin and text.isascii() else rx.finditer
            t = time.process_time()
            for start, end in lines:
                for _m in finditer(text, start, min(n, end + 1)):
                    pass
            spent[id(rx)] += (time.process_time() - t) / args.runs
    for rx, _, lines, _ in calls:
        patterns[id(rx)] = rx
        chars[id(rx)] += sum(end - start for start, end in lines)
    total = sum(spent.values())
    slow = sum(v for k, v in spent.items() if getattr(patterns[k], "pattern", "").startswith(_SLOW))
    print(
        f"{len(calls)} gated searches, {len(spent)} patterns: {total * 1000:.0f} ms a pass, slow-led {slow * 1000:.0f}"
    )
    for key, value in spent.most_common(args.top):
        rx = patterns[key]
        lead = "slow" if getattr(rx, "pattern", "").startswith(_SLOW) else "fast"
        label = names.get(key, type(rx).__name__)
        print(f"{value * 1000:6.1f} ms {chars[key]:8d} chars {lead} {label}")


if __name__ == "__main__":
    main()
