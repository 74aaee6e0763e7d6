"""Build the gold JSON of the PERSON cases of branch deidperson4 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (8 of 18 cases (4 per language), drawn with
``random.Random(20261204)`` before any detector change) is scored by aggregates only. The cases were written
for this branch's gap before any detector change: names of traditions the lists lack (Minang, Mentawai, Batak,
Javanese, Chinese-Indonesian, Arabic-origin, Yoruba, Igbo, Polish, Romanian, Brazilian, Tamil), names in
lists and coordinations, surnames alone after a full name, lower-case chat names and chat senders, names
after kin words and verbs of calling, meeting and blocking.

Usage: ``python tests/privacy/deidperson4cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
