"""A study of two countries (#11, surr23, trial11 rows 3, 4 and 7): Indonesian domestic workers in Hong Kong and
Singapore. Each source has one surrogate region, and every place and name in it took that region's surrogates:
Indonesian home towns in a Hong Kong interview became Hong Kong estates, Hong Kong and Singapore places in an
Indonesian-region source Javanese villages, Cantonese and Tamil employers' names Javanese or English ones. A
place keeps its own country (and its province), a name its own tradition, in both languages; a country or
territory (``Singapura``, ``Hongkong``) stays as it is; a chat sender's ``HK`` is no surname."""

from __future__ import annotations

import pytest
from placed import placed as _dets

from makna.privacy import KeyMapping, pseudonymise
from makna.privacy.coarse import coarse_place
from makna.privacy.place_countries import abroad_places
from makna.privacy.regions import countries, country_places, place_regions

SECRET = "3c" * 32


def _apply(text: str, items: list[tuple[str, str]], region: str | None, language: str) -> dict[str, str]:
    key = KeyMapping(SECRET, region="35")
    _new, reps = pseudonymise(text, _dets(text, items), mode="surrogate", mapping=key, language=language, region=region)
    return {r.original: r.replacement for r in reps}


def _country(place: str) -> set[str]:
    """The countries a surrogate place belongs to (``ID`` for an Indonesian region's name); a neighbourhood abroad
    becomes one of its own level (mends28: ``Causeway Bay`` another neighbourhood of the GeoNames table)."""
    out = {c for c, _a in country_places(place)} | {c for c, _a in abroad_places(place) if c != "ID"}
    if place_regions(place):
        out.add("ID")
    return out


# -- row 7: "Warsini HK" ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Warsini HK: Libur saya hari Minggu.", "Warsini HK", "id"),
        ("Yuli SG: My day off is on Sunday.", "Yuli SG", "en"),
        ("Ani KSA: Saya sudah sampai.", "Ani KSA", "id"),
    ],
)
def test_a_territory_after_a_senders_name_stays(text: str, name: str, language: str) -> None:
    new = _apply(text, [("PERSON", name)], None, language)[name]
    given, tag = name.split()
    assert new.split()[-1] == tag, new  # the territory stays, never an upper-case surname
    assert new.split()[0] != given and len(new.split()) == 2


def test_an_upper_case_surname_still_gets_a_surrogate() -> None:
    new = _apply("Informan: Endah AMBARWATI.", [("PERSON", "Endah AMBARWATI")], None, "id")["Endah AMBARWATI"]
    assert "AMBARWATI" not in new and new.split()[-1].isupper()


# -- row 4: a country or territory stays a coarse place -------------------------------------------------------
@pytest.mark.parametrize(
    "place", ["Hong Kong", "Hongkong", "Singapura", "Singapore", "Taiwan", "Malaysia", "Arab Saudi", "Saudi Arabia"]
)
def test_a_country_or_territory_is_coarse(place: str) -> None:
    assert coarse_place(place) is not None and coarse_place(place)[0] == "country"  # type: ignore[index]


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_study_site_stays(language: str) -> None:
    text = "Lokasi: Tsuen Wan, Hong Kong\nInforman: Saya kerja di Hongkong, adik saya di Singapura."
    out = _apply(
        text,
        [("LOCATION", "Tsuen Wan"), ("LOCATION", "Hong Kong"), ("LOCATION", "Hongkong"), ("LOCATION", "Singapura")],
        "HK",
        language,
    )
    assert out["Hong Kong"] == "Hong Kong" and out["Hongkong"] == "Hongkong" and out["Singapura"] == "Singapura"
    assert out["Tsuen Wan"] != "Tsuen Wan" and _country(out["Tsuen Wan"]) == {"HK"}


# -- row 3: places keep their own country ---------------------------------------------------------------------
@pytest.mark.parametrize("language", ["id", "en"])
def test_an_indonesian_town_in_a_hong_kong_source_stays_indonesian(language: str) -> None:
    text = "Informan: Anak saya kuliah di Purwokerto. Majikan saya di Tsuen Wan."
    out = _apply(text, [("LOCATION", "Purwokerto"), ("LOCATION", "Tsuen Wan")], "HK", language)
    assert _country(out["Purwokerto"]) == {"ID"}, out
    assert _country(out["Tsuen Wan"]) == {"HK"}, out
    # and its province: Purwokerto is in Jawa Tengah (33)
    assert {p for p, _lv in place_regions(out["Purwokerto"])} == {"33"}, out


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Informan: Dulu saya kerja di Causeway Bay, Hong Kong.", "Causeway Bay", "HK"),
        ("Participant: We meet at Causeway Bay on Sundays, in Hong Kong.", "Causeway Bay", "HK"),
        ("Informan: Tiap Minggu ke Lucky Plaza di Singapura.", "Lucky Plaza", "SG"),
        ("Participant: Every Sunday I go to Lucky Plaza, Singapore.", "Lucky Plaza", "SG"),
    ],
)
def test_a_place_abroad_in_an_indonesian_source_keeps_its_country(text: str, place: str, country: str) -> None:
    out = _apply(text, [("LOCATION", place)], "33", "en" if text.startswith("Participant") else "id")
    assert _country(out[place]) == {country}, out


@pytest.mark.parametrize("region", ["HK", "SG", "35"])
def test_a_village_named_as_one_stays_indonesian(region: str) -> None:
    text = "Informan: Saya asli desa Karangsari, kampung saya dekat Kroya."
    out = _apply(text, [("LOCATION", "Karangsari"), ("LOCATION", "Kroya")], region, "id")
    for place in ("Karangsari", "Kroya"):
        assert "HK" not in _country(out[place]) and "SG" not in _country(out[place]), out


def test_geonames_towns_have_their_country_and_province() -> None:
    from makna.privacy.place_countries import abroad_places, context_region

    assert abroad_places("Purwokerto") == {("ID", "33")}  # Jawa Tengah, read from GeoNames' own admin1
    assert {c for c, _a in abroad_places("Causeway Bay")} == {"HK"} and "HK" in countries()
    text = "Saya ke Lucky Plaza di Singapura, lalu ke Jurong, Jawa Tengah? Bukan. Kampung saya desa Sukamaju."
    assert context_region(text, text.index("Lucky"), text.index("Lucky") + 11) == "SG"
    assert context_region(text, text.index("Jurong"), text.index("Jurong") + 6) == "33"
    assert context_region(text, text.index("Sukamaju"), text.index("Sukamaju") + 8) == "ID"
    assert context_region("Informan: Saya kerja di Lucky Plaza.", 24, 35) is None


# -- row 3: a name keeps its own tradition ----------------------------------------------------------------------
_CANTONESE = set(
    "Cheung Wong Chan Ho Tsang Leung Lau Lee Ng Lam Yip Tang Chow Kwok Mak Tse Fung Lo Choi Chu Kwan Yuen Au Hui "
    "Siu Yau Cheng Law Ma Poon Ip Tam Sin Fong Mok Ko Wan Yeung Kong Lai To".split()
)


@pytest.mark.parametrize(("language", "region"), [("id", "HK"), ("en", "HK"), ("id", "35"), ("en", None)])
def test_a_cantonese_name_gets_a_cantonese_surrogate(language: str, region: str | None) -> None:
    from makna.privacy.foreign_names import abroad_traditions as token_traditions

    text = "Informan: Majikan saya Mrs. Cheung Wai Ling, suaminya Mr. Wong Kar Fai. Dulu Madam Chan."
    out = _apply(
        text, [("PERSON", "Cheung Wai Ling"), ("PERSON", "Wong Kar Fai"), ("PERSON", "Chan")], region, language
    )
    for name, new in out.items():
        assert new != name and len(new.split()) == len(name.split()), out
        assert new.split()[0] in _CANTONESE or "cantonese" in token_traditions(new.split()[0]), out
        assert all("cantonese" in token_traditions(t) for t in new.split()), out


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_tamil_name_gets_a_tamil_surrogate(language: str) -> None:
    from makna.privacy.foreign_names import abroad_gender
    from makna.privacy.foreign_names import abroad_traditions as token_traditions

    text = "Informan: Majikan saya Mrs. Priya Raman di Katong."
    out = _apply(text, [("PERSON", "Priya Raman")], "SG", language)
    new = out["Priya Raman"]
    assert all("tamil" in token_traditions(t) for t in new.split()), out
    assert abroad_gender(new.split()[0], "tamil") == "f", out


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_singapore_chinese_name_keeps_its_tradition(language: str) -> None:
    from makna.privacy.foreign_names import abroad_traditions as token_traditions

    text = "Informan: Majikan saya Madam Tan Siew Mei, lalu Mr. Lim Boon Keat."
    out = _apply(text, [("PERSON", "Tan Siew Mei"), ("PERSON", "Lim Boon Keat")], "35", language)
    for name, new in out.items():
        assert len(new.split()) == 3 and new != name, out
        assert all("hokkien" in token_traditions(t) for t in new.split()), out


def test_a_chinese_indonesian_name_keeps_its_tradition() -> None:
    from makna.privacy.foreign_names import abroad_traditions as token_traditions

    text = "Informan: Dulu saya ikut Koh Liem Swie Hong di Semarang."
    out = _apply(text, [("PERSON", "Liem Swie Hong")], "33", "id")
    new = out["Liem Swie Hong"]
    assert all("tionghoa" in token_traditions(t) for t in new.split()), out


def test_javanese_names_stay_javanese_in_a_hong_kong_source() -> None:
    from makna.privacy.naming import token_traditions

    out = _apply(
        "Informan: Saya Sulastri, kakak saya Suparmi.", [("PERSON", "Sulastri"), ("PERSON", "Suparmi")], "HK", "id"
    )
    assert all("jawa" in token_traditions(v) for v in out.values()), out


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Lokasi: Tsuen Wan, Hong Kong\n\nNarasumber: Saya kerja di Tsuen Wan, Hong Kong, sudah lima tahun.\n", "id"),
        ("Location: Tsuen Wan, Hong Kong\n\nParticipant: I work in Tsuen Wan, Hong Kong, for five years now.\n", "en"),
        ("Lokasi: Lucky Plaza, Singapura\n\nNarasumber: Saya ketemu teman di Lucky Plaza.\n", "id"),
    ],
)
def test_the_headers_country_is_not_proposed(text: str, language: str) -> None:
    from makna.privacy import detect

    found = {d.text for d in detect(text, language=language)}
    assert not found & {"Hong Kong", "Singapura"}, found
    assert found & {"Tsuen Wan", "Lucky Plaza"}, found  # the town on the header line still is


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_jakarta_city_as_people_write_it_stays_in_jakarta(language: str) -> None:
    out = _apply("Informan: Dulu saya tinggal di Jakarta Timur.", [("LOCATION", "Jakarta Timur")], "HK", language)
    new = out["Jakarta Timur"]
    assert not new.startswith("Administrasi") and new != "Jakarta Timur", out
    assert {p for p, _lv in place_regions("Administrasi " + new) or place_regions(new)} == {"31"}, out


def test_an_indonesian_name_in_an_indonesian_interview_in_hong_kong_stays_indonesian() -> None:
    from makna.privacy.naming import _indonesian, name_language, neutral_names

    def english(name: str) -> bool:
        return name_language(name, "?") == "en" or name in neutral_names("en")

    out = _apply(
        "Warsini HK: Mbak, saya Warsini, teman saya Sumirah.",
        [("PERSON", "Warsini HK"), ("PERSON", "Warsini"), ("PERSON", "Sumirah")],
        "HK",
        "id",
    )
    assert not any(english(v.split()[0]) for v in out.values()), out  # before: English names
    english = _apply("Participant: My employer is Mrs. Hartley.", [("PERSON", "Hartley")], "HK", "en")
    assert not _indonesian(english["Hartley"]), english
