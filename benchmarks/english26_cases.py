"""Score english26's cases (``tests/privacy/english26cases``): a name, then its given name or short form alone (#11).

Each line is ``KIND<TAB>LANGUAGE<TAB>TEXT`` as in :mod:`deid_struct_cases` (`` / `` a line break): a span in
``[[...]]`` must be found as KIND, a span in ``{{...}}`` (a given name that is also an ordinary word, used as the
word) must be left alone by a detection of ANY type. The open table is tuned on; the sealed third (``--sealed``)
prints figures only. ``--whole``: a span must be found whole.

    PYTHONPATH=src python3 benchmarks/english26_cases.py [--sealed] [--whole]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_struct_cases import main  # noqa: E402  (one scorer of case tables: this is its english26cases table)

if __name__ == "__main__":
    sys.exit(main(["--table", "english26cases", "--breaks", "--any-type", "--by-language", *sys.argv[1:]]))
