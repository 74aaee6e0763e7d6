"""Score english23's cases (``tests/privacy/english23cases``): English names by shape, Indonesian beside (issue #11).

Each line is ``KIND<TAB>LANGUAGE<TAB>TEXT`` as in :mod:`deid_struct_cases` (`` / `` a line break): a span in
``[[...]]`` must be found as KIND, a span in ``{{...}}`` (a capitalised common noun, a brand used as a tool, a
day, a month, a nationality, a job title) must be left alone by a detection of ANY type. The open table is tuned
on; the sealed third (``--sealed``) prints figures only.

    PYTHONPATH=src python3 benchmarks/english23_cases.py [--sealed]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_struct_cases import main  # noqa: E402  (one scorer of case tables: this is its english23cases table)

if __name__ == "__main__":
    sys.exit(main(["--table", "english23cases", "--breaks", "--any-type", "--by-language", *sys.argv[1:]]))
