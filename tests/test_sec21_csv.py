"""sec21 (#11): no CSV makna writes holds a cell a spreadsheet would run, whether it splits the file at the
comma makna writes, at ``;`` (Excel with Indonesian or most European regional settings) or at a tab.

The readings are ``csv.reader`` with each separator: like a spreadsheet, it honours a quote only at the start
of a field, so a quoted cell written for commas is no protection under ``;``."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.agreement.disagreements import disagreements_csv, list_disagreements
from makna.cli import app
from makna.cli._common import OutputFormat, emit
from makna.csvsafe import safe_cell, table_text

SRC = Path(makna.__file__).parent
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
#: What a memo, a code's name or a coder's name may hold: a formula after each place a spreadsheet may split.
HOSTILE = [
    'catatan;=HYPERLINK("http://example.com/a","klik")',
    "catatan;=1+1",
    "catatan\t=2+2",
    "catatan,@SUM(A1)",
    'catatan;"=3+3',
    'catatan;""+4+4',
    "catatan\n-5+cmd|' /C calc'!A0",
    "catatan;\t=6+6",
]


def runnable(text: str) -> list[tuple[str, str]]:
    """The cells (separator, cell) of ``text`` that a spreadsheet reading it at ``,``, ``;`` or a tab would run:
    a formula start, after any tabs and line breaks (which a spreadsheet may drop), that is not a number."""
    found = []
    for sep in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=sep):
            for cell in row:
                bare = cell.lstrip("\t\r\n")
                if bare[:1] in ("=", "+", "-", "@") and bare not in ("+", "-") and not _NUMBER.fullmatch(bare):
                    found.append((sep, cell))
    return found


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_is_safe_under_every_separator(value: str) -> None:
    text = table_text(["a", "b", "c"], [[1, value, value], [value, -0.25, "ok"]])
    assert runnable(text) == []


def test_quoting_alone_does_not_hold_a_cell_together_under_semicolons() -> None:
    # what round twenty wrote (the writer's quoting and a leading apostrophe only): ';' splits the quoted cell
    plain = io.StringIO()
    csv.writer(plain, lineterminator="\n").writerows([["a", "b"], [1, HOSTILE[0]]])
    assert [cell[:10] for _, cell in runnable(plain.getvalue())] == ["=HYPERLINK"]


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("x;=1+1", "x;'=1+1"),
        ('x;"=1', "x;\"'=1"),
        ("x\t=1", "x\t'=1"),
        ("x\n@a", "x\n'@a"),
        ("1;-2", "1;-2"),
        ("a;-", "a;-"),
        ("a; =1", "a; =1"),
        ("a=b;c", "a=b;c"),
        ("=a;=b", "'=a;'=b"),
        (["x;=1"], "['x;'=1']"),
    ],
)
def test_safe_cell_inside(value: object, want: str) -> None:
    assert safe_cell(value) == want


def _hostile_project(project: makna.Project) -> None:
    makna.import_text(
        project, "wawancara;=1+1.txt", "P: Apa kabar hari ini?\nI: Baik, terima kasih banyak.\n", language="id"
    )
    makna.add_code(project, "k", HOSTILE[0], definition=HOSTILE[1], inclusion=HOSTILE[2], exclusion=HOSTILE[3])
    for i, memo in enumerate(HOSTILE):
        makna.code_span(project, "wawancara;=1+1.txt", 3 + i, 10 + i, "k", memo=memo)


def test_the_exports_are_safe(project: makna.Project, tmp_path: Path) -> None:
    _hostile_project(project)
    assert makna.write_segments_csv(project, tmp_path / "s.csv") == len(HOSTILE)
    assert makna.write_codebook_csv(project, tmp_path / "c.csv") == 1
    for name in ("s.csv", "c.csv"):
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        assert "catatan;'=1+1" in text
        assert runnable(text) == [], name
    # still read back whole by a comma reader: the memo as written, with the one apostrophe
    rows = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert sorted(r["memo"] for r in rows) == sorted(safe_cell(m) for m in HOSTILE)


def test_command_output_is_safe(project_location: str, capsys: pytest.CaptureFixture[str]) -> None:
    with makna.create_project(project_location, "Studi", coder="tester") as proj:
        _hostile_project(proj)
    for args in (["segments", "--format", "csv"], ["codebook", "list", "--format", "csv"]):
        result = CliRunner().invoke(app, [*args, "-p", project_location])
        assert result.exit_code == 0, result.output
        assert "catatan;'=1+1" in result.output, args
        assert runnable(result.output) == [], args
    # the audit log and every other table go through emit
    emit([{"actor": HOSTILE[0], "detail": HOSTILE[4]}], ["actor", "detail"], OutputFormat.csv)
    assert runnable(capsys.readouterr().out) == []


def test_the_disagreements_are_safe(project_location: str) -> None:
    with makna.create_project(project_location, "Studi", coder="ana") as proj:
        _hostile_project(proj)
    with makna.open_project(project_location, coder="budi") as proj:
        makna.code_span(proj, "wawancara;=1+1.txt", 20, 30, "k", memo=HOSTILE[1])
    with makna.open_project(project_location) as proj:
        text = disagreements_csv(list_disagreements(proj))
    assert text.count("\n") > 1
    assert runnable(text) == []


def test_csv_is_written_in_one_place() -> None:
    writers = sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if re.search(r"csv\.(writer|DictWriter)\(", p.read_text(encoding="utf-8"))
    )
    assert writers == ["csvsafe.py"]
