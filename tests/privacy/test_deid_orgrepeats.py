"""Organisations by the same name elsewhere, by a brand's shape, by Minang work words and by one list of job
nouns (makna.privacy.orgshapes, employers, orgcues, _orgheads; issue #11, branch deidorg5).

Every sentence here is invented for the test; none comes from a corpus transcript.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from makna.privacy import detect
from makna.privacy._orgheads import JOB_NOUNS, JOB_WORDS
from makna.privacy.evaluate import evaluate
from makna.privacy.orgshapes import find_shaped_orgs

CASES = Path(__file__).resolve().parent / "deidorg5cases"


def _types(text: str, language: str) -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in detect(text, language=language)]


def test_a_repeat_takes_the_type_a_work_cue_gave_the_name() -> None:
    text = (
        "P: Kini Uni karajo di ma?\nI: Jago kasir di Lembayung Permai, di pasar.\n"
        "P: Di Lembayung Permai itu berapa lama?\nI: Baru duo bulan."
    )
    found = _types(text, "id")
    assert found.count(("Lembayung Permai", "ORG")) == 2, found


def test_a_place_named_by_its_kind_word_is_not_made_an_org_by_a_repeat() -> None:
    text = "P: Tinggal di mana?\nI: Di Kos Kembang Jati, dakek pasar. Urang Kembang Jati ramah-ramah."
    found = _types(text, "id")
    assert ("Kembang Jati", "ORG") not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A mate said try Snackr, the pay is weekly.", "Snackr"),
        ("Mornings I do food on Pickr, evenings I sleep.", "Pickr"),
    ],
)
def test_a_word_made_from_a_verb_without_its_e_is_a_brand(text: str, name: str) -> None:
    assert (name, "ORG") in _types(text, "en")


@pytest.mark.parametrize("text", ["Petr rang me at nine.", "The Master said no.", "We met by the River."])
def test_a_listed_name_or_an_ordinary_word_is_no_brand(text: str) -> None:
    assert not [d for d in find_shaped_orgs(text) if d.detector == "org.brandshape"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I: Gaji di Tenggara Jaya Abadi kurang, ambo baliak.", "Tenggara Jaya Abadi"),
        ("I: Suami karajo di Tunas Baru Makmur, urus gudang.", "Tunas Baru Makmur"),
        ("I: Ambo cari tambahan di Katering Dapua Bundo.", "Katering Dapua Bundo"),
    ],
)
def test_minang_work_words_and_a_caterer_name_an_employer(text: str, name: str) -> None:
    assert (name, "ORG") in _types(text, "id")


def test_one_list_of_job_nouns_serves_both_modules() -> None:
    from makna.privacy import orgcues, orgshapes

    assert orgcues._JOB is JOB_NOUNS
    assert JOB_WORDS <= orgshapes._JOB_WORDS
    for word in ("kasir", "pelayan", "cashier", "kitchen porter", "tukang cuci", "bagian gudang", "sopir"):
        assert re.fullmatch(rf"(?i:{JOB_NOUNS})", word), word


def test_tune_cases_floor() -> None:
    report = evaluate(CASES / "tune")
    assert report.overall.recall >= 0.8
    assert report.untyped.recall >= 0.95
