"""A new user's trial (trial6): a student copied ``studi.makna`` for a second coder while ``makna serve`` ran,
and the copy held none of the afternoon's codings (they were all in ``studi.makna-wal``, beside it). The
workbench now writes its log into the project file after each change."""

from __future__ import annotations

import shutil
from pathlib import Path

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
