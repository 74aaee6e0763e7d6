"""Round eight's precision fixes (#11): words that are no identifier stay undetected, the names around them stay.

Each case is a general shape (an office after an address term, a unit after a number, a brand's model, a
language in a series, a doubled address term, a shop named after a naming cue), written for these tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.precision import never_identifier
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidprec2cases"


def _found(text: str, language: str) -> set[tuple[str, str]]:
    return {(d.text, d.type) for d in detect(text, language=language)}


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Kemarin Pak Camat datang ke kampung kami.", "id", "Camat"),
    ("Kami lapor ke Pak Wali Nagari soal jalan rusak.", "id", "Wali"),
    ("Yang datang Pak Bupati sendiri, pakai mobil dinas.", "id", "Bupati"),
    ("Bu Bidan bilang anak saya sehat.", "id", "Bidan"),
    ("Dia jual pulsa sekitar Rp250.000 sehari.", "id", "Rp250"),
    ("sorry im 10 min late, stuck in traffic", "en", "10"),
    ("Yeah I'm 20 mins away from the depot.", "en", "20"),
    ("I drive a Kia Sorento now, before that a Corolla.", "en", "Sorento"),
    ("I sell old stuff on Facebook Marketplace at weekends.", "en", "Marketplace"),
    ("I speak Portuguese, Spanish, a bit of French.", "en", "French"),
    ("Kami kumpul tiap Jumat habis Ashar di masjid.", "id", "Ashar"),
    ("Saya pakai Waze kalau macet.", "id", "Waze"),
])
def test_not_an_identifier(text: str, language: str, word: str) -> None:
    """No rule takes the word; the CRF (retrained after merging) may keep a guess, below review's 0.5."""
    hits = [d for d in detect(text, language=language) if word in d.text]
    assert all(d.detector == "learned" and d.confidence < 0.5 for d in hits), hits


@pytest.mark.parametrize(("text", "language", "span", "kind"), [
    ("Bu Guru Ani bilang anak saya pintar.", "id", "Ani", "PERSON"),
    ("Kata Pak Budi Santoso, sabar saja.", "id", "Budi Santoso", "PERSON"),
    ("Kafenya di samping pasar. Namanya Kopi Rindang Sore.", "id", "Kopi Rindang Sore", "ORG"),
    ("Umur anak saya 3 bulan, masih menyusu.", "id", "3", "AGE"),
    ("Kiosnya di lantai dua, Blok D nomor 12.", "id", "Blok D nomor 12", "ADDRESS"),
])
def test_identifier_kept(text: str, language: str, span: str, kind: str) -> None:
    assert any(s == span or span in s for s, k in _found(text, language) if k == kind)


def test_doubled_address_terms_are_no_one() -> None:
    assert never_identifier(Detection(0, 7, "PERSON", 0.5, "learned", "Ibu-ibu"))
    assert never_identifier(Detection(0, 13, "PERSON", 0.5, "learned", "Bapak-bapak"))
    assert not never_identifier(Detection(0, 4, "PERSON", 0.5, "learned", "Nona"))  # a name in some transcripts
    assert not never_identifier(Detection(0, 9, "PERSON", 0.5, "learned", "Siti-Nur"))


def test_tune_cases_floor() -> None:
    """The open part of the precision cases (the sealed part is scored by the benchmark, figures only)."""
    sys.path.insert(0, str(CASES))
    report = evaluate(CASES / "tune")
    assert len(load_gold(CASES / "tune")) == 12
    assert report.overall.precision >= 0.85
    assert report.overall.recall >= 0.82


def test_countries_and_generic_offices_are_never_counted() -> None:
    def loc(text: str, kind: str = "LOCATION") -> Detection:
        return Detection(0, len(text), kind, 0.6, "location.gazetteer", text)

    assert never_identifier(loc("Malaysia")) and never_identifier(loc("Hong Kong"))
    assert not never_identifier(loc("Jordan"))  # also a given name: left to the stage
    assert not never_identifier(loc("Bukittinggi"))
    assert never_identifier(loc("Dinas Sosial", "ORG")) and never_identifier(loc("Kantor Camat", "LOCATION"))
    assert not never_identifier(loc("Dinas Kesehatan Kota Medan", "ORG"))
