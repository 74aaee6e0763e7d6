"""Score the PERSON cases of branch deidperson5 (``tests/privacy/deidperson5cases``) (issue #11).

Short fictional interviews whose names need context (no honorific, names that are words, unlisted traditions,
chat names). Scored as ``deid_prec2_cases.py`` scores its cases: ``tune/`` is open (figures, then every false
positive and miss, with the detector that made each false positive); ``--sealed`` prints the sealed part's
aggregate figures only (precision and recall overall, by language and by type, overlap and strict), never a
span.

    python benchmarks/deid_person4_cases.py            # tune part, with every error
    python benchmarks/deid_person4_cases.py --sealed   # sealed part, figures only
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deid_prec2_cases  # noqa: E402

deid_prec2_cases.CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "deidperson5cases"

if __name__ == "__main__":
    sys.exit(deid_prec2_cases.main())
