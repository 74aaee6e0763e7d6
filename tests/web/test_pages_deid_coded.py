"""The de-identification page with coded sources (#11, trial13 #3): the page says that their codings move with the
replacements and offers to leave them out (``skip_coded``); the API names the sources left out; English and
Indonesian."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_helpers import logged_in

import makna
from makna.privacy.project import decide_all, scan

PASS = "kata sandi rahasia 123"
CODED = "P: Kerja di mana?\nI: Nama saya Siti Rahmawati, HP-ku 0812-7411-2095.\n"
EMAIL = "From: Aisha Begum <aisha.begum@example.org>\n\nCall me on 07700 900812.\n"


def _build(location: str) -> None:
    with makna.create_project(location, "Studi", coder="tester") as p:
        makna.import_text(p, "board.txt", CODED, language="id")
        makna.import_text(p, "email.txt", EMAIL, language="en")
        makna.add_code(p, "c1", "Work")
        makna.code_turn(p, "board.txt", 2, "c1")
        for _ in range(2):
            scan(p)
            decide_all(p, "accepted")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_page_names_the_coded_sources_apply_leaves_out(project_location: str, lang: str) -> None:
    _build(project_location)
    with logged_in(project_location, lang=lang) as (_app, c, _csrf):
        html = c.get("/deid").text
    said = {
        "en": "apply moves their codings and linked spans with the replacements",
        "id": "penerapan memindahkan pengodean dan rentang tautannya bersama penggantinya",
    }[lang]
    assert 'id="coded-sources"' in html and said in html and "board.txt" in html and 'name="skip_coded"' in html


def test_api_apply_with_skip_coded(project_location: str, tmp_path: Path) -> None:
    _build(project_location)
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        body = {"key_path": str(tmp_path / "k.key"), "passphrase": PASS, "force": True}
        r = c.post("/api/deid/apply", json={**body, "skip_coded": True}, headers=h)
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["sources"] == ["email.txt"] and out["left_out"] == {"board.txt": "1 coding(s), 0 linked span(s)"}
        assert makna.get_source(app.state.project, "board.txt").text == CODED
        assert "Aisha" not in makna.get_source(app.state.project, "email.txt").text
        again = c.post("/api/deid/apply", json=body, headers=h)  # without it: the coded source, codings moved
        assert again.status_code == 200 and again.json()["sources"] == ["board.txt"], again.text
        assert "Siti" not in makna.get_source(app.state.project, "board.txt").text
