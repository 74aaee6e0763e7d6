"""Edges and look-alikes of round seventeen (#11, branch prec17): ages, dates and addresses closed over the words at
their edges (:mod:`makna.privacy.span_edges`), and capital-letter guesses that their context shows to be a vehicle's
model, a language or a transcriber's note (:mod:`makna.privacy.context_drops`).

Every sentence is invented for these tests, in both languages where the shape exists in both.
"""

from __future__ import annotations

import pytest

from makna.privacy.context_drops import drop_context_things, english_form
from makna.privacy.detect import detect
from makna.privacy.span_edges import close_edges
from makna.privacy.types import Detection


def _det(text: str, part: str, kind: str, detector: str = "test", after: int = 0) -> Detection:
    start = text.index(part, after)
    return Detection(start, start + len(part), kind, 0.9, detector, part)


def _closed(text: str, parts: list[tuple[str, str]], language: str = "en") -> list[tuple[str, str]]:
    found = [_det(text, part, kind) for part, kind in parts]
    return [(d.text, d.type) for d in close_edges(text, found, language)]


@pytest.mark.parametrize(
    ("text", "age", "language", "want"),
    [
        ("R: I'm 37 years of age, from the coast.", "37 years", "en", "37 years of age"),
        ("R: Thirty-eight and a half, near enough.", "Thirty-eight", "en", "Thirty-eight and a half"),
        ("R: I'm sixty-one going on sixty-two.", "sixty-one", "en", "sixty-one going on sixty-two"),
        ("R: I'm 45 going on 46, so old.", "45", "en", "45 going on 46"),
        ("R: I'm twenty-three and a bit.", "twenty-three", "en", "twenty-three and a bit"),
        ("I: Umur saya dua puluh enam tahun lebih, Kak.", "dua puluh enam tahun", "id", "dua puluh enam tahun lebih"),
        ("I: Ambo tigo puluah taun jalan.", "tigo puluah", "id", "tigo puluah taun jalan"),
        ("I: Saya 27 tahun lewat tiga bulan.", "27 tahun", "id", "27 tahun lewat tiga bulan"),
        ("I: Umua ambo ampek puluah kurang ciek.", "ampek puluah", "id", "ampek puluah kurang ciek"),
        ("I: Anak saya 6 tahun 4 bulan.", "6 tahun", "id", "6 tahun 4 bulan"),
        # round eighteen (prec18): the unit alone, when the age became true, the age to come with its date
        ("R: I am thirty-two years, I came in 2015.", "thirty-two", "en", "thirty-two years"),
        ("R: I'm forty-two, forty-three in June.", "forty-two", "en", "forty-two, forty-three in June"),
        ("R: I'm sixty this year, so I'll stop.", "sixty", "en", "sixty this year"),
        ("R: I'm fifty-one this past winter.", "fifty-one", "en", "fifty-one this past winter"),
        ("R: I'm twenty-nine last birthday.", "twenty-nine", "en", "twenty-nine last birthday"),
        ("R: He's eighty years young, he says.", "eighty", "en", "eighty years young"),
        ("R: Forty-four, forty-five at Easter.", "Forty-four", "en", "Forty-four, forty-five at Easter"),
        ("I: Umur saya 31 tahun pas.", "31 tahun", "id", "31 tahun pas"),
        ("I: Umua ambo ampek puluah kurang sataun.", "ampek puluah", "id", "ampek puluah kurang sataun"),
        ("I: Umur saya empat puluh taung.", "empat puluh", "id", "empat puluh taung"),
        ("I: Umur saya 24 tahun lebih tiga bulan.", "24 tahun", "id", "24 tahun lebih tiga bulan"),
        ("I: Umua ambo duo puluah jalan duo.", "duo puluah", "id", "duo puluah jalan duo"),
    ],
)
def test_an_age_takes_the_words_that_make_it_exact(text: str, age: str, language: str, want: str) -> None:
    assert _closed(text, [(age, "AGE")], language) == [(want, "AGE")]


def test_an_age_stops_at_words_that_are_not_its_own() -> None:
    text = "R: I'm 37 years in this trade and forty next spring."  # the unit is the age's (prec18), the rest not
    assert _closed(text, [("37", "AGE")]) == [("37 years", "AGE")]
    text = "I: Saya 29 tahun, lebih muda dari dia."
    assert _closed(text, [("29 tahun", "AGE")], "id") == [("29 tahun", "AGE")]  # a comma closes the age
    text = "R: I'm 41 and a half of them were here, Mira said."  # never into the next detection
    out = close_edges(text, [_det(text, "41", "AGE"), _det(text, "half", "PERSON")], "en")
    assert [d.text for d in out] == ["41", "half"]


@pytest.mark.parametrize(
    ("text", "date", "language", "want"),
    [
        ("I: Saya pindah akhir Mei 2023 ke kota.", "Mei 2023", "id", "akhir Mei 2023"),
        ("I: Mulai pertengahan Januari 2022.", "Januari 2022", "id", "pertengahan Januari 2022"),
        ("R: It started in late May 2023.", "May 2023", "en", "late May 2023"),
        ("R: Back in mid-May 2023, I think.", "May 2023", "en", "mid-May 2023"),
        ("I: Kejadiannya Kamis sore, 4 Juli 2024.", "4 Juli 2024", "id", "Kamis sore, 4 Juli 2024"),
        ("R: It was Friday night, 9 August 2024.", "9 August 2024", "en", "Friday night, 9 August 2024"),
    ],
)
def test_a_date_takes_the_word_that_places_it(text: str, date: str, language: str, want: str) -> None:
    assert _closed(text, [(date, "DATE")], language) == [(want, "DATE")]


def test_a_date_leaves_the_words_the_conventions_leave() -> None:
    text = "I: Dia datang tanggal 4 Juli 2024, sore."  # since round nineteen the sets mark "tanggal" in (45 to 14)
    assert _closed(text, [("4 Juli 2024", "DATE")], "id") == [("tanggal 4 Juli 2024", "DATE")]
    text = "I: Dia datang, sore. 4 Juli 2024 tanggalnya."  # no word before the day: nothing to take
    assert _closed(text, [("4 Juli 2024", "DATE")], "id") == [("4 Juli 2024", "DATE")]
    text = "R: Friday night, we met. 9 August 2024 was the day."  # a weekday in another sentence
    assert _closed(text, [("9 August 2024", "DATE")]) == [("9 August 2024", "DATE")]


def test_an_address_leaves_its_administrative_units_apart() -> None:
    # round twenty-six (edges26): a unit after a comma, and the town after it, are places (the corpus README)
    text = "I: Kirim ke Jalan Melati No. 5, Kelurahan Sungai Sapih, Kecamatan Kuranji."
    parts = [("Jalan Melati No. 5", "ADDRESS"), ("Kelurahan Sungai Sapih", "LOCATION")]
    parts.append(("Kecamatan Kuranji", "LOCATION"))
    assert _closed(text, parts, "id") == parts
    text = "I: Rumahnya Jalan Melati No. 5 RT 02 Dusun Koto Tuo, Lubuk Alung."  # after a space: the address's
    parts = [("Jalan Melati No. 5 RT 02", "ADDRESS"), ("Dusun Koto Tuo", "LOCATION"), ("Lubuk Alung", "LOCATION")]
    assert _closed(text, parts, "id") == [
        ("Jalan Melati No. 5 RT 02 Dusun Koto Tuo", "ADDRESS"),
        ("Lubuk Alung", "LOCATION"),
    ]


def test_a_town_after_an_address_stays_a_place() -> None:
    text = "R: We live on 22 Kiln Road, Dudley, since March."
    parts = [("22 Kiln Road", "ADDRESS"), ("Dudley", "LOCATION")]
    assert _closed(text, parts) == parts
    text = "I: Rumahnya di Jalan Kenanga No. 9, Lubuk Begalung, dekat pasar."  # no administrative word
    parts = [("Jalan Kenanga No. 9", "ADDRESS"), ("Lubuk Begalung", "LOCATION")]
    assert _closed(text, parts, "id") == parts
    text = "R: Post it to 14 Mill Lane, Ashby, Leeds LS9 8QT please."  # a town before a postcode, too
    parts = [("14 Mill Lane", "ADDRESS"), ("Ashby", "LOCATION"), ("LS9 8QT", "ADDRESS")]
    assert _closed(text, parts) == parts
    text = "I: Di Jalan Melati No. 5.\nKelurahan Sungai Sapih jauh."  # never over a line's end
    parts = [("Jalan Melati No. 5", "ADDRESS"), ("Kelurahan Sungai Sapih", "LOCATION")]
    assert _closed(text, parts, "id") == parts


def _kept(text: str, word: str, kind: str = "PERSON", detector: str = "unknown.capitalised") -> bool:
    found = [_det(text, word, kind, detector)]
    if " plate " in text:
        found.append(_det(text, "KX19 PQR", "PLATE"))
    return word in {d.text for d in drop_context_things(text, found)}


@pytest.mark.parametrize(
    "text",
    [
        "R: I drive a 2012 Corvane, it eats petrol.",
        "R: My car's a 2009 Corvane and the clutch is going.",
        "R: They towed my Corvane, plate KX19 PQR, from the yard.",
    ],
)
def test_a_vehicles_model_is_no_name(text: str) -> None:
    assert not _kept(text, "Corvane")


@pytest.mark.parametrize(
    "text",
    [
        "R: In 2012 Marisol moved to the coast.",  # a year with no article: a name after it
        "R: I rang my Marisol, she picked me up.",  # a possessive with no plate
        "R: Marisol, plate KX19 PQR, was the driver.",  # a plate with no possessive
    ],
)
def test_a_name_near_a_year_or_a_plate_stays(text: str) -> None:
    assert _kept(text, "Marisol")


def test_a_language_after_a_verb_of_speaking_is_no_name() -> None:
    assert not _kept("R: Most of the ladies speak Kadazan at home.", "Kadazan")
    assert not _kept("R: She spoke a bit of Tausug to me.", "Tausug")
    assert not _kept("R: Some te reo Māori left as spoken.", "Māori")
    assert _kept("R: I spoke to Kadazan yesterday.", "Kadazan")  # a person spoken to


def test_a_transcribers_note_opens_with_no_name() -> None:
    assert not _kept("[Recorded at the community hall, evening]", "Recorded")
    assert not _kept("[Speakers: the researcher and two riders]", "Speakers")
    assert not _kept("(Transcribed from audio by the team)", "Transcribed")
    assert _kept("[Ahmed joins the call]", "Ahmed")  # a name the lists know
    assert _kept("R: Recorded it myself.", "Recorded")  # not a note: the rule reads brackets only
    assert _kept("[Recorded at the hall]", "Recorded", detector="person.intro")  # a span with a cue stays


def test_english_forms() -> None:
    assert english_form("Exported") and english_form("Families") and english_form("Riding")
    assert not english_form("Marisol")


def test_end_to_end_edges_and_drops() -> None:
    text = "R: I'm Oksana, 33 years of age. We moved in late June 2024.\nR: I drive a 2013 Corvane for the app."
    found = {d.text: d.type for d in detect(text, language="en")}
    assert found.get("33 years of age") == "AGE"
    assert found.get("late June 2024") == "DATE"
    assert "Corvane" not in found
    text = "I: Saya pindah awal Maret 2023, umur saya dua puluh sembilan tahun lebih."
    found = {d.text: d.type for d in detect(text, language="id")}
    assert found.get("awal Maret 2023") == "DATE"


def test_a_documents_name_before_its_number_is_no_ones() -> None:
    text = "R: They asked for my Kestrel Card number, 4471-2290-1183, twice."
    assert not _kept(text, "Kestrel Card", "ORG", "org.suffix")
    text = "R: My Civic Registry ID 5550-2817-4063 is on the form."
    assert not _kept(text, "Civic Registry", "ORG", "org.suffix")
    text = "R: My Orlen Card, OC-2291-5530, expired in May."
    assert not _kept(text, "Orlen Card", "LOCATION", "location.gazetteer")
    text = "R: Linnea Carvalho, 4471229011, rang the office."  # a person before a number, no document's noun
    assert _kept(text, "Linnea Carvalho", "PERSON", "person.intro")
    text = "R: Harbourline number two depot is where I work."  # a noun but no number after it
    assert _kept(text, "Harbourline", "ORG", "org.work")
    text = "R: I gave Maria number 0770 0900 123 so she could call."  # a person handed a number
    assert _kept(text, "Maria", "PERSON", "person.gazetteer")


def test_a_pronoun_and_a_plain_word_are_no_identifiers() -> None:
    assert not _kept("R: So I'm riding two hours a day.", "I'm", "ORG", "org.contextmodel")
    assert not _kept("R: He's gone home.", "He's", "PERSON", "person.intro")
    assert not _kept("I: Tapi akun itu diblokir, katanya dilaporkan.", "diblokir", "HANDLE", "handle.cue")
    assert _kept("I: Akunnya dimasbagus, ganti lagi.", "dimasbagus", "HANDLE", "handle.cue")  # no listed root
    assert _kept("I: Akun saya rina_dipakai99.", "rina_dipakai99", "HANDLE", "handle.cue")


def test_two_halves_of_one_name_are_one_name() -> None:
    text = "I: Yang bantu saya Nurlaila Tanjung, tetangga."
    assert _closed(text, [("Nurlaila", "PERSON"), ("Tanjung", "PERSON")], "id") == [("Nurlaila Tanjung", "PERSON")]
    text = "R: My supervisor was Orla Ní Bhriain, very fair."
    assert _closed(text, [("Orla", "PERSON"), ("Bhriain", "PERSON")]) == [("Orla Ní Bhriain", "PERSON")]
    text = "R: I met Orla, Bhriain was late."  # a comma: two people
    assert _closed(text, [("Orla", "PERSON"), ("Bhriain", "PERSON")]) == [("Orla", "PERSON"), ("Bhriain", "PERSON")]
    text = "R: Ask Tomasz Leeds office."  # two types: no join
    assert _closed(text, [("Tomasz", "PERSON"), ("Leeds", "LOCATION")]) == [("Tomasz", "PERSON"), ("Leeds", "LOCATION")]


def test_a_role_after_an_article_and_a_word_describing_people_are_no_names() -> None:
    assert not _kept("R: The Manager above them never comes down.", "Manager", "PERSON", "location.context")
    assert not _kept("R: Ask my Supervisor, she knows.", "Supervisor")
    assert _kept("R: Ask Manager Okafor, she knows.", "Manager")  # no article: a title before a name
    assert not _kept("R: Mostly elderly Tamil ladies on my round.", "Tamil")
    assert _kept("R: Mostly Ifeoma, ladies and gentlemen.", "Ifeoma")  # a comma between


def test_a_scheme_ending_in_pay_is_no_organisation() -> None:
    text = "R: Doctors said rest. Statutory Sick Pay is nothing, and Parental Leave Pay ran out."
    found = {d.text for d in detect(text, language="en")}
    assert "Statutory Sick Pay" not in found and "Parental Leave Pay" not in found
