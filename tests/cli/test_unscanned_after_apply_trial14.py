"""trial14: after the de-identification, the student wrote a memo naming the informant and her husband as she
remembered them; nothing said so, and the report and the supervisor's copy held both names. ``makna report`` and
``makna copy`` now warn while free-text fields written or edited since the apply are unscanned."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()
WARNING = "never scanned"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MAKNA_CODER", "nadia")
    loc = str(tmp_path / "studi.makna")
    assert run("init", loc)[0] == 0
    (tmp_path / "vn.txt").write_text(
        "P: Siapa nama Uni?\nI: Ambo Rahmi, nomor ambo 0812-7411-2095.\n", encoding="utf-8"
    )
    (tmp_path / "pass.txt").write_text("a long passphrase for the key\n", encoding="utf-8")
    assert run("import", str(tmp_path / "vn.txt"), "-p", loc)[0] == 0
    assert run("deid", "scan", "-p", loc)[0] == 0
    assert run("deid", "accept", "--all", "-p", loc)[0] == 0
    key, secret = str(tmp_path / "keys" / "k.key"), str(tmp_path / "pass.txt")
    assert run("deid", "apply", "--force", "--key", key, "--passphrase-file", secret, "-p", loc)[0] == 0
    return loc


def test_no_warning_while_everything_is_scanned(applied: str, tmp_path: Path) -> None:
    code, _, err = run("copy", str(tmp_path / "pembimbing.makna"), "-p", applied)
    assert code == 0 and WARNING not in err
    code, _, err = run("report", "-o", str(tmp_path / "laporan"), "-p", applied)
    assert code == 0 and WARNING not in err


def test_a_memo_written_after_the_apply_is_named(applied: str, tmp_path: Path) -> None:
    assert run("memo", "add", "Uni Ami terbuka; suaminya Uda Fajri ikut mendengar.", "-p", applied)[0] == 0
    code, out, err = run("copy", str(tmp_path / "pembimbing.makna"), "-p", applied)
    assert code == 0 and out.startswith("Copied")
    assert "1 free-text field value(s)" in err and WARNING in err and "makna deid scan" in err
    code, _, err = run("report", "-o", str(tmp_path / "laporan"), "-p", applied)
    assert code == 0 and WARNING in err
    assert "Fajri" not in err  # the warning counts, never quotes


def test_no_warning_for_a_project_never_de_identified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKNA_CODER", "nadia")
    loc = str(tmp_path / "studi.makna")
    assert run("init", loc)[0] == 0
    assert run("memo", "add", "Catatan awal.", "-p", loc)[0] == 0
    code, _, err = run("copy", str(tmp_path / "cadangan.makna"), "-p", loc)
    assert code == 0 and WARNING not in err
