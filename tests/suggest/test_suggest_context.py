"""A unit is read with its context (#15): in an interview, the question a turn answers. The corpus
evaluation reads a segment with the interviewer's line before it; a project reads a turn with the turn
before it when another speaker said it (sentences and paragraphs alone); and the context moves the
model's scores the way the question does."""

from __future__ import annotations

from typing import Any

import numpy as np
from synth import build

from makna.suggest.classifier import CodeText, Example, in_context, train
from makna.suggest.corpus import CorpusDoc, _examples, context_of
from makna.suggest.training import load


def test_a_segment_is_read_with_the_interviewer_line_before_it() -> None:
    text = "Note.\nP: Pernah ditipu?\nI: Pernah, sekali.\nI: Lagi.\nP: Terus?\nI: Udah.\nP: Oke.\nI: Ya."
    a1, a2, a3 = text.index("I: Pernah"), text.index("I: Lagi"), text.index("I: Udah")
    a4 = text.index("I: Ya")
    doc = CorpusDoc("d", "id", text, [(a1, a2 - 1, frozenset({"x"})), (a2, a2 + 8, frozenset()),
                                      (a3, a3 + 7, frozenset()), (a4, len(text), frozenset())])
    assert context_of(doc, a1) == "P: Pernah ditipu?"
    assert context_of(doc, a2) == ""  # the line before is a segment itself
    assert context_of(doc, a3) == "P: Terus?"
    assert context_of(doc, a4) == ""  # the line before asks nothing
    assert context_of(CorpusDoc("e", "id", "I: Halo.", [(0, 8, frozenset())]), 0) == ""
    first = _examples([doc])[0]
    assert first.context == "P: Pernah ditipu?" and first.text == "I: Pernah, sekali."
    assert _examples([doc], context=False)[0].context == ""
    assert in_context("a", "") == "a" and in_context("a", "q") == "a\nq"


def test_the_question_moves_the_scores() -> None:
    """Short answers that say nothing alone: the model learns the code from the question before them."""
    rows = []
    for g in range(6):
        rows += [Example("Pernah, sekali.", "id", frozenset({"fraud"}), f"s{g}", context="Pernah ditipu pelanggan?"),
                 Example("Iya, dua kali.", "id", frozenset({"blocked"}), f"s{g}", context="Pernah diblokir pelanggan?"),
                 Example("Nggak ada.", "id", frozenset(), f"s{g}", context="Hobi Uni apa?")]
    book = [CodeText("fraud", (("id", "Ditipu pelanggan"),)), CodeText("blocked", (("id", "Diblokir pelanggan"),))]
    model = train(rows, book)
    fraud, blocked = model.codes.index("fraud"), model.codes.index("blocked")
    raw = model.raw([in_context("Iya, pernah.", "Pernah ditipu?"), in_context("Iya, pernah.", "Pernah diblokir?")],
                    ["id", "id"])
    assert raw[0, fraud] > raw[0, blocked] and raw[1, blocked] > raw[1, fraud]
    assert np.allclose(model.raw(["Iya, pernah."], ["id"]), model.raw([in_context("Iya, pernah.", "")], ["id"]))


def test_a_turn_is_read_with_the_turn_before_it_by_another_speaker(project: Any) -> None:
    build(project)
    data = load(project)
    turns = [*data.examples, *data.candidates]
    assert turns and all(u.context.startswith("P: ") for u in turns if u.text.startswith("I: "))
    # an interviewer's turn is not read with the answer before it (an answer asks nothing)
    assert all(u.context == "" for u in turns if u.text.startswith("P: "))
    # a sentence or a paragraph is read alone
    assert all(u.context == "" for u in (*load(project, "sentence").examples, *load(project, "sentence").candidates))
