"""Bugis, Makassar and Buton titles in surrogates (#11, trial12 row 7): ``Andi``, ``Karaeng``, ``Opu``, ``Puang``,
``Daeng``, ``La Ode``/``Wa Ode`` and the Buton ``La``/``Wa`` stay as written, like an honorific, and show their
gender where they do; the rest of the name takes a Bugis, Makassar or Buton surrogate, one per person, distinct
for different people; ``Andi`` in a Javanese name stays a given name. Through ``pseudonymise`` in both languages,
and through a project's ``deid apply`` on the CLI. Every name here is fictional."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy.keyfile import read_key
from makna.privacy.naming import _traditions, token_gender
from makna.privacy.project import add_detection, decide_all, scan
from makna.privacy.pseudonymise import KeyMapping, pseudonymise
from makna.privacy.sulawesi_titles import read_titles, title_context
from makna.privacy.types import Detection

PASS = "correct horse battery staple"


def _pool(*traditions: str) -> set[str]:
    return {n.casefold() for (t, _r, _g), names in _traditions().items() if t in traditions for n in names}


def _surrogates(
    text: str, names: list[str], *, language: str = "id", region: str | None = None, mapping: KeyMapping | None = None
) -> dict[str, str]:
    dets = []
    for name in names:
        start = text.index(name)
        dets.append(Detection(start, start + len(name), "PERSON", 1.0, "test", name))
    mapping = mapping or KeyMapping()
    mapping.reserve(names)  # as a project's apply does: no surrogate meets an original of the project
    _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language=language, region=region)
    return {name: rep.replacement for name, rep in zip(names, reps, strict=True)}


KENDARI = {
    "id": "Informan: Saya Andi Pallawa, dari Ranomeeto. Anak saya Andi Tenri Ajeng. Tetangga Wa Ode Sitti Hasnah "
    "dan anaknya La Ode Faisal.",
    "en": "Informant: I am Andi Pallawa, from Ranomeeto. My daughter is Andi Tenri Ajeng. Our neighbour Wa Ode Sitti "
    "Hasnah and her son La Ode Faisal came too.",
}
NAMES = ["Andi Pallawa", "Andi Tenri Ajeng", "Wa Ode Sitti Hasnah", "La Ode Faisal"]


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("region", ["74", "73", None])
def test_titles_stay_and_the_rest_is_one_surrogate_per_person(language: str, region: str | None) -> None:
    reps = _surrogates(KENDARI[language], NAMES, language=language, region=region)
    andi1, andi2, waode, laode = (reps[n].split() for n in NAMES)
    assert andi1[0] == andi2[0] == "Andi" and len(andi1) == 2 and len(andi2) == 3, reps
    assert waode[:2] == ["Wa", "Ode"] and laode[:2] == ["La", "Ode"] and len(waode) == 4 and len(laode) == 3, reps
    rest = [w for r in (andi1, andi2, waode, laode) for w in r if w not in {"Andi", "Wa", "La", "Ode"}]
    assert len(set(rest)) == len(rest), reps  # no given name shared by people who only share a title
    originals = {w.casefold() for n in NAMES for w in n.split()} - {"andi", "wa", "la", "ode"}
    assert not originals & {w.casefold() for w in rest}, reps
    # gender shown by the Buton titles, tradition by the title
    assert {token_gender(w) for w in waode[2:]} == {"f"} and token_gender(laode[2]) == "m", reps
    assert {w.casefold() for w in waode[2:] + laode[2:]} <= _pool("buton"), reps


def test_the_same_person_keeps_the_surrogate_across_sources() -> None:
    mapping = KeyMapping()
    first = _surrogates("Saya Andi Pallawa, 57 tahun.", ["Andi Pallawa"], region="74", mapping=mapping)
    again = _surrogates("Pak Andi Pallawa datang lagi.", ["Andi Pallawa"], region="74", mapping=mapping)
    assert first == again


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("Teman kuliah saya Andi Saputra, di Yogyakarta.", "Andi Saputra", "34"),
        ("My classmate Andi Saputra lives in Yogyakarta.", "Andi Saputra", "34"),
        ("Teman kuliah saya Andi Saputra.", "Andi Saputra", None),
    ],
)
def test_andi_in_a_javanese_name_stays_a_given_name(text: str, name: str, region: str | None) -> None:
    reps = _surrogates(text, [name], language="en" if "My" in text else "id", region=region)
    assert "Andi" not in reps[name].split() and len(reps[name].split()) == 2, reps


@pytest.mark.parametrize(
    ("toks", "region", "keep", "gender", "tradition"),
    [
        ("Andi Baso Tenri", None, {0}, None, "bugis"),  # its other parts are Bugis
        ("Andi Saputra", "73", {0}, None, "bugis"),  # the region says so
        ("Karaeng Lallo Sewang", None, {0}, None, "makassar"),
        ("Opu Daeng Malewa", None, {0, 1}, None, "bugis"),
        ("Wa Ode Nuru", None, {0, 1}, "f", "buton"),
        ("La Ode Kasim", "31", {0, 1}, "m", "buton"),
        ("La Ali", "74", {0}, "m", "buton"),  # La before a given name in Southeast Sulawesi
        ("Hj. Wa Nuru", "74", {1}, "f", "buton"),  # after a title (Hj. itself: NAME_TITLES)
    ],
)
def test_read_titles(toks: str, region: str | None, keep: set[int], gender: str | None, tradition: str) -> None:
    reading = read_titles(toks.split(), region=region, tradition=None)
    assert reading is not None and set(reading.keep) == keep
    assert reading.gender == gender and reading.tradition == tradition


def test_what_is_not_a_title() -> None:
    assert read_titles("Andi Saputra".split(), region="34", tradition=None) is None
    assert read_titles("La Ali".split(), region="31", tradition=None) is None  # no Buton context
    assert read_titles("Andi".split(), region="73", tradition=None) is None  # a title names no one alone
    assert read_titles("Rosmawati la Ali".split(), region="74", tradition=None) is None
    assert read_titles("Rahmat La Ali".split(), region="74", tradition=None) is None  # La opens a name only
    assert title_context([["Wa", "Ode", "Nuru"]]) == {"buton", "sulawesi"}
    ali = read_titles("La Ali".split(), region="31", tradition=None, context=title_context([["Wa", "Ode", "Nuru"]]))
    assert ali is not None and ali.keep == {0}


SOURCES = {
    "transkrip-konsel.txt": (
        "id",
        "P: Siapa nama Bapak?\nI: Saya Andi Pallawa, umur 57. Anak saya Andi Tenri Ajeng.\n",
    ),
    "chat-kendari.txt": ("id", "Wa Ode Sitti Hasnah: Anak saya La Ode Faisal sudah pulang.\n"),
    "pasar.txt": ("id", "I: Yang pinjam uang itu Andi Muhammad Arfah, sepupu Andi Baso Tenri.\n"),
    "jogja-en.txt": ("en", "A: My flatmate Andi Saputra studied in Yogyakarta.\n"),
}


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    for name, (lang, text) in SOURCES.items():
        makna.import_text(project, name, text, language=lang)
        scan(project, sources=[name])
        decide_all(project, "rejected")  # only the names marked below: the result does not hang on detectors
        for person in re.findall(r"(?:Andi|Wa Ode|La Ode)(?: [A-Z][a-z]+)+", text):
            for m in re.finditer(re.escape(person), text):
                add_detection(project, name, m.start(), m.end(), "PERSON")
    return project


def test_deid_apply_through_the_cli(study: makna.Project, project_location: str, tmp_path: Path) -> None:
    for name, region in (
        ("transkrip-konsel.txt", "74"),
        ("chat-kendari.txt", "74"),
        ("pasar.txt", "73"),
        ("jogja-en.txt", "34"),
    ):
        result = CliRunner().invoke(app, ["deid", "region", "-p", project_location, "--set", region, "--source", name])
        assert result.exit_code == 0, result.output
    pw = tmp_path / "pass.txt"
    pw.write_text(PASS)
    key = tmp_path / "keys" / "k.key"
    result = CliRunner().invoke(
        app, ["deid", "apply", "--force", "--key", str(key), "--passphrase-file", str(pw), "-p", project_location]
    )
    assert result.exit_code == 0, result.output
    _mapping, records = read_key(key, PASS)
    ids = {s.id for s in makna.list_sources(study)}
    reps = {
        str(r["original"]): str(r["replacement"])
        for sid, entry in records.items()
        if sid in ids
        for r in entry["replacements"]
    }
    andis = [reps[n] for n in ("Andi Pallawa", "Andi Tenri Ajeng", "Andi Muhammad Arfah", "Andi Baso Tenri")]
    assert all(r.split()[0] == "Andi" for r in andis), reps
    seconds = [r.split()[1] for r in andis]
    assert len(set(seconds)) == 4, reps  # four people, four surrogates
    assert reps["Wa Ode Sitti Hasnah"].startswith("Wa Ode ") and reps["La Ode Faisal"].startswith("La Ode "), reps
    assert "Andi" not in reps["Andi Saputra"].split(), reps  # a Javanese given name in Yogyakarta
    texts = " ".join(makna.get_source(study, n).text for n in SOURCES)
    for original in ("Pallawa", "Tenri", "Ajeng", "Hasnah", "Faisal", "Arfah", "Saputra"):
        assert original not in texts


@pytest.mark.parametrize("tradition", ["makassar", "buton"])
def test_makassar_and_buton_may_be_chosen(tradition: str) -> None:
    text = "Saya Rahmat Hidayat dan Siti Aminah."
    dets = [
        Detection(text.index(n), text.index(n) + len(n), "PERSON", 1.0, "test", n)
        for n in ("Rahmat Hidayat", "Siti Aminah")
    ]
    _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=KeyMapping(), tradition=tradition)
    words = [w.casefold() for r in reps for w in r.replacement.split()]
    assert set(words) <= _pool(tradition), words
    assert token_gender(reps[0].replacement.split()[0]) == "m" and token_gender(reps[1].replacement.split()[0]) == "f"
