"""A short reading of round twenty's merged changes (#11, review20). Every sentence is invented for these tests.

The precision stage's detector-blind typer (type20) may retype a kept PERSON to LOCATION. A coarse place
(``India``, ``America``, ``Britain``: :func:`~makna.privacy.coarse.coarse_place`) is kept as it is by the
surrogates, so a person of that name retyped a place printed her name; review19 guarded the English retype pass
the same way, but the typer runs in both languages and before it.
"""

from __future__ import annotations

import pytest

from makna.privacy import detect, pseudonymise
from makna.privacy.precision import PrecisionStage, apply_stage, load_stage, stage_from_record, using_stage
from makna.privacy.types import Detection


def _typer_stage(cut: float) -> PrecisionStage:
    """The shipped stage with a one-feature typer (an artificial weight): ``lw=cousin`` says LOCATION."""
    shipped = load_stage()
    assert shipped is not None
    typer = PrecisionStage(
        ("LOCATION", "ORG", "PERSON"), (0.0, 0.0, 0.0), {"lw=cousin": (9.0, 0.0, 0.0)}, 1.01, 1.01, {}
    )
    stage = stage_from_record(shipped.as_record())
    stage.typer, stage.typer_cut = typer, cut
    return stage


def _person(text: str, name: str) -> list[Detection]:
    start = text.index(name)
    return [Detection(start, start + len(name), "PERSON", 0.9, "unknown.capitalised", name)]


@pytest.mark.parametrize("name", ["India", "America", "Britain"])
def test_the_typer_never_makes_a_person_a_place_kept_as_it_is(name: str) -> None:
    text = f"My cousin {name} waited for me there."
    with using_stage(_typer_stage(0.6)):
        assert [d.type for d in apply_stage(text, "en", _person(text, name))] == ["PERSON"]


def test_the_typer_still_retypes_a_name_that_is_no_coarse_place() -> None:
    text = "My cousin Quellby waited for me there."
    with using_stage(_typer_stage(0.6)):
        assert [d.type for d in apply_stage(text, "en", _person(text, "Quellby"))] == ["LOCATION"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("R: Teman saya India kerja malam. Kemarin kami ketemu di India, dekat pasar.", "id"),
        ("R: Namanya India, teman sekamar. Kemarin kami ketemu di India, dekat pasar.", "id"),
    ],
)
def test_a_person_named_like_a_country_does_not_print_in_indonesian(text: str, language: str) -> None:
    out, _ = pseudonymise(text, detect(text, language=language), mode="surrogate", language=language)
    assert "India" not in out


def test_a_stage_recorded_without_a_typer_loads_with_the_typer_off() -> None:
    shipped = load_stage()
    assert shipped is not None
    record = {k: v for k, v in shipped.as_record().items() if k not in {"typer", "typer_cut"}}
    stage = stage_from_record(record)
    assert stage.typer is None and stage.typer_cut > 1.0
    text = "My cousin India waited for me there."
    with using_stage(stage):
        assert [d.type for d in apply_stage(text, "en", _person(text, "India"))] == ["PERSON"]


# -- a schedule whose lines end in clock times is no transcription service's speaker lines (speakers.py) --


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        (
            "Jadwal hari Senin:\nSarapan 07:00\nSenam pagi 08:00\nSarapan 07:30\nMakan siang 12:00\nMakan siang 12:30",
            "id",
            ["Sarapan", "Senam pagi", "Makan siang"],
        ),
        ("Schedule:\nBreakfast 7:00\nMeeting 10:30\nBreakfast 7:30\nLunch 12:00\nLunch 12:30", "en",
         ["Breakfast", "Meeting", "Lunch"]),
    ],
)  # fmt: skip
def test_a_schedule_keeps_its_words(text: str, language: str, words: list[str]) -> None:
    out, _ = pseudonymise(text, detect(text, language=language), mode="surrogate", language=language)
    assert all(w in out for w in words)


def test_a_service_transcript_still_masks_its_speakers() -> None:
    text = "Rosa Tanjung  0:09\nSaya kerja di sini dua tahun.\n\nRosa Tanjung  0:40\nDulu di pasar."
    out, _ = pseudonymise(text, detect(text, language="id"), mode="surrogate", language="id")
    assert "Rosa" not in out and "Tanjung" not in out


# -- an answer to "how old" after a transcription service's speaker-and-stamp line (answers.py) --


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        ("Rina  0:02\nBerapa umur anaknya?\n\nSari  0:11\nEmpat tahun.\n\nRina  0:15\nOh ya.\n\nSari  0:20\nIya.",
         "id", "Empat tahun"),
        ("Sam  0:02\nHow old is your daughter?\n\nPriya  0:11\nFour.\n\nSam  0:15\nRight.\n\nPriya  0:20\nYes.",
         "en", "Four"),
    ],
)  # fmt: skip
def test_an_age_answered_under_a_service_label_is_found(text: str, language: str, age: str) -> None:
    assert ("AGE", age) in [(d.type, d.text) for d in detect(text, language=language)]
