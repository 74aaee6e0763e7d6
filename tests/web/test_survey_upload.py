"""The web import of a survey: a source and a case per respondent, and the page is told which column it took
for what; every string the page shows goes in through textContent (trial13 #2)."""

from __future__ import annotations

import sys
from pathlib import Path

from web_helpers import Client

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from survey_files import ROWS, survey_csv  # noqa: E402

HEADER = ["Respondent", "Site <b>", "What do you <i>like</i> about your work?"]


def test_a_survey_upload_says_what_it_chose(client: Client, csrf: str) -> None:
    h = {"X-Makna-CSRF": csrf}
    assert ".csv" in client.get("/import").text and ".xlsx" in client.get("/import").text
    data = survey_csv(HEADER, [[r[0], r[2], r[3]] for r in ROWS]).encode()
    got = client.post("/api/import", files=[("files", ("kuesioner.csv", data, "text/csv"))], headers=h)
    assert got.status_code == 200, got.text
    report = got.json()
    assert [s["name"] for s in report["imported"]] == ["R1", "R2", "R3"]
    survey = report["surveys"][0]
    assert survey["id_column"] == "Respondent" and survey["attribute_columns"] == ["Site <b>"]
    assert survey["answer_columns"] == [HEADER[2]] and survey["respondents"] == 3
    assert "attributes: Site <b>" in report["imported"][0]["notes"]  # shown by textContent (upload.js)
    source = client.get(f"/sources/{report['imported'][0]['id']}").text
    assert "<i>like</i>" not in source and "&lt;i&gt;like&lt;/i&gt;" in source  # escaped in the page
    cases = client.get("/cases").text
    assert "Site <b>" not in cases and "Site &lt;b&gt;" in cases and "Makassar" in cases
    again = client.post("/api/import", files=[("files", ("kuesioner.csv", data, "text/csv"))], headers=h).json()
    assert again["imported"] == [] and "respondent R1" in again["failed"][0]["error"]
    no = client.post(
        "/api/import", files=[("files", ("codes.csv", b"code,colour\nfees,red\n", "text/csv"))], headers=h
    ).json()
    assert no["failed"][0]["file"] == "codes.csv" and "not a survey" in no["failed"][0]["error"]


def test_what_it_chose_is_said_in_indonesian(id_client: tuple[Client, dict[str, str]]) -> None:
    client, h = id_client
    data = survey_csv(HEADER, [[r[0], r[2], r[3]] for r in ROWS], delimiter=";").encode()
    report = client.post("/api/import", files=[("files", ("kuesioner.csv", data, "text/csv"))], headers=h).json()
    notes = report["imported"][0]["notes"]
    assert "kolom id: Respondent" in notes and f"jawaban terbuka: {HEADER[2]}" in notes, notes
    assert "sel dipisahkan oleh ';'" in notes and "atribut: Site <b>" in notes
    no = client.post("/api/import", files=[("files", ("kode.csv", b"kode,warna\nx,merah\n", "text/csv"))], headers=h)
    assert no.json()["failed"][0]["error"].startswith("kode.csv: bukan survei (")
