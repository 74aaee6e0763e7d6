"""The whole-project leak check of ``tests/privacy/test_deid_project_leaks.py`` over many key secrets.

That test draws a fresh random secret in every run (``KeyMapping``'s default), so a surrogate that shows an
original, or an exception, in one secret out of hundreds looks like a flaky test. This script reviews the dev
corpus once like the test's researcher, then for each secret ``sha256("sweep<N>")``: copies the reviewed project,
applies, codes and cases it as the test's fixture does, and checks every stored table, the JSON, CSV and QDPX
exports and ``reveal`` (warnings are errors, as in the suite). A failing secret is printed with its number, so
that it can be replayed::

    python benchmarks/deid_leak_sweep.py [FIRST] [COUNT]        # default 0 200

The surrogates are a function of the secret alone (the same secret gives the same project under any
``PYTHONHASHSEED``), so the secret is the whole of the test's randomness.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "privacy"))

from sqlalchemy import select  # noqa: E402
from test_deid_project_leaks import PASS, _gold, _originals, _review_like_a_researcher  # noqa: E402

import makna  # noqa: E402
from makna.exchange import export_qdpx, write_json, write_segments_csv  # noqa: E402
from makna.privacy.project_apply import apply, reveal  # noqa: E402
from makna.store import tables  # noqa: E402

pseudonymise_module = sys.modules["makna.privacy.pseudonymise"]  # (``makna.privacy.pseudonymise`` is a function)


class _Secrets:
    """Stands in for the ``secrets`` module inside :mod:`makna.privacy.pseudonymise`: numbered secrets."""

    number = 0

    @classmethod
    def token_hex(cls, n: int) -> str:
        return hashlib.sha256(f"sweep{cls.number}".encode()).hexdigest()[: 2 * n]


def _found(originals: set[str], blob: str) -> list[str]:
    return sorted(s for s in originals if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", blob))


def _one(base: Path, work: Path, docs: list[dict], originals: set[str]) -> list[str]:
    for old in work.glob("*"):
        old.unlink()
    path, key = work / "study.makna", work / "dev.key"
    shutil.copy(base, path)
    problems: list[str] = []
    with makna.open_project(str(path), coder="tester") as project:
        apply(project, key, PASS, mode="surrogate")
        makna.add_code(project, "c", "A code")
        makna.add_case(project, "Case 1")
        for doc in docs:
            makna.code_turn(project, f"{doc['id']}.txt", 2, "c")
            makna.link_source(project, "Case 1", f"{doc['id']}.txt")
        problems += [f"reveal {d['id']}" for d in docs if reveal(project, f"{d['id']}.txt", key, PASS) != d["text"]]
        with project.store.read() as conn:
            for table in tables.metadata.sorted_tables:
                rows = json.dumps([list(r) for r in conn.execute(select(table)).all()], default=str, ensure_ascii=False)
                problems += [f"{table.name}: {s}" for s in _found(originals, rows)]
        write_json(project, work / "p.json")
        write_segments_csv(project, work / "p.csv")
        export_qdpx(project, work / "p.qdpx")
    for name in ("p.json", "p.csv"):
        problems += [f"{name}: {s}" for s in _found(originals, (work / name).read_text(encoding="utf-8"))]
    with zipfile.ZipFile(work / "p.qdpx") as zf:
        for member in zf.namelist():
            problems += [f"qdpx {member}: {s}" for s in _found(originals, zf.read(member).decode("utf-8", "replace"))]
    return problems


def main(first: int = 0, count: int = 200) -> int:
    warnings.simplefilter("error")
    warnings.filterwarnings("ignore", "The Result.tuples", DeprecationWarning)  # as the test does
    shared = ROOT.parent / "shared"
    docs = _gold(shared)
    originals = _originals(docs)
    pseudonymise_module.secrets = _Secrets  # type: ignore[attr-defined]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "reviewed.makna"
        with makna.create_project(str(base), "Test project", coder="tester") as project:
            for doc in docs:
                makna.import_text(project, f"{doc['id']}.txt", doc["text"], language=doc["language"])
            _review_like_a_researcher(project, docs)
        work = Path(tmp) / "run"
        work.mkdir()
        start = time.perf_counter()
        for number in range(first, first + count):
            _Secrets.number = number
            try:
                problems = _one(base, work, docs, originals)
            except Exception:  # an exception is a failure of the test as much as a leak
                problems = [traceback.format_exc(limit=3)]
            if problems:
                failed += 1
                print(f"secret sweep{number}: {problems}", flush=True)
    took = time.perf_counter() - start
    print(f"{count} secrets (sweep{first}..sweep{first + count - 1}), {failed} failed; {took / count:.1f} s each")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:3])))
