"""The disagreement page in Indonesian (``lang="id"``, ``makna agreement disagreements --lang id``): a new
user's trial of an Indonesian study got an English page to share with the second coder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.agreement import AgreementScope, disagreements_html, list_disagreements
from makna.cli import app
from makna.errors import InputError

TEXT = "P: Bagaimana?\nI: Pernah ditipu pembeli.\nP: Lalu?\nI: Ongkir mahal.\n"
ENGLISH = (
    "Coder disagreements",
    "unit(s) where coders differ",
    "(no code)",
    "disputed",
    "turn ",
    "any overlap",
    "Codes in dispute",
)


def _two_coders(project: Any) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_code(project, "tipu")
    makna.code_turn(project, "a.txt", 2, "tipu", coder="ana")
    makna.code_turn(project, "a.txt", 4, "tipu", coder="budi")


def test_the_page_speaks_indonesian(project: Any) -> None:
    _two_coders(project)
    listing = list_disagreements(project, AgreementScope(unit="turn"))
    page = disagreements_html(listing, lang="id")
    words = re.sub(r"<[^>]+>", " ", page.split("</style>")[1])
    assert '<html lang="id">' in page and "Ketidaksepakatan pengode" in words
    assert "giliran bicara 2 (I)" in words and "(tanpa kode)" in words and "tumpang tindih apa pun" in words
    assert not [w for w in ENGLISH if w in words]
    english = disagreements_html(listing)
    assert '<html lang="en">' in english and all(w in english for w in ENGLISH[:3])
    with pytest.raises(InputError, match="language 'fr'"):
        disagreements_html(listing, lang="fr")


def test_cli_writes_the_indonesian_page(tmp_path: Path) -> None:
    loc = str(tmp_path / "p.makna")
    with makna.create_project(loc, coder="ana") as p:
        _two_coders(p)
    out = tmp_path / "bahas.html"
    result = CliRunner().invoke(
        app, ["agreement", "disagreements", "-p", loc, "--unit", "turn", "--lang", "id", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Para pengode" not in out.read_text(encoding="utf-8")
    assert "Ketidaksepakatan pengode" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "expected"), [("id", "id"), ("en", "en")])
def test_cli_page_speaks_the_projects_language_by_default(tmp_path: Path, language: str, expected: str) -> None:
    """The README's example has no --lang: an Indonesian study got an English page to share."""
    loc = str(tmp_path / "p.makna")
    with makna.create_project(loc, coder="ana") as p:
        makna.import_text(p, "a.txt", TEXT, language=language)
        makna.add_code(p, "tipu")
        makna.code_turn(p, "a.txt", 2, "tipu", coder="ana")
        makna.code_turn(p, "a.txt", 4, "tipu", coder="budi")
    out = tmp_path / "bahas.html"
    result = CliRunner().invoke(app, ["agreement", "disagreements", "-p", loc, "--unit", "turn", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f'<html lang="{expected}">' in out.read_text(encoding="utf-8")
