"""Typed recall on unseen text (branch gap18, #11): a hotel, villa, resort or lodge named as an employer; a name
after a kind of organisation said in lower case (``a care home in X, Y``, ``dari media X``); institution and firm
kind words counted over the open gold (``Pusat``, ``Pengadilan``, ``... Staffing``); a firm's name a verb's cue
called a person (``she rang X Money Advice``); a spouse after ``married to``/``cerai dari``; a one-word label the
text declares a name though it is an address word (``Umi``); an age answer's months and date; a place one reports
or complains to; an identity number whose document word is a sentence earlier; and what stays as it was (a hotel
one stays or meets at, a job applied for, a person at an agency, a phone number).

Every sentence here was made up for these tests (no corpus string). The branch's own cases, in both languages and
written before any change, are in ``gap18cases/tune``; one in three was held back and scored twice only, before and
after, as aggregates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate

CASES = Path(__file__).resolve().parent / "gap18cases"


def _typed(text: str, language: str) -> dict[str, set[str]]:
    """Each detected span's text and the types it was found under."""
    found = detect(text, language=language)
    return {span: {d.type for d in found if d.text == span} for span in {d.text for d in found}}


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        # a stay venue named as an employer
        ("R: Cleaning rooms at the Penhale Bay Hotel. They pay me weekly.", "en", "Penhale Bay Hotel", "ORG"),
        ("R: I work nights at the Saltmarsh Grand Hotel on reception.", "en", "Saltmarsh Grand Hotel", "ORG"),
        (
            "R: Weekdays I'm a porter at Villa Castellina, out past the ring road; they employ about thirty of us.",
            "en",
            "Villa Castellina",
            "ORG",
        ),
        ("N: Saya kerja di Hotel Bukit Seruni, bagian laundry.", "id", "Hotel Bukit Seruni", "ORG"),
        ("N: Saya sopir di Villa Lembah Kabut. Mereka gaji saya bulanan.", "id", "Villa Lembah Kabut", "ORG"),
        # the same venues where nobody works there
        ("R: We met at the Penhale Bay Hotel for a coffee.", "en", "Penhale Bay Hotel", "LOCATION"),
        ("N: Saya ketemu dia di Hotel Bukit Seruni, kamar atas.", "id", "Hotel Bukit Seruni", "LOCATION"),
        ("N: Anak saya mau daftar kerja di Hotel Bukit Seruni tahun depan.", "id", "Hotel Bukit Seruni", "LOCATION"),
        # a name after a kind of organisation said in lower case
        (
            "R: I do two shifts at a care home in Burry Port, Plas Tŷ Gwyn, nights mostly.",
            "en",
            "Plas Tŷ Gwyn",
            "ORG",
        ),
        ("R: She works for a charity, Harbour Lantern, down by the docks.", "en", "Harbour Lantern", "ORG"),
        ("I: Ado wartawan dari media Suara Lembah Hijau, inyo mintak foto.", "id", "Suara Lembah Hijau", "ORG"),
        ("J: Ado urang mangaku pegawai dari Balai Benih Lembah Sunyi, minta nomor.", "id", None, "ORG"),
        # institution and firm kind words
        ("I: Saya ceritakan ke Posko Pengaduan Warga Seberang, di sana ada Ibu Rosna.", "id", None, "ORG"),
        ("N: Suami saya sudah dua tahun di Lapas Kelas IIB Muara Teluk.", "id", None, "ORG"),
        ("R: My neighbour rang Trevenna Money Advice for me last week.", "en", "Trevenna Money Advice", "ORG"),
        ("R: The agency, Polwithen Staffing, takes a cut every week.", "en", "Polwithen Staffing", "ORG"),
        # a place one reports or complains to
        ("R: We reported it to Tillymorn, the council lot.", "en", "Tillymorn", "ORG"),
        ("N: Saya lapor ke Sikabau Sakato, mereka datang besoknya.", "id", "Sikabau Sakato", "ORG"),
        ("N: Ambo mangadu ka Limo Jurai Basamo, indak ado jawaban.", "id", "Limo Jurai Basamo", "ORG"),
        ("R: I reported it to Marcus and he laughed.", "en", "Marcus", "PERSON"),
        # a spouse named after a marriage or a divorce
        ("R: Years in Pontypridd when I was married to Gethwyn, no more.", "en", "Gethwyn", "PERSON"),
        ("N: Setelah cerai dari Rinaldo Saputro Caniago, saya tanggung sendiri cicilan.", "id", None, "PERSON"),
        # what stays as it was
        ("N: Dulu kerja di pabrik sepatu Rancaekek, tiga tahun.", "id", "Rancaekek", "LOCATION"),
        ("N: Awalnya kerja di pabrik di Batu Ampar, dua tahun.", "id", "Batu Ampar", "LOCATION"),
        ("N: Saya lahir dan tinggal di Banjar Dinas Tegeh Kawan.", "id", "Banjar Dinas Tegeh Kawan", "LOCATION"),
        ("R: I rang the agency, Sarah answered and said no.", "en", "Sarah", "PERSON"),
        ("N: Yang pegang uang arisan, Dena Rahmawati, orangnya jujur.", "id", "Dena Rahmawati", "PERSON"),
        pytest.param(
            "R: The council want to close the school on Papa Tarrowsay Holm.",
            "en",
            None,
            "LOCATION",
            marks=pytest.mark.xfail(strict=True, reason="round twenty-seven's retrain types the island otherwise (the "
                                    "rules with round twenty-six's model type it LOCATION)"),
        ),
        ("R: I rang Morwenna about the shifts.", "en", "Morwenna", "PERSON"),
    ],
)
def test_a_name_is_typed_by_what_the_sentence_says(text: str, language: str, name: str | None, kind: str) -> None:
    typed = _typed(text, language)
    if name is None:  # a long name: whichever span overlaps its kind word
        hits = [
            types
            for span, types in typed.items()
            if span.split()[0] in {"Posko", "Lapas", "Balai", "Rinaldo", "Tarrowsay", "Papa"}
        ]
        assert hits == [{kind}]
    else:
        assert typed.get(name) == {kind}


def test_every_mention_of_an_employer_venue_follows_it() -> None:
    text = "R: I'm a cleaner at the Trewint Lodge Hotel. The Trewint Lodge Hotel pays late."
    assert {d.type for d in detect(text, language="en") if d.text == "Trewint Lodge Hotel"} == {"ORG"}


def test_a_declared_name_that_is_an_address_word_is_a_speaker() -> None:
    text = (
        "[Catatan: wawancara di kos. Informan memakai nama Umi.]\n"
        "Rahmi: Uni, ambo mulai yo. Umua baraa kini?\n"
        "Umi: Tigo puluah duo taun tigo bulan.\n"
        "Rahmi: Asa dari ma, Ni?\n"
        "Umi: Ambo urang Solok.\n"
        "Rahmi: Tarimo kasih, Ni Umi."
    )
    found = detect(text, language="id")
    umi = [d for d in found if d.text == "Umi"]
    assert len(umi) == 4 and {d.type for d in umi} == {"PERSON"}
    assert [d.text for d in found if d.type == "AGE"] == ["Tigo puluah duo taun tigo bulan"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Q: Name and age?\nA: Chidi Okoro. 32 come Friday. From Enugu originally.", "32 come Friday"),
        ("Q: Name and age?\nA: Tamsin Orr. Thirty-one and two months. Four years.", "Thirty-one and two months"),
    ],
)
def test_an_age_answer_keeps_its_date(text: str, age: str) -> None:
    assert [d.text for d in detect(text, language="en") if d.type == "AGE"] == [age]


def test_an_address_word_label_without_a_declared_name_stays_a_label() -> None:
    text = "Ibu: Anak saya sudah besar.\nPewawancara: Berapa umurnya?\nIbu: Dua puluh."
    assert not [d for d in detect(text, language="id") if d.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("R: They wanted my passport. The number was on a photocopy, 533018294, and they kept it.", "en", "533018294"),
        ("N: Mereka minta KTP. Nomornya saya tulis di kertas, 1371025508990002.", "id", "1371025508990002"),
    ],
)
def test_an_identity_number_after_its_document_a_sentence_earlier(text: str, language: str, number: str) -> None:
    assert [d.text for d in detect(text, language=language) if d.type == "NATIONAL_ID"] == [number]


def test_a_number_a_sentence_after_a_document_is_not_always_an_id() -> None:
    phone = detect("R: I showed my passport. The number to ring is 07700 900418.", language="en")
    assert "NATIONAL_ID" not in {d.type for d in phone}
    sin = detect("R: It was a sin. The number was 44821907.", language="en")
    assert "NATIONAL_ID" not in {d.type for d in sin}


def test_the_own_cases_keep_their_recall() -> None:
    report = evaluate(CASES / "tune")
    figures = (report.overall.recall, report.untyped.recall, report.per_type["ORG"].recall, report.overall.precision)
    assert min(figures) >= 0.95, figures
