"""Which people one source makes one family (:mod:`makna.privacy.families`, issue #11, round twenty-five), and
the tradition a name or a family tells. Fictional names."""

from __future__ import annotations

import pytest

from makna.privacy import Detection
from makna.privacy.families import family_groups, family_lineage, name_lineage


def _groups(text: str, names: list[str]) -> list[list[str]]:
    dets, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        dets.append(Detection(start, start + len(name), "PERSON", 0.9, "t", name))
        pos = start + len(name)
    return family_groups(text, dets)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Oluwaseun Adeyemi lives with her daughter Ngozi.", ["Oluwaseun Adeyemi", "Ngozi"]),
        ("Tomasz: My husband, Dawid, drives at night.", ["Tomasz", "Dawid"]),
        ("Helen met Priya's brother Arjun.", ["Priya", "Arjun"]),
        ("Rhiannon looks after Owain, her son, on weekends.", ["Rhiannon", "Owain"]),
        ("Sri: Anak saya Yanti sekolah di Kendari.", ["Sri", "Yanti"]),
        ("Bu Sri cerita, adiknya Rudi kerja di Batam.", ["Sri", "Rudi"]),
        ("Nama saya Wayan. Istri saya, Kadek, jualan canang.", ["Wayan", "Kadek"]),
        ("Pak Joko datang bersama ayahnya, Pak Slamet.", ["Joko", "Slamet"]),
        ("Priya: My uncle, Mr Patel, runs the shop.", ["Priya", "Patel"]),
        ("Siti, istri Pak Budi, membuka warung.", ["Siti", "Budi"]),
        ("Saya dan Rina Siregar ketemu Horas Siregar di gereja.", ["Rina Siregar", "Horas Siregar"]),
        ("Ahmad bin Usman dan Siti binti Usman datang.", ["Ahmad bin Usman", "Siti binti Usman"]),
        ("Ahmad bin Usman datang. Usman Hasan ayahnya.", ["Ahmad bin Usman", "Usman Hasan"]),
        ("Mrs Adeyemi came with Tunde Adeyemi.", ["Adeyemi", "Tunde Adeyemi"]),
    ],
)
def test_kin_and_surnames_make_one_family(text: str, names: list[str]) -> None:
    assert _groups(text, names) == [names]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ibu Sari dan Pak Budi datang.", ["Sari", "Budi"]),  # honorifics, not kin
        ("Priya: My friend Tomas codes too.", ["Priya", "Tomas"]),
        ("Priya: My boyfriend Tomas codes too.", ["Priya", "Tomas"]),
        ("Ana met Bea. Later, in another turn, a daughter called.", ["Ana", "Bea"]),
        ("Rina Siregar and Rina Hutapea.", ["Rina Siregar", "Rina Hutapea"]),  # a shared given name is no family
    ],
)
def test_no_family_without_kin_or_surname(text: str, names: list[str]) -> None:
    assert _groups(text, names) == []


def test_name_and_family_lineage() -> None:
    assert name_lineage(["Oluwaseun", "Adeyemi"], "GB", "en") == "en_NG"  # the surname tells it
    assert name_lineage(["Oluwaseun"], "GB", "en") is None  # no list holds it
    assert name_lineage(["Togar", "Zorkani"], "31", "id") == "batak"
    assert name_lineage(["Chan", "Siu", "Ling"], "HK", "id") == "cantonese"
    assert family_lineage(["Zorbo", "Ngozi", "Oluwaseun Adeyemi", "Chidimma"], "GB", "en") == "ig_NG"
    assert family_lineage(["Zorbo"], "GB", "en") is None
