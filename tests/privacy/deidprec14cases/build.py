"""Build the gold JSON of the round-fourteen precision cases (``tune/``, ``sealed/``) from their marked-up sources
(issue #11).

Written for branch ``deidprec3`` of round fourteen: 18 short fictional transcripts of the reference study's kind
(Indonesian informants in Padang who meet clients through chat apps, English gig riders in London), crowded
with words that only look like identifiers: ethnic groups and peoples after "urang"/"orang"/"suku"/"etnis"/
"keturunan"/"bangsa" and English ethnonyms ("a Yoruba man", "Tamils"), acronyms of documents and appliances
("NIK", "KTP", "AC", "ATM", "NI number", "MOT", "A&E"), Minang and informal sentence openers ("Baitu",
"Kironyo", "Temenku"), speaker labels named in speech ("Peserta 1") and clock times ("6 a.m"), around true
identifiers (a place after "urang"/"dari"/"asal", a regency named like its people). ``sealed/`` was split off at
random (seed 20261214, four Indonesian and three English) before any detector change and is scored for
aggregates only.

Usage: ``python tests/privacy/deidprec14cases/build.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
