"""The speed rewrites of issue 11's seventh round give exactly what the plain code they replace gives.

The weekday gate of dates found through the shared word-start pass (:class:`makna.privacy._fastrx.Folded`)
against the regex gate searched over the whole text, in any case and with the letters whose case folds to ASCII;
the compiled patterns kept on disk (:mod:`makna.privacy._rxcache`) against the patterns ``re`` compiles.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import _fastrx, _rxcache, dates, gazetteers
from makna.privacy._fastrx import Folded, split_top
from makna.privacy._find import WordStarts, lowered


def _plain_lines(gate: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    n = len(text)
    found: dict[int, int] = {}
    for hit in gate.finditer(text):
        end = text.find("\n", hit.end())
        found.setdefault(text.rfind("\n", 0, hit.start()) + 1, n if end < 0 else end)
    return sorted(found.items())


def test_every_weekday_starts_with_a_stem() -> None:
    words = [*split_top(dates._WEEKDAYS), *split_top(dates._WEEKDAY_ABBR)]
    assert words
    for word in words:
        assert word.lower().startswith(dates._WEEKDAY_STEMS), word


_PIECES = st.sampled_from(
    [
        "Monday", "monDAY", "SAT", "Sat", "sat", "Sat.", "satu", "Sabtu", "SABTU", "jum'at", "Jum’at", "Rabu",
        "rabu", "Minggu", "minggu", "Ahad", "Kamis", "Thurs", "Tues", "Wed", "Fri", "Sun", "sunday", "Senin",
        "selasa", " ", ", ", ",", ".", "\t", "\n", "@", "_", "'", "’", "x", "5", "6 Maret 2024", "25 January",
        "\u017f", "\u0131", "\u0130", "\u212a", "\u017funday", "M\u0131nggu", "\u212aamis", "FR\u0130", "é",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
@example("@Monday, 5 May")
@example("\u212aamis, 7 Juli 2022")
@example("x\u017faturday, 3 May 2021\nSat 4")
@example("é Senin, 6 Mei\n_Sabtu 5 Juni")
def test_weekday_gate_lines_match_the_regex_gate(text: str) -> None:
    gate = dates._WEEKDAY_GATE
    assert isinstance(gate, Folded)
    assert gate.lines(text) == _plain_lines(gate.gate, text)
    long_text = "P: Ya, Kak.\n" * 200 + text  # past the shared pass's length
    assert gate.lines(long_text) == _plain_lines(gate.gate, long_text)


def test_word_starts_after_an_at_sign_only_when_asked() -> None:
    low = lowered("x @sabtu and sabtu")
    assert WordStarts(["sabtu"]).starts(low) == [13]
    assert WordStarts(["sabtu"], after_at=True).starts(low) == [3, 13]


def test_folded_refuses_stems_that_are_not_lower_case() -> None:
    with pytest.raises(ValueError):
        Folded(["Sat"], re.compile("Sat"))


_FRESH = (
    "import json, sys; from makna.privacy import detect;"
    "print(json.dumps([(d.start, d.end, d.type, d.confidence, d.detector) for d in detect(sys.argv[1])]))"
)
_TEXT = "I: Mbak Tari 0813-7411-2095 di Padang, umur 24 tahun, Sabtu, 5 Juni 2021, NIK 1372016204912345."


def _fresh(cache: str) -> str:
    env = {**os.environ, "MAKNA_CACHE_DIR": cache}
    return subprocess.run(
        [sys.executable, "-c", _FRESH, _TEXT], capture_output=True, text=True, check=True, env=env
    ).stdout


def test_cached_patterns_are_the_patterns_re_compiles(tmp_path: Path) -> None:
    plain = _fresh("")
    assert not list(tmp_path.iterdir())
    assert _fresh(str(tmp_path)) == plain  # writes the cache
    files = sorted(tmp_path.glob("re-*.json"))
    assert [f.name.split("-")[1] for f in files] == ["detectors", "privacy"]
    assert _fresh(str(tmp_path)) == plain  # reads it
    sre = importlib.import_module("_sre")
    compiler = importlib.import_module("re._compiler")
    count = 0
    for path in files:
        for pattern, flags, *entry in json.loads(path.read_text(encoding="utf-8")):
            entry[-1] = tuple(entry[-1])
            assert sre.compile(pattern, *entry) == compiler.compile(pattern, flags), pattern[:80]
            count += 1
    assert count > 300


def test_a_damaged_cache_file_is_compiled_over(tmp_path: Path) -> None:
    plain = _fresh("")
    _fresh(str(tmp_path))
    for path in tmp_path.glob("re-*.json"):
        rows = json.loads(path.read_text(encoding="utf-8"))
        for row in rows:
            row[3] = [0] * len(row[3])  # invalid code: _sre.compile refuses it
        path.write_text(json.dumps(rows), encoding="utf-8")
    assert _fresh(str(tmp_path)) == plain
    (tmp_path / next(tmp_path.glob("re-detectors-*.json")).name).write_text("{not json", encoding="utf-8")
    assert _fresh(str(tmp_path)) == plain


def test_only_the_owning_thread_inside_the_window_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKNA_CACHE_DIR", str(tmp_path))
    other: list[re.Pattern[str]] = []
    own = [f"speed3-own-{i}-[a-z]+" for i in range(40)]
    with _rxcache.compiled_once("test"):
        for pattern in own:
            re.compile(pattern)
        thread = threading.Thread(target=lambda: other.append(re.compile("speed3-other-thread-[0-9]+")))
        thread.start()
        thread.join()
    re.compile("speed3-after-the-window-[0-9]+")
    path = _rxcache.cache_path("test")
    assert path is not None
    recorded = {row[0] for row in json.loads(path.read_text(encoding="utf-8"))}
    assert recorded == set(own)
    assert other[0].match("speed3-other-thread-7")
    assert importlib.import_module("re._compiler")._sre.__class__ is not _rxcache._Recorder


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKNA_CACHE_DIR", "")
    assert _rxcache.cache_path("detectors") is None
    with _rxcache.compiled_once("detectors"):
        assert re.compile("speed3-off-[0-9]+").match("speed3-off-1")


def test_shared_word_unions_are_the_unions_they_replace() -> None:
    from makna.privacy import agecues, employers
    from makna.privacy._text import HONORIFICS

    gz = gazetteers
    assert agecues._ordinary() == gz.dictionary_words() | gz.english_words() | gz.colloquial() | gz.stop_caps()
    assert employers._not_org() == (
        gz.places_admin() | gz.places_local() | gz.places_en() | gz.places_world() | gz.stop_caps()
        | gz.first_names("id") | HONORIFICS
    )


_OLD_THE_NAME = re.compile(r"(?<![\w])the[ \t]+(?P<p>[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){1,3})(?![\w'’\-])")
_OLD_SHORT = re.compile(r"(?<![\w@.\-])[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,4}(?![\w@\-])")
_NAME_PIECES = st.sampled_from(
    ["the", "The", "bathe", "x", " ", "\t", "\n", "Old", "Mill", "Lane", "Dodi", "Él", "Ana", "@", ".", "-", "_",
     "o’", "Åse", "Mbak", "5", "ABCPE1234F", "GHA-123456789-0", "ÅBCPE1234F", "x1", "٣٣٣٣"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=30).map("".join))
@example("bathe Old Mill and the Old Mill Lane, the Dodi")
@example("@Ana .Ana -Ana Ana Åse éÅse")
def test_literal_led_rewrites_match_the_look_behind_led_patterns(text: str) -> None:
    from makna.privacy import catchall, cuewords, persons

    def spans(rx: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in rx.finditer(text)]

    assert spans(catchall._THE_NAME) == spans(_OLD_THE_NAME)
    assert spans(persons._SHORT) == spans(_OLD_SHORT)
    for rx in (cuewords._PAN, cuewords._GHANA):  # now searched on the lines with three digits in a row only
        got = [m.span() for m in _fastrx.lines_finditer(rx, _fastrx.DIGIT_RUN_LINES, text)]
        assert got == [m.span() for m in rx.finditer(text)]


def test_a_few_missing_patterns_rewrite_the_file_at_most_once_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAKNA_CACHE_DIR", str(tmp_path))
    many = [f"speed3-day-{i}-[a-z]+" for i in range(40)]
    with _rxcache.compiled_once("day"):
        for pattern in many:
            re.compile(pattern)
    path = _rxcache.cache_path("day")
    assert path is not None
    written = path.stat().st_mtime_ns
    re.purge()  # (as in a new process)
    with _rxcache.compiled_once("day"):  # one new pattern among forty: not worth a rewrite today
        for pattern in many:
            re.compile(pattern)
        re.compile("speed3-day-new-[0-9]+")
    assert path.stat().st_mtime_ns == written
    os.utime(path, (0, 0))  # a day and more later
    re.purge()
    with _rxcache.compiled_once("day"):
        for pattern in many:
            re.compile(pattern)
        re.compile("speed3-day-newer-[0-9]+")
    assert "speed3-day-newer-[0-9]+" in {row[0] for row in json.loads(path.read_text(encoding="utf-8"))}


def test_the_ascii_twin_is_ready_at_the_first_detection_only_with_the_cache(tmp_path: Path) -> None:
    code = "from makna.privacy import detect; from makna.privacy._cues import shared_scan; detect('Mbak Tari');"
    code += "print(shared_scan()._after_nonword_ascii is not None)"

    def run(cache: str) -> str:
        env = {**os.environ, "MAKNA_CACHE_DIR": cache}
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout

    assert run("").strip() == "False"
    assert run(str(tmp_path)).strip() == "True"


def test_catchall_known_words_are_the_unions_they_replace() -> None:
    from makna.privacy import catchall
    from makna.privacy._text import HONORIFICS, OFFICE_TITLES
    from makna.privacy.places import PLACE_SUFFIX_WORDS

    gz = gazetteers
    for language in ("id", "en"):
        known = catchall._known(language)
        assert known.words == gz.dictionary_words() | gz.colloquial() | gz.english_words()
        stop = gz.stop_caps() | HONORIFICS | OFFICE_TITLES | catchall._TYPE_WORDS | PLACE_SUFFIX_WORDS
        names = gz.first_names(language) | gz.ambiguous_names()
        places = gz.places_admin() | gz.places_en() | gz.places_world()
        assert known.all == stop | names | places | gz.places_local()


_GREETING_PIECES = st.sampled_from(
    ["Thanks", "thank you", "THANK YOU", "Hi", "hi", "HI", "Halo", "hallo", "Terima kasih", "terima kasih banyak",
     "makasih", "Selamat pagi", "met malam", "Good night", "goodnight", "Dear", "bye", "hey", "Cheers",
     "Assalamualaikum", ",", " ", "\t", "\n", ".", "!", "Grace", "Rintik", "Dina Putri", "@", "_", "x", "chi",
     "\u017f", "\u212a", "é"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_GREETING_PIECES, max_size=25).map("".join))
@example("Thanks, Grace.\nTerima kasih banyak, Rintik.\nHalo Dina!")
@example("xHi Grace. @Hi Grace! _hi Grace.")
def test_vocatives_on_their_lines_are_the_whole_text_s(text: str) -> None:
    from makna.privacy import persons
    from makna.privacy._fastrx import gated_finditer

    for body in (text, "P: Ya, Kak.\n" * 200 + text):
        got = [(m.span(), m.group("n")) for m in gated_finditer(persons._VOCATIVE, persons._VOCATIVE_LINES, body)]
        assert got == [(m.span(), m.group("n")) for m in persons._VOCATIVE.finditer(body)]


_TERM_PIECES = st.sampled_from(
    ["anh", "Anh", "ANH", "bác", "Bác", "chị", "cô", "Cô", "Tgk.", "tgk.", "Ne'", "ne'", "Ambe'", "didi", "Didi",
     "bhai", "Mdm.", " ", "\t", "\n", "Khoa", "Lai' Sampe", "Mahyuddin", "x", "@", "é", "\u017f", "\u0131"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TERM_PIECES, max_size=25).map("".join))
@example("anh Khoa, Tgk. Mahyuddin\nNe' Lai' Sampe")
def test_loose_terms_on_their_lines_are_the_whole_text_s(text: str) -> None:
    from makna.privacy import persons
    from makna.privacy._fastrx import gated_finditer

    for body in (text, "P: Ya, Kak.\n" * 200 + text):
        got = [(m.span(), m.group("n")) for m in gated_finditer(persons._LOOSE_TERM, persons._LOOSE_TERM_LINES, body)]
        assert got == [(m.span(), m.group("n")) for m in persons._LOOSE_TERM.finditer(body)]


_ORG_PIECES = st.sampled_from(
    ["PT", "PT.", "pt", "CV", "Toko", "toko", "TOKO", "Bank", "Rumah Sakit", "Universitas", " ", "\t", "\n", "Sinar",
     "Jaya", "Gg.", "Dr.", "No", "12", "-", "x", "@", "Tbk", "é", "\u017f"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ORG_PIECES, max_size=25).map("".join))
@example("PT Sinar Jaya Tbk\ndi Toko Jaya 12\n-Toko Jaya")
def test_org_cues_on_their_lines_are_the_whole_text_s(text: str) -> None:
    from makna.privacy import places
    from makna.privacy._fastrx import gated_finditer

    for body in (text, "P: Ya, Kak.\n" * 200 + text):
        got = [m.span("name") for m in gated_finditer(places._ORG_CUE, places._ORG_CUE_LINES, body)]
        assert got == [m.span("name") for m in places._ORG_CUE.finditer(body)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sinar", "Jaya", "O'Neil", "Ba-Ru", "Éla", " ", "\t", "  ", "7", "x"]), max_size=12))
def test_run_tokens_are_the_non_space_runs(parts: list[str]) -> None:
    from makna.privacy._text import cap_runs, run_tokens

    text = "di " + "".join(parts) + " lagi"
    for run in cap_runs(text):
        assert run_tokens(run) == [(run[0] + m.start(), run[0] + m.end(), m.group(0)) for m in re.finditer(r"\S+", run[2])]


_DOC_PIECES = st.sampled_from(
    ["Card", "card", "NHS", "Passport", "passport", "Permit", " ", "\t", "\n", ",", "number", "NUMBER", "No.", "no.",
     "num", "Num.", "#", "nomor", "Nomer", "nombor", "namba", "A123456", "9876543", "12 34", "QQ", "-", "@", "x",
     "\u0131", "\u212a"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_DOC_PIECES, max_size=25).map("".join))
@example("Card number A1234567\nPassport No. 98765432, permit # 55512345")
def test_document_numbers_on_worded_digit_lines_are_the_digit_lines_s(text: str) -> None:
    from makna.privacy import ids

    def plain(body: str) -> list[tuple[int, int]]:  # the digit lines the number-word gate passes
        out: list[tuple[int, int]] = []
        n = len(body)
        for start, end in _fastrx.DIGIT_LINES.lines(body):
            if ids._DOC_NUMBER_GATE.search(body, start, min(n, end + 1)):
                out.extend(m.span() for m in ids._DOC_NUMBER.finditer(body, start, min(n, end + 1)))
        return out

    for body in (text, "P: Ya, Kak.\n" * 200 + text):
        assert [m.span() for m in ids._doc_number_matches(body)] == plain(body)


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAKNA_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert _rxcache.cache_path("detectors") is None
    with _rxcache.compiled_once("detectors") as kept:
        assert kept is False
