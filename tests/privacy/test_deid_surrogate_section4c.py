"""Surrogates that read right, round deidsurr6 (#11 section 4; the fourth trial's #8): provinces and countries
kept by default (or moved with their towns under the wider policy), a place's surrogate of its own level,
Minang adat titles and clan names, and one person's initial and clipped nickname."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import InputError
from makna.privacy import KeyMapping
from makna.privacy.adat import adat_roles, clan_names, gelar_words, minang_title_gender
from makna.privacy.coarse import coarse_place, resolve_coarse
from makna.privacy.keyfile import read_key
from makna.privacy.name_forms import context_full, short_forms
from makna.privacy.naming import COUNTRY_LOCALES, _all_names, _token_index, locale_gender
from makna.privacy.project import add_detection, decide_all, scan
from makna.privacy.project_apply import apply
from makna.privacy.regions import city_stem_regions, countries, country_places, place_regions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_deid_surrogate_trial import _run  # noqa: E402  (marked items, one surrogate pass)

ROOT = Path(__file__).resolve().parents[2]
SECRET = "ab" * 32
PASS = "correct horse battery staple"
_SUMBAR = [("LOCATION", p) for p in ("Bukittinggi", "Sumatera Barat", "Payakumbuh", "Sumbar")]


def _provinces(place: str) -> set[str]:
    return {p for p, _lv in place_regions(place)}


def _countries(place: str) -> set[str]:
    return {c for c, _a in country_places(place)}


# ---------------------------------------------------------------------------------------- coarse places
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sumatera Barat", ("province", "13")),
        ("Provinsi Sumatera Barat", ("province", "13")),
        ("Sumbar", ("province", "13")),
        ("West Sumatra", ("province", "13")),
        ("Central Java", ("province", "33")),
        ("DKI Jakarta", ("province", "31")),
        ("Bali", ("province", "51")),
        ("United Kingdom", ("country", "GB")),
        ("England", ("country", "GB")),
        ("Nigeria", ("country", "NG")),
        ("Indonesia", ("country", "ID")),
        ("Sumatra", ("island", "Sumatera")),
        ("Jakarta", None),
        ("Jambi", None),
        ("Provinsi Jambi", ("province", "15")),
        ("Yogyakarta", None),
        ("Bukittinggi", None),
        ("Leicester", None),
        ("Nanggalo", None),
        # found by the round's review: territories and micro-states point at few people; a country that is
        # also a first name may be a person typed as a place; "the" before a city's name makes no province
        ("Pitcairn", None),
        ("Tokelau", None),
        ("Monaco", None),
        ("Jordan", None),
        ("Chad", None),
        ("India", ("country", "IN")),
        ("The Netherlands", ("country", "NL")),
        ("the UK", ("country", "GB")),
        ("the Jambi", None),
        ("The Bengkulu", None),
    ],
)
def test_coarse_places(text: str, found: tuple[str, str] | None) -> None:
    assert coarse_place(text) == found


def test_a_coarse_place_is_kept_by_default_and_towns_stay_in_the_province() -> None:
    mapping = KeyMapping(secret=SECRET)
    text = "Lokasi: Bukittinggi, Sumatera Barat. Asal Payakumbuh, Sumbar."
    got = _run(
        text,
        _SUMBAR,
        mapping,
    )
    assert got[1] == "Sumatera Barat" and got[3] == "Sumbar", got
    assert "13" in _provinces(got[0]) and "13" in _provinces(got[2]), got
    assert got[0] not in {"Bukittinggi", "Payakumbuh"} and got[2] not in {"Bukittinggi", "Payakumbuh"}
    assert mapping.kept == {"Sumatera Barat": "13", "Sumbar": "13"}
    assert "Sumatera Barat" not in mapping.originals()  # a kept place is no surrogate, no original to hide
    again = KeyMapping.from_dict(mapping.to_dict())
    assert again.kept == mapping.kept and again.coarse == "keep"


def test_a_country_is_kept_in_english_and_the_city_stays_in_it() -> None:
    mapping = KeyMapping(secret=SECRET)
    got = _run(
        "I lived in Leicester, United Kingdom, and my dad is in Nigeria.",
        [("LOCATION", "Leicester"), ("LOCATION", "United Kingdom"), ("LOCATION", "Nigeria")],
        mapping,
        language="en",
        region="GB",
    )
    assert got[1:] == ["United Kingdom", "Nigeria"], got
    assert "GB" in _countries(got[0]) and got[0] != "Leicester", got


def test_a_territory_gets_a_surrogate_not_kept() -> None:
    mapping = KeyMapping(secret=SECRET)
    got = _run("I grew up on Pitcairn, then moved to Jordan.", [("LOCATION", "Pitcairn"), ("LOCATION", "Jordan")],
               mapping, language="en")  # fmt: skip
    assert got[0] != "Pitcairn" and got[1] != "Jordan" and mapping.kept == {}, got


def test_the_wider_policy_keeps_what_it_cannot_move_and_says_so() -> None:
    """Every island named: the last one has no other island left to become; it stays, recorded as kept."""
    mapping = KeyMapping(secret=SECRET, coarse="replace")
    islands = ["Sumatera", "Jawa", "Kalimantan", "Sulawesi", "Maluku", "Papua", "Nusa Tenggara"]
    got = _run(", ".join(islands) + ".", [("LOCATION", i) for i in islands], mapping)
    for original, new in zip(islands, got, strict=True):
        assert new != original or mapping.kept.get(original) == original, (original, new, mapping.kept)


def test_the_wider_policy_moves_a_province_and_its_towns_consistently() -> None:
    mapping = KeyMapping(secret=SECRET, coarse="replace")
    text = "Lokasi: Bukittinggi, Sumatera Barat. Asal Payakumbuh, Sumbar. Suami dari Jawa Tengah."
    got = _run(
        text,
        [*_SUMBAR, ("LOCATION", "Jawa Tengah")],
        mapping,
    )
    new = mapping.moved["13"]
    assert got[1] == got[3] and new in _provinces(got[1]) and new != "13", got
    assert got[4] not in {"Sumatera Barat", "Jawa Tengah", got[1]}, got  # never another original, never shared
    assert new in _provinces(got[0]) and new in _provinces(got[2]), got
    assert not mapping.kept
    again = KeyMapping.from_dict(mapping.to_dict())
    assert again.coarse == "replace" and again.moved == mapping.moved


def test_the_wider_policy_moves_a_country_and_its_cities_in_english() -> None:
    mapping = KeyMapping(secret=SECRET, coarse="replace")
    got = _run(
        "I lived in Leicester, United Kingdom, then Derby, England. Family in Nigeria; visited Indonesia.",
        [
            ("LOCATION", "Leicester"),
            ("LOCATION", "United Kingdom"),
            ("LOCATION", "Derby"),
            ("LOCATION", "England"),
            ("LOCATION", "Nigeria"),
            ("LOCATION", "Indonesia"),
        ],
        mapping,
        language="en",
        region="GB",
    )
    new = mapping.moved["GB"]
    assert got[1] == got[3] == countries()[new] and new in COUNTRY_LOCALES and new != "NG", got
    assert new in _countries(got[0]) and new in _countries(got[2]), got
    assert got[4] not in {"Nigeria", got[1]} and got[5] == "Indonesia", got  # Indonesia's towns stay Indonesian


def test_resolve_coarse() -> None:
    assert resolve_coarse(None) is None and resolve_coarse("Keep") == "keep" and resolve_coarse("wider") == "replace"
    with pytest.raises(InputError):
        resolve_coarse("sometimes")


# ---------------------------------------------------------------------------------------- levels
@pytest.mark.parametrize(
    ("place", "level"),
    [
        ("Jakarta", "city"),
        ("Bukittinggi", "city"),
        ("Pariaman", "city"),
        ("Nanggalo", "district"),
        ("Koto Tangah", "district"),
    ],
)
def test_a_place_keeps_its_level(place: str, level: str) -> None:
    for secret in ("ab" * 32, "cd" * 32, "ef" * 32):
        got = _run(
            f"Saya tinggal di {place}, dekat Padang.",
            [("LOCATION", place), ("LOCATION", "Padang")],
            KeyMapping(secret=secret),
        )
        assert level in {lv for _p, lv in place_regions(got[0])} and "13" in _provinces(got[0]), got


def test_city_stems() -> None:
    assert city_stem_regions("Jakarta") == {("31", "city")} and not city_stem_regions("Padang")


# ---------------------------------------------------------------------------------------- Minang names
def test_adat_roles() -> None:
    assert adat_roles("Datuak Rajo Mangkuto".split()) == ["keep", "keep", "gelar"]
    assert adat_roles("Sutan Rajo".split()) == ["keep", "gelar"]  # one word at least is replaced
    assert adat_roles("Malin Sampono".split()) == ["keep", "gelar"]
    assert adat_roles("Puti Rahayu".split()) is None  # a title word that is also a given name: an ordinary name
    assert adat_roles("Arif Chaniago".split()) == ["name", "clan"]
    assert adat_roles("Koto Rahman".split()) is None and adat_roles(["Budi"]) is None
    assert minang_title_gender("Datuak") == "m" and minang_title_gender("Puti") == "f"


@pytest.mark.parametrize("name", ["Datuak Rajo Mangkuto", "Datuk Bandaro Sati", "Sutan Marajo", "Malin Sampono"])
def test_a_gelar_keeps_its_titles_and_gets_title_words(name: str) -> None:
    got = _run(f"Mamak kami, {name}, penghulu suku.", [("PERSON", name)], KeyMapping(secret=SECRET))[0]
    old, new = name.split(), got.split()
    assert len(new) == len(old) and new[0] == old[0] and new[-1] != old[-1], got
    assert all(w in gelar_words() for w, o in zip(new, old, strict=True) if w != o), got


@pytest.mark.parametrize(("lang", "region"), [("en", "GB"), ("id", None)])
def test_a_clan_name_stays_minang_whatever_the_region(lang: str, region: str | None) -> None:
    mapping = KeyMapping(secret=SECRET)
    got = _run(
        "My flatmate Arif Chaniago rides with me.", [("PERSON", "Arif Chaniago")], mapping, language=lang, region=region
    )[0]
    first, clan = got.split()
    assert clan in clan_names() and clan != "Chaniago", got
    assert first.lower() in _token_index() or first in _all_names("id_ID"), got


# ---------------------------------------------------------------------------------------- one person's forms
@pytest.mark.parametrize(("full", "user"), [("Nurlela Tanjung", "nurlela.t"), ("Harriet Walsh", "harriet_w")])
def test_an_initial_in_a_user_name_is_the_surname_surrogate_initial(full: str, user: str) -> None:
    mapping = KeyMapping(secret=SECRET)
    got = _run(f"Saya {full}, email {user}@example.org.", [("PERSON", full), ("EMAIL", f"{user}@example.org")], mapping)
    first = mapping.person_tokens[full.split()[0].casefold()].casefold()
    initial = mapping.person_tokens[full.split()[1].casefold()][0].casefold()
    assert re.fullmatch(re.escape(first) + r"[._]" + initial + r"@example\.(com|org|net)", got[1]), got


def test_a_lone_initial_stays_one_letter() -> None:
    got = _run("Email a.budi@example.com saja.", [("EMAIL", "a.budi@example.com")], KeyMapping(secret=SECRET))[0]
    assert re.fullmatch(r"[a-z]\.[a-z]+@example\.(com|org|net)", got), got


def test_a_nickname_that_clips_the_end() -> None:
    assert context_full("Nida", ["yusnidar", "budi"]) == "yusnidar"
    assert short_forms("Nida", "Yusnidar", "Rosmaniar")[0].casefold() in "rosmaniar"
    mapping = KeyMapping(secret=SECRET)
    got = _run("Ambo Yusnidar, biasa dipanggil Uni Nida.", [("PERSON", "Yusnidar"), ("PERSON", "Nida")], mapping)
    assert got[1].casefold() in got[0].casefold() and got[1] != got[0], got


# ---------------------------------------------------------------------------------------- apply, CLI
def _project_with(project: makna.Project) -> None:
    text = "I: Saya kerja di Bukittinggi, Sumatera Barat. Adik di Payakumbuh."
    makna.import_text(project, "w.txt", text, language="id")
    scan(project, sources=["w.txt"])
    decide_all(project, "rejected")
    for place in ("Bukittinggi", "Sumatera Barat", "Payakumbuh"):
        start = text.index(place)
        add_detection(project, "w.txt", start, start + len(place), "LOCATION")


def test_apply_keeps_coarse_places_and_records_them(project: makna.Project, tmp_path: Path) -> None:
    _project_with(project)
    report = apply(project, tmp_path / "k.key", PASS)
    assert report.coarse == "keep"
    text = makna.get_source(project, "w.txt").text
    mapping, _records = read_key(tmp_path / "k.key", PASS)
    assert mapping.kept == {"Sumatera Barat": "13"} and mapping.coarse == "keep"
    assert "Sumatera Barat" in text and "Bukittinggi" not in text and "Payakumbuh" not in text, text
    assert (report.replaced, report.kept, report.by_type) == (2, 1, {"LOCATION": 2})  # a kept place is no replacement


def test_cli_counts_a_kept_place_apart(project: makna.Project, project_location: str, tmp_path: Path) -> None:
    _project_with(project)
    pw = tmp_path / "pw"
    pw.write_text(PASS)
    out = _apply_cli(project_location, tmp_path / "k.key", pw, "keep")
    assert out.exit_code == 0, out.output
    assert "2 replacement(s), 1 kept as written" in out.output and "LOCATION: 2" in out.output


def _apply_cli(location: str, key: Path, pw: Path, policy: str) -> Result:
    args = ["deid", "apply", "-p", location, "--key", str(key), "--passphrase-file", str(pw)]
    return CliRunner().invoke(app, [*args, "--coarse-places", policy, "--force"])


def test_cli_coarse_places_replace(project: makna.Project, project_location: str, tmp_path: Path) -> None:
    _project_with(project)
    key = tmp_path / "k.key"
    pw = tmp_path / "pw"
    pw.write_text(PASS)
    out = _apply_cli(project_location, key, pw, "replace")
    assert out.exit_code == 0, out.output
    assert "replaced, each by another" in out.output
    mapping, _records = read_key(key, PASS)
    assert mapping.coarse == "replace" and "13" in mapping.moved and not mapping.kept
    bad = _apply_cli(project_location, key, pw, "sometimes")
    assert bad.exit_code != 0 and "coarse places 'sometimes'" in bad.output and "Traceback" not in bad.output


# ---------------------------------------------------------------------------------------- own cases
def test_the_tune_cases_floor() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from deid_surrogate_cases import tune_floor

    rate, defects = tune_floor("deidsurr6cases")
    assert rate >= 0.9 and not defects


def test_a_nickname_honorific_genders_the_full_name() -> None:
    mapping = KeyMapping(secret=SECRET)
    got = _run("Ambo Yusnidar, biasa dipanggil Uni Nida.", [("PERSON", "Yusnidar"), ("PERSON", "Nida")], mapping)
    assert locale_gender(got[0]) == "f", got  # an unlisted name, gendered by its nickname's "Uni"
