"""edges26's measurement (issue 11): identifiers found only in part, and spans found too long, by class.

For every gold span of the given splits (default: the four sets left out of BASE's model) the script counts:

* ``cut``: a final detection overlaps it but a character of it is uncovered (the leak of a span found in part),
  by language, gold type, side (``left``, ``right``, ``inner``: a gap), and the detector family and the last
  pass (the detector name's last ``+`` suffix: ``edges``, ``number``, ``unit``...) of the detection covering most;
* ``missed``: no final detection overlaps it (its characters all leak);
* ``long``: a final detection runs past the gold span it overlaps: ``joined`` when it overlaps two gold spans or
  more (by the gold types it joins and its own type), ``over`` when it takes text outside any gold span (by side).

Aggregates only go to stdout. ``--rows FILE`` writes the spans with their text for open training splits only (it
refuses the four sets left out and every sealed one, as ``edges22_measure.py`` does). Run:
``cd benchmarks && PYTHONPATH=../src:. python3 edges26_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from edges22_measure import sides, split_args  # type: ignore[import-not-found]

from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune28", "seal27", "spent43", "spent44")


def last_pass(det: Any) -> str:
    """The detector family and the last pass that reshaped the detection (``address+edges``)."""
    name = str(det.detector)
    parts = name.split("+")
    return parts[0].split(".")[0] + ("+" + parts[-1] if len(parts) > 1 else "")


def shapes(text: str, s: int, e: int, final: list[Any]) -> list[str]:
    """The shape of each uncovered run of ``[s, e)``: ``punct`` (a dash, a comma), ``numeral`` (a Roman numeral or a
    number), ``Word`` (capitalised words), ``word`` (lower-case words), ``mixed``."""
    cov = [False] * (e - s)
    for d in final:
        for i in range(max(s, d.start), min(e, d.end)):
            cov[i - s] = True
    out = []
    for m in re.finditer(r"(?:0)+", "".join("1" if c else "0" for c in cov)):
        run = text[s + m.start() : s + m.end()].strip()
        if not run or not any(ch.isalnum() for ch in run):
            out.append("punct")
        elif re.fullmatch(r"[,.]?[ \t]*(?:[IVX]+|\d+[A-Za-z]?)[.,]?", run):
            out.append("numeral")
        elif re.fullmatch(r"[,.]?[ \t]*(?:[A-Z][\w'’.\-]*[ \t]*)+[,.]?", run):
            out.append("Word")
        elif re.fullmatch(r"[,.]?[ \t]*(?:[a-z][\w'’.\-]*[ \t]*)+[,.]?", run):
            out.append("word")
        else:
            out.append("mixed")
    return out


def main() -> None:
    args, splits = split_args(FOUR)
    c: Counter[tuple[str, ...]] = Counter()
    gold_chars = 0
    rows = []
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            final = detect(doc.text, language=doc.language)
            lang = doc.language
            for s, e, kind in doc.pii:
                gold_chars += e - s
                ov = [d for d in final if d.start < e and s < d.end]
                if not ov:
                    c[("missed", lang, kind)] += e - s
                    c[("missed-spans", lang, kind)] += 1
                    continue
                left, right, inner = sides(s, e, final)
                if left + right + inner == 0:
                    continue
                best = max(ov, key=lambda d: min(e, d.end) - max(s, d.start))
                for side, n in (("left", left), ("right", right), ("inner", inner)):
                    if n:
                        c[("cut", lang, kind, side, last_pass(best))] += n
                c[("cut-spans", lang, kind)] += 1
                for shape in shapes(doc.text, s, e, final):
                    c[("cut-shape", lang, kind, shape, last_pass(best))] += 1
                if args.rows:
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "cls": "cut",
                            "gold": kind,
                            "sides": [left, right, inner],
                            "text": doc.text[s:e],
                            "ctx": doc.text[max(0, s - 50) : e + 40],
                            "final": [f"{d.type}@{d.detector}:{d.text}" for d in ov],
                        }
                    )
            for d in final:
                golds = [g for g in doc.pii if g[0] < d.end and d.start < g[1]]
                if not golds:
                    continue
                lo, hi = min(g[0] for g in golds), max(g[1] for g in golds)
                if len(golds) > 1:
                    key = "+".join(g[2] for g in sorted(golds))
                    c[("joined", lang, f"{d.type}<-{key}", last_pass(d))] += 1
                    if args.rows:
                        rows.append(
                            {
                                "split": split,
                                "doc": doc.id,
                                "cls": "joined",
                                "det": f"{d.type}@{d.detector}",
                                "text": d.text,
                                "gold": [doc.text[g[0] : g[1]] + "/" + g[2] for g in golds],
                            }
                        )
                for side, n in (("left", lo - d.start), ("right", d.end - hi)):
                    if n > 0:
                        c[("over", lang, d.type, side, last_pass(d))] += n
    leaked = sum(n for k, n in c.items() if k[0] in ("cut", "missed"))
    print(f"gold chars {gold_chars}, leaked {leaked} ({100 * leaked / max(gold_chars, 1):.2f}%)")

    def table(title: str, cls: str, key: Any) -> None:
        t: Counter[str] = Counter()
        for k, n in c.items():
            if k[0] == cls:
                t[key(k)] += n
        print(f"{title}: " + ", ".join(f"{k} {n}" for k, n in t.most_common()))

    table("leaked chars cut/missed by language", "cut", lambda k: k[1])
    table("  missed chars by language", "missed", lambda k: k[1])
    table("cut chars by type", "cut", lambda k: f"{k[1]}/{k[2]}")
    table("cut spans by type", "cut-spans", lambda k: f"{k[1]}/{k[2]}")
    table("missed spans by type", "missed-spans", lambda k: f"{k[1]}/{k[2]}")
    table("cut chars by type x side", "cut", lambda k: f"{k[2]}/{k[3]}")
    table("cut chars by type x side x pass", "cut", lambda k: f"{k[1]}/{k[2]}/{k[3]}/{k[4]}")
    table("cut runs by shape (lang, type, shape, pass)", "cut-shape", lambda k: "/".join(k[1:]))
    table("joined detections (lang, det<-gold, pass)", "joined", lambda k: "/".join(k[1:]))
    table("over chars (type x side x pass)", "over", lambda k: "/".join(k[1:]))
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
