"""A code's name in a second language: the report (and its drafted findings) in that language use it, falling back
to the code's own name; it is edited in the CLI, kept by the YAML codebook, a .qdc and a .qdpx."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.code_translations import translate_code
from makna.codebook import dump_codebook, export_codebook, import_codebook, load_codebook
from makna.errors import CodebookError
from makna.report.model import build_report

TEXT = (
    "P: How did it start?\nI: A friend showed me the app, and I was afraid at first.\n"
    "P: And now?\nI: Now I save money for my child.\n"
)


def _study(project: Any) -> None:
    makna.import_text(project, "informant-01.txt", TEXT, language="en")
    makna.add_code(project, "mot", "Motives")
    makna.add_code(project, "mot.money", "Money for the family", parent="mot", definition="Earning for kin.")
    makna.add_code(project, "mot.fear", "Fear", parent="mot")
    makna.code_turn(project, "informant-01.txt", 2, "mot.fear")
    makna.code_turn(project, "informant-01.txt", 4, "mot.money")


def _names(data: Any) -> dict[str, str]:
    return {s.key: s.name for s in data.codebook}


def test_a_report_in_the_studys_language_uses_the_codes_names_there(project: Any) -> None:
    _study(project)
    translate_code(project, "mot", "id", "Motif")
    code = translate_code(project, "mot.money", "id", "Uang untuk keluarga", "Mencari nafkah untuk kerabat.")
    assert code.name == "Money for the family" and code.name_in("id") == "Uang untuk keluarga"
    indonesian = build_report(project, lang="id", charts=False)
    assert _names(indonesian) == {"mot": "Motif", "mot.money": "Uang untuk keluarga", "mot.fear": "Fear"}  # fallback
    assert {s.key: s.definition for s in indonesian.codebook}["mot.money"] == "Mencari nafkah untuk kerabat."
    said = " ".join(" ".join(c.sentences) for c in indonesian.conclusions)
    assert "Motif" in said and "Motives" not in said  # the drafted findings too
    assert _names(build_report(project, lang="en", charts=False))["mot"] == "Motives"
    translate_code(project, "mot", "id", "")  # removed: the code's own name again
    assert _names(build_report(project, lang="id", charts=False))["mot"] == "Motives"
    with pytest.raises(CodebookError):
        translate_code(project, "mot", "Bahasa Indonesia!", "Motif")


def test_translations_travel_in_the_yaml_codebook_qdc_and_qdpx(project: Any, tmp_path: Path) -> None:
    _study(project)
    translate_code(project, "mot.money", "id", "Uang untuk keluarga", "Mencari nafkah.")
    text = export_codebook(project)
    assert "Uang untuk keluarga" in text
    doc = load_codebook(text)
    assert next(c for c in doc.codes if c.key == "mot.money").name_in("id") == "Uang untuk keluarga"
    assert load_codebook(dump_codebook(doc)) == doc
    with pytest.raises(CodebookError, match="translation"):
        load_codebook("codes:\n- key: a\n  translations: {id: [1]}\n")
    out = tmp_path / "study.qdpx"
    makna.export_qdpx(project, out)
    with zipfile.ZipFile(out) as zf:
        assert b"Uang untuk keluarga" not in zf.read("project.qde")  # the names other tools show stay the code's
    with makna.create_project(str(tmp_path / "again.makna"), "Again", coder="ana") as again:
        makna.import_qdpx(again, out)
        assert makna.get_code(again, "mot.money").definition_in("id") == "Mencari nafkah."
    with makna.create_project(str(tmp_path / "other.makna"), "Other", coder="ana") as other:
        makna.add_code(other, "mot", "Motives")
        makna.add_code(other, "mot.money", "Money", parent="mot")
        import_codebook(other, doc)  # a code that exists gets the file's translations
        assert makna.get_code(other, "mot.money").name_in("id") == "Uang untuk keluarga"


def test_cli_translate(tmp_path: Path) -> None:
    path = tmp_path / "study.makna"
    with makna.create_project(str(path), "Study", coder="ana") as proj:
        _study(proj)
    runner = CliRunner()
    done = runner.invoke(
        app, ["codebook", "translate", "mot", "id", "Motif", "--definition", "Alasan.", "-p", str(path)]
    )
    assert done.exit_code == 0, done.output
    assert "'Motif' in id" in done.output
    out = tmp_path / "laporan"
    assert runner.invoke(app, ["report", "-o", str(out), "--lang", "id", "-p", str(path)]).exit_code == 0
    page = (out / "report.md").read_text(encoding="utf-8")
    assert "Motif" in page and "Motives" not in page
    gone = runner.invoke(app, ["codebook", "translate", "mot", "id", "--remove", "-p", str(path)])
    assert gone.exit_code == 0 and "'Motives'" in gone.output
    bad = runner.invoke(app, ["codebook", "translate", "mot", "id", "-p", str(path)])
    assert bad.exit_code != 0
