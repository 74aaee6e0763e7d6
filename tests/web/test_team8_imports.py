"""A codebook or cases file put into an existing project from the codebook and cases pages (trial7's
item 2): a manager's upload is one transaction and one event that every member's open page learns of
live; a coder is refused (403, in English and Indonesian); SQLite (``makna serve``) and the team
server (PostgreSQL)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sync_helpers import server_login
from web_helpers import Client

import makna
from makna.errors import InputError
from makna.file_imports import import_cases_bytes, import_codebook_bytes
from makna.server.ratelimit import LoginLimiter
from makna.store import tables
from makna.web.errors_i18n import translate_error
from makna.web.server_app import create_server_app

CODEBOOK = b"""format: makna-codebook/1
codes:
  - key: kerja.baru
    name: Pekerjaan baru
  - key: keluarga
    name: Keluarga
    children:
      - key: keluarga.anak
        name: Anak
"""
CASES_CSV = b"name,umur,sources\nBudi,31,\nCitra,27,\n"
QDC = b"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">
  <Codes>
    <Code guid="6f1c9f5e-1111-4a7b-9c1d-0123456789ab" name="Harapan" isCodable="true"/>
  </Codes>
</CodeBook>
"""


def _body(name: str, data: bytes) -> dict[str, str]:
    return {"filename": name, "content": base64.b64encode(data).decode()}


def _events(where: str) -> list[str]:
    with makna.open_project(where) as p, p.store.read() as conn:
        return [r.action for r in conn.execute(select(tables.events.c.action).order_by(tables.events.c.id))]


def test_local_upload_of_codebook_and_cases(client: Client, csrf: str, sample_location: str) -> None:
    h = {"X-Makna-CSRF": csrf}
    before = len(_events(sample_location))
    r = client.post("/api/codes/import", json=_body("codebook.yaml", CODEBOOK), headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["added"] == 3 and r.json()["file"] == "codebook.yaml"
    r = client.post("/api/cases/import", json=_body("kasus.csv", CASES_CSV), headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["added"] == 2
    r = client.post("/api/codes/import", json=_body("buku.qdc", QDC), headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["added"] == 1
    # a .qdc logs its codes' codebook.import inside its own transaction, as 'makna codebook import-qdc' does
    assert _events(sample_location)[before:] == [
        "codebook.import",
        "cases.import",
        "codebook.import",
        "exchange.import_qdc",
    ]
    with makna.open_project(sample_location) as p:
        names = {c.key for c in makna.list_codes(p)} | {c.name for c in makna.list_codes(p)}
    assert {"kerja.baru", "keluarga.anak", "Harapan"} <= names
    page = client.get("/codebook").text
    assert 'data-import-url="/api/codes/import"' in page and "/static/file-import.js" in page
    assert 'data-import-url="/api/cases/import"' in client.get("/cases").text


def test_a_bad_file_writes_nothing_and_says_so_in_one_line(client: Client, csrf: str, sample_location: str) -> None:
    h = {"X-Makna-CSRF": csrf}
    before = _events(sample_location)
    for name, data, words in (
        ("codes.txt", CODEBOOK, "a codebook file is .yaml"),
        ("codebook.yaml", b"codes: [", "codebook.yaml"),
        ("kasus.csv", b"umur\n31\n", "kasus.csv: a cases CSV needs a 'name' column"),
        ("buku.qdc", b"<CodeBook", "buku.qdc"),
    ):
        url = "/api/cases/import" if name.endswith(".csv") else "/api/codes/import"
        r = client.post(url, json=_body(name, data), headers=h)
        assert r.status_code in (400, 422), (name, r.text)
        message = r.json()["error"]
        assert words in message and "makna-upload-" not in message and "\n" not in message
    r = client.post("/api/codes/import", json={"filename": "a.yaml", "content": "***"}, headers=h)
    assert r.status_code == 400 and "not base64" in r.json()["error"]
    assert _events(sample_location) == before


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=20, window=600))
    yield app
    app.state.registry.close()


def test_server_manager_imports_members_see_it_live_coder_refused(server: Any, team: Any) -> None:
    dewi, hd = server_login(server, "dewi")  # manager
    budi, hb = server_login(server, "budi")  # coder
    try:
        last = budi.get("/api/changes", headers=hb).json()["last"]
        r = budi.post("/api/codes/import", json=_body("codebook.yaml", CODEBOOK), headers=hb)
        assert r.status_code == 403
        r = budi.post("/api/cases/import", json=_body("kasus.csv", CASES_CSV), headers=hb)
        assert r.status_code == 403
        refused = r.json()["error"]
        r = dewi.post("/api/codes/import", json=_body("codebook.yaml", CODEBOOK), headers=hd)
        assert r.status_code == 201, r.text
        r = dewi.post("/api/cases/import", json=_body("kasus.csv", CASES_CSV), headers=hd)
        assert r.status_code == 201, r.text
        seen = budi.get(f"/api/changes?after={last}", headers=hb).json()["changes"]
        assert [(c["action"], c["kind"], c["data"].get("reload")) for c in seen] == [
            ("codebook.import", "code", True),
            ("cases.import", "case", True),
        ]
        assert all(c["actor"] == "dewi" for c in seen)
        keys = {c["key"] for c in budi.get("/api/codes", headers=hb).json()}
        assert {"kerja.baru", "keluarga", "keluarga.anak"} <= keys
        assert {c["name"] for c in budi.get("/api/cases", headers=hb).json()} == {"Budi", "Citra"}
    finally:
        dewi.close()
        budi.close()
    with makna.open_project(team.location(team.project("Studi"))) as p, p.store.read() as conn:
        by_budi = conn.execute(
            select(func.count()).select_from(tables.events).where(tables.events.c.actor == "budi")
        ).scalar()
    assert by_budi == 0
    assert refused.startswith("'budi' is a coder of this project") and "manager" in refused
    in_id = translate_error(refused, "id")  # what an Indonesian page shows
    assert in_id != refused and "'budi'" in in_id and "manager" not in in_id.replace("manajer", "")


def test_core_refuses_a_coder_before_reading_the_file(project: Any) -> None:
    from makna.access import Access

    project.store.access = Access({"tester": "coder"})
    with pytest.raises(makna.errors.PermissionDeniedError):
        import_codebook_bytes(project, "codebook.yaml", b"not even yaml: [")
    with pytest.raises(makna.errors.PermissionDeniedError):
        import_cases_bytes(project, "kasus.csv", CASES_CSV)
    project.store.access = None
    with pytest.raises(InputError, match="the file is empty"):
        import_cases_bytes(project, "kasus.yaml", b"  \n")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/codes/import", _body("codebook.yaml", CODEBOOK)),
        ("/api/cases/import", _body("kasus.csv", CASES_CSV)),
        ("/api/deid/decide-same", {"id": "1:1", "status": "rejected"}),
    ],
)
def test_the_new_writes_need_the_token_and_the_csrf_header(
    anon: Client, client: Client, sample_location: str, path: str, body: dict[str, Any]
) -> None:
    before = _events(sample_location)
    assert anon.post(path, json=body).status_code == 401
    assert client.post(path, json=body).status_code == 403
    assert client.post(path, json=body, headers={"X-Makna-CSRF": "forged"}).status_code == 403
    assert _events(sample_location) == before
