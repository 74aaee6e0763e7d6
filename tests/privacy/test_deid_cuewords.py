"""Cue-word families and context rules added in the third round of issue 11 (makna.privacy.cuewords and the
speaker, catch-all and person changes beside it). Every case is an invented sentence, in both languages;
each guard is a case that must stay undetected."""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy import gazetteers as gz
from makna.privacy._fastrx import Trigger, gated_finditer
from makna.privacy.speakers import find_labels, legend_codes


def found(text: str, language: str = "id") -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in detect(text, language=language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # display names with spaces after a platform or account cue
        ("Kalau di TikTok akunnya Dapur Bu Sumi 77, Kak.", "id", ("Dapur Bu Sumi 77", "HANDLE")),
        ("Her Instagram is Sunny Side Bakes, look it up.", "en", ("Sunny Side Bakes", "HANDLE")),
        ("On Facebook, my name there is Grace Oti Mensah.", "en", ("Grace Oti Mensah", "HANDLE")),
        ("Cari di Shopee, nama toko Kerudung Rani Official ya.", "id", ("Kerudung Rani Official", "HANDLE")),
        ("Di IG namina warung.ceu.nining, sok mangga.", "id", ("warung.ceu.nining", "HANDLE")),
        # coded identity numbers after a document cue, and fixed shapes
        ("My passport is K7712093 and it expires soon.", "en", ("K7712093", "NATIONAL_ID")),
        ("Nomor paspor saya B 4417720, masih berlaku.", "id", ("B 4417720", "NATIONAL_ID")),
        ("My registration PIN is 19B0342C, checked online.", "en", ("19B0342C", "NATIONAL_ID")),
        ("The PAN on the form was AQWPT8812K.", "en", ("AQWPT8812K", "NATIONAL_ID")),
        ("They copied GHA-123456789-0 from my card.", "en", ("GHA-123456789-0", "NATIONAL_ID")),
        # dates: chat-export day/month stamps, a day in words before a month, a dotted stamp is no phone
        ("12/03 09:15 - Rina: halo Kak", "id", ("12/03", "DATE")),
        ("Tanggal dua puluh tiga Maret saya pulang.", "id", ("Tanggal dua puluh tiga Maret", "DATE")),
        ("On the twenty-first of May we left port.", "en", ("the twenty-first of May", "DATE")),
        ("[05.06.2023 14:02] Dewi: iya", "id", ("05.06.2023", "DATE")),
        # ages: a particle or suffix after the cue, Minang and Sundanese number words, answers, apposition
        ("Umurna tos 58 taun, Jang.", "id", ("58 taun", "AGE")),
        ("Umua ambo tigo puluah ampek, Ni.", "id", ("tigo puluah ampek", "AGE")),
        ("P: Umurnya berapa, Bu?\nI: 45, suami 50.", "id", ("45", "AGE")),
        ("P: Umurnya berapa, Bu?\nI: 45, suami 50.", "id", ("50", "AGE")),
        ("Q: How old are you?\nA: 29, my wife 31.", "en", ("31", "AGE")),
        ("I'm Joanna Reyes, 37, from Cebu.", "en", ("37", "AGE")),
        # organisations: acronyms after a work or study phrase, a name after "called"
        ("Dia kuliah di UNPAS dulu, jurusan hukum.", "id", ("UNPAS", "ORG")),
        ("My pay goes to my account at KPRB every week.", "en", ("KPRB", "ORG")),
        ("I came through an agency called Bright Path Placements last year.", "en",
         ("Bright Path Placements", "ORG")),
        ("Modalnya pinjam dari KSP Harapan Warga di pasar.", "id", ("KSP Harapan Warga", "ORG")),
        # persons: a name in apposition to a person noun, after a police rank
        ("Another girl, Wulan, came later that night.", "en", ("Wulan", "PERSON")),
        ("PC Dawson stopped us outside.", "en", ("Dawson", "PERSON")),
        ("Kami diperiksa Bripka Santoso semalaman.", "id", ("Santoso", "PERSON")),
        # a town named like a person after a place preposition
        ("He lives in Beverley now, near his sister.", "en", ("Beverley", "LOCATION")),
    ],
)
def test_cue_families_find(text: str, language: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, language)


@pytest.mark.parametrize(
    ("text", "language", "absent"),
    [
        ("Saya cek BPJS dengan petugas kemarin.", "id", "BPJS"),
        ("My licence was renewed in 2019.", "en", "2019"),
        ("Jam 12.30 kami ketemu di depan.", "id", "12.30"),
        ("The captain was Portuguese, very strict.", "en", "Portuguese"),
        ("Dia orang Dayak Ngaju, dari hulu.", "id", "Ngaju"),
        ("My National Insurance letter came late.", "en", "My National Insurance"),
        ("I can't say. One woman, I'll call her X, left.", "en", "I'll"),
    ],
)
def test_cue_family_guards(text: str, language: str, absent: str) -> None:
    assert all(t != absent for t, _ in found(text, language))


def test_group_name_stays_an_organisation() -> None:
    assert ("Ojek Pangkalan Sejahtera", "ORG") in found("Ada grup Facebook Ojek Pangkalan Sejahtera di sana.")


@pytest.mark.parametrize(
    ("header", "codes"),
    [
        ("Labels: INT = interviewer, XR = respondent.", {"int", "xr"}),
        ("Label: PWC = pewawancara, NS = narasumber.", {"pwc", "ns"}),
        ("Facilitator: FCL. Participants by first name.", {"fcl"}),
        ("Moderator: Sari\nSari: ok", set()),  # a name never becomes a role
    ],
)
def test_legend_codes(header: str, codes: set[str]) -> None:
    assert legend_codes(header) == codes


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Labels: INT = interviewer, XR = respondent.\nINT: Hello again.\nXR: Sejak kecil saya di sini.", "id"),
        ("Kode: PWN = pewawancara, INF = informan.\nPWN: Mulai ya.\nINF: Karena itu saya pindah.", "id"),
        ("Research Team: Thanks for coming.\nXR: Because of the rent, mostly.", "en"),
        ("Tim Peneliti: Terima kasih, Bu.\nInforman: Pernah, dulu sekali.", "id"),
    ],
)
def test_declared_and_team_labels_are_never_detected(text: str, language: str) -> None:
    assert found(text, language) == []


def test_a_name_label_with_an_emoji_is_a_person() -> None:
    text = "[01/02/2024 10:00] Dewi 🌼: iya Kak\n[01/02/2024 10:02] Peneliti: makasih"
    labels = find_labels(text)
    assert [text[lab.person[0] : lab.person[1]] for lab in labels if lab.person] == ["Dewi"]


def test_demonyms_come_from_the_shipped_list() -> None:
    words = gz.demonyms()
    assert {"Portuguese", "Taiwanese", "Dayak"} <= words
    assert "Bali" not in words and "Karen" not in words  # places and first names stay identifiers
    assert words <= gz.stop_caps()


@pytest.mark.parametrize("literals", [["ab"], ["ab", "cd", "ef"], [f"w{i}" for i in range(12)]])
def test_trigger_gate_gives_the_regex_gate_lines(literals: list[str]) -> None:
    import re

    text = "xx ab yy\nnothing\ncd and w3 here\nw11 ef\n\nlast ab"
    rx = re.compile(r"\w+")
    gate = Trigger(literals)
    fast = [m.span() for m in gated_finditer(rx, gate, text)]
    slow = [m.span() for m in gated_finditer(rx, gate.rx, text)]
    assert fast == slow and fast
