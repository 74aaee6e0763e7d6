"""english25's measurement (issue 11): where English leaks identifying characters, by finer shape, on unseen sets.

Builds on ``english23_measure`` (its shapes and loss classes, ``named21_measure.classify``) and counts, for every gold
span of the given splits (default: the four sets left out of BASE's model), the characters no final detection covers
(the leak) by language, gold type, *how* it leaked (``missed``: no final detection over it at all; ``cut``: partly
covered; ``typed-wrong-covered``: covered by another type, not a leak), the pass responsible (the loss class and
the detector families that proposed it before the learned layer), and a finer shape read from the gold alone:

* persons: ``header`` (a chat, meeting or e-mail header line), ``label`` (a speaker label), ``honorific``,
  ``nickname``, ``initial-surname`` (``J. Mwangi``), ``given-alone`` / ``surname-alone`` (the first or last word
  of a longer gold name of the same document), ``one-word``, ``full``;
* places: ``street-no-number`` (a street type word and no digit), ``estate-suburb`` (one or two words ending in an
  estate or suburb word, or one word the gazetteer does not know), ``place-typeword``, ``place-multi``,
  ``place-one-word`` (known to the gazetteer);
* organisations: ``school-church`` (school, college, church, mosque...), ``org-invented-word``, ``org-typeword``,
  ``org-other``;
* ``age-words`` / ``age-digits``, ``date-words`` / ``date-digits``; any other type by its name.

Only counts are printed (no span's text), so it may run on the sets left out.
Run: ``PYTHONPATH=src python3 benchmarks/english25_measure.py [--split NAME ...] [--lang en]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from english23_measure import _lost, _words, shape  # noqa: E402
from named21_measure import _ov, classify, record_calls  # noqa: E402

from makna.privacy import gazetteers as gz  # noqa: E402
from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune27", "seal26", "spent41", "spent42")

STREET_WORDS = frozenset(
    "street st road rd avenue ave lane ln close drive dr way crescent cres terrace row place pl boulevard blvd"
    " highway hwy jalan jl jln gang gg".split()
)
ESTATE_WORDS = frozenset(
    "estate estates heights gardens park village township suburb flats towers court mews grove vale perumahan"
    " komplek kompleks griya residence".split()
)
SCHOOL_CHURCH = frozenset(
    "school college academy university church chapel cathedral mosque masjid gereja sekolah parish temple"
    " seminary pesantren madrasah".split()
)
HEADER = re.compile(
    r"(?im)^(?:\[?[\d:./ -]{4,}\]?\s*[-,]?\s*|from:|to:|cc:|attendees?:|present:|participants?:|chair:|"
    r"minutes?\b|meeting\b|>+\s*)"
)
MONTHS = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januari|februari|maret|april|mei|juni|juli|"
    r"agustus|september|oktober|november|desember|january|february|march|june|july|august|october|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|senin|selasa|rabu|kamis|jumat|sabtu|minggu|"
    r"christmas|easter|lebaran|new year)"
)


def _known_place(word: str) -> bool:
    return word in gz.all_places()


def shape25(text: str, s: int, e: int, kind: str, persons: list[str]) -> str:
    """The finer shape of the gold span ``text[s:e]`` of type ``kind``."""
    span = text[s:e]
    words = _words(span)
    low = [w.lower().rstrip(".") for w in words]
    base = shape(text, s, e, kind, persons)
    line_start = text.rfind("\n", 0, s) + 1
    line = text[line_start : text.find("\n", e) if text.find("\n", e) >= 0 else len(text)]
    if kind == "PERSON":
        if HEADER.match(line) and base != "label":
            return "person-header"
        if base in ("person-one-word", "person-full") and re.fullmatch(
            r"[A-Z]\.?\s*[A-Z]\.?\s+\S+|[A-Z]\.\s*\S+", span
        ):
            return "person-initial-surname"
        return base
    if kind in ("LOCATION", "ADDRESS"):
        if any(w in STREET_WORDS for w in low) and not re.search(r"\d", span):
            return f"{kind.lower()}-street-no-number"
        if kind == "ADDRESS":
            return "address-with-number" if re.search(r"\d", span) else "address-other"
        if low and low[-1] in ESTATE_WORDS and len(words) <= 3:
            return "place-estate-suburb"
        if base == "place-one-word" and not _known_place(span):
            return "place-one-word-unknown"
        return base
    if kind == "ORG":
        if any(w in SCHOOL_CHURCH for w in low):
            return "org-school-church"
        return base
    if kind == "AGE":
        return "age-digits" if re.search(r"\d", span) else "age-words"
    if kind == "DATE":
        return "date-digits" if re.search(r"\d", span) and not MONTHS.search(span) else "date-words"
    return kind


def cut_part(text: str, s: int, e: int, cover: set[int]) -> str:
    """Where the uncovered characters of a cut span lie (``left``, ``right``, ``inner``) and what they are: a
    hyphen's other half, a capitalised word, a lower-case word (a particle or a connector), punctuation only."""
    gaps: list[tuple[int, int]] = []
    i = s
    while i < e:
        if i in cover:
            i += 1
            continue
        j = i
        while j < e and j not in cover:
            j += 1
        gaps.append((i, j))
        i = j
    sides = sorted({"left" if a == s else "right" if b == e else "inner" for a, b in gaps})
    bits = set()
    for a, b in gaps:
        part = text[a:b].strip()
        if not re.search(r"\w", part):
            bits.add("punct")
        elif (a > s and text[a - 1] == "-") or (b < e and text[b] == "-") or part.startswith("-") or part.endswith("-"):
            bits.add("hyphen-half")
        elif re.search(r"(?<![\w'])[A-ZÀ-Þ]", part):
            bits.add("capitalised")
        else:
            bits.add("lower")
    return "+".join(sides) + ":" + "+".join(sorted(bits))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--lang", action="append", default=[])
    args = ap.parse_args()
    langs = args.lang or ["en", "id"]
    calls = record_calls()
    tot: Counter[tuple[str, str]] = Counter()
    leak: Counter[tuple[str, str, str, str]] = Counter()
    leak_type: Counter[tuple[str, str, str]] = Counter()
    spans: Counter[tuple[str, str, str, str]] = Counter()
    for split in args.split or list(FOUR):
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            if doc.language not in langs:
                continue
            calls.clear()
            final = detect(doc.text, language=doc.language)
            if calls.get("n") != 1:
                print(f"{doc.id}: {calls.get('n')} chunks, skipped")
                continue
            persons = [doc.text[s:e] for s, e, k in doc.pii if k == "PERSON"]
            lang = doc.language
            for s, e, kind in doc.pii:
                tot[(lang, "gold")] += 1
                tot[(lang, "gold-chars")] += e - s
                cover = {i for d in _ov(final, s, e) for i in range(max(s, d.start), min(e, d.end))}
                left = e - s - len(cover)
                if not left:
                    continue
                how = "missed" if not cover else "cut " + cut_part(doc.text, s, e, cover)
                cls = _lost(classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final))
                prop = ",".join(sorted({d.detector.split(".")[0] for d in _ov(calls["rules"], s, e)})) or "-"
                fin = ",".join(sorted({d.detector for d in _ov(final, s, e)})) or "-"
                shp = shape25(doc.text, s, e, kind, persons)
                tot[(lang, "leaked-chars")] += left
                tot[(lang, f"{how.split()[0]}-spans")] += 1
                tot[(lang, f"{how.split()[0]}-chars")] += left
                leak[(lang, shp, how, f"{cls} [rules:{prop}] [final:{fin}]")] += left
                spans[(lang, shp, how, f"{cls} [rules:{prop}] [final:{fin}]")] += 1
                leak_type[(lang, kind, how.split()[0])] += left
    for lang in langs:
        print(f"== {lang}: " + " ".join(f"{k[1]}={n}" for k, n in sorted(tot.items()) if k[0] == lang))
        gc = tot[(lang, "gold-chars")] or 1
        print(f"   leak of gold characters (uncovered): {100 * tot[(lang, 'leaked-chars')] / gc:.1f} %")
        print(
            "   leaked characters by gold type and how: "
            + " ".join(
                f"{k[1]}/{k[2]}={n}" for k, n in sorted(leak_type.items(), key=lambda kv: -kv[1]) if k[0] == lang
            )
        )
        by_shape: Counter[str] = Counter()
        for k, n in leak.items():
            if k[0] == lang:
                by_shape[k[1]] += n
        print("   leaked characters by shape: " + " ".join(f"{k}={n}" for k, n in by_shape.most_common()))
        print("   chars spans  shape                       how     class [rules proposing] [final detectors over it]")
        for k, n in sorted(leak.items(), key=lambda kv: (-kv[1], kv[0])):
            if k[0] == lang:
                print(f"   {n:5d} {spans[k]:5d}  {k[1]:27s} {k[2]:28s} {k[3]}")


if __name__ == "__main__":
    main()
