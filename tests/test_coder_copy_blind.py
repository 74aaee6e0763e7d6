"""A blind second coder on another laptop: ``makna copy NEW --coder NAME --blind`` (the default while a blind round is
open) carries none of the other coders' codings, and the way back adds the coder's work and never touches theirs."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import InputError
from makna.rounds import open_round
from makna.store import tables

TEXT = (
    "P: Bagaimana awalnya?\nI: Saya mulai pakai aplikasi tahun lalu.\nP: Kenapa?\nI: Lebih aman.\n"
    "P: Dan sekarang?\nI: Saya menabung untuk anak.\n"
)
runner = CliRunner()


def _project(path: Path) -> None:
    with makna.create_project(str(path), "Studi", coder="ana") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.add_code(proj, "mot", "Motif")
        makna.add_code(proj, "exp", "Pengalaman")
        seg = makna.code_turn(proj, "informan-01.txt", 2, "mot")
        makna.add_memo(proj, "segment", seg.id, "Ana's reading of this turn", title="ana")


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows read from the file itself (what anyone with the laptop can read), not through makna."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _rows(path: Path) -> dict[str, tuple[object, ...]]:
    """Every coding by id: (coder, start, end, code key, inline memo)."""
    with makna.open_project(str(path), coder="ana") as proj, proj.store.read() as conn:
        s, k, c = tables.segments.c, tables.coders.c, tables.codes.c
        rows = conn.execute(
            select(s.id, k.name, s.start, s.end, c.key, s.memo)
            .join_from(tables.segments, tables.coders)
            .join(tables.codes, c.id == s.code_id)
        )
        return {r[0]: tuple(r[1:]) for r in rows}


def _hides_ana(copy: Path) -> None:
    assert _raw(copy, "SELECT count(*) FROM segments s JOIN coders k ON k.id = s.coder_id WHERE k.name != 'budi'") == [
        (0,)
    ]
    assert _raw(copy, "SELECT count(*) FROM memos") == [(0,)]
    assert "ana" not in {r[0] for r in _raw(copy, "SELECT name FROM coders")}
    assert "ana" not in {r[0] for r in _raw(copy, "SELECT actor FROM events")}  # nor the project's log
    assert "Ana's reading" not in " ".join(str(r[0]) for r in _raw(copy, "SELECT payload FROM events"))


def test_a_copy_made_while_a_blind_round_is_open_carries_no_other_coders_codings(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    with makna.open_project(str(path), coder="ana") as proj:
        open_round(proj, "r1")
    result = runner.invoke(app, ["copy", str(copy), "-p", str(path), "--coder", "budi"])
    assert result.exit_code == 0, result.output
    assert "blind" in result.output
    _hides_ana(copy)
    with makna.open_project(str(copy)) as proj:
        assert makna.sync.local.sync_info(proj).coder == "budi"
        assert makna.list_sources(proj)[0].name == "informan-01.txt"
        assert {c.key for c in makna.list_codes(proj)} == {"mot", "exp"}


def test_without_a_round_a_copy_is_blind_when_asked_and_open_otherwise(tmp_path: Path) -> None:
    path, blind, open_ = tmp_path / "studi.makna", tmp_path / "blind.makna", tmp_path / "open.makna"
    _project(path)
    assert runner.invoke(app, ["copy", str(blind), "-p", str(path), "--coder", "budi", "--blind"]).exit_code == 0
    _hides_ana(blind)
    assert runner.invoke(app, ["copy", str(open_), "-p", str(path), "--coder", "citra"]).exit_code == 0
    assert _raw(open_, "SELECT count(*) FROM segments") == [(1,)]
    refused = runner.invoke(app, ["copy", str(tmp_path / "x.makna"), "-p", str(path), "--blind"])
    assert refused.exit_code != 0 and "--blind" in refused.output
    with makna.open_project(str(path), coder="ana") as proj:
        open_round(proj, "r1")
    with pytest.raises(InputError, match="blind round"):
        makna.copy_project(path, tmp_path / "y.makna", coder="dewi", blind=False)


def test_three_round_trips_add_the_blind_coders_work_and_never_touch_the_first_coders(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    makna.copy_project(path, copy, coder="budi", blind=True)
    ana_before = {k: v for k, v in _rows(path).items() if v[0] == "ana"}
    turns = iter((2, 4, 6))
    for trip in range(3):
        turn = next(turns)
        with makna.open_project(str(copy)) as proj:
            makna.code_turn(proj, "informan-01.txt", turn, "mot" if trip != 1 else "exp")
        with makna.open_project(str(path), coder="ana") as proj:  # the first coder keeps coding meanwhile
            makna.code_turn(proj, "informan-01.txt", turn, "exp")
        ana_before = {k: v for k, v in _rows(path).items() if v[0] == "ana"}
        pushed = runner.invoke(app, ["push", str(copy), "--json"])
        assert pushed.exit_code == 0, pushed.output
        assert json.loads(pushed.output)["added"] == 1
        assert runner.invoke(app, ["push", str(copy)]).exit_code == 0  # again: nothing twice
        pulled = runner.invoke(app, ["pull", str(copy)])
        assert pulled.exit_code == 0, pulled.output
        _hides_ana(copy)  # a refresh stays blind
        rows = _rows(path)
        assert {k: v for k, v in rows.items() if v[0] == "ana"} == ana_before  # not deleted, changed or duplicated
        budi = sorted(v[1:4] for v in rows.values() if v[0] == "budi")
        assert len(budi) == trip + 1 == len(set(budi))
    with makna.open_project(str(path), coder="ana") as proj:
        memos = [m.text for m in makna.list_memos(proj)]
    assert memos == ["Ana's reading of this turn"]
    agreement = runner.invoke(
        app, ["agreement", "project", "-p", str(path), "--unit", "turn", "--coders", "ana,budi", "--format", "json"]
    )
    assert agreement.exit_code == 0, agreement.output
