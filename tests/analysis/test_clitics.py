"""Indonesian clitics (-nya, -lah, -kah, -tah, -pun, -ku, -mu) on words PySastrawi does not know:
search and ``--match`` find ``ongkirnya`` for ``ongkir`` and the other way round, without cutting a
word the dictionary knows (``masalah`` is not ``masa``) or a root too short to tell (``kuku``, ``hpnya``)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.analysis.search import search
from makna.cli import app
from makna.coding import find_matches
from makna.textindex.stemming import clitic_root, stem

TEXT = ("P: Ongkirnya berapa, Kak?\nI: Ongkir naik terus. Mahal ongkirlah sekarang.\n"
        "P: Masalahnya apa?\nI: Masa lalu saja. Kukunya patah. Hpnya rusak, hp baru mahal.\n")


@pytest.mark.parametrize(("word", "root"), [
    ("ongkirnya", "ongkir"), ("ongkirlah", "ongkir"), ("ongkirkah", "ongkir"), ("ongkirpun", "ongkir"),
    ("ongkirku", "ongkir"), ("ongkirmu", "ongkir"), ("ongkirnyalah", "ongkir"), ("michatnya", "michat"),
    ("masalah", "masalah"), ("sekolah", "sekolah"), ("apakah", "apakah"), ("kuku", "kuku"), ("hpnya", "hpnya"),
    ("ongkir", "ongkir"), ("cod2nya", "cod2nya"),
])
def test_clitic_root(word: str, root: str) -> None:
    assert clitic_root(word) == root


def test_stems_meet_across_clitics() -> None:
    assert stem("ongkirnya", "id") == stem("Ongkir", "id") == stem("ongkirlah", "id") == "ongkir"
    assert stem("tamunya", "id") == "tamu"  # the dictionary's own work, unchanged
    assert stem("masalah", "id") != stem("masa", "id")


@pytest.mark.parametrize(("query", "found"), [
    ("ongkir", ["Ongkirnya", "Ongkir", "ongkirlah"]),
    ("ongkirnya", ["Ongkirnya", "Ongkir", "ongkirlah"]),
    ("masa", ["Masa"]),  # not Masalahnya
    ("masalah", ["Masalahnya"]),
    ("hp", ["hp"]),  # a short word takes no clitic
    ("ongkir naik", ["Ongkir naik"]),
])
def test_match_finds_clitic_forms(query: str, found: list[str]) -> None:
    assert [TEXT[a:b] for a, b in find_matches(TEXT, query)] == found


def test_regex_and_parts_of_words_unchanged() -> None:
    assert [TEXT[a:b] for a, b in find_matches(TEXT, "ongkir", regex=True, ignore_case=False)] == ["ongkir"]
    assert [TEXT[a:b] for a, b in find_matches(TEXT, "ongkir", whole_words=False)] == ["Ongkir", "Ongkir", "ongkir"]


def test_search_finds_clitic_forms(project: Any) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    for query in ("ongkir", "ongkirnya"):
        hits = search(project, query)
        assert sorted(h.keyword for h in hits) == ["Ongkir", "Ongkirnya", "ongkirlah"], query
    assert [h.keyword for h in search(project, "masa")] == ["Masa"]


def test_cli_match_and_search(project_location: str) -> None:
    runner = CliRunner()
    with makna.create_project(project_location, "Clitics", coder="tester") as proj:
        makna.import_text(proj, "a.txt", TEXT, language="id")
        makna.add_code(proj, "biaya", "Cost")
    out = runner.invoke(app, ["code", "biaya", "--match", "ongkir", "-p", project_location])
    assert out.exit_code == 0, out.output
    rows = json.loads(runner.invoke(app, ["segments", "-p", project_location, "-f", "json"]).output)
    assert sorted(r["text"] for r in rows) == ["Ongkir", "Ongkirnya", "ongkirlah"]
    found = runner.invoke(app, ["search", "ongkirnya", "-p", project_location, "-f", "json"])
    assert found.exit_code == 0, found.output
    assert len(json.loads(found.output)) == 3
