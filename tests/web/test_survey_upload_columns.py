"""The web import of a survey lets the person choose its id and open answers' columns (teamtrust25, issue #11),
as the CLI's ``--survey-id`` and ``--survey-answers`` do: the import page's fields (shown when a .csv or .xlsx is
chosen), refused as on the command line (no such column, none named, more or fewer than one survey file), both
languages, through the API on SQLite and PostgreSQL and in Chromium."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, Client, workbench_page

import makna

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from survey_files import ROWS, survey_csv  # noqa: E402

HEADER = ["No", "Respondent", "Age", "Site", "What do you like about your work?", "What would you change?"]
DATA = survey_csv(HEADER, [[str(n), *r] for n, r in enumerate(ROWS, start=7)]).encode()


def _upload(client: Client, h: dict[str, str], fields: dict[str, str], *files: str) -> Any:
    sent = [("files", (name, DATA, "text/csv")) for name in files or ("kuesioner.csv",)]
    return client.post("/api/import", files=sent, data=fields, headers=h)


def test_the_person_chooses_the_id_and_answer_columns(client: Client, csrf: str) -> None:
    """BASE: the fields were ignored: the id stayed 'Respondent' and both long columns were answers."""
    h = {"X-Makna-CSRF": csrf}
    html = client.get("/import").text
    assert 'id="survey-columns"' in html and 'name="survey_id"' in html and 'name="survey_answers"' in html
    got = _upload(client, h, {"survey_id": "no", "survey_answers": " What would you change? , "})
    assert got.status_code == 200, got.text
    survey = got.json()["surveys"][0]
    assert survey["id_column"] == "No" and survey["answer_columns"] == ["What would you change?"]
    assert "What do you like about your work?" in survey["attribute_columns"]
    assert [s["name"] for s in got.json()["imported"]] == ["7", "9"]  # R2 left no answer to that question
    assert "id column: No" in got.json()["imported"][0]["notes"]


def test_makna_chooses_when_the_fields_are_empty(client: Client, csrf: str) -> None:
    got = _upload(client, {"X-Makna-CSRF": csrf}, {"survey_id": " ", "survey_answers": ""}).json()
    survey = got["surveys"][0]
    assert survey["id_column"] == "Respondent" and len(survey["answer_columns"]) == 2


def test_refusals_as_on_the_command_line(app: Any, client: Client, csrf: str) -> None:
    h = {"X-Makna-CSRF": csrf}
    unknown = _upload(client, h, {"survey_id": "Nomor"}).json()
    assert (
        unknown["imported"] == []
        and "--survey-id 'Nomor': no such column (columns: 'No', " in unknown["failed"][0]["error"]
    )
    none = _upload(client, h, {"survey_answers": " , "})
    assert none.status_code == 400 and none.json()["error"] == "the open answers' columns: name at least one column"
    two = _upload(client, h, {"survey_id": "No"}, "a.csv", "b.csv")
    assert two.status_code == 400 and "exactly one survey file" in two.json()["error"]
    assert [s for s in makna.list_sources(app.state.project) if s.name in ("7", "R1")] == []  # nothing kept


def test_in_indonesian(id_client: tuple[Client, dict[str, str]]) -> None:
    client, h = id_client
    html = client.get("/import").text
    assert "Kolom id responden" in html and "Kolom jawaban terbuka, dipisahkan koma" in html
    none = _upload(client, h, {"survey_answers": ","})
    assert none.json()["error"] == "kolom jawaban terbuka: sebutkan sedikitnya satu kolom"
    unknown = _upload(client, h, {"survey_id": "Nomor"}).json()
    assert "--survey-id 'Nomor': tidak ada kolom itu (kolom: 'No', " in unknown["failed"][0]["error"]
    got = _upload(client, h, {"survey_id": "No", "survey_answers": "What would you change?"}).json()
    assert "kolom id: No" in got["imported"][0]["notes"]


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_choose_the_columns_in_chromium(browser: Any, tmp_path: Path) -> None:
    studi = tmp_path / "studi.makna"
    with makna.create_project(str(studi), "Studi", coder="tester"):
        pass
    (tmp_path / "kuesioner.csv").write_bytes(DATA)
    (tmp_path / "notes.txt").write_text("P: Halo.\nI: Halo juga.\n", encoding="utf-8")
    with workbench_page(browser, str(studi)) as (page, url):
        page.goto(f"{url}/import")
        expect(page.locator("#survey-columns")).to_be_hidden()
        page.set_input_files("#upload-files", str(tmp_path / "notes.txt"))
        expect(page.locator("#survey-columns")).to_be_hidden()
        page.set_input_files("#upload-files", str(tmp_path / "kuesioner.csv"))
        expect(page.locator("#survey-columns")).to_be_visible()
        page.fill("#survey-id", "No")
        page.fill("#survey-answers", "What would you change?")
        page.click("#upload-go")
        expect(page.locator("#upload-result")).to_contain_text("id column: No")
    with makna.open_project(str(studi)) as proj:
        assert sorted(s.name for s in makna.list_sources(proj)) == ["7", "9"]
