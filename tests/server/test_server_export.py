"""One server project backed up to one file and put back (``makna server project export``,
:meth:`Registry.export_project`): every table's rows and the event log equal the original's, an
existing file is refused, a coder may not write it, ``--encrypt`` encrypts it (trial7's item 6); the
server project logs every copy (who, when, the file's name without its folder), never its content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import PermissionDeniedError, ProjectExistsError
from makna.server.registry import Registry
from makna.store import Store, tables


def _value(v: Any) -> Any:
    """A value as both backends compare it: times in UTC without a zone (SQLite stores them so)."""
    if isinstance(v, dt.datetime) and v.tzinfo is not None:
        return v.astimezone(dt.UTC).replace(tzinfo=None)
    return v


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in a stable order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.read() as conn:
        for table in tables.metadata.sorted_tables:
            rows = [tuple(_value(v) for v in r) for r in conn.execute(select(table))]
            out[table.name] = sorted(rows, key=repr)
    return out


def _without_exports(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows without the audit events of the exports (written after the copy, so not in it)."""
    action = [c.name for c in tables.events.columns].index("action")
    return rows | {"events": [r for r in rows["events"] if r[action] != "project.export"]}


def _exports(reg: Registry, name: str) -> list[tuple[str, dict[str, Any]]]:
    e = tables.events.c
    with makna.open_project(reg.location(reg.project(name)), coder="ana") as p, p.store.read() as conn:
        rows = conn.execute(select(e.actor, e.payload).where(e.action == "project.export").order_by(e.id))
        return [(r.actor, dict(r.payload)) for r in rows]


def _fill(reg: Registry) -> None:
    """The team fixture's 'Studi' with the work of every role: codings and memos of two members,
    cases and attributes, a de-identification scan, a closed round."""
    where = reg.location(reg.project("Studi"))
    with makna.open_project(where, coder="ana") as p:
        makna.import_text(
            p,
            "kedua",
            "P: Di mana?\nI: Saya tinggal dekat pasar.\n",
            language="id",
            original=b"P: Di mana?\nI: Saya tinggal dekat pasar.\n",
        )
        makna.define_attribute(p, "usia")
        makna.add_case(p, "P01", values={"usia": "30"})
        makna.open_round(p, "r1", blind=True)
    for coder in ("budi", "dewi"):
        with makna.open_project(where, coder=coder) as p:
            seg = makna.code_turn(p, "wawancara", 2, "emosi", memo=f"{coder} memo")
            makna.add_memo(p, "segment", seg.id, f"catatan {coder}")
    with makna.open_project(where, coder="ana") as p:
        makna.close_round(p, "r1")
        makna.deid_scan(p)


def test_export_then_import_gives_an_equal_project(team: Registry, tmp_path: Path) -> None:
    _fill(team)
    backup = tmp_path / "studi-backup.makna"
    counts = team.export_project("Studi", backup, actor="dewi")  # a manager may
    assert counts["sources"] == 2 and counts["segments"] == 2 and counts["events"] > 5
    assert counts["deid_sources"] >= 1 and counts["rounds"] == 1 and counts["case_values"] == 1
    copy = team.import_project(backup, owner="ana", name="Studi (restored)")
    with (
        makna.open_project(team.location(team.project("Studi")), coder="ana") as a,
        makna.open_project(team.location(copy), coder="ana") as b,
    ):
        original, restored = _rows(a.store), _rows(b.store)
        assert _without_exports(original) == restored
        original = restored
        assert original["events"] and original["sources"][0]  # the log and the originals travelled
    with makna.open_project(backup, coder="ana") as local:  # the file itself: the same rows on SQLite
        assert _rows(local.store) == original


def test_export_refuses_an_existing_file_and_a_coder(team: Registry, tmp_path: Path) -> None:
    taken = tmp_path / "taken.makna"
    taken.write_bytes(b"keep me")
    with pytest.raises(ProjectExistsError, match="exists there already"):
        team.export_project("Studi", taken)
    assert taken.read_bytes() == b"keep me"
    with pytest.raises(PermissionDeniedError):
        team.export_project("Studi", tmp_path / "coder.makna", actor="budi")
    assert not (tmp_path / "coder.makna").exists()


def test_cli_export_and_import_round_trip(
    team: Registry, server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(team)
    runner = CliRunner()
    backup = tmp_path / "b.makna"
    done = runner.invoke(app, ["server", "project", "export", "Studi", str(backup), "--db", server_db])
    assert done.exit_code == 0, done.output
    assert "Exported project 'Studi'" in done.output and "2 source(s)" in done.output
    assert "2 source(s) of 'Studi' are not de-identified (" in done.output  # trial10: which ones, not "unless"
    assert "the file holds them as imported" in done.output
    again = runner.invoke(app, ["server", "project", "export", "Studi", str(backup), "--db", server_db])
    assert again.exit_code != 0 and "exists there already" in again.output and "Traceback" not in again.output
    refused = runner.invoke(
        app, ["server", "project", "export", "Studi", str(tmp_path / "c.makna"), "--db", server_db, "--user", "budi"]
    )
    assert refused.exit_code != 0 and "Traceback" not in refused.output
    back = runner.invoke(app, ["server", "project", "import", str(backup), "--db", server_db, "--name", "Kembali"])
    assert back.exit_code == 0, back.output
    with (
        makna.open_project(team.location(team.project("Studi")), coder="ana") as a,
        makna.open_project(team.location(team.project("Kembali")), coder="ana") as b,
    ):
        assert _without_exports(_rows(a.store)) == _rows(b.store)


def test_cli_export_encrypted(team: Registry, server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sqlcipher3")
    monkeypatch.setenv("MAKNA_PASSPHRASE", "a long enough passphrase")
    backup = tmp_path / "enc.makna"
    done = CliRunner().invoke(
        app, ["server", "project", "export", "Studi", str(backup), "--db", server_db, "--encrypt"]
    )
    assert done.exit_code == 0, done.output
    assert b"wawancara" not in backup.read_bytes()
    with makna.open_project(backup, coder="ana") as local:
        assert local.store.encrypted
        assert [s.name for s in makna.list_sources(local)] == ["wawancara"]


def test_an_export_is_logged_in_the_server_project(team: Registry, server_db: str, tmp_path: Path) -> None:
    """Who copied the project out, when, to which file (its name only: the folder may name a person);
    a refused export logs nothing, and the payload holds no source text."""
    _fill(team)
    folder = tmp_path / "Budi Santoso home"
    folder.mkdir()
    assert _exports(team, "Studi") == []
    team.export_project("Studi", folder / "studi.makna", actor="dewi")
    done = CliRunner().invoke(app, ["server", "project", "export", "Studi", str(folder / "b.makna"), "--db", server_db])
    assert done.exit_code == 0, done.output
    with pytest.raises(PermissionDeniedError):
        team.export_project("Studi", tmp_path / "coder.makna", actor="budi")
    logged = _exports(team, "Studi")
    admin = next(u.name for u in team.users() if u.admin)
    assert [(who, p["file"]) for who, p in logged] == [("dewi", "studi.makna"), (admin, "b.makna")]
    assert logged[0][1]["encrypted"] is False and logged[0][1]["counts"]["sources"] == 2
    assert "Budi" not in repr(logged) and "pasar" not in repr(logged) and str(tmp_path) not in repr(logged)
    e = tables.events.c
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p, p.store.read() as conn:
        when = conn.execute(select(e.at).where(e.action == "project.export")).scalars().all()
    assert len(when) == 2 and all(isinstance(t, dt.datetime) for t in when)


def test_the_export_file_is_the_exporters_alone(team: Registry, tmp_path: Path) -> None:
    """trial12 (#18): a server project's backup holds every transcript and the event log; on a shared server it is
    written readable by its owner only (0600), whatever the umask, before any row is copied into it."""
    import os
    import stat

    _fill(team)
    backup = tmp_path / "shared" / "b.makna"
    backup.parent.mkdir()
    old = os.umask(0o022)
    try:
        team.export_project("Studi", backup, actor="ana")
    finally:
        os.umask(old)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with makna.open_project(backup) as p:
        assert len(makna.list_sources(p)) == 2
