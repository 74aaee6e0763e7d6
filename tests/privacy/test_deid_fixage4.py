"""Review findings on deidage4 (#11, round twelve): a dotted handle shaped like a web domain, ages after a verb
of working, amounts read out in comma groups, and durations read as ages. All sentences are invented."""

from __future__ import annotations

import pytest

from makna.privacy import detect, pseudonymise


def _found(text: str, language: str, kind: str) -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "Her page, KINAN.JELITA.COM, has photos.",
        "Her page, kinan.jelita.Com, has photos.",
        "Her page, Kinan.Jelita.Id, has photos.",
    ],
)
def test_a_dotted_handle_the_url_rule_misses_stays_a_handle(text: str) -> None:
    dets = detect(text, language="en")
    handle = text.split(", ")[1]
    assert any(d.start <= text.index(handle) and d.end >= text.index(handle) + len(handle) for d in dets)
    out, _ = pseudonymise(text, dets)
    assert "Jelita" not in out and "JELITA" not in out and "jelita" not in out


def test_a_lower_case_web_domain_after_page_is_one_url() -> None:
    text = "Her page, kinan.jelita.com, has photos."
    assert [(d.type, d.text) for d in detect(text, language="en")] == [("URL", "kinan.jelita.com")]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I: Aku kerja di warung, anakku Jelita masih 7 tahun.", "7 tahun"),
        ("I: Di rumah tinggal berempat, Jelita masih 12 tahun.", "12 tahun"),
        ("I: Aku jualan di pasar, adikku Kinan baru 9 tahun.", "9 tahun"),
    ],
)
def test_an_age_after_masih_or_a_name_in_a_sentence_about_work_stays(text: str, age: str) -> None:
    assert age in _found(text, "id", "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "I: Karajo di kedai kopi Kinan Jelita duo taun, lalu barenti.",
        "I: Kerja di warung dekat pasar, Sukasari, sudah enam tahun.",
        "I: Aku ngekos 2 tahun di situ.",
    ],
)
def test_years_right_after_work_and_where_stay_a_duration(text: str) -> None:
    assert _found(text, "id", "AGE") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I: Shifts were 0800, 1200, 1600 and 2000.", "en"),
        ("I: Jam kerja 0800, 1600, 2400.", "id"),
        ("I: Harganya 0850, 1000, 2000 ribu.", "id"),
        ("I: The boxes cost 0812, 1000, 1500 quid in all.", "en"),
        ("I: We started at 0815, 1230, 1645.", "en"),
    ],
)
def test_clock_times_and_amounts_in_comma_groups_are_no_phone(text: str, language: str) -> None:
    assert _found(text, language, "PHONE") == []


@pytest.mark.parametrize(
    ("text", "language", "phone"),
    [
        ("I: Nomorku 0812, 555, 04, 93 ya.", "id", "0812, 555, 04, 93"),
        ("I: Call me, 07700, 900, 487.", "en", "07700, 900, 487"),
    ],
)
def test_a_mobile_in_comma_groups_is_still_a_phone(text: str, language: str, phone: str) -> None:
    assert _found(text, language, "PHONE") == [phone]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I: 5thn lalu aku pindah ke sini.", "id"),
        ("I: Aku ngekos 2thn di situ.", "id"),
        ("I: Garansi 1thn, kontrak 2thn.", "id"),
        ("I: Nikahnya sekarang 12 tahun, dan anaknya dua.", "id"),
        ("I: Kerja di sini sekarang 15 tahun dan masih betah.", "id"),
        ("I: For the cardboard I put 15, then tape.", "en"),
        ("I: The apples, I put 12, in the bag.", "en"),
        ("I: Di aplikasi tulis 50, biar laku.", "id"),
    ],
)
def test_durations_and_counts_are_no_age(text: str, language: str) -> None:
    assert _found(text, language, "AGE") == []


def test_durations_keep_their_numbers_in_surrogate_mode() -> None:
    text = "I: Nikahnya sekarang 12 tahun, dan garansi 1thn."
    out, _ = pseudonymise(text, detect(text, language="id"), mode="surrogate")
    assert "12 tahun" in out and "1thn" in out


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I: Umurku 23thn, dari Bukittinggi.", "23thn"),
        ("I: Adikku, Jelita, 16thn, masih SMA.", "16thn"),
        ("I: Aku masih 19thn waktu itu.", "19thn"),
        ("I: Sekarang 28 tahun, kerja di warung.", "28 tahun"),
        ("I: Di profil aku tulis 24, biar laku.", "24"),
    ],
)
def test_ages_said_of_someone_stay(text: str, age: str) -> None:
    assert age in _found(text, "id", "AGE")
