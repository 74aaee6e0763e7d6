"""Taiwan's names from maintained, licensed data (#11, surr24 item 3): the name lists abroad were short
hand-typed lists (about 20-50 per role); Taiwan's come from Faker's ``zh_TW`` provider (MIT): a Taiwanese
name keeps its tradition and gender, in both languages, from a Taiwan source or an Indonesian one, and its
surrogate is never an original of the project."""

from __future__ import annotations

import pytest

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.foreign_names import _lists, abroad_gender, name_tradition

SECRET = "7a" * 32
CASES = [
    ("id", "Majikan saya Nyonya {} di Taipei.", "Chen Shu-Fen", "f"),
    ("en", "My employer Mrs {} lives in Taichung.", "Huang Mei-Ling", "f"),
    ("id", "Anaknya, Tuan {}, baik.", "Lin Chih-Ming", "m"),
    ("en", "Her son Mr {} drove me.", "Tsai Chun-Chieh", "m"),
]


def test_the_lists_come_from_faker() -> None:
    lists = _lists()
    assert len(lists["taiwanese", "family", "u"]) >= 100
    assert len(lists["taiwanese", "given", "m"]) >= 90 and len(lists["taiwanese", "given", "f"]) >= 90
    assert not set(lists["taiwanese", "given", "m"]) & set(lists["taiwanese", "given", "f"])
    assert "Chia-Hao" in lists["taiwanese", "given", "m"] and "Chen" in lists["taiwanese", "family", "u"]


@pytest.mark.parametrize("region", ["TW", "35"])
@pytest.mark.parametrize(("language", "form", "name", "gender"), CASES)
def test_a_taiwanese_name_keeps_its_tradition_and_gender(
    region: str, language: str, form: str, name: str, gender: str
) -> None:
    text = form.format(name)
    start = text.index(name)
    mapping = KeyMapping(SECRET, region="35")
    mapping.reserve([c[2] for c in CASES])
    det = Detection(start, start + len(name), "PERSON", 0.9, "test", name)
    _new, reps = pseudonymise(text, [det], mode="surrogate", mapping=mapping, language=language, region=region)
    family, given = reps[0].replacement.split()
    assert name_tradition([family, given], region) == "taiwanese", reps[0].replacement
    assert family in _lists()["taiwanese", "family", "u"]
    assert abroad_gender(given, "taiwanese") == gender
    assert reps[0].replacement not in {c[2] for c in CASES}
    assert not {family, given} & {w for c in CASES for w in c[2].split()}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("name", "gender"), [("Li Po-Wen", "m"), ("Lien Kuan-Yu", "m"), ("Juan Pin-Yu", "f")])
def test_the_given_names_gender_before_other_lists_reading_of_the_family_name(
    language: str, name: str, gender: str
) -> None:
    # no honorific: the Taiwanese given name shows the gender; "Li" or "Lien" read as a woman's name elsewhere
    text = f"{'Kata' if language == 'id' else 'Said'} {name}."
    det = Detection(text.index(name), text.index(name) + len(name), "PERSON", 0.9, "test", name)
    for secret in (SECRET, "8" * 64, "9" * 64):
        mapping = KeyMapping(secret, region="35")
        _new, reps = pseudonymise(text, [det], mode="surrogate", mapping=mapping, language=language, region="TW")
        assert abroad_gender(reps[0].replacement.split()[1], "taiwanese") == gender, reps[0].replacement
