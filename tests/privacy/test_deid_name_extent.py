"""edges26 (issue #11): a name's span that stops one capitalised word short of its run takes that word.

Unit tests of :func:`makna.privacy.name_extent.close_name_edges` in both languages, with the look-alikes that
must stay outside (a weekday, a month, a role after a person's name, a new sentence after "Ltd.", an honorific
before a place). Every name is invented; towns are real places.
"""

from __future__ import annotations

import pytest

from makna.privacy.detect import detect
from makna.privacy.name_extent import close_name_edges
from makna.privacy.types import Detection


def _one(text: str, piece: str, kind: str) -> list[tuple[str, str]]:
    start = text.index(piece)
    det = Detection(start, start + len(piece), kind, 0.9, "test", piece)
    return [(d.type, d.text) for d in close_name_edges(text, [det])]


@pytest.mark.parametrize(
    ("text", "piece", "kind", "whole"),
    [
        ("Helper in Choa Chu Kang, and my husband rides.", "Choa Chu", "LOCATION", "Choa Chu Kang"),
        (
            "I was employed by Wide Bay Harvest Labour, picking tomatoes.",
            "Wide Bay Harvest",
            "ORG",
            "Wide Bay Harvest Labour",
        ),
        (
            "Dia kerja di bengkel Jaya Motor Koto Baru sejak tahun lalu.",
            "Jaya Motor Koto",
            "ORG",
            "Jaya Motor Koto Baru",
        ),
        (
            "Kelompok wirid ibu-ibu, Wirid Yasin Nurul Falah, ketuanya Etek Asnimar.",
            "Yasin Nurul Falah",
            "ORG",
            "Wirid Yasin Nurul Falah",
        ),
        (
            "We meet at the hall of Riverside Tenants Association every week.",
            "Tenants Association",
            "ORG",
            "Riverside Tenants Association",
        ),
        (
            "Kelompok tabungan Sekaa Manyi Sari Merta, ketuanya Mbok Luh.",
            "Sekaa Manyi Sari",
            "ORG",
            "Sekaa Manyi Sari Merta",
        ),
        (
            "Peserta 3: Grace Yolanda Sumampouw, dua puluh enam taong.",
            "Grace Yolanda",
            "PERSON",
            "Grace Yolanda Sumampouw",
        ),
    ],
)
def test_the_word_left_out_is_taken(text: str, piece: str, kind: str, whole: str) -> None:
    assert _one(text, piece, kind) == [(kind, whole)]


@pytest.mark.parametrize(
    ("text", "piece", "kind"),
    [
        ("Kami berangkat ke Padang Senin, pagi-pagi.", "Padang", "LOCATION"),  # a weekday
        ("We moved to Leeds March, I think.", "Leeds", "LOCATION"),  # a month
        ("Kojo Researcher, [21.07.23 18:02]", "Kojo", "PERSON"),  # a role after a person's name
        ("They work for Harbour Cleaning Ltd. They pay late.", "Harbour Cleaning Ltd.", "ORG"),  # a new sentence
        ("Saya tanya sama Bu Lestari, katanya tutup.", "Lestari", "PERSON"),  # an honorific before a name
        ("Kata Rina HP saya rusak.", "Rina", "PERSON"),  # two capitals
        ("I WORK AT TESCO NOW.", "TESCO", "ORG"),  # a text in capitals
        ("Aku tinggal di Bukittinggi: Uni Sari yang ajak.", "Bukittinggi", "LOCATION"),  # no run across a colon
        ("Attendees: Aroha, Liam, Finance Officer", "Finance", "LOCATION"),  # one ordinary word to another
    ],
)
def test_look_alikes_stay_outside(text: str, piece: str, kind: str) -> None:
    assert _one(text, piece, kind) == [(kind, piece)]


def test_no_acronym_before_a_name() -> None:
    text = "Pernah ambil KUR Bank Mandiri buat modal."
    assert _one(text, "Bank Mandiri", "ORG") == [("ORG", "Bank Mandiri")]
    text = "Pinjam dari koperasi Sinar Harapan Baru, bunganya kecil."
    assert _one(text, "Harapan Baru", "ORG") == [("ORG", "Sinar Harapan Baru")]


def test_never_into_another_detection() -> None:
    text = "He drove from Leeds Bradford, every morning."
    dets = [Detection(14, 19, "LOCATION", 0.9, "t", "Leeds"), Detection(20, 28, "LOCATION", 0.9, "t", "Bradford")]
    assert close_name_edges(text, dets) == dets


def test_pipeline_both_languages() -> None:
    found = detect("Helper in Choa Chu Kang, and my husband rides for a delivery app.", language="en")
    assert not any(d.text in ("Choa Chu", "Choa") for d in found)
    assert any(d.text == "Choa Chu Kang" for d in found)
