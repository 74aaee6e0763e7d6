"""A name standing in a legend's code place is never hidden as a code (fixhealth16, #11): a listed first name in
capitals ("Interviewer: KATE", "SARI = INFORMAN"), and a short word the text never uses as a turn label
("Catatan: Dul = informan, P = peneliti"), stay names for every reader and for the whole pipeline."""

from __future__ import annotations

import re

import pytest

from makna.privacy import detect
from makna.privacy.legend import read_legend
from makna.privacy.person_kinds import person_kinds
from makna.privacy.speakers import legend_codes
from makna.privacy.thingwords import names_a_thing
from makna.privacy.types import Detection


def _det(text: str, word: str, nth: int = 0) -> Detection:
    at = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)][nth]
    return Detection(at, at + len(word), "PERSON", 0.6, "unknown.capitalised", word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[Interviewer: KATE; Participant: TOM]\nKATE: How long?\nTOM: A while.", "KATE"),
        ("[Interviewer: KATE; Participant: TOM]\nKATE: How long?\nTOM: A while.", "TOM"),
        ("Informan: DEWI\nPewawancara: NURUL\nNURUL: Sudah lama?\nDEWI: Lumayan.", "NURUL"),
        ("SARI = INFORMAN, P = PENELITI\nP: SUDAH LAMA?\nSARI: LUMAYAN.", "SARI"),
    ],
)
def test_a_first_name_in_capitals_is_no_code(text: str, name: str) -> None:
    legend = read_legend(text)
    assert name in [e.code for e in legend.entries] and name not in legend.codes
    assert name.lower() not in legend_codes(text)
    det = _det(text, name)
    assert not names_a_thing(text, det)
    assert any(d.text == name for d in person_kinds(text, [det]))


def test_capital_codes_stay_codes() -> None:
    text = "[Interviewer: INT; Participant: PT]\nINT: How long?\nPT: A while."
    assert read_legend(text).codes == {"INT", "PT"}
    assert names_a_thing(text, _det(text, "INT"))


def test_a_short_word_that_labels_no_turn_stays_for_the_late_filter() -> None:
    text = "Catatan: Dul = informan, P = peneliti.\nP: Sudah lama?\nI: Lumayan."
    assert "Dul" in read_legend(text).codes  # code-shaped...
    assert not names_a_thing(text, _det(text, "Dul"))  # ...but no turn is "Dul:": it may be a name
    used = text.replace("I: Lumayan.", "Dul: Lumayan.")
    assert names_a_thing(used, _det(used, "Dul"))  # a code the text uses as a label is one


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        (
            "en",
            "[Interviewer: KATE; Participant: TOM]\nI: How long have you lived here?\nP: Since 2019.",
            ["KATE", "TOM"],
        ),
        ("id", "Catatan: Dul = informan, P = peneliti.\nP: Sudah lama?\nI: Lumayan.", ["Dul"]),
    ],
)
def test_a_known_name_in_a_legend_is_found(language: str, text: str, names: list[str]) -> None:
    found = {(d.text, d.start) for d in detect(text, language=language, known_names=names)}
    for name in names:
        assert (name, text.index(name)) in found
