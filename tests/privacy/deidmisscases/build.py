"""Build the gold JSON of the untyped-recall cases of branch deidmiss (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (7 of 18 cases, drawn with
``random.Random(20261205).sample`` before any detector change) is scored by aggregates only. The cases were
written for this branch's gap (identifiers not found at all, or found one part short) before any detector
change, from the KINDS of misses of the open sets (never their strings): names with a trailing initial
("Tomasz K.", "Rudi H" as a chat sender), names with particles or titles inside ("dos", "van der", "bin",
"Br.", "Datuak"), unit words and comma-joined parts of addresses ("Flat 9, Harcourt House, 52 ... Road,
N17 6PB"; "Jl. ... No. 14, RT 03/RW 02"), names after "go by", "known as", "dipanggia", lists of names and
one-word answers, a full name opening an answer.

Usage: ``python tests/privacy/deidmisscases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
