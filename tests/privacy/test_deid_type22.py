"""type22 (issue #11): a name the sentence itself says is an organisation is an ORG (``groupnames``)."""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.groupnames import said_to_be_orgs
from makna.privacy.types import Detection


def _det(text: str, name: str, kind: str, detector: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), kind, 0.5, detector, name)


def _type_of(text: str, name: str, language: str) -> str | None:
    start = text.index(name)
    over = [d for d in detect(text, language=language) if d.start < start + len(name) and start < d.end]
    return over[0].type if over else None


@pytest.mark.parametrize(
    ("text", "name", "kind", "detector"),
    [
        ("I: On Thursdays I go to Velmora, it's a group for carers.", "Velmora", "LOCATION", "location.en_moving"),
        ("I: We joined Tindaro, which is a burial society back home.", "Tindaro", "PERSON", "unknown.capitalised"),
        ("I: She's a member of Ombesa now.", "Ombesa", "PERSON", "unknown.capitalised"),
        ("I: Our group, Sahora, meets in the hall.", "Sahora", "PERSON", "learned"),
        ("I: Kami ada Rindang Sejati, itu paguyuban kami.", "Rindang Sejati", "PERSON", "unknown.capitalised"),
        ("I: Uangnya kami simpan di Sakato Basamo, koperasi kami di nagari.", "Sakato Basamo", "LOCATION", "learned"),
        ("I: Dia anggota Lentera Pagi sejak tahun lalu.", "Lentera Pagi", "PERSON", "unknown.capitalised"),
        ("I: Ada kelompok kami, namanya Sinar Pagi.", "Sinar Pagi", "PERSON", "person.intro"),
        ("I: Pobindu Kalesi itu kelompok kami di kampung.", "Pobindu Kalesi", "PERSON", "unknown.capitalised"),
        ("I: I go to Velmora on Thursdays. It's a group for carers.", "Velmora", "LOCATION", "location.en_moving"),
        ("I: Saya ke Rindang Jaya tiap Jumat. Itu kelompok tani kami.", "Rindang Jaya", "LOCATION", "location.cue"),
    ],
)
def test_a_name_said_to_be_an_organisation_is_an_org(text: str, name: str, kind: str, detector: str) -> None:
    (out,) = said_to_be_orgs(text, [_det(text, name, kind, detector)])
    assert out.type == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "kind", "detector"),
    [
        ("I: My neighbour Kirsty, she's a nurse, drove me.", "Kirsty", "PERSON", "unknown.capitalised"),
        ("I: Then Obinna, our group leader, phoned them.", "Obinna", "PERSON", "unknown.capitalised"),
        ("I: I asked Tendai, a friend from church, to help.", "Tendai", "PERSON", "unknown.capitalised"),
        ("I: A friend from the union, Tavita, came with me.", "Tavita", "PERSON", "unknown.capitalised"),
        ("I: Tavita is a member of the church.", "Tavita", "PERSON", "unknown.capitalised"),
        ("I: Kami kumpul di Pasar Raya, itu pasar besar.", "Pasar Raya", "LOCATION", "location.cue"),
        ("I: Ketua kelompok itu Jemmyna.", "Jemmyna", "PERSON", "unknown.capitalised"),
        ("I: Dijanjikan kerja oleh agen, Ferdi Hulu, dari CV Maju.", "Ferdi Hulu", "PERSON", "unknown.capitalised"),
        ("I: Ada grup Facebook namanya Riders Hull.", "Riders Hull", "PERSON", "person.intro"),
        ("I: My daughter is called Tenbyra, after a town.", "Tenbyra", "PERSON", "person.intro"),
        ("I: Her name is Velmora, it's a group name too.", "Velmora", "PERSON", "person.self"),
        ("I: I went with Sarah. It is a group for carers.", "Sarah", "PERSON", "person.gazetteer"),
    ],
)
def test_look_alikes_keep_their_type(text: str, name: str, kind: str, detector: str) -> None:
    (out,) = said_to_be_orgs(text, [_det(text, name, kind, detector)])
    assert out.type == kind


def test_another_name_before_the_next_sentence_blocks_it() -> None:
    text = "I: I go to Velmora with Tindaro. It's a group for carers."
    dets = [
        _det(text, "Velmora", "LOCATION", "location.en_moving"),
        _det(text, "Tindaro", "PERSON", "unknown.capitalised"),
    ]
    assert [d.type for d in said_to_be_orgs(text, dets)] == ["LOCATION", "ORG"]


def test_a_listed_place_needs_a_copula() -> None:
    text = "I: We meet near Dundee, the club I coach, on Sundays."
    (out,) = said_to_be_orgs(text, [_det(text, "Dundee", "LOCATION", "location.gazetteer")])
    assert out.type == "LOCATION"


def test_other_mentions_follow_and_other_types_stay() -> None:
    text = "I: Velmora, it's a group for carers. Velmora meets at Ardwick on Thursdays."
    first = _det(text, "Velmora", "PERSON", "unknown.capitalised")
    second = Detection(text.rindex("Velmora"), text.rindex("Velmora") + 7, "PERSON", 0.5, "person.repeat", "Velmora")
    place = _det(text, "Ardwick", "LOCATION", "location.gazetteer")
    out = said_to_be_orgs(text, [first, second, place])
    assert [d.type for d in out] == ["ORG", "ORG", "LOCATION"]


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("I: After the deactivation I went to Quellan, that's a riders' union, they helped me.", "Quellan", "en"),
        ("I: Tiap Jumat saya ke Tunas Harapan, yaitu komunitas ojol perempuan di Makassar.", "Tunas Harapan", "id"),
    ],
)
def test_whole_pipeline(text: str, name: str, language: str) -> None:
    assert _type_of(text, name, language) == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "kind", "detector"),
    [
        # a person found as the subject of a verb ("Harjanto told me") is no next sentence's "it" (review22)
        ("I: Then Harjanto told me. It was a church, back then.", "Harjanto", "PERSON", "person.did"),
        # a place a place list knows needs a copula after it, as the module says: the next sentence's "itu"
        # is as often the place's own thing (review22)
        ("I: Saya tinggal di Kedungrejo sejak kecil. Itu kelompok arisan ibu-ibu.", "Kedungrejo", "LOCATION",
         "location.gazetteer"),
    ],
)
def test_the_next_sentence_retypes_no_cued_person_nor_listed_place(
    text: str, name: str, kind: str, detector: str
) -> None:
    (out,) = said_to_be_orgs(text, [_det(text, name, kind, detector)])
    assert out.type == kind
