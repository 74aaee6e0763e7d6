"""trial15: on a team server, a survey uploaded after the project's de-identification was read as written by a coder
at once (five identifiers on her screen, under "This project is de-identified"), and the upload said nothing. The
Import page's result now says, in the page's language, that the sources just imported are not de-identified."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_helpers import TOKEN, Client, build_sample, login

import makna
from makna.web import close_app, create_app
from makna.web.errors_i18n import translate_error

LATE = b"Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"
SAID = "source(s) just imported are not"


def _upload(location: str, lang: str) -> list[str]:
    application = create_app(location, token=TOKEN, coder="ruth", lang=lang)
    c = Client(application)
    try:
        h = {"X-Makna-CSRF": login(c)}
        r = c.post("/api/import", headers=h, files={"files": ("late.txt", LATE, "text/plain")})
        assert r.status_code == 200, r.text
        (item,) = r.json()["imported"]
        return list(item["notes"])
    finally:
        c.close()
        close_app(application)


def _project(location: str, tmp_path: Path, *, applied: bool) -> None:
    """The workbench tests' sample project, de-identified first when ``applied``."""
    build_sample(location)
    if not applied:
        return
    with makna.open_project(location, coder="ruth") as proj:
        for _ in range(2):  # the second scan finds what was accepted wherever else it occurs
            makna.deid_scan(proj)
            makna.decide_all(proj, "accepted")
        makna.deid_apply(proj, tmp_path / "k.makna-key", "kopi hujan sepeda jendela")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_upload_after_the_apply_says_it_is_not_de_identified(
    project_location: str, tmp_path: Path, lang: str
) -> None:
    _project(project_location, tmp_path, applied=True)
    notes = _upload(project_location, lang)
    if lang == "en":
        assert any(f"the 1 {SAID}" in n for n in notes), notes
    else:
        assert any("1 sumber yang baru diimpor belum" in n for n in notes), notes
    assert not any("Fitzgerald" in n for n in notes)


def test_no_such_note_before_any_de_identification(project_location: str, tmp_path: Path) -> None:
    _project(project_location, tmp_path, applied=False)
    assert not any(SAID in n for n in _upload(project_location, "en"))


def test_the_note_is_translated() -> None:
    en = "this project was de-identified, but the 3 source(s) just imported are not: they hold every name ..."
    assert translate_error(en, "id").startswith("proyek ini sudah di-de-identifikasi, tetapi 3 sumber")
