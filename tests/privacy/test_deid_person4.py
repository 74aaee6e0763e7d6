"""PERSON evidence that holds for other writers (branch deidperson4, #11): chat-export senders before a
message's time, names that are also ordinary words in the middle of a sentence, and the learned layer's
general features (wider name data, rare words, word classes around a token) and augmentation pools.

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from makna.privacy._augment import pools
from makna.privacy._evidence import context_classes, doc_people, rarity, wider_names
from makna.privacy._features import tokenize
from makna.privacy.chat_senders import stamped_senders
from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.types import Detection
from makna.privacy.wordnames import word_names

CASES = Path(__file__).resolve().parent / "deidperson4cases"


def _senders(text: str) -> dict[str, float]:
    return {d.text: d.confidence for d in stamped_senders(text)}


def test_a_sender_before_the_time_of_a_message() -> None:
    chat = "Bintang 20.41: bang, kapan?\nRizal Tanjung 20.55: sabar\nBintang 20.56: oke\nSekar 9:15 PM: omw"
    got = _senders(chat)
    assert got["Bintang"] == 0.8  # an ordinary word, but the sender of two lines
    assert got["Rizal Tanjung"] == 0.8  # no ordinary word
    assert "Sekar" in got


def test_a_single_sender_that_is_a_word_is_left_to_review() -> None:
    assert _senders("Bintang 20.41: halo") == {"Bintang": 0.6}


def test_pronouns_and_times_are_no_senders() -> None:
    assert _senders("Me 20.41: ok\nJam 10.30: rapat mulai\nSaya 10.31: siap") == {}
    assert _senders("Kami datang jam 20.41: terlambat.") == {}


@given(st.sampled_from(["Wulan", "kevo", "Adaeze Nnaji", "Bintang"]), st.sampled_from(["20.41", "9:15 PM", "07:02"]))
def test_sender_offsets(name: str, clock: str) -> None:
    text = f"P: Boleh dibaca?\n{name} {clock}: pesan\n{name} {clock}: lagi"
    found = list(stamped_senders(text))
    assert len(found) == 2
    assert all(text[d.start : d.end] == d.text == name for d in found)


def test_a_name_that_is_a_word_in_the_middle_of_a_sentence() -> None:
    assert [d.text for d in word_names("I: Kemarin aku titip kunci ke Budi, dia yang simpan.")] == ["Budi"]


def test_pronouns_of_respect_and_numbered_places_are_no_names() -> None:
    assert not list(word_names("P: Apa rencana Anda ke depan?"))
    assert not list(word_names("I: The buses go to Mile 12 market."))


def test_wider_name_data_and_rare_words() -> None:
    assert "Grzegorz" in wider_names()
    assert "g:wider" in rarity("Grzegorz", "grzegorz", False)
    assert rarity("Zorvandi", "zorvandi", False) == ("g:oov",)
    assert rarity("Motornya", "motornya", False) == ("g:root",)
    assert "g:name+word" in rarity("Intan", "intan", True)
    assert rarity("Kia", "kia", False) == ("g:brand",)


def test_word_classes_around_a_token() -> None:
    def classes(text: str, word: str) -> list[str]:
        toks = tokenize(text)
        return context_classes(toks, next(k for k, t in enumerate(toks) if t[2] == word))

    assert "-1c=kin" in classes("Tadi adiknya Zorvandi datang", "Zorvandi")
    assert "-1c=contact" in classes("Aku diblokir Zorvandi kemarin", "Zorvandi")
    assert "+1c=say" in classes("Terus Zorvandi bilang gitu", "Zorvandi")
    assert "-1c=coord" in classes("Ada Rina dan Zorvandi juga", "Zorvandi")
    assert "+1c=stamp" in classes("Zorvandi 20.41 : halo", "Zorvandi")
    assert "-1c=brand" in classes("I drive a Kia Zorvandi now", "Zorvandi")


def test_document_people_are_the_confident_person_words() -> None:
    rules = [
        Detection(0, 11, "PERSON", 0.9, "person.honorific", "Rina Sarage"),
        Detection(20, 24, "PERSON", 0.55, "person.wordname", "Embun"),
        Detection(30, 35, "LOCATION", 0.9, "location.gazetteer", "Solok"),
    ]
    assert doc_people(rules) == {"rina", "sarage"}


def test_augmentation_draws_from_the_wider_world_names() -> None:
    given_names = {n for group in pools().given for n in group}
    assert "Grzegorz" in given_names and "Mihaela" in given_names


def test_detect_finds_a_chat_senders_name() -> None:
    text = "I: Ini chatnya:\nBintang 20.41: bang, kapan dilunasi?\nBintang 20.56: bulan lalu juga bilang gitu"
    assert {d.text for d in detect(text, language="id") if d.type == "PERSON"} >= {"Bintang"}


def test_tune_cases_floor() -> None:
    """The open part of this branch's cases (tune/; sealed/ is scored by aggregates only)."""
    report = evaluate(CASES / "tune")
    assert len(load_gold(CASES / "tune")) == 10
    assert report.overall.recall >= 0.76  # 0.80 when written; 0.78 after round twelve's retraining (one case)
    assert report.untyped.recall >= 0.83  # 0.87 when written; 0.85 after round twelve's retraining


def test_naming_verbs_of_minang_reflexives_and_chat_thanks() -> None:
    def persons(text: str, language: str) -> set[str]:
        return {d.text for d in detect(text, language=language) if d.type == "PERSON"}

    assert "Embunan" in persons("I: Panggia ambo Embunan se, Kak.", "id")
    assert "Jasper" in persons("I: A lad who called himself Jasper messaged me twice.", "en")
    assert "Jasmine" in persons("I: ok thank u Jasmine!!", "en")
    assert not persons("I: Dia tulis Rabu depan.", "id")
