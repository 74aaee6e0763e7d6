"""leak27's measurement (issue 11): gold spans never proposed and spans cut short, by class, counts only.

Over the given splits (default: the four sets left out of BASE's model, ``tune29 seal28 spent45 spent46``), every
gold span is classed by named21's ``classify`` (``never-proposed``, ``found-edge``...) and, for the two leak
classes (never proposed: no rule and no learned span overlaps it; cut: a character of it uncovered by any final
detection although something overlaps it), counted with the characters leaked by

* gold type and language;
* ``shape`` (the first that holds): ``lower`` (a PERSON, LOCATION or ORG in lower case), ``kin`` (a name after a
  kinship or honorific word: ``Uda``, ``Mak``, ``Kak``, ``Bang``...), ``prep`` (a place after a plain or regional
  preposition: ``di``, ``ka``, ``dari``, ``ateh``...), ``abbrev`` (a place or organisation with a dotted or
  upper-case abbreviation), ``after-number`` (a name right after a number), ``words`` (an AGE or DATE said in
  words), ``regional-age`` (an AGE in regional phrasing), ``header`` (at a line start before a colon, or in a
  bracket, or in a list item), ``other``;
* ``where``: ``long-turn`` (a line over 400 characters), ``header`` (a line under 60 characters ending in a colon
  or holding a time stamp), ``body``.

Counts only; nothing of a span's text is printed. Run:
``PYTHONPATH=src python3 benchmarks/leak27_measure.py [--split NAME ...]``.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from typing import Any

from named21_measure import classify, measured, record_calls  # type: ignore[import-not-found]

FOUR = ("tune29", "seal28", "spent45", "spent46")
_KIN = re.compile(
    r"(?i:\b(?:uda|uni|mak|etek|etek|kak|kakak|bang|abang|mas|mbak|mba|teh|kang|akang|pak|bu|ibu|bapak|om|tante|"
    r"ompung|opung|amang|inang|daeng|andi|puang|acil|julak|uwa|uwak|ceu|aa|adik|dik|dek|nenek|kakek|mbah|"
    r"inyiak|angku|mamak|ayah|amak|abak|bunda|pakde|bude|bulek|paklek|oppung|tulang|namboru|ito|lae|eda|"
    r"cik|encik|datuk|tok|wan|makcik|pakcik|aunty|auntie|uncle|nan|si|sang)\.?)[ \t]+$"
)
_PREP = re.compile(
    r"(?i:\b(?:di|ka|ke|dari|dare|ateh|di ateh|ka ateh|dari ateh|daro|di bawah|dilua|dalam|dalem|nang|ning|"
    r"teka|saka|seko|ti|ka|di tengah|asal|urang|wong|ugha|ri|pole|lao|ko|mi|pi|dong|lewat|menuju|sampai|"
    r"sampe|pindah|tinggal|balik|pulang|mudik|in|at|from|to)[ \t]+)$"
)
_NUMBER_BEFORE = re.compile(r"\d[ \t]*$")
_ABBREV = re.compile(r"\b[A-Za-z]{1,5}\.|\b[A-Z]{2,6}\b")
_DIGIT = re.compile(r"\d")
_REGIONAL_AGE = re.compile(
    r"(?i:\b(?:ciek|duo|tigo|ampek|limo|anam|tujuah|salapan|baleh|puluah|siji|loro|telu|papat|limang|enem|pitu|"
    r"wolu|songo|welas|likur|selawe|seket|hiji|opat|genep|dalapan|sapuluh|taun|taon)\b)"
)
_HEADER_LINE = re.compile(r"^.{0,60}:[ \t]*$|\b\d{1,2}[.:]\d{2}\b|^\[")
NAMED = {"PERSON", "LOCATION", "ORG", "ADDRESS"}


def shape(text: str, s: int, e: int, kind: str) -> str:
    span, left = text[s:e], text[max(0, s - 30) : s]
    line_start = text.rfind("\n", 0, s) + 1
    head = text[line_start:s]
    if kind in NAMED and span[:1].islower():
        return "lower"
    if kind == "PERSON" and _KIN.search(left):
        return "kin"
    if kind in {"LOCATION", "ADDRESS", "ORG"} and _PREP.search(left):
        return "prep"
    if kind in {"LOCATION", "ORG", "ADDRESS"} and _ABBREV.search(span):
        return "abbrev"
    if kind in NAMED and _NUMBER_BEFORE.search(left):
        return "after-number"
    if kind == "AGE" and _REGIONAL_AGE.search(span):
        return "regional-age"
    if kind in {"AGE", "DATE"} and not _DIGIT.search(span):
        return "words"
    if (
        (":" not in head and text.find(":", e, e + 3) >= 0)
        or "(" in left[-3:]
        or re.match(r"[ \t]*(?:[-*•]|\d+[.)])", head)
    ):
        return "header"
    return "other"


def where(text: str, s: int) -> str:
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", s)
    line = text[a : b if b >= 0 else len(text)]
    if len(line) > 400:
        return "long-turn"
    if _HEADER_LINE.search(line[:60]) and len(line) < 80:
        return "header"
    return "body"


def leaked(s: int, e: int, final: list[Any]) -> int:
    cover: set[int] = set()
    for d in final:
        if d.start < e and s < d.end:
            cover.update(range(max(s, d.start), min(e, d.end)))
    return (e - s) - len(cover)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    args = ap.parse_args()
    calls = record_calls()
    spans: Counter[tuple[str, ...]] = Counter()
    chars: Counter[tuple[str, ...]] = Counter()
    total: Counter[str] = Counter()
    for _split, doc, final in measured(args.split or FOUR, calls):
        if calls.get("n") != 1:
            print(f"{doc.id}: {calls.get('n')} chunks, skipped")
            continue
        for s, e, kind in doc.pii:
            total[doc.language] += e - s
            cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
            n = leaked(s, e, final)
            if not n:
                continue
            group = "never-proposed" if cls == "never-proposed" else "cut" if cls == "found-edge" else cls.split(":")[0]
            key = (group, doc.language, kind, shape(doc.text, s, e, kind), where(doc.text, s))
            spans[key] += 1
            chars[key] += n
    print("identifying characters by language:", dict(total))
    for level, idx in (
        ("class", (0,)),
        ("class x language", (0, 1)),
        ("class x language x type", (0, 1, 2)),
        ("class x type x shape", (0, 2, 3)),
        ("class x where", (0, 4)),
    ):
        agg_s: Counter[tuple[str, ...]] = Counter()
        agg_c: Counter[tuple[str, ...]] = Counter()
        for k, v in spans.items():
            sub = tuple(k[i] for i in idx)
            agg_s[sub] += v
            agg_c[sub] += chars[k]
        print(f"-- {level}: spans / characters leaked")
        for sub, v in sorted(agg_s.items(), key=lambda x: -agg_c[x[0]]):
            print(f"  {v:3d} {agg_c[sub]:5d}  {' '.join(sub)}")


if __name__ == "__main__":
    main()
