"""PERSON evidence from the clause a name sits in (branch deidperson3 of round thirteen, #11): self-corrections,
vocatives after a speaker label, lists thanked or addressed, chat-verb subjects, names in apposition to a role,
accounts in a person's name and chosen names; and the words these rules must leave alone.

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.person_clauses import (
    account_names,
    apposed_people,
    chat_subjects,
    chosen_names,
    corrected_names,
    thanked_lists,
)

CASES = Path(__file__).resolve().parent / "deidperson13cases"


def typed(text: str, language: str = "id") -> dict[str, str]:
    return {d.text: d.type for d in detect(text, language=language)}


def texts(found: object) -> list[str]:
    return [d.text for d in found]  # type: ignore[attr-defined]


def test_a_self_correction_names_both() -> None:
    assert texts(corrected_names("I: kawan ambo Desmon... eh, Desmi, nan mambantu.")) == ["Desmon", "Desmi"]
    assert texts(corrected_names("A: It was Marek, sorry, I mean Marcin, who lent it.")) == ["Marek", "Marcin"]
    assert texts(corrected_names("I: Ka Solok... eh, Sijunjung, baliak kampuang.")) == []  # places, no name


def test_a_vocative_after_a_speaker_label() -> None:
    text = "Moderator: Gareth, what's the worst part of a shift?\nP2: The rain."
    assert typed(text, "en").get("Gareth") == "PERSON"
    assert "Terakhir" not in typed("Peneliti: Terakhir, apa harapan Uni?\nI: Sehat.")  # opens a question
    assert "Jadi" not in typed("Moderator: Jadi, apo pendapat Uni soal itu?\nP1: Takuik.")


def test_lists_thanked_or_addressed() -> None:
    assert texts(thanked_lists("Okay. Dilnoza, Ewa, Tomasz: thank you all.")) == ["Dilnoza", "Ewa", "Tomasz"]
    assert texts(thanked_lists("Terima kasih, Yusnidar, Febri dan Ratna.")) == ["Yusnidar", "Febri", "Ratna"]
    assert texts(thanked_lists("Thanks. Ewa, Tomasz, Dilnoza: the vouchers are by the door.")) == [
        "Ewa",
        "Tomasz",
        "Dilnoza",
    ]
    assert texts(thanked_lists("Padang, Solok, Pariaman: semua kota.")) == []


def test_the_subject_of_a_chat_verb() -> None:
    assert texts(chat_subjects("I: Kemarin Hendri masih chat ambo.")) == ["Hendri"]
    assert texts(chat_subjects("I: Yesterday Mihail was texting everyone.")) == ["Mihail"]
    for opener in ("Awalnya chat biasa.", "Besoknya WA aku hilang.", "Terus chat lagi."):
        assert texts(chat_subjects("I: " + opener)) == [], opener


def test_a_name_in_apposition_to_a_role() -> None:
    assert texts(apposed_people("A friend from church, Senait Tesfaye, lent me the money.")) == ["Senait Tesfaye"]
    assert texts(apposed_people("Then Kajan, my flatmate, showed me the app.")) == ["Kajan"]
    assert texts(apposed_people("I: Minta tolong Wagini, tetangga kos, inyo baiak.")) == ["Wagini"]
    assert texts(apposed_people("I: Urang di Painan, tetangga kos ambo.")) == []  # a place after "di"
    assert typed("A: A friend from church, Senait Tesfaye, lent me the money.", "en")["Senait Tesfaye"] == "PERSON"


def test_a_span_after_a_possessive_and_a_kin_noun_is_a_name() -> None:
    assert typed("A: His daughter Luz Marina does her homework at the counter.", "en")["Luz Marina"] == "PERSON"
    assert typed("A: My friend lives in Hackney now.", "en")["Hackney"] == "LOCATION"


def test_an_account_in_a_persons_name() -> None:
    assert texts(account_names("The account was in the name Gwilym Pryce-Evans.")) == ["Gwilym Pryce-Evans"]
    assert texts(account_names("It's in my name, Rhodri Wyn Parry, with the middle name.")) == ["Rhodri Wyn Parry"]
    assert texts(account_names("His username is gwil.rides_07 on the forum.")) == []
    text = "A: The account was in the name Gwilym Pryce-Evans. His username is gwil.rides_07."
    assert typed(text, "en")["Gwilym Pryce-Evans"] == "PERSON"
    assert typed(text, "en")["gwil.rides_07"] == "HANDLE"


def test_a_chosen_name_answers_a_question_about_a_name() -> None:
    text = "P: Di aplikasi Uni pakai nama apa?\nI: Pakai Embun sajo, Kak."
    assert texts(chosen_names(text)) == ["Embun"]
    assert texts(chosen_names("P: Pakai apa ke sana?\nI: Pakai Gojek sajo.")) == []  # no question of a name
    assert texts(chosen_names("Q: What name do customers see?\nA: I go by Storm on the app.")) == ["Storm"]


def test_two_repeated_tokens_are_one_name() -> None:
    text = "A: The account is in my name, Rhodri Wyn Parry.\nP: Thanks.\nA: Sure. Rhodri Parry, yes, that's me."
    assert "Rhodri Parry" in [d.text for d in detect(text, language="en") if d.type == "PERSON"]


@settings(deadline=None, max_examples=10)
@given(st.sampled_from(["Desmon... eh, Desmi", "Marek... sorry, Marcin", "Ratih... maksudnya, Ratna"]))
def test_corrected_spans_are_the_words(pair: str) -> None:
    text = f"I: Itu kawan ambo {pair}, nan mambantu."
    for d in corrected_names(text):
        assert text[d.start : d.end] == d.text and d.text in pair


def test_tune_cases_floor() -> None:
    """The open part of this branch's cases (tune/; sealed/ is scored by aggregates only)."""
    report = evaluate(CASES / "tune")
    assert len(load_gold(CASES / "tune")) == 10
    assert report.per_type["PERSON"].recall >= 0.93
    assert report.per_type["PERSON"].precision >= 0.95
    assert report.overall.recall >= 0.94
