"""Shared by the tests that drive a de-identified project file through the CLI (trial18, push28): ``run`` (CliRunner,
never a traceback) and ``applied_file``: a project file with one informant's transcript and any memos given, scanned
until nothing new is found, every detection accepted, applied with a key."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()
TRANSCRIPT = "P: Teteh dari mana?\nI: Saya Euis Kurniasih, dari Garut.\n"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:  # noqa: A002
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def applied_file(tmp_path: Path, *, memos: tuple[str, ...] = ()) -> str:
    """``tmp_path/studi.makna`` de-identified (the coder is whoever ``MAKNA_CODER`` names), its key under
    ``tmp_path/keys``."""
    loc = str(tmp_path / "studi.makna")
    assert run("init", loc)[0] == 0
    (tmp_path / "p02.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "pass.txt").write_text("a long passphrase for the key\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p02.txt"), "-p", loc)[0] == 0
    for memo in memos:
        assert run("memo", "add", memo, "-p", loc)[0] == 0
    for _ in range(2):  # the second scan finds what the first one's acceptances uncovered in the fields
        assert run("deid", "scan", "-p", loc)[0] == 0
        assert run("deid", "accept", "--all", "-p", loc)[0] == 0
    key, secret = str(tmp_path / "keys" / "k.key"), str(tmp_path / "pass.txt")
    assert run("deid", "apply", "--force", "--key", key, "--passphrase-file", secret, "-p", loc)[0] == 0
    return loc
