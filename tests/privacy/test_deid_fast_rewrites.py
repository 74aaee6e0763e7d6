"""The speed rewrites of issue 11 give exactly what the plain patterns they replace give.

Each fast form (a first character consumed by a set, a reversed tail checked first, a trie of literals) is
compared with the plain regex it stands for, on texts made of the words and separators that matter to it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import catchall, patterns, places
from makna.privacy._fastrx import any_of

_SEPARATORS = [" ", " ", "\t", "\n", ",", ".", "-", "'", "’", "_", "x", "É", "é", "1", "12", "2023"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words + _SEPARATORS), max_size=12).map("".join)


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_PLAIN_AGE_OLD = re.compile(r"(?:[ \t\-]*(?:[yY]ears?[ \t\-]old|-year-old)|[ \t]*(?:yo|y/o))\b")
_PLAIN_DATE_WORDS = re.compile(
    rf"\b(?:{patterns._DAY}(?:[ \t]+of)?[ \t]+(?:{patterns._MONTHS})\.?(?:[ \t,]+{patterns._YEAR})?"
    rf"|(?:{patterns._MONTHS})\.?[ \t]+{patterns._DAY}(?:,?[ \t]+{patterns._YEAR})?"
    rf"|(?:{patterns._MONTHS})\.?(?:[ \t,]+|[ \t]+of[ \t]+){patterns._YEAR}"
    rf"|(?:{patterns._MONTHS})\.?[ \t]+['’]\d{{2}})\b"
)
_PLAIN_EN_PLACE = re.compile(rf"\b(?:{_CAP}[ \t]+){{1,3}}(?:{places._EN_PLACE_SUFFIX})\b")
_PLAIN_ORG_OF = re.compile(rf"\b(?:{places._ORG_OF_HEADS})[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}")
_PLAIN_POSTPOSED = re.compile(
    rf"(?<![\w'’\-])(?P<n>{catchall._CAP_NAME})[ \t]+(?:ma'am|ma’am|akka|anna|ji|sir|bhai|didi|garu|saab|sahib)\b"
)


@settings(max_examples=400, deadline=None)
@given(text=_texts(["years", "year", "Year", "old", "-year-old", "yo", "y/o", "you", "ear", "Y"]))
def test_years_old_unit_matches_the_plain_pattern(text: str) -> None:
    assert _spans(patterns._AGE_OLD_UNIT, text) == _spans(_PLAIN_AGE_OLD, text)


@settings(max_examples=400, deadline=None)
@given(text=_texts(["Januari", "Jan", "Juni", "March", "Mar", "Rabiul Awal", "Sya'ban", "of", "3", "31", "05", "0", "th"]))
def test_dates_in_words_match_the_plain_pattern(text: str) -> None:
    assert _spans(patterns._DATE_WORDS, text) == _spans(_PLAIN_DATE_WORDS, text)


@settings(max_examples=400, deadline=None)
@given(text=_texts(["Park", "Hotel", "Green", "Bank", "University", "of", "the", "Lagos", "Ab", "ab", "Road"]))
def test_english_places_and_orgs_match_the_plain_patterns(text: str) -> None:
    assert _spans(places._EN_PLACE, text) == _spans(_PLAIN_EN_PLACE, text)
    assert _spans(places._EN_ORG_OF, text) == _spans(_PLAIN_ORG_OF, text)


@settings(max_examples=400, deadline=None)
@given(text=_texts(["Nia", "Kavitha", "ji", "sir", "ma'am", "akka", "Ab", "ab"]))
def test_postposed_honorifics_match_the_plain_pattern(text: str) -> None:
    assert _spans(catchall._POSTPOSED, text) == _spans(_PLAIN_POSTPOSED, text)


@settings(max_examples=400, deadline=None)
@given(text=_texts(["work", "worked", "ride", "kerja", "for", "FOR", "at", "di", "dari", "the", "a", "near", "to"]))
def test_end_anchored_patterns_search_as_their_regex(text: str) -> None:
    for pattern in (places.WORK_BEFORE, places.PLACE_PREP_BEFORE):
        fast, plain = pattern.search(text), pattern.rx.search(text)
        assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=400, deadline=None)
@given(text=_texts(["abc", "Abc", "abcd", "xabc", ".", "/", "@", "x.abc", "abc.x"]), word=st.sampled_from(["abc", "é", "ab-c"]))
def test_lower_case_check_matches_the_plain_search(text: str, word: str) -> None:
    # a whole word, not inside a web or e-mail address ("cepatcair.example.net", "/cepatcair")
    plain = re.search(rf"(?<![\w'’\-/@.]){re.escape(word)}(?![\w'’\-@]|\.\w)", text) is not None
    assert catchall.in_lower_case(text, word) is plain


@settings(max_examples=400, deadline=None)
@given(
    text=_texts(["plat", "plate", "Plat", "reg ", "tag", "yo", "you"]),
    words=st.lists(st.sampled_from(["plat", "plate", "reg ", "tag", "yo", "y/o", "x"]), min_size=1, unique=True),
)
def test_any_of_finds_where_a_word_starts(text: str, words: list[str]) -> None:
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    fast = any_of(words)
    for pos in range(len(text) + 1):
        a, b = fast.search(text, pos), plain.search(text, pos)
        assert (a and a.start()) == (b and b.start())


def _shared_words() -> list[str]:
    from makna.privacy._fastrx import _GATES

    words = sorted({lit for trig in _GATES._triggers for lit in trig.literals})
    return [w[: len(w) // 2 + 1] for w in words[::7]] + words[::3]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*_shared_words(), *_SEPARATORS, "\n", "Xx"]), min_size=1, max_size=40))
def test_shared_gate_lines_are_each_triggers_own(parts: list[str]) -> None:
    """The one automaton pass for all triggers finds, per trigger, the lines its own literals find."""
    from makna.privacy._fastrx import _GATES, _SHARED_MIN

    text = "".join(parts)
    text = text + "\n" + "z" * max(0, _SHARED_MIN - len(text))  # long enough for the shared scan
    assert _GATES._triggers
    for trig in _GATES._triggers:
        plain: dict[int, int] = {}
        for lit in trig.literals:
            for m in re.finditer(re.escape(lit), text):
                end = text.find("\n", m.start())
                plain.setdefault(text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end)
        assert trig.lines(text) == sorted(plain.items())



@settings(max_examples=150, deadline=None)
@given(_texts(["0812", "3", "1375021208850002", "+62", "(", ")", "/", "QQ", "AB", "BA", "12", "C", "-", ".", "\x1c", "é"]))
def test_ascii_twins_match_the_unicode_patterns(text: str) -> None:
    """On an ASCII text a pattern compiled with re.ASCII finds what the Unicode one finds."""
    from makna.privacy._fastrx import ascii_finditer

    names = ("_NIK", "_GROUPS_4", "_NPWP", "_SSN", "_DATE_NUM", "_PHONE_CANDIDATE", "_UK_CODES", "_PLATE_ID", "_PLATE_FOREIGN")
    for name in names:
        rx = getattr(patterns, name)
        assert [m.span() for m in ascii_finditer(rx, text)] == [m.span() for m in rx.finditer(text)], name


def test_ascii_twin_refuses_a_pattern_that_could_differ() -> None:
    import pytest

    from makna.privacy._fastrx import ascii_finditer

    for rx in (re.compile(r"a\sb"), re.compile("k", re.IGNORECASE), re.compile("é\\d")):
        with pytest.raises(ValueError):
            list(ascii_finditer(rx, "a b"))
