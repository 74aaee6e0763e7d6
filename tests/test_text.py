"""Text normalisation, turns, sentences and foreign offsets."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import makna
from makna.errors import OffsetError
from makna.text import (
    OffsetMap,
    check_span,
    codepoint_to_utf16,
    detect_turns,
    enclosing_span,
    normalize_text,
    paragraph_spans,
    sentence_spans,
    utf16_to_codepoint,
)

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


def test_normalize_crlf_cr_bom_and_nfc() -> None:
    assert normalize_text("\ufeffa\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert normalize_text("e\u0301") == "\u00e9"


@given(texts)
def test_normalize_is_idempotent_and_nfc(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once


def test_check_span() -> None:
    check_span(0, 3, 3)
    for a, b in ((-1, 2), (2, 2), (3, 2), (0, 4)):
        with pytest.raises(OffsetError):
            check_span(a, b, 3)


def test_detect_turns_labels_and_multiline() -> None:
    text = "Catatan peneliti, 3 Mei.\n\nP: Halo?\nI: Iya,\n  lanjut.\n\nInforman 3: Oke\nInterviewer: Thanks"
    turns = detect_turns(text)
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [
        ("P", "P: Halo?"),
        ("I", "I: Iya,\n  lanjut."),
        ("Informan 3", "Informan 3: Oke"),
        ("Interviewer", "Interviewer: Thanks"),
    ]


def test_header_label_lines_are_not_turns() -> None:
    """#12: "Judul:", "Tanggal:", "Lokasi:" at the top became speakers and shifted every turn number."""
    text = ("Judul: Wawancara pedagang sayur\nTanggal: 4 Maret 2024\nLokasi: Pasar Lama\n\n"
            "Pewawancara: Sudah lama berjualan?\nInforman: Sejak 2010.\n(tertawa)\n"
            "Pewawancara: Ramai hari ini?\nInforman: Lumayan.")
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == ["Pewawancara", "Informan", "Pewawancara", "Informan"]
    assert text[turns[0].start :].startswith("Pewawancara: Sudah lama")
    assert text[turns[1].start : turns[1].end] == "Informan: Sejak 2010.\n(tertawa)"
    # a label that occurs once further down is a speaker still when it is not above the conversation
    assert [t.speaker for t in detect_turns("P: Siapa?\nIbu: Saya.\nP: Oh.")] == ["P", "Ibu", "P"]
    # nothing recurs: every label is a turn; a caller's own pattern is taken as it is
    assert [t.speaker for t in detect_turns("Judul: x\nP: y")] == ["Judul", "P"]
    assert [t.speaker for t in detect_turns(text, r"^(?P<speaker>\w+):")][:3] == ["Judul", "Tanggal", "Lokasi"]


def test_detect_turns_custom_pattern() -> None:
    text = "[A] hello\n[B] hi"
    turns = detect_turns(text, r"^\[(?P<speaker>\w+)\]")
    assert [t.speaker for t in turns] == ["A", "B"]
    assert [text[t.start : t.end] for t in turns] == ["[A] hello", "[B] hi"]


def test_a_custom_pattern_turn_starts_at_its_line() -> None:
    """A chat export with a date before the sender, read with --turn-pattern: each turn starts where its line
    (the pattern's match) starts, so a line's date is never the end of the turn above it."""
    text = ("Chat history (exported 2026-01-20)\n\n"
            "[14.01.26 21:03] Rara: besok ketemu?\n"
            "  [14.01.26 21:04] Dewi Anggraini: iya, jam 10\n")
    turns = detect_turns(text, r"^[ \t]*\[[^\]]+\] (?P<speaker>[^:\n]+):")
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [
        ("Rara", "[14.01.26 21:03] Rara: besok ketemu?"), ("Dewi Anggraini", "[14.01.26 21:04] Dewi Anggraini: iya, jam 10")]


def test_no_turn_for_times_or_urls() -> None:
    assert detect_turns("Jam 10:30 kami ketemu\nhttps://example.com") == []


def test_sentences_and_paragraphs() -> None:
    text = "Aku ditipu. Dia bilang \"besok!\" Terus? Ya\nbaris baru\n\nParagraf dua."
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == ["Aku ditipu.", "Dia bilang \"besok!\"", "Terus?", "Ya", "baris baru", "Paragraf dua."]
    assert [text[a:b] for a, b in paragraph_spans(text)][1] == "Paragraf dua."
    spans = sentence_spans(text)
    assert enclosing_span(spans, 14, 16) == spans[1]


def test_utf16_conversions() -> None:
    text = "a😀b"
    assert codepoint_to_utf16(text, 2) == 3
    assert utf16_to_codepoint(text, 3) == 2
    with pytest.raises(OffsetError):
        utf16_to_codepoint(text, 2)
    assert codepoint_to_utf16(text, 0) == 0 and codepoint_to_utf16(text, 3) == 4 and codepoint_to_utf16("", 0) == 0
    for bad in (-1, 4):  # -1 used to pass as the offset of the last character
        with pytest.raises(OffsetError):
            codepoint_to_utf16(text, bad)


def test_offset_map_utf16_crlf() -> None:
    original = "\ufeffa\r\nb😀c e\u0301x"
    m = OffsetMap(original, units="utf16", crlf_as_two=True)
    assert m.text == "a\nb😀c éx"
    # foreign offsets: a=0 CRLF=1 b=3 emoji=4 c=6 ' '=7 e=8 combining=9 x=10 end=11
    assert [m.to_codepoint(i) for i in (0, 1, 3, 4, 6, 8, 10, 11)] == [0, 1, 2, 3, 4, 6, 7, 8]
    assert m.to_codepoint(2) is None and m.to_codepoint(5) is None and m.to_codepoint(9) is None
    assert m.to_foreign(3) == 4


@given(st.lists(st.sampled_from(["a", "é", "😀", "\r\n", "\n", "e\u0301", "ب", " "]), max_size=40))
def test_offset_map_round_trip(parts: list[str]) -> None:
    original = "".join(parts)
    m = OffsetMap(original, units="utf16")
    for cp in range(len(m.text) + 1):
        assert m.to_codepoint(m.to_foreign(cp)) == cp


@pytest.mark.parametrize("bad", ["a\x00b", "a\ud800b", "\udfff"])
def test_text_no_backend_can_store_is_refused_with_one_clear_error(project: makna.Project, bad: str) -> None:
    """A NUL or a lone surrogate (as a fuzzer or a broken UTF-16 file yields) in a source, a code name,
    a case, a set or a memo: one InputError naming it, on both backends, and the project unchanged."""
    from makna.errors import InputError

    makna.add_code(project, "k")
    attempts: list[Callable[[], object]] = [lambda: makna.import_text(project, "s.txt", f"P: {bad}\n"),
                lambda: makna.update_code(project, "k", name=bad), lambda: makna.add_code(project, "k2", name=bad),
                lambda: makna.add_case(project, bad), lambda: makna.create_set(project, bad, "sources", []),
                lambda: makna.add_memo(project, "project", None, bad)]
    for attempt in attempts:
        with pytest.raises(InputError, match="NUL character|lone surrogate"):
            attempt()
    assert makna.list_sources(project) == [] and makna.list_memos(project) == []
    assert makna.get_code(project, "k").name == "k"


def test_a_turn_that_opens_with_a_time_stamp_starts_there_in_the_recording() -> None:
    from makna.turn_table import TurnTable

    text = "Judul: Wawancara\n[00:01:12] P: Mulai?\n(1:05:03,5) Informan: Ya.\nP: Tanpa waktu.\n[75:12] I: Lama.\n"
    turns = detect_turns(text)
    assert [(t.speaker, t.time_start) for t in turns] == [
        ("P", "00:01:12.000"), ("Informan", "01:05:03.500"), ("P", None), ("I", "01:15:12.000")]
    assert list(TurnTable.detect(text)) == turns  # the import's fast path gives the same times
    assert all(t.time_start is None for t in detect_turns("P: a\nI: b\nP: c"))
    assert [t.time_start for t in detect_turns("[00:00:59] P: a\n[1:60:00] I: b")] == ["00:00:59.000", None]


@given(st.integers(0, 99), st.integers(0, 59), st.integers(0, 59), st.sampled_from(["", ".5", ",25", ".125"]))
def test_a_turn_stamp_means_the_time_a_recording_reads(h: int, m: int, s: int, frac: str) -> None:
    from makna.media import parse_time
    from makna.text import turn_stamp

    stamp = f"[{h:02d}:{m:02d}:{s:02d}{frac}]"
    got = turn_stamp(f"{stamp} P: halo", 0)
    assert got is not None and abs(parse_time(got) - parse_time(stamp.strip("[]"))) < 1e-9


def test_a_time_stamp_alone_on_the_line_above_a_label_opens_that_turn() -> None:
    from makna.turn_table import TurnTable

    text = "Judul: Wawancara\n\n[00:01:12]\nP: Mulai?\n\n00:01:30\nInforman: Ya.\nJam berapa?\n10:30\nP: Oh.\n"
    turns = detect_turns(text)
    assert [(t.speaker, t.time_start) for t in turns] == [
        ("P", "00:01:12.000"), ("Informan", "00:01:30.000"), ("P", None)]
    assert text[turns[0].start :].startswith("[00:01:12]\nP:")  # the stamp's line is the turn's, not the header's
    assert text[turns[1].start : turns[1].end].endswith("10:30")  # a bare clock time stays what was said
    assert list(TurnTable.detect(text)) == turns
