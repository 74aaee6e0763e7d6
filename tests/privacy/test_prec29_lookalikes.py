"""prec29 (issue #11): look-alikes in both languages.

* the learned layer alone never makes a word in capitals a PERSON unless a given-name or surname list knows it
  in title case ("urus SKCK dulu", "the DVLA wrote" are short forms; "ketemu RINA" is a name in capitals);
* the organisation context model never adds a span without a letter (a number left when a capitalised run's stop
  word was trimmed: "kerja di Grab 2 tahun");
* a language's name in a language's frame is no identifier ("my Tagalog is zero"); a name or a place is kept.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from makna.privacy import detect, learned
from makna.privacy._text import cap_runs
from makna.privacy.language_names import language_names, names_a_language
from makna.privacy.orgcontext import OrgContextModel, decide
from makna.privacy.types import Detection


def _refined(monkeypatch: pytest.MonkeyPatch, text: str, word: str, kind: str, language: str) -> list[str]:
    """The spans ``refine`` keeps when the model proposes ``word`` as ``kind`` and no rule fired."""
    start = text.index(word)
    monkeypatch.setattr(learned, "load_model", lambda: SimpleNamespace(retype=False, extend=False))
    monkeypatch.setattr(learned, "model_spans", lambda *_a, **_k: [(start, start + len(word), kind, 0.9)])
    with learned.using(None):  # type: ignore[arg-type]
        got = learned.refine(text, text, language, [], cap_runs(text))
    return [f"{d.type}:{d.text}" for d in got]


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Waktu itu saya urus SKCK dulu di kantor.", "SKCK", "id"),
        ("Terus KJP anak saya belum cair.", "KJP", "id"),
        ("Then the DVLA wrote to me again.", "DVLA", "en"),
        ("I showed them my BRP and they laughed.", "BRP", "en"),
    ],
)
def test_a_short_form_in_capitals_is_no_learned_person(
    monkeypatch: pytest.MonkeyPatch, text: str, word: str, language: str
) -> None:
    assert _refined(monkeypatch, text, word, "PERSON", language) == []


@pytest.mark.parametrize(
    ("text", "word", "kind", "language"),
    [
        ("Saya ketemu RINA di pasar kemarin.", "RINA", "PERSON", "id"),  # a listed given name, in capitals
        ("My landlord JAMES never answers.", "JAMES", "PERSON", "en"),
        ("Saya ketemu Ranteli di pasar kemarin.", "Ranteli", "PERSON", "id"),  # title case: the model's own call
        ("The rent goes to Wexbury Homes now.", "Wexbury Homes", "ORG", "en"),
        ("Dulu saya kerja di KOPSAR tiga tahun.", "KOPSAR", "ORG", "id"),  # capitals as an organisation stay
    ],
)
def test_the_learned_layer_keeps_names_and_organisations(
    monkeypatch: pytest.MonkeyPatch, text: str, word: str, kind: str, language: str
) -> None:
    assert _refined(monkeypatch, text, word, kind, language) == [f"{kind}:{word}"]


@pytest.mark.parametrize(
    "text",
    ["Saya kerja di Grab 2 tahun, lalu di Kopsarindo.", "I rode for Uber 2 years, then for Wexbury."],
)
def test_the_context_model_adds_no_span_without_a_letter(text: str) -> None:
    runs = cap_runs(text)
    got = decide(OrgContextModel(9.0, {}, 0.7, 0.8), text, [], runs)  # a model that adds every candidate
    assert [d.text for d in got] == [text.split()[-1].rstrip(".")]  # the name, never the number


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Thank you for doing this in English, my Tagalog is zero.", "Tagalog", "en"),
        ("We go to the Tagalog mass after work on Sundays.", "Tagalog", "en"),
        ("The notes keep some Twi where she switched.", "Twi", "en"),
        ("Misa pakai Tetum, sermon in Tetum juga kadang-kadang.", "Tetum", "id"),
        ("Dia ikut kursus, learning Cantonese dari temannya.", "Cantonese", "id"),
    ],
)
def test_a_language_in_a_language_frame_is_no_identifier(text: str, word: str, language: str) -> None:
    start = text.rindex(word)
    det = Detection(start, start + len(word), "PERSON", 0.4, "unknown.capitalised", word)
    assert names_a_language(text, det)


@pytest.mark.parametrize(
    ("text", "word", "detector"),
    [
        ("My Tagalog friend Rowena is here.", "Tagalog", "unknown.capitalised"),  # no language frame
        ("Everybody calls me Mari, Mari is fine.", "Mari", "person.intro"),  # a cue of its own
        ("She speaks Bali slang, she is from Bali.", "Bali", "location.gazetteer"),  # a place list knows it
        ("I speak Ranteli at home.", "Ranteli", "unknown.capitalised"),  # no language the CLDR knows
    ],
)
def test_a_name_or_a_place_is_never_taken_for_a_language(text: str, word: str, detector: str) -> None:
    start = text.index(word)
    det = Detection(start, start + len(word), "PERSON", 0.4, detector, word)
    assert not names_a_language(text, det)


def test_the_language_list_is_cldr_less_names_and_places() -> None:
    names = language_names()
    assert {"Tagalog", "Twi", "Tetum"} <= names
    assert not names & {"Bali", "Aceh", "Shona"}


@pytest.mark.parametrize(
    ("text", "language", "word", "name"),
    [
        ("Thank you for doing this in English, my Tagalog is zero. Rowelyn helps me.", "en", "Tagalog", "Rowelyn"),
        ("Kami ke misa, the mass in Tetum, sama Bu Rosalina.", "id", "Tetum", "Rosalina"),
    ],
)
def test_detect_drops_the_language_and_keeps_the_name(text: str, language: str, word: str, name: str) -> None:
    got = {d.text for d in detect(text, language=language)}
    assert word not in got
    assert name in got


@pytest.mark.parametrize(
    ("text", "word"),
    [("SAYA KETEMU RANTELI DI PASAR KEMARIN.", "RANTELI"), ("THEN I RANG KOFIRAH ABOUT THE RENT.", "KOFIRAH")],
)
def test_in_a_line_typed_in_capitals_the_learned_layer_keeps_a_name(
    monkeypatch: pytest.MonkeyPatch, text: str, word: str
) -> None:
    assert _refined(monkeypatch, text, word, "PERSON", "id") == [f"PERSON:{word}"]
