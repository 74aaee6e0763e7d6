"""ages29's measurement (issue 11): every gold AGE and DATE span and every false AGE/DATE, classed, counts only.

Over the given splits (default: the four sets left out of BASE's model, ``tune31 seal30 spent49 spent50``), every
gold AGE or DATE span is classed by

* ``outcome``: ``exact`` / ``over`` / ``cut-left`` / ``cut-right`` / ``cut-both`` (ages26's classes, an AGE or DATE
  detection of the gold type), ``as:TYPE@detector`` (only another type overlaps it), ``missed:<pass>`` (nothing
  overlaps it; named21's pass that lost it: ``never-proposed``, ``dropped-by-learned`` (the learned layer's checks),
  ``stage-dropped`` (the precision stage), ``later-dropped``);
* ``language``;
* ``before`` (the cue right before the span): for AGE ``umur`` (umur/usia/umua and their forms), ``aged`` (aged,
  age, ages, old), ``name`` (a gold or found PERSON ends within 12 characters before), ``bracket`` (an open bracket
  right before), ``comma`` (a comma right before), ``kin`` (a kin or birth-order noun right before), ``none``; for
  DATE ``tanggal`` (tanggal/tgl/tgl./date), ``on`` (on/pada/hari/sejak/since/from/until/sampai), ``born``
  (lahir/born), ``none``;
* ``form``: for AGE ``digits``, ``digits+unit``, ``words``, ``regional`` (Minang/Javanese/Sundanese words),
  ``decade``, ``range``, ``correction`` (``eh``, ``I mean``, ``maksud saya``, ``no,`` between two numbers); for
  DATE ``day+month-name``, ``month-name+day``, ``numeric-pair`` (``12/3``, ``12-03``), ``numeric-full`` (with a
  year), ``month-name+year``, ``words`` (day in words), ``weekday``, ``other``.

Every final AGE or DATE that overlaps no gold span of its type is classed by language, detector and the gold type
under it. Counts only; nothing of a span's text is printed. ``--dev`` adds the shared dev corpus. Run:
``PYTHONPATH=src python3 benchmarks/ages29_measure.py [--split NAME ...] [--type AGE|DATE]``.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from ages26_measure import outcome as age_outcome  # type: ignore[import-not-found]
from ages26_measure import shape as age_shape
from named21_measure import classify, measured, record_calls  # type: ignore[import-not-found]

FOUR = ("tune31", "seal30", "spent49", "spent50")
_MONTH = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:et|ch)?|apr(?:il)?|mei|may|jun[ei]?|jul[iy]?|agu?s(?:tus)?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|des(?:ember)?|dec(?:ember)?|"
    r"januari|pebruari|nopember|agustus)\.?"
)
_WEEKDAY = (
    r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_CORRECTION = re.compile(r"(?i:\b(?:eh|ehh|em|I mean|maksud(?:nya| saya| aku)?|no|bukan|salah|sorry|maaf)\b)")
_UMUR = re.compile(r"(?i:\b(?:umur|usia|umua|umurnya|usianya|umurku|usiaku|umuanyo)\w*[ \t:,]*(?:\w+[ \t]+){0,2}$)")
_AGED = re.compile(r"(?i:\b(?:aged|age|ages|old|turn(?:s|ed|ing)?)\b[ \t:,]*(?:\w+[ \t]+){0,1}$)")
_KIN = re.compile(
    r"(?i:\b(?:anak|adik|adiak|kakak|cucu|son|daughter|mum|mom|dad|mother|father|brother|sister|wife|husband|sulung|"
    r"bungsu|eldest|youngest|suami|istri|ibu|bapak|ayah|mama|papa|nenek|kakek|amak|apak)\w*[ \t]*(?:is|was|'s|"
    r"sudah|udah|alah|baru|su)?[ \t]*$)"
)


def age_before(text: str, s: int, persons: list[tuple[int, int]]) -> str:
    left = text[max(0, s - 40) : s]
    if _UMUR.search(left):
        return "umur"
    if _AGED.search(left):
        return "aged"
    stripped = left.rstrip(" \t")
    if stripped.endswith("("):
        return "bracket"
    if any(s - 12 <= pe <= s for _ps, pe in persons):
        return "name"
    if stripped.endswith(","):
        return "comma"
    if _KIN.search(left):
        return "kin"
    return "none"


def age_form(t: str) -> str:
    if re.search(r"\S[ \t,]+", t) and _CORRECTION.search(t) and len(re.findall(r"\d+|\w+", t)) >= 3:
        return "correction"
    return age_shape(t)


_D_BEFORE = (
    ("tanggal", re.compile(r"(?i:\b(?:tanggal|tgl\.?|tangga|date[sd]?|dated)[ \t:]*$)")),
    ("born", re.compile(r"(?i:\b(?:lahir|born|kelahiran)\b[ \t\w]{0,12}$)")),
    (
        "on",
        re.compile(
            r"(?i:\b(?:on|pada|hari|sejak|since|from|until|till|sampai|sampe|by|before|after|sebelum|"
            r"sesudah|setelah|tiap|every)\b[ \t]*(?:the[ \t]+)?$)"
        ),
    ),
)


def date_before(text: str, s: int) -> str:
    left = text[max(0, s - 30) : s]
    for name, rx in _D_BEFORE:
        if rx.search(left):
            return name
    return "none"


def date_form(t: str) -> str:
    low = t.lower()
    has_year = bool(re.search(r"\b(?:19|20)\d\d\b|'\d\d\b", low))
    if re.search(rf"\b{_WEEKDAY}\b", low):
        return "weekday"
    if re.search(rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t.,-]*(?:of[ \t]+)?{_MONTH}", low):
        return "day+month-name" + ("+year" if has_year else "")
    if re.search(rf"{_MONTH}[ \t.,-]*\d{{1,2}}(?:st|nd|rd|th)?\b", low) and not re.search(
        rf"{_MONTH}[ \t]*\d{{4}}", low
    ):
        return "month-name+day" + ("+year" if has_year else "")
    if re.search(_MONTH, low):
        return "month-name+year" if has_year else "month-name"
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}", low.strip()):
        return "numeric-pair"
    if re.search(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}", low):
        return "numeric-full"
    if re.fullmatch(r"(?:19|20)\d\d", low.strip()):
        return "year"
    if not re.search(r"\d", low):
        return "words"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--type", action="append", default=[])
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    kinds = tuple(args.type or ("AGE", "DATE"))
    calls = record_calls()
    gold: Counter[tuple[str, ...]] = Counter()
    false: Counter[tuple[str, ...]] = Counter()
    n_pred: Counter[str] = Counter()
    for _split, doc, final in measured(splits, calls):
        persons = [(s, e) for s, e, k in doc.pii if k == "PERSON"]
        persons += [(d.start, d.end) for d in final if d.type == "PERSON"]
        for s, e, kind in doc.pii:
            if kind not in kinds:
                continue
            over = [d for d in final if d.start < e and s < d.end]
            same = [d for d in over if d.type == kind]
            out, det = "", ""
            if same:
                if kind == "AGE":
                    out, det = age_outcome(s, e, over)
                else:
                    lo, hi = min(d.start for d in same), max(d.end for d in same)
                    best = max(same, key=lambda d: min(e, d.end) - max(s, d.start))
                    det = best.detector
                    out = ("exact" if (lo, hi) == (s, e) else "over") if lo <= s and hi >= e else "cut"
            elif over:
                best = max(over, key=lambda d: min(e, d.end) - max(s, d.start))
                out, det = f"as:{best.type}", best.detector
            elif calls.get("n") == 1:
                out = "missed:" + classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
            else:
                out = "missed:chunked"
            t = doc.text[s:e]
            if kind == "AGE":
                key = (kind, doc.language, out, det or "-", age_before(doc.text, s, persons), age_form(t))
            else:
                key = (kind, doc.language, out, det or "-", date_before(doc.text, s), date_form(t))
            gold[key] += 1
        for d in final:
            if d.type not in kinds:
                continue
            n_pred[d.type] += 1
            under = [g for g in doc.pii if g[0] < d.end and d.start < g[1]]
            if any(g[2] == d.type for g in under):
                continue
            under_kinds = "+".join(sorted({g[2] for g in under})) or "none"
            false[(d.type, doc.language, d.detector, under_kinds)] += 1
    print(f"splits {' '.join(splits)}")
    names = ("language", "outcome", "detector", "before", "form")
    for kind in kinds:
        rows = {k: v for k, v in gold.items() if k[0] == kind}
        fl = {k: v for k, v in false.items() if k[0] == kind}
        print(f"== {kind}: gold {sum(rows.values())}, final {n_pred[kind]}, false {sum(fl.values())}")
        for i, name in enumerate(names, start=1):
            c: Counter[str] = Counter()
            for k, v in rows.items():
                c[k[i]] += v
            print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
        bad = {k: v for k, v in rows.items() if k[2] not in ("exact", "over")}
        if bad:
            print("  not found whole (language/outcome/detector/before/form):")
            for k, v in sorted(bad.items(), key=lambda kv: -kv[1]):
                print(f"    {v:3d} " + " / ".join(k[1:]))
        for i, name in enumerate(("language", "detector", "gold under"), start=1):
            c = Counter()
            for k, v in fl.items():
                c[k[i]] += v
            print(f"  false {name}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))


if __name__ == "__main__":
    main()
