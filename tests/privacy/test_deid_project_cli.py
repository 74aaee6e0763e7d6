"""``makna deid scan / list / accept / reject / edit / add / names / apply / reveal / status`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app

TEXT = (
    "P: Boleh kenalan dulu?\n"
    "I: Nama saya Siti, umur 24 tahun. Nomor HP-ku 0812-7411-2095, email siti.r@example.com.\n"
    "P: Siapa yang ngajak?\n"
    "I: Kawan sekos, Uni Rosa. Kata zorblat juga begitu.\n"
)
runner = CliRunner()


@pytest.fixture
def loc(project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    with makna.create_project(project_location, coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
    monkeypatch.setenv("MAKNA_CODER", "tester")
    (tmp_path / "pass.txt").write_text("a long passphrase\n", encoding="utf-8")
    return project_location


def _run(*args: str, **kw: object) -> tuple[int, str]:
    result = runner.invoke(app, list(args), **kw)  # type: ignore[arg-type]
    return result.exit_code, result.output


def test_scan_review_apply_reveal(loc: str, tmp_path: Path) -> None:
    key, pw = str(tmp_path / "k.key"), str(tmp_path / "pass.txt")
    code, out = _run("deid", "scan", "-p", loc, "--format", "json")
    assert code == 0, out
    rows = json.loads(out)
    by_text = {r["text"]: r for r in rows}
    assert {"Siti", "0812-7411-2095", "siti.r@example.com"} <= set(by_text)
    assert set(rows[0]) >= {"id", "type", "confidence", "detector", "status", "before", "after", "field"}
    assert {r["field"] for r in rows} == {"sources.text"}
    code, out = _run("deid", "scan", "-p", loc)
    assert code == 0 and "0812-7411-2095" in out and "PHONE" in out
    assert _run("deid", "reject", by_text["24 tahun"]["id"], "-p", loc) == (0, "1 detection(s) rejected.\n")
    code, out = _run("deid", "accept", "--all", "--type", "phone", "-p", loc)
    assert code == 0 and out.startswith("1 detection")
    code, out = _run("deid", "apply", "--force", "--key", key, "--passphrase-file", pw, "-p", loc)
    assert code == 1 and "pending detections" in out
    zorblat = TEXT.index("zorblat")
    code, out = _run("deid", "add", "-s", "a.txt", "--span", f"{zorblat}:{zorblat + 7}", "--type", "PERSON", "-p", loc)
    assert code == 0 and "[zorblat] added" in out
    email = by_text["siti.r@example.com"]
    code, out = _run("deid", "edit", email["id"], "--span", f"{email['start']}:{email['end'] - 4}", "-p", loc)
    assert code == 0 and "edited" in out
    assert _run("deid", "accept", "--all", "-p", loc)[0] == 0
    code, out = _run("deid", "list", "-p", loc, "--status", "pending")
    assert code == 0 and "No detections" in out
    code, out = _run("deid", "apply", "--force", "--key", key, "--passphrase-file", pw, "-p", loc, "--mode", "tag")
    assert code == 0, out
    assert "De-identified 1 source(s) and 0 field value(s) (tag)" in out and "PHONE: 1" in out
    assert "Storage compacted" in out and "Event log:" in out
    with makna.open_project(loc) as p:
        new = makna.get_source(p, "a.txt").text
    assert "[PERSON-1]" in new and "zorblat" not in new and "24 tahun" in new  # rejected: kept
    assert "[EMAIL-1].com" in new  # the edited (shortened) span
    code, out = _run("deid", "status", "-p", loc, "--format", "json")
    [status] = json.loads(out)
    assert status["applied"] == "yes" and status["mode"] == "tag" and status["pending"] == 0
    code, out = _run("deid", "reveal", "-s", "a.txt", "--key", key, "--passphrase-file", pw, "-p", loc)
    assert code == 0 and out == TEXT
    target = tmp_path / "orig.txt"
    code, out = _run("deid", "reveal", "-s", "a.txt", "--key", key, "--passphrase-file", pw, "-p", loc,
                     "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8") == TEXT


def test_passphrase_sources_and_errors(loc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = str(tmp_path / "k.key")
    _run("deid", "scan", "-p", loc)
    _run("deid", "accept", "--all", "-p", loc)
    # a new key: the hidden prompt asks twice
    code, out = _run("deid", "apply", "--force", "--key", key, "-p", loc, input="s3cret phrase\ns3cret phrase\n")
    assert code == 0, out
    assert "s3cret" not in out.replace("s3cret phrase\n", "")  # never echoed back
    monkeypatch.setenv("MAKNA_DEID_PASSPHRASE", "wrong")
    code, out = _run("deid", "reveal", "-s", "a.txt", "--key", key, "-p", loc)
    assert code == 1 and "Error: wrong passphrase" in out
    monkeypatch.setenv("MAKNA_DEID_PASSPHRASE", "s3cret phrase")
    assert _run("deid", "reveal", "-s", "a.txt", "--key", key, "-p", loc) == (0, TEXT)
    code, out = _run("deid", "reveal", "-s", "a.txt", "--key", str(tmp_path / "none.key"), "-p", loc)
    assert code == 1 and "key file not found" in out
    code, out = _run("deid", "accept", "1:1", "-p", loc)
    assert code == 1 and "de-identified already" in out
    code, out = _run("deid", "accept", "-p", loc)
    assert code == 2 and "--all" in out
    code, out = _run("deid", "apply", "--force", "--key", key, "-p", loc, "--passphrase-file", str(tmp_path / "nope"))
    assert code == 2 and "cannot read passphrase file" in out


def test_known_names_command(loc: str, tmp_path: Path) -> None:
    key, pw = str(tmp_path / "k.key"), str(tmp_path / "pass.txt")
    code, out = _run("deid", "names", "add", "zorblat", "Kwarx", "--key", key, "--passphrase-file", pw, "-p", loc)
    assert code == 0 and "2 name(s) added" in out
    code, out = _run("deid", "names", "list", "--key", key, "--passphrase-file", pw, "-p", loc)
    assert out.split() == ["Kwarx", "zorblat"]
    code, out = _run("deid", "scan", "-p", loc, "--key", key, "--passphrase-file", pw, "-f", "json")
    assert code == 0 and "zorblat" in {r["text"] for r in json.loads(out)}


def test_table_output_escapes_markup(tmp_path: Path) -> None:
    """Transcript text with Rich markup characters is shown as it is, never interpreted."""
    path = str(tmp_path / "m.makna")
    with makna.create_project(path, coder="tester") as p:
        makna.import_text(p, "m.txt", "I: [/] [bold]Nama saya Siti[/bold], 0812-7411-2095.\n", language="id")
    code, out = _run("deid", "scan", "-p", path)
    assert code == 0, out
    assert "[bold]" in out and "[/]" in out


def test_scan_table_shows_transcript_text_as_written(loc: str) -> None:
    """The context column is plain text: no markup escapes (such as a stray backslash) and no markup."""
    code, out = _run("deid", "scan", "-p", loc, "--type", "email")
    assert code == 0, out
    assert "siti.r@example.com" in out and "\\[" not in out
    code, out = _run("deid", "scan", "-p", loc, "--type", "nope")
    assert code == 2 and "unknown identifier type(s): NOPE" in out


def test_reveal_refuses_an_unwritable_output_before_revealing(loc: str, tmp_path: Path) -> None:
    """A bad --output is one line and exit 2, checked before the reveal (which would be logged)."""
    out_file = tmp_path / "no-such-folder" / "original.txt"
    code, out = _run("deid", "reveal", "-s", "a.txt", "--key", str(tmp_path / "k.key"), "--passphrase-file",
                     str(tmp_path / "pass.txt"), "-o", str(out_file), "-p", loc)
    assert code == 2 and out.count("\n") == 1 and "does not exist" in out
    with makna.open_project(loc) as p:
        assert makna.events(p, action="deid.reveal") == []


def test_apply_failure_prints_no_note_and_coded_turns_follow(loc: str, tmp_path: Path) -> None:
    key, pw = str(tmp_path / "k.key"), str(tmp_path / "pass.txt")
    # nothing scanned: nothing to de-identify, and no "cannot be undone" note
    code, out = _run("deid", "apply", "--force", "--key", key, "--passphrase-file", pw, "-p", loc)
    assert code == 1 and "nothing to de-identify" in out and "cannot be undone" not in out
    with makna.open_project(loc, coder="tester") as p:
        makna.add_code(p, "c", "A code")
        for turn in range(1, 5):
            makna.code_turn(p, "a.txt", turn, "c")
    assert _run("deid", "scan", "-p", loc)[0] == 0
    assert _run("deid", "accept", "--all", "-p", loc)[0] == 0
    # #11 (trial13 #3): the coded source is de-identified, each coding of a turn still the whole turn
    code, out = _run("deid", "apply", "--force", "--key", key, "--passphrase-file", pw, "-p", loc)
    assert code == 0 and "De-identified 1 source(s)" in out and "Left out" not in out, out
    with makna.open_project(loc) as p:
        from sqlalchemy import select

        from makna.store import tables
        with p.store.read() as conn:
            g = tables.segments.c
            spans = [tuple(r) for r in conn.execute(select(g.start, g.end).order_by(g.start))]
        assert spans == [(t.start, t.end) for t in makna.get_turns(p, "a.txt")]
        assert "Siti" not in makna.get_source(p, "a.txt").text
