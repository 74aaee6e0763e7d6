"""trial18: after the apply, the lecturer typed the informants' home towns into a case attribute (``asal: Garut``)
and wrote a memo naming an informant. The copy for her assistant warned that fields were never scanned, naming
``makna deid scan``: without the key that scan passes over a name the apply replaced (the project no longer holds
it; README says to give the key), so the warning now names the key, as README does. ``makna server project import``
said nothing of those fields, while every member of the server reads them as written: it warns the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_deid_file import applied_file, run

PASSWORD = "a long enough password"


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A de-identified project file, every field scanned."""
    monkeypatch.setenv("MAKNA_CODER", "ratna")
    return applied_file(tmp_path)


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
