"""trial18 #7 (#11): a coder's copy of a de-identified project (blind or not) knew nothing of the de-identification:
its workbench and ``makna deid status`` said every source "not scanned" and every free-text value unscanned. The
copy now carries what its coder may know (applied or not, the fields' review state; no original, no key), so the
copy's command and its De-identification page (httpx ASGI, English and Indonesian) say the truth; a blind copy
still claims nothing in its exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pages_helpers import logged_in
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.exchange._deid_state import export_states

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A de-identified project file of ratna's, with a memo and a case description scanned and replaced."""
    monkeypatch.setenv("MAKNA_CODER", "ratna")
    loc = str(tmp_path / "studi.makna")
    assert run("init", loc)[0] == 0
    (tmp_path / "p02.txt").write_text("P: Teteh dari mana?\nI: Saya Euis Kurniasih, dari Garut.\n", encoding="utf-8")
    (tmp_path / "pass.txt").write_text("a long passphrase for the key\n", encoding="utf-8")
    assert run("import", str(tmp_path / "p02.txt"), "-p", loc)[0] == 0
    assert run("memo", "add", "Teh Euis Kurniasih menangis saat cerita.", "-p", loc)[0] == 0
    for _ in range(2):
        assert run("deid", "scan", "-p", loc)[0] == 0
        assert run("deid", "accept", "--all", "-p", loc)[0] == 0
    key, secret = str(tmp_path / "keys" / "k.key"), str(tmp_path / "pass.txt")
    assert run("deid", "apply", "--force", "--key", key, "--passphrase-file", secret, "-p", loc)[0] == 0
    return loc


def _status(loc: str) -> tuple[list[dict[str, object]], str]:
    code, out, _ = run("deid", "status", "-p", loc, "--format", "json")
    assert code == 0, out
    code, table, _ = run("deid", "status", "-p", loc)
    return json.loads(out), table


@pytest.mark.parametrize("blind", [True, False])
def test_a_coders_copy_says_what_was_de_identified(applied: str, tmp_path: Path, blind: bool) -> None:
    rows, table = _status(applied)
    copy = str(tmp_path / "dimas.makna")
    assert run("copy", copy, "--coder", "dimas", *(["--blind"] if blind else []), "-p", applied)[0] == 0
    copied, copied_table = _status(copy)
    assert [(r["source"], r["applied"], r["replaced"]) for r in copied] == [
        (r["source"], r["applied"], r["replaced"]) for r in rows
    ]
    assert all(r["applied"] == "yes" for r in copied)
    fields = next(x for x in table.splitlines() if x.startswith("Free-text fields"))
    assert fields in copied_table and " 0 scanned" not in fields  # the same count of values scanned and replaced
    with makna.open_project(copy) as proj, proj.store.read() as conn:
        assert bool(export_states(conn)) is not blind  # a blind copy knows its state, and claims nothing
    for lang, said, unsaid in (
        ("en", "de-identified", "not scanned"),
        ("id", "sudah de-identifikasi", "belum dipindai"),
    ):
        with logged_in(copy, lang=lang, coder="dimas") as (_app, client, _csrf):
            page = client.get("/deid")
            assert page.status_code == 200 and said in page.text and unsaid not in page.text, lang
