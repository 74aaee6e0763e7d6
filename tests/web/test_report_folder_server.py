"""The team server's Analysis > Report page named the report's folder on the server's disk
(``/tmp/trial12/makna-report/8fe2...``) to a browser user who cannot open it (trial12 #12): it now says the report
is written on the server and offers its files for download; the local workbench still names its folder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sync_helpers import server_login
from web_helpers import Client

from makna.web.server_app import create_server_app


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    application = create_server_app(server_db, lang="id")
    yield application
    application.state.registry.close()


def test_the_server_names_no_folder_of_its_disk(server: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where a PostgreSQL project's reports go: the server's working folder
    dewi, h = server_login(server, "dewi")
    try:
        page = dewi.get("/analysis?view=report", headers=h).text
        assert "makna-report" not in page and str(tmp_path) not in page
        assert "ditulis di server: unduh berkasnya di sini" in page
        written = dewi.post("/api/report", json={"lang": "id", "quotes": 1}, headers=h)
        assert written.status_code == 200, written.text
        assert written.json()["folder"] == "" and written.json()["files"]
        assert dewi.get("/api/report", headers=h).json()["folder"] == ""
    finally:
        dewi.close()


def test_the_local_workbench_names_its_folder(client: Client) -> None:
    page = client.get("/analysis?view=report").text
    assert 'id="report-folder"' in page and "-report" in page
