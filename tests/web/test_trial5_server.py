"""What a fifth new user's trial (a team study on the team server, #11) found on the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import PASSWORD as SERVER_PASSWORD
from web_helpers import Client

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app


@pytest.fixture
def server(team: Any, server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.chdir(tmp_path)  # a server project's report goes under the working folder
    team.add_project("Lain", owner="eko")
    app = create_server_app(server_db, lang="id", limiter=LoginLimiter(failures=5, window=600))
    yield app
    app.state.registry.close()


def _login(app: Any, name: str, project: str) -> tuple[Client, dict[str, str]]:
    c = Client(app)
    r = c.post("/login", json={"name": name, "password": SERVER_PASSWORD})
    assert r.status_code == 200, r.text
    return c, {"X-Makna-CSRF": r.json()["csrf"], "X-Makna-Project": project}


def test_a_project_report_is_not_served_to_another_project(server: Any) -> None:
    """Every server project wrote its report to the same ``makna-report`` folder, so a member of any
    other project downloaded it (quotes, memos, case names) and overwrote it with their own."""
    c, h = _login(server, "ana", "Studi")
    try:
        r = c.post("/api/report", json={"lang": "en"}, headers=h)
        assert r.status_code == 200, r.text
        assert r.json()["folder"] == ""  # polish24: the server's disk is named to no browser
        mine = c.get("/analysis/report/en/report.md", headers=h)
        assert mine.status_code == 200 and "Studi" in mine.text  # a folder per language
    finally:
        c.close()
    c, h = _login(server, "eko", "Lain")
    try:
        assert c.get("/api/report", headers=h).json()["files"] == []
        r = c.get("/analysis/report/en/report.md", headers=h)
        assert r.status_code == 404, r.text[:300]
        assert c.post("/api/report", json={"lang": "en"}, headers=h).status_code == 200
        theirs = c.get("/analysis/report/en/report.md", headers=h).text
        assert "Lain" in theirs and "Studi" not in theirs
    finally:
        c.close()
    c, h = _login(server, "ana", "Studi")
    try:  # not overwritten by the other project's report
        assert c.get("/analysis/report/en/report.md", headers=h).text == mine.text
    finally:
        c.close()


@pytest.mark.parametrize("who", ["budi", "citra"])
def test_a_coder_or_viewer_sees_a_read_only_review_and_a_refusal_in_their_language(server: Any, who: str) -> None:
    """A coder and a viewer got the review page with every button of a manager, and, after clicking
    one, an English refusal in the Indonesian workbench that spoke of 'the codebook, cases and sources'."""
    c, h = _login(server, who, "Studi")
    try:
        html = c.get("/deid", headers=h).text
        assert 'id="deid-readonly"' in html and "Hanya pengelola dan pemilik proyek" in html
        assert 'id="scan" disabled' in html and 'id="apply-card" hidden' in html
        r = c.post("/api/deid/scan", json={}, headers=h)
        assert r.status_code == 403
        role = {"budi": "pengode", "citra": "pembaca"}[who]
        assert r.json()["error"] == (
            f"'{who}' adalah {role} di proyek ini: mengubah buku kode, kasus, sumber, dan "
            "de-identifikasi memerlukan peran pengelola"
        )
    finally:
        c.close()
    c, h = _login(server, "dewi", "Studi")
    try:
        html = c.get("/deid", headers=h).text
        assert 'id="deid-readonly"' not in html and 'id="scan" disabled' not in html
    finally:
        c.close()


def test_the_review_names_a_project_memo_in_the_page_language(server: Any, team: Any) -> None:
    """The "Where" column and the field list read "memo project" in the Indonesian page."""
    import makna
    from makna.privacy.project import scan

    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.add_memo(p, "project", None, "Catatan: Rosmaini dari Pariaman menelepon lagi.")
        scan(p)
    c, h = _login(server, "dewi", "Studi")
    try:
        html = c.get("/deid", params={"status": "all"}, headers=h).text
        assert "memo proyek" in html and "memo project" not in html
    finally:
        c.close()


def test_the_review_counts_include_the_fields(server: Any, team: Any) -> None:
    """After "accept all >= 0.5", the line under the review said "In all sources: 0 pending" while a case
    name was still pending (fields were left out of the sums)."""
    import makna
    from makna.privacy.project import decide_all, review_entries, scan

    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.add_memo(p, "project", None, "Catatan: Rosmaini dari Pariaman menelepon lagi.")
        scan(p)
        decide_all(p, "accepted", sources=[s.name for s in makna.list_sources(p)])  # the transcripts only
        pending = len(review_entries(p, status=["pending"]))
    assert pending
    c, h = _login(server, "dewi", "Studi")
    try:
        html = c.get("/deid", headers=h).text
        assert f'Di semua sumber dan isian:\n      <b class="t-pending">{pending}</b>' in html
    finally:
        c.close()


def test_the_review_lists_what_was_rejected_but_is_accepted_elsewhere(server: Any, team: Any) -> None:
    import makna
    from makna.privacy.project import decide, decide_all, pending_but_confirmed, scan

    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.import_text(p, "b.txt", "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman.\n", language="id")
        makna.add_case(p, "Rosmaini")
        for status, only in (("accepted", ["b.txt"]), ("rejected", None)):  # then "reject all" after a rescan
            scan(p)
            decide_all(p, status, sources=only)
        # "reject all" leaves the name found again in the case pending (trial16): rejected by its id, it is listed
        decide(p, [e.id for e in pending_but_confirmed(p)], "rejected")
    c, h = _login(server, "dewi", "Studi")
    try:
        html = c.get("/deid", headers=h).text
        assert 'id="doubtful"' in html and "Ditolak di sini, diterima di tempat lain" in html
        assert "<mark>Rosmaini</mark> · nama orang · kasus Rosmaini · nama kasus" in html
    finally:
        c.close()
