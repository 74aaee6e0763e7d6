"""trial18 #13 (#11) end to end: a coder's SQLite copy pulled from a team server on PostgreSQL (httpx ASGI), a memo
naming an informant and her phone number typed offline, ``push``: the server does not write it (a
``names_identifier`` conflict naming the kinds found, never the text; the memo stays in the copy), writes the clean
memo unchanged, and another member's pull holds nothing of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import PASSWORD, URL, served

import makna
from makna.privacy.project import deid_status, field_counts
from makna.sync import client
from makna.sync.local import pending

NAMING = "Teh Yanti Nurhayati cerita soal suaminya; nomornya 0819-2231-4456."
CLEAN = "Bagian tentang kabar cocok untuk kode emosi."


@pytest.fixture
def lab(team: Any, server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Any]:
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as srv:
        for _ in range(2):
            makna.deid_scan(srv)
            makna.decide_all(srv, "accepted")
        makna.deid_apply(srv, tmp_path / "k.makna-key", "kopi hujan sepeda jendela")
    with served(server_db, monkeypatch) as (app, _seen):
        yield app


def test_a_pushed_memo_naming_someone_never_reaches_the_server(lab: Any, team: Any, tmp_path: Path) -> None:
    path = tmp_path / "budi.makna"
    client.pull(URL, "Studi", path, user="budi", password=PASSWORD)
    with makna.open_project(path) as local:
        named = makna.add_memo(local, "source", "wawancara", NAMING)
        clean = makna.add_memo(local, "source", "wawancara", CLEAN)
    report = client.push(path)
    assert (report.sent, report.added) == (2, 1)
    assert [(c["id"], c["reason"]) for c in report.conflicts] == [(named.id, "names_identifier")]
    message = report.conflicts[0]["message"]
    assert "a person's name" in message and "a phone number" in message and "Yanti" not in message
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as srv:
        texts = [m.text for m in makna.list_memos(srv)]
    assert texts == [CLEAN]
    with makna.open_project(path) as local:
        assert [ch.id for ch in pending(local).changes] == [named.id]  # kept, to be rewritten
    other = tmp_path / "dewi.makna"
    client.pull(URL, "Studi", other, user="dewi", password=PASSWORD)
    with makna.open_project(other) as theirs:
        assert [m.text for m in makna.list_memos(theirs)] == [CLEAN]
        # trial18 #7: a pulled copy says what the server de-identified (sources and the fields' reviews)
        assert [s.applied for s in deid_status(theirs)] == [True]
        assert field_counts(theirs)["scanned"] >= 1
    assert clean.id
