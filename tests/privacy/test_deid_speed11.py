"""Three patterns led by a character set instead of a look-behind or an alternation (issue 11, round thirteen's speed
pass): ``patterns._AGE_BEFORE_CUE`` is the old pattern with the first character consumed by a set
(``_fastrx.dispatch``), ``contacts._LOCAL`` and ``phone_forms._COMMA_GROUPS`` with their first character consumed before their
look-behind; each must give
exactly the old matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import contacts, patterns, phone_forms
from makna.privacy._ci import ci

_OLD = re.compile(
    ci(
        rf"(?P<a>(?:\d{{1,3}}|{patterns._NUM_WORDS_ID})[ \t]*(?:tahun|taun|thn))[ \t]+"
        r"(?:umur|usia)(?:nya|ku|mu|[ \t]+saya|[ \t]+aku)?\b"
    )
)
_PIECES = [
    "dua", "Dua ", "puluh", "PULUAH", "pulu", " ", "\t", "\n", "tahun", "Taun", "thn", " umur", "usia", "Umur", "nya",
    " saya", " aku", "ku", "3", "45", "1234", "\u0663", "se", "sepuluh", "SEBELAS", "belas", "baleh", "tujuah", "TIGA",
    "lima", "limo", "satu", "sembilan", "sambilan", "salapan", "x", "\u017f", "\u0131", "K", "\u212a", "é",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_the_dispatched_age_pattern_matches_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    got = [(m.span(), m.groupdict()) for m in patterns._AGE_BEFORE_CUE.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in _OLD.finditer(text)]


def test_it_finds_ages_before_their_cue_and_skips_to_them() -> None:
    text = "oh iya. Dua puluh tahun umur saya, kak; 31 thn usianya, SEBELAS TAHUN UMURNYA"
    assert [m.group("a") for m in patterns._AGE_BEFORE_CUE.finditer(text)] == [
        "Dua puluh tahun", "31 thn", "SEBELAS TAHUN",
    ]  # fmt: skip
    assert patterns._AGE_BEFORE_CUE.pattern.startswith("(?P<a>[")  # a first-character set: the fast scan


_OLD_LOCAL = re.compile(r"(?<![\w\-+.])\d{3}[\-. ]\d{4}(?![\w\-]|[.,]\d)")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "23", "456", "7890", "-", ".", " ", "+", "a", "_", "\n", ",", "\u0663\u0664"]),
        max_size=14,
    )
)
def test_the_digit_led_local_number_matches_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.span() for m in contacts._LOCAL.finditer(text)] == [m.span() for m in _OLD_LOCAL.finditer(text)]
    assert contacts._LOCAL.pattern.startswith("\\d")


_OLD_COMMA_GROUPS = re.compile(
    r"(?<![\w+@/=.,\-])(?P<h>(?:\+62[ \t]?|0)8[1-9]\d{1,2}|(?:\+44[ \t]?|0)7[1-9]\d{2})"
    r"(?:,[ \t]*\d{2,4}){2,4}(?![\w@]|[.,]\d)"
)
_PHONE_PIECES = [
    "0812",
    "+62 812",
    "+628123",
    "07700",
    "+44 7700",
    "0712",
    ", 555",
    ",555",
    ", 04",
    ",\t4872",
    ", 12345",
]
_PHONE_PIECES += [".5", "@", "a", " ", "+", "0", "x0812", ",", "\n", "\u0663\u0664"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PHONE_PIECES), max_size=10))
def test_the_comma_grouped_mobile_matches_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    got = [(m.span(), m.group("h")) for m in phone_forms._COMMA_GROUPS.finditer(text)]
    assert got == [(m.span(), m.group("h")) for m in _OLD_COMMA_GROUPS.finditer(text)]
