"""``makna deid fields``: every free-text field value with its number fN, the number ``makna deid add
--field`` takes (a new user found no way to learn it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app

TEXT = "P: Siapa namanya?\nI: Nama saya Siti Rahmawati.\n"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def loc(project_location: str, monkeypatch: pytest.MonkeyPatch) -> str:
    with makna.create_project(project_location, "Ojol", coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
        makna.add_case(p, "Informan Zorblat", description="Pedagang pasar")
    monkeypatch.setenv("MAKNA_CODER", "tester")
    return project_location


def test_fields_lists_the_numbers_add_takes(loc: str) -> None:
    code, out = _run("deid", "fields", "-p", loc, "--format", "json")
    assert code == 0, out
    before = json.loads(out)
    assert {(r["field"], r["value"], r["id"], r["state"]) for r in before} >= {
        ("cases.name", "Informan Zorblat", "", "not scanned"), ("meta.value", "Ojol", "", "not scanned")}
    code, out = _run("deid", "scan", "-p", loc, "--format", "json")
    assert code == 0, out
    found = [r["id"] for r in json.loads(out) if r["field"] == "cases.name"]
    code, out = _run("deid", "fields", "-p", loc, "--format", "json")
    rows = {(r["field"], r["row"]): r for r in json.loads(out)}
    case_name = rows[("cases.name", "case Informan Zorblat")]
    assert case_name["id"].startswith("f") and case_name["state"] == "scanned"
    assert rows[("sources.name", "source a.txt")]["value"] == "a.txt"
    assert len({r["id"] for r in rows.values()}) == len(rows)  # one number per value
    for item in found:  # whatever the detectors made of the case name, the researcher marks it by hand
        assert _run("deid", "reject", item, "-p", loc)[0] == 0
    code, out = _run("deid", "add", "--field", case_name["id"], "--span", "9:16", "--type", "PERSON", "-p", loc)
    assert code == 0 and f"{case_name['id']}:" in out and "[Zorblat] added" in out, out
    code, out = _run("deid", "fields", "-p", loc)
    assert code == 0 and case_name["id"] in out and "cases.name" in out and "deid add --field fN" in out
    with makna.open_project(loc) as p:
        makna.rename_source(p, "a.txt", "b.txt")
    code, out = _run("deid", "fields", "-p", loc, "--format", "json")
    renamed = next(r for r in json.loads(out) if r["field"] == "sources.name")
    assert renamed["state"] == "edited since the scan" and renamed["id"] == rows[("sources.name", "source a.txt")]["id"]
    code, out = _run("deid", "fields", "-p", loc, "--pending", "--format", "json")
    assert code == 0 and all(r["field"] != "cases.name" for r in json.loads(out))  # the added one is accepted


def test_add_points_to_the_listing() -> None:
    code, out = _run("deid", "add", "--help")
    assert code == 0 and "deid fields" in out
    code, out = _run("deid", "add", "--field", "f999", "--span", "0:1", "--type", "PERSON", "-p", "/nonexistent.makna")
    assert code != 0
