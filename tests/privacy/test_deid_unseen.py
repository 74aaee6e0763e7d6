"""General behaviours added after scoring unseen transcripts (issue 11, second round): each case is an
invented sentence, never a line of a corpus file, and each guard has a case that must stay undetected."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import catchall, detect, places
from makna.privacy.speakers import is_generic_label


def found(text: str, language: str = "id") -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in detect(text, language=language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # national identity numbers after a cue, words between cue and number
        ("My NIN is written on the form, 71230045518, sadly.", "en", ("71230045518", "NATIONAL_ID")),
        ("They wanted my tax file number, 876 543 219, for the claim.", "en", ("876 543 219", "NATIONAL_ID")),
        ("Nomor KTP-nya saya catat: 5103 2204 9911", "id", ("5103 2204 9911", "NATIONAL_ID")),
        # dates: "Month of YYYY", an apostrophe year, day/month after a date cue
        ("She arrived in April of 2017 with nothing.", "en", ("April of 2017", "DATE")),
        ("I got let go in November '21, right before winter.", "en", ("November '21", "DATE")),
        ("Gajian tiap tanggal 28/02 katanya.", "id", ("tanggal 28/02", "DATE")),
        # plates after a cue: one token, or groups up to five characters
        ("Her plate is 8XYZ214 if you need it.", "en", ("8XYZ214", "PLATE")),
        ("The plate was TR 50917 on a white van.", "en", ("TR 50917", "PLATE")),
        # organisations: titles and numbers inside names, public offices, English suffixes with 'of'
        ("Dia dirujuk ke RSUD Dr. Soedarso kemarin.", "id", ("RSUD Dr. Soedarso", "ORG")),
        ("Anaknya sekolah di SDN 12 Tanjung Harapan sekarang.", "id", ("SDN 12 Tanjung Harapan", "ORG")),
        ("Kami melapor ke Polsek Medan Baru malam itu.", "id", ("Polsek Medan Baru", "ORG")),
        ("I volunteer with Friends of Riverside Inc. on weekends.", "en", ("Friends of Riverside Inc.", "ORG")),
        ("He fished for Coral Coast Fisheries Pty Ltd for years.", "en", ("Coral Coast Fisheries Pty Ltd", "ORG")),
        ("My sister is a porter at Northgate General Hospital now.", "en", ("Northgate General Hospital", "ORG")),
        ("At Wattle Creek Aged Care the nights are long.", "en", ("Wattle Creek Aged Care", "ORG")),
        ("Sekarang jaga kasir di Kopi Senandika tiap sore.", "id", ("Kopi Senandika", "ORG")),
        ("Akhirnya saya lapor ke BPSK lewat email.", "id", ("BPSK", "ORG")),
        ("Ada grup Facebook Ojek Pangkalan Sejahtera di sana.", "id", ("Ojek Pangkalan Sejahtera", "ORG")),
        # places: English place suffixes, a lower-case place word is not part of the name
        ("We moored off Shelly Bay for the night.", "en", ("Shelly Bay", "LOCATION")),
        ("Perahu kami sandar di dermaga Tanjung Pasir.", "id", ("Tanjung Pasir", "LOCATION")),
        # addresses
        ("The office is at Plot 12 Ahmadu Bello Way, behind the bank.", "en", ("Plot 12 Ahmadu Bello Way", "ADDRESS")),
        ("Write to 45 Elm Street, Springfield, IL 62704 please.", "en", ("45 Elm Street, Springfield, IL 62704", "ADDRESS")),
        ("We rent 3/21 Ocean Drive, nothing fancy.", "en", ("3/21 Ocean Drive", "ADDRESS")),
        ("Send it to 9 Hartley Mount, Leeds LS6 2QT thanks.", "en", ("9 Hartley Mount, Leeds LS6 2QT", "ADDRESS")),
        ("Rumahnya di Jl. Magelang Km. 7 dekat pom bensin.", "id", ("Jl. Magelang Km. 7", "ADDRESS")),
        ("Kos saya di Jl. Damai KM 3, Gg. Melon No. 8, sempit.", "id", ("Jl. Damai KM 3, Gg. Melon No. 8", "ADDRESS")),
        # names: regional pronouns before a name, abbreviated given names, Balinese names
        ("Abdi Neneng, ti Garut.", "id", ("Neneng", "PERSON")),
        ("Yang punya kapal Haji Muh. Yusran, orang Sinjai.", "id", ("Muh. Yusran", "PERSON")),
        ("Suaminya, I Wayan Sukerta, nelayan juga.", "id", ("I Wayan Sukerta", "PERSON")),
        ("Temannya Ida Bagus Mantra ikut rapat.", "id", ("Ida Bagus Mantra", "PERSON")),
        ("Teman-teman manggil saya Nining dari dulu.", "id", ("Nining", "PERSON")),
        # ages
        ("Anak saya, Bima, 7 tahun, sudah sekolah.", "id", ("7 tahun", "AGE")),
        ("Anak bungsu, Rara, baru 10 thn.", "id", ("10 thn", "AGE")),
        ("My son just turned seven last week.", "en", ("seven last week", "AGE")),
        ("I'm 33 yrs, still renting.", "en", ("33 yrs", "AGE")),
        ("Umur ambo alah, 52 tahun.", "id", ("52 tahun", "AGE")),
        # handles
        ("Cari aja, ID FB-ku budi.santoso.88 ya.", "id", ("budi.santoso.88", "HANDLE")),
        ("I'm on there as RiderJoeATX if you search.", "en", ("RiderJoeATX", "HANDLE")),
        ("Add my Snap: tia.rose04 later.", "en", ("tia.rose04", "HANDLE")),
        ("My Insta's mo_cuts_barber, check it.", "en", ("mo_cuts_barber", "HANDLE")),
        ("He posted as u/quietnights_22 about it.", "en", ("u/quietnights_22", "HANDLE")),
        ("Username TikTok dia itu rinjanii, Kak.", "id", ("rinjanii", "HANDLE")),
        # postcodes and ordinal street names
        ("Postcode is L8 4TN if that helps.", "en", ("L8 4TN", "ADDRESS")),
        ("Kode pos 25176 ya, Kak.", "id", ("25176", "ADDRESS")),
        ("Apt 2, 310 E 116th St, New York, NY 10029 is mine.", "en",
         ("Apt 2, 310 E 116th St, New York, NY 10029", "ADDRESS")),
        # more honorifics, organisations, ages and dates
        ("Pelanggan lama, Cece Meiliana, pesan lagi.", "id", ("Meiliana", "PERSON")),
        ("Saya ikut LSM Suara Pesisir sejak dulu.", "id", ("LSM Suara Pesisir", "ORG")),
        ("I was nineteen when I left home.", "en", ("nineteen", "AGE")),
        ("He must be in his late fifties.", "en", ("late fifties", "AGE")),
        ("Umurnya empat puluhan, Kak.", "id", ("empat puluhan", "AGE")),
        ("Dia berangkat Kamis (14/3) pagi.", "id", ("14/3", "DATE")),
        ("Kami menikah 10 Syawal tahun itu.", "id", ("10 Syawal", "DATE")),
        ("Then I met Rosa, 31, single mother of two.", "en", ("31", "AGE")),
        ("Kenalkan, ini Sari (24) dari Solok.", "id", ("24", "AGE")),
        ("She studied at the University of Ibadan for years.", "en", ("University of Ibadan", "ORG")),
        ("He joined the Drivers Union of Kisumu County last year.", "en", ("Drivers Union of Kisumu County", "ORG")),
    ],
)
def test_unseen_kinds_are_found(text: str, language: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, language)


@pytest.mark.parametrize(
    ("text", "language", "absent"),
    [
        ("Kalau sudah 4 tahun kerja di sana, dapat bonus.", "id", "AGE"),  # a duration, not an age
        ("I'm one of the few left on nights.", "en", "AGE"),
        ("Kita ketemu jam 21.03 di depan.", "id", "DATE"),  # a clock time, no date cue
        ("Jan malu, Uni, berobat itu.", "id", "PERSON"),  # Minang 'jan' (jangan) starting a sentence
        ("Mereka nelpon semua kontak di HP-ku, Kak.", "id", "LOCATION"),
        ("I was 5 minutes late again.", "en", "AGE"),
        ("Music was better in the 90s.", "en", "AGE"),
        ("He turned up in his Hilux as usual.", "en", "PERSON"),  # a vehicle model
        ("Dia itu baik orangnya.", "id", "HANDLE"),
        ("We paid 12, 34, and 56 in the end.", "en", "AGE"),  # numbers listed, no name before them
    ],
)
def test_guards_hold(text: str, language: str, absent: str) -> None:
    assert all(kind != absent for _, kind in found(text, language))


def test_categories_that_identify_no_one() -> None:
    """Vaccines, parties, scriptures and national programmes are named as categories, not identifiers."""
    text = (
        "Respondent: First dose was Pfizer, then Moderna. The Tories cut it, the Bible says be patient.\n"
        "Informan: Vaksin Sinovac di puskesmas, Kartu Prakerja belum cair, bayar pakai QRIS."
    )
    assert found(text, "en") == []


def test_contraction_is_not_a_coordinated_name() -> None:
    """"Name, I'm from ...": the contraction after a comma is not a second name."""
    assert ("I'm", "PERSON") not in found("My name is Rosa Lim, I'm from Ipoh.", "en")


def test_a_brand_after_an_article_is_not_a_person() -> None:
    dets = found("So I bought a Zorvix with the money.", "en")
    assert all(kind != "PERSON" for _, kind in dets)


@pytest.mark.parametrize("label", ["T", "J"])
def test_question_answer_letters_are_generic_labels(label: str) -> None:
    assert is_generic_label(label)
    text = "T: Sudah lama melaut?\nJ: Sejak kecil, ikut bapak.\nT: Terima kasih.\nJ: Sama-sama."
    assert found(text) == []


def test_one_place_preposition_regex() -> None:
    """The place-preposition cue is one regex, shared by the place gazetteer and the catch-all."""
    assert vars(catchall)["PLACE_PREP_BEFORE"] is places.PLACE_PREP_BEFORE
    assert not hasattr(catchall, "_PLACE_BEFORE") and not hasattr(places, "_PREP_BEFORE")
    for before in ("tamu dari ", "out to ", "near ", "asal "):
        assert places.PLACE_PREP_BEFORE.search(before)
    assert not places.PLACE_PREP_BEFORE.search("dari situ ")


_NAMES = st.sampled_from(["Bima", "Rara", "Dodi", "Sekar", "Tegar", "Ayu"])


@settings(max_examples=40, deadline=None)
@given(name=_NAMES, age=st.integers(min_value=1, max_value=11))
def test_child_age_in_apposition(name: str, age: int) -> None:
    text = f"Anak saya, {name}, {age} tahun, sudah sekolah."
    dets = detect(text)
    assert (f"{age} tahun", "AGE") in [(d.text, d.type) for d in dets]
    for d in dets:
        assert text[d.start : d.end] == d.text


@settings(max_examples=40, deadline=None)
@given(years=st.integers(min_value=1, max_value=11))
def test_duration_without_a_name_is_no_age(years: int) -> None:
    assert all(d.type != "AGE" for d in detect(f"Kalau sudah {years} tahun kerja, naik gaji."))


@settings(max_examples=60, deadline=None)
@given(day=st.integers(min_value=1, max_value=28), month=st.integers(min_value=1, max_value=12))
def test_day_month_after_a_date_cue(day: int, month: int) -> None:
    value = f"{day:02d}/{month:02d}"
    assert (f"tanggal {value}", "DATE") in found(f"Bayarnya tanggal {value} setiap bulan.")


@settings(max_examples=40, deadline=None)
@given(digits=st.text(alphabet="123456789", min_size=9, max_size=11))
def test_cued_identity_number(digits: str) -> None:
    assert (digits, "NATIONAL_ID") in found(f"My NIN is on the letter, {digits}, I think.", "en")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I: Gunawan Saputra pulang ke Padang.", "Gunawan Saputra"),  # after a generic label
        ("Dia bilang. Gunawan Saputra pulang.", "Gunawan Saputra"),  # after a full stop
        ("Kata Parulian, ya.", "Parulian"),  # an ordinary word before an unknown name stays out
    ],
)
def test_a_listed_name_opening_a_sentence_joins_the_unknown_name_after_it(text: str, name: str) -> None:
    assert (name, "PERSON") in found(text, "id")
