"""trial18: after the apply, the lecturer typed the informants' home towns into a case attribute (``asal: Garut``)
and the copy for her assistant warned that fields were never scanned, naming ``makna deid scan``: without the
key that scan passes over a name the apply replaced (the project no longer holds it; README says to give the
key), so the warning now names the key, as README does."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def test_the_warning_names_the_scan_with_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
    assert run("cases", "add", "P02", "-p", loc)[0] == 0
    assert run("cases", "attribute", "asal", "--type", "text", "-p", loc)[0] == 0
    assert run("cases", "set", "P02", "asal=Garut", "-p", loc)[0] == 0
    code, err = run("copy", str(tmp_path / "dimas.makna"), "--coder", "dimas", "-p", loc)
    assert code == 0 and "never scanned" in err
    assert "makna deid scan --key" in err, err
