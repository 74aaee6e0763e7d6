"""An age in a field whose name says it is an age is proposed as AGE and replaced by the age policy (trial14: a
survey's ``Usia`` column kept ``tiga puluh delapan``); an age replaced in a transcript and met again in another field
(``rentang lima tahun``, a band's width) is a repeat to review like any other, never replaced by itself (#11). All
transcripts, names and values invented."""

from __future__ import annotations

from pathlib import Path

import pytest

import makna
from makna.errors import PrivacyError
from makna.privacy.ages import shift_age_text
from makna.privacy.field_ages import age_attribute, age_value
from makna.privacy.project import decide_all, review_entries, scan
from makna.privacy.project_apply import apply

PASS = "field ages passphrase"


@pytest.mark.parametrize(
    ("name", "age"),
    [
        ("Usia", True),
        ("umur_anak", True),
        ("Berapa umur Anda?", True),
        ("usia_kelompok", True),  # an age band: its values ("20-24") are not one age, below
        ("Age (years)", True),
        ("How old are you?", True),
        ("page", False),
        ("Usage", False),
        ("stage_of_study", False),
        ("lama_bekerja_tahun", False),
    ],
)
def test_an_attribute_named_for_age(name: str, age: bool) -> None:
    assert age_attribute(name) is age


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("tiga puluh delapan", "tiga puluh delapan"),
        ("38", "38"),
        ("38 tahun", "38 tahun"),
        ("7 tahun", "7 tahun"),
        ("duo puluah limo", "duo puluah limo"),  # Minang
        ("thirty-eight", "thirty-eight"),
        ("41 years old", "41 years old"),
        (" 52. ", "52"),
        ("20-24", None),  # a band is coarse already
        ("1985", None),
        ("Payakumbuh", None),
        ("sudah tua", None),
    ],
)
def test_a_value_that_is_one_age(value: str, found: str | None) -> None:
    det = age_value(value)
    assert (det.text if det is not None else None) == found
    if det is not None:
        assert value[det.start : det.end] == det.text and det.type == "AGE"


def _ages(project: makna.Project) -> dict[str, str]:
    return {
        e.source: e.text
        for e in review_entries(project)
        if e.field == "case_values.value" and e.type == "AGE" and e.confidence >= 0.5
    }


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_age_in_an_age_column_is_proposed_and_replaced(
    project: makna.Project, tmp_path: Path, language: str
) -> None:
    if language == "id":
        makna.import_text(project, "t.txt", "P: Sudah lama jualan?\nI: Sudah, dari dulu.\n", language="id")
        values = [("Usia", "tiga puluh delapan"), ("umur_anak", "7 tahun"), ("usia_kelompok", "35-39")]
    else:
        makna.import_text(project, "t.txt", "Q: Been riding long?\nA: A while now.\n", language="en")
        values = [("How old are you?", "thirty-eight"), ("Age", "41"), ("age band", "35-39")]
    for name, _value in values:
        makna.define_attribute(project, name, "text")
    makna.define_attribute(project, "note", "text")
    makna.add_case(project, "R1", values={**dict(values), "note": "38"})
    scan(project)
    assert _ages(project) == {f"value R1/{name}": value for name, value in values[:2]}
    decide_all(project, "accepted", min_confidence=0.5)
    decide_all(project, "rejected")
    apply(project, tmp_path / "k.key", PASS)
    case = next(c for c in makna.list_cases(project) if c.name == "R1")
    for name, value in values[:2]:
        new = str(case.values[name])
        assert new != value
        assert any(shift_age_text(value, n) == new for n in range(-9, 10) if n), new
    assert case.values[values[2][0]] == "35-39"
    assert case.values["note"] == "38"  # not named for age


TRANSCRIPTS = {
    "id": (
        "P: Anaknya umur berapa?\nI: Anak saya umurnya lima tahun, dititip sama ibu.\n",
        "Kelompok usia informan (rentang lima tahun).",
        "lima tahun",
    ),
    "en": (
        "Q: How old is your daughter?\nA: My daughter is five years old, she stays with my mum.\n",
        "Age group of the rider (bands of five years old and up).",
        "five years old",
    ),
}


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_age_met_again_in_another_field_is_reviewed_not_replaced_by_itself(
    project: makna.Project, tmp_path: Path, language: str
) -> None:
    text, description, age = TRANSCRIPTS[language]
    makna.import_text(project, "t.txt", text, language=language)
    makna.define_attribute(project, "kelompok", "text", description)
    scan(project)
    ages = [e for e in review_entries(project) if e.field == "sources.text" and e.type == "AGE"]
    assert [e.text for e in ages] == [age]
    decide_all(project, "accepted", sources=["t.txt"], min_confidence=0.5)
    key = tmp_path / "k.key"
    with pytest.raises(PrivacyError, match="occur again, unreviewed"):  # the repeat stops the apply until reviewed
        apply(project, key, PASS)
    scan(project)  # the README's second scan puts the repeat in the review; the researcher keeps it
    decide_all(project, "rejected")
    apply(project, key, PASS)
    assert age not in makna.get_source(project, "t.txt").text
    assert next(a for a in makna.list_attributes(project) if a.name == "kelompok").description == description
