"""The speed rewrites of issue 11's sixth round give exactly what the plain code they replace gives, and the
commands that detect nothing load no detector.

The shared word-start pass (:class:`makna.privacy._find.WordStarts`) against one ``str.find`` loop per stem, the
shared cue scan with and without its ASCII twin and its text-start test against each pattern's own scan, the
narrowed gates against the regex gates they replace, and the shared place lists against the unions they replace.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from importlib import resources

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import _fastrx, _find, agecues, dates, gazetteers, handles, ids, patterns
from makna.privacy._cues import shared_scan
from makna.privacy._fastrx import Narrowed, SharedScan, gated_finditer


def _plain_word_lines(
    text: str, low: str, stems: Iterable[str], words: Iterable[str] = ()
) -> list[tuple[int, int]]:
    """``_find.word_lines`` before the shared pass: one ``str.find`` loop per stem."""
    n = len(text)
    starts: dict[int, int] = {}
    for stem, whole in [*((s, False) for s in stems), *((w, True) for w in words)]:
        pos = low.find(stem)
        while pos >= 0:
            after = pos + len(stem)
            if whole and after < n and low[after].isalnum() and not low.startswith(("nya", "ku", "mu"), after):
                pos = low.find(stem, pos + 1)
                continue
            if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] in "_@"):
                line = text.rfind("\n", 0, pos) + 1
                end = text.find("\n", pos)
                end = n if end < 0 else end
                starts[line] = end
                pos = low.find(stem, end)
            else:
                pos = low.find(stem, pos + 1)
    return sorted(starts.items())


def _plain_starts(low: str, stems: Sequence[str], short: frozenset[str]) -> set[int]:
    """The places ``handles._platform_lines`` tried the platform pattern at before the shared pass."""
    n = len(low)
    out: set[int] = set()
    for stem in stems:
        pos = low.find(stem)
        while pos >= 0:
            after = pos + len(stem)
            if stem in short and after < n and low[after].isalnum() and not low.startswith(("nya", "ku", "mu"), after):
                pos = low.find(stem, pos + 1)
                continue
            if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] in "_@"):
                out.add(pos)
            pos = low.find(stem, pos + 1)
    return out


_PIECES = ["ic", "IC", "nik", "sin", "wa", "WA", "x", "insta", "my ic", "kra pin", "pag-ibig", "social", "nya", "ku",
           "mu", "a", "1", "_", "@", " ", "\n", "-", "é", "İ", "ẞ", "căn", "Tax ", "ghana card"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@example(["İ", "ic", " ", "nik", "nya", "\n", "wa", "x"])
def test_shared_word_starts_find_the_lines_of_one_find_loop_per_stem(parts: list[str]) -> None:
    text = "".join(parts)
    low = _find.lowered(text)
    assert len(low) == len(text)
    for stems, words in ((ids._DOC_AFTER_STEMS, ids._DOC_AFTER_WORDS), (ids._MORE_STEMS, ids._MORE_WORDS),
                         (("ic", "wa"), ("ic", "x"))):
        assert _find.word_lines(text, low, stems, words) == _plain_word_lines(text, low, stems, words)
    plain = _plain_starts(low, handles._PLATFORM_STEMS, handles._SHORT_WORDS)
    assert handles._PLATFORM_AT.starts(low) == sorted(plain)


def test_lowered_keeps_the_last_text_only_by_identity() -> None:
    first, second = "Ambo DI Padang", "ẞ and İstanbul"
    assert _find.lowered(first) == "ambo di padang"
    assert _find.lowered(second) == "ß and İstanbul"  # a longer lower case keeps the character as it is
    assert _find.lowered(first) == "ambo di padang"
    assert _find.lowered("".join(["Ambo ", "DI Padang"])) == "ambo di padang"


@pytest.fixture(scope="module")
def fresh_scan() -> SharedScan:
    """A shared cue scan of its own (the process-wide one keeps its twin state)."""
    return SharedScan(shared_scan().cues)


_CUE_PARTS = ["umur", "saya", "Umur", "25", "tahun", "plus", "62", "Pak", "Budi", "di", "Padang", "aku", "dari",
              "nomor", "nol", "delapan", "satu", "Mbak", "Tari", " ", "\t", "\n", "\x1c", ",", ".", "-", "é", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PARTS), max_size=30))
@example(["umur", " ", "25"])
@example(["Pak", " ", "Budi"])
def test_shared_scan_with_and_without_its_twin_finds_each_patterns_own_matches(
    fresh_scan: SharedScan, parts: list[str]
) -> None:
    text = "".join(parts)
    ahead = fresh_scan._after_nonword.pattern[len("\\W"):]
    assert fresh_scan._word_starts is None  # the look-ahead is compiled once
    assert fresh_scan._starts_at_first(text) == (re.compile(f"\\b{ahead}").match(text) is not None)
    want = {cue.name: [m.span() for m in cue.rx.finditer(text)] for cue in fresh_scan.cues}
    fresh_scan._after_nonword_ascii = None
    fresh_scan._scanned = 0
    assert {k: [m.span() for m in v] for k, v in fresh_scan.scan(text).items()} == want  # no twin yet
    fresh_scan._scanned = _fastrx._TWIN_AFTER
    assert {k: [m.span() for m in v] for k, v in fresh_scan.scan(text).items()} == want  # the twin if ASCII
    assert (fresh_scan._after_nonword_ascii is not None) == _fastrx.plain_ascii(text)


_GATES = [
    (dates._SEPARATED_GATE, [dates._DAY_MON_YEAR, dates._ROMAN]),
    (dates._RANGE_GATE, [dates._RANGE]),
    (agecues._PERSON_OF_GATE, [agecues._PERSON_OF]),
    (agecues._CHILD_ORDER_GATE, [agecues._CHILD_ORDER]),
    (agecues._OPENING_GATE, [agecues._OPENING_AGE]),
]
_GATE_PARTS = ["12", "5", "٣", "-", "/", ".", "Jan", "VIII", "2021", "3/6", "from", "to", "of", "about", "0-",
               "something", "anak", "pertama", "yang", "kedua", "7", "tahun", "TAHUN", "thn", "Thirty", "Twenty",
               "teen", "!", "?", " ", "\t", "\n", "a", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_GATE_PARTS), max_size=30))
@example(["a", " ", "woman", " ", "of", " ", "about", " ", "40"])
@example(["5", "-", "Jan", "-", "2021", "\n", "٣", "-", "Jan", "-", "2021"])
def test_narrowed_gates_find_the_lines_of_the_regex_gates(parts: list[str]) -> None:
    text = "".join(parts)
    for gate, rxs in _GATES:
        assert isinstance(gate, Narrowed)
        plain = sorted({text.rfind("\n", 0, m.start()) + 1 for m in gate.gate.finditer(text)})
        assert [start for start, _ in gate.lines(text)] == plain
        for rx in rxs:
            old = [m.span() for m in gated_finditer(rx, gate.gate, text)]
            assert [m.span() for m in gated_finditer(rx, gate, text)] == old


def test_shared_place_lists_are_the_unions_they_replace() -> None:
    places = gazetteers.places_admin() | gazetteers.places_local() | gazetteers.places_en() | gazetteers.places_world()
    assert gazetteers.all_places() == places
    assert gazetteers.place_words() == frozenset(w for p in places for w in p.split(" "))
    index: dict[str, int] = {}
    for name in places:
        parts = name.split(" ")
        if index.get(parts[0], 0) < len(parts):
            index[parts[0]] = len(parts)
    assert gazetteers.place_index() == index
    assert gazetteers.names_and_places() == (
        gazetteers.first_names("id") | gazetteers.places_admin() | gazetteers.places_en() | gazetteers.places_world()
    )


def test_word_lists_read_as_before() -> None:
    folder = resources.files("makna.privacy") / "data"
    for entry in folder.iterdir():
        if not entry.name.endswith(".txt"):
            continue
        plain = set()
        for line in entry.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                plain.add(line)
        assert gazetteers._read(entry.name) == frozenset(plain), entry.name


def test_the_detectors_tables_are_the_surrogate_sides() -> None:
    from makna.privacy import _idwords, surrogate_shapes

    assert patterns.nik_is_valid is _idwords.nik_is_valid is surrogate_shapes.nik_is_valid
    assert patterns.spoken_digits("nol delapan satu double tiga") == "08133"
    assert patterns.PLATE_REGIONS is _idwords.PLATE_REGIONS and "BA" in patterns.PLATE_REGIONS


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


_DETECTORS = {"makna.privacy._pipeline", "makna.privacy.patterns", "makna.privacy._cues", "makna.privacy.learned",
              "makna.privacy.precision", "makna.privacy.structured", "makna.privacy.persons"}


def test_commands_that_detect_nothing_load_no_detector() -> None:
    assert not _modules_after("import makna.privacy, makna.privacy.project, makna.cli.deid_cmds") & _DETECTORS
    assert _modules_after("from makna.privacy import detect\ndetect('Pak Budi di Padang')") >= _DETECTORS


_DIGIT_PARTS = ["1", "23", "456", "7890", "٣", "١٢٣", "-", ".", " ", "\n", "\x1c", "S", "T", "A", "é", "+"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DIGIT_PARTS), max_size=40))
@example(["S", "1234567", "A"])
@example(["٣", "456", "7890", "\n", "123"])
def test_digit_run_lines_give_each_id_shape_its_own_matches(parts: list[str]) -> None:
    text = "".join(parts)
    for rx in (patterns._NIK, patterns._GROUPS_4, patterns._NPWP, patterns._SSN, ids._SHAPE):
        want = [m.span() for m in _fastrx.ascii_finditer(rx, text)]
        assert [m.span() for m in _fastrx.lines_finditer(rx, _fastrx.DIGIT_RUN_LINES, text)] == want, rx.pattern


_CODE_PARTS = ["D02", "X285", "D6W", "WXYZ", "K1A", "0B1", "SW1A", "1AA", "NSW", "2131", "TX", "77036", "SBA",
               "1234", "KCA", "123", "AB", "CD", " ", "-", "\n", "٣", "é", ",", "Jl"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CODE_PARTS), max_size=30))
@example(["D6W", " ", "WXYZ"])
@example(["AB", " ", "CD", "\n", "SBA", " ", "1234", "Jl"])
def test_digit_lines_give_postcodes_and_plate_codes_their_own_results(parts: list[str]) -> None:
    from makna.privacy import plates, postcodes

    text = "".join(parts)
    for rx in (postcodes._POSTCODE, postcodes._ANY_POSTCODE):
        want = [m.span() for m in _fastrx.ascii_finditer(rx, text)]
        assert [m.span() for m in _fastrx.lines_finditer(rx, _fastrx.DIGIT_LINES, text)] == want, rx.pattern
    # a plate code on a line without a digit is all capitals, which the detector never yields
    lines = {start for start, _ in _fastrx.DIGIT_LINES.lines(text)}
    for m in _fastrx.ascii_finditer(plates._CODE, text):
        if text.rfind("\n", 0, m.start()) + 1 not in lines:
            assert plates._NOT_PLATE.fullmatch(m.group(0).replace(" ", "").replace("-", ""))


_ALLOF_PARTS = ["call", "wa", "bawa", "ring", "555", "1234", "555-1234", "٣٣٣", "-", ".", " ", "\n", "Maret", "Mar",
                "Marcus", "5", "2023", "'23", "of", "June", "tgl", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALLOF_PARTS), max_size=40), st.integers(min_value=1, max_value=120))
@example(["555-1234", " ", "call", "\n", "bawa", " ", "Mar", " ", "5"], 100)
def test_gates_with_digit_lines_give_the_patterns_their_own_matches(parts: list[str], repeat: int) -> None:
    from makna.privacy import contacts

    text = "".join(parts) * repeat  # long ones take the shared automaton pass
    for rx, plain, both in ((contacts._LOCAL, contacts._LOCAL_GATE, contacts._LOCAL_LINES),
                            (patterns._DATE_WORDS, patterns._MONTH_GATE, patterns._MONTH_DIGIT_LINES)):
        assert [m.span() for m in gated_finditer(rx, both, text)] == [m.span() for m in gated_finditer(rx, plain, text)]


_ID_LINE_PARTS = ["NIK", "nik", "KTP", "passport", "ID", "12345", "1 2 3 4 5", "1234", "٣٣٣٣٣", "A-", "/", "(",
                  " ", "\n", "no", "é", "PAN", "card"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ID_LINE_PARTS), max_size=40))
@example(["passport", " ", "1 2 3 4 5", "\n", "12345"])
def test_digit_lines_find_the_lines_of_the_document_number_rules(parts: list[str]) -> None:
    from makna.privacy import cuewords, shapes

    text = "".join(parts)
    low = shapes._lower(text)
    n = len(text)
    want: list[tuple[int, int]] = []
    last_end = -1
    for five in _fastrx.ascii_finditer(shapes._FIVE_DIGITS, text):  # the loop before the shared digit lines
        if five.start() <= last_end:
            continue
        start = text.rfind("\n", 0, five.start()) + 1
        last_end = text.find("\n", five.start())
        last_end = n if last_end < 0 else last_end
        if shapes._ID_STEMS_RX.search(low, start, last_end) or shapes._ID_EXACT_RX.search(text, start, last_end):
            want.extend(m.span() for m in shapes._ID_VALUE.finditer(text, start, min(n, last_end + 1)))
    assert [m.span() for m in shapes._on_digit_lines(shapes._ID_VALUE, text, low)] == want
    plain = cuewords._lines_at(text, (m.start() for m in _fastrx.ascii_finditer(cuewords._DIGITS4, text)))
    four = _fastrx.for_text(cuewords._DIGITS4, text).search
    assert [(s, e) for s, e in _fastrx.DIGIT_RUN_LINES.lines(text) if four(text, s, e)] == plain  # as in _ids
