"""The review of team15's findings, as tests: no verifier of the original text stays in a project after
a de-identification; offline edits and deletes are never silently lost or moved; a memo moved onto
the server's coding can be edited again (#11)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import test_sync_no_loss as base
from sqlalchemy import String, Text, select
from test_sync_no_loss import TEXT, _as, _deidentify, _pull, _span

import makna
from makna.errors import SyncError
from makna.store import tables
from makna.sync import client
from makna.sync.local import pending, push_message
from makna.sync.server import apply_push

lab = base.lab  # the same team server fixture


def _hashes_in(project: Any) -> set[str]:
    """Every value of every String or Text column of ``project``."""
    found: set[str] = set()
    with project.store.read() as conn:
        for table in tables.metadata.sorted_tables:
            cols = [c for c in table.columns if isinstance(c.type, (String, Text))]
            for row in conn.execute(select(*cols)) if cols else ():
                found.update(v for v in row if isinstance(v, str))
    return found


def test_no_hash_of_the_original_text_stays_in_the_project_after_apply(lab: Any, tmp_path: Path) -> None:
    """The original's sha256 lives in the (secret) key only; apply drops the import sha256 from the log."""
    _deidentify(_as(lab, "ana"), tmp_path / "key.json")
    assert hashlib.sha256(TEXT.encode("utf-8")).hexdigest() not in _hashes_in(lab)
    assert {c.name for c in tables.deid_sources.columns} == {
        "source_id",
        "number",
        "review",
        "scanned_at",
        "applied_at",
        "mode",
        "key_id",
        "replacements",
    }


def test_the_project_is_no_oracle_for_a_guessed_identifier(lab: Any, tmp_path: Path) -> None:
    """Whoever holds the de-identified project (a coder's copy, a backup) but not the key: the public
    records give where each original was and how long; nothing stored may confirm a guess, the right one
    planted among the candidates."""
    _deidentify(_as(lab, "ana"), tmp_path / "key.json")
    d, s = tables.deid_sources.c, tables.sources.c
    with lab.store.read() as conn:
        new = conn.execute(select(s.text)).scalar_one()
        records = conn.execute(select(d.replacements)).scalar_one()
    recs = sorted(records, key=lambda r: r["start"])
    stored = _hashes_in(lab)
    names = ["Siti Aminah", "Marlina Yusuf", "Rina Putri"]  # a name list of the region, by length
    places = ["Desa Koto", "Desa Apar", "Desa Pasa"]
    guesses = 0
    for a in names:
        for b in places:
            guess, pos = [], 0
            for r, original in zip(recs, (a, b), strict=True):
                guess += [new[pos : r["new_start"]], original]
                pos = r["new_end"]
            guess.append(new[pos:])
            text = "".join(guess)
            guesses += text == TEXT
            assert hashlib.sha256(text.encode("utf-8")).hexdigest() not in stored
    assert guesses == 1  # the right guess was among them


def test_an_offline_edit_onto_a_span_coded_on_the_web_is_not_silently_lost(lab: Any, tmp_path: Path) -> None:
    a = makna.code_span(_as(lab, "budi"), "s1", *_span("Desa Apar"), "tempat")
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        makna.change_segment(local, a.id, start=_span("dekat pasar")[0], end=_span("dekat pasar")[1])
        assert len(pending(local)) == 1
    makna.code_span(_as(lab, "budi"), "s1", *_span("dekat pasar"), "tempat")  # on the web meanwhile
    with pytest.raises(SyncError, match="1 of your 1 change") as refused:  # never silently skipped
        client.refresh(copy)
    assert "same span with the same code already" in str(refused.value)
    with makna.open_project(copy) as local:
        assert len(pending(local)) == 1  # the edit is still there to push or discard
    report = client.refresh(copy, discard=True)
    assert [i for _k, i, _w in report.dropped] == [a.id] and report.backup is not None


def test_a_memo_on_an_edited_coding_is_not_moved_onto_another_coding(lab: Any, tmp_path: Path) -> None:
    a = makna.code_span(_as(lab, "budi"), "s1", *_span("Desa Apar"), "tempat")
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        makna.change_segment(local, a.id, start=_span("dekat pasar")[0], end=_span("dekat pasar")[1])
        makna.add_memo(local, "segment", a.id, "catatan offline")
        message = push_message(local, pending(local))
    b = makna.code_span(_as(lab, "budi"), "s1", *_span("dekat pasar"), "tempat")  # on the web meanwhile
    result = apply_push(_as(lab, "budi"), message)
    m = tables.memos.c
    with lab.store.read() as conn:
        target = conn.execute(select(m.target_id).where(m.text == "catatan offline")).scalar()
    # the edit of A is a conflict (A stays on Desa Apar); its memo must stay with A or be a conflict
    assert target in (None, a.id), (target, b.id, result.conflicts)


def test_an_offline_delete_of_a_memo_hidden_by_a_blind_round_is_not_silently_forgotten(
    lab: Any, tmp_path: Path
) -> None:
    other = makna.code_span(_as(lab, "ana"), "s1", *_span("dekat pasar"), "tempat")
    memo = makna.add_memo(_as(lab, "budi"), "segment", other.id, "catatan budi")
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        makna.delete_memo(local, memo.id)
        assert len(pending(local)) == 1
    makna.open_round(_as(lab, "dewi"), "putaran", blind=True)  # hides ana's coding, and budi's memo on it
    report = client.refresh(copy)
    assert (report.kept, report.dropped) == (1, ())  # kept: still a delete to push
    with makna.open_project(copy) as local:
        assert [(ch.id, ch.op) for ch in pending(local).changes] == [(memo.id, "delete")]
    client.push(copy)
    m = tables.memos.c
    with lab.store.read() as conn:
        assert conn.execute(select(m.id).where(m.id == memo.id)).scalar() is None


def test_a_coders_copy_of_a_project_file_carries_no_hash_of_the_original(tmp_path: Path) -> None:
    from makna.privacy.project import add_detection, decide_all
    from makna.privacy.project_apply import apply

    path = tmp_path / "studi.makna"
    with makna.create_project(path, "Studi", coder="ana") as project:
        makna.import_text(project, "s1", TEXT, language="id")
        for word in ("Marlina Yusuf", "Desa Apar"):
            add_detection(project, "s1", *_span(word), "PERSON" if word.startswith("M") else "LOCATION")
        decide_all(project, "accepted")
        apply(project, tmp_path / "key.json", "correct horse battery staple")
    copy = makna.copy_project(path, tmp_path / "budi.makna", coder="budi")
    with makna.open_project(copy) as local:
        assert hashlib.sha256(TEXT.encode("utf-8")).hexdigest() not in _hashes_in(local)


def test_a_memo_moved_onto_the_webs_coding_can_be_edited_again_before_a_refresh(lab: Any, tmp_path: Path) -> None:
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        seg = makna.code_span(local, "s1", *_span("dekat pasar"), "tempat")
        memo = makna.add_memo(local, "segment", seg.id, "catatan pertama")
    makna.code_span(_as(lab, "budi"), "s1", *_span("dekat pasar"), "tempat")  # on the web meanwhile
    client.push(copy)  # the coding is a duplicate; the memo lands on the web's coding
    with makna.open_project(copy) as local:
        makna.update_memo(local, memo.id, "catatan kedua")  # the coder keeps working in the same copy
    second = client.push(copy)
    assert [c["reason"] for c in second.conflicts if c["kind"] == "memo"] == []  # team15: changed_on_server
    m = tables.memos.c
    with lab.store.read() as conn:
        assert conn.execute(select(m.text).where(m.id == memo.id)).scalar() == "catatan kedua"
    report = client.refresh(copy)  # the duplicate coding is the server's; nothing dropped, nothing left
    assert report.dropped == ()
    with makna.open_project(copy) as local:
        assert not len(pending(local))


def test_an_offline_duplicate_of_a_web_coding_carries_its_memo_onto_it(lab: Any, tmp_path: Path) -> None:
    copy = _pull(lab, tmp_path)
    with makna.open_project(copy) as local:
        mine = makna.code_span(local, "s1", *_span("dekat pasar"), "tempat", memo="ditulis offline")
    web = makna.code_span(_as(lab, "budi"), "s1", *_span("dekat pasar"), "tempat", memo="ditulis di web")
    report = client.refresh(copy)  # not refused: the coding is the server's, its memo carried onto it
    assert report.dropped == ()
    with makna.open_project(copy) as local:
        (seg,) = makna.retrieve(local, code="tempat")
        assert (seg.id, seg.memo) == (web.id, "ditulis di web\n\nditulis offline") and seg.id != mine.id
    assert client.push(copy).changed == 1
    (seg,) = makna.retrieve(lab, code="tempat")
    assert seg.memo == "ditulis di web\n\nditulis offline"
