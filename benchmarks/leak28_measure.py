"""leak28's measurement (issue 11): gold spans never proposed and spans cut short, by class, counts only.

Builds on ``leak27_measure`` (its ``shape`` and ``where``, named21's ``classify``). Over the given splits (default:
the four sets left out of BASE's model, ``tune30 seal29 spent47 spent48``), every gold span with a character no
final detection covers is counted, with the characters leaked, by

* split, class (``never-proposed``, ``cut``, ``later-dropped``, ``mistyped``...), language and gold type;
* ``shape``: leak27's classes, and ``quoted`` (inside quotation marks), ``listed`` (after a comma or ``and``/
  ``dan``/``sama``/``jo`` in a list of capitalised words), ``single`` (a one-word PERSON with no cue word before it in
  a line over 200 characters);
* ``mention``: ``only`` (no other mention of its words in the document), ``first`` or ``later`` (the same word,
  case-folded, said before it), and whether another mention of it was found as an identifier (``+found``): what a
  method spreading a mention found with strong evidence could reach;
* ``list``: for a PERSON, which of the shipped given-name lists holds its first word (``names_id``, ``names_en``,
  ``names_ssa``, ``names_world``, ``names_traditions``... or ``none``): the traditions the lists know least.

Counts only; nothing of a span's text is printed. ``--rows FILE`` writes the misses' text, and refuses the four sets.
Run: ``PYTHONPATH=src python3 benchmarks/leak28_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from leak27_measure import leaked, shape, where  # type: ignore[import-not-found]
from named21_measure import classify, measured, record_calls  # type: ignore[import-not-found]

FOUR = ("tune30", "seal29", "spent47", "spent48")
DATA = Path(__file__).resolve().parent.parent / "src" / "makna" / "privacy" / "data"
LISTS = ("names_id", "names_en", "names_ssa", "names_world", "names_traditions", "names_extra", "names_abroad",
         "names_gendered_world", "names_sulawesi", "names_unisex", "surnames")  # fmt: skip
_CUE = re.compile(
    r"(?i:\b(?:name|named|called|call|nama|namanya|dipanggil|panggil|manggil|mr|mrs|ms|miss|pak|bu|ibu|bapak|mas|"
    r"mbak|kak|bang|uda|uni|teh|kang|mbah)\b)[^\n]{0,12}$"
)
_LIST_BEFORE = re.compile(r"(?i:(?:,|\band|\bdan|\bsama|\bjo|\bama|\bkaro|&)[ \t]*)$")


@cache
def _list(name: str) -> frozenset[str]:
    path = DATA / f"{name}.txt"
    if not path.exists():
        return frozenset()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(line.split("\t")[0].strip().casefold())
    return frozenset(out)


def shape28(text: str, s: int, e: int, kind: str) -> str:
    old = shape(text, s, e, kind)
    if old != "other":
        return old
    left = text[max(0, s - 30) : s]
    if left[-1:] in "\"'“‘" or text[e : e + 1] in "\"'”’":
        return "quoted"
    if _LIST_BEFORE.search(left):
        return "listed"
    a, b = text.rfind("\n", 0, s) + 1, text.find("\n", s)
    line = text[a : b if b >= 0 else len(text)]
    if kind == "PERSON" and " " not in text[s:e] and len(line) > 200 and not _CUE.search(left):
        return "single"
    return "other"


def mention(text: str, s: int, e: int, final: list[Any]) -> str:
    words = [w for w in re.findall(r"\w+", text[s:e].casefold()) if len(w) >= 3]
    if not words:
        return "only"
    rx = re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    others = [m for m in rx.finditer(text) if not (m.start() < e and s < m.end())]
    if not others:
        return "only"
    pos = "later" if any(m.start() < s for m in others) else "first"
    found = any(any(d.start < m.end() and m.start() < d.end for d in final) for m in others)
    return pos + ("+found" if found else "")


def tradition(text: str) -> str:
    first = re.findall(r"\w+", text)
    if not first:
        return "none"
    word = first[0].casefold()
    held = [n for n in LISTS if word in _list(n)]
    return ",".join(held) if held else "none"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    if args.rows and set(splits) & set(FOUR):
        raise SystemExit("--rows writes the misses' text: open splits only")
    calls = record_calls()
    spans: Counter[tuple[str, ...]] = Counter()
    chars: Counter[tuple[str, ...]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    rows = []
    for split, doc, final in measured(splits, calls):
        if calls.get("n") != 1:
            print(f"{doc.id}: {calls.get('n')} chunks, skipped")
            continue
        for s, e, kind in doc.pii:
            total[(split, doc.language)] += e - s
            cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
            n = leaked(s, e, final)
            if not n:
                continue
            group = "never-proposed" if cls == "never-proposed" else "cut" if cls == "found-edge" else cls.split(":")[0]
            key = (
                split, group, doc.language, kind, shape28(doc.text, s, e, kind), where(doc.text, s),
                mention(doc.text, s, e, final), tradition(doc.text[s:e]) if kind == "PERSON" else "-",
            )  # fmt: skip
            spans[key] += 1
            chars[key] += n
            if args.rows:
                a = doc.text.rfind("\n", 0, s) + 1
                rows.append({"doc": doc.id, "key": key, "text": doc.text[s:e], "left": doc.text[max(a, s - 80) : s],
                             "right": doc.text[e : e + 50].split("\n")[0],
                             "final": [f"{d.type}@{d.detector}:{d.text}" for d in final if d.start < e and s < d.end],
                             "rules": [f"{d.type}@{d.detector}:{d.text}" for d in calls["rules"]
                                       if d.start < e and s < d.end]})  # fmt: skip
    print("identifying characters by split and language:", {" ".join(k): v for k, v in sorted(total.items())})
    for level, idx in (
        ("split x language x class", (0, 2, 1)),
        ("class x language x type", (1, 2, 3)),
        ("class x type x shape", (1, 3, 4)),
        ("class x where", (1, 5)),
        ("class x type x mention", (1, 3, 6)),
        ("class x language x PERSON first-word list", (1, 2, 7)),
    ):
        agg_s: Counter[tuple[str, ...]] = Counter()
        agg_c: Counter[tuple[str, ...]] = Counter()
        for k, v in spans.items():
            if level.endswith("list") and k[3] != "PERSON":
                continue
            sub = tuple(k[i] for i in idx)
            agg_s[sub] += v
            agg_c[sub] += chars[k]
        print(f"-- {level}: spans / characters leaked")
        for sub, v in sorted(agg_s.items(), key=lambda x: -agg_c[x[0]]):
            print(f"  {v:3d} {agg_c[sub]:5d}  {' '.join(sub)}")
    if args.rows:
        args.rows.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
