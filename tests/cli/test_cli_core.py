"""The core commands through CliRunner: exit codes, output, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()

TEXT = "Catatan fiktif.\n\nP: Kenapa MiChat?\nI: Gratis, Kak. Aku pernah ditipu juga.\nP: Oke.\nI: Aman aja.\n"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def loc(project_location: str, tmp_path: Path) -> str:
    code, out = run("init", project_location, "--name", "CLI study")
    assert code == 0 and "Created project 'CLI study'" in out
    (tmp_path / "informan-01.txt").write_text(TEXT, encoding="utf-8")
    code, out = run("import", str(tmp_path / "informan-01.txt"), "-p", project_location)
    assert code == 0 and "1 imported" in out
    return project_location


def test_workflow(loc: str, tmp_path: Path) -> None:
    assert run("codebook", "add", "exp", "-p", loc, "--name", "Pengalaman")[0] == 0
    assert run("codebook", "add", "exp.fraud", "-p", loc, "--parent", "exp", "--name", "Ditipu")[0] == 0
    assert run("codebook", "add", "free", "-p", loc)[0] == 0
    code, out = run("code", "exp.fraud", "-s", "informan-01.txt", "--turn", "2", "-p", loc, "--memo", "jelas")
    assert code == 0 and "Coded informan-01.txt [" in out
    code, out = run("code", "free", "-p", loc, "--match", "gratis", "--scope", "sentence")
    assert code == 0 and "Coded 1 segment(s)" in out
    code, out = run("code", "free", "-p", loc, "--speaker", "I")
    assert code == 0 and "Coded 2 segment(s)" in out
    code, out = run("segments", "-p", loc, "--code", "exp", "--format", "json", "--context", "5")
    rows = json.loads(out)
    assert code == 0 and [r["text"] for r in rows] == ["I: Gratis, Kak. Aku pernah ditipu juga."]
    assert rows[0]["turn"] == 2 and rows[0]["memo"] == "jelas" and rows[0]["before"] == "iChat?\n"[-5:]
    code, out = run("stats", "-p", loc, "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "code,name,segments,sources,cases"
    assert "exp.fraud,Ditipu,1,1,0" in out
    assert run("cases", "add", "Informan 1", "-p", loc, "-s", "informan-01.txt")[0] == 0
    code, out = run("stats", "-p", loc, "--matrix", "--format", "json")
    assert json.loads(out)[1] == {"code": "exp.fraud", "Informan 1": 1}
    code, out = run("uncode", "-p", loc, "-s", "informan-01.txt", "--span", "34:40")
    assert code != 0 and out.startswith("Error: no coding at 34:40")
    code, out = run("log", "-p", loc, "--format", "json", "--limit", "3")
    assert code == 0 and [e["action"] for e in json.loads(out)[:2]] == ["case.link", "case.add"]


def test_sources_and_turns(loc: str) -> None:
    code, out = run("sources", "-p", loc, "--format", "json")
    assert code == 0 and json.loads(out)[0]["turns"] == 4
    code, out = run("sources", "show", "informan-01.txt", "--turns", "-p", loc, "--format", "csv")
    assert code == 0 and out.splitlines()[2].startswith("2,I,")
    code, out = run("sources", "show", "informan-01.txt", "-p", loc)
    assert out.startswith("Catatan fiktif.")


def test_codebook_commands(loc: str, tmp_path: Path) -> None:
    cb = tmp_path / "cb.yaml"
    cb.write_text("format: makna-codebook/1\ncodes:\n  - key: a\n    name: A\n    children:\n      - key: b\n",
                  encoding="utf-8")
    assert run("codebook", "import", str(cb), "-p", loc)[1].strip() == f"Codebook {cb}: 2 code(s) added, 0 updated."
    assert run("codebook", "rename", "b", "Bee", "-p", loc)[0] == 0
    assert run("codebook", "color", "b", "#112233", "-p", loc)[0] == 0
    assert run("codebook", "move", "b", "--root", "-p", loc)[0] == 0
    code, out = run("codebook", "move", "b", "-p", loc)
    assert code == 2 and "give either --parent" in out
    assert run("codebook", "merge", "b", "a", "-p", loc)[0] == 0
    code, out = run("codebook", "-p", loc, "--format", "json")
    assert [c["key"] for c in json.loads(out)] == ["a"]
    out_file = tmp_path / "out.yaml"
    assert run("codebook", "export", "-p", loc, "-o", str(out_file))[0] == 0
    assert "key: a" in out_file.read_text(encoding="utf-8")
    assert run("codebook", "delete", "a", "-p", loc)[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "nope", "-s", "informan-01.txt", "--span", "0:5"], "unknown code 'nope'"),
        (["code", "x", "-s", "informan-01.txt", "--span", "5"], "expected START:END"),
        (["code", "x", "-s", "informan-01.txt", "--span", "0:5", "--turn", "2"], "exactly one of"),
        (["code", "x", "-s", "missing.txt", "--turn", "1"], "unknown source 'missing.txt'"),
        (["segments", "--attribute", "novalue"], "expected NAME=VALUE"),
        (["cases", "set", "Nobody", "a=b"], "unknown case 'Nobody'"),
        # a value without "=" names what was typed (a value), not an option never given (newuser18)
        (["cases", "set", "Nobody", "pekerjaan", "pedagang"], "case value 'pekerjaan': expected NAME=VALUE"),
        (["codebook", "import", "missing.yaml"], "no such file"),
        (["import", "missing.txt"], "no such file"),
    ],
)
def test_user_errors_are_one_line(loc: str, args: list[str], message: str) -> None:
    code, out = run(*args, "-p", loc)
    assert code != 0
    assert message in out and out.count("\n") <= 2


def test_duplicate_coding_error(loc: str) -> None:
    run("codebook", "add", "x", "-p", loc)
    assert run("code", "x", "-s", "informan-01.txt", "--span", "0:5", "-p", loc)[0] == 0
    code, out = run("code", "x", "-s", "informan-01.txt", "--span", "0:5", "-p", loc)
    assert code == 2 and out.startswith("Error:") and "duplicates" in out


def test_offsets_out_of_range(loc: str) -> None:
    run("codebook", "add", "x", "-p", loc)
    code, out = run("code", "x", "-s", "informan-01.txt", "--span", "0:9999", "-p", loc)
    assert code == 2 and "outside source" in out


def test_project_discovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MAKNA_PROJECT", raising=False)
    code, out = run("sources")
    assert code == 1 and "no project given" in out
    assert run("init")[0] == 0
    assert (tmp_path / "study.makna").exists()
    code, out = run("sources")
    assert code == 0 and "No sources yet" in out
    run("init", "second.makna")
    code, out = run("sources")
    assert code == 1 and "several *.makna files" in out
    monkeypatch.setenv("MAKNA_PROJECT", str(tmp_path / "second.makna"))
    assert run("sources")[0] == 0


def test_not_a_project(tmp_path: Path) -> None:
    bad = tmp_path / "notes.makna"
    bad.write_text("hello", encoding="utf-8")
    code, out = run("sources", "-p", str(bad))
    assert code == 1 and "not a makna project" in out
    assert bad.read_text(encoding="utf-8") == "hello"


def test_init_refuses_existing(tmp_path: Path) -> None:
    path = str(tmp_path / "a.makna")
    assert run("init", path)[0] == 0
    code, out = run("init", path)
    assert code == 1 and "exists there already" in out


def test_import_reports_failures(loc: str, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out = run("import", str(tmp_path / "empty.txt"), "-p", loc)
    assert code == 2 and "the file is empty" in out
    code, out = run("import", str(tmp_path / "informan-01.txt"), "-p", loc)
    assert code == 2 and "identical to source 'informan-01.txt'" in out
    code, out = run("import", str(tmp_path), "-p", loc)
    assert code == 2 and "Skipped" in out and "0 imported, 1 skipped, 1 failed" in out


def test_output_that_cannot_be_written_is_one_line(project_location: str, tmp_path: Path) -> None:
    assert run("init", project_location)[0] == 0
    code, out = run("codebook", "export", "-p", project_location, "-o", str(tmp_path))  # a folder
    assert code == 2 and out.count("\n") == 1 and "cannot write" in out


def test_uncode_refuses_another_coders_coding_in_one_line(loc: str) -> None:
    assert run("codebook", "add", "free", "-p", loc)[0] == 0
    code, out = run("code", "free", "-s", "informan-01.txt", "--span", "0:7", "-p", loc, "--coder", "budi")
    seg = out.rsplit("(segment ", 1)[1].rstrip(").\n")
    code, out = run("uncode", "--segment", seg, "-p", loc, "--coder", "ana")
    assert code == 3 and out.splitlines() == [f"Error: segment {seg} was coded by 'budi': only that coder may change "
                                              "or remove it (you are 'ana')"]
    code, out = run("uncode", "-s", "informan-01.txt", "--span", "0:7", "-p", loc, "--coder", "ana", "--all-coders")
    assert code == 0 and "Removed 1 coding(s)." in out


def test_codebook_delete_refuses_without_a_choice_and_can_move(loc: str) -> None:
    for key in ("a", "b"):
        assert run("codebook", "add", key, "-p", loc)[0] == 0
    assert run("code", "a", "-s", "informan-01.txt", "--turn", "2", "-p", loc, "--coder", "budi")[0] == 0
    code, out = run("codebook", "delete", "a", "-p", loc)
    assert code == 2 and out.splitlines() == ["Error: code 'a' has 1 coding(s) by 1 coder(s) in 1 source(s) and 0 "
                                              "child code(s); merge it, move its codings (--move-to), or delete "
                                              "with --force"]
    code, out = run("codebook", "delete", "a", "--move-to", "b", "-p", loc)
    assert code == 0 and out.strip() == "Deleted code a; 1 segment(s) moved to b."
    code, out = run("segments", "-p", loc, "--code", "b", "--format", "json")
    assert [(s["coder"], s["turn"]) for s in json.loads(out)] == [("budi", 2)]
