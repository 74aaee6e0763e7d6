"""Speaker labels are structure, not content (issue 11): generic role labels are never detected and never
act as a cue, in either language; a label that is a person's name is a PERSON in every turn."""

from __future__ import annotations

import pytest

from makna.privacy import KeyMapping, detect, pseudonymise
from makna.privacy.speakers import find_labels, is_generic_label, mask_labels

# (interviewer label, informant label) pairs: every style the issue names, plus numbered participants.
GENERIC_PAIRS = [
    ("P", "I"),
    ("Pewawancara", "Informan"),
    ("Peneliti", "Narasumber"),
    ("Peneliti", "Responden"),
    ("Interviewer", "Respondent"),
    ("Interviewer", "Interviewee"),
    ("Researcher", "Participant"),
    ("Q", "A"),
    ("Int", "Resp"),
    ("Moderator", "R1"),
    ("Moderator", "P2"),
    ("Fasilitator", "Peserta 3"),
    ("INTERVIEWER", "PARTICIPANT 3"),
    ("Interviewer", "Speaker B"),
]
# Turns whose first word is an ordinary word (also a cue word or a name-like capital after a label).
ID_TURNS = [
    "Sejak tahun lalu aku narik ojek.",
    "Karena mahal, Kak, jadi aku berhenti.",
    "Pernah sekali, waktu hujan deras.",
    "Sayur dari pasar, diantar pagi-pagi.",
    "Horas, Inang. Sehat?",
    "Dari kecil aku bantu di kios.",
    "Umurku sudah tua, Nak.",
    "Sugeng siang, Mas.",
]
EN_TURNS = [
    "Since the spring I have been riding most days.",
    "Honestly it was hard at first.",
    "Course, happy to help.",
    "Mostly evenings, after the school run.",
    "Brutal, if I'm honest.",
    "Sure, go ahead.",
    "Nine years now, give or take.",
    "Grace period is two days, they said.",
]


def _transcript(first: str, second: str, turns: list[str]) -> str:
    lines = []
    for i, turn in enumerate(turns):
        lines.append(f"{first}: Boleh cerita?" if i % 2 else f"{first}: Could you say more?")
        lines.append(f"{second}: {turn}")
    return "\n".join(lines)


@pytest.mark.parametrize(("first", "second"), GENERIC_PAIRS)
@pytest.mark.parametrize("language", ["id", "en"])
def test_generic_labels_give_no_detection(first: str, second: str, language: str) -> None:
    text = _transcript(first, second, ID_TURNS if language == "id" else EN_TURNS)
    assert detect(text, language=language) == []
    labels = find_labels(text)
    assert len(labels) == 2 * len(ID_TURNS) and all(lab.person is None for lab in labels)


@pytest.mark.parametrize("language", ["id", "en"])
def test_generic_labels_in_chat_exports_and_timestamps(language: str) -> None:
    text = (
        "[00:01:12] Interviewer: Could you say more?\n"
        "[00:01:15] Respondent: Sejak tahun lalu, honestly.\n"
        "00:02:03 Informan: Karena mahal.\n"
        "P: Ada tamu? I: Ada, tapi jarang.\n"
    )
    assert detect(text, language=language) == []


@pytest.mark.parametrize(
    "label",
    [
        "P",
        "I",
        "Q",
        "A",
        "Int",
        "Resp",
        "R1",
        "P12",
        "Moderator",
        "Peserta 2",
        "Participant 3",
        "Informan 1",
        "Speaker A",
        "Catatan peneliti",
        "Researcher's note",
        "Pewawancara",
        "Narasumber",
        "FG1-P3",
    ],
)
def test_is_generic_label(label: str) -> None:
    assert is_generic_label(label)


@pytest.mark.parametrize("label", ["Sari", "Tunde", "Adaeze Nwosu", "Mbak Rina", "Kata Sari"])
def test_name_is_not_generic(label: str) -> None:
    assert not is_generic_label(label)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("P: Namanya siapa?\nSari: Pernah, Kak. Karena mahal.\nP: Terus?\nSari: Sejak itu berhenti.", ["Sari"] * 2),
        ("Researcher: Thanks.\nTunde: Since March, yes.\nResearcher: And?\nTunde: Honestly, no.", ["Tunde"] * 2),
        ("Researcher: Hello.\nBill: Hello there.", ["Bill"]),
        ("Peneliti: Halo.\nMbak Rina: Halo juga.\nPeneliti: Sehat?\nMbak Rina: Sehat.", ["Rina"] * 2),
        (
            "12/03/2024, 10:15 - Tolu Bakare: Morning.\n[12/03/2024, 10:21:09] Adaeze Nwosu: Morning ma.",
            ["Tolu Bakare", "Adaeze Nwosu"],
        ),
        ("04/02/24 19.02 - Andi Tenri: Assalamualaikum.\n04/02/24 19.10 - Nurul: Iya.", ["Andi Tenri", "Nurul"]),
    ],
)
def test_name_labels_are_persons(text: str, names: list[str]) -> None:
    found = [d for d in detect(text) if d.detector == "person.speaker"]
    assert [d.text for d in found] == names
    assert all(d.type == "PERSON" for d in found)
    # nothing else on a label line but the name (and a chat export's date)
    others = [d for d in detect(text) if d.type not in {"PERSON", "DATE"}]
    assert others == []


def test_name_label_replaced_consistently_in_every_turn() -> None:
    text = "P: Boleh kenalan?\nSari: Pernah, Kak.\nP: Lalu?\nSari: Karena mahal. Sari capek, Kak.\nP: Oke."
    dets = detect(text)
    assert [d.text for d in dets] == ["Sari", "Sari", "Sari"]
    new, _ = pseudonymise(text, dets, mode="surrogate", mapping=KeyMapping(secret="ab" * 32))
    assert "Sari" not in new
    lines = new.split("\n")
    label_1, label_2 = lines[1].split(":")[0], lines[3].split(":")[0]
    assert label_1 == label_2 and lines[3].count(label_1) == 2
    assert lines[0] == "P: Boleh kenalan?" and lines[1].endswith(": Pernah, Kak.")


def test_mask_keeps_offsets() -> None:
    text = "Informan: Sejak itu.\nP: Oh."
    masked = mask_labels(text, find_labels(text))
    assert len(masked) == len(text) and masked.startswith("......... Sejak") and "\n..: Oh." not in masked
