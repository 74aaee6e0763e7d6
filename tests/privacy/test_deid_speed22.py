"""Round twenty-two's speed pass (issue 11). The clause cues (:func:`makna.privacy.typecontext.clause_cue`) and the
work phrases (:func:`makna.privacy.employers.work_phrase_before`) match only at the end of the text before a name:
they are searched only when the text ends with one of their last words and the closing blanks
(:class:`makna.privacy._endwords.EndWords`). Each gated form must give what the patterns searched ungated give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import employers as em
from makna.privacy import typecontext as tc
from makna.privacy._endwords import EndWords
from makna.privacy._fastrx import split_top


def _ungated(before: str) -> str:
    """``clause_cue`` as it was before the gates: every pattern searched, in the same order."""
    for kind, rx in (
        ("work", em._WORK_BEFORE),
        ("order", tc._ORDER),
        ("stay", tc._STAY),
        ("work", tc._ROLE),
        ("person", tc._PERSON),
        ("move", tc._MOVE),
    ):
        if rx.search(before):
            return kind
    return ""


def _words(*fragments: str) -> list[str]:
    return sorted(EndWords(*fragments).words)


_LAST = sorted({*em._WORK_ENDS.words, *tc._CUE_ENDS.words, *tc._PERSON_ENDS.words})
_PIECES = [
    # words the patterns start with or hold (verbs of work, stay, order, motion; articles; kin and role words)
    "worked", "Worked", "ride", "delivered", "sent", "kerja", "Kerja", "di-PHK", "jadi", "gaji", "stayed", "tinggal",
    "ngekos", "check", "checked", "hang", "grew", "up", "out", "ordered", "pesan", "beli", "pick", "went", "pergi",
    "deliver", "rode", "kirim", "was", "a", "an", "as", "sebagai", "porter", "pelayan", "cleaner", "my", "her",
    "yang", "THE", "The", "nice",
    # names, blanks, marks and the characters that fold onto ASCII letters
    "Rini", "Leeds", " ", " ", "  ", "\t", "\n", ",", ", ", ".", "-", "'", "’", "_", "1", "ſ", "ı", "İ", "\u212a",
    "é", "\u00a0",
]  # fmt: skip
_EXAMPLES = [
    ("I worked for ", "work"),
    ("dia kerja di ", "work"),
    ("habis itu dia di-PHK ", "work"),
    ("gajinya di ", "work"),
    ("we ordered from the ", "order"),
    ("pesan dari ", "order"),
    ("we stayed at the ", "stay"),
    ("ngekos di dekat ", "stay"),
    ("she was a porter at ", "work"),
    ("jadi pelayan di ", "work"),
    ("my cousin ", "person"),
    ("namanya, ", "person"),
    ("yang punya ", "person"),
    ("then we went to ", "move"),
    ("pergi ka ", "move"),
    ("ride in ", "move"),
    ("orang ", "move"),
    ("Leeds is nice ", ""),
]


@settings(max_examples=2000, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES + _LAST + [w.upper() for w in _LAST]), max_size=14))
def test_gated_clause_cue_gives_the_ungated_kind(pieces: list[str]) -> None:
    before = " ".join(pieces[: len(pieces) // 2]) + "".join(pieces[len(pieces) // 2 :])
    for text in (before, before + " ", before + "\n", before + " \n", before + ", "):
        assert tc.clause_cue.__wrapped__(text) == _ungated(text), text
        assert em.work_phrase_before(text) == (em._WORK_BEFORE.search(text) is not None), text


_HEADS = [
    # the words the patterns' phrases start with: a verb or noun of work, order, stay, motion; a role; an article
    "worked", "rode", "sent", "kerja", "narik", "jadi kurir", "gaji", "ordered", "beli", "stayed", "tinggal",
    "checked in", "grew up", "went", "pergi", "deliver to", "kirim ke", "orang", "was a porter", "sebagai pelayan",
    "my", "the", "yang",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(
    lead=st.lists(st.sampled_from(_PIECES), max_size=6),
    head=st.sampled_from(_HEADS + [h.upper() for h in _HEADS]),
    filler=st.lists(st.sampled_from(["", " ", "di", "the", "Rini", "sama", ",", "\t", "-"]), max_size=3),
    last=st.sampled_from(_LAST + ["the", "THE", "Di", "KE", "dİ", "x", ""]),
    end=st.sampled_from(["", " ", "  ", "\t", " the ", " \n", ", ", "\n"]),
)
def test_gated_clause_cue_gives_the_ungated_kind_of_phrases(
    lead: list[str], head: str, filler: list[str], last: str, end: str
) -> None:
    text = "".join(lead) + " " + head + " " + " ".join(filler) + " " + last + end
    assert tc.clause_cue.__wrapped__(text) == _ungated(text), text
    assert em.work_phrase_before(text) == (em._WORK_BEFORE.search(text) is not None), text


@pytest.mark.parametrize(("before", "kind"), _EXAMPLES)
def test_gated_clause_cue_finds_its_examples(before: str, kind: str) -> None:
    for text in (before, "x. " + before + "\n", before.replace(" ", " \t ")):
        assert _ungated(text) == kind, text
        assert tc.clause_cue.__wrapped__(text) == kind, text
    for text in (before.upper(), before.title(), before.rstrip()):  # ("the" and the English prepositions of work
        assert tc.clause_cue.__wrapped__(text) == _ungated(text), text  # are case-sensitive)


def test_every_last_word_passes_and_others_do_not() -> None:
    """Each gate passes its words in any case and after any mark; a text ending without a blank, or with a word
    not among them, never reaches the patterns that need one."""
    for gate in (em._WORK_ENDS, tc._CUE_ENDS):
        for word in gate.words:
            for text in (f"x {word} ", f"({word.upper()}\t", f"{word.title()} \n"):
                assert gate.may_end(text), text
            assert not gate.may_end(f"x {word}"), word  # no closing blank
            if f"{word}s" not in gate.words:
                assert not gate.may_end(f"x {word}s "), word
    assert tc._PERSON_ENDS.may_end("kata Rini, kakak,")
    assert tc._PERSON_ENDS.may_end("my cousin")
    assert not tc._CUE_ENDS.may_end("in Leeds ")
    assert tc._CUE_ENDS.may_end("x dİ ")  # a letter other than ASCII: searched


def test_words_come_from_the_patterns_fragments() -> None:
    """The gates' words are the fragments' alternatives, expanded; a multi-word alternative gives its last word;
    each fragment is written into its pattern (so the gate cannot drift from it)."""
    assert _words("moved?|drop(?:s|ped|ping)?") == ["drop", "dropped", "dropping", "drops", "move", "moved"]
    assert _words(r"deliver(?:ed)?[ \t]+to|ride[ \t]+(?:in|to)|di-?PHK") == ["di-phk", "diphk", "in", "to"]
    assert {w for alt in split_top(tc._MOVE_VERBS) for w in re.findall(r"[a-z]+", alt)} >= {"went", "to", "anak"}
    for rx, fragments in (
        (tc._STAY, [tc._STAY_PREPS]),
        (tc._ORDER, [tc._ORDER_PREPS]),
        (tc._ROLE, [tc._ROLE_PREPS]),
        (tc._MOVE, [tc._MOVE_VERBS, tc._MOVE_PREPS]),
        (tc._PERSON, [tc._PERSON_NOUNS, tc._PERSON_CUES]),
        (em._WORK_BEFORE, [em._PREP_EN, em._PREP_SENT, em._WORK_ID, em._PREP_ID, em._PREP_WORK_ID, em._PREP_GAJI]),
    ):
        for fragment in fragments:
            assert f"(?:{fragment})" in rx.pattern or f"(?i:{fragment})" in rx.pattern, fragment


def test_fragments_it_cannot_list_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot list"):
        EndWords(r"stay[a-z]*").may_end("stay ")
    with pytest.raises(ValueError, match="ASCII"):
        EndWords("café").may_end("cafe ")
