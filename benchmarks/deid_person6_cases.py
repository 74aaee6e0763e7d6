"""Score branch deidperson6's own cases (``tests/privacy/deidperson6cases``): PERSON and confusion (#11).

Prints, for the ``tune`` part (default) or the ``sealed`` part (``--sealed``): typed recall and precision,
untyped recall, PERSON recall and precision, typed recall per language, and the confusion of the PERSON
gold spans (found as PERSON, under another type, missed) and the PERSON false alarms' count. ``--errors``
(tune only) lists every PERSON miss and false alarm with the detector; the sealed part prints figures only.

    python benchmarks/deid_person6_cases.py [--sealed] [--errors]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate_documents, load_gold
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "deidperson6cases"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed part (figures only)")
    parser.add_argument("--errors", action="store_true", help="list the tune part's PERSON errors")
    args = parser.parse_args()
    docs = load_gold(CASES / ("sealed" if args.sealed else "tune"))
    found: dict[str, list[Detection]] = {}

    def run(text: str, language: str) -> list[Detection]:
        found[text] = detect(text, language=language)
        return found[text]

    rep = evaluate_documents(docs, run)
    d = rep.as_dict()
    per = d["per_type"].get("PERSON", {})
    langs = " ".join(f"{k} {v.overall.recall:.3f}" for k, v in sorted(rep.by_language.items()))
    print(
        f"typed R {d['overall']['recall']:.3f} P {d['overall']['precision']:.3f} untyped R "
        f"{d['untyped']['recall']:.3f} | PERSON gold {per.get('gold', 0)} R {per.get('recall', 1):.3f} "
        f"P {per.get('precision', 1):.3f} | typed R by language: {langs}"
    )
    print("confusion:", {t: d["confusion"][t] for t in sorted(d["confusion"])})
    if args.errors and not args.sealed:
        for doc in docs:
            dets = found[doc.text]
            for s, e, t in doc.pii:
                hit = [x for x in dets if x.start < e and s < x.end]
                if not any(x.type == t for x in hit):
                    got = "; ".join(f"{x.type}/{x.detector} {doc.text[x.start : x.end]!r}" for x in hit) or "missed"
                    print(f"MISS {doc.id} {t} {doc.text[s:e]!r}: {got}")
            for x in dets:
                if not any(s < x.end and x.start < e for s, e, _t in doc.pii):
                    print(f"FP   {doc.id} {x.type}/{x.detector} {x.confidence:.2f} {doc.text[x.start : x.end]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
