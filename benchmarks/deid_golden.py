"""Golden digest of what ``makna.privacy.detect`` finds, for speed work that must not change any output (#11).

Runs ``detect`` over every document of the shared dev corpus (``../shared/eval-corpus/dev``), every open split
of ``tests/privacy/corpus/*/`` (a sealed split kept for blind scoring is never read) and the first 2 MB of
``deid_bench``'s synthetic corpus, and writes one line per document: its name and the SHA-256 of every
detection (start, end, type, confidence, detector). Each corpus document also runs in its other language,
lower-cased, upper-cased and with two known names, so that the case-folding and known-name paths are covered
too. Only the texts are read, never the gold annotations.

Run: ``python benchmarks/deid_golden.py [--out FILE] [--check FILE]``; ``--check`` compares with a digest
written earlier and exits non-zero naming the documents that differ.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from makna.privacy import detect
from makna.privacy.train import OPEN_SPLITS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT.parent / "shared" / "eval-corpus" / "dev",
    *(ROOT / "tests/privacy/corpus" / split for split in sorted(OPEN_SPLITS) if split != "dev"),
]
"""The open splits (the learned layer's training allowlist); a split kept for blind scoring is never read."""


def _documents() -> Iterator[tuple[str, str, str]]:
    for folder in SOURCES:
        for path in sorted(folder.glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and isinstance(doc.get("text"), str):
                yield f"{folder.name}/{path.stem}", doc["text"], str(doc.get("language", "id"))


def _bench_corpus(megabytes: float) -> str:
    spec = importlib.util.spec_from_file_location("deid_bench", ROOT / "benchmarks" / "deid_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.corpus(megabytes)
    return text


def _digest(text: str, language: str, names: tuple[str, ...] = ()) -> str:
    dets = detect(text, language=language, known_names=names)
    rows = [(d.start, d.end, d.type, d.confidence, d.detector) for d in dets]
    return f"{len(rows)} {hashlib.sha256(repr(rows).encode()).hexdigest()[:24]}"


def digests() -> dict[str, str]:
    """Document name (with its variant) to the digest of its detections."""
    out: dict[str, str] = {}
    for name, text, language in _documents():
        other = "en" if language == "id" else "id"
        out[name] = _digest(text, language)
        out[f"{name} [{other}]"] = _digest(text, other)
        out[f"{name} [lower]"] = _digest(text.lower(), language)
        out[f"{name} [upper]"] = _digest(text.upper(), language)
        out[f"{name} [names]"] = _digest(text, language, ("Siti", "Okafor"))
    bench = _bench_corpus(2.0)
    out["bench-2mb"] = _digest(bench, "id")
    out["bench-2mb [en]"] = _digest(bench[:500_000], "en", ("Okafor",))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, help="write the digest here")
    parser.add_argument("--check", type=Path, help="compare with this digest")
    args = parser.parse_args()
    t = time.perf_counter()
    found = digests()
    lines = [f"{k}\t{v}" for k, v in found.items()]
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} documents digested in {time.perf_counter() - t:.1f} s")
    if args.check:
        want = dict(line.split("\t", 1) for line in args.check.read_text(encoding="utf-8").splitlines() if line)
        bad = sorted(k for k in want.keys() | found.keys() if want.get(k) != found.get(k))
        for k in bad:
            print(f"DIFFERS: {k}: was {want.get(k)} now {found.get(k)}")
        print("identical" if not bad else f"{len(bad)} documents differ")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
