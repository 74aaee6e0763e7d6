"""trial14: after the de-identification, the student wrote a memo in the workbench naming the informant as she
remembered her; nothing on the page said that a memo is not de-identified by the apply already made. The memo
panel of a de-identified project now says so (in the page's language)."""

from __future__ import annotations

from pathlib import Path

from pages_helpers import build_private, logged_in

import makna
from makna.privacy.project import scan
from makna.privacy.project_apply import apply

HINT_EN = "This project is de-identified: a name you write in a memo stays as written"
HINT_ID = "Proyek ini sudah di-de-identifikasi: nama yang Anda tulis di memo tetap tertulis apa adanya"


def _source_page(location: str, lang: str) -> str:
    with logged_in(location, lang=lang) as (_app, c, csrf):
        sid = c.get("/api/sources", headers={"x-makna-csrf": csrf}).json()[0]["id"]
        return c.get(f"/sources/{sid}").text


def test_no_hint_before_the_apply(project_location: str) -> None:
    build_private(project_location)
    assert HINT_EN not in _source_page(project_location, "en")


def test_the_memo_panel_says_a_memo_needs_a_new_scan(project_location: str, tmp_path: Path) -> None:
    build_private(project_location)
    with makna.open_project(project_location, coder="tester") as p:
        scan(p)
        apply(p, tmp_path / "k.key", "memo hint test passphrase", include_pending=True)
    assert HINT_EN in _source_page(project_location, "en")
    assert HINT_ID in _source_page(project_location, "id")
