"""Round twenty-three's speed pass (issue 11). The three end-anchored cues of :mod:`makna.privacy.groupnames`
(membership before a name, a kind of organisation named before it, a kind said before it with a comma or a copula)
are searched only when the text before the name ends with one of their last words and their closing marks
(``groupnames._may_end``); the role cues of :mod:`makna.privacy.roletypes` (stopping or living somewhere, an
origin, a place's preposition, ``from``, an account, the chat's ``otw dr``) only when :class:`EndWords` passes
(:class:`makna.privacy._endwords.EndGated`). Each gated form must give what the pattern searched ungated gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import groupnames as gn
from makna.privacy import roletypes as rt
from makna.privacy._endwords import EndGated, EndWords

_GATES = [
    ("member", gn._MEMBER, "", gn._MEMBER_ENDS),
    ("named", gn._NAMED_KIND, ':,"“', gn._NAMED_ENDS),
    ("kind", gn._KIND_BEFORE, ":", (",", *gn._KIND_ENDS)),
]
_WORDS = sorted({w.strip() for w in (*gn._MEMBER_ENDS, *gn._NAMED_ENDS, *gn._KIND_ENDS)})
_PIECES = [
    # words the three patterns start with or hold: kinds, determiners, possessors, naming words, copulas
    "a", "an", "the", "our", "my", "member", "members", "membership", "of", "anggota", "gabung", "bergabung",
    "masuk", "group", "Group", "union", "church", "kelompok", "paguyuban", "koperasi", "arisan", "credit", "nya",
    "kami", "kita", "it's", "it’s", "is", "was", "its", "name", "nama", "called", "named", "namanya", "bernama",
    "namonyo", "itu", "ada", "sebuah", "from", "dari", "friend", "ketua", "riders'", "burial", "society", "yaitu",
    # names, blanks, marks and the characters that fold onto ASCII letters
    "Rini", "Harapan", "Sejahtera", " ", " ", "  ", "\t", "\n", ",", ", ", ":", ": ", '"', "“", ".", "-", "'", "’",
    "_", "1", "ſ", "ı", "İ", "\u212a", "é", "\u00a0",
]  # fmt: skip
_EXAMPLES = [
    ("member", "she is a member of the "),
    ("member", "saya anggota "),
    ("member", "dia gabung ke "),
    ("member", "we joined, members of "),
    ("named", "an agency called "),
    ("named", "ada kelompok kami, namanya "),
    ("named", "paguyuban kami bernama "),
    ("named", 'a firm named "'),
    ("named", "kelompok itu, nama itu "),
    ("kind", "our group, "),
    ("kind", "the association is "),
    ("kind", "kelompok kami itu "),
    ("kind", "nama paguyubannya, "),
    ("kind", "koperasinya yaitu : "),
]


def _gated(rx: re.Pattern[str], marks: str, ends: tuple[str, ...], text: str) -> re.Match[str] | None:
    return rx.search(text) if gn._may_end(text, marks, ends) else None


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and a.span() == b.span() and a.groups() == b.groups()
    )


@settings(max_examples=2000, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES + _WORDS + [w.upper() for w in _WORDS]), max_size=14))
def test_gated_cues_give_the_ungated_matches(pieces: list[str]) -> None:
    before = " ".join(pieces[: len(pieces) // 2]) + "".join(pieces[len(pieces) // 2 :])
    for text in (before, before + " ", before + "\n", before + " \n", before + ", ", before + " : ", before + '"'):
        for _, rx, marks, ends in _GATES:
            assert _same(_gated(rx, marks, ends, text), rx.search(text)), (rx.pattern[:30], text)


@settings(max_examples=1000, deadline=None)
@given(
    lead=st.sampled_from(["", "we are ", "I: ", "dia "]),
    head=st.sampled_from(["members of", "anggota", "gabung di", "group", "kelompok kami", "a firm", "our union"]),
    glue=st.sampled_from(["", " ", "  ", "\t", ", ", ",", " is ", " itu "]),
    last=st.sampled_from([*_WORDS, "called", "nama itu", "leader", "kita", "s", "'s", "ya", "saya", "di", "x"]),
    case=st.sampled_from([str, str.upper, str.title]),
    close=st.sampled_from(["", " ", "\t", ",", ", ", ":", " : ", '"', "“", " \n", "\n", ":\n", ". "]),
)
def test_gated_cues_give_the_ungated_matches_on_built_phrases(
    lead: str, head: str, glue: str, last: str, case: object, close: str
) -> None:
    text = lead + case(head + glue + last) + close  # type: ignore[operator]
    for _, rx, marks, ends in _GATES:
        assert _same(_gated(rx, marks, ends, text), rx.search(text)), (rx.pattern[:30], text)


@pytest.mark.parametrize(("kind", "before"), _EXAMPLES)
def test_gated_cues_find_their_examples(kind: str, before: str) -> None:
    (rx, marks, ends) = next((rx, marks, ends) for name, rx, marks, ends in _GATES if name == kind)
    for text in (before, before.upper(), before.title(), before.replace(" ", "\t"), before + "\n"):
        assert rx.search(text) is not None, text
        assert _same(_gated(rx, marks, ends, text), rx.search(text)), text


@pytest.mark.parametrize(
    ("text", "marks", "ends", "passes"),
    [
        ("member of ", "", gn._MEMBER_ENDS, True),
        ("member OF\t", "", gn._MEMBER_ENDS, True),
        ("member of", "", gn._MEMBER_ENDS, True),  # (the pattern wants the blank; the gate need not)
        ("member often ", "", gn._MEMBER_ENDS, False),
        ("a group called : ", ':,"“', gn._NAMED_ENDS, True),
        ("a group called :: ", ':,"“', gn._NAMED_ENDS, False),  # at most one mark
        ("a group calls ", ':,"“', gn._NAMED_ENDS, False),
        ("a group \u212aalled ", ':,"“', gn._NAMED_ENDS, True),  # a letter other than ASCII passes
        ("our group , ", ":", (",", *gn._KIND_ENDS), True),
        ("our group is", ":", (",", *gn._KIND_ENDS), True),
        ("our groupis ", ":", (",", *gn._KIND_ENDS), False),  # the copula follows a blank
        ("our group saya ", ":", (",", *gn._KIND_ENDS), False),
        ("our group ya ", ":", (",", *gn._KIND_ENDS), True),
        ("", ":", (",", *gn._KIND_ENDS), False),
    ],
)
def test_may_end(text: str, marks: str, ends: tuple[str, ...], passes: bool) -> None:
    assert gn._may_end(text, marks, ends) is passes


_ROLE_GATES = sorted((name, g) for name, g in vars(rt).items() if isinstance(g, EndGated))
_ROLE_WORDS = sorted({w for _, g in _ROLE_GATES for w in g.ends.words})
_ROLE_PIECES = [
    # words the role cues start with or hold
    "singgah", "parkir", "stopped", "stop", "at", "by", "ketemu", "ngopi", "grew", "up", "born", "lived", "based",
    "guy", "originally", "way", "asal", "asalnya", "asli", "aslinyo", "teman", "kerja", "urang", "otw", "pulang",
    "dr", "dri", "account", "profile", "signed", "riders", "started", "put", "me", "onto", "akun", "daftar", "the",
    "The", "THE", "in", "di", "near", "from", "dari", "Rini", "Leeds",
    # blanks, marks and the characters that fold onto ASCII letters
    " ", " ", "  ", "\t", "\n", ",", ".", "-", "_", "'", "1", "ſ", "ı", "İ", "\u212a", "é", "\u00a0",
]  # fmt: skip
_ROLE_EXAMPLES = {
    "_STOP": ["kami singgah dulu di ", "she grew up in the ", "parked by the shop at "],
    "_ORIGIN": ["a guy from ", "asalnya ", "asli dari "],
    "_ORIGIN_ID": ["teman kerja dari ", "urang dari "],
    "_CHAT_FROM": ["otw dr ", "baru dri "],
    "_IN": ["tinggal di ", "somewhere near "],
    "_FROM": ["drove up from "],
    "_ACCOUNT": ["my account on ", "signed up with ", "akun di "],
}


@pytest.mark.parametrize(("name", "gate"), _ROLE_GATES, ids=[n for n, _ in _ROLE_GATES])
@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(_ROLE_PIECES + _ROLE_WORDS + [w.upper() for w in _ROLE_WORDS]), max_size=12))
def test_gated_role_cue_gives_the_ungated_match(name: str, gate: EndGated, pieces: list[str]) -> None:
    before = " ".join(pieces[: len(pieces) // 2]) + "".join(pieces[len(pieces) // 2 :])
    for text in (before, before + " ", before + "\t", before + "\n", before + " \n", before + " the "):
        assert _same(gate.search(text), gate.rx.search(text)), (name, text)


@pytest.mark.parametrize(("name", "gate"), _ROLE_GATES, ids=[n for n, _ in _ROLE_GATES])
def test_gated_role_cue_finds_its_examples(name: str, gate: EndGated) -> None:
    for before in _ROLE_EXAMPLES[name]:
        assert gate.search(before) is not None, before
        for text in (before, before.upper(), before.title(), before.replace(" ", "\t"), before + "\n"):
            assert _same(gate.search(text), gate.rx.search(text)), text  # (some parts are case-sensitive)


def test_role_gates_end_words_are_the_patterns_last_words() -> None:
    assert set(_ROLE_EXAMPLES) == {name for name, _ in _ROLE_GATES}
    assert rt._STOP.ends.words == {"at", "in", "di", "dekat", "deket", "ka", "ke", "the"}
    assert rt._ORIGIN.ends.words == {"from", "asal", "asalnya", "asalnyo", "dari"}
    for name, gate in _ROLE_GATES:
        for before in _ROLE_EXAMPLES[name]:
            assert before.split()[-1].lower() in gate.ends.words, before
    with pytest.raises(ValueError, match="cannot list"):
        _ = EndWords("in|\\w+").words
