"""De-identification inside a project: scan, review, apply, reveal; refusals; the schema of its table."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

import makna
from makna.errors import KeyFileError, OffsetError, PrivacyError
from makna.privacy import Detection, pseudonymise, restore
from makna.privacy.project import add_detection, decide, decide_all, deid_status, edit_detection, review_entries, scan
from makna.privacy.project_apply import add_known_names, apply, known_names, reveal
from makna.privacy.pseudonymise import map_offset
from makna.privacy.replacements import map_end
from makna.store import schema_head, tables

TEXT_A = (
    "Wawancara dengan Mbak Siti Rahmawati, 8 Mei 2024, di Kafe Teduh Lamo, Padang.\n\n"
    "P: Boleh kenalan dulu?\n"
    "I: Nama saya Siti, umur 24 tahun. Nomor HP-ku 0812-7411-2095, email siti.r@example.com.\n"
    "P: Siapa yang ngajak?\n"
    "I: Kawan sekos, Uni Rosa. Dia tinggal di Kos Griya Kenanga, Kecamatan Padang Utara.\n"
)
TEXT_B = (
    "P: Ceritakan pengalaman Uni.\n"
    "I: Pernah ketemu Bang Yudi, mobilnya BA 1234 QZ. Kata Rosa dia baik.\n"
    "P: Lalu?\n"
    "I: Aku cerita sama zorblat, kawan lama.\n"
)
PASS = "correct horse battery staple"


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    makna.import_text(project, "a.txt", TEXT_A, language="id")
    makna.import_text(project, "b.txt", TEXT_B, language="id")
    return project


def _text(project: makna.Project, name: str) -> str:
    return makna.get_source(project, name).text


def _accept_everything(project: makna.Project) -> None:
    scan(project)
    decide_all(project, "accepted")
    scan(project)
    decide_all(project, "accepted")


def test_schema_of_deid_table_matches_migration(project: makna.Project) -> None:
    """Migration 0003 builds exactly the deid_sources table of tables.py (the whole-schema test may be
    disturbed by the search index's FTS5 shadow tables, which tables.py does not declare)."""
    with project.store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), tables.metadata)
    assert [d for d in diff if "deid" in repr(d)] == []
    assert project.store.schema_revision() == schema_head()


def test_scan_lists_detections_with_stable_ids(study: makna.Project) -> None:
    report = scan(study)
    assert report.sources == 2 and report.new == report.detections > 5
    entries = {e.text: e for e in report.entries}
    assert entries["0812-7411-2095"].type == "PHONE" and entries["Siti Rahmawati"].type == "PERSON"
    assert all(e.status == "pending" and ":" in e.id for e in report.entries)
    phone = entries["0812-7411-2095"]
    assert TEXT_A[phone.start:phone.end] == phone.text and phone.before.endswith("HP-ku ")
    decide(study, [phone.id], "rejected")
    again = scan(study)
    assert again.new == 0
    assert {e.id: e.status for e in again.entries}[phone.id] == "rejected"  # decisions and ids kept
    # the review stored in the project holds spans only, never an identifier string
    with study.store.read() as conn:
        stored = json.dumps(conn.execute(select(tables.deid_sources.c.review)).scalars().all())
        events = json.dumps(conn.execute(select(tables.events.c.payload)).scalars().all())
    for e in again.entries:
        assert e.text not in stored and e.text not in events


def test_propagation_of_added_identifier(study: makna.Project, tmp_path: Path) -> None:
    scan(study)
    start = TEXT_B.index("zorblat")
    assert not [e for e in review_entries(study) if e.text == "zorblat"]  # missed by the detectors (a lower-case nickname)
    added = add_detection(study, "b.txt", start, start + 7, "person")
    assert added.status == "added" and added.text == "zorblat"
    makna.import_text(study, "c.txt", "I: zorblat datang lagi kemarin.\n", language="id")
    decide_all(study, "accepted")
    with pytest.raises(PrivacyError, match="not been scanned|pending|occur again"):
        apply(study, tmp_path / "k.key", PASS, sources=["a.txt", "b.txt", "c.txt"])
    report = scan(study)
    assert [(e.source, e.detector) for e in report.entries if e.text == "zorblat"] == [
        ("b.txt", "review.add"), ("c.txt", "propagate")]


def test_round_trip_gives_the_original_back(study: makna.Project, tmp_path: Path) -> None:
    _accept_everything(study)
    add_detection(study, "b.txt", TEXT_B.index("zorblat"), TEXT_B.index("zorblat") + 7, "PERSON")
    turns_before = makna.get_turns(study, "a.txt")
    key = tmp_path / "keys" / "study.key"
    report = apply(study, key, PASS, mode="surrogate")
    assert report.sources == ["a.txt", "b.txt"] and report.replaced > 8 and report.by_type["PHONE"] == 1
    new_a = _text(study, "a.txt")
    for original in ("Siti", "0812-7411-2095", "siti.r@example.com", "Kos Griya Kenanga", "Rosa"):
        assert original not in new_a
    src = makna.get_source(study, "a.txt")
    assert src.sha256 == hashlib.sha256(new_a.encode()).hexdigest()
    with study.store.read() as conn:  # no original file bytes stay in the project
        assert conn.execute(select(tables.sources.c.original.is_(None))).scalars().all() == [True, True]
    turns_after = makna.get_turns(study, "a.txt")
    assert [(t.number, t.speaker) for t in turns_after] == [(t.number, t.speaker) for t in turns_before]
    for t in turns_after:  # every turn still starts at its label and ends at its line end
        assert new_a[t.start:t.end].startswith(f"{t.speaker}:") and "\n" not in new_a[t.start:t.end]
    assert reveal(study, "a.txt", key, PASS) == TEXT_A
    assert reveal(study, "b.txt", key, PASS) == TEXT_B
    status = {s.source: s for s in deid_status(study)}
    assert status["a.txt"].applied and status["a.txt"].mode == "surrogate" and status["a.txt"].pending == 0
    assert study.store.meta()["deid_key_id"] == report.key_id
    # de-identified sources are not scanned again; the key's originals are found in new sources
    makna.import_text(study, "c.txt", "I: Kemarin zorblat nelpon dari 0812 7411 2095.\n", language="id")
    again = scan(study)
    assert again.skipped_applied == ["a.txt", "b.txt"] and again.sources == 1
    assert {e.text for e in again.entries} >= {"0812 7411 2095"}
    decide_all(study, "accepted")
    with pytest.raises(PrivacyError, match="occur again"):  # zorblat is in the key, not reviewed in c
        apply(study, key, PASS)
    from makna.privacy.project_apply import open_key

    confirmed = open_key(study, key, PASS).originals()
    scan(study, confirmed=confirmed)
    decide_all(study, "accepted")
    apply(study, key, PASS, mode="tag")
    assert "[PERSON-" in _text(study, "c.txt") and "zorblat" not in _text(study, "c.txt")
    assert reveal(study, "c.txt", key, PASS) == "I: Kemarin zorblat nelpon dari 0812 7411 2095.\n"


def test_wrong_passphrase_changes_nothing(study: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    _accept_everything(study)
    apply(study, key, PASS, sources=["a.txt"])
    before_key = key.read_bytes()
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        apply(study, key, "not the passphrase")
    assert key.read_bytes() == before_key and _text(study, "b.txt") == TEXT_B
    assert not {s.source: s for s in deid_status(study)}["b.txt"].applied
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        reveal(study, "a.txt", key, "not the passphrase")


def test_missing_key_and_key_of_another_project(study: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    _accept_everything(study)
    apply(study, key, PASS, sources=["a.txt"])
    with pytest.raises(KeyFileError, match="not found"):
        reveal(study, "a.txt", tmp_path / "elsewhere.key", PASS)
    with pytest.raises(KeyFileError, match="not found"):  # the project has a key: no new one is started
        apply(study, tmp_path / "elsewhere.key", PASS)
    assert not (tmp_path / "elsewhere.key").exists()
    other_key = tmp_path / "other.key"
    with makna.create_project(tmp_path / "other.makna", coder="tester") as other:
        makna.import_text(other, "x.txt", "I: Nama saya Siti, 0812-7411-2095.\n", language="id")
        _accept_everything(other)
        apply(other, other_key, PASS)
    with pytest.raises(KeyFileError, match="another project|fingerprint mismatch"):
        reveal(study, "a.txt", other_key, PASS)
    with pytest.raises(KeyFileError, match="another project|fingerprint mismatch"):
        apply(study, other_key, PASS)
    assert _text(study, "b.txt") == TEXT_B


def test_key_inside_the_project_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.makna"
    with makna.create_project(path, coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT_A, language="id")
        _accept_everything(p)
        for bad in (path, Path(f"{path}-wal")):
            with pytest.raises(KeyFileError, match="outside the project"):
                apply(p, bad, PASS)
        assert _text(p, "a.txt") == TEXT_A


def test_coded_source_is_applied_with_its_codings(study: makna.Project, tmp_path: Path) -> None:
    """#11 (trial13 #3): a coded source is no longer refused; its coding of a turn is the turn's span after apply,
    and a span link moves too."""
    makna.add_code(study, "c1", "A code")
    makna.code_turn(study, "a.txt", 2, "c1")
    makna.add_case(study, "Informan 2")
    makna.link_source(study, "Informan 2", "b.txt", 0, 10)
    _accept_everything(study)
    report = apply(study, tmp_path / "study.key", PASS)
    assert sorted(report.sources) == ["a.txt", "b.txt"] and not report.left_out
    text = _text(study, "a.txt")
    assert "Siti" not in text
    turn = next(t for t in makna.get_turns(study, "a.txt") if t.number == 2)
    with study.store.read() as conn:
        g = tables.segments.c
        assert [tuple(r) for r in conn.execute(select(g.start, g.end))] == [(turn.start, turn.end)]
    assert [(x.start, x.end) for x in makna.list_links(study) if x.start is not None] == [(0, 10)]


def test_pending_detections_refused_unless_included(study: makna.Project, tmp_path: Path) -> None:
    scan(study)
    with pytest.raises(PrivacyError, match="pending detections"):
        apply(study, tmp_path / "k.key", PASS)
    assert not (tmp_path / "k.key").exists()
    apply(study, tmp_path / "k.key", PASS, include_pending=True, sources=["a.txt"])
    assert "0812-7411-2095" not in _text(study, "a.txt")
    with pytest.raises(PrivacyError, match="de-identified already"):
        apply(study, tmp_path / "k.key", PASS, sources=["a.txt"])
    with pytest.raises(PrivacyError, match="de-identified already"):
        decide(study, ["1:1"], "rejected")


def test_edit_add_and_bad_ids(study: makna.Project) -> None:
    entries = scan(study).entries
    first = entries[0]
    edited = edit_detection(study, first.id, first.start, first.end + 1)
    assert edited.status == "edited" and edited.end == first.end + 1 and edited.id == first.id
    with pytest.raises(OffsetError, match="overlap"):
        add_detection(study, first.source, first.start, first.start + 2, "PERSON")
    blank = TEXT_A.index("\n\n")
    with pytest.raises(makna.MaknaError, match="blank"):
        add_detection(study, "a.txt", blank, blank + 2, "PERSON")
    with pytest.raises(makna.MaknaError, match="blank"):
        edit_detection(study, first.id, blank, blank + 1)
    with pytest.raises(makna.MaknaError, match="N:I"):
        decide(study, ["nonsense"], "accepted")
    with pytest.raises(makna.MaknaError, match="no scanned source number 99"):
        decide(study, ["99:1"], "accepted")
    with pytest.raises(makna.MaknaError, match="has .* detection"):
        decide(study, [f"{first.id.split(':')[0]}:999"], "accepted")
    n_person = decide_all(study, "rejected", types=["person"])
    assert n_person > 0 and all(e.status != "pending" for e in review_entries(study) if e.type == "PERSON")


def test_known_names_live_in_the_key_only(study: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "names.key"
    assert add_known_names(study, key, PASS, ["zorblat", "zorblat", "Kwarx Dimble"]) == 2
    assert known_names(study, key, PASS) == ["Kwarx Dimble", "zorblat"]
    assert add_known_names(study, key, PASS, ["zorblat"]) == 0
    report = scan(study, known_names=known_names(study, key, PASS))
    assert any(e.text == "zorblat" for e in report.entries)
    with study.store.read() as conn:
        events = json.dumps(conn.execute(select(tables.events.c.payload)).scalars().all())
        meta = study.store.meta()
    assert "zorblat" not in events and "Kwarx" not in events and "zorblat" not in json.dumps(meta)
    decide_all(study, "accepted")
    apply(study, key, PASS)  # the names' key is the project's key
    assert "zorblat" not in _text(study, "b.txt")


def test_speaker_labels_that_are_names_are_replaced(project: makna.Project, tmp_path: Path) -> None:
    text = "Peneliti: Halo, siapa namamu?\nMbak Siti: Nama saya Siti, dari Padang.\n"
    makna.import_text(project, "s.txt", text, language="id", turn_pattern=r"^(?P<speaker>[^:\n]{1,40}):")
    assert [t.speaker for t in makna.get_turns(project, "s.txt")] == ["Peneliti", "Mbak Siti"]
    _accept_everything(project)
    apply(project, tmp_path / "k.key", PASS, mode="tag")
    turns = makna.get_turns(project, "s.txt")
    new = _text(project, "s.txt")
    assert turns[1].speaker.startswith("Mbak [PERSON-") and "Siti" not in new
    assert new[turns[1].start:turns[1].end].startswith(turns[1].speaker + ":")


# ------------------------------------------------------------------------ offsets, by property
@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[Detection], int, int]:
    text = draw(st.text(alphabet="ab \n", min_size=2, max_size=60))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    dets: list[Detection] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if text[a:b].strip():  # a blank span is refused by add/edit (see test_edit_add_and_bad_ids)
            dets.append(Detection(a, b, "PERSON", 1.0, "t", text[a:b]))
    free = [i for i in range(len(text) + 1) if not any(d.start < i < d.end for d in dets)]
    a, b = sorted(draw(st.lists(st.sampled_from(free), min_size=2, max_size=2)))
    return text, dets, a, b


@settings(max_examples=200, deadline=None)
@given(_text_and_spans())
def test_turn_offsets_map_through_replacements(case: tuple[str, list[Detection], int, int]) -> None:
    """A span whose ends lie outside replaced identifiers maps onto the de-identified text so that
    putting the originals back inside it gives the original span's text."""
    text, dets, a, b = case
    new, reps = pseudonymise(text, dets, mode="tag")
    na, nb = map_offset(a, reps), map_end(b, reps)
    inside = [r for r in reps if a <= r.start and r.end <= b]
    shifted = [type(r)(r.start - a, r.end - a, r.new_start - na, r.new_end - na, r.type, r.original, r.replacement)
               for r in inside]
    assert restore(new[na:nb], shifted) == text[a:b]


def test_suggestions_do_not_block_and_are_dropped(study: makna.Project, tmp_path: Path) -> None:
    """Nobody coded the source: the suggester's proposals on it (pending or rejected) are derived from the
    original text and re-made by the next run, so apply drops them instead of refusing the source."""
    import datetime as dt

    from makna.model import new_id
    from makna.suggest import MACHINE_CODER

    code = makna.add_code(study, "c1", "A code")
    src = makna.get_source(study, "a.txt")
    now = dt.datetime.now(dt.UTC)
    with study.store.write(study.actor, "suggest.run", {}) as conn:
        machine = study.coder_id(conn, MACHINE_CODER, kind="suggester")
        for state, (start, end) in (("pending", (0, 10)), ("rejected", (12, 20))):
            seg = new_id()
            conn.execute(tables.segments.insert().values(id=seg, source_id=src.id, start=start, end=end,
                                                         code_id=code.id, coder_id=machine, memo="", created_at=now))
            conn.execute(tables.suggestions.insert().values(
                id=new_id(), source_id=src.id, start=start, end=end, code_id=code.id, segment_id=seg,
                confidence=0.9, model="test", state=state, created_at=now))
    _accept_everything(study)
    apply(study, tmp_path / "study.key", PASS)
    assert _text(study, "a.txt") != TEXT_A
    with study.store.read() as conn:
        assert conn.execute(select(tables.suggestions.c.id)).all() == []
        assert conn.execute(select(tables.segments.c.id).where(tables.segments.c.source_id == src.id)).all() == []


def test_an_accepted_bare_age_is_not_spread_to_every_same_number(study: makna.Project) -> None:
    """trial8: an accepted age "39" came back at the next scan in case attribute values "30-39" (an age band),
    pending as AGE 0.99; accepting them would have rewritten the band. A bare short number names no one."""
    makna.define_attribute(study, "umur", "text")
    makna.add_case(study, "Informan 1", values={"umur": "30-39"})
    makna.import_text(study, "c.txt", "P: Umurnya?\nI: 39, Kak. Utangnya 39 ribu.\n", language="id")
    scan(study)
    at = _text(study, "c.txt").index("39")
    if not [e for e in review_entries(study) if e.source == "c.txt" and e.text == "39"]:
        add_detection(study, "c.txt", at, at + 2, "AGE")
    decide_all(study, "accepted")
    report = scan(study)
    assert not [e for e in report.entries if e.detector == "propagate" and e.text == "39"]
    from makna.privacy.detect import propagate

    assert propagate(["umur 30-39", "39 ribu"], {"39": "AGE"}) == {"0": [], "1": []}
    spread = propagate(["umur 39 tahun", "utang 390 ribu"], {"39 tahun": "AGE", "0812 5550 1234": "PHONE"})
    assert [d.text for d in spread["0"]] == ["39 tahun"] and spread["1"] == []
