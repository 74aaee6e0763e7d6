"""The workbench on an encrypted project: it opens with the passphrase (given, or from the
environment), reads and codes through the API, and the file still shows no transcript text."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_helpers import SOURCE, TEXT, TOKEN, Client

import makna
from makna.errors import NotAProjectError
from makna.web import close_app, create_app

pytest.importorskip("sqlcipher3")

PASS = "sandi workbench"


@pytest.fixture
def secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("MAKNA_PASSPHRASE", raising=False)
    monkeypatch.delenv("MAKNA_KEY_FILE", raising=False)
    path = tmp_path / "rahasia.makna"
    with makna.create_project(path, "Rahasia", coder="tester", passphrase=PASS) as p:
        makna.import_text(p, SOURCE, TEXT, language="id")
        makna.add_code(p, "tempat", "Tempat")
    return path


def test_workbench_reads_and_codes_an_encrypted_project(secret: Path) -> None:
    app = create_app(secret, token=TOKEN, coder="tester", lang="en", passphrase=PASS)
    client = Client(app)
    try:
        assert client.get(f"/?token={TOKEN}").status_code == 303
        html = client.get("/").text
        marker = 'name="makna-csrf" content="'
        csrf = html[html.index(marker) + len(marker):].split('"', 1)[0]
        sources = client.get("/api/sources").json()
        assert [s["name"] for s in sources] == [SOURCE]
        sid = sources[0]["id"]
        assert client.get(f"/api/sources/{sid}").json()["text"] == makna.text.normalize_text(TEXT)
        start = TEXT.index("warung kopi")
        r = client.post("/api/segments", json={"source": sid, "start": start, "end": start + 11, "code": "tempat"},
                        headers={"X-Makna-CSRF": csrf})
        assert r.status_code == 201, r.text
        data = b"".join(p.read_bytes() for p in secret.parent.glob("rahasia.makna*"))
        assert b"warung kopi" not in data and b"SQLite format 3" not in data
    finally:
        client.close()
        close_app(app)


def test_workbench_takes_the_passphrase_from_the_environment(secret: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotAProjectError, match="wrong passphrase"):
        create_app(secret, token=TOKEN, passphrase="salah")
    monkeypatch.setenv("MAKNA_PASSPHRASE", PASS)
    app = create_app(secret, token=TOKEN)
    try:
        assert app.state.project_name == "Rahasia" and app.state.project.store.encrypted
    finally:
        close_app(app)
