"""Build the gold JSON of the PERSON cases of branch deidperson6, round fourteen (#11), from their sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (8 of 20 cases, drawn with
``random.Random(20261206).sample`` over the sorted case names before any detector change) is scored by
aggregates only. The cases were written for this round's PERSON gap before any detector change, from the
KINDS of PERSON spans found under another type on the round-thirteen unseen sets (never their strings): a
police or military rank before a surname, a name in apposition after a relation phrase ending in a place or
group word, a family named "the" + plural surname, three-part South Asian and Arabic-origin names, a name
whose last part is a place, persons named in a transcript header that defines speaker labels, an ordinary
word explained as a name, a chosen name in quotes, a short form of a name given earlier; and false positives:
header-defined speaker labels and respect words of another language used as common nouns. Padang/West Sumatra
interviews in Minang-coloured Indonesian and London rider interviews.

Usage: ``python tests/privacy/deidperson6cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
