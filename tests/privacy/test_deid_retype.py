"""The precision stage's type question (branch deidretype, #11): the phrase a named span ends, the word after it
and its type word, as features the stage weighs with the span's type (:mod:`makna.privacy.typecontext`).

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.precision import context_features, document_features
from makna.privacy.typecontext import type_context
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidretypecases"


def _context(line: str, span: str) -> tuple[str, ...]:
    start = line.index(span)
    return type_context(line, start, start + len(span), span)


def test_a_work_phrase_and_a_stay_phrase_before_the_same_hotel() -> None:
    work = _context("I: I was a porter at Hotel Seruni for two years.", "Hotel Seruni")
    stay = _context("I: We stayed at Hotel Seruni near the station.", "Hotel Seruni")
    assert "cue=work" in work and "cue=work|head=hotel" in work
    assert "cue=stay" in stay and "cue=stay|head=hotel" in stay
    assert "bigram=stayed at" in stay and "next=near" in stay


def test_indonesian_phrases_of_work_stay_and_order() -> None:
    assert "cue=work" in _context("I: Dulu kerja di Wisma Kenanga, jadi tukang cuci.", "Wisma Kenanga")
    assert "cue=stay" in _context("I: Sekarang tinggal di Wisma Kenanga sama adik.", "Wisma Kenanga")
    assert "cue=stay" in _context("I: Kadang nginap di Hotel Seruni kalau hujan.", "Hotel Seruni")
    assert "cue=order" in _context("I: Sering pesan dari Dapur Uni Lela lewat aplikasi.", "Dapur Uni Lela")
    assert "cue=order" in _context("I: I ordered from Lotus Garden twice.", "Lotus Garden")


def test_kin_and_role_words_before_a_name() -> None:
    assert "cue=person" in _context("I: My cousin Tobias Wren still rides.", "Tobias Wren")
    assert "cue=person" in _context("I: Yang punya Uni Lela, orang pasar.", "Uni Lela")
    assert "bigram=<line> <line>" in _context("Tobias Wren said so.", "Tobias Wren")


def test_the_features_reach_the_stage_with_the_spans_type() -> None:
    text = "I: I worked at Hotel Seruni before."
    start = text.index("Hotel Seruni")
    det = Detection(start, start + 12, "LOCATION", 0.9, "location.cue", "Hotel Seruni")
    feats = context_features_of(text, [det])
    assert {"cue=work", "cue=work|LOCATION", "cue=work|head=hotel", "cue=work|head=hotel|LOCATION"} <= set(feats)
    age = Detection(0, 1, "AGE", 0.9, "age", "I")  # a type the stage never retypes gets no type context
    assert not [f for f in document_features("I", "en", [age])[0] if f.startswith(("cue=", "bigram="))]


def context_features_of(text: str, found: list[Detection]) -> list[str]:
    from makna.privacy.precision import _document  # noqa: PLC0415

    return context_features(_document(text, found), found, 0)


@given(st.text(alphabet="aB di\n,.", max_size=40), st.integers(0, 40), st.integers(0, 8))
def test_any_span_of_any_text(text: str, start: int, width: int) -> None:
    start = min(start, len(text))
    end = min(len(text), start + width)
    feats = type_context(text, start, end, text[start:end])
    assert feats[0].startswith("bigram=") and feats[1].startswith("next=")
    assert all("\n" not in f for f in feats)


def test_tune_cases_floor() -> None:
    """The open part of this branch's cases (tune/; sealed/ is scored by aggregates only)."""
    report = evaluate(CASES / "tune")
    assert len(load_gold(CASES / "tune")) == 11
    assert report.untyped.recall >= 0.97
    assert report.overall.recall >= 0.86  # 0.919 with the stage of 318 transcripts; 0.878 after retraining on 332


@pytest.mark.parametrize(
    ("before", "cue"),
    [
        ("I was happy with ", False),  # no job noun: not the place of a job (review of deidretype)
        ("we were stuck in ", False),
        ("It was cold in ", False),
        ("I was a porter at ", True),
        ("dulu jadi pelayan di ", True),
        ("as a night cleaner for ", True),
    ],
)
def test_a_role_cue_needs_a_job_noun(before: str, cue: bool) -> None:
    from makna.privacy.typecontext import _ROLE

    assert (_ROLE.search(before) is not None) is cue


def test_owning_is_no_person_cue_but_the_owner_is() -> None:
    from makna.privacy.typecontext import _PERSON

    assert _PERSON.search("Saya punya ") is None  # "Saya punya Toko Mawar": a shop I own
    assert _PERSON.search("yang punya ") is not None
