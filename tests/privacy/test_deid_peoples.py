"""Round fourteen's look-alikes (#11): a people named as an origin, a clock time, a role named in speech, a word of
speech opening a sentence and an acronym of a handled thing are no identifiers; the places, names and
organisations in the same frames stay found.

Every sentence is invented for these tests (general shapes, none taken from a corpus transcript).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy.detect import detect
from makna.privacy.ethnonyms import ethnonyms, names_a_people
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.thingwords import names_a_thing
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidprec14cases"


def _det(text: str, span: str, kind: str, detector: str = "location.gazetteer", nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Detection(start, start + len(span), kind, 0.8, detector, span)


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Ado urang Karo, ado urang Nias juo.", "Karo", "LOCATION"),
        ("Ado urang Karo, ado urang Nias juo.", "Nias", "LOCATION"),
        ("Tamunyo urang Batak Toba, karajo di kebun.", "Batak Toba", "LOCATION"),
        ("Urang Cino nan punyo toko tu baiak.", "Cino", "PERSON"),
        ("Dia keturunan India dari pihak ibu.", "India", "PERSON"),
        ("Suaminya suku Bugis, kerja di pelabuhan.", "Bugis", "LOCATION"),
        ("Ayahnya etnis Tionghoa.", "Tionghoa", "ORG"),
        ("Orang-orang Mentawai datang tiap bulan.", "Mentawai", "LOCATION"),
        ("There's a Yoruba man upstairs who tips.", "Yoruba", "LOCATION"),
        ("A couple of Tamils run the shop.", "Tamils", "LOCATION"),
        ("The Kurdish cab driver stopped for me.", "Kurdish", "ORG"),
    ],
)
def test_a_people_is_no_identifier(text: str, span: str, kind: str) -> None:
    assert names_a_people(text, _det(text, span, kind))


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Dia orang dari Nias, baru datang.", "Nias", "LOCATION"),
        ("Asal Nias, tinggal di Karo sekarang.", "Nias", "LOCATION"),
        ("Asal Nias, tinggal di Karo sekarang.", "Karo", "LOCATION"),
        ("Ambo urang Pariaman asli.", "Pariaman", "LOCATION"),
        ("Bosnya orang Aceh, galak.", "Aceh", "LOCATION"),  # a province: the writers annotate it
        ("Mandornya orang Ambon.", "Ambon", "LOCATION"),  # a city
        ("Tamunyo urang Nias Selatan.", "Nias Selatan", "LOCATION"),  # a regency, not a people
        ("I asked Mr Tamil at the desk.", "Tamil", "PERSON"),
        ("Karen lives in Lewisham.", "Karen", "PERSON"),
        ("A Karen woman from the church helped.", "Karen", "PERSON"),  # a first name first
    ],
)
def test_places_and_names_stay(text: str, span: str, kind: str) -> None:
    assert not names_a_people(text, _det(text, span, kind))


@given(
    cue=st.sampled_from(["dari", "di", "asal", "ke", "tinggal di", "lahir di"]),
    people=st.sampled_from(sorted(w for w in ethnonyms() if w.isalpha() and w[:1].isupper() and w[-1] != "s")),
)
@settings(max_examples=60, deadline=None)
def test_a_place_cue_keeps_any_name(cue: str, people: str) -> None:
    text = f"Dia {cue} {people} sejak kecil."
    assert not names_a_people(text, _det(text, people, "LOCATION"))


@pytest.mark.parametrize(
    ("text", "span", "kind", "detector"),
    [
        ("Van hit me at 6 a.m. on the bridge.", "6 a.m", "ADDRESS", "learned"),
        ("Always orders at 9 p.m., always cash.", "9 p.m", "ADDRESS", "learned"),
        ("Kita mulai dari Peserta 1, lalu Peserta 2.", "Peserta 1", "LOCATION", "location.preposition"),
        ("Menanggapi Peserta 2, apakah benar?", "Peserta", "PERSON", "learned"),
        ("Hanyo Rini. Temenku, Rini, yang ngajarin.", "Temenku", "PERSON", "person.coordinated"),
        ("Kawanku datang kemarin.", "Kawanku", "PERSON", "learned"),
        ("Iyo. Baitu ambo sabuik.", "Baitu", "LOCATION", "location.gazetteer"),
        ("Kironyo inyo indak datang.", "Kironyo", "LOCATION", "location.gazetteer"),
        ("Tadi pagi servis AC dulu di rumah.", "AC", "ORG", "org.lowertype"),
        ("Dia minta nomor NIK ambo.", "NIK", "ORG", "learned"),
        ("Aku kerja di PLN. Besok foto KTP dulu.", "KTP", "ORG", "learned"),  # another acronym is the workplace
        ("NIK jo KTP ambo simpan surang.", "NIK", "ORG", "org.acronym"),
        ("They wanted the MOT number again.", "MOT", "ORG", "learned"),
    ],
)
def test_a_thing_is_no_identifier(text: str, span: str, kind: str, detector: str) -> None:
    assert names_a_thing(text, _det(text, span, kind, detector))


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("He lives at 6 Amhurst Road.", "6 Amhurst Road", "ADDRESS"),
        ("Peserta: Saya Wulan dari Solok.", "Wulan", "PERSON"),
        ("Sonya, kawan ambo, datang.", "Sonya", "PERSON"),  # a given name ending like a suffix
        ("Tanya datang kemarin.", "Tanya", "PERSON"),
        ("Rahayu itu artinya selamat, kata ibunya.", "Rahayu", "PERSON"),  # a name explained
        ("Bella is what we call her at home.", "Bella", "PERSON"),
        ("Balai Selasa ramai hari ini.", "Balai Selasa", "LOCATION"),
        ("Dia kerja di BRI sudah lama.", "BRI", "ORG"),  # a workplace, not a handled thing
        ("Suaminya kerja di kantor PLN.", "PLN", "ORG"),
        ("Gajinya masuk ke rekening BCA saya.", "BCA", "ORG"),  # a person's bank: owned, not handled
        ("It all goes into my HSBC account.", "HSBC", "ORG"),
        ("Bertemu di Lolong, dekat kampus.", "Lolong", "LOCATION"),
    ],
)
def test_identifiers_in_the_same_frames_stay(text: str, span: str, kind: str) -> None:
    assert not names_a_thing(text, _det(text, span, kind, "learned"))


def test_tune_cases_floor() -> None:
    """The open part of the round-fourteen cases (the sealed part is scored for aggregates only)."""
    assert len(load_gold(CASES / "tune")) == 11
    report = evaluate(CASES / "tune")
    assert report.overall.precision >= 0.9
    assert report.overall.recall >= 0.9


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Tamunyo urang Batak Toba, karajo di kebun.", "Toba", "LOCATION"),
        ("Cuma KTP lama dengan NIK 1371.0101.0101.0001 di situ.", "NIK", "ORG"),
        ("Keterangan: PW = pewawancara, NS = narasumber.", "NS", "PERSON"),
        ("Keterangan: PW = pewawancara, NS = narasumber.", "PW", "ORG"),
        ("(Int = interviewer)\nInt: Sudah siap?\nR: Sudah.", "Int", "PERSON"),  # a label of the text
    ],
)
def test_rest_of_a_people_a_document_number_and_a_defined_label(text: str, span: str, kind: str) -> None:
    det = _det(text, span, kind, "learned")
    assert names_a_people(text, det) or names_a_thing(text, det)


def test_a_place_after_a_people_stays() -> None:
    text = "Dia urang Jawa, tinggal di Solok."
    assert not names_a_people(text, _det(text, "Solok", "LOCATION"))


@pytest.mark.parametrize(
    ("text", "span", "dropped"),
    [
        ("Iyo. Kato urang, indak baiak.", "Kato", True),  # Minang "kata"
        ("(galak) Umua ambo tigo puluah.", "Umua", True),  # "umur"
        ("Sampai bulan Puaso tahun ko.", "Puaso", True),  # "puasa"
        ("Rio datang kamari.", "Rio", False),  # a first name ("ria" is a word too)
        ("Eko bilang indak.", "Eko", False),
        ("Ambo jo Kato sajo.", "Kato", False),  # not opening a sentence
    ],
)
def test_minang_word_opening_a_sentence(text: str, span: str, dropped: bool) -> None:
    assert names_a_thing(text, _det(text, span, "PERSON", "unknown.capitalised")) is dropped


@pytest.mark.parametrize(
    ("text", "span", "dropped"),
    [
        ("The admin is a Sri Lankan guy called Ruwan.", "Sri Lankan", True),
        ("She still has a Philippine passport at home.", "Philippine", True),
        ("She kept her old Canadian ID card.", "Canadian", True),
        ("We drove to Indiana last spring.", "Indiana", False),  # a state, not an adjective
        ("We drove to Indiana with friends.", "Indiana", False),
        ("Jordan said she would come.", "Jordan", False),
    ],
)
def test_a_country_adjective_before_a_noun(text: str, span: str, dropped: bool) -> None:
    assert names_a_people(text, _det(text, span, "PERSON", "unknown.capitalised")) is dropped


_EMPLOYERS = [
    ("Saya kerja buat JNT di Bekasi.", "JNT", 0),
    ("Aku kerja di PLN. Bapak tukang PLN juga.", "PLN", 0),
    ("Aku kerja di PLN. Bapak tukang PLN juga.", "PLN", 1),
    ("Dulu kerja di ACE dua tahun, sekarang kadang beli ACE juga.", "ACE", 0),
    ("Dulu kerja di ACE dua tahun, sekarang kadang beli ACE juga.", "ACE", 1),
    ("I worked at BT for years. My BT number is still the same.", "BT", 0),
    ("I worked at BT for years. My BT number is still the same.", "BT", 1),
    ("She worked for HSBC in Leeds. Her HSBC card still works.", "HSBC", 1),
    ("I worked for CBS, fixed CBS boxes all day.", "CBS", 1),
    ("Gajinya masuk kartu BRI, tapi bosnya pakai BRI juga.", "BRI", 0),  # a bank's card: not a document
    ("Ambil paket buat JNT tiap pagi.", "JNT", 0),  # "buat" is "for" too
    ("Motor tu masuak bengkel AHM kapatang.", "AHM", 0),  # a workshop's name after "bengkel"
    ("Sudah kasih JNT paketnya.", "JNT", 0),  # handed to a firm
]
_DEFINED_NAMES = [
    ("Dewi = istri informan, Budi = suami informan.", "Budi", 0),
    ("Dewi = istri informan, Budi = suami informan.", "Dewi", 0),
    ("Dia tinggal dengan temannya (Sari = nama samaran) di Padang.", "Sari", 0),
    ("We rented from Priya. Priya = his landlady, really.", "Priya", 1),
    ("Rudi = informan utama.", "Rudi", 0),  # a name, not a code: a pseudonym is annotated
]


@pytest.mark.parametrize(("text", "span", "nth"), _EMPLOYERS)
def test_an_employer_handled_elsewhere_stays(text: str, span: str, nth: int) -> None:
    """Only the words next to an acronym count, and a workplace cue anywhere in the text keeps every mention."""
    assert not names_a_thing(text, _det(text, span, "ORG", "learned", nth))


@pytest.mark.parametrize(("text", "span", "nth"), _DEFINED_NAMES)
def test_a_name_defined_stays(text: str, span: str, nth: int) -> None:
    assert not names_a_thing(text, _det(text, span, "PERSON", "learned", nth))


@pytest.mark.parametrize(
    "text",
    [
        "We stayed with the Torres family for a month.",
        "We stayed with the Yao family for a month.",
        "We stayed with the Flores family for a month.",
        "We stayed with the Fang family for a month.",
        "The Luo family next door helped us.",
        "A Torres couple runs the café.",
    ],
)
def test_a_surname_before_family_stays(text: str) -> None:
    span = text.split()[text.split().index("family") - 1] if "family" in text else "Torres"
    assert not names_a_people(text, _det(text, span, "LOCATION"))


@pytest.mark.parametrize(
    ("text", "span", "nth"),
    [
        *_EMPLOYERS[:4],
        *_EMPLOYERS[5:9],
        _DEFINED_NAMES[0],
        _DEFINED_NAMES[3],
        ("We stayed with the Torres family.", "Torres", 0),
        ("The Luo family next door helped us.", "Luo", 0),
    ],
)
def test_the_reviewed_spans_are_found(text: str, span: str, nth: int) -> None:
    """End to end: the filter no longer drops these identifiers (found under any type; the spans the baseline
    missed for other reasons are left out)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    found = detect(text, language="en" if " the " in text or "I " in text or "She " in text else "id")
    assert any(d.start <= start and d.end >= start + len(span) for d in found)
