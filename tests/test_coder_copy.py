"""A second coder's copy of a project file: ``makna copy NEW --coder NAME``, coded apart, ``makna push NEW``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import InputError, PermissionDeniedError, SyncError
from makna.store import tables
from makna.sync import client

TEXT = "P: Bagaimana awalnya?\nI: Saya mulai pakai aplikasi tahun lalu.\nP: Kenapa?\nI: Lebih aman.\n"
runner = CliRunner()


def _project(path: Path) -> None:
    with makna.create_project(str(path), "Studi", coder="ana") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.add_code(proj, "mot", "Motif")
        makna.add_code(proj, "exp", "Pengalaman")
        makna.code_turn(proj, "informan-01.txt", 2, "mot")


def _codings(path: Path) -> list[tuple[str, int, int, str]]:
    with makna.open_project(str(path), coder="ana") as proj, proj.store.read() as conn:
        s, k, c = tables.segments.c, tables.coders.c, tables.codes.c
        rows = conn.execute(select(k.name, s.start, s.end, c.key).join_from(tables.segments, tables.coders)
                            .join(tables.codes, c.id == s.code_id))
        return sorted((r[0], r[1], r[2], r[3]) for r in rows)


def test_a_coders_work_in_their_copy_comes_back_into_the_project(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    result = runner.invoke(app, ["copy", str(copy), "-p", str(path), "--coder", "budi"])
    assert result.exit_code == 0, result.output
    assert f"makna push {copy}" in result.output
    with makna.open_project(str(copy)) as proj:
        assert proj.actor == "budi"  # the copy acts as its coder
        makna.code_turn(proj, "informan-01.txt", 2, "mot")
        makna.code_turn(proj, "informan-01.txt", 4, "exp")
        with pytest.raises(PermissionDeniedError):  # the codebook stays the project's
            makna.add_code(proj, "new", "Baru")
    with makna.open_project(str(path), coder="ana") as proj:  # the first coder goes on meanwhile
        makna.code_turn(proj, "informan-01.txt", 4, "mot")
    pushed = runner.invoke(app, ["push", str(copy), "--json"])
    assert pushed.exit_code == 0, pushed.output
    assert json.loads(pushed.output) | {"conflicts": []} == {"sent": 2, "added": 2, "changed": 0, "deleted": 0,
                                                             "unchanged": 0, "conflicts": [], "into": str(path), "moved": 0,
                                                             "sealed": 0}
    ana = [c[1:3] for c in _codings(path) if c[0] == "ana"]  # turns 2 and 4, as budi coded them
    assert [c for c in _codings(path) if c[0] == "budi"] == [("budi", *ana[0], "mot"), ("budi", *ana[1], "exp")]
    assert len(ana) == 2  # ana's work untouched
    again = runner.invoke(app, ["push", str(copy)])
    assert again.exit_code == 0 and f"Nothing to push: {path} has all your work." in again.output
    with makna.open_project(str(path), coder="ana") as proj:
        kinds = [e.action for e in makna.memos.events(proj, limit=5)]
        assert kinds[0] == "sync.push"  # one entry in the project's log, by budi
        assert makna.memos.events(proj, limit=1)[0].actor == "budi"
    agreement = runner.invoke(app, ["agreement", "project", "-p", str(path), "--unit", "turn", "--coders", "ana,budi"])
    assert agreement.exit_code == 0, agreement.output


def test_a_deleted_coding_goes_back_and_a_conflict_stays_in_the_copy(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    with makna.open_project(str(path), coder="budi") as proj:
        makna.code_turn(proj, "informan-01.txt", 2, "exp")  # budi's coding from before the copy
    makna.copy_project(path, copy, coder="budi")
    with makna.open_project(str(copy)) as proj:
        seg = next(s for s in makna.retrieve(proj, code="exp"))
        makna.uncode(proj, seg.id)
        makna.code_turn(proj, "informan-01.txt", 4, "mot")
    with makna.open_project(str(path), coder="ana") as proj:  # the code budi used is deleted meanwhile
        makna.delete_code(proj, "mot", force=True)
    result = runner.invoke(app, ["push", str(copy)])
    assert result.exit_code == 1
    assert "Pushed 1 of 2 changes (1 deleted); 1 conflict." in result.output
    assert f"'makna pull {copy}' refreshes the copy from the project" in result.output  # the way out (filecopy17)
    conflict = next(line for line in result.output.splitlines() if line.startswith("Conflict: "))
    assert "deleted or merged in the project" in conflict  # a project file, not a server (newuser16)
    assert "server" not in result.output
    assert [c for c in _codings(path) if c[0] == "budi"] == []
    with makna.open_project(str(copy)) as proj:
        assert len(makna.sync.local.pending(proj)) == 1  # the conflict waits in the copy


def test_a_moved_project_another_project_and_server_commands_are_refused(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    makna.copy_project(path, copy, coder="budi")
    with makna.open_project(str(copy)) as proj:
        makna.code_turn(proj, "informan-01.txt", 4, "exp")
    moved = tmp_path / "moved" / "studi.makna"
    moved.parent.mkdir()
    shutil.move(path, moved)
    with pytest.raises(InputError, match="--into"):
        client.push(copy)
    other = tmp_path / "other.makna"
    _project(other)
    with pytest.raises(SyncError, match="another project"):
        client.push(copy, into=other)
    with pytest.raises(SyncError, match="itself a copy"):
        client.push(copy, into=copy)
    refused = runner.invoke(app, ["login", str(copy)])  # refused before any password is asked
    assert refused.exit_code != 0 and "coder's copy of the project file" in refused.output
    assert "Traceback" not in refused.output
    lost = runner.invoke(app, ["pull", str(copy)])  # a refresh from the project file needs to find it
    assert lost.exit_code != 0 and "give its place with --from" in lost.output and "Traceback" not in lost.output
    assert client.push(copy, into=moved).added == 1
    with pytest.raises(SyncError, match="already a coder's copy"):
        makna.copy_project(copy, tmp_path / "again.makna", coder="carla")
    with pytest.raises(InputError, match="coder"):
        makna.copy_project(moved, tmp_path / "blank.makna", coder="  ")
    assert not (tmp_path / "again.makna").exists() and not (tmp_path / "blank.makna").exists()
    assert not list(tmp_path.glob(".*.part"))


def test_a_push_goes_only_into_the_project_that_made_the_copy_for_its_coder(tmp_path: Path) -> None:
    """A backup of the project (same project id) is not the project; a copy whose coder was changed in its file
    is not one the project made; a plain copy is no coder's copy at all (review of the copy --coder change)."""
    import sqlite3

    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    makna.copy_project(path, copy, coder="budi")
    backup = makna.copy_project(path, tmp_path / "backup.makna")
    with makna.open_project(str(copy)) as proj:
        makna.code_turn(proj, "informan-01.txt", 4, "exp")
    with pytest.raises(InputError, match="still at"):
        client.push(copy, into=backup)
    forged = tmp_path / "forged.makna"
    shutil.copy(copy, forged)
    conn = sqlite3.connect(forged)
    conn.execute("UPDATE meta SET value = 'ana' WHERE key = 'sync.coder'")  # "as ana": delete ana's codings
    conn.commit()
    conn.close()
    with pytest.raises(SyncError, match="did not make"):
        client.push(forged)
    assert client.push(copy).added == 1
    with makna.open_project(str(path), coder="ana") as proj:
        made = [e for e in makna.memos.events(proj, limit=10) if e.action == "sync.pull"]
        assert [(e.payload["coder"], e.payload["copy"]) for e in made] == [("budi", "studi-budi.makna")]


def test_a_coders_copy_of_a_coders_copy_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    makna.copy_project(path, copy, coder="budi")
    result = runner.invoke(app, ["copy", str(tmp_path / "again.makna"), "-p", str(copy), "--coder", "carla"])
    assert result.exit_code != 0 and "already a coder's copy" in result.output and ".part" not in result.output
    assert not (tmp_path / "again.makna").exists() and not list(tmp_path.glob(".*.part"))
