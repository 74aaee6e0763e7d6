"""A new project's home page points to the Import page, not only to the command line (a new user's trial
in Indonesian: "Belum ada sumber. Impor transkrip dengan: makna import BERKAS", with an Import page a click
away)."""

from __future__ import annotations

from pathlib import Path

from web_helpers import TOKEN, Client

import makna
from makna.web import close_app, create_app


def test_an_empty_project_links_its_import_page(tmp_path: Path) -> None:
    location = str(tmp_path / "p.makna")
    makna.create_project(location, "Studi tenun", coder="tester").close()
    app = create_app(location, token=TOKEN, coder="tester")
    c = Client(app)
    try:
        c.get(f"/?token={TOKEN}")
        html = c.get("/", headers={"Accept-Language": "id-ID,id;q=0.9"}).text
        assert '<a href="/import">Impor transkrip</a>' in html and "atau dari baris perintah" in html
        html = c.get("/", headers={"Accept-Language": "en"}).text
        assert '<a href="/import">Import transcripts</a>' in html and "makna import FILES" in html
    finally:
        c.close()
        close_app(app)
