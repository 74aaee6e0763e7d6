"""The speed rewrites of issue 11's speed round give exactly what the plain code they replace gives.

Aho-Corasick passes (:class:`makna.privacy._fastrx.Literals`, the shared trigger lines) against one
``str.find`` loop per word, a literal gate against the regex gate it replaces, and the learned layer's inlined
anchor loop against the loop it replaced.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import patterns
from makna.privacy._fastrx import Literals, gated_finditer
from makna.privacy._text import cap_runs, run_tokens

_PARTS = ["ab", "aba", "b", "a", "bab", "Ab", "\n", " ", "x", "é", "İ"]
_WORDS = ["ab", "aba", "b", "bab", "abab", "é", "xx"]


def _find_loop(text: str, word: str) -> list[int]:
    out: list[int] = []
    pos = text.find(word)
    while pos >= 0:
        out.append(pos)
        pos = text.find(word, pos + len(word))
    return out


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.sampled_from(_PARTS), max_size=30),
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
)
def test_literals_start_where_a_find_loop_finds_each_word(parts: list[str], words: list[str]) -> None:
    text = "".join(parts)
    assert Literals(words).starts(text) == [_find_loop(text, w) for w in words]  # repeats and overlaps included


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.sampled_from(_PARTS), max_size=30),
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
)
def test_literal_lines_are_the_lines_holding_a_word(parts: list[str], words: list[str]) -> None:
    text = "".join(parts)
    plain = {text.rfind("\n", 0, p) + 1 for w in words for p in _find_loop(text, w)}
    assert Literals(words).line_starts(text) == plain


def test_literals_refuse_an_empty_word_and_newlines_for_lines() -> None:
    import pytest

    with pytest.raises(ValueError):
        Literals(["a", ""])
    with pytest.raises(ValueError):
        Literals(["a\nb"]).line_starts("a\nb")


_OLD_URL_GATE = re.compile(r"[/wW](?:(?<=/)|[wW][wW]\.)")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["w", "W", "ww", "wWw.", "WWW.", "/", ".", "x", "\n", " ", "http://a.b"]), max_size=40))
def test_url_gate_lines_are_the_old_regex_gates(parts: list[str]) -> None:
    text = "".join(parts) + "\n" + "z" * 2500  # long enough for the shared pass too
    for sample in (text, text[:200]):
        lines = {sample.rfind("\n", 0, m.start()) + 1 for m in _OLD_URL_GATE.finditer(sample)}
        assert [s for s, _ in patterns._URL_GATE.lines(sample)] == sorted(lines)


def _plain_anchor_loop(
    text: str, runs: list[tuple[int, int, str]], taken: bytearray, skip: frozenset[str]
) -> list[tuple[int, int]]:
    """The capitalised-run part of ``anchors`` as it was written before (a call per word)."""
    from makna.privacy._features import _ALWAYS, _AT_START, _word_kind

    def ordinary(start: int, word: str) -> bool:
        kind = _word_kind(word)
        if kind != _AT_START:
            return kind == _ALWAYS
        before = text[max(0, start - 3) : start].rstrip(" \t")
        return not before or before[-1] in ".!?:\n\"“("

    out: list[tuple[int, int]] = []
    for run in runs:
        if taken.find(0, run[0], run[1]) < 0:
            continue
        for s, e, word in run_tokens(run):
            word = word.rstrip(".,'’")
            if taken.find(1, s, e) < 0 and word not in skip and not ordinary(s, word):
                out.append((s, e))
    return out


def test_anchor_loop_matches_the_plain_loop() -> None:
    from makna.privacy import detect
    from makna.privacy._features import anchors

    root = Path(__file__).parent / "corpus"
    texts = [p.read_text(encoding="utf-8") for split in ("tune", "tune5", "tune7") for p in sorted((root / split).glob("*.txt"))]
    texts.append("Soalnya Intan datang. Kadang Budi, kadang  Pak Rahmat Hidayat.\n\"Jadi Sinta? Ya. Oke Rina di Padang")
    assert len(texts) > 3
    for text in texts:
        runs = cap_runs(text)
        taken = bytearray(len(text))
        for det in detect(text)[::2]:  # some runs covered, some partly, some free
            taken[det.start : det.end] = b"\x01" * det.length
        skip = frozenset({"Jadi", "Oke"})
        mine = anchors(text, runs, taken, None, skip)
        plain = sorted(_plain_anchor_loop(text, runs, taken, skip) + [
            (s, e) for s, e in anchors(text, [], taken, None, skip)
        ])
        assert mine == plain


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["0", "08", "12", "+62", "satu", "Dua", "nol", "eight", "double", " ", "  ", ",", "-", ".", "\t",
                         "\n", "x", "é", "umur", "di", "Pak"]),
        max_size=30,
    )
)
def test_shared_scan_finds_spoken_phones_that_start_with_a_digit(parts: list[str]) -> None:
    """The digit starts of the spoken-phone cue are narrowed by what must follow them; the matches are still
    exactly the pattern's own."""
    from makna.privacy._cues import CUES

    text = "".join(parts)
    found = CUES.scan(text)
    assert [m.span() for m in found["phone.spoken"]] == [m.span() for m in patterns.SPOKEN_PHONE.finditer(text)]
    for cue in CUES.cues:  # and the three-character dispatch table leaves no cue out
        assert [m.span() for m in found[cue.name]] == [m.span() for m in cue.rx.finditer(text)], cue.name


def test_a_detection_is_still_a_checked_frozen_record() -> None:
    """Detection sets its slots itself (faster than the generated __init__): the record behaves as before."""
    import copy
    import dataclasses
    import pickle

    import pytest

    from makna.privacy import Detection

    det = Detection(3, 8, "PERSON", 0.9, "person.honorific", "Dewi ")
    assert (det.start, det.end, det.type, det.confidence, det.detector, det.text) == (3, 8, "PERSON", 0.9,
                                                                                      "person.honorific", "Dewi ")
    same = Detection(start=3, end=8, type="PERSON", confidence=0.9, detector="person.honorific", text="Dewi ")
    assert det == same and hash(det) == hash(same) and det.length == 5
    assert repr(det).startswith("Detection(start=3, end=8, type='PERSON'")
    assert dataclasses.replace(det, confidence=0.99).confidence == 0.99
    assert pickle.loads(pickle.dumps(det)) == det and copy.copy(det) == det
    assert dataclasses.astuple(det) == (3, 8, "PERSON", 0.9, "person.honorific", "Dewi ")
    with pytest.raises(dataclasses.FrozenInstanceError):
        det.start = 4  # type: ignore[misc]
    for bad in ((-1, 2), (4, 4), (5, 2)):
        with pytest.raises(ValueError, match="bad detection span"):
            Detection(bad[0], bad[1], "PERSON", 0.9, "x", "y")
    with pytest.raises(ValueError, match="unknown identifier type 'NAME'"):
        Detection(0, 1, "NAME", 0.9, "x", "y")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "12", "-", "A", "AB", "ABC", "a", " ", "\n", "x", "٣"]), max_size=40))
def test_irish_plate_gate_finds_the_lines_of_the_plain_gate(parts: list[str]) -> None:
    from makna.privacy import shapes

    text = "".join(parts)
    plain = re.compile(r"\d-[A-Z]{1,2}-\d")

    def lines(rx: re.Pattern[str]) -> set[int]:
        return {text.rfind("\n", 0, m.start()) + 1 for m in rx.finditer(text)}

    assert lines(shapes._PLATE_IE_GATE) == lines(plain)
    want = [m.span() for m in shapes._PLATE_IE.finditer(text)]
    assert [m.span() for m in gated_finditer(shapes._PLATE_IE, shapes._PLATE_IE_GATE, text)] == want


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["umur", "saya", "Umur", "25", "tahun", "plus", "62", "Pak", "Budi", "di", "Padang", "aku",
                         " ", "\t", "\n", "\x1c", "\x1f", ",", ".", "-"]),
        max_size=30,
    )
)
def test_shared_scan_on_ascii_text_finds_each_patterns_own_matches(parts: list[str]) -> None:
    """ASCII texts take the scan's re.ASCII twin unless they hold \\x1c-\\x1f (white space to Unicode only)."""
    from makna.privacy._cues import CUES

    text = "".join(parts)
    found = CUES.scan(text)
    for cue in CUES.cues:
        assert [m.span() for m in found[cue.name]] == [m.span() for m in cue.rx.finditer(text)], cue.name


_SENDERS = ["Yaw Mensah", ", ", "[", "21.07.23", " ", "18:20", "]", "\n", "Hi", "\n", "Ama", " ", "3/4/2024", " ",
            "9.05", "\n", "Kojo Researcher", ", ", "[", "21.07.23", " ", "18:20", ":15", "]", " "]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Yaw Mensah", "Kojo Researcher", "Ama", ", ", "[", "]", "21.07.23", "3/4/2024", " ", "\t",
                         "18:20", "9.05", ":15", "\n", "x", "Hi", "é"]),
        max_size=30,
    )
)
@example(_SENDERS)
def test_chat_senders_are_found_as_by_the_plain_scan(parts: list[str]) -> None:
    """Senders are looked for only on lines ending with a stamp; the plain scan ran the pattern everywhere."""
    from makna.privacy import speakers

    text = "".join(parts)
    plain_gate = re.compile(r"\d[:.]\d\d\]?[ \t]*$", re.MULTILINE)
    plain = [] if plain_gate.search(text) is None else [m.span() for m in speakers._SENDER_LINE.finditer(text)]
    stamps = [text.rfind("\n", 0, m.start()) + 1 for m in speakers._SENDER_GATE.finditer(text)]
    assert len(stamps) == len(set(stamps))  # one stamp a line at most
    tried = [speakers._SENDER_LINE.match(text, start) for start in stamps]
    assert [m.span() for m in tried if m is not None] == plain
    if parts == _SENDERS:  # three header lines
        assert len(plain) == 3
        assert [d.text for d in speakers.export_senders(text)] == ["Yaw Mensah", "Ama", "Kojo"]


def _plain_spoken_date() -> re.Pattern[str]:
    from makna.privacy import cuewords as cw

    return re.compile(
        rf"(?<![\w])(?P<d>(?i:{cw._DAY_ID}|(?:the[ \t]+)?{cw._DAY_EN})(?:[ \t]+of)?[ \t]+{cw._MONTHS}"
        r"(?:[ \t]+(?:19|20)\d\d)?)(?!\w)"
    )


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["dua", "Dua", "tiga", "puluh", "belas", "se", "sebelas", "satu", "the", "The", "twenty",
                         "thirty-", "first", "FIRST", "third", "tenth", "of", "Maret", "March", "maret", "2023", "1999",
                         " ", "\t", "-", "x", "ſe", "ſ", "\u212a", "İ", "é", "\n"]),
        max_size=14,
    )
)
def test_spoken_dates_match_the_plain_pattern(parts: list[str]) -> None:
    from makna.privacy import cuewords as cw

    text = "".join(parts)
    assert [(m.span(), m.span("d")) for m in cw._SPOKEN_DATE.finditer(text)] == [
        (m.span(), m.span("d")) for m in _plain_spoken_date().finditer(text)
    ]


def test_fold_partners_are_every_character_an_ascii_letter_matches_ignoring_case() -> None:
    from makna.privacy._ci import FOLDS
    from makna.privacy._fastrx import _FOLDS_TO_ASCII

    for letter in "abcdefghijklmnopqrstuvwxyz":
        rx = re.compile("(?i)" + letter)
        found = {chr(c) for c in range(0x80, 0x3000) if rx.fullmatch(chr(c))}  # every partner lies below U+3000
        assert found == set(FOLDS.get(letter, "")) - {letter, letter.upper()}, letter
        # the line filter of Folded searches a text holding one of these whole: str.lower misses them
        assert {c for c in found if not c.lower().isascii()} == {c for c in _FOLDS_TO_ASCII if c in found}, letter


def test_spoken_dates_are_found() -> None:
    from makna.privacy import cuewords as cw

    text = "tanggal dua puluh satu Maret 2023, the twenty-first of March, ſebelas Maret, Tiga   belas Juni, xdua Mei"
    found = [m.group("d") for m in cw._SPOKEN_DATE.finditer(text)]
    assert found == [m.group("d") for m in _plain_spoken_date().finditer(text)]
    assert found == ["dua puluh satu Maret 2023", "the twenty-first of March", "ſebelas Maret", "Tiga   belas Juni"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Twenty", "twenty", "TWENTY", "Seventeen", "Forty", "Fifty-five", "city", "Ty", "teen", " ",
                         ". ", "! ", "\n", "years", "old", "next", ",", "Nia", "é"]),
        max_size=24,
    ),
    st.booleans(),
)
def test_word_age_sentences_match_the_regex_gated_search(parts: list[str], long: bool) -> None:
    from makna.privacy import shapes

    text = "".join(parts) + ("\n" + "z " * 1200 if long else "")  # long: the shared automaton's lines
    rx, gate = shapes._WORD_AGE_SENTENCE, shapes._WORD_AGE_GATE
    assert [m.span() for m in shapes._on_gate_lines(rx, gate, text)] == [
        m.span() for m in gated_finditer(rx, gate, text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["0812", "3", "12345", "AB", "-", "/", "(", ")", " ", "\n", "@", "_", "#", "x", "\x1c", "é"]),
                max_size=30))
def test_more_ascii_twins_match_the_unicode_patterns(parts: list[str]) -> None:
    from makna.privacy import _features, cuewords, shapes
    from makna.privacy._fastrx import ascii_finditer

    text = "".join(parts)
    for rx in (_features._TRIGGER, cuewords._DIGITS4, shapes._FIVE_DIGITS):
        assert [m.span() for m in ascii_finditer(rx, text)] == [m.span() for m in rx.finditer(text)], rx.pattern


def _plain_propagate(texts: list[str], confirmed: dict[str, str]) -> list[list[tuple[int, int, str]]]:
    """``propagate`` as it was written before, its patterns led by a look-behind."""
    from makna.privacy.types import PII_TYPES

    patterns = []
    for value, kind in sorted(confirmed.items(), key=lambda kv: -len(kv[0])):
        value = value.strip()
        if not value or kind not in PII_TYPES:
            continue
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 7 and len(digits) >= len(value.replace(" ", "")) - 3:
            body = r"[\s.\-()]*".join(re.escape(d) for d in digits)
            patterns.append((re.compile(rf"(?<![\w+]){body}(?!\d)"), kind))
        else:
            after = r"(?![^\W\d]|@)" if value[-1].isalpha() else r"(?![\w@])"  # a name may touch a digit (newuser20)
            patterns.append((re.compile(rf"(?<![\w@.]){re.escape(value)}{after}"), kind))
    out = []
    for text in texts:
        taken: list[tuple[int, int]] = []
        found = []
        for rx, kind in patterns:
            for m in rx.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), kind))
        out.append(sorted(found))
    return out


_PROPAGATE_PARTS = ["Budi", "Budi Santoso", "budi", "0812", "3456", "7890", "0812-3456-7890", "+62", "(", ")", " ", ".",
                    "@", "x", "a.b", "\n", "é", "-", "5"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PROPAGATE_PARTS), max_size=25),
    st.dictionaries(
        st.sampled_from(["Budi", "Budi Santoso", "0812-3456-7890", "081234567890", "a.b", " x ", "é", "+62 812 3456 789"]),
        st.sampled_from(["PERSON", "PHONE", "NOPE"]),
        max_size=4,
    ),
)
def test_propagate_finds_what_the_look_behind_led_patterns_found(parts: list[str], confirmed: dict[str, str]) -> None:
    from makna.privacy import propagate

    texts = ["".join(parts), "".join(reversed(parts))]
    mine = propagate(texts, confirmed)
    assert [sorted((d.start, d.end, d.type) for d in mine[str(i)]) for i in range(2)] == _plain_propagate(texts, confirmed)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["INT", "PAX", " = ", "=", ": ", "–", "interviewer", "Interviewer", "participant", "Facilitator",
                         "FAC", "PWC2", "pewawancara", "Label", "P", "I", "Sari", "OK", " ", "\n", ",", "x", "é"]),
        max_size=20,
    )
)
def test_legend_codes_are_the_plain_passes_codes(parts: list[str]) -> None:
    """The legend is read only where a separator occurs: the same codes as reading every entry of the header
    (one reader, :func:`makna.privacy.legend.read_legend`, for the speaker labels too)."""
    from makna.privacy import legend, speakers

    text = "".join(parts)
    read = legend.read_legend(text)
    assert speakers.legend_codes(text) == frozenset(c.lower() for c in read.codes)
    head = text[: legend.HEAD]
    if any(True for _ in legend._CODE_FIRST.finditer(head)):  # the cheap passes skip no entry
        assert legend._SIGN.search(head) is not None
    if any(True for _ in legend._ROLE_FIRST.finditer(head)):
        assert legend._ROLE_TAIL.search(head) is not None
    ends = [(e.start, e.end) for e in read.entries]
    assert ends == sorted(ends) and all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))


def test_a_role_first_legend_is_still_read() -> None:
    from makna.privacy import speakers

    assert speakers.legend_codes("Facilitator: FAC\nInterviewer = INT2\nFAC: Halo.") >= {"fac", "int2"}
