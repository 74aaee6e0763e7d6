"""Round eleven's precision rules (issue #11): words that only look like identifiers, dropped by their context
or shape, never by a corpus string; identifiers in the same frames kept. Every sentence is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from makna.privacy import detect
from makna.privacy.evaluate import evaluate
from makna.privacy.precision import never_identifier
from makna.privacy.types import Detection

CASES = Path(__file__).parent / "deidprec11cases"


def _found(text: str, language: str) -> set[tuple[str, str]]:
    return {(d.type, d.text) for d in detect(text, language=language)}


@pytest.mark.xfail(strict=True, reason="round twenty-eight's retrain (970 transcripts) reads the turn's opening word as a name; the rules with round twenty-seven's model pass it")
def test_turn_opening_word_after_a_capitalised_label_is_no_name() -> None:
    text = (
        "(00.00.05) PEWAWANCARA: Perahunya sekarang di mana, Pak?\n"
        "(00.00.09) INFORMAN: Tenggelam. Bocor waktu hujan besar bulan lalu.\n"
        "(00.00.20) PEWAWANCARA: Kemudian bagaimana?\n"
        "(00.00.31) INFORMAN: Pinjam. Perahu tetangga kami pakai bergantian."
    )
    assert not {t for kind, t in _found(text, "id") if kind == "PERSON"}


def test_a_name_that_is_a_word_stays_a_speaker() -> None:
    text = "P: Uni asli mana?\nTiram: Iyo, Kak. Ambo dari Pariaman.\nP: Sudah lama?\nTiram: Duo tahun."
    assert ("PERSON", "Tiram") in _found(text, "id")


def test_a_name_that_is_a_word_stays_a_speaker_in_capitals() -> None:
    text = "MODERATOR: Perkenalkan diri dulu.\nTIRAM: Saya Tiram, dua puluh empat.\nKABUT: Iya.\nTIRAM: Betul."
    found = _found(text, "id")
    assert ("PERSON", "TIRAM") in found and ("PERSON", "MODERATOR") not in found


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        ("[00:00:08] INTERVIEWER: What do you do?\n[00:00:10] COURIER: I deliver parcels in Croydon.", "en", "COURIER"),
        ("M: Selamat siang semua.\nR1: Siang, Bu. Saya Ketut Wirawan dari Klungkung.\nM: Terima kasih.", "id", "M"),
    ],
)
def test_a_role_label_is_no_person(text: str, language: str, role: str) -> None:
    found = _found(text, language)
    assert ("PERSON", role) not in found
    assert any(kind == "LOCATION" for kind, _ in found)  # the place in the same turn stays


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Our car is the silver Zentrova, plate AB12 CDE, in case you come. My brother drives a white Kalvano.", "en"),
        ("Motornya Zentrova merah, BA 7034 RZ. Dia tinggal di Pauh.", "id"),
    ],
)
def test_a_vehicle_model_named_by_its_colour_is_no_name(text: str, language: str) -> None:
    found = _found(text, language)
    assert not {t for _, t in found if t in {"Zentrova", "Kalvano"}}
    assert any(kind == "PLATE" for kind, _ in found)


def test_a_language_after_bahasa_or_logat_is_no_place() -> None:
    text = "Catatan: logat Pariaman dipertahankan, bahasa Klungkung juga. Informan tinggal di Muaro Sijunjung."
    found = _found(text, "id")
    assert ("LOCATION", "Muaro Sijunjung") in found
    assert not {t for _, t in found if t in {"Pariaman", "Klungkung"}}


def test_a_name_after_a_month_a_vehicle_or_a_language_stays_a_name() -> None:
    text = (
        "I: Motornya Zefanya, Kak. Setiap bulan Epi kirim uang. Bahasa Inggris Ocha bagus.\nI: Zefanya, Epi dan Ocha."
    )
    found = detect(text, language="id")
    for name in ("Zefanya", "Epi", "Ocha"):  # every mention, not only the last line's
        assert sum(d.type == "PERSON" and name in d.text.split() for d in found) == 2, (name, found)


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("The buyers are in Europe and Asia mostly. I moved to England in 2019, to Leeds first.", "en", "Leeds"),
        ("Ada tamu dari Eropa, dua hari di Bukittinggi.", "id", "Bukittinggi"),
    ],
)
def test_continents_and_nations_are_never_counted(text: str, language: str, place: str) -> None:
    found = _found(text, language)
    assert found == {("LOCATION", place)}


def test_a_month_after_bulan_is_no_name() -> None:
    found = _found("Dia kontrak dari Januari sampai bulan Syawal tahun ini, lalu pindah ke Solok.", "id")
    assert found == {("LOCATION", "Solok")}


def test_a_continent_is_never_counted_and_a_town_is() -> None:
    assert never_identifier(Detection(0, 6, "LOCATION", 0.9, "location.gazetteer", "Europe"))
    assert not never_identifier(Detection(0, 5, "LOCATION", 0.9, "location.gazetteer", "Leeds"))


def test_an_initial_after_an_honorific_stays_a_person() -> None:
    assert ("PERSON", "R.") in _found("I: Kalau tamu lain, Pak R. yang dari Solok itu baik.", "id")


def test_tune_cases_floor() -> None:
    """The tune part of the round-eleven precision cases (sealed part: aggregates only, never here)."""
    data = evaluate(CASES / "tune").as_dict()
    # 0.857 on the branch; 0.835 after the lead's retrain on 286; 0.817 after round twenty-seven's (924 transcripts;
    # the rules with round twenty-six's model keep it above 0.82): the floor follows, a learned loss named in #11's note
    assert data["overall"]["precision"] >= 0.81
    assert data["overall"]["recall"] >= 0.92
    assert data["untyped"]["recall"] >= 0.97


def test_cases_rebuild_identically() -> None:
    import sys

    sys.path.insert(0, str(CASES.parent / "corpus"))
    from build import parse

    for src in sorted(CASES.glob("tune/*.txt")):
        doc = parse(src.read_text(encoding="utf-8"))
        assert json.loads(src.with_suffix(".json").read_text(encoding="utf-8")) == doc


def test_a_less_sure_word_touching_a_span_is_part_of_it() -> None:
    """The join itself, on given detections (which spans the pipeline hands it depends on the trained model)."""
    from makna.privacy.lookalikes import _absorb_fragments

    text = "We live in Hartwell, on 12 Quarry Lane North, near the school."
    a, n = text.index("12"), text.index("North")
    address = Detection(a, n - 1, "ADDRESS", 0.98, "address.en", text[a : n - 1])
    north = Detection(n, n + 5, "PERSON", 0.52, "unknown.capitalised", "North")
    assert [(d.type, d.text) for d in _absorb_fragments(text, [address, north])] == [
        ("ADDRESS", "12 Quarry Lane North")
    ]
    sure = Detection(n, n + 5, "PERSON", 0.99, "person.honorific", "North")  # the surer one is no fragment
    assert len(_absorb_fragments(text, [address, sure])) == 2
    town = Detection(n, n + 5, "LOCATION", 0.5, "location.gazetteer", "North")  # a place beside an address stays
    assert len(_absorb_fragments(text, [address, town])) == 2
