"""One participant of a focus group or a WhatsApp group withdraws after coding (trial14 problem 2, #11):
:func:`makna.withdraw.withdraw_participant` removes her turns for good and keeps everyone else's words and codings.
Every transcript here is fictional."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

import makna
from makna.cases import define_attribute, set_values
from makna.errors import InputError
from makna.exchange.flat import write_segments_csv
from makna.history import NothingToUndoError
from makna.store import tables
from makna.withdraw import Cut, withdraw_participant

# fictional: a focus group of home sellers; Sari withdraws
FOCUS = (
    "Focus group, pasar pagi\n"
    "Moderator: Bagaimana awal berjualan?\n"
    "Sari: Saya mulai jualan kue lapis legit di Gang Kenari Tujuh sejak anak kedua lahir.\n"
    "Budi: Saya jualan es dawet keliling, dari dulu.\n"
    "Sari: Pelanggan saya kebanyakan ibu arisan Melati Putih.\n"
    "Dewi: Saya titip dagangan di warung tetangga.\n"
    "Moderator: Terima kasih semua.\n"
)
# fictional: an Android WhatsApp group export; Uni Ami withdraws
CHAT = (
    "04/10/2026 08.12 - Uda Rizal: Pagi, ada yang jual rendang?\n"
    "04/10/2026 08.13 - Uni Ami: Ado, randang paku Salero Ambun Pagi, pesan ke nomor ambo.\n"
    "04/10/2026 08.14 - Uda Rizal: Berapa sekilo?\n"
    "04/10/2026 08.15 - Uni Ami: Duo ratuih ribu, antar ka Jorong Padang Kaciak.\n"
    "04/10/2026 08.16 - Uni Ros: Ambo pesan ciek.\n"
)
HER = ("lapis legit", "Kenari Tujuh", "Melati Putih")
HER_CHAT = ("Salero Ambun", "Padang Kaciak", "randang paku")


def _journal(project: makna.Project) -> str:
    with project.store.read() as conn:
        return " ".join(str(d) for (d,) in conn.execute(select(tables.undo_rows.c.data)))


def _import(project: makna.Project, tmp_path: Path) -> None:
    (tmp_path / "fg1.txt").write_text(FOCUS, encoding="utf-8")
    makna.import_file(project, tmp_path / "fg1.txt")
    makna.add_code(project, "start")
    makna.add_code(project, "buyers")
    for turn, code in ((1, "start"), (2, "start"), (3, "buyers"), (4, "buyers")):  # Sari, Budi, Sari, Dewi
        makna.code_turn(project, "fg1.txt", turn, code)


def test_her_turns_go_and_every_other_turn_and_coding_stays(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    src = makna.get_source(project, "fg1.txt")
    budi = src.text.index("Budi:")
    across = makna.code_span(project, "fg1.txt", src.text.index("Melati"), src.text.index("di warung"), "start")
    makna.add_case(project, "P-Sari")
    makna.link_speaker(project, "P-Sari", "fg1.txt", "Sari")
    makna.add_case(project, "P-Budi")
    makna.link_speaker(project, "P-Budi", "fg1.txt", "Budi")
    others = [t for t in makna.get_turns(project, "fg1.txt") if t.speaker != "Sari"]
    before = [src.text[t.start : t.end] for t in others]
    report = withdraw_participant(project, "sari")
    assert (report.turns, report.codings_deleted, report.codings_cut, report.cases) == (2, 2, 1, ["P-Sari"])
    new = makna.get_source(project, "fg1.txt").text
    assert new == FOCUS.replace(FOCUS.splitlines(True)[2], "").replace(FOCUS.splitlines(True)[4], "")
    turns = makna.get_turns(project, "fg1.txt")
    assert [new[t.start : t.end] for t in turns] == before
    assert [t.number for t in turns] == [1, 2, 3]
    texts = sorted(s.text for s in makna.retrieve(project))
    dewi = "Dewi: Saya titip dagangan di warung tetangga."
    assert texts == sorted([src.text[budi : src.text.index("\n", budi)], dewi, "Dewi: Saya titip dagangan "])
    assert not any(w in new for w in HER)
    assert [c.name for c in makna.list_cases(project)] == ["P-Budi"]
    assert [new[link.start or 0 : link.end] for link in makna.list_links(project)] == [
        "Budi: Saya jualan es dawet keliling, dari dulu."
    ]
    assert across.id in {s.id for s in makna.retrieve(project)}
    assert not any(w in _journal(project) for w in HER)
    with pytest.raises(NothingToUndoError):
        makna.undo(project)
    events = [e for e in makna.events(project) if e.action == "participant.withdraw"]
    assert len(events) == 1 and events[0].payload["turns"] == 2 and "Sari" not in str(events[0].payload)


def test_a_speaker_with_no_turn_is_refused(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    with pytest.raises(InputError, match="no turn of speaker"):
        withdraw_participant(project, "Rina")
    assert makna.get_source(project, "fg1.txt").text == FOCUS


def test_quotes_of_her_are_listed_not_edited(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    memo = makna.add_memo(project, "project", None, "Sari: 'pelanggan saya kebanyakan ibu arisan' menarik.")
    makna.update_code(project, "buyers", example="Pelanggan saya kebanyakan ibu arisan Melati Putih")
    report = withdraw_participant(project, "Sari")
    assert [(q.where, q.label) for q in report.quotes] == [("memo", memo.id[:8]), ("code", "buyers")]
    assert report.quotes[0].command == "makna memo list --on project"
    assert "Melati Putih" in makna.get_code(project, "buyers").example  # the researcher decides


def test_only_the_sources_named(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    (tmp_path / "fg2.txt").write_text(FOCUS.replace("pagi", "sore"), encoding="utf-8")
    makna.import_file(project, tmp_path / "fg2.txt")
    withdraw_participant(project, "Sari", ["fg2.txt"])
    assert makna.get_source(project, "fg1.txt").text == FOCUS
    assert "Melati" not in makna.get_source(project, "fg2.txt").text


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_plant_and_grep_a_whatsapp_group(project: makna.Project, tmp_path: Path) -> None:
    (tmp_path / "grup.txt").write_text(CHAT, encoding="utf-8")
    makna.import_file(project, tmp_path / "grup.txt")
    makna.add_code(project, "order")
    for turn in range(1, 6):
        makna.code_turn(project, "grup.txt", turn, "order", memo="pesan" if turn != 2 else "Salero Ambun laris")
    makna.add_case(project, "Uni Ami")
    define_attribute(project, "kampung", "text")
    set_values(project, "Uni Ami", {"kampung": "Jorong Padang Kaciak"})
    makna.link_speaker(project, "Uni Ami", "grup.txt", "Uni Ami")
    report = withdraw_participant(project, "Uni Ami")
    assert report.compacted and report.turns == 2 and report.codings_deleted == 2
    path = Path(project.store.engine.url.database or "")
    out = tmp_path / "out"
    out.mkdir()
    write_segments_csv(project, out / "codings.csv")
    makna.export_qdpx(project, out / "project.qdpx")
    makna.write_report(project, out / "report", png=False)
    copy = makna.copy_project(path, tmp_path / "to-supervisor.makna")
    files = [path, path.with_name(path.name + "-wal"), copy, *(f for f in out.rglob("*") if f.is_file())]
    for f in files:
        if f.exists():
            data = f.read_bytes()
            if f.suffix == ".qdpx":
                import zipfile

                with zipfile.ZipFile(f) as z:
                    data = b"".join(z.read(n) for n in z.namelist())
            for w in HER_CHAT:
                assert w.encode() not in data, (f.name, w)
    assert "Uda Rizal: Berapa sekilo?" in makna.get_source(project, "grup.txt").text
    assert b"Uni Ami" not in path.read_bytes()  # her label left the event log (the case's link, the case's name)


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_a_coders_copy_made_afterwards_holds_nothing_of_hers(project: makna.Project, tmp_path: Path) -> None:
    (tmp_path / "grup.txt").write_text(CHAT, encoding="utf-8")
    makna.import_file(project, tmp_path / "grup.txt")
    withdraw_participant(project, "Uni Ami")
    path = Path(project.store.engine.url.database or "")
    copy = makna.copy_project(path, tmp_path / "coder.makna", coder="rina")
    with makna.open_project(copy) as theirs:
        assert "Salero" not in makna.get_source(theirs, "grup.txt").text
    assert not any(w.encode() in copy.read_bytes() for w in HER_CHAT)


def _removed(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(2, 8).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.sets(st.integers(0, n - 1)),
            st.lists(st.tuples(st.integers(0, 6 * n), st.integers(1, 12)), max_size=12),
        )
    )
)
def test_any_turns_removed_keep_every_other_codings_text(case: tuple[int, set[int], list[tuple[int, int]]]) -> None:
    n, gone, spans = case
    text = "".join(f"P{i}: w{i}x\n" for i in range(n))
    starts = [text.index(f"P{i}:") for i in range(n)]
    cut = Cut((starts[i], starts[i + 1] if i + 1 < n else len(text)) for i in gone)
    removed = _removed(text, cut.spans)
    new = cut.text(text)
    for start, size in spans:
        end = min(start + size, len(text))
        if start >= end:
            continue
        moved = cut.span(start, end)
        kept = "".join(text[i] for i in range(start, end) if i not in removed)
        if moved is None:
            assert kept == ""
        else:
            assert new[moved[0] : moved[1]] == kept  # the other turns' words, byte for byte


SPEAKERS = ("Ani", "Budi", "Citra")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SPEAKERS), min_size=2, max_size=7),
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)), min_size=1, max_size=8),
)
def test_any_turns_withdrawn_from_a_project_keep_every_other_codings_text(
    speakers: list[str], spans: list[tuple[int, int]]
) -> None:
    import tempfile

    text = "Diskusi kelompok\n" + "".join(f"{s}: kata ke-{i} dari {s.lower()}\n" for i, s in enumerate(speakers))
    with tempfile.TemporaryDirectory() as tmp, makna.create_project(Path(tmp) / "p.makna", "h", coder="t") as p:
        makna.import_text(p, "fg.txt", text, language="id")
        makna.add_code(p, "c")
        turns = makna.get_turns(p, "fg.txt")
        coded = {(min(a, len(text) - 1), min(a + n, len(text))) for a, n in spans}
        for a, b in coded:
            makna.code_span(p, "fg.txt", a, b, "c")
        her = [
            (t.start, turns[i + 1].start if i + 1 < len(turns) else len(text))
            for i, t in enumerate(turns)
            if t.speaker == "Ani"
        ]
        if not her:
            return
        removed = _removed(text, her)
        withdraw_participant(p, "Ani")
        new = makna.get_source(p, "fg.txt").text
        assert new == "".join(c for i, c in enumerate(text) if i not in removed)
        expected = [k for a, b in coded if (k := "".join(text[i] for i in range(a, b) if i not in removed))]
        kept = [s.text for s in makna.retrieve(p)]
        assert set(kept) == set(expected) and len(kept) <= len(expected)  # two cut to one span become one
        others = [text[t.start : t.end] for t in turns if t.speaker != "Ani"]
        assert [new[t.start : t.end] for t in makna.get_turns(p, "fg.txt")] == others


def test_a_linked_recording_is_named_as_still_holding_her_voice(
    project: makna.Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """makna edits no recording: a source whose linked audio or video holds her turns is named in the report, so
    that the researcher cuts or deletes the file (review25)."""
    from makna.media import link_media, project_folder
    from test_media import write_wav

    if project.store.path is None:
        monkeypatch.setenv("MAKNA_MEDIA_DIR", str(tmp_path))
    _import(project, tmp_path)
    (tmp_path / "fg2.txt").write_text(FOCUS.replace("pasar pagi", "pasar sore"), encoding="utf-8")
    makna.import_file(project, tmp_path / "fg2.txt")
    link_media(project, "fg1.txt", write_wav(project_folder(project) / "fg1.wav"))
    report = withdraw_participant(project, "Sari")
    assert sorted(report.sources) == ["fg1.txt", "fg2.txt"]
    assert report.recordings == ["fg1.txt"]
