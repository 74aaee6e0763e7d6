"""english23's measurement (issue 11): English against Indonesian, by class, on splits BASE's model never saw.

For every gold span of the given splits (default: the four left out of BASE's model) the span is put in a loss class
by ``named21_measure.classify`` (found, found-edge, never-proposed, dropped-by-learned, stage-dropped,
later-dropped, mistyped) and in a *shape* read from the gold alone (:func:`shape`): a speaker or chat-sender label,
a person with an honorific, a nickname (a naming cue before it), a first name or a surname alone (the one word is
the first or the last word of a longer gold PERSON of the same document), a full name, a one-word place, a
multi-word place with a type word, another multi-word place, an employer named by one invented word (no type word,
not in the dictionary of ordinary words), an organisation with a type word, another organisation. Every final
detection that is not right (``prec22_measure.classify``) is counted by language, type, detector family and the
shape of the detected text; the gold characters no final detection covers (the leak) are counted by shape and
class. Only counts are printed: no span's text, so it may run on the sets left out.
Run: ``PYTHONPATH=src python3 benchmarks/english23_measure.py [--split NAME ...]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from named21_measure import _ov, classify, record_calls  # noqa: E402
from prec22_measure import classify as classify_false  # noqa: E402

from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune25", "seal24", "spent37", "spent38")

HONORIFICS = frozenset(
    "mr mrs ms miss dr prof sir madam aunty auntie uncle pastor father sister brother rev chief"
    " pak bu ibu bapak mas mbak kak bang om tante haji hajjah ustaz ustadz mbah eyang cik koh ci".split()
)
NAMING = re.compile(
    r"(?i)(?:call(?:s|ed)?\s+(?:me|her|him|them)|known\s+as|nickname[ds]?|dipanggil|panggil(?:an)?(?:nya)?|"
    r"panggilannya|namanya|name'?s)\W*$"
)
PLACE_WORDS = frozenset(
    "street st road rd avenue ave lane close drive way crescent rise estate park hill township suburb county"
    " district village town city state province region parish ward market bridge square court gardens terrace"
    " jalan jl gang gg kampung kampong desa kelurahan kecamatan kabupaten kota dusun perumahan komplek kompleks"
    " blok pasar pulau gunung sungai rt rw".split()
)
ORG_WORDS = frozenset(
    "ltd limited inc plc llc pty co company corp group holdings bank hospital clinic school college university"
    " church mosque council ministry services logistics foods farm farms shop store stores market motors"
    " pt cv ud tbk koperasi yayasan sekolah rumah sakit puskesmas toko warung bengkel universitas dinas kantor"
    " kementerian masjid gereja pondok pesantren sma smp sd smk".split()
)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'.-]*", text)


def _ordinary() -> frozenset[str]:
    for p in ("/usr/share/dict/words", "/usr/share/dict/american-english", "/usr/share/dict/british-english"):
        if Path(p).exists():
            return frozenset(w.strip().lower() for w in Path(p).read_text(errors="ignore").splitlines())
    return frozenset()


ORDINARY = _ordinary()


def shape(text: str, s: int, e: int, kind: str, persons: list[str]) -> str:
    """The shape class of the gold span ``text[s:e]`` of type ``kind`` (``persons``: the document's gold PERSONs)."""
    span = text[s:e]
    line_start = text.rfind("\n", 0, s) + 1
    left = text[line_start:s]
    right = text[e : e + 3]
    if right.lstrip().startswith(":") and re.fullmatch(r"[\s\[\]\d:./,APMapm-]*", left):
        return "label"
    words = _words(span)
    prev = _words(left)[-1:] if _words(left) else []
    if kind == "PERSON":
        if prev and prev[0].lower().rstrip(".") in HONORIFICS:
            return "person-honorific"
        if NAMING.search(left[-30:]) or re.search(r"['\"“‘]\s*$", left):
            return "person-nickname"
        if len(words) <= 1:
            longer = [_words(p) for p in persons if len(_words(p)) > 1]
            if any(w[0] == span for w in longer):
                return "person-first-alone"
            if any(w[-1] == span for w in longer):
                return "person-surname-alone"
            return "person-one-word"
        return "person-full"
    if kind == "LOCATION":
        if len(words) <= 1:
            return "place-one-word"
        if any(w.lower().rstrip(".") in PLACE_WORDS for w in words):
            return "place-typeword"
        return "place-multi"
    if kind == "ORG":
        if any(w.lower().rstrip(".") in ORG_WORDS for w in words):
            return "org-typeword"
        if len(words) == 1 and words[0].lower() not in ORDINARY:
            return "org-invented-word"
        return "org-other"
    return kind


def _lost(cls: str) -> str:
    if cls in ("found", "found-edge"):
        return cls
    return ":".join(cls.split(":")[:2]) if cls.startswith("mistyped") else cls


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    args = ap.parse_args()
    calls = record_calls()
    gold_by: Counter[tuple[str, str]] = Counter()
    lost_by: Counter[tuple[str, str, str]] = Counter()
    false_by: Counter[tuple[str, str, str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    leak_by: Counter[tuple[str, str, str]] = Counter()
    for split in args.split or list(FOUR):
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            calls.clear()
            final = detect(doc.text, language=doc.language)
            if calls.get("n") != 1:
                print(f"{doc.id}: {calls.get('n')} chunks, skipped")
                continue
            persons = [doc.text[s:e] for s, e, k in doc.pii if k == "PERSON"]
            lang = doc.language
            for s, e, kind in doc.pii:
                cls = _lost(classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final))
                shp = shape(doc.text, s, e, kind, persons)
                gold_by[(lang, shp)] += 1
                totals[(lang, "gold")] += 1
                totals[(lang, "gold-chars")] += e - s
                cover = {i for d in _ov(final, s, e) for i in range(max(s, d.start), min(e, d.end))}
                if len(cover) < e - s:
                    leak_by[(lang, shp, cls)] += e - s - len(cover)
                    totals[(lang, "leaked-chars")] += e - s - len(cover)
                if cls == "found":
                    continue
                totals[(lang, cls)] += 1
                fam = ",".join(sorted({d.detector.split(".")[0] for d in _ov(final, s, e)})) or "-"
                lost_by[(lang, shp, f"{cls} [{fam}]")] += 1
            for d in final:
                fc = classify_false(d.start, d.end, d.type, list(doc.pii))
                totals[(lang, "detections")] += 1
                if fc == "tp":
                    continue
                totals[(lang, "false:" + fc)] += 1
                shp = shape(doc.text, d.start, d.end, d.type, persons)
                false_by[(lang, fc, shp, d.detector.split(".")[0])] += 1
    for lang in ("en", "id"):
        print(f"== {lang}: " + " ".join(f"{k[1]}={n}" for k, n in sorted(totals.items()) if k[0] == lang))
        print("  gold by shape: " + " ".join(f"{k[1]}={n}" for k, n in sorted(gold_by.items()) if k[0] == lang))
        print(
            "  leaked characters (shape, class): "
            + " ".join(f"{k[1]}/{k[2]}={n}" for k, n in sorted(leak_by.items(), key=lambda kv: -kv[1]) if k[0] == lang)
        )
        print("  lost or cut (shape, class [final detector families over it]):")
        for k, n in sorted(lost_by.items(), key=lambda kv: (-kv[1], kv[0])):
            if k[0] == lang:
                print(f"    {n:3d} {k[1]:22s} {k[2]}")
        print("  false detections (class, shape of detected text, detector family):")
        for k2, n in sorted(false_by.items(), key=lambda kv: (-kv[1], kv[0])):
            if k2[0] == lang:
                print(f"    {n:3d} {k2[1]:20s} {k2[2]:22s} {k2[3]}")


if __name__ == "__main__":
    main()
