"""makna copy: a project file copied at one moment, with what the write-ahead log still holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import InputError

TEXT = "P: Bagaimana awalnya?\nI: Saya mulai pakai aplikasi tahun lalu.\nP: Kenapa?\nI: Lebih aman.\n"


def _project(path: Path, passphrase: str | None = None) -> None:
    with makna.create_project(str(path), "Studi", coder="ana", passphrase=passphrase) as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.add_code(proj, "mot", "Motif")


def _count(proj: makna.Project) -> int:
    from sqlalchemy import func, select

    from makna.store import tables

    with proj.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(tables.segments)).scalar() or 0)


def test_a_copy_holds_what_the_log_holds_while_a_reader_keeps_it_back(tmp_path: Path) -> None:
    path = tmp_path / "studi.makna"
    _project(path)
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sources").fetchone()  # an open read: no checkpoint can pass it
    try:
        with makna.open_project(str(path), coder="ana") as proj:
            makna.code_turn(proj, "informan-01.txt", 2, "mot")
            makna.code_turn(proj, "informan-01.txt", 4, "mot")
            dest = makna.copy_project(path, tmp_path / "studi-budi.makna")
            assert Path(f"{path}-wal").exists()  # the codings are (also) in the log, the reader holds it
    finally:
        reader.close()
    assert dest == tmp_path / "studi-budi.makna" and not Path(f"{dest}-wal").exists()
    assert _count_file(dest) == 2
    assert not list(tmp_path.glob(".*.part"))


def _count_file(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM segments").fetchone()[0])
    finally:
        conn.close()


def test_a_copy_never_overwrites_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "studi.makna"
    _project(path)
    taken = tmp_path / "taken.makna"
    taken.write_bytes(b"mine")
    with pytest.raises(InputError, match="already exists"):
        makna.copy_project(path, taken)
    assert taken.read_bytes() == b"mine"
    with pytest.raises(InputError, match="no such project file"):
        makna.copy_project(tmp_path / "nope.makna", tmp_path / "x.makna")
    with pytest.raises(InputError, match="no such folder"):
        makna.copy_project(path, tmp_path / "no" / "x.makna")
    with pytest.raises(InputError, match="makna pull"):
        makna.copy_project("postgresql://u@localhost/db", tmp_path / "x.makna")


def test_an_encrypted_project_stays_encrypted_with_its_passphrase(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3", reason="encrypted projects need the sqlcipher3 package (makna[encrypt])")
    path = tmp_path / "rahasia.makna"
    _project(path, passphrase="kata sandi yang panjang")
    with makna.open_project(str(path), coder="ana", passphrase="kata sandi yang panjang") as proj:
        makna.code_turn(proj, "informan-01.txt", 2, "mot")
    dest = makna.copy_project(path, tmp_path / "salinan.makna", passphrase="kata sandi yang panjang")
    assert makna.is_encrypted(dest)
    with makna.open_project(str(dest), coder="x", passphrase="kata sandi yang panjang") as proj:
        assert _count(proj) == 1


def test_cli_copy(tmp_path: Path) -> None:
    path = tmp_path / "studi.makna"
    _project(path)
    runner = CliRunner()
    out = runner.invoke(app, ["copy", str(tmp_path / "b.makna"), "-p", str(path)])
    assert out.exit_code == 0, out.output
    assert "every change committed before the copy began is in it" in out.output
    again = runner.invoke(app, ["copy", str(tmp_path / "b.makna"), "-p", str(path)])
    assert again.exit_code != 0 and "already exists" in again.output and "Traceback" not in again.output


def test_a_restore_beside_a_stale_write_ahead_log_is_refused(tmp_path: Path) -> None:
    # A new user's trial restored a backup over the project while the workbench still had it open: the
    # workbench's write-ahead log, still beside the name, went onto the restored file and the restore was lost.
    # makna copy, the way to restore (docs), refuses a name whose -wal or -shm is still there.
    backup = tmp_path / "backup.makna"
    _project(backup)
    path = tmp_path / "studi.makna"
    makna.copy_project(backup, path)
    with makna.open_project(str(path), coder="ana") as proj:  # the workbench, still open
        makna.code_turn(proj, "informan-01.txt", 2, "mot")
        (tmp_path / "studi-broken.makna").write_bytes(path.read_bytes())
        path.unlink()  # the user moved the project away; its -wal and -shm stay under the old name
        assert Path(f"{path}-wal").exists()
        with pytest.raises(InputError, match=r"studi\.makna-wal.*still here.*stop makna serve"):
            makna.copy_project(backup, path)
        assert not path.exists()
        out = CliRunner().invoke(app, ["copy", str(path), "-p", str(backup)])
        assert out.exit_code != 0 and "-wal" in out.output and "Traceback" not in out.output
        assert not path.exists()
    for left in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        left.unlink(missing_ok=True)
    makna.copy_project(backup, path)
    with makna.open_project(str(path), coder="ana") as proj:
        assert _count(proj) == 0
