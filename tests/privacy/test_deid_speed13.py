"""Round fifteen's speed pass (issue 11). The lower-case repeats of a name are found with ``str.find`` per word
(:func:`makna.privacy.person_evidence._whole_words`) instead of a pattern compiled per text: they must be exactly
the matches of that pattern. :class:`makna.privacy.person_clauses._Doc` reads only the tokens that may open with
a capital (``_CAP_TOKEN``): its index must be the one built from every token (``_TOKEN``), and one text's index
is built once. Four of its patterns are led by a character set now (``lead_set``, one by hand): each must give the
matches and groups of its source."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import person_clauses, person_evidence

_PIECES = [
    "nisa", "anisa", "nisak", "rashid", "budi", "Budi", "NISA", " ", "  ", "\t", "\n", ".", ".x", "..", ",", "@",
    "#", "/", "'", "’", "-", "_", "1", "é", "e\u0301", "\u0663", "ſ", "ı", "İ", "K", "Ⓐ", "ǅ", "Ölçü", "ß",
    "tanya ", " bilang", "si ", "x", "Ä", "ä",
]  # fmt: skip
_WORDS = ["nisa", "anisa", "rashid", "budi", "ölçü", "i\u0307ndah", "dodo"]


def _pattern(text: str, words: set[str]) -> list[tuple[int, int]]:
    """The pattern :func:`person_evidence.lower_repeats` compiled per text before this round."""
    if not words:
        return []
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return [m.span() for m in re.finditer(rf"(?<![\w@.#/'’\-])(?:{alts})(?![\w@'’\-]|\.\w)", text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sets(st.sampled_from(_WORDS), max_size=4))
def test_whole_words_are_the_patterns_matches(pieces: list[str], words: set[str]) -> None:
    text = "".join(pieces)
    assert person_evidence._whole_words(text, words) == _pattern(text, words)


def test_whole_words_on_a_text_with_every_boundary() -> None:
    text = "tanya nisa. nisa.x @nisa nisa@ anisa nisa-nya nisa’ #nisa /nisa nisa, budi\nbudi_ budi1 Budi budi"
    words = {"nisa", "budi"}
    got = person_evidence._whole_words(text, words)
    assert got == _pattern(text, words)
    assert [text[s:e] for s, e in got] == ["nisa", "nisa", "budi", "budi"]
    odd = {"i\u0307ndah"}  # a lower case holding a combining mark keeps the pattern
    assert person_evidence._whole_words("kata i\u0307ndah.", odd) == _pattern("kata i\u0307ndah.", odd) == [(5, 11)]


def _caps_of_every_token(text: str) -> dict[str, list[int]]:
    caps: dict[str, list[int]] = {}
    for m in person_clauses._TOKEN.finditer(text):
        if m.group(0)[0].isupper():
            caps.setdefault(m.group(0), []).append(m.start())
    return caps


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_doc_index_is_every_tokens(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert person_clauses._Doc(text)._caps == _caps_of_every_token(text)


def test_doc_index_on_capitals_of_every_kind() -> None:
    text = "Budi -Budi 'Ani Ölçü ǅemal Ⓐb _Xy 1Ab Ä-Be ß İpek e\u0301 É"
    caps = person_clauses._Doc(text)._caps
    assert caps == _caps_of_every_token(text)
    assert "Budi" in caps and "Ölçü" in caps and "İpek" in caps and "-Budi" not in caps


def test_one_index_per_text() -> None:
    text = "Ani bilang: Rina, kawan ambo, tanya Dodi."
    person_clauses._doc_of.cache_clear()
    list(person_clauses.person_clauses(text))
    info = person_clauses._doc_of.cache_info()
    assert info.misses == 1 and info.hits >= 1


_RX_PIECES = [
    "Thank you", "thanks", "THANKS", "Terima kasih", "makasih", "to", "untuk", "in the name of", "under my name",
    "atas nama", "a.n.", "account name", "a", "an", "my", "The", "si", "Si", "friend", "kawan", "manager", "driver",
    "from", "at", "dari", "di", "Budi", "Rina", "Ani", "Dodi", "Ölçü", "Élan", "and", "dan", "&", ",", ", ", ":",
    ".", "!", " ", "  ", "\t", "\n", "-", "'", "’", "x", "1", "_", "ſ", "ı", "İ", "K", "é", "—",
]  # fmt: skip
_REWRITTEN = ["_THANKED_AFTER", "_THANKED_BEFORE", "_APPOSED_BEFORE", "_IN_THE_NAME"]


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


@pytest.mark.parametrize("name", _REWRITTEN)
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_RX_PIECES), max_size=30))
def test_rewritten_pattern_gives_its_sources_matches(name: str, pieces: list[str]) -> None:
    text = "".join(pieces)
    source = re.compile(getattr(person_clauses, f"{name}_SOURCE"))
    assert _matches(getattr(person_clauses, name), text) == _matches(source, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("_THANKED_AFTER", "Budi, Rina, Ani: thanks. xBudi, Rina, Ani: thanks"),
        ("_THANKED_BEFORE", "Terima kasih untuk Budi, Rina dan Ani."),
        ("_APPOSED_BEFORE", "I rang my friend, Rina Sari, later. Xmy friend, Rina,"),
        ("_IN_THE_NAME", "the account is in the name of Budi Santoso and atas nama Rina Sari."),
    ],
)
def test_rewritten_pattern_on_an_example(name: str, text: str) -> None:
    rx = getattr(person_clauses, name)
    got = _matches(rx, text)
    assert got and got == _matches(re.compile(getattr(person_clauses, f"{name}_SOURCE")), text)
    assert rx.pattern.startswith(("[", "(?P<l>["))  # a set leads: the engine skips to it
