"""Build the gold JSON of the PERSON cases of branch deidperson5 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (8 of 18 cases, drawn with
``random.Random(20261205)`` before any detector change) is scored by aggregates only. The cases were written
for this branch's gap before any detector change, from the kinds of PERSON misses of round ten's private sets
(never their strings): self-introductions inside an answer ("Namaku ...", "I'm ..."), nicknames after verbs
of calling (Indonesian, Minang, English), names after kin words in apposition, after verbs of speech and
contact, account and identity-card names ("di MiChat namanya ...", "his name on the app was ..."), one-word
answers, surnames alone, coordinations, lower-case names mid-sentence, names that are ordinary words.

Usage: ``python tests/privacy/deidperson5cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
