"""A coder's copy of a project file refreshed from that file (``makna pull COPY``) after the codebook changed there:
renamed, moved, merged, deleted, made a category. The copy keeps the coder's unpushed work where it still fits,
refuses to drop the rest unasked, and a coding under a renamed code then goes through (filecopy17).

A coder's copy is always a project FILE (``makna copy`` refuses a server project), so these run on SQLite; the
shared core on PostgreSQL is in tests/sync/test_sync_file_refresh.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.codebook import import_codebook, load_codebook
from makna.errors import InputError, PermissionDeniedError, SyncError
from makna.store import tables
from makna.sync import client
from makna.sync.local import pending, sync_info

TEXT = (
    "P: Bagaimana awalnya?\nI: Saya mulai pakai aplikasi tahun lalu.\nP: Kenapa?\nI: Lebih aman.\n"
    "P: Dengan siapa?\nI: Sendiri saja.\n"
)
runner = CliRunner()


def _project(path: Path) -> None:
    with makna.create_project(str(path), "Studi", coder="ana") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        for key, name in (
            ("mot", "Motif"),
            ("exp", "Pengalaman"),
            ("aman", "Rasa aman"),
            ("lama", "Lama"),
            ("teman", "Teman"),
        ):
            makna.add_code(proj, key, name)


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    makna.copy_project(path, copy, coder="budi")
    return path, copy


def _codings(path: Path, coder: str) -> dict[str, tuple[str, int, int]]:
    """id -> (code id, start, end) of ``coder``'s codings in the project at ``path``."""
    with makna.open_project(str(path), coder="ana") as proj, proj.store.read() as conn:
        s, k = tables.segments.c, tables.coders.c
        rows = conn.execute(
            select(s.id, s.code_id, s.start, s.end).join(tables.coders, k.id == s.coder_id).where(k.name == coder)
        )
        return {r.id: (r.code_id, r.start, r.end) for r in rows}


def _code_ids(path: Path) -> dict[str, str]:
    with makna.open_project(str(path), coder="ana") as proj:
        return {c.key: c.id for c in makna.list_codes(proj)}


def _events(path: Path) -> int:
    with makna.open_project(str(path), coder="ana") as proj, proj.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(tables.events)).scalar_one())


def _make_category(path: Path, key: str, name: str) -> None:
    with makna.open_project(str(path), coder="ana") as proj:
        import_codebook(proj, load_codebook(f"codes:\n- key: {key}\n  name: {name}\n  codable: false\n"))


def test_a_coding_under_a_renamed_code_goes_through_once_the_copy_is_refreshed(tmp_path: Path) -> None:
    path, copy = _copy(tmp_path)
    with makna.open_project(str(copy)) as proj:
        renamed = makna.code_turn(proj, "informan-01.txt", 2, "mot")
        moved = makna.code_turn(proj, "informan-01.txt", 4, "exp")
    with makna.open_project(str(path), coder="ana") as proj:
        makna.update_code(proj, "mot", name="Motivasi", new_key="motivasi")
        makna.move_code(proj, "exp", "aman")  # a move keeps the code's key and name: nothing to see again
    first = client.push(copy)
    assert [(c["id"], c["reason"]) for c in first.conflicts] == [(renamed.id, "code_renamed")]
    assert first.added == 1 and moved.id in _codings(path, "budi")
    message = first.conflicts[0]["message"]
    assert "'Motif' to 'Motivasi'" in message and f"'makna pull {copy}'" in message and "new copy" not in message
    before = _events(path)
    report = client.refresh(copy)
    assert (report.kept, report.dropped, report.backup) == (1, (), None)  # the same code (its id), renamed
    assert _events(path) == before  # a refresh reads the project, writes nothing there
    with makna.open_project(str(copy)) as proj:
        codes = {c.key: c for c in makna.list_codes(proj)}
        assert codes["motivasi"].name == "Motivasi" and codes["exp"].parent_id == codes["aman"].id
        assert [ch.id for ch in pending(proj).changes] == [renamed.id]
    second = client.push(copy)
    assert (second.added, second.conflicts) == (1, [])
    assert _codings(path, "budi")[renamed.id][0] == _code_ids(path)["motivasi"]


def test_a_refresh_that_would_drop_work_is_refused_then_discard_keeps_the_old_copy(tmp_path: Path) -> None:
    """merged, deleted, made a category in the project: those codings no longer fit; the others stay."""
    path, copy = _copy(tmp_path)
    with makna.open_project(str(copy)) as proj:
        kept = makna.code_turn(proj, "informan-01.txt", 2, "mot")
        memo = makna.add_memo(proj, "segment", kept.id, "tempat kerja")
        merged = makna.code_turn(proj, "informan-01.txt", 4, "lama")
        deleted = makna.code_turn(proj, "informan-01.txt", 6, "teman")
        category = makna.code_turn(proj, "informan-01.txt", 6, "aman")
    with makna.open_project(str(path), coder="ana") as proj:
        makna.merge_codes(proj, "lama", "exp")
        makna.delete_code(proj, "teman", force=True)
    _make_category(path, "aman", "Rasa aman")
    untouched = copy.read_bytes()
    with pytest.raises(SyncError) as refused:
        client.refresh(copy)
    assert "3 of your 5 change(s) not pushed yet would be dropped" in str(refused.value)
    assert "can no longer be coded (a category) in the project" in str(refused.value)
    assert "the project takes what it can" in str(refused.value) and f"'makna pull {copy} --discard'" in str(
        refused.value
    )
    assert copy.read_bytes() == untouched and sorted(p.name for p in tmp_path.iterdir()) == [
        "studi-budi.makna",
        "studi.makna",
    ]  # nothing written, nothing left beside it
    result = runner.invoke(app, ["pull", str(copy), "--discard"])
    assert result.exit_code == 0, result.output
    assert f"Refreshed budi's copy {copy} from the project file" in result.output
    assert "Kept 2 change(s) of yours not pushed yet" in result.output
    dropped = [line for line in result.output.splitlines() if line.startswith("Dropped your coding")]
    assert len(dropped) == 3 and "server" not in result.output
    backup = next(tmp_path.glob("studi-budi.makna.before-pull-*"))
    assert backup.name in result.output
    with makna.open_project(str(backup)) as old:
        assert len(pending(old)) == 5  # the dropped work is kept, in the old copy
    with makna.open_project(str(copy)) as proj:
        assert {ch.id for ch in pending(proj).changes} == {kept.id, memo.id}
        assert sync_info(proj).from_file and proj.actor == "budi"
        assert {c.key: c.codable for c in makna.list_codes(proj)}["aman"] is False
        with pytest.raises(PermissionDeniedError):  # still a coder's copy: the codebook stays the project's
            makna.add_code(proj, "baru", "Baru")
    again = client.push(copy)
    assert (again.added, again.conflicts) == (2, [])
    assert kept.id in _codings(path, "budi")
    old = client.push(backup)  # the old copy, pushed, names the three as conflicts (and has the rest already)
    assert {c["id"]: c["reason"] for c in old.conflicts} == {
        merged.id: "code_deleted",
        deleted.id: "code_deleted",
        category.id: "code_changed",
    }
    assert old.unchanged == 2


def test_a_refresh_brings_the_others_visible_work_and_keeps_unpushed_work_on_top(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    with makna.open_project(str(path), coder="budi") as proj:
        pushed = makna.code_turn(proj, "informan-01.txt", 2, "exp")  # budi's, in the project before the copy
    makna.copy_project(path, copy, coder="budi")
    with makna.open_project(str(copy)) as proj:
        makna.uncode(proj, pushed.id)  # an unpushed delete
        new = makna.code_turn(proj, "informan-01.txt", 4, "mot")  # an unpushed coding
    with makna.open_project(str(path), coder="ana") as proj:
        ana = makna.code_turn(proj, "informan-01.txt", 6, "mot")
        makna.add_code(proj, "baru", "Baru")
    with makna.open_project(str(path), coder="dewi") as proj:
        dewi = makna.code_turn(proj, "informan-01.txt", 6, "exp")
    with makna.open_project(str(path), coder="ana") as proj:
        makna.open_round(proj, "putaran-2", blind=True)  # budi may no longer see dewi's coding
    report = client.refresh(copy)
    assert (report.kept, report.dropped) == (2, ())
    with makna.open_project(str(copy)) as proj:
        ids = {s.id for s in makna.retrieve(proj)}
        assert ana.id not in ids and dewi.id not in ids and new.id in ids and pushed.id not in ids
        assert "baru" in {c.key for c in makna.list_codes(proj)}
        assert {(ch.id, ch.op) for ch in pending(proj).changes} == {(new.id, "put"), (pushed.id, "delete")}
    with makna.open_project(str(path), coder="ana") as proj:
        makna.close_round(proj, "putaran-2")
    client.refresh(copy)
    with makna.open_project(str(copy)) as proj:
        ids = {s.id for s in makna.retrieve(proj)}
        assert {ana.id, dewi.id, new.id} <= ids
    done = client.push(copy)
    assert (done.added, done.deleted, done.conflicts) == (1, 1, [])
    assert set(_codings(path, "budi")) == {new.id}


def test_a_moved_project_is_named_with_from_and_a_server_copy_refuses_it(tmp_path: Path) -> None:
    path, copy = _copy(tmp_path)
    with makna.open_project(str(copy)) as proj:
        seg = makna.code_turn(proj, "informan-01.txt", 2, "mot")
    moved = tmp_path / "moved" / "studi.makna"
    moved.parent.mkdir()
    path.rename(moved)
    with pytest.raises(InputError, match="give its place with --from"):
        client.refresh(copy)
    with pytest.raises(SyncError, match="itself a copy"):  # (the checks of a push into it: the same place)
        client.refresh(copy, origin=copy)
    report = client.refresh(copy, origin=moved)
    assert report.info.server == str(moved.resolve()) and report.kept == 1
    assert client.push(copy).added == 1  # the copy pushes where it was refreshed from now
    assert seg.id in _codings(moved, "budi")
    from makna.sync.local import write_copy
    from makna.sync.server import snapshot

    served = tmp_path / "served.makna"
    with makna.open_project(str(moved), coder="ana") as proj:
        write_copy(
            served,
            snapshot(proj),
            server="https://lab.example.org",
            project_id="p1",
            project_name="Studi",
            token="t",
            csrf="c",
        )
    with pytest.raises(InputError, match="--from is for a coder's copy"):
        client.refresh(served, origin=moved)


def test_round_trip_through_the_cli(tmp_path: Path) -> None:
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    _project(path)
    assert runner.invoke(app, ["copy", str(copy), "-p", str(path), "--coder", "budi"]).exit_code == 0
    coded = runner.invoke(app, ["code", "mot", "-s", "informan-01.txt", "--turn", "2", "-p", str(copy)])
    assert coded.exit_code == 0, coded.output
    renamed = runner.invoke(app, ["codebook", "edit", "mot", "--name", "Motivasi", "-p", str(path)])
    assert renamed.exit_code == 0, renamed.output
    first = runner.invoke(app, ["push", str(copy)])
    assert first.exit_code == 1 and "its code was renamed in the project from 'Motif' to 'Motivasi'" in first.output
    assert f"'makna pull {copy}'" in first.output
    pulled = runner.invoke(app, ["pull", str(copy), "--json"])
    assert pulled.exit_code == 0, pulled.output
    out = json.loads(pulled.output)
    assert (out["kept"], out["dropped"], out["coder"], out["role"]) == (1, [], "budi", "coder")
    assert out["server"] == str(path.resolve())
    second = runner.invoke(app, ["push", str(copy), "--json"])
    assert second.exit_code == 0 and json.loads(second.output)["added"] == 1
    wrong = runner.invoke(
        app, ["pull", "https://lab.example.org", "Studi", str(tmp_path / "x.makna"), "--from", str(path)]
    )
    assert wrong.exit_code != 0 and "--from" in wrong.output and "Traceback" not in wrong.output


def test_an_encrypted_copy_is_refreshed_encrypted_with_one_question(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    secret = "kata sandi rahasia 123"
    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    with makna.create_project(str(path), "Studi", coder="ana", passphrase=secret) as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.add_code(proj, "mot", "Motif")
    makna.copy_project(path, copy, coder="budi", passphrase=secret)
    with makna.open_project(str(copy), passphrase=secret) as proj:
        makna.code_turn(proj, "informan-01.txt", 2, "mot")
    with makna.open_project(str(path), coder="ana", passphrase=secret) as proj:
        makna.update_code(proj, "mot", name="Motivasi")
    asked: list[str] = []

    def ask() -> str:
        asked.append(secret)
        return secret

    assert client.refresh(copy, passphrase=ask).kept == 1
    assert len(asked) == 1 and not copy.read_bytes().startswith(b"SQLite format 3")  # asked once, still encrypted
    assert client.push(copy, passphrase=secret).added == 1
