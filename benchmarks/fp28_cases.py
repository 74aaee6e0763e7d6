"""Score fp28's cases (``tests/privacy/fp28cases``): false detections of ordinary words (issue #11).

Each line is ``KIND<TAB>LANGUAGE<TAB>TEXT`` as in :mod:`deid_struct_cases` (`` / `` a line break): a span in
``[[...]]`` must be found as KIND, a span in ``{{...}}`` must be left alone by a detection of ANY type (an
ordinary word, a number of another kind, a folder's name). The open table is tuned on; the sealed third
(``--sealed``) prints figures only.

    PYTHONPATH=src python3 benchmarks/fp28_cases.py [--sealed]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_struct_cases import main  # noqa: E402  (one scorer of case tables: this is its fp28cases table)

if __name__ == "__main__":
    sys.exit(main(["--table", "fp28cases", "--breaks", "--any-type", *sys.argv[1:]]))
