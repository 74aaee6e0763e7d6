"""english23 (issue #11): English names that a late filter took for look-alikes, and their look-alikes."""

from __future__ import annotations

import pytest

from makna.privacy import Detection
from makna.privacy.lookalikes import drop_lookalikes


def _org(text: str, name: str, detector: str = "learned") -> Detection:
    at = text.index(name)
    return Detection(at, at + len(name), "ORG", 0.8, detector, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A: The loan was from Harwick Home Credit, they rang every week.", "Harwick Home Credit"),
        ("A: I borrowed from Quickfair Credit in Lagos.", "Quickfair Credit"),
        ("A: My cousin works at Tallowby Pay, the payments firm.", "Tallowby Pay"),
        ("A: She manages the Brindle Youth Programme in Kingston.", "Brindle Youth Programme"),
    ],
)
def test_a_firm_named_with_a_schemes_last_word_stays_an_organisation(text: str, name: str) -> None:
    for detector in ("learned", "org.suffix"):
        org = _org(text, name, detector)
        assert drop_lookalikes(text, "en", [org]) == [org]


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("A: I'm on Universal Credit since March.", "Universal Credit", "en"),
        ("A: We get the Child Support Grant for the little one.", "Child Support Grant", "en"),
        ("A: I was on Jobseeker’s Allowance for a year.", "Jobseeker’s Allowance", "en"),
        ("A: She gets the Age Pension and Rent Assistance.", "Age Pension and Rent Assistance", "en"),
        ("J: Dulu dapat Kartu Prakerja.", "Kartu Prakerja", "id"),
        ("J: Kami dapat Bantuan Langsung Tunai.", "Bantuan Langsung Tunai", "id"),
    ],
)
def test_a_public_scheme_is_still_no_organisation(text: str, name: str, language: str) -> None:
    assert drop_lookalikes(text, language, [_org(text, name)]) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A: I work for a family in Claremont, Mrs van Rooyen, three days a week.", "Rooyen"),
        ("A: The agency placed me with Mr de Souza and his mother.", "Souza"),
        ("A: My employer then, Nomvula van Wyk, kept my passport.", "Nomvula"),
        ("A: The company said no, until Adwoa's cousin told them the law.", "Adwoa"),
        ("A: I worked for a cleaning firm. Then Rangi's brother found me a better job.", "Rangi"),
    ],
)
def test_a_person_near_a_work_question_is_a_person_not_an_employer(text: str, word: str) -> None:
    from makna.privacy.places import find_unknown_orgs

    assert {d.type for d in find_unknown_orgs(text) if word in d.text} == {"PERSON"}, list(find_unknown_orgs(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A: I drive for a platform, mostly Zoomly, sometimes Velbrix if it is quiet.", "Velbrix"),
        ("A: The agency was on Moi Avenue, they took Tumaini's fee from my first salary.", "Tumaini"),
        ("A: I work for myself through a matching platform, Kindred, most weeks.", "Kindred"),
    ],
)
def test_an_employer_near_a_work_question_stays_an_organisation(text: str, word: str) -> None:
    from makna.privacy.places import find_unknown_orgs

    assert {d.type for d in find_unknown_orgs(text) if word in d.text} == {"ORG"}
