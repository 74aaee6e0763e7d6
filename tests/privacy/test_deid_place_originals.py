"""A place's surrogate is never an original place of the project or of the text being rewritten, and a
district follows its city's surrogate (issue #11, section 4: "never equal to any original"). Invented
texts; district and city names from the package's district table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import KeyMapping, detect, pseudonymise
from makna.privacy.districts import MIN_OTHERS, _table, fold_place, regency_codes, regency_districts, regency_name
from makna.privacy.regions import place_regions
from makna.privacy.surrogates import split_place
from makna.privacy.types import Detection

_PADANG = [
    "Padang Barat",
    "Padang Timur",
    "Padang Utara",
    "Padang Selatan",
    "Nanggalo",
    "Kuranji",
    "Pauh",
    "Koto Tangah",
    "Lubuk Kilangan",
    "Lubuk Begalung",
]


def _text_of(sentences: list[tuple[str, str]]) -> tuple[str, list[Detection]]:
    """A text of ``(before, place)`` pieces with a LOCATION detection on each place."""
    text, dets = "", []
    for before, place in sentences:
        text += before
        dets.append(Detection(len(text), len(text) + len(place), "LOCATION", 0.9, "test", place))
        text += place
    return text + ".", dets


def _clashes(reps: list[tuple[str, str]]) -> list[str]:
    originals = {fold_place(split_place(o)[1]) for o, _n in reps}
    return [
        n
        for _o, n in reps
        if fold_place(split_place(n)[1]) in originals or fold_place(split_place(n)[1].split(",")[0]) in originals
    ]


def test_ten_districts_of_one_city_never_become_one_another() -> None:
    """The review's case: ten districts of Padang and the city in one text, 30 secrets."""
    text = " ".join(f"Dia tinggal di Kecamatan {d}, Kota Padang." for d in _PADANG)
    dets = detect(text, language="id")
    assert {d.text for d in dets if d.type == "LOCATION"} >= {f"Kecamatan {d}" for d in _PADANG}
    for secret in range(30):
        mapping = KeyMapping(secret=f"{secret:02x}" * 32)
        _out, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language="id", region="13")
        got = {r.original: r.replacement for r in reps if r.type == "LOCATION"}
        assert not _clashes(list(got.items())), (secret, got)
        assert len(set(got.values())) == len(got), (secret, got)


_BIG = sorted(c for c, (_n, ds) in _table()[0].items() if len(ds) >= 8)


@settings(max_examples=40, deadline=None)
@given(code=st.sampled_from(_BIG), data=st.data(), secret=st.binary(min_size=16, max_size=32), upper=st.booleans())
def test_no_district_surrogate_is_another_original_district(
    code: str, data: st.DataObject, secret: bytes, upper: bool
) -> None:
    districts = [d for d in regency_districts(code) if not split_place(d)[0]]
    chosen = data.draw(st.lists(st.sampled_from(districts), min_size=2, max_size=len(districts), unique=True))
    # case-insensitive: an original written in capitals still blocks the name
    text, dets = _text_of([(". Ke ", f"Kecamatan {d.upper() if upper and i % 2 else d}") for i, d in enumerate(chosen)])
    mapping = KeyMapping(secret=secret.hex(), region=code.split(".")[0])
    _out, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
    got = [(r.original, r.replacement) for r in reps]
    assert not _clashes(got), got
    assert len({fold_place(n) for _o, n in got}) == len(got), got


def test_a_place_drawn_in_an_earlier_text_is_never_a_later_surrogate() -> None:
    for secret in range(10):
        mapping = KeyMapping(secret=f"{secret:02x}" * 32, region="13")
        first, dets = _text_of([("Saya kos di Kecamatan ", d) for d in _PADANG[:5]])
        pseudonymise(first, dets, mode="surrogate", mapping=mapping)
        second, dets = _text_of([("Lalu pindah ke Kecamatan ", d) for d in _PADANG[5:]])
        _out, reps = pseudonymise(second, dets, mode="surrogate", mapping=mapping)
        originals = {fold_place(d) for d in _PADANG}
        assert not [r.replacement for r in reps if fold_place(r.replacement) in originals], secret


def test_english_towns_never_become_one_another() -> None:
    towns = ["Leeds", "York", "Bradford", "Sheffield", "Hull", "Wakefield", "Harrogate", "Halifax"]
    text, dets = _text_of([("We moved to ", t) for t in towns])
    for secret in range(15):
        _out, reps = pseudonymise(
            text, dets, mode="surrogate", mapping=KeyMapping(secret=f"{secret:02x}" * 32), language="en"
        )
        folded = {t.casefold() for t in towns}
        assert not [r.replacement for r in reps if r.replacement.casefold() in folded], secret


def _regencies_of(name: str) -> set[str]:
    return {c for c in regency_codes(name) if len(regency_districts(c)) > MIN_OTHERS}


def _follows(district: str, city: str) -> bool:
    return any(district in regency_districts(c) for c in _regencies_of(city))


def test_a_district_follows_its_citys_surrogate_in_either_order() -> None:
    for pieces in (
        [("Saya kos di ", "Kuranji"), (", ", "Padang")],
        [("Dia dari ", "Kota Padang"), (", tinggal di Kecamatan ", "Kuranji")],
        [("Dulu di ", "Padang"), (". Sekarang kos di ", "Kecamatan Nanggalo")],
    ):
        text, dets = _text_of(pieces)
        city_first = "Padang" in dets[0].text
        for secret in range(12):
            out, reps = pseudonymise(
                text, dets, mode="surrogate", mapping=KeyMapping(secret=f"{secret:02x}" * 32, region="13")
            )
            city, district = (reps[0], reps[1]) if city_first else (reps[1], reps[0])
            new_city, new_district = split_place(city.replacement)[1], split_place(district.replacement)[1]
            assert new_city != "Padang" and new_district not in _PADANG, out
            # the city's surrogate is one with districts enough to take its districts, and the district one of them
            assert _regencies_of(new_city) and _follows(new_district, new_city), out


def test_a_city_named_in_an_earlier_text_leads_its_districts_later() -> None:
    for secret in range(8):
        mapping = KeyMapping(secret=f"{secret:02x}" * 32, region="13")
        text, dets = _text_of([("Saya lahir di ", "Padang")])
        _out, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        new_city = reps[0].replacement
        text, dets = _text_of([("Sekarang kos di ", "Kuranji")])
        out, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        if _regencies_of(new_city):
            assert _follows(reps[0].replacement, new_city), (new_city, out)


def test_the_table_names_padang_a_city_of_one_code() -> None:
    (code,) = regency_codes("Kota Padang")
    assert regency_name(code) == "Kota Padang" and code in regency_codes("Padang")
    assert code.split(".")[0] in {p for p, _lv in place_regions("Kuranji")}
