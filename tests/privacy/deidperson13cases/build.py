"""Build the gold JSON of the PERSON cases of branch deidperson3, round thirteen (#11), from their sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (8 of 18 cases, drawn with
``random.Random(20261205).sample`` over the sorted case names before any detector change) is scored by
aggregates only. The cases were written for this round's PERSON gap before any detector change, from the
KINDS of PERSON misses and false positives of the round-twelve unseen sets (never their strings): ordinary
words used as chosen or app names, names after a self-correction, vocatives after a speaker label and lists
of thanks, names as the subject of a chat verb, an app account's person-shaped display name (a user name with
digits, dots or underscores stays a HANDLE), names with an appositive of relation or role, Welsh, Tamil,
Eritrean and Lithuanian names, and capitalised ordinary words (Courier, Support, Ojol) that are not names.
Padang/West Sumatra interviews in Minang-coloured Indonesian and London rider interviews.

Usage: ``python tests/privacy/deidperson13cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
