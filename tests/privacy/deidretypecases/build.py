"""Build the gold JSON of the type cases of branch deidretype (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (7 of 18 cases, drawn with ``random.Random(20261205)``
before any change to the precision stage) is scored by aggregates only. The cases were written for this
branch's gap (types of named spans) before any change: the same string as an employer and as a place (a hotel,
a kos, a shop, a restaurant after "worked at" / "kerja di" and after "stayed at" / "tinggal di" / "nginap di"),
firms named like people and streets named like firms, people named like places, lower-case chat, English
and Indonesian.

Usage: ``python tests/privacy/deidretypecases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
