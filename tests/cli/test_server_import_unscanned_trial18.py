"""trial18: the lecturer wrote a memo after the de-identification and put the project on the team server with
``makna server project import``: nothing said that the memo was never scanned, while ``makna copy`` and ``makna
report`` warn of it (trial14). Every member of the server reads it as written, so the import warns the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()
PASSWORD = "a long enough password"


def run(*args: str, input: str | None = None) -> tuple[int, str]:  # noqa: A002
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_the_import_warns_of_fields_never_scanned(
    server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAKNA_CODER", "ratna")
    loc = str(tmp_path / "studi.makna")
    assert run("init", loc)[0] == 0
    (tmp_path / "p01.txt").write_text("P: Teteh siapa?\nI: Saya Euis Kurniasih dari Garut.\n", encoding="utf-8")
    (tmp_path / "pass.txt").write_text("a long passphrase for the key\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p01.txt"), "-p", loc)[0] == 0
    assert run("deid", "scan", "-p", loc)[0] == 0
    assert run("deid", "accept", "--all", "-p", loc)[0] == 0
    key, secret = str(tmp_path / "keys" / "k.key"), str(tmp_path / "pass.txt")
    assert run("deid", "apply", "--force", "--key", key, "--passphrase-file", secret, "-p", loc)[0] == 0
    assert run("server", "init", "--db", server_db, "--owner", "ratna", input=f"{PASSWORD}\n{PASSWORD}\n")[0] == 0
    code, out = run("server", "project", "import", loc, "--name", "Bersih", "--db", server_db)
    assert code == 0 and "never scanned" not in out, out  # everything scanned: no warning
    assert run("memo", "add", "Teh Euis Kurniasih menangis saat cerita.", "-p", loc)[0] == 0
    code, out = run("server", "project", "import", loc, "--name", "Studi", "--db", server_db)
    assert code == 0, out
    assert "1 free-text field value(s)" in out and "never scanned" in out and "makna deid scan --key" in out
    assert "Euis" not in out  # the warning counts, never quotes
