"""newuser14: a cases file given to ``codebook import`` and a codebook given to ``cases import`` were taken as
empty ("0 code(s) added", exit 0); each is now one line naming the file and the command it belongs to, and the
project is unchanged (#11)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()
CODEBOOK = "format: makna-codebook/1\nname: uji\ncodes:\n  - key: exp\n    name: Pengalaman\n"
CASES = "attributes:\n  - {name: usia, type: text}\ncases:\n  - {name: Informan A, values: {usia: '30-34'}}\n"


def test_the_wrong_file_for_each_import_is_refused(tmp_path: Path) -> None:
    loc = str(tmp_path / "study.makna")
    makna.create_project(loc, coder="tester").close()
    (tmp_path / "codebook.yaml").write_text(CODEBOOK, encoding="utf-8")
    (tmp_path / "cases.yaml").write_text(CASES, encoding="utf-8")
    r = runner.invoke(app, ["cases", "import", str(tmp_path / "codebook.yaml"), "-p", loc])
    assert r.exit_code != 0 and "not a cases file" in r.output and "makna codebook import" in r.output, r.output
    r = runner.invoke(app, ["codebook", "import", str(tmp_path / "cases.yaml"), "-p", loc])
    assert r.exit_code != 0 and "not a codebook" in r.output and "makna cases import" in r.output, r.output
    assert "Traceback" not in r.output
    with makna.open_project(loc) as p:
        assert not makna.list_codes(p) and not makna.list_cases(p)
    assert runner.invoke(app, ["codebook", "import", str(tmp_path / "codebook.yaml"), "-p", loc]).exit_code == 0
    assert runner.invoke(app, ["cases", "import", str(tmp_path / "cases.yaml"), "-p", loc]).exit_code == 0
