"""Ages and dates said in speech (ages29, round twenty-nine, issue #11).

* after a person, a hedge or a guess may stand before the age (``Purity is maybe twenty-four``, ``namonyo Irwan,
  ambo kiro tigo puluah limo``), and when the age was reached may follow it (``sembilan tahun Juli lalu``);
* a kin noun with a number of years closing its clause is that person's age (``punya anak 7 tahun.``), and oneself
  in a household's list (``me, forty-one, my husband...``);
* a name is cut where it holds a date, a tab or an edge number word (``Koperasi Sinar Jaya 12/03/2024``,
  ``Facebook, March 14 Lily Tran``, ``Nur Aini<TAB>Dua puluh lima``).

Invented sentences, both languages, with look-alikes (durations, counts, money, time ago, clock times) that must
stay undetected.
"""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.agecontext import ages_after_persons
from makna.privacy.agekin import find_kin_ages
from makna.privacy.name_cuts import cut_names, date_only_shape
from makna.privacy.types import Detection


def _person(text: str, name: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), "PERSON", 0.9, "test", name)


def _after(text: str, name: str) -> list[str]:
    return [d.text for d in ages_after_persons(text, [_person(text, name)]) if d.type == "AGE"]


@pytest.mark.parametrize(
    ("text", "name", "age"),
    [
        ("The agent, Purity Otieno, is maybe twenty-four, she is young.", "Purity Otieno", "twenty-four"),
        ("Then there's Grace Mensah, perhaps thirty-five, who sells fish.", "Grace Mensah", "thirty-five"),
        ("Johan Botha, I reckon sixty, runs the farm.", "Johan Botha", "sixty"),
        ("Ado tamu, namonyo Irwan Saputra, ambo kiro tigo puluah limo.", "Irwan Saputra", "tigo puluah limo"),
        ("Ado, Pak Hendri Malin, kiro-kiro ampek puluah salapan, kontraktor.", "Hendri Malin", "ampek puluah salapan"),
        ("Anak ambo Rizky la tujuh belas, sekolah di SMK.", "Rizky", "tujuh belas"),
        ("Pak Darmawan mungkin lima puluh, rambutnya sudah putih.", "Darmawan", "lima puluh"),
    ],
)
def test_a_hedge_or_a_guess_between_a_person_and_an_age(text: str, name: str, age: str) -> None:
    assert age in _after(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We waited for Tomasz Nowak maybe twenty minutes at the stop.", "Tomasz Nowak"),
        ("Pak Budi, mungkin lima belas menit lagi datang.", "Budi"),
        ("Bu Ani, kiro-kiro tigo hari lai baru pulang.", "Ani"),
    ],
)
def test_no_age_where_a_hedged_number_counts_time(text: str, name: str) -> None:
    assert _after(text, name) == []


def _ages(text: str, language: str) -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == "AGE"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Anak saya Nadia sembilan tahun Juli lalu, sudah kelas tiga.", "sembilan tahun"),
        ("Anak ulun Fadli enam tahun bulan depan, masih TK.", "enam tahun"),
    ],
)
def test_when_an_age_was_reached_may_follow_it(text: str, age: str) -> None:
    assert any(a.startswith(age) for a in _ages(text, "id"))


def _kin(text: str) -> list[str]:
    return [d.text for d in find_kin_ages(text)]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Dia punya anak 7 tahun.", "7 tahun"),
        ("Ia janda dengan anak tujuh tahun, tinggal di Tanjung Pinang.", "tujuh tahun"),
        ("Yang paling kecil cucunya 3 tahun.", "3 tahun"),
        ("Anaknya 7 tahun, suaminya sudah meninggal.", "7 tahun"),
        ("Adiak ambo salapan taun, masih SD.", "salapan taun"),
    ],
)
def test_a_kin_noun_and_a_number_of_years(text: str, age: str) -> None:
    assert _kin(text) == [age]


@pytest.mark.parametrize(
    "text",
    [
        "Dia tinggal sama anak 7 tahun di Batam.",
        "Adiknya dua tahun lebih muda.",
        "Anak saya meninggal tujuh tahun lalu.",
        "Saya pisah dengan suami lima tahun yang lalu.",
        "Anaknya tiga, yang besar kerja di Dumai.",
        "Gajinya anak 7 ribu sehari.",
    ],
)
def test_no_kin_age_for_time_ago_a_difference_or_a_count(text: str) -> None:
    assert _kin(text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Respondent: me, forty-one, my husband, forty-five.", "forty-one"),
        ("R: Me, 38, and my sister, 35.", "38"),
        ("P: saya, tiga puluh dua, suami saya tiga puluh lima.", "tiga puluh dua"),
    ],
)
def test_oneself_in_a_households_list(text: str, age: str) -> None:
    assert age in _kin(text)


@pytest.mark.parametrize(
    "text",
    [
        "R: give me, two, three minutes.",
        "R: me, five, and the others were late.",
        "R: She told me, twenty minutes later, that he left.",
    ],
)
def test_no_own_age_for_a_count_or_a_clause_that_goes_on(text: str) -> None:
    assert _kin(text) == []


@pytest.mark.parametrize(
    "value",
    ["12/03/2024", "12/03", "12.03.2024", "2024-03-12", "14 March", "March 14th, 2024", "the 3rd of May", "Mei 5"],
)
def test_date_only_shapes(value: str) -> None:
    assert date_only_shape(value)


@pytest.mark.parametrize("value", ["2024", "March", "Maret 2024", "12:30", "45/12", "Mei", "3rd"])
def test_not_date_only_shapes(value: str) -> None:
    assert not date_only_shape(value)


def _cut(text: str, name: str, kind: str, date: str | None) -> list[tuple[str, str]]:
    start = text.index(name)
    found = [Detection(start, start + len(name), kind, 0.9, "test", name)]
    if date is not None:
        at = text.index(date)
        found.append(Detection(at, at + len(date), "DATE", 0.85, "test", date))
    return [(d.type, d.text) for d in cut_names(text, found)]


@pytest.mark.parametrize(
    ("text", "name", "kind", "date", "left"),
    [
        (
            "Ada rapat di Koperasi Sinar Jaya 12/03/2024 kemarin.",
            "Koperasi Sinar Jaya 12",
            "ORG",
            "12/03/2024",
            "Koperasi Sinar Jaya",
        ),
        (
            "She messaged me on Facebook, March 14 Lily Tran posted it.",
            "March 14 Lily Tran",
            "HANDLE",
            "March 14",
            "Lily Tran",
        ),
        (
            "Dia masuk Grup Arisan Melati 5.6.2024 kemarin.",
            "Grup Arisan Melati 5",
            "ORG",
            "5.6.2024",
            "Grup Arisan Melati",
        ),
        ("Anaknya masuk SD 15 Juli 2025 nanti.", "SD 15", "ORG", "15 Juli 2025", None),
    ],
)
def test_a_name_gives_up_a_date(text: str, name: str, kind: str, date: str, left: str | None) -> None:
    assert _cut(text, name, kind, date) == ([(kind, left)] if left else []) + [("DATE", date)]


@pytest.mark.parametrize(
    ("text", "name", "kind", "date"),
    [
        ("Kami kerja di Toko Maju 2024 sampai sekarang.", "Toko Maju", "ORG", "2024"),
        ("I stayed at Hotel Mayfair in March, then left.", "Hotel Mayfair", "ORG", "March"),
        ("Our band May Day 5 played on 3 June.", "May Day 5", "ORG", None),
    ],
)
def test_a_name_keeps_what_no_date_only_shape_holds(text: str, name: str, kind: str, date: str | None) -> None:
    assert (kind, name) in _cut(text, name, kind, date)


@pytest.mark.parametrize(
    ("text", "name", "kind", "left"),
    [
        ("19:15\tNur Aini\tDua puluh lima, jalan dua puluh enam.", "Nur Aini\tDua", "PERSON", ["Nur Aini"]),
        ("R: Yes Rina Marpaung Dua puluh lima.", "Rina Marpaung Dua", "PERSON", ["Rina Marpaung"]),
        ("R: Twenty Five Grace said no.", "Twenty Five Grace", "PERSON", ["Grace"]),
        ("09:02\tBudi Santoso\tBank Nagari", "Budi Santoso\tBank Nagari", "ORG", ["Budi Santoso", "Bank Nagari"]),
    ],
)
def test_a_name_is_cut_at_a_tab_and_at_an_edge_number_word(text: str, name: str, kind: str, left: list[str]) -> None:
    assert [t for _k, t in _cut(text, name, kind, None)] == left


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Kami pindah ke Lima tahun lalu.", "Lima", "LOCATION"),
        ("Ms Tiga Santoso rang me.", "Tiga Santoso", "ORG"),
        ("Yang datang Pak Budi Santoso.", "Budi Santoso", "PERSON"),
        ("Urang kampuang maimbau ambo Ciek Tuo, dek anak partamo.", "Ciek Tuo", "PERSON"),
    ],
)
def test_a_name_without_a_tab_or_an_edge_number_word_stays(text: str, name: str, kind: str) -> None:
    assert _cut(text, name, kind, None) == [(kind, name)]


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("Ada rapat di Koperasi Sinar Jaya 12/03/2024 kemarin.", "id", "12/03/2024"),
        ("She messaged me on Facebook, March 14 Lily Tran posted it.", "en", "March 14"),
    ],
)
def test_the_date_a_name_read_over_is_found(text: str, language: str, date: str) -> None:
    assert ("DATE", date) in [(d.type, d.text) for d in detect(text, language=language)]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I started working for them at twenty-four and stayed.", "twenty-four"),
        ("I finished Form Four at nineteen, a bit late.", "nineteen"),
        ("She came over at seventeen with her aunt.", "seventeen"),
        ("We got married at twenty-two.", "twenty-two"),
    ],
)
def test_an_age_at_a_start_in_life(text: str, age: str) -> None:
    assert age in _ages(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "The bus started at twenty past six.",
        "We arrived at fifteen minutes to nine.",
        "She joined the team at thirteen hundred hours.",
        "I started selling at 25 pounds a box.",
        "We finished the job at twenty.",
        "Bids started at forty and went up.",
    ],
)
def test_no_start_in_life_for_a_clock_a_sum_or_a_thing(text: str) -> None:
    assert _ages(text, "en") == []


@pytest.mark.parametrize(
    ("text", "name", "age"),
    [
        ("We came in May, and my son Tomasz, six, started school.", "Tomasz", "six"),
        ("My daughter Ella, four, goes to the nursery.", "Ella", "four"),
        ("Anak saya Nadia, tujuh, sudah sekolah.", "Nadia", "tujuh"),
        ("Cucu ambo Fadli, limo, alah pandai mangaji.", "Fadli", "limo"),
    ],
)
def test_a_small_age_after_a_child_named_by_a_kin_noun(text: str, name: str, age: str) -> None:
    assert _after(text, name) == [age]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I called Tomasz, six, seven times that day.", "Tomasz"),
        ("We invited Tomasz, two, three people came.", "Tomasz"),
        ("My son Tomasz, two, three times a week he calls.", "Tomasz"),
        ("Saya telepon Nadia, tujuh, delapan kali.", "Nadia"),
    ],
)
def test_a_small_number_without_a_child_kin_noun_or_running_on_is_a_count(text: str, name: str) -> None:
    assert _after(text, name) == []
