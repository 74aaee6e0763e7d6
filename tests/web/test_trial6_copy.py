"""A new user's trial (trial6): a student copied ``studi.makna`` for a second coder while ``makna serve`` ran,
and the copy held none of the afternoon's codings (they were all in ``studi.makna-wal``, beside it). The
workbench now writes its log into the project file after each change."""

from __future__ import annotations

import shutil
from pathlib import Path

from pages_helpers import PRIVATE_SOURCE, build_private, logged_in
from web_helpers import TEXT, TOKEN, Client, build_sample

import makna
from makna.web import close_app, create_app


def test_a_copy_of_the_file_alone_holds_the_coding_made_in_the_workbench(tmp_path: Path) -> None:
    location = str(tmp_path / "studi.makna")
    build_sample(location)
    app = create_app(location, token=TOKEN, coder="tester", lang="en")
    try:
        client = Client(app)
        assert client.get(f"/?token={TOKEN}").status_code == 303
        html = client.get("/").text
        marker = 'name="makna-csrf" content="'
        csrf = html[html.index(marker) + len(marker) :].split('"', 1)[0]
        source = client.get("/api/sources").json()[0]["id"]
        start = TEXT.index("Terima kasih")
        for n in range(3):
            r = client.post(
                "/api/segments",
                headers={"X-Makna-CSRF": csrf},
                json={"source": source, "start": start + n, "end": start + 12, "code": "emosi"},
            )
            assert r.status_code == 201, r.text
        copy = tmp_path / "copy" / "studi.makna"
        copy.parent.mkdir()
        shutil.copyfile(location, copy)  # the -wal file stays behind, as with a file manager
        client.close()
    finally:
        close_app(app)
    with makna.open_project(str(copy)) as p:
        got = makna.retrieve(p, code="emosi", descendants=False, coder="tester")
    assert len(got) == 3


def test_apply_in_the_workbench_names_the_files_that_keep_the_originals(tmp_path: Path) -> None:
    """The reply of an apply lists the imported file and the copy beside the project (the page says them)."""
    study, keys = tmp_path / "study", tmp_path / "keys"
    (study / "transcripts").mkdir(parents=True)
    keys.mkdir()
    location = str(study / "studi.makna")
    build_private(location)
    (study / "transcripts" / PRIVATE_SOURCE).write_text("the file as imported", encoding="utf-8")
    shutil.copyfile(location, study / "studi-budi.makna")  # a second coder's copy, made before the apply
    with logged_in(location, lang="id") as (_app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/scan", json={}, headers=h).status_code == 200
        assert c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h).status_code == 200
        body = {
            "key_path": str(keys / "study.key"),
            "passphrase": "kata sandi rahasia 123",
            "passphrase_repeat": "kata sandi rahasia 123",
            "mode": "tag",
        }
        r = c.post("/api/deid/apply", json=body, headers=h)
        assert r.status_code == 200, r.text
        assert r.json()["outside"] == ["studi-budi.makna", f"transcripts/{PRIVATE_SOURCE}"]
        page = c.get("/deid").text
    assert "Di luar proyek tidak ada yang berubah" in page  # the page's message, in Indonesian
