"""struct24's measurement (issue #11): structured gold spans missed or cut, and addresses found as pieces, by class.

Builds on ``struct23_measure`` (its shape and document-cue classes) and ``named21_measure`` (where a span is lost).
For every gold span of a structured type (NATIONAL_ID, DATE, URL, PHONE, EMAIL, HANDLE, PLATE) of the given
splits a span not found whole is counted by language, type, class, shape (:func:`form`: spaced, dotted, in words,
foreign) and where its cue word stands (:func:`reach`: same clause, line, turn before, none) and what line it is on
(:func:`line_kind`: a chat line, a form line, speech). Every gold ADDRESS is counted as found whole, cut, found as
pieces (and the pieces' types) or never proposed. Counts only go to stdout; ``--rows FILE`` writes every lost span
(open splits only: never on a sealed or left-out set). Run:
``PYTHONPATH=src python3 benchmarks/struct24_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from named21_measure import classify, record_calls  # noqa: E402
from struct23_measure import cue, shape  # noqa: E402

from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune26", "seal25", "spent39", "spent40")
TYPES = frozenset({"NATIONAL_ID", "DATE", "URL", "PHONE", "EMAIL", "HANDLE", "PLATE"})
_CUES = {
    "PHONE": r"telp|telepon|tel|phone|hp|handphone|ponsel|nomor|no\.?|number|mobile|cell|wa|whatsapp|call|hubungi|"
    r"kontak",
    "HANDLE": r"ig|instagram|insta|akun|account|username|user|handle|twitter|tiktok|x|telegram|facebook|fb|threads",
    "PLATE": r"plat|pelat|nopol|plate|registration|rego|reg|mobil|motor|car|bike|kendaraan|vehicle",
    "EMAIL": r"e-?mail|surel|email",
    "URL": r"web|website|situs|link|tautan|site|page|halaman",
}
_CHAT = re.compile(r"^\s*(?:\[?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\]?|\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}[:.]\d\d)")
_FORM = re.compile(r"^\s*[A-Za-z][\w ./()-]{0,30}:\s*\S")


_SPEAKER = re.compile(r"^[ \t]*([\w .'’-]{1,24}):[ \t]", re.MULTILINE)


def line_kind(text: str, start: int) -> str:
    """A chat line (a clock or date stamp first), a form line (a short label, a colon and a short value, the
    turn's speaker label aside: a label that starts two lines or more is a speaker), or speech."""
    line0 = text.rfind("\n", 0, start) + 1
    line = text[line0 : text.find("\n", start) if "\n" in text[start:] else len(text)]
    if _CHAT.match(line):
        return "chat"
    labels = Counter(m.group(1).strip() for m in _SPEAKER.finditer(text))
    head = _SPEAKER.match(line)
    if head is not None and labels[head.group(1).strip()] >= 2:
        line = line[head.end() :]
    if _FORM.match(line) and len(line.split(":", 1)[0].split()) <= 3 and len(line.split(":", 1)[1].split()) <= 8:
        return "form"
    return "speech"


def form(kind: str, value: str) -> str:
    """A coarse format class (no value printed)."""
    if kind in ("NATIONAL_ID", "URL", "DATE"):
        return shape(kind, value)
    if re.search(r"[A-Za-z]{3,}", value) and kind in ("PHONE", "PLATE") and len(re.findall(r"\d", value)) < 4:
        return "in-words"
    if kind == "PHONE":
        if value.startswith("+") and not value.startswith("+62"):
            return "foreign"
        return "spaced" if " " in value else "dotted" if "." in value else "dashed" if "-" in value else "plain"
    if kind == "PLATE":
        return "spaced" if " " in value else "dashed" if "-" in value else "plain"
    if kind == "HANDLE":
        return "at" if value.startswith("@") else "no-at"
    return "-"


def reach(text: str, kind: str, start: int) -> str:
    """Where the nearest cue word of ``kind`` stands before ``start`` (struct23's ``cue`` for identity numbers)."""
    if kind == "NATIONAL_ID":
        return cue(text, start)
    if kind not in _CUES:
        return "-"
    rx = re.compile(rf"(?i)(?<![\w\-])(?:{_CUES[kind]})(?![\w\-])")
    line0 = text.rfind("\n", 0, start) + 1
    before = text[line0:start]
    clause = re.split(r"[,;:.!?](?=\s)", before)[-1]
    if rx.search(clause):
        return "same-clause"
    if rx.search(before):
        return "same-line"
    prev = text.rfind("\n", 0, max(0, line0 - 1)) + 1
    prev = text.rfind("\n", 0, max(0, prev - 1)) + 1
    return "turn-before" if rx.search(text[prev:line0]) else "none"


def address_class(s: int, e: int, final: list[Any]) -> str:
    """Whole, cut, pieces (with the pieces' types) or never, for one gold ADDRESS."""
    ov = [d for d in final if d.start < e and s < d.end]
    if not ov:
        return "never"
    whole = [d for d in ov if d.type == "ADDRESS" and d.start <= s and d.end >= e]
    if whole:
        return "whole"
    if len(ov) == 1 and ov[0].type == "ADDRESS":
        return "cut"
    return "pieces:" + "+".join(sorted({d.type for d in ov}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    calls = record_calls()
    totals: Counter[tuple[str, str]] = Counter()
    lost: Counter[tuple[str, ...]] = Counter()
    addr: Counter[tuple[str, str]] = Counter()
    rows = []
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            spans = [(s, e, k) for s, e, k in doc.pii if k in TYPES or k == "ADDRESS"]
            if not spans:
                continue
            calls.clear()
            final = detect(doc.text, language=doc.language)
            if calls.get("n") != 1:
                continue
            for s, e, kind in spans:
                if kind == "ADDRESS":
                    ac = address_class(s, e, final)
                    addr[(doc.language, ac)] += 1
                    if args.rows and ac != "whole":
                        rows.append(
                            {
                                "split": split,
                                "doc": doc.id,
                                "gold": kind,
                                "cls": ac,
                                "text": doc.text[s:e],
                                "final": [
                                    f"{x.type}@{x.detector}:{x.text}" for x in final if x.start < e and s < x.end
                                ],
                            }
                        )
                    continue
                totals[(doc.language, kind)] += 1
                cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                if cls == "found":
                    continue
                key = (
                    doc.language,
                    kind,
                    cls,
                    form(kind, doc.text[s:e]),
                    reach(doc.text, kind, s),
                    line_kind(doc.text, s),
                )
                lost[key] += 1
                if args.rows:
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "gold": kind,
                            "cls": cls,
                            "key": key[3:],
                            "text": doc.text[s:e],
                            "left": doc.text[max(0, s - 90) : s],
                            "right": doc.text[e : e + 40],
                            "final": [f"{x.type}@{x.detector}:{x.text}" for x in final if x.start < e and s < x.end],
                        }
                    )
    print("gold by (language, type):", dict(sorted(totals.items())))
    print("lost or cut by (language, type, class, form, cue, line):")
    for k, n in sorted(lost.items(), key=lambda kv: (kv[0][1], -kv[1])):
        print(f"  {n:3d} {k}")
    print("ADDRESS by (language, class):")
    for k, n in sorted(addr.items()):
        print(f"  {n:3d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
