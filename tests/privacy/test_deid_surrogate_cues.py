"""What a new user's trial left (#11, deidsurr2): gender from kin and role words, organisations that keep their
legal form and kind words, a key file that would travel with the project or has a weak passphrase, and chat
time stamps in the date offset's collision check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.keyfile import key_location_risks, passphrase_risks
from makna.privacy.naming import kin_gender, locale_gender
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import add_known_names, apply, open_key
from makna.privacy.regions import place_regions
from makna.privacy.surrogates import split_org
from makna.privacy.times import stamp_date
from makna.store import tables

PASS = "correct horse battery staple"
SECRET = "5e" * 32


def _persons(text: str, names: list[str], kind: str = "PERSON") -> list[Detection]:
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Detection(start, start + len(name), kind, 0.9, "t", name))
        pos = start + len(name)
    return out


# ------------------------------------------------------------------------------------ gender
@pytest.mark.parametrize(("text", "gender"), [
    ("Suami saya X datang.", "m"), ("istri saya X", "f"), ("istriku X", "f"), ("suaminya, X, kerja", "m"),
    ("adik perempuan saya X", "f"), ("kakak laki-laki saya X", "m"), ("anak perempuannya X", "f"),
    ("ibu saya X", "f"), ("mantan suami saya X", "m"), ("My husband X drives.", "m"), ("her son X", "m"),
    ("my daughter, X, is 9", "f"), ("My brother-in-law X", "m"), ("my son is called X", "m"),
    ("Aku ketemu X, suami saya.", "m"), ("We met X (my wife) there", "f"),
    # a word that says nothing, or nothing at all: no guess
    ("anak saya X", None), ("kakak saya X", None), ("adik saya yang bernama X", None), ("my partner X", None),
    ("her cousin X", None), ("pacar saya X", None), ("ketemu X di pasar", None), ("X, my mother said", None),
])
def test_kin_and_role_words_show_gender_or_nothing(text: str, gender: str | None) -> None:
    start = text.index("X")
    assert kin_gender(text, start, start + 1) == gender


def test_kin_words_keep_gender_in_surrogates_and_disagreeing_cues_cancel() -> None:
    invented = [f"Zor{a}{b}" for a in "aeiou" for b in "klmnrst"]  # in no gendered list
    for cue, gender in (("Suami saya", "m"), ("Istri saya", "f"), ("My husband", "m"), ("My daughter", "f"),
                        ("Adik perempuan saya", "f"), ("Kakak laki-laki saya", "m")):
        text = " ".join(f"{cue} {n} datang." for n in invented)
        _new, reps = pseudonymise(text, _persons(text, invented), mode="surrogate",
                                  mapping=KeyMapping(secret=SECRET))
        assert [r.replacement for r in reps if locale_gender(r.replacement) != gender] == [], cue
    # an honorific comes first; two kin cues that disagree say nothing
    mapping = KeyMapping(secret=SECRET)
    text = "Suami saya Zorbek. Istri saya Zorbek. Pak Zorvan, istri saya Zorvan."
    pseudonymise(text, _persons(text, ["Zorbek", "Zorbek", "Zorvan", "Zorvan"]), mode="surrogate", mapping=mapping)
    assert mapping.kin["zorbek"] == "" and mapping.genders["zorvan"] == "m"
    assert KeyMapping.from_dict(mapping.to_dict()).kin == mapping.kin


# ----------------------------------------------------------------------------- organisations
@pytest.mark.parametrize(("org", "head", "tail"), [
    ("PT Zorbala Jaya Tbk", "PT ", " Tbk"), ("CV Zorbala", "CV ", ""), ("Zorbline Haulage Ltd", "", " Haulage Ltd"),
    ("Zorbafor & Sons", "", " & Sons"), ("Zorbcorp Limited", "", " Limited"), ("Zorbcorp Inc.", "", " Inc."),
    ("Zorbcorp LLC", "", " LLC"), ("Koperasi Zorbala", "Koperasi ", ""), ("Yayasan Zorbala Kasih", "Yayasan ", ""),
    ("Toko Zorbala", "Toko ", ""), ("Warung Zorbala", "Warung ", ""), ("St Zorbert Hospital", "", " Hospital"),
    ("Zorbridge Clinic", "", " Clinic"), ("Zorbfield School", "", " School"), ("The Zorbridge Clinic", "The ", " Clinic"),
    ("SD Negeri 3 Zorbala", "SD Negeri 3 ", ""),
])
def test_organisation_surrogates_keep_legal_forms_and_kind_words(org: str, head: str, tail: str) -> None:
    assert split_org(org)[0] == head and split_org(org)[2] == tail
    mapping = KeyMapping(secret=SECRET, region="13")
    mapping.reserve([org])
    new = mapping.surrogate("ORG", org, language="en")
    assert new.startswith(head) and new.endswith(tail) and new != org, new
    name = new[len(head): len(new) - len(tail)]
    assert name and "Zorb" not in new and not set(name.casefold().split()) & set(org.casefold().split())


def test_a_police_sector_or_clinic_gets_its_place_surrogate() -> None:
    mapping = KeyMapping(secret=SECRET, region="13")
    originals = ["Polsek Kuranji", "Puskesmas Andalas", "SD Negeri 3 Kuranji", "Kuranji", "Polres Padang Pariaman"]
    mapping.reserve(originals)
    place = mapping.surrogate("LOCATION", "Kuranji")
    assert mapping.surrogate("ORG", "Polsek Kuranji") == f"Polsek {place}"
    assert mapping.surrogate("ORG", "SD Negeri 3 Kuranji") == f"SD Negeri 3 {place}"
    for org, kind in (("Puskesmas Andalas", "Puskesmas "), ("Polres Padang Pariaman", "Polres ")):
        new = mapping.surrogate("ORG", org)
        assert new.startswith(kind) and "13" in {p for p, _lv in place_regions(new[len(kind):])}, new


# ---------------------------------------------------------------------------------- key safety
def test_key_location_and_passphrase_risks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    study = tmp_path / "work" / "study"
    study.mkdir(parents=True)
    db = study / "study.makna"
    assert key_location_risks(study / "study.key", db)  # next to the project
    assert key_location_risks(study / "keys" / "study.key", db)  # in a folder of it
    assert key_location_risks(tmp_path / "home" / "keys" / "k.key", db) == []
    assert key_location_risks(tmp_path / "work" / "k.key", db) == []
    assert key_location_risks(study / "k.key", None) == []  # a server project has no folder
    (tmp_path / "work" / ".git").mkdir()  # a repository: the key would be committed with the project
    assert "versioned" in key_location_risks(tmp_path / "work" / "k.key", db)[0]
    synced = tmp_path / "Dropbox" / "study"
    synced.mkdir(parents=True)
    assert key_location_risks(tmp_path / "Dropbox" / "keys" / "k.key", synced / "s.makna")
    # a project in the home folder: a key in a folder of home is apart from it; next to it is not
    home_db = tmp_path / "home" / "s.makna"
    assert key_location_risks(tmp_path / "home" / "keys" / "k.key", home_db) == []
    assert key_location_risks(tmp_path / "home" / "k.key", home_db)
    assert passphrase_risks("short") and passphrase_risks("password1234") and passphrase_risks("aaaaaaaaaaaaaa")
    assert passphrase_risks("padangstudy2024", hints=("padangstudy",))
    assert passphrase_risks(PASS) == [] and passphrase_risks("kunci rahasia kopi hujan") == []


def test_cli_apply_refuses_a_key_that_travels_with_the_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
    study = tmp_path / "study"
    study.mkdir()
    loc = str(study / "study.makna")
    with makna.create_project(loc, coder="tester") as p:
        makna.import_text(p, "a.txt", "P: Nomor?\nI: 0812-7411-2095 ya.\n", language="id")
        scan(p)
        decide_all(p, "accepted")
    strong, weak = tmp_path / "strong.txt", tmp_path / "weak.txt"
    strong.write_text(PASS + "\n", encoding="utf-8")
    weak.write_text("study2024\n", encoding="utf-8")
    runner = CliRunner()

    def run(key: Path, pw: Path, *extra: str) -> tuple[int, str]:
        result = runner.invoke(app, ["deid", "apply", "--key", str(key), "--passphrase-file", str(pw), "-p", loc,
                                     *extra])
        return result.exit_code, result.output

    code, out = run(study / "study.key", strong)
    assert code != 0 and "inside the project's folder" in out and "--force" in out
    code, out = run(tmp_path / "home" / "keys" / "study.key", weak)
    assert code != 0 and "shorter than 12" in out
    assert not (study / "study.key").exists() and not (tmp_path / "home" / "keys" / "study.key").exists()
    assert "0812-7411-2095" in makna.get_source(makna.open_project(loc), "a.txt").text  # nothing changed
    code, out = run(study / "study.key", strong, "--force")
    assert code == 0 and "Warning: the key file" in out and "0812-7411-2095" not in makna.get_source(
        makna.open_project(loc), "a.txt").text


# ------------------------------------------------------------------------- dates in chat stamps
def test_the_date_offset_moves_no_chat_stamp_onto_another(project: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "keys" / "k.key"
    add_known_names(project, key, PASS, ["Zorvan Zorbek"])  # the key (and its drawn offset) exists first
    offset = int(open_key(project, key, PASS).mapping.date_offset or 0)
    first = dt.date(2026, 8, 12)
    second = first + dt.timedelta(days=offset)  # the drawn offset would move the first day onto the second
    chat = (f"{first:%d/%m/%y} 19.02 - Rina: Halo, jadi ketemu?\n"
            f"{first:%d/%m/%y} 19.05 - Sari: Jadi, besok ya\n"
            f"{second:%d/%m/%y} 07.30 - Rina: Aku sudah sampai\n")
    path = tmp_path / "WhatsApp Chat with Rina.txt"
    path.write_text(chat, encoding="utf-8")
    makna.import_file(project, path)
    scan(project)
    decide_all(project, "accepted")
    apply(project, key, PASS)
    with project.store.read() as conn:
        stamps = {stamp_date(r.time_start) for r in conn.execute(select(tables.turns.c.time_start))}
    assert stamps and not stamps & {first.isoformat(), second.isoformat()}, (offset, stamps)
    chosen = int(open_key(project, key, PASS).mapping.date_offset or 0)
    assert chosen != offset and abs(chosen) >= 7


def test_what_the_readme_walkthrough_showed_on_a_new_transcript() -> None:
    """A Makassar trader and a nurse in Leeds in one study (one English source, one Indonesian: the study's
    language is English by a tie): an unknown kelurahan stays Indonesian, a street without a number keeps its
    street word, a care home stays a care home, and a name that only Hausa lists hold (Ahmad) is not given a
    Hausa name at home."""
    mapping = KeyMapping(secret=SECRET, region="73", language="en")
    originals = ["Kelurahan Zorbaru Baru", "Zorbhay Road", "Zorbbank Care Home", "Ahmad"]
    mapping.reserve(originals)
    kelurahan = mapping.surrogate("LOCATION", "Kelurahan Zorbaru Baru", language="id")
    assert kelurahan.startswith("Kelurahan ") and place_regions(kelurahan[len("Kelurahan "):]), kelurahan
    street = mapping.surrogate("ADDRESS", "Zorbhay Road", language="en")
    assert street.endswith(" Road") and "Zorb" not in street, street
    home = mapping.surrogate("ORG", "Zorbbank Care Home", language="en")
    assert home.endswith(" Care Home") and "Zorb" not in home, home
    from makna.privacy.naming import _all_names

    ahmad = mapping.surrogate("PERSON", "Ahmad", language="id")
    assert not any(ahmad in _all_names(loc) and ahmad not in _all_names("en_GB") and ahmad not in _all_names("id_ID")
                   for loc in ("ha_NG", "yo_NG", "ig_NG", "tw_GH")), ahmad
