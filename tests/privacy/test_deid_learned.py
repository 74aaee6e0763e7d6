"""The learned layer on top of the rule detectors (issue 11): shipped as package data, loaded offline, finds
identifiers the rules alone miss, never fires on speaker labels, and trains deterministically."""

from __future__ import annotations

import hashlib
import socket
from pathlib import Path

import pytest

from makna.privacy import Detection, detect
from makna.privacy.learned import DETECTOR, disabled, load_model
from makna.privacy.train import OPEN_SPLITS, Settings, examples, load_splits, split_dir, train

ROOT = Path(__file__).resolve().parents[2]


def test_model_loads_from_package_data_with_its_training_record() -> None:
    model = load_model()
    assert model is not None
    rec = model.record
    assert rec["splits"] and set(rec["splits"]) <= set(OPEN_SPLITS)
    assert not any(s.startswith("seal31") for s in rec["splits"])
    assert len(rec["data_sha256"]) == 64 and len(rec["model_sha256"]) == 64
    assert rec["seed"] == 11 and rec["command"] == "python -m makna.privacy.train"
    assert load_model() is model  # once per process


def test_runs_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert detect("I: Kerja di Sinar Mulia dulu, Kak.", language="id") is not None


# Hand-written sentences (not from any split): identifiers the rules alone miss, wholly or in part.
MISSED = [
    ("I: We always met at Bramble Court after work.", "en", "Bramble Court"),  # (the organisation context
    # model, retrained in round thirteen, now finds "We met at Tamarind Court" by itself: no longer a test here)
    ("I: The lads from Kestrel Yard all came along.", "en", "Kestrel Yard"),
    ("I: He lives Pennington side now.", "en", "Pennington"),  # "over Pennington way": the rules (en_context)
]


def _uncovered(text: str, target: str, found: list[Detection]) -> int:
    start = text.index(target)
    covered = bytearray(len(text))
    for d in found:
        covered[d.start : d.end] = b"\x01" * (d.end - d.start)
    return covered[start : start + len(target)].count(0)


@pytest.mark.parametrize(("text", "language", "target"), MISSED)
def test_model_finds_what_rules_miss(text: str, language: str, target: str) -> None:
    with disabled():
        rules = detect(text, language=language)
    assert _uncovered(text, target, rules) > 0, "the rules find it already: not a test"
    assert _uncovered(text, target, detect(text, language=language)) == 0


LABELS = [("P", "I"), ("Pewawancara", "Informan"), ("Interviewer", "Respondent"), ("Q", "A"), ("Int", "Resp"),
          ("Moderator", "R2"), ("Peneliti", "Narasumber"), ("Researcher", "Participant 4")]
TURNS = [
    "Jualan di kios sejak kecil.",
    "Lumayan, Kak, tapi capek.",
    "Nggak tentu, tergantung musim.",
    "Bisa jadi, asal ramai.",
    "Reckon it was the rent, mostly.",
    "Cheers, that helps.",
    "Depends on the weather.",
    "Weekends are mad busy.",
]


@pytest.mark.parametrize(("first", "second"), LABELS)
def test_never_fires_on_generic_speaker_labels(first: str, second: str) -> None:
    text = "\n".join(f"{first}: Gimana?\n{second}: {turn}" for turn in TURNS)
    for language in ("id", "en"):
        assert [d for d in detect(text, language=language) if d.detector == DETECTOR] == []


def test_sealed_sets_are_refused() -> None:
    for name in ("seal31", "sealed-deid", "tune99", "tune32"):  # tune32 is refused until a round opens it
        with pytest.raises(ValueError):
            split_dir(ROOT, name)


def test_training_is_deterministic(tmp_path: Path) -> None:
    data = examples(load_splits(ROOT, ("tune", "tune2")))
    settings = Settings(iterations=30)
    digests = []
    for run in ("a", "b"):
        record = train(data, tmp_path / run, settings)
        digests.append(record["model_sha256"])
        assert hashlib.sha256((tmp_path / run / record["model"]).read_bytes()).hexdigest() == record["model_sha256"]
    assert digests[0] == digests[1]


@pytest.mark.parametrize(("text", "whole"), [
    ("I: Anak-anak dari Lembah Harau juga ikut.", "Lembah Harau"),
    ("Kami mendaki lewat Lereng Merapi.", "Lereng Merapi"),
])
def test_a_geographic_type_word_joins_its_place(text: str, whole: str) -> None:
    """The type word of a place ("Lembah", valley) is part of the LOCATION span, as the corpus conventions say."""
    assert whole in [d.text for d in detect(text, language="id") if d.type == "LOCATION"]


def test_a_learned_name_never_starts_with_an_ordinary_word() -> None:
    """"Kemarin" (yesterday) opening the sentence is not part of a name; a name word that is also a word
    ("Bunga") stays in it."""
    for d in detect("Kemarin Bunga Lestari datang ke pasar.", language="id"):
        assert not d.text.startswith("Kemarin"), d


@pytest.mark.parametrize(
    ("detector", "expected"),
    [("person.self", "Neneng Sari"), ("person.honorific", "Neneng Sari"), ("person.gazetteer", "Abdi Neneng Sari")],
)
def test_the_model_never_extends_a_span_over_the_cue_that_found_it(detector: str, expected: str) -> None:
    import threading

    from makna.privacy.learned import LearnedModel, _adjust
    from makna.privacy.spans import Detection

    text = "Abdi Neneng Sari, ti Garut."
    model = LearnedModel(None, None, frozenset(), 0.5, 0.0, True, {}, threading.Lock())
    rule = Detection(5, 11, "PERSON", 0.9, detector, "Neneng")
    (out,) = _adjust(text, [rule], [(0, 16, "PERSON", 0.9)], model)
    # a cue-anchored span grows to the right only; any other span takes the model's whole span
    assert out.text == expected
