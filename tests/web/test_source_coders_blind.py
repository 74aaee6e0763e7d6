"""During a blind round a coder's source page does not name the other coders in its "Show codings by" and
"side by side with" menus (trial12: the supervisor's coder account saw "sari" offered there, which says who
else coded the source while the round hides what); the round's manager and a source outside the round list
everyone, as before."""

from __future__ import annotations

from typing import Any

from web_helpers import SOURCE, TOKEN, Client, login

import makna
from makna.web import close_app, create_app


def _offered(html: str, name: str) -> bool:
    return f'<option value="{name}" ' in html


def test_the_coder_menus_follow_the_round(client: Client, csrf: str, sample_location: str, app: Any) -> None:
    r = client.post("/api/rounds", json={"name": "putaran-1", "sources": [SOURCE]}, headers={"X-Makna-CSRF": csrf})
    assert r.status_code == 201, r.text
    sid = makna.get_source(app.state.project, SOURCE).id
    page = client.get(f"/sources/{sid}").text  # tester manages the round: sees everyone
    assert _offered(page, "kedua") and _offered(page, "tester")
    other = create_app(sample_location, token=TOKEN, coder="budi", lang="id")
    budi = Client(other)
    try:
        login(budi)
        page = budi.get(f"/sources/{sid}").text
        assert not _offered(page, "kedua") and not _offered(page, "tester")
    finally:
        budi.close()
        close_app(other)


def test_project_wide_menus_follow_the_round(client: Client, csrf: str, sample_location: str, app: Any) -> None:
    """trial12: the Analysis and Retrieval pages' coder menus and the project's API named every coder during a blind
    round; they name the acting coder and the coders whose codings they may see (none of the others here: the round
    covers every source)."""
    every = [s.id for s in makna.list_sources(app.state.project)]
    r = client.post("/api/rounds", json={"name": "putaran-2", "sources": []}, headers={"X-Makna-CSRF": csrf})
    assert r.status_code == 201, r.text
    assert _offered(client.get("/analysis").text, "kedua")  # the round's manager sees everyone
    other = create_app(sample_location, token=TOKEN, coder="budi", lang="id")
    budi = Client(other)
    try:
        login(budi)
        for path in ("/analysis", "/retrieve"):
            html = budi.get(path).text
            assert not _offered(html, "kedua") and not _offered(html, "tester"), path
        assert set(budi.get("/api/project").json()["coders"]) <= {"budi"}
    finally:
        budi.close()
        close_app(other)
    assert every  # the sample has sources, all in the round
