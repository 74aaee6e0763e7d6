"""team15: a member's offline work is never lost by a refresh, and codings made before the server's
de-identification move onto its text only when the copy's text is exactly the one the apply replaced
(told by hashes the apply records, not guessed from event ids and lengths). The server is the
``project`` fixture (SQLite, PostgreSQL, encrypted SQLite) reached through a stand-in for the HTTP
client, so ``client.refresh`` and ``client.push`` run whole on every backend (#11)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import makna
from makna.access import Access
from makna.errors import SyncError
from makna.privacy.project import add_detection, decide_all
from makna.privacy.project_apply import apply
from makna.privacy.seal_copies import issue_pulled_key
from makna.store import tables
from makna.sync import client
from makna.sync.local import pending, push_message, with_skeletons, write_copy
from makna.sync.remap import skeleton_hash
from makna.sync.server import apply_push, snapshot

ROLES = {"ana": "owner", "budi": "coder", "dewi": "manager"}
TEXT = "P: Siapa nama Ibu?\nI: Nama saya Marlina Yusuf, saya tinggal di Desa Apar dekat pasar.\n"
PASS = "correct horse battery staple"
URL = "https://lab.example"


def _as(project: Any, who: str) -> Any:
    project.store.access = Access(ROLES)  # type: ignore[arg-type]
    return dataclasses.replace(project, coder_name=who)


class _Fake:
    """Stands in for the HTTP client: answers as the team server's sync routes would, on ``project``."""

    def __init__(self, project: Any) -> None:
        self.project = project

    def __call__(self, url: str, token: str | None = None, csrf: str | None = None) -> _Fake:
        self.url, self.token, self.csrf = url, token, csrf
        return self

    def __enter__(self) -> _Fake:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def find(self, key: str) -> dict[str, str]:
        return {"id": "p1", "name": "Studi", "role": "coder"}

    def call(self, method: str, path: str, *, body: Any = None, project: str | None = None) -> Any:
        if path == "/api/sync/pull":
            return json.loads(json.dumps(snapshot(_as(self.project, "budi"))))
        if path == "/api/sync/seal":  # teamtrust25: the copy's own seal key (none here: no key, nor needed yet)
            return {"seal": issue_pulled_key(_as(self.project, "budi"))}
        result = apply_push(_as(self.project, "budi"), body)
        return json.loads(
            json.dumps(
                {
                    "added": result.added,
                    "changed": result.changed,
                    "deleted": result.deleted,
                    "unchanged": result.unchanged,
                    "moved": result.moved,
                    "conflicts": [dataclasses.asdict(c) for c in result.conflicts],
                    "replaced": result.replaced,
                    "retargeted": result.retargeted,
                }
            )
        )


@pytest.fixture
def lab(project: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    makna.import_text(project, "s1", TEXT, language="id")
    makna.add_code(project, "nama")
    makna.add_code(project, "tempat")
    monkeypatch.setattr(client, "_Server", _Fake(project))
    yield project


def _pull(project: Any, tmp_path: Path) -> Path:
    copy = tmp_path / "budi.makna"
    write_copy(
        copy, snapshot(_as(project, "budi")), server=URL, project_id="p1", project_name="Studi", token="t", csrf="c"
    )
    return copy


def _span(words: str) -> tuple[int, int]:
    return TEXT.index(words), TEXT.index(words) + len(words)


def _deidentify(project: Any, key: Path) -> None:
    for word in ("Marlina Yusuf", "Desa Apar"):
        add_detection(project, "s1", *_span(word), "PERSON" if word.startswith("M") else "LOCATION")
    decide_all(project, "accepted")
    apply(project, key, PASS)


def test_a_refresh_that_would_drop_unpushed_work_refuses_and_changes_nothing(lab: Any, tmp_path: Path) -> None:
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        kept = makna.code_span(local, "s1", *_span("dekat pasar"), "tempat")
        lost = makna.code_span(local, "s1", *_span("Desa Apar"), "tempat")
    makna.delete_code(_as(lab, "ana"), "tempat")  # meanwhile on the server: both codings lose their code
    with pytest.raises(SyncError) as refused:
        client.refresh(copy)
    message = str(refused.value)
    assert "2 of your 2 change(s) not pushed yet would be dropped" in message
    assert f"makna push {copy}" in message and "--discard" in message and "\n" not in message
    assert not list(tmp_path.glob("budi.makna.*"))  # no new copy, no backup: nothing written
    with makna.open_project(copy) as local:
        assert {ch.id for ch in pending(local).changes} == {kept.id, lost.id}
    report = client.refresh(copy, discard=True)  # asked for: dropped, listed, the old copy kept
    assert report.kept == 0 and {i for _k, i, _w in report.dropped} == {kept.id, lost.id}
    assert report.backup is not None
    with makna.open_project(report.backup) as old:
        assert {ch.id for ch in pending(old).changes} == {kept.id, lost.id}


def test_a_refresh_keeps_what_fits_without_asking(lab: Any, tmp_path: Path) -> None:
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        mine = makna.code_span(local, "s1", *_span("dekat pasar"), "tempat")
    makna.add_code(_as(lab, "ana"), "waktu")
    report = client.refresh(copy)
    assert (report.kept, report.dropped, report.backup) == (1, (), None)
    assert client.push(copy).added == 1
    with lab.store.read() as conn:
        assert conn.execute(select(tables.segments.c.id)).scalars().all() == [mine.id]


def test_two_refreshes_in_one_second_never_overwrite_a_kept_copy(
    lab: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    import makna.sync.client as mod

    monkeypatch.setattr(mod, "utcnow", lambda: dt.datetime(2026, 12, 5, 21, 0, 0, tzinfo=dt.UTC))
    copy = _pull(lab, tmp_path)
    backups = []
    for words in ("dekat pasar", "Desa Apar"):
        with makna.open_project(copy) as local:
            makna.code_span(local, "s1", *_span(words), "tempat")
        makna.delete_code(_as(lab, "ana"), "tempat")
        makna.add_code(_as(lab, "ana"), "tempat")
        backups.append(client.refresh(copy, discard=True).backup)
    assert len(set(backups)) == 2 and all(Path(str(b)).exists() for b in backups)


def _coded_before_apply(lab: Any, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        makna.code_span(local, "s1", *_span("dekat pasar"), "tempat")
        message = push_message(local, pending(local))
    _deidentify(_as(lab, "ana"), tmp_path / "key.json")
    return copy, message


def test_a_push_after_an_apply_sends_the_skeleton_of_its_text_and_the_coding_moves(lab: Any, tmp_path: Path) -> None:
    copy, message = _coded_before_apply(lab, tmp_path)
    message["high_water"] = 10**9  # no event id tells the text version: the skeleton does
    asked = apply_push(_as(lab, "budi"), message)
    assert (asked.applied, asked.conflicts) == (0, []) and [len(s) for s in asked.replaced.values()] == [2]
    with makna.open_project(copy) as local:
        result = apply_push(_as(lab, "budi"), with_skeletons(local, message, asked.replaced))
    assert (result.added, result.moved, result.conflicts) == (1, 1, [])
    (seg,) = makna.retrieve(lab, code="tempat")
    assert seg.text == "dekat pasar"


def test_client_push_after_an_apply_moves_the_coding_in_one_call(lab: Any, tmp_path: Path) -> None:
    copy, _message = _coded_before_apply(lab, tmp_path)
    report = client.push(copy)
    assert (report.added, report.moved, report.conflicts) == (1, 1, [])
    with makna.open_project(copy) as local:
        assert not len(pending(local))


def test_a_coding_on_a_text_changed_outside_the_replaced_spans_is_a_conflict_not_a_guess(
    lab: Any, tmp_path: Path
) -> None:
    copy, message = _coded_before_apply(lab, tmp_path)
    asked = apply_push(_as(lab, "budi"), message)
    other = TEXT.replace("Ibu", "Bpk")  # as long as the replaced text, not it (outside the replaced spans)
    skeletons = {sid: skeleton_hash(other, spans) for sid, spans in asked.replaced.items()}
    result = apply_push(_as(lab, "budi"), {**message, "skeletons": skeletons})
    assert result.added == 0 and [c.reason for c in result.conflicts] == ["source_changed"]
    assert "cannot be moved" in result.conflicts[0].message and "\n" not in result.conflicts[0].message


def test_a_skeleton_that_does_not_fit_is_a_conflict(lab: Any, tmp_path: Path) -> None:
    copy, message = _coded_before_apply(lab, tmp_path)
    with makna.open_project(copy) as local:
        message = with_skeletons(local, message, {sid: [[0, 10**6]] for sid in message["sources"]})  # beyond the text
    result = apply_push(_as(lab, "budi"), message)
    assert result.added == 0 and [c.reason for c in result.conflicts] == ["source_changed"]


def test_a_change_the_server_has_already_is_neither_refused_nor_dropped(lab: Any, tmp_path: Path) -> None:
    """Deleted on both sides, or a push whose answer was lost: no work is lost, so the refresh goes on."""
    both = makna.code_span(_as(lab, "budi"), "s1", *_span("Desa Apar"), "tempat")
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        makna.uncode(local, both.id)
        sent = makna.code_span(local, "s1", *_span("dekat pasar"), "tempat")
        message = push_message(local, pending(local))
    assert apply_push(_as(lab, "budi"), message).applied == 2  # the answer never reached the copy
    report = client.refresh(copy)
    assert (report.kept, report.dropped, report.backup) == (0, (), None)
    with makna.open_project(copy) as local:
        assert not len(pending(local)) and sent.id in {s.id for s in makna.retrieve(local, code="tempat")}
