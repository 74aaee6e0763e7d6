"""trial18: after the apply, the lecturer typed the informants' home towns into a case attribute (``asal: Garut``)
and wrote a memo naming an informant. The copy for her assistant warned that fields were never scanned, naming
``makna deid scan``: without the key that scan passes over a name the apply replaced (the project no longer holds
it; README says to give the key), so the warning now names the key, as README does. ``makna server project import``
said nothing of those fields, while every member of the server reads them as written: it warns the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()
PASSWORD = "a long enough password"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:  # noqa: A002
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A de-identified project file, every field scanned."""
    monkeypatch.setenv("MAKNA_CODER", "ratna")
    loc = str(tmp_path / "studi.makna")
    assert run("init", loc)[0] == 0
    (tmp_path / "p02.txt").write_text("P: Teteh dari mana?\nI: Saya Euis Kurniasih, dari Garut.\n", encoding="utf-8")
    (tmp_path / "pass.txt").write_text("a long passphrase for the key\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p02.txt"), "-p", loc)[0] == 0
    assert run("deid", "scan", "-p", loc)[0] == 0
    assert run("deid", "accept", "--all", "-p", loc)[0] == 0
    key, secret = str(tmp_path / "keys" / "k.key"), str(tmp_path / "pass.txt")
    assert run("deid", "apply", "--force", "--key", key, "--passphrase-file", secret, "-p", loc)[0] == 0
    return loc


def test_the_warning_names_the_scan_with_the_key(applied: str, tmp_path: Path) -> None:
    assert run("cases", "add", "P02", "-p", applied)[0] == 0
    assert run("cases", "attribute", "asal", "--type", "text", "-p", applied)[0] == 0
    assert run("cases", "set", "P02", "asal=Garut", "-p", applied)[0] == 0
    code, _, err = run("copy", str(tmp_path / "dimas.makna"), "--coder", "dimas", "-p", applied)
    assert code == 0 and "never scanned" in err
    assert "makna deid scan --key" in err, err


def test_the_server_import_warns_of_fields_never_scanned(applied: str, server_db: str) -> None:
    assert run("server", "init", "--db", server_db, "--owner", "ratna", input=f"{PASSWORD}\n{PASSWORD}\n")[0] == 0
    code, out, err = run("server", "project", "import", applied, "--name", "Bersih", "--db", server_db)
    assert code == 0 and "never scanned" not in out + err, out  # everything scanned: no warning
    assert run("memo", "add", "Teh Euis Kurniasih menangis saat cerita.", "-p", applied)[0] == 0
    code, out, err = run("server", "project", "import", applied, "--name", "Studi", "--db", server_db)
    assert code == 0, out
    assert "1 free-text field value(s)" in err and "never scanned" in err and "makna deid scan --key" in err
    assert "Euis" not in err  # the warning counts, never quotes
