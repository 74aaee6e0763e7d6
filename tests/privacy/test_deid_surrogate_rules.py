"""Surrogate rules a new user's study (ojek drivers and market vendors) showed to be missing: ages move
by the one project offset whatever the review reserved, a place keeps one surrogate in every mention and
form, a name in no list follows the study's tradition (not the transcript's language), and an informant's
name inside a source's file name is found and renamed with the name's surrogate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import makna
from makna.errors import PrivacyError
from makna.privacy.keyfile import read_key
from makna.privacy.naming import _faker_lists, token_traditions
from makna.privacy.project import add_detection, decide_all, scan
from makna.privacy.project_apply import apply

OJOL = (
    "Pewawancara: Boleh perkenalkan diri, Pak?\n"
    "Dedi: Nama saya Dedi Kurniawan, umur 34 tahun. Saya tinggal di Kelurahan Sukamaju.\n"
    "Pewawancara: Keluarga Bapak?\n"
    "Dedi: Adik saya umurnya dua puluh lima tahun. Istri saya Bu Wati jualan di kelurahan Sukamaju.\n"
)
PEDAGANG = (
    "Q: Ibu sudah lama jualan?\n"
    "A: Saya Wati, umur 41 tahun. Lapak saya di Pasar Sukamaju, orang sini bilang pasar sukamaju.\n"
)
VENDOR = (
    "Interviewer: Could you tell me about yourself?\n"
    "Informant: I'm Joko, I'm 52 years old. My friend Mrs Tarigan sells next to me in Sukamaju.\n"
)
PASS = "correct horse battery staple"
MARKS = {
    "ojol-dedi.txt": [("Dedi Kurniawan", "PERSON"), ("Dedi", "PERSON"), ("34 tahun", "AGE"),
                      ("Kelurahan Sukamaju", "LOCATION"), ("dua puluh lima tahun", "AGE"), ("Wati", "PERSON"),
                      ("Sukamaju", "LOCATION")],
    "pedagang_WATI-2.txt": [("Wati", "PERSON"), ("41 tahun", "AGE"), ("Pasar Sukamaju", "LOCATION"),
                            ("sukamaju", "LOCATION")],
    "vendor-en.txt": [("Joko", "PERSON"), ("52 years old", "AGE"), ("Tarigan", "PERSON"), ("Sukamaju", "LOCATION")],
}


def _mark(project: makna.Project, name: str, text: str) -> None:
    """Add every occurrence of the marked identifiers (longest first; a covered span is left)."""
    taken: list[tuple[int, int]] = []
    for needle, kind in sorted(MARKS[name], key=lambda m: -len(m[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            add_detection(project, name, m.start(), m.end(), kind)


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    for name, text, lang in (("ojol-dedi.txt", OJOL, "id"), ("pedagang_WATI-2.txt", PEDAGANG, "id"),
                             ("vendor-en.txt", VENDOR, "en")):
        makna.import_text(project, name, text, language=lang, original_name=name)
        _mark(project, name, text)
    return project


def _deidentify(project: makna.Project, key: Path) -> None:
    for _ in range(2):
        scan(project)
        decide_all(project, "accepted")
    apply(project, key, PASS)


def _texts(project: makna.Project) -> dict[str, str]:
    return {s.name: makna.get_source(project, s.name).text for s in makna.list_sources(project)}


def test_ages_move_by_one_project_offset_in_digits_words_and_units(study: makna.Project, tmp_path: Path) -> None:
    """A new user saw +10 and +1 in one project: the reserved unit word ("tahun") made every digit age
    clash and move further. Now every age moves by the key's one offset."""
    _deidentify(study, tmp_path / "k.key")
    mapping, _records = read_key(tmp_path / "k.key", PASS)
    k = mapping.age_offset
    assert k in {-2, -1, 1, 2}
    text = "\n".join(_texts(study).values())
    assert f"umur {34 + k} tahun" in text and f"umur {41 + k} tahun" in text
    assert f"I'm {52 + k} years old" in text
    words = {23: "dua puluh tiga", 24: "dua puluh empat", 26: "dua puluh enam", 27: "dua puluh tujuh"}
    assert f"umurnya {words[25 + k]} tahun" in text


def test_a_place_keeps_one_surrogate_in_every_mention_and_form(study: makna.Project, tmp_path: Path) -> None:
    _deidentify(study, tmp_path / "k.key")
    texts = _texts(study)
    joined = "\n".join(texts.values())
    assert "sukamaju" not in joined.casefold()
    ojol = next(t for n, t in texts.items() if n.startswith("ojol"))
    core = re.search(r"Saya tinggal di Kelurahan (.+)\.\n", ojol)
    assert core is not None
    new = core.group(1)
    assert f"jualan di kelurahan {new}." in ojol
    pedagang = next(t for n, t in texts.items() if n.startswith("pedagang"))
    assert f"Lapak saya di Pasar {new}, orang sini bilang pasar {new.lower()}." in pedagang
    assert f"sells next to me in {new}." in texts["vendor-en.txt"]


def test_a_name_in_no_list_follows_the_study_not_the_transcript_language(study: makna.Project,
                                                                           tmp_path: Path) -> None:
    """An Indonesian vendor interviewed in English ("Mrs Tarigan", a name in no list of makna's; "Joko",
    Javanese) once got English surrogates; the study is Indonesian (most of its sources)."""
    _deidentify(study, tmp_path / "k.key")
    mapping, _records = read_key(tmp_path / "k.key", PASS)
    english_only = {n for v in _faker_lists("en_GB").values() for n in v} - {
        n for v in _faker_lists("id_ID").values() for n in v}
    joko, tarigan = mapping.person_tokens["joko"], mapping.person_tokens["tarigan"]
    assert "jawa" in token_traditions(joko), joko
    assert tarigan not in english_only and joko not in english_only
    indonesian = {n for v in _faker_lists("id_ID").values() for n in v}
    assert tarigan in indonesian or token_traditions(tarigan), tarigan


def test_a_name_in_a_file_name_is_found_and_renamed(study: makna.Project, tmp_path: Path) -> None:
    """``ojol-dedi.txt``: lower case, after a hyphen; ``pedagang_WATI-2.txt``: capitals between ``_`` and a
    digit. The names found in the transcripts are found there too and renamed with their surrogates."""
    report = scan(study)
    found = {(e.field, e.source, e.text) for e in report.entries if e.field.startswith("sources.")}
    assert ("sources.name", "source ojol-dedi.txt", "dedi") in found
    assert ("sources.original_name", "source ojol-dedi.txt", "dedi") in found
    assert ("sources.name", "source pedagang_WATI-2.txt", "WATI") in found
    decide_all(study, "accepted")
    _deidentify(study, tmp_path / "k.key")
    mapping, _records = read_key(tmp_path / "k.key", PASS)
    dedi, wati = mapping.person_tokens["dedi"], mapping.person_tokens["wati"]
    names = {s.name: s for s in makna.list_sources(study)}
    assert f"ojol-{dedi.lower()}.txt" in names and f"pedagang_{wati.upper()}-2.txt" in names
    assert names[f"ojol-{dedi.lower()}.txt"].original_name == f"ojol-{dedi.lower()}.txt"
    assert f"{dedi}: Nama saya {dedi} " in makna.get_source(study, f"ojol-{dedi.lower()}.txt").text


def test_apply_refuses_a_confirmed_name_left_unreviewed_in_a_file_name(study: makna.Project,
                                                                       tmp_path: Path) -> None:
    for _ in range(2):
        scan(study)
        decide_all(study, "accepted")
    makna.rename_source(study, "vendor-en.txt", "vendor-joko.txt")  # after the scan
    with pytest.raises(PrivacyError, match="sources.name of source vendor-joko.txt"):
        apply(study, tmp_path / "k.key", PASS)


@pytest.mark.parametrize(("original", "up", "down"), [
    ("34 tahun", "36 tahun", "33 tahun"),
    ("52 years old", "54 years old", "51 years old"),
    ("29 yrs", "31 yrs", "28 yrs"),
    ("dua puluh lima tahun", "dua puluh tujuh tahun", "dua puluh empat tahun"),
    ("enam belas", "delapan belas", "lima belas"),
    ("Twenty-three", "Twenty-five", "Twenty-two"),
    ("nineteen", "twenty-one", "eighteen"),
    ("tigo puluah sambilan", "ampek puluah ciek", "tigo puluah salapan"),  # Minang
    ("tilu puluh dalapan", "opat puluh", "tilu puluh tujuh"),  # Sundanese
    ("40-an", "50-an", "30-an"),
    ("tiga puluhan tahun", "empat puluhan tahun", "dua puluhan tahun"),
    ("forties", "fifties", "thirties"),
    ("95 tahun", "90 tahun", "90 tahun"),
])
def test_an_age_keeps_its_form_and_moves_by_the_offset(original: str, up: str, down: str) -> None:
    from makna.privacy.ages import shift_age_text

    assert shift_age_text(original, 2) == up
    assert shift_age_text(original, -1) == down


def test_the_age_offset_is_chosen_to_move_no_age_onto_another() -> None:
    """The dev corpus's ages (23, 24, 26, 31 tahun) leave no offset of 1-3 years free: 4 years is taken
    (5 would move 26 onto 31), and every age moves by it, the same age always to the same surrogate."""
    from makna.privacy import KeyMapping

    ages = ["24 tahun", "23 tahun", "31 tahun", "26 tahun", "29"]
    for seed in range(10):
        mapping = KeyMapping(secret=f"{seed + 70:064x}")
        mapping.settle_offsets([("AGE", a) for a in ages])
        k = mapping.age_offset or 0
        assert abs(k) == 4
        got = {a: mapping.surrogate("AGE", a) for a in ages}
        assert got == {a: (f"{int(a.split()[0]) + k} tahun" if " " in a else str(29 + k)) for a in ages}
        assert not set(got.values()) & set(ages[:4])
        assert mapping.surrogate("AGE", "24 tahun") == got["24 tahun"]
        # once an age is replaced, the offset stays, whatever a later apply brings
        mapping.settle_offsets([("AGE", "20 tahun"), ("AGE", f"{20 + k} tahun")])
        assert mapping.age_offset == k


def test_label_matching_reads_case_and_file_name_separators() -> None:
    from makna.privacy.labels import find_in_labels

    labels = {"a": "ojol-dedi.txt", "b": "DEDI 02.docx", "c": "wawancara.dedi.txt", "d": "dedikasi.txt",
              "e": "pasar-sukamaju-3.txt", "f": "Bu Wati Kurniawan.md", "g": "kak-ani.txt"}
    names = {"Dedi Kurniawan": ("PERSON", 0.99), "Kelurahan Sukamaju": ("LOCATION", 0.99),
             "Wati": ("PERSON", 0.4), "Kak": ("PERSON", 0.9)}
    got = {k: [(d.text, d.type, d.confidence) for d in v] for k, v in find_in_labels(labels, names).items()}
    assert got == {"a": [("dedi", "PERSON", 0.99)], "b": [("DEDI", "PERSON", 0.99)], "c": [("dedi", "PERSON", 0.99)],
                   "e": [("sukamaju", "LOCATION", 0.99)],
                   "f": [("Wati", "PERSON", 0.4), ("Kurniawan", "PERSON", 0.99)]}
