"""Free-text fields in the review flow: listed with where they are, decided, added to, replaced consistently
with the transcripts, unique names kept unique, edits after a scan caught, the event log rewritten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import PrivacyError
from makna.privacy._scrub import rewrite_events
from makna.privacy.project import add_field_detection, decide_all, review_entries, scan
from makna.privacy.project_apply import apply
from makna.store import tables

PASS = "fields passphrase"
TEXT = "P: Siapa namanya?\nI: Nama saya Siti Rahmawati, dari Padang. Nomor saya 0812-7411-2095.\n"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def loc(project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    with makna.create_project(project_location, coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
        makna.add_case(p, "Informan Zorblat", description="Siti Rahmawati, nomor 0812-7411-2095")
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
    monkeypatch.setenv("MAKNA_CODER", "tester")
    (tmp_path / "pass.txt").write_text(PASS + "\n", encoding="utf-8")
    return project_location


def test_cli_lists_where_adds_to_a_field_and_applies(loc: str, tmp_path: Path) -> None:
    code, out = _run("deid", "scan", "-p", loc, "--format", "json")
    assert code == 0, out
    rows = json.loads(out)
    where = {(r["field"], r["text"]) for r in rows}
    assert ("cases.description", "Siti Rahmawati") in where and ("sources.text", "Siti Rahmawati") in where
    field_row = next(r for r in rows if r["field"] == "cases.description")
    assert field_row["id"].startswith("f") and field_row["source"] == "case Informan Zorblat"
    code, out = _run("deid", "status", "-p", loc)
    assert code == 0 and re.search(r"Free-text fields: \d+ value\(s\), \d+ scanned, [1-9]\d* detection", out), out
    code, out = _run("deid", "list", "-p", loc, "--format", "csv")
    assert code == 0 and "case Informan Zorblat,cases.description" in out
    name_field = None
    with makna.open_project(loc) as p:  # the case name has nothing the detectors know: mark it by hand
        scan(p)
        name_field = next(st_id for st_id in _field_numbers(p) if st_id[1] == "cases.name")[0]
    for r in rows:  # whatever the detectors made of the case name, the researcher marks it by hand
        if r["field"] == "cases.name":
            assert _run("deid", "reject", r["id"], "-p", loc)[0] == 0
    code, out = _run("deid", "add", "--field", f"f{name_field}", "--span", "9:16", "--type", "PERSON", "-p", loc)
    assert code == 0 and "[Zorblat] added" in out, out
    assert _run("deid", "add", "--span", "1:2", "--type", "PERSON", "-p", loc)[0] != 0  # neither --source nor --field
    assert _run("deid", "accept", "--all", "-p", loc)[0] == 0
    args = ["deid", "apply", "--force", "--key", str(tmp_path / "k.key"), "--passphrase-file", str(tmp_path / "pass.txt"),
            "-p", loc]
    code, out = _run(*args, "--surrogate-region", "Atlantis")
    assert code != 0 and "surrogate region 'Atlantis'" in out and not (tmp_path / "k.key").exists()
    code, out = _run(*args, "--surrogate-region", "sumbar")
    assert code == 0, out
    assert "1 source(s) and 2 field value(s)" in out and "Storage compacted" in out, out
    assert "Surrogate names, places and plates: Sumatera Barat (13)." in out
    code, out = _run("deid", "status", "-p", loc)
    assert code == 0 and re.search(r"Free-text fields: \d+ value\(s\), \d+ scanned, 0 detection\(s\) pending, "
                                   r"2 replaced", out), out
    with makna.open_project(loc) as p:
        text = makna.get_source(p, "a.txt").text
        [case] = makna.list_cases(p)
        surrogate = text.split("Nama saya ")[1].split(",")[0]
        assert surrogate != "Siti Rahmawati" and surrogate in case.description  # one person, one surrogate
        assert "Zorblat" not in case.name and case.name.startswith("Informan ")
        assert not any("Zorblat" in json.dumps(e.payload) for e in makna.events(p, limit=1000))
        assert review_entries(p) == []
        again = scan(p)  # replaced values are not scanned again (their surrogates are no finding)
        assert not [e for e in again.entries if e.field != "sources.text"]


def _field_numbers(project: makna.Project) -> list[tuple[int, str]]:
    from sqlalchemy import select

    f = tables.deid_fields.c
    with project.store.read() as conn:
        return [(r.number, f"{r.table_name}.{r.column_name}") for r in
                conn.execute(select(f.number, f.table_name, f.column_name).order_by(f.number))]


def test_unique_names_stay_unique_and_edits_after_a_scan_are_caught(project: makna.Project, tmp_path: Path) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_case(project, "Rosa")
    makna.add_case(project, "Rani")
    scan(project)
    numbers = dict((b, a) for a, b in [(n, f) for n, f in _field_numbers(project)] if b == "cases.name")
    assert numbers
    for number, field in _field_numbers(project):
        if field == "cases.name":
            entries = [e for e in review_entries(project) if e.id.startswith(f"f{number}:")]
            if not entries:
                add_field_detection(project, f"f{number}", 0, 4, "PERSON")
    decide_all(project, "accepted")
    makna.add_memo(project, "project", None, "Catatan: Siti Rahmawati menelepon lagi.")  # after the scan
    with pytest.raises(PrivacyError, match="unreviewed"):
        apply(project, tmp_path / "k.key", PASS, mode="mask")
    scan(project)
    decide_all(project, "accepted")
    report = apply(project, tmp_path / "k.key", PASS, mode="mask")
    names = sorted(c.name for c in makna.list_cases(project))
    assert names == ["████", "████ (2)"]
    assert len(report.fields) == 3 and "Siti" not in makna.list_memos(project)[0].text


def test_rewrite_events_replaces_originals_and_drops_the_fingerprint(project: makna.Project) -> None:
    makna.import_text(project, "wawancara_Siti.txt", "P: Halo.\n", language="id")
    src = makna.get_source(project, "wawancara_Siti.txt")
    makna.add_case(project, "Siti Rahmawati", description="x")
    with project.store.batch() as conn:
        n = rewrite_events(conn, {"Siti": "Dewi", "Siti Rahmawati": "Dewi Lestari", "29": "31"}, {}, {src.id})
    assert n == 2
    payloads = [e.payload for e in makna.events(project, limit=100)]
    imported = next(p for p in payloads if p.get("id") == src.id)
    assert imported["name"] == "wawancara_Dewi.txt" and "sha256" not in imported
    assert {"name": "Dewi Lestari"}.items() <= next(p for p in payloads if "Lestari" in str(p)).items()


def test_fields_lists_the_numbers_add_takes(loc: str) -> None:
    """``makna deid fields``: every value with its number fN, the number ``deid add --field`` takes (a new
    user found no way to learn it)."""
    code, out = _run("deid", "fields", "-p", loc, "--format", "json")
    assert code == 0, out
    before = json.loads(out)
    assert {(r["field"], r["value"], r["id"], r["state"]) for r in before} >= {
        ("cases.name", "Informan Zorblat", "", "not scanned"), ("sources.name", "a.txt", "", "not scanned")}
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
