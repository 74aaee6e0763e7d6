"""Round twenty-one's speed pass (issue 11). Twelve whole-text patterns led by a look-behind, a capitalised word or
a line's start, tried at every position of a text, run only on the lines that hold a fixed part of theirs
(``_fastrx.gated_finditer``): the names set off by commas of :mod:`makna.privacy.person_evidence` and
:mod:`makna.privacy.person_clauses` (a comma-led gate), the self-corrections (a mark and a word of correction),
the subjects of a verb of chatting (the verb, from the shared word-start pass), the quoted chosen names of
:mod:`makna.privacy.person_kinds` and the workplace acronyms of :mod:`makna.privacy.thingwords` (their lead words,
``_fastrx.Folded``), the real names, lower-case names after ``si`` and app names of
:mod:`makna.privacy.person_evidence`, the declared names of :mod:`makna.privacy.speakers` and the questions of where
of :mod:`makna.privacy.en_retype` (a word every match holds). Each must give exactly the matches and groups of the
pattern run over the whole text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_deid_speed20 import assert_gated_examples, assert_gated_same  # the same checks as round twenty's gates

from makna.privacy import asked as ak
from makna.privacy import en_retype as er
from makna.privacy import person_clauses as pc
from makna.privacy import person_evidence as pe
from makna.privacy import person_kinds as pk
from makna.privacy import speakers as sp
from makna.privacy import thingwords as tw
from makna.privacy._fastrx import gated_finditer, split_top

_GATED = [
    ("person_evidence._KIN_APPOSED", pe._KIN_APPOSED, pe._KIN_APPOSED_GATE),
    ("person_clauses._APPOSED_AFTER", pc._APPOSED_AFTER, pc._APPOSED_AFTER_GATE),
    ("person_clauses._APPOSED_OPENING", pc._APPOSED_OPENING, pc._APPOSED_OPENING_GATE),
    ("person_clauses._CORRECTED", pc._CORRECTED, pc._CORRECTED_GATE),
    ("person_clauses._CHAT_SUBJECT", pc._CHAT_SUBJECT, pc._CHAT_LINES),
    ("person_kinds._CHOSEN_QUOTED", pk._CHOSEN_QUOTED, pk._CHOSEN_QUOTED_LINES),
    ("thingwords._WORKPLACE", tw._WORKPLACE, tw._WORKPLACE_LINES),
    ("person_evidence._REAL", pe._REAL, pe._REAL_LINES),
    ("person_evidence._SI_LOWER", pe._SI_LOWER, pe._SI_LINES),
    ("person_evidence._APP_NAMED", pe._APP_NAMED, pe._APP_NAMED_LINES),
    ("speakers._DECLARED", sp._DECLARED, sp._DECLARED_LINES),
    ("en_retype._WHERE_Q", er._WHERE_Q, er._WHERE_LINES),
    ("asked._APP_NAMING", ak._APP_NAMING, ak._APP_NAMING_LINES),
]
_PIECES = [
    # the fixed words of the seven patterns, in several cases
    "adiak", "ambo", "my", "cousin", "Cousin", "teman", "temanku", "flatmate", "nurse", "a", "the", "The", "old",
    "kawan", "Kawan", "someone", "Someone", "from", "dari", "di", "kampuang", "union", "eh", "Eh", "sorry", "I",
    "mean", "no", "bukan", "maksud", "saya", "chat", "nge-chat", "ngeWA", "WA", "wa", "texted", "sering", "lagi",
    "Then", "kemarin", "and", "kerja", "bekerja", "Kerja", "worked", "WORKED", "for", "at", "job", "jobs", "PLN",
    "BBC", "call", "me", "Call", "panggil", "nama", "pakai", "sajo", "as", "put", "down", "nan", "yang", "asli",
    "aslinyo", "Asli", "si", "Si", "sini", "namo", "namanya", "aplikasi", "app", "akun", "michat", "profil", "on",
    "was", "memakai", "dipanggil", "called", "known", "pseudonym", "name", "where", "Where", "do", "you", "live",
    "from", "stay", "?", "melur", "situs", "site", "account", "Aplikasi", "APP", "username", "pakai", "pake",
    "goes", "by", "di", "the", "kencan", "itu", "is", ":", "rahmat.s09", "x.y", "her", "his",
    # names, marks, boundaries and the characters that fold onto ASCII letters
    "Rini", "Tunde", "Sari", "Rahmad", "Rahmah", "Wren", "Melati", "Jo-Ann", " ", " ", "  ", "\t", "\n", ",", ", ",
    ",", ".", "...", "…", "—", "–", "-", ";", ":", "!", '"', "“", "”", "'", "’", "@", "_", "1", "ſ", "ı", "İ",
    "\u212a", "é", "É",
]  # fmt: skip
_EXAMPLES = {
    "person_evidence._KIN_APPOSED": "adiak ambo, Rini, lewat dulu.\nmy cousin, Tunde, came",
    "person_clauses._APPOSED_AFTER": "Kajan, my flatmate, said so.\nRini Sari, a nurse at the clinic, rang",
    "person_clauses._APPOSED_OPENING": "Kawan dari kampuang, Rini Sari, nan datang.\nSomeone from the union, Tunde Okafor, came",
    "person_clauses._CORRECTED": "Ratri... eh, Ratmi datang.\nI met Rahmad, sorry, Rahmah there",
    "person_clauses._CHAT_SUBJECT": "Kemarin Rivaldi sering chat.\nThen Dorota texted me",
    "person_kinds._CHOSEN_QUOTED": 'call me "Wren" please.\npanggil ambo "Melati" sajo',
    "thingwords._WORKPLACE": "saya kerja di PLN dulu.\nshe worked for the BBC",
    "person_evidence._REAL": "namonyo di situ, nan asli Rini Sari.\nakun tu, yang aslinya: Melur",
    "person_evidence._SI_LOWER": "lalu si rini datang.\nSi melur pun",
    "person_evidence._APP_NAMED": "namo di aplikasinyo Melati.\nmy name on app is Wren",
    "speakers._DECLARED": "informan memakai nama Umi\nshe asked to be called Mama",
    "en_retype._WHERE_Q": "Where do you live now?\nI: Leeds.\nAnd where are you from?  \nB: Kinali.",
    "asked._APP_NAMING": "di aplikasi kencan itu dia pakai nama rahmat.s09\nher name on the app was x.y",
}  # fmt: skip


@pytest.mark.parametrize(("name", "rx", "gate"), _GATED, ids=[g[0] for g in _GATED])
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=60))
def test_gated_pattern_gives_the_whole_texts_matches(
    name: str, rx: re.Pattern[str], gate: object, pieces: list[str]
) -> None:
    assert_gated_same(rx, gate, "".join(pieces))


@pytest.mark.parametrize(("name", "rx", "gate"), _GATED, ids=[g[0] for g in _GATED])
def test_gated_pattern_finds_its_examples(name: str, rx: re.Pattern[str], gate: object) -> None:
    assert_gated_examples(rx, gate, _EXAMPLES[name])


def test_chat_words_cover_every_verb() -> None:
    """The gate's words come from the pattern's verbs (``nge-?chat`` gives ``nge`` and ``ngechat``): each verb, in
    each written form, is found after a subject by the gated pattern."""
    alternatives = split_top(pc._CHAT_VERB[3:-1])
    assert all(re.fullmatch(r"(?:nge-\?)?[A-Za-z]+", alt) for alt in alternatives)
    assert all(w.isalpha() and w == w.lower() for w in pc._CHAT_WORDS)
    for alt in alternatives:
        for verb in {alt.replace("-?", "-"), alt.replace("-?", "")}:
            text = f"Tadi pagi.\nThen Rini {verb} me\n"
            assert_gated_same(pc._CHAT_SUBJECT, pc._CHAT_LINES, text)
            assert len(list(gated_finditer(pc._CHAT_SUBJECT, pc._CHAT_LINES, text))) == 1, verb


def test_folded_stems_lead_every_alternative() -> None:
    """The lead words of the quoted-name and workplace gates are those the patterns' alternatives start with."""
    assert set(pk._CHOSEN_QUOTED_LINES.words.stems) == {
        re.split(r"[^a-z]", alt, maxsplit=1)[0] for alt in split_top(pk._NAMING)
    }
    assert "her" not in pk._CHOSEN_QUOTED_LINES.words.stems  # (split at the top level only)
    assert set(tw._WORKPLACE_LINES.words.stems) == {*tw._WORK_ID, *tw._WORK_EN}
