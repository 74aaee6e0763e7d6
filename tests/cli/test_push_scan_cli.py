"""trial18 #13 (#11) through the CLI, on a project file (a SQLite team file): the coder's blind copy gets a memo
naming an informant and her phone number; ``makna push`` does not send it (one line saying why and what to do, the
text never quoted, exit 1, the memo kept in the copy) and sends a clean one unchanged; the project file never holds
the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_deid_file import applied_file, run

NAMING = "Teh Yanti Nurhayati cerita soal suaminya; nomornya 0819-2231-4456."


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A de-identified project file of ratna's."""
    monkeypatch.setenv("MAKNA_CODER", "ratna")
    return applied_file(tmp_path)


def test_a_blind_copys_memo_naming_someone_is_not_pushed(applied: str, tmp_path: Path) -> None:
    copy = str(tmp_path / "dimas.makna")
    assert run("copy", copy, "--coder", "dimas", "--blind", "-p", applied)[0] == 0
    assert run("memo", "add", NAMING, "--on", "source", "--target", "p02.txt", "-p", copy)[0] == 0
    assert run("memo", "add", "Bagian pasar cocok untuk kode ekonomi.", "-p", copy)[0] == 0
    code, out, err = run("push", copy)
    assert code == 1, out + err
    assert "Pushed 1 of 2 changes (1 added)" in out
    line = next(x for x in out.splitlines() if x.startswith("Not sent: memo "))
    assert "a person's name" in line and "a phone number" in line and "push again" in line
    assert "Yanti" not in out + err and "0819" not in out + err
    assert "edit them in the copy" in err and "pull --discard" not in err
    code, out, _ = run("memo", "list", "-p", applied, "--format", "json")
    assert code == 0 and "Bagian pasar" in out and "Yanti" not in out
    code, out, _ = run("memo", "list", "-p", copy, "--format", "json")
    assert "Yanti" in out  # kept in her copy, to rewrite
