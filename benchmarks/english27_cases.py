"""Score english27's cases (``tests/privacy/english27cases``): a person named like a place (#11).

Each line is ``KIND<TAB>LANGUAGE<TAB>TEXT`` as in :mod:`deid_struct_cases` (`` / `` a line break): a span in
``[[...]]`` must be found as KIND, a span in ``{{...}}`` (a title, a day, an app used as a word) must be left
alone by a detection of ANY type. The open table is tuned on; the sealed third (``--sealed``) prints figures only.
``--whole``: a span must be found whole.

    PYTHONPATH=src python3 benchmarks/english27_cases.py [--sealed] [--whole]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_struct_cases import main  # noqa: E402  (one scorer of case tables: this is its english27cases table)

if __name__ == "__main__":
    sys.exit(main(["--table", "english27cases", "--breaks", "--any-type", "--by-language", *sys.argv[1:]]))
