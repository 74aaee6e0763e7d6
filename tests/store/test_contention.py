"""Writers that meet: rows made once however many ask at once (threads, processes), and a project
locked by another writer waited for, then refused in one line (#12)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import ProjectBusyError
from makna.store import busy_timeout

TEXT = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh"


def _prepare(location: str) -> None:
    with makna.create_project(location, "Race", coder="setup") as p:
        makna.import_text(p, "a.txt", TEXT)
        makna.add_code(p, "k", "Kode")


def _coders(location: str) -> list[str]:
    with makna.open_project(location) as p:
        return [c.name for c in p.coders()]


def test_first_writes_of_a_new_coder_from_eight_threads_all_succeed(project_location: str) -> None:
    """Each thread opens the project as the same new coder and codes at the same moment: every
    coding is kept, and the coder exists once."""
    _prepare(project_location)
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            with makna.open_project(project_location, coder="baru") as p:
                barrier.wait(timeout=30)
                makna.code_span(p, "a.txt", i, i + 2, "k")
                makna.define_attribute(p, "umur", "integer")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert _coders(project_location) == ["baru"]
    with makna.open_project(project_location) as p:
        assert len(makna.retrieve(p, coder="baru")) == 8
        assert [a.name for a in makna.list_attributes(p)] == ["umur"]


_WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import makna
    location, i, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    with makna.open_project(location, coder="baru") as p:
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.005)
        makna.code_span(p, "a.txt", i, i + 2, "k")
    print("done", flush=True)
""")


def test_first_writes_of_a_new_coder_from_eight_processes_all_succeed(project_location: str,
                                                                    tmp_path: Path) -> None:
    _prepare(project_location)
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", _WORKER, project_location, str(i), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(8)]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        go.touch()
        outs = [proc.communicate(timeout=120) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    assert [(proc.returncode, err) for proc, (_out, err) in zip(procs, outs, strict=True)] == [(0, "")] * 8
    assert _coders(project_location) == ["baru"]
    with makna.open_project(project_location) as p:
        assert len(makna.retrieve(p, coder="baru")) == 8


class _Lock:
    """Another program holding the write lock of an SQLite project (``BEGIN IMMEDIATE``)."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


@pytest.fixture
def sqlite_project(tmp_path: Path) -> str:
    location = str(tmp_path / "study.makna")
    _prepare(location)
    return location


def test_a_held_lock_gives_one_line_and_changes_nothing(sqlite_project: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKNA_BUSY_TIMEOUT", "0.3")
    lock = _Lock(sqlite_project)
    try:
        started = time.monotonic()
        result = CliRunner().invoke(app, ["code", "k", "-p", sqlite_project, "-s", "a.txt", "--span", "0:4"])
        waited = time.monotonic() - started
    finally:
        lock.release()
    assert result.exit_code == ProjectBusyError.exit_code
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {sqlite_project}: the project is busy") and "try again" in lines[0]
    assert 0.3 <= waited < 5
    with makna.open_project(sqlite_project) as p:
        assert makna.retrieve(p) == []


def test_a_write_waits_for_a_lock_released_in_time(sqlite_project: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Longer than SQLite's own wait of one attempt, shorter than makna's patience: the write is
    made, once."""
    monkeypatch.setenv("MAKNA_BUSY_TIMEOUT", "20")
    lock = _Lock(sqlite_project)
    timer = threading.Timer(1.6, lock.release)
    timer.start()
    try:
        with makna.open_project(sqlite_project, coder="ana") as p:
            makna.code_span(p, "a.txt", 0, 4, "k")
            assert len(makna.retrieve(p)) == 1
    finally:
        timer.join()


@pytest.mark.parametrize(("value", "expected"), [("", 30.0), ("2.5", 2.5), ("-1", 0.0), ("soon", 30.0),
                                                 ("nan", 30.0)])
def test_busy_timeout_setting(monkeypatch: pytest.MonkeyPatch, value: str, expected: float) -> None:
    monkeypatch.setenv("MAKNA_BUSY_TIMEOUT", value)
    assert busy_timeout() == expected


def test_a_unique_value_taken_meanwhile_is_a_one_line_conflict(project: makna.Project) -> None:
    """What a check-then-insert race leaves (two people adding the same code at the same moment on
    the team server) is a ConflictError, and the transaction is rolled back."""
    from sqlalchemy import insert

    from makna.errors import ConflictError
    from makna.model import new_id, utcnow
    from makna.store import tables

    makna.add_code(project, "k")
    with pytest.raises(ConflictError, match=r"^the change was refused: .*(UNIQUE|unique).*nothing was changed$"):
        with project.store.write("tester", "test.race", {}) as conn:
            conn.execute(insert(tables.coders).values(id=new_id(), name="x", kind="person", created_at=utcnow()))
            conn.execute(insert(tables.codes).values(id=new_id(), key="k", name="again", parent_id=None,
                                                     color="#000000", position=1, keywords=[]))
    assert "x" not in [c.name for c in project.coders()]
    assert [c.key for c in makna.list_codes(project)] == ["k"]
