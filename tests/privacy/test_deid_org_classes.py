"""ORG, AGE and LOCATION classes of issue #11, round seven: one test per class, both languages where the class
exists in both. All values are invented. The rules are tested alone (learned layer and precision stage off):
they are retrained at every merge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from makna.privacy import detect
from makna.privacy._text import cap_runs
from makna.privacy.learned import disabled
from makna.privacy.orgnames import find_org_heads
from makna.privacy.precision import stage_disabled

CASES = Path(__file__).resolve().parent / "orgcases"


@pytest.fixture(autouse=True)
def _rules_only() -> Iterator[None]:
    with disabled(), stage_disabled():
        yield


def _typed(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in detect(text, language=language)]


def _types_of(text: str, value: str, language: str = "en") -> set[str]:
    start = text.index(value)
    end = start + len(value)
    return {d.type for d in detect(text, language=language) if d.start < end and start < d.end}


# --- ORG by a head word anywhere in the name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Our church, Bethel Harvest Church Thornby, gave us food.", "Bethel Harvest Church Thornby"),
        ("She teaches at St Aldwyn's Primary Cressley now.", "St Aldwyn's Primary Cressley"),
        ("The rep came from Unite Marlow Care Branch last week.", "Unite Marlow Care Branch"),
        ("He drives for Gorsemoor Valley Haulage most nights.", "Gorsemoor Valley Haulage"),
        ("We asked the Redeemed Gospel Church of God Parkvale for help.", "Redeemed Gospel Church of God Parkvale"),
    ],
)
def test_a_head_word_inside_a_name_makes_the_whole_run_an_org(text: str, name: str) -> None:
    assert ("ORG", name) in _typed(text)


def test_a_head_word_before_a_street_word_is_no_org() -> None:
    text = "She lives at the top of Church Street, past the school."
    assert [d for d in find_org_heads(text, cap_runs(text))] == []


def test_head_words_alone_and_descriptions_are_no_org() -> None:
    for text in ("He left Primary School early.", "They joined the Domestic Workers march."):
        assert [d.text for d in find_org_heads(text, cap_runs(text))] == []


def test_a_number_after_a_head_word_stays_outside() -> None:
    text = "My National Insurance QQ 12 34 56 C is on the letter."
    assert [d.text for d in find_org_heads(text, cap_runs(text))] == []


def test_indonesian_group_and_coop_type_words_open_an_org() -> None:
    text = "Ibu ikut Kelompok Wanita Tani Mekar Sari, lalu KUD Sinar Tunas Makmur."
    found = _typed(text, "id")
    assert ("ORG", "Kelompok Wanita Tani Mekar Sari") in found
    assert ("ORG", "KUD Sinar Tunas Makmur") in found


# --- ORG after an organisation noun or a naming word ------------------------------------------------------------


def test_a_name_after_an_organisation_noun_and_a_comma_is_an_org() -> None:
    assert _types_of("He works at a body shop, Brantley Auto Collision, on weekends.", "Brantley Auto Collision") == {
        "ORG"
    }
    assert _types_of("She sold it to the buyer, Fenwick Marrow, for less.", "Fenwick Marrow") == {"ORG"}


def test_an_indonesian_business_named_after_its_owner_word_is_an_org() -> None:
    text = "Kini usaho ambo namonyo Galamai Uni Sarni, ado tigo urang karyawan."
    assert _types_of(text, "Galamai Uni Sarni", "id") == {"ORG"}
    text = "Kami jual kue lewat online, nama tokonye Dapur Mak Ijah. Lakunya lumayan."
    assert _types_of(text, "Dapur Mak Ijah", "id") == {"ORG"}


def test_a_screen_name_in_an_app_is_no_org() -> None:
    text = "Ada mbak-mbak, namanya di aplikasi Wulan Sarirejo, order kamar."
    assert "ORG" not in _types_of(text, "Wulan Sarirejo", "id")


def test_money_sent_with_a_firm_names_the_firm() -> None:
    assert ("ORG", "Zubari") in _typed("I send money every month end with Zubari. My mother is fine.")


def test_a_business_place_word_after_a_work_phrase_is_the_employer() -> None:
    text = "Partamo karajo di Rumah Makan Salero Bundo di dakek pasar, jadi pelayan."
    assert ("ORG", "Rumah Makan Salero Bundo") in _typed(text, "id")
    assert _types_of("Kami makan di Rumah Makan Salero Bundo kemarin.", "Rumah Makan Salero Bundo", "id") == {
        "LOCATION"
    }


# --- LOCATION ----------------------------------------------------------------------------------------------------


def test_a_place_near_a_work_question_is_a_location_not_an_org() -> None:
    text = "I work for Brightcall, in a tower in Quorrin. We handle the billing."
    assert _types_of(text, "Quorrin") == {"LOCATION"}


def test_orang_x_names_a_place_unless_x_is_a_people() -> None:
    text = "Teman sekos saya orang Talaud Hilir, suaminya orang Dayak."
    found = _typed(text, "id")
    assert ("LOCATION", "Talaud Hilir") in found
    assert not [t for t in found if t[1] == "Dayak"]


def test_a_place_after_out_of_is_found() -> None:
    assert _types_of("I fished out of Killybegs all my life.", "Killybegs") == {"LOCATION"}


# --- AGE -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "language"),
    [
        ("He must be forty-odd by now.", "forty-odd", "en"),
        ("My dad's pushing sixty and still on nights.", "sixty", "en"),
        ("Dia sudah kepala tiga tapi belum menikah.", "kepala tiga", "id"),
        ("Dia kira-kira tiga puluhan lah.", "tiga puluhan", "id"),
        ("Anak aku duo, Rehan sembilan tahun samo adiknyo enam taun, tinggal di kampung.", "enam taun", "id"),
        ("Anak saya yang sulung sepuluh tahun.", "sepuluh tahun", "id"),
        ("Bapak saya sudah enam puluh tahun lebih.", "enam puluh tahun", "id"),
    ],
)
def test_ages_in_words_and_rough_ages(text: str, age: str, language: str) -> None:
    assert "AGE" in _types_of(text, age, language)


@pytest.mark.parametrize(
    ("text", "words", "language"),
    [
        ("Saya jualan di sini dari tahun sembilan puluhan, nerusin ibu.", "sembilan puluhan", "id"),
        ("Saya pernah ikut kapal di Benoa dua tahun.", "dua tahun", "id"),
        ("Hampia duo puluah tahun, Dik.", "duo puluah tahun", "id"),
        ("It was forty-odd years ago.", "forty-odd", "en"),
    ],
)
def test_decades_of_years_and_durations_are_no_ages(text: str, words: str, language: str) -> None:
    assert "AGE" not in _types_of(text, words, language)


# --- the case table --------------------------------------------------------------------------------------------


def test_the_open_case_table_holds_at_its_floor() -> None:
    import sys  # noqa: PLC0415

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from deid_recall_cases import check  # noqa: PLC0415
    from deid_struct_cases import load  # noqa: PLC0415

    cases = load("open", CASES)
    typed = sum(check(case)[0] for case in cases)
    assert typed / len(cases) >= 0.9
