"""``makna sources withdraw SPEAKER --purge``: one participant of a WhatsApp group withdraws (#11). Fictional."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app

CHAT = (
    "04/10/2026 08.12 - Uda Rizal: Pagi, ada yang jual rendang?\n"
    "04/10/2026 08.13 - Uni Ami: Ado, randang paku Salero Ambun Pagi, pesan ke nomor ambo.\n"
    "04/10/2026 08.14 - Uda Rizal: Berapa sekilo?\n"
    "04/10/2026 08.16 - Uni Ros: Ambo pesan ciek.\n"
)


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_withdraw_asks_needs_purge_and_says_what_it_did(project: makna.Project, tmp_path: Path) -> None:
    (tmp_path / "grup.txt").write_text(CHAT, encoding="utf-8")
    makna.import_file(project, tmp_path / "grup.txt")
    makna.add_memo(project, "project", None, "Uni Ami: randang paku Salero Ambun Pagi, pesan ke nomor ambo!")
    path = str(project.store.engine.url.database)
    runner = CliRunner()
    out = runner.invoke(app, ["sources", "withdraw", "Uni Ami", "--yes", "-p", path])
    assert out.exit_code != 0 and "--purge" in out.output and "Traceback" not in out.output
    out = runner.invoke(app, ["sources", "withdraw", "Uni Ami", "--purge", "-p", path], input="n\n")
    assert out.exit_code != 0 and "Salero" in makna.get_source(project, "grup.txt").text
    out = runner.invoke(app, ["sources", "withdraw", "Uni Ami", "--purge", "--yes", "-p", path])
    assert out.exit_code == 0, out.output
    assert "1 turn(s)" in out.output and "Storage compacted" in out.output
    assert "1 text(s) quote her" in out.output and "makna memo list --on project" in out.output
    assert "Salero" not in makna.get_source(project, "grup.txt").text
    out = runner.invoke(app, ["sources", "withdraw", "Uni Ami", "--purge", "--yes", "-p", path])
    assert out.exit_code != 0 and "no turn of speaker" in out.output and "Traceback" not in out.output


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_withdraw_warns_that_a_linked_recording_still_holds_her_voice(project: makna.Project, tmp_path: Path) -> None:
    from makna.media import link_media, project_folder
    from test_media import write_wav

    (tmp_path / "grup.txt").write_text(CHAT, encoding="utf-8")
    makna.import_file(project, tmp_path / "grup.txt")
    link_media(project, "grup.txt", write_wav(project_folder(project) / "grup.wav"))
    out = CliRunner().invoke(
        app, ["sources", "withdraw", "Uni Ami", "--purge", "--yes", "-p", str(project.store.engine.url.database)]
    )
    assert out.exit_code == 0, out.output
    assert "recording linked to grup.txt still holds her voice" in out.output
