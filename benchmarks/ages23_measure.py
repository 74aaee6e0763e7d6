"""ages23's measurement (issue 11): gold AGE spans that no final detection overlaps, classed by shape and context.

Every gold AGE span of the given splits (default: the four sets left out of BASE's model) that no final detection
overlaps is classed, counts only, by

* ``shape``: ``digits`` (``34``), ``digits+unit`` (``34 tahun``, ``22thn``), ``words`` (``tiga puluh``,
  ``forty-one``, with or without a unit), ``decade`` (``40-an``, ``tiga puluhan``, ``in her forties``, ``kepala
  empat``, ``20s``, a range ``30-35``);
* ``whose``: ``self`` when a first-person word stands in its clause before it, else ``other``;
* ``cue``: where the nearest age cue sits: ``clause`` (an age word in its clause), ``sentence``, ``question``
  (the last question before its line asked an age), ``list`` (its line holds three numbers or more), ``form`` (its
  line is a ``Label: value`` or table line), ``none``;
* the named21 pass that lost it (``never-proposed``, ``stage-dropped``...).

``--rows FILE`` writes the missed spans with their text, for open training splits only (it refuses the four sets
and anything outside ``OPEN_SPLITS``). Run: ``PYTHONPATH=src python3 benchmarks/ages23_measure.py [--split NAME ...]
[--rows FILE]``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune26", "seal25", "spent39", "spent40")
_DECADE = re.compile(
    r"(?i:\d0[- ]?an\b|\d0['’]?s\b|puluhan|puluahan|ties\b|kepala|kapalo|\d[ \t]*(?:-|–|to|sampai|sampe)[ \t]*\d)"
)
_UNIT = re.compile(r"(?i:\d[ \t]*(?:th|thn|tahun|taun|taon|tahunan|yrs?|years?|y\.?o|bulan|months?)\b)")
_CUE = re.compile(
    r"(?i:\b(?:umur|usia|umua|umurnya|usianya|umua\w*|old|age|aged|ages|birthday|ulang[ \t]+tahun|ultah|born|"
    r"lahir|kelahiran|turn(?:s|ed|ing)?|tahun|taun|taon|thn|years?|yrs?|yo)\b)"
)
_SELF = re.compile(
    r"(?i:\b(?:i|i'm|i’m|me|my|mine|saya|aku|ambo|awak|gue|gua|gw|sy|ane|kulo|abdi|beta|umurku|usiaku)\b)"
)
_OTHER = re.compile(
    r"(?i:\b(?:he|she|he's|she's|his|her|they|their|him|dia|beliau|inyo|nya|anak\w*|adik\w*|kakak\w*|abang\w*|"
    r"ibu\w*|bapak\w*|ayah\w*|suami\w*|istri\w*|cucu\w*|son|daughter|mum|mom|dad|wife|husband|kids?|brother|"
    r"sister|eldest|youngest|[A-Z][a-z]+)\b)"
)
_AGE_Q = re.compile(r"(?i:how[ \t]+old|\bage\b|\b(?:umur|usia|umua)\w*|berapa[ \t]+(?:tahun|taun))")
_NUMS = re.compile(
    r"\d+|(?i:\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\b)"
)


_UNIT_WORD = re.compile(r"(?i:\b(?:tahun|taun|taon|thn|years?|yrs?|old)\b)")
_KINWORD = re.compile(
    r"(?i:(?:anak|adik|adiak|kakak|cucu|son|daughter|mum|mom|dad|mother|father|brother|sister|wife|husband|sulung|"
    r"bungsu|kecil|ketek|tengah|tangah|gadang|eldest|youngest|middle|one)\w*)$"
)
_ASPECT = re.compile(r"(?i:is|was|'s|baru|sudah|udah|alah|lah|masih|hampir|nearly|just|almost|kini|sekarang)$")


def anchor(text: str, s: int, e: int, final: list[Any]) -> str:
    """Whether another AGE detection sits in the same sentence: before it, after it, or none."""
    ls = max(text.rfind(c, 0, s) for c in ".?!\n") + 1
    le = min([x for x in (text.find(c, e) for c in ".?!\n") if x >= 0] or [len(text)])
    ages = [d for d in final if d.type == "AGE" and ls <= d.start and d.end <= le]
    if any(d.end <= s for d in ages):
        return "age-before"
    return "age-after" if ages else "none"


def before(text: str, s: int) -> str:
    """The class of what stands right before the span: a comma, a capitalised word, a kin or birth-order word, an
    aspect word or hedge, a line start, or another word."""
    left = text[max(0, s - 40) : s].rstrip(" \t")
    if not left or left.endswith(("\n", ":")):
        return "line-start"
    if left.endswith((",", "(")):
        return "comma"
    word = re.split(r"[ \t]+", left)[-1]
    if _KINWORD.search(word):
        return "kin"
    if _ASPECT.search(word):
        return "aspect"
    if word[:1].isupper():
        return "capitalised"
    return "word"


def shape(t: str) -> str:
    if _DECADE.search(t):
        return "decade"
    if re.search(r"\d", t):
        return "digits+unit" if _UNIT.search(t) else "digits"
    return "words"


def cue(text: str, s: int, e: int) -> str:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    cs = max(text.rfind(c, ls, s) for c in ",;.?!") + 1 or ls
    cs = max(cs, ls)
    ce = min([x for x in (text.find(c, e, le) for c in ",;.?!") if x >= 0] or [le])
    if _CUE.search(text, cs, s) or _CUE.search(text, e, ce):
        return "clause"
    ss = max(text.rfind(c, ls, s) for c in ".?!") + 1 or ls
    ss = max(ss, ls)
    se = min([x for x in (text.find(c, e, le) for c in ".?!") if x >= 0] or [le])
    if _CUE.search(text, ss, s) or _CUE.search(text, e, se):
        return "sentence"
    before = text[max(0, ls - 400) : ls]
    q = [ln for ln in before.split("\n") if "?" in ln]
    if q and _AGE_Q.search(q[-1]):
        return "question"
    line = text[ls:le]
    if re.match(r"[ \t]*[\w ]{1,25}:[ \t]*\S", line) and len(line) < 60 or "|" in line:
        return "form"
    if len(_NUMS.findall(line)) >= 3:
        return "list"
    return "none"


def whose(text: str, s: int) -> str:
    ls = text.rfind("\n", 0, s) + 1
    cs = max(ls, max(text.rfind(c, ls, s) for c in ".?!") + 1)
    sent = text[cs:s]
    line = text[ls:s]
    body = re.sub(r"^[^:]{1,30}:[ \t]*", "", line)
    sent = sent if cs > ls else body
    return "self" if _SELF.search(sent) and not _OTHER.search(sent[-40:]) else "other"


def main() -> None:
    from edges22_measure import split_args  # type: ignore[import-not-found]
    from named21_measure import classify, record_calls  # type: ignore[import-not-found]

    args, splits = split_args(FOUR)

    calls = record_calls()
    spans: Counter[tuple[str, ...]] = Counter()
    chars: Counter[tuple[str, ...]] = Counter()
    gold = 0
    rows = []
    other: Counter[tuple[str, str]] = Counter()
    untyped = 0
    ctx: Counter[tuple[str, str]] = Counter()
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            calls.clear()
            final = detect(doc.text, language=doc.language)
            for s, e, kind in doc.pii:
                if kind != "AGE":
                    continue
                gold += 1
                over = [d for d in final if d.start < e and s < d.end]
                untyped += not any(d.type == "AGE" for d in over)
                if over:
                    if all(d.type != "AGE" for d in over):
                        other[(doc.language, "+".join(sorted({d.type for d in over})))] += 1
                    continue
                t = doc.text[s:e]
                ctx[("anchor", anchor(doc.text, s, e, final))] += 1
                ctx[("before", before(doc.text, s))] += 1
                ctx[("unit", str(bool(_UNIT_WORD.search(t))))] += 1
                ctx[("words", str(min(len(t.split()), 5)))] += 1
                lost = (
                    classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                    if calls.get("n") == 1
                    else "chunked"
                )
                key = (doc.language, shape(t), whose(doc.text, s), cue(doc.text, s, e), lost)
                spans[key] += 1
                chars[key] += e - s
                if args.rows:
                    ls = doc.text.rfind("\n", 0, s) + 1
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "class": list(key),
                            "text": t,
                            "left": doc.text[max(ls, s - 80) : s],
                            "right": doc.text[e : e + 50].split("\n")[0],
                            "prev": doc.text[max(0, ls - 200) : ls].split("\n")[-2:],
                        }
                    )
    n = sum(spans.values())
    print(f"gold AGE spans {gold}, not overlapped by an AGE {untyped}, by nothing {n} ({sum(chars.values())} chars)")
    for i, name in enumerate(("language", "shape", "whose", "cue", "lost")):
        c: Counter[str] = Counter()
        for k, v in spans.items():
            c[k[i]] += v
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    c = Counter()
    for k, v in spans.items():
        c[f"{k[1]}/{k[3]}"] += v
    print("shape x cue: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    c = Counter()
    for k, v in spans.items():
        c[f"{k[0]}/{k[3]}"] += v
    print("language x cue: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    for name in ("anchor", "before", "unit", "words"):
        print(f"{name}: " + ", ".join(f"{k[1]} {v}" for k, v in ctx.most_common() if k[0] == name))
    print("overlapped by other types only: " + ", ".join(f"{'/'.join(k)} {v}" for k, v in other.most_common()))
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
