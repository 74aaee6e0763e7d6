"""'makna sources show NAME --format json' gives JSON (trial16, issue #11): without --turns it printed the plain
text whatever the format, so a script reading it as JSON failed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()
TEXT = 'P: Apo usaho Uni?\nI: Ambo jua kerudung, "murah", di pasa.\n'


def test_show_gives_the_text_in_the_format_asked(tmp_path: Path) -> None:
    path = str(tmp_path / "s.makna")
    with makna.create_project(path, "S") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
    plain = runner.invoke(app, ["sources", "show", "informan-01.txt", "-p", path])
    assert plain.exit_code == 0 and plain.output == TEXT + "\n"
    as_json = runner.invoke(app, ["sources", "show", "informan-01.txt", "-p", path, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output) == [{"name": "informan-01.txt", "language": "id", "text": TEXT}]
    as_csv = runner.invoke(app, ["sources", "show", "informan-01.txt", "-p", path, "--format", "csv"])
    assert list(csv.DictReader(io.StringIO(as_csv.output)))[0]["text"] == TEXT
