"""survey24's timing (trial13 #2): reading a survey and storing it as a source and a case per respondent.

Fictional answers of random Indonesian words, two open questions and two attributes, written as CSV and as .xlsx
by the tests' builders (``tests/importers/survey_files.py``); each is read (``read_survey``) and imported into a
new SQLite project (``import_survey``)::

    PYTHONPATH=src python3 benchmarks/survey24_bench.py [N ...]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "importers"))
from survey_files import survey_csv, survey_xlsx  # noqa: E402

import makna  # noqa: E402
from makna.importers.survey import read_survey  # noqa: E402

WORDS = "saya suka kerja di sini karena teman ramah gaji tepat waktu jam panjang pelanggan jalan pagi sore".split()


def main(counts: list[int]) -> None:
    rng = random.Random(24)

    def answer() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))

    for n in counts:
        rows = [
            [
                f"R{i}",
                rng.choice(["18-24", "25-34", "35-44"]),
                rng.choice(["Medan", "Leeds", "Bogor"]),
                answer(),
                answer(),
            ]
            for i in range(n)
        ]
        for kind, data in (("csv", survey_csv(rows=rows).encode()), ("xlsx", survey_xlsx(rows=rows))):
            t = time.perf_counter()
            read_survey(Path(f"s.{kind}"), data)
            read = time.perf_counter() - t
            with tempfile.TemporaryDirectory() as d:
                path = Path(d) / f"s.{kind}"
                path.write_bytes(data)
                with makna.create_project(str(Path(d) / "p.makna"), "bench", coder="bench") as proj:
                    t = time.perf_counter()
                    done = makna.import_survey(proj, path)
                    total = time.perf_counter() - t
            print(
                f"{kind} {n} respondents, {len(data) / 1e6:.1f} MB: read {read:.2f} s, read+store {total:.2f} s "
                f"({len(done.sources)} sources, {done.cases.added} cases)",
                flush=True,
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000])
