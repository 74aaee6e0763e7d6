"""Build the gold JSON of the round-eleven precision cases (``tune/``, ``sealed/``) from their marked-up sources
(issue #11).

Written for branch ``deidprec2`` of round eleven: 18 short fictional transcripts of the reference study's kind
(Indonesian informants in Padang who meet clients through chat apps, English gig riders in London), crowded
with words and numbers that are no identifier (capitalised words opening a sentence, apps and brands used as
tools, job titles, religious and national words, days, months, holidays, money, clock times, counts, years,
vehicle models, speaker labels of several styles) around true identifiers. ``sealed/`` was split off at random
(seed 20261205, four per language) before any detector change and is scored for aggregates only.

Usage: ``python tests/privacy/deidprec11cases/build.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
