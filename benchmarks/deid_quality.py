"""De-identification quality on several gold folders, one line each (issue 11): scores only, never misses.

For each folder: typed (overlap) recall and precision, untyped recall, leak rate, PERSON recall, the lowest
recall of a structured type (PHONE, EMAIL, URL, HANDLE, NATIONAL_ID, PLATE, DATE), and recall/precision/leak per
language. Sealed folders are scored this way only, so their misses are never seen.

Run: ``python benchmarks/deid_quality.py [FOLDER ...]`` (default: the shared dev corpus and makna's own corpus,
tuning splits tune to tune6, sealed and sealed2, and seal4).
"""

from __future__ import annotations

import sys
from pathlib import Path

from makna.privacy import evaluate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT.parent / "shared" / "eval-corpus" / "dev",
    ROOT / "tests" / "privacy" / "corpus" / "tune",
    ROOT / "tests" / "privacy" / "corpus" / "tune2",
    ROOT / "tests" / "privacy" / "corpus" / "tune3",
    ROOT / "tests" / "privacy" / "corpus" / "tune4",
    ROOT / "tests" / "privacy" / "corpus" / "tune5",
    ROOT / "tests" / "privacy" / "corpus" / "tune6",
    ROOT / "tests" / "privacy" / "corpus" / "sealed",
    ROOT / "tests" / "privacy" / "corpus" / "sealed2",
    ROOT / "tests" / "privacy" / "corpus" / "seal4",
]
STRUCTURED = ("PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "PLATE", "DATE")


def line(folder: Path) -> str:
    """One Markdown table row of scores for ``folder``."""
    data = evaluate(folder).as_dict()
    per = data["per_type"]
    structured = [per[t]["recall"] for t in STRUCTURED if t in per and per[t]["gold"]]
    langs = " ".join(
        f"{lang}: R {s['recall']:.3f} P {s['precision']:.3f} leak {s['leak_rate']:.3f};"
        for lang, s in data["by_language"].items()
    )
    person = per.get("PERSON", {}).get("recall", 1.0)
    return (
        f"| {folder.name} | {data['documents']} | {data['overall']['gold']} | {data['overall']['recall']:.3f} | "
        f"{data['untyped']['recall']:.3f} | {data['overall']['precision']:.3f} | {data['leak_rate']:.3f} | "
        f"{person:.3f} | {min(structured, default=1.0):.3f} | {langs.rstrip(';')} |"
    )


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or DEFAULT
    print("| split | docs | gold | typed R | untyped R | P | leak | PERSON R | min structured R | by language |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for folder in folders:
        print(line(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
