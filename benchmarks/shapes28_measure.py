"""shapes28's measurement (issue #11): how every URL and DATE gold span fares, by its shape and its loss class.

For each document of the given splits, ``detect`` runs with the learned layer's and the precision stage's input
and output recorded (:func:`named21_measure.record_calls`), and every URL and DATE gold span is put in:

* a loss class: ``whole`` (one detection of its type covers it exactly), ``joined`` (one covers it and runs on),
  ``cut`` (detections of its type leave part of it uncovered), ``typed-otherwise`` (only another type overlaps
  it), ``never-proposed`` (no rule and no learned span overlaps it), ``dropped`` (proposed, gone in the output);
* a shape class read from the span's own characters by the URL grammar (``scheme``, ``www``, ``bare+path``,
  ``bare``, ``ip``, ``said-aloud``, ``wrapped``, ``shortener``, and ``+paren``/``+quote`` when a bracket or a quote
  stands before it) or the date grammar (``words``, ``ordinal``, ``range``, ``numeric:dmy|ymd|dm``, ``weekday``,
  ``other-calendar``, ``year-only``, ``said``).

A URL or DATE detection overlapping no gold span of its type is ``false:<gold type under it or none>``. Counts
go to stdout (by set, language, type, shape, class); ``--rows`` prints the lost spans' text, for open splits only:
never use it on the four sets left out or a sealed set. Run:
``PYTHONPATH=src:benchmarks python3 benchmarks/shapes28_measure.py --split tune30 --split seal29 ...``.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from typing import Any

from named21_measure import _ov, measured, record_calls

_SHORT_HOSTS = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9\-]{1,5}\.[a-z]{2}/\w", re.IGNORECASE)
_MONTH_WORD = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|agt|ags|sep|oct|okt|nov|nop|dec|des)[a-z]*\b"
)
_HIJRI = re.compile(r"(?i)muharr?am|safar|rabi|jumad|rajab|sya'?ban|ramad|syaw|shaw|zulk|dzul|zulh|dhul|suro|sura\b")
_WEEKDAY = re.compile(
    r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\b"
)
_ORD = re.compile(r"(?i)\d(?:st|nd|rd|th)\b|\b(?:first|second|third|[a-z]+th|ke-?\w+)\b")
_RANGE = re.compile(
    r"(?i)\d\s*[-–—]\s*\d{1,2}\b(?![-/.]\d)|\b(?:to|until|till|through|sampai|sampe|hingga|s/d|and|dan)\b"
)
_SAID = re.compile(r"(?i)\b(?:twenty|nineteen|two thousand|dua ribu|sembilan belas|thousand|ribu)\b")
_DATE_MARKS = (
    ("other-calendar", _HIJRI),
    ("weekday", _WEEKDAY),
    ("words", _MONTH_WORD),
    ("ordinal", _ORD),
    ("range", _RANGE),
    ("said", _SAID),
)


def url_shape(text: str, start: int, end: int) -> str:
    """The shape class of the URL ``text[start:end]``."""
    raw = text[start:end]
    low = raw.lower()
    if "\n" in raw:
        shape = "wrapped"
    elif re.search(r"(?i)\s(?:dot|titik)\s", raw):
        shape = "said-aloud"
    elif re.match(r"\d+\.\d+\.\d+\.\d+", raw):
        shape = "ip"
    elif _SHORT_HOSTS.match(raw):
        shape = "shortener"
    elif "://" in low:
        shape = "scheme"
    elif low.startswith("www."):
        shape = "www"
    elif re.search(r"[/?#]", raw):
        shape = "bare+path"
    else:
        shape = "bare"
    if raw != low and raw != raw.upper():
        shape += "+mixedcase"
    elif raw == raw.upper() and any(c.isalpha() for c in raw):
        shape += "+caps"
    before = text[start - 1] if start else ""
    if before in "([{<":
        shape += "+paren"
    elif before in "\"'“‘`":
        shape += "+quote"
    return shape


def date_shape(text: str, start: int, end: int) -> str:
    """The shape class of the DATE ``text[start:end]`` (several marks joined by ``+``)."""
    raw = text[start:end]
    marks = [name for name, rx in _DATE_MARKS if rx.search(raw)]
    num = re.search(r"\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?", raw)
    if num and not _MONTH_WORD.search(raw):
        parts = re.split(r"[/.\-]", num.group(0))
        marks.append("numeric:" + ("ymd" if len(parts[0]) == 4 else "dmy" if len(parts) == 3 else "dm"))
    if not marks:
        marks.append("year-only" if re.fullmatch(r"(?:19|20)\d\d", raw.strip()) else "other")
    if "\n" in raw:
        marks.append("wrapped")
    return "+".join(marks)


def loss(s: int, e: int, kind: str, calls: dict[str, Any], final: list[Any]) -> str:
    """The loss class of the gold span ``[s, e)`` of ``kind``."""
    hits = _ov(final, s, e)
    mine = [d for d in hits if d.type == kind]
    if mine:
        cover = {i for d in mine for i in range(max(s, d.start), min(e, d.end))}
        if len(cover) < e - s:
            return "cut"
        return "whole" if any(d.start == s and d.end == e for d in mine) else "joined"
    if hits:
        return "typed-otherwise:" + "/".join(sorted({d.type for d in hits}))
    if not _ov(calls.get("rules", []), s, e) and not _ov(calls.get("learned", []), s, e):
        return "never-proposed"
    return "dropped"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", required=True)
    ap.add_argument("--rows", action="store_true", help="print lost spans (open splits only)")
    args = ap.parse_args()
    calls = record_calls()
    tally: Counter[tuple[str, ...]] = Counter()
    for split, doc, final in measured(args.split, calls):
        for s, e, kind in doc.pii:
            if kind not in ("URL", "DATE"):
                continue
            shape = (url_shape if kind == "URL" else date_shape)(doc.text, s, e)
            cls = loss(s, e, kind, calls, final)
            tally[(split, doc.language, kind, shape, cls)] += 1
            if args.rows and cls != "whole":
                hits = [f"{d.type}@{d.detector}:{d.text!r}" for d in _ov(final, s, e)]
                print(f"ROW {doc.id}\t{kind}\t{shape}\t{cls}\t{doc.text[s:e]!r}\t{hits}")
        for d in final:
            if d.type not in ("URL", "DATE"):
                continue
            if any(g[2] == d.type and g[0] < d.end and d.start < g[1] for g in doc.pii):
                continue
            under = sorted({g[2] for g in doc.pii if g[0] < d.end and d.start < g[1]})
            tally[(split, doc.language, d.type, "-", "false:" + ("/".join(under) or "none"))] += 1
            if args.rows:
                print(f"ROW {doc.id}\tfalse {d.type}\t{d.detector}\t{d.text!r}")
    for key, n in sorted(tally.items()):
        print("\t".join(key), n, sep="\t")
    total: Counter[tuple[str, str]] = Counter()
    for (_split, _lang, kind, _shape, cls), n in tally.items():
        total[(kind, cls)] += n
    print("totals:", dict(sorted(total.items())))


if __name__ == "__main__":
    main()
