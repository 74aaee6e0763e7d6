"""Field notes under a single ``Catatan:``/``Notes:`` line are paragraphs, each a turn of no speaker; the label line
is a heading, not the only turn (trial14 #10: the one label opened the only turn and the observations above it were
left in no turn, coded by span only) (#11). Notes invented, in both languages; as a text file and a Word document."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import makna
from makna.text import detect_turns

NOTES = {
    "id": [
        "Catatan:",
        "Pasar pagi sudah ramai sejak subuh. Pedagang sayur menata dagangan di bawah terpal biru.",
        "Harga cabai naik dibanding minggu lalu; beberapa pembeli menawar lama sebelum membeli.",
        "Sekitar pukul tujuh, dua pedagang membahas grup WhatsApp jual beli yang baru dibuat.",
    ],
    "en": [
        "Notes:",
        "The market was busy before dawn. Vegetable sellers laid out their stock under blue tarpaulins.",
        "Chilli prices were up on last week; several buyers bargained for a long time before buying.",
        "Around seven, two sellers talked about a new buy-and-sell group chat.",
    ],
}


@pytest.mark.parametrize("language", ["id", "en"])
def test_paragraphs_under_one_label_are_turns_of_no_speaker(language: str) -> None:
    heading, *paragraphs = NOTES[language]
    text = "\n\n".join([heading, *paragraphs])
    turns = detect_turns(text)
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [("", p) for p in paragraphs]


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_label_with_words_after_it_keeps_its_turn_and_the_observations_above_are_turns(language: str) -> None:
    label = NOTES[language][0] + " " + ("pembeli menawar lama." if language == "id" else "buyers bargained.")
    observations = NOTES[language][1:3]
    text = "\n\n".join([*observations, "Harga | Cabai | 60.000", label, NOTES[language][3]])
    turns = [(t.speaker, text[t.start : t.end]) for t in detect_turns(text)]
    assert turns == [
        ("", observations[0]),
        ("", observations[1]),
        ("", "Harga | Cabai | 60.000"),
        (NOTES[language][0].rstrip(":"), label),
        ("", NOTES[language][3]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "P: Apa kabar?\nI: Baik, Kak.",  # a two-line excerpt: every label opens a turn
        "Informan: Saya berjualan di pasar ini sejak anak saya masih kecil sekali, Kak.\nLalu pindah ke ponsel.",
        "Judul: Wawancara\n\nP: Sejak kapan?\nI: Sejak pandemi.\nP: Lewat apa?\nI: WhatsApp.",  # a header
        "[00:00:05] Informan: Ya.\n\nLanjut.",  # a stamped label is a turn's
    ],
)
def test_transcripts_keep_their_turns(text: str) -> None:
    speakers = [t.speaker for t in detect_turns(text)]
    assert "" not in speakers, speakers


@pytest.mark.parametrize("language", ["id", "en"])
def test_imported_field_notes_as_text_and_word(project: makna.Project, tmp_path: Path, language: str) -> None:
    heading, *paragraphs = NOTES[language]
    makna.import_text(project, "notes.txt", "\n\n".join(NOTES[language]) + "\n", language=language)
    document = docx.Document()
    for line in NOTES[language]:
        document.add_paragraph(line)
    path = tmp_path / "notes.docx"
    document.save(str(path))
    makna.import_file(project, path, language=language)
    for name in ("notes.txt", "notes.docx"):
        text = makna.get_source(project, name).text
        turns = makna.get_turns(project, name)
        assert [(t.speaker, text[t.start : t.end]) for t in turns] == [("", p) for p in paragraphs], name
