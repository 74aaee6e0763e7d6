"""A push's rows are checked, not mended: a bad creation time is refused with a clear error; a
server that cannot be reached, or that refuses a login, is told by the error's type, not its words."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.access import Access
from makna.errors import InputError, ServerRefusedError, ServerUnreachableError, SyncError
from makna.sync import client
from makna.sync.local import pending, push_message, write_copy
from makna.sync.server import apply_push, snapshot

ROLES = {"budi": "coder"}


def _as(project: Any, who: str) -> Any:
    project.store.access = Access(ROLES)  # type: ignore[arg-type]
    return dataclasses.replace(project, coder_name=who)


@pytest.mark.parametrize("when", ["yesterday", "2026-13-01T00:00:00", 17, None])
def test_a_push_with_a_bad_creation_time_is_refused(project: Any, tmp_path: Path, when: Any) -> None:
    makna.import_text(project, "wawancara", "P: Apa kabar?\nI: Baik.\n", language="id")
    makna.add_code(project, "emosi", "Emosi")
    path = tmp_path / "budi.makna"
    write_copy(path, snapshot(_as(project, "budi")), server="https://lab.example", project_id="p1",
               project_name="Studi", token="t", csrf="c")
    with makna.open_project(path) as local:
        makna.code_span(local, "wawancara", 0, 2, "emosi")
        message = push_message(local, pending(local))
    assert message["changes"][0]["row"]["created_at"]  # the copy sends its own
    message["changes"][0]["row"]["created_at"] = when
    with pytest.raises(InputError, match=r"push: change 0: created_at must be an ISO 8601 date and time"):
        apply_push(_as(project, "budi"), message)
    assert makna.retrieve(project) == []  # nothing applied


def test_an_unreachable_server_and_a_refused_login_are_typed_errors() -> None:
    with client._Server("http://127.0.0.1:9") as server, pytest.raises(ServerUnreachableError, match="unreachable"):
        server.login("budi", "anything at all")

    class Refusing:
        cookies = None

        def request(self, method: str, path: str, **kwargs: Any) -> Any:
            import httpx

            if path == "/login":
                return httpx.Response(401, json={"error": "Wrong user name or password"})
            return httpx.Response(409, json={"error": "the project is busy: try again"})

        def close(self) -> None:
            pass

    server = client._Server("http://127.0.0.1:9")
    server.http.close()
    server.http = Refusing()
    with pytest.raises(SyncError, match=r"^cannot log in to http://127.0.0.1:9 as 'budi': Wrong user name or password$"):
        server.login("budi", "wrong")
    with pytest.raises(ServerRefusedError) as refused:
        server.call("GET", "/api/server/projects")
    assert refused.value.detail == "the project is busy: try again"
    assert str(refused.value) == "http://127.0.0.1:9: the project is busy: try again"
