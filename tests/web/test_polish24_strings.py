"""Two sentences a student met in the Indonesian workbench (trial12): the first scan said its propagated
detections were "found again where an accepted identifier recurs" when nothing was accepted yet (#17: the words of
a file name found in the same scan are propagated too); the team server's home told a member, who has no shell
there, to import "from the command line" (#20)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sync_helpers import server_login
from web_helpers import Client

from makna.web.server_app import create_server_app


def test_the_scan_line_claims_no_acceptance(id_client: tuple[Client, dict[str, str]]) -> None:
    client, _ = id_client
    page = client.get("/deid").text
    assert "ditemukan atau diterima di sumber lain" in page
    assert "yang diterima muncul lagi" not in page


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    application = create_server_app(server_db, lang="id")
    team.add_project("Kosong", owner="ana")
    team.set_role("Kosong", "budi", "coder")
    yield application
    application.state.registry.close()


def test_the_team_servers_home_names_no_command_line(server: Any) -> None:
    budi, h = server_login(server, "budi", "Kosong")
    home = budi.get("/", headers=h).text
    assert "Belum ada sumber" in home or "/import" in home
    assert "makna import" not in home
    budi.close()


def test_the_local_workbench_still_names_it(id_client: tuple[Client, dict[str, str]], sample_location: str) -> None:
    import makna

    client, _ = id_client
    with makna.open_project(sample_location, coder="tester") as proj:
        for s in makna.list_sources(proj):
            makna.delete_source(proj, s.name)
    assert "makna import" in client.get("/").text
