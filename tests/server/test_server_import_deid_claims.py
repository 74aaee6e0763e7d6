"""A team server's project verifies the de-identification claims of a .qdpx imported onto the server (trust23,
issue #11): sealed by that project or one of its members (makna.privacy.seals), as 'makna import-project
--verify-with' does; any other claim imports as not de-identified."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import PermissionDeniedError
from makna.exchange import export_qdpx
from makna.privacy.seal_copies import revoke_sealer

runner = CliRunner()
SOURCE = "informan-07.txt"
TEXT = "P: Siapa nama Anda?\nI: Nama saya Siti Rahmawati, tinggal di Padang. Nomor saya 0812-555-0199.\n"


def _deidentify(proj: Any, tmp_path: Path) -> None:
    makna.import_text(proj, SOURCE, TEXT, language="id")
    makna.deid_scan(proj)
    makna.decide_all(proj, "accepted")
    makna.deid_apply(proj, tmp_path / f"k{len(list(tmp_path.iterdir()))}.makna-key", "kopi hujan sepeda jendela")


def _lead(tmp_path: Path) -> tuple[Path, Path]:
    """The lead's de-identified project file and the .qdpx of budi's coder's copy of it."""
    with makna.create_project(str(tmp_path / "studi.makna"), "Studi", coder="ana") as proj:
        _deidentify(proj, tmp_path)
    makna.copy_project(tmp_path / "studi.makna", tmp_path / "budi.makna", coder="budi")
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        export_qdpx(copy, tmp_path / "budi.qdpx")
    return tmp_path / "studi.makna", tmp_path / "budi.qdpx"


def _applied(team: Any, name: str) -> bool:
    base = team.open_project(team.project(name))
    return any(s.applied for s in makna.deid_status(dataclasses.replace(base, coder_name="ana")) if s.source == SOURCE)


def test_a_server_project_verifies_its_members_claims(team: Any, tmp_path: Path) -> None:
    studi, budi = _lead(tmp_path)
    team.import_project(studi, owner="ana", name="Lead")  # the project, whole: its seal key with it
    team.import_project(budi, owner="ana", name="A", seals=team.seals("Lead", actor="ana"))
    assert _applied(team, "A")
    team.import_project(budi, owner="ana", name="B")  # no seal given: unverified, as before
    assert not _applied(team, "B")
    team.import_project(budi, owner="ana", name="C", seals=team.seals("Studi", actor="ana"))  # another project's
    assert not _applied(team, "C")
    base = team.open_project(team.project("Lead"))
    revoke_sealer(dataclasses.replace(base, coder_name="ana"), "budi")
    team.import_project(budi, owner="ana", name="D", seals=team.seals("Lead", actor="ana"))
    assert not _applied(team, "D")  # a revoked member's seal verifies no more


def test_a_server_projects_own_export_verifies_and_only_a_manager_reads_its_keys(team: Any, tmp_path: Path) -> None:
    base = team.open_project(team.project("Studi"))
    ana = dataclasses.replace(base, coder_name="ana")
    _deidentify(ana, tmp_path)
    export_qdpx(ana, tmp_path / "studi.qdpx")  # the server project makes its own key
    team.import_project(tmp_path / "studi.qdpx", owner="ana", name="A", seals=team.seals("Studi", actor="dewi"))
    assert _applied(team, "A")
    for who in ("budi", "citra", "eko"):  # a coder, a viewer, not a member
        with pytest.raises(PermissionDeniedError):
            team.seals("Studi", actor=who)


def test_server_project_import_verify_with_on_the_command_line(team: Any, server_db: str, tmp_path: Path) -> None:
    studi, budi = _lead(tmp_path)
    team.import_project(studi, owner="ana", name="Lead")
    base = ["server", "project", "import", str(budi), "--db", server_db]
    by_server = runner.invoke(app, [*base, "--name", "A", "--verify-with", "Lead"])
    assert by_server.exit_code == 0, by_server.output
    by_file = runner.invoke(app, [*base, "--name", "B", "--verify-with", str(studi)])
    assert by_file.exit_code == 0, by_file.output
    plain = runner.invoke(app, [*base, "--name", "C"])
    assert plain.exit_code == 0
    assert _applied(team, "A") and _applied(team, "B") and not _applied(team, "C")
    refused = runner.invoke(app, [*base, "--name", "D", "--owner", "citra", "--verify-with", "Studi"])
    assert refused.exit_code != 0 and "Traceback" not in refused.output


def test_server_project_import_prints_the_import_report(team: Any, server_db: str, tmp_path: Path) -> None:
    """trust24: 'makna server project import' says what it imported and which claims verified, which did not and
    why, with the same report as 'makna import-project' (BASE printed one line, no report)."""
    studi, budi = _lead(tmp_path)
    whole = runner.invoke(app, ["server", "project", "import", str(studi), "--db", server_db, "--name", "Lead"])
    assert whole.exit_code == 0 and "Imported 1 source(s)" in whole.output and "copied whole" in whole.output
    base = ["server", "project", "import", str(budi), "--db", server_db]
    verified = runner.invoke(app, [*base, "--name", "A", "--verify-with", "Lead"])
    assert verified.exit_code == 0, verified.output
    assert "Imported 1 source(s)" in verified.output
    assert "Verified 1 de-identification claim(s), sealed by budi (1)." in verified.output
    local = runner.invoke(app, ["import-project", str(budi), "-p", str(tmp_path / "l.makna"), "--verify-with",
                                str(studi)])
    assert [ln for ln in local.output.splitlines() if "claim" in ln] == [
        ln for ln in verified.output.splitlines() if "claim" in ln
    ]  # the same report
    plain = runner.invoke(app, [*base, "--name", "B"])
    assert plain.exit_code == 0 and "not verified" in plain.output
    assert "Not verified: 1 sealed by a project not given (--verify-with)." in plain.output
    base_project = team.open_project(team.project("Lead"))
    revoke_sealer(dataclasses.replace(base_project, coder_name="ana"), "budi")
    withdrawn = runner.invoke(app, [*base, "--name", "C", "--verify-with", "Lead"])
    assert withdrawn.exit_code == 0 and "withdrawn" in withdrawn.output.split("Not verified:")[1]
