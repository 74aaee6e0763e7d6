"""Where the words of the suggester's data files (src/makna/suggest/data/*.tsv) occur (#15).

    python benchmarks/suggest_data_audit.py [--dev DIR] [--other DIR] [--only other]

For every word of concepts.tsv, lexicon.tsv and slang_id.tsv: whether it (as written, or by its stem in
either language) occurs in the dev corpus (transcripts and codebook), in the other folder (by default
the repository's held-out split; transcripts only), in both, or in neither. A word found only in the
other folder is one its author can have taken from that text: such words are removed from the data
files unless they are plain general vocabulary of their group. Prints words of the data files only,
never transcript text."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from makna.analysis.stemming import TOKEN, stemmer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "makna" / "suggest" / "data"
DEV = ROOT.parent / "shared" / "eval-corpus" / "dev"
HELDOUT = ROOT / "tests" / "suggest" / "corpus" / "heldout"


def _forms(word: str) -> set[str]:
    w = word.casefold()
    return {w, "id:" + stemmer("id")(w), "en:" + stemmer("en")(w)}


def vocabulary(folder: Path, *, codebook: bool) -> set[str]:
    """Every word of the folder's transcripts (and codebook), as written and stemmed in both languages."""
    texts = []
    for path in sorted(folder.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        if path.name == "codebook.json":
            if codebook:
                texts += [v for cb in d["codebooks"] for c in cb["codes"] for k in ("name", "definition")
                          for v in c[k].values()]
        else:
            texts.append(d["text"])
    out: set[str] = set()
    for t in texts:
        for m in TOKEN.finditer(t):
            out |= _forms(m.group())
    return out


def data_words() -> list[tuple[str, str]]:
    """(file, word) for every word of the data files (each side of a lexicon or slang pair)."""
    out = []
    for name in ("concepts.tsv", "lexicon.tsv", "slang_id.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#") or "\t" not in line:
                continue
            head, rest = line.split("\t", 1)
            words = rest.split() if name == "concepts.tsv" else [head.strip(), rest.strip()]
            out += [(name, w) for w in words]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--other", type=Path, default=HELDOUT)
    ap.add_argument("--only", choices=("dev", "other", "both", "neither"), default=None)
    args = ap.parse_args()
    dev, other = vocabulary(args.dev, codebook=True), vocabulary(args.other, codebook=False)
    for name, word in data_words():
        parts = [w for w in word.replace("-", " ").split() if w]
        in_dev = any(_forms(p) & dev for p in parts)
        in_other = any(_forms(p) & other for p in parts)
        where = {(True, True): "both", (True, False): "dev", (False, True): "other"}.get((in_dev, in_other), "neither")
        if args.only is None or args.only == where:
            print(f"{name}\t{word}\t{where}")


if __name__ == "__main__":
    main()
