"""The generator keeps a district in its own regency or city where the district table places it in one
with enough other districts, else in its province; through a key mapping a district follows its city's
surrogate, named or not (issue #11, section 4; see also ``test_deid_place_originals.py``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import KeyMapping, pseudonymise
from makna.privacy.districts import (
    MIN_OTHERS,
    _table,
    district_regencies,
    regency_codes,
    regency_districts,
    regency_name,
    same_regency,
)
from makna.privacy.regions import place_regions, places_in
from makna.privacy.surrogates import SurrogateGenerator, split_place
from makna.privacy.types import Detection


def _padang() -> str:
    codes = [c for c in _table()[0] if regency_name(c) == "Kota Padang"]
    assert len(codes) == 1, codes
    return codes[0]


def test_kos_in_a_district_of_padang_alone_gets_a_district_of_padangs_surrogate() -> None:
    """The text names no city: the district still follows the surrogate of its city (drawn then, kept for
    later mentions), never a district of the real one."""
    text = "Saya kos di Kuranji, dekat kampus."
    dets = [Detection(12, 19, "LOCATION", 0.9, "test", "Kuranji")]
    padang = set(regency_districts(_padang()))
    assert "Kuranji" in padang and len(padang) > MIN_OTHERS
    for secret in ("11" * 32, "22" * 32, "33" * 32, "44" * 32):
        mapping = KeyMapping(secret=secret, region="13")
        out, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        district = reps[0].replacement
        assert district not in padang, (out, district)
        city = mapping.places["padang"]
        assert "Padang" not in mapping.surrogates["LOCATION"] and "Kota Padang" not in mapping.surrogates["LOCATION"]
        homes = [c for c in regency_codes(city) if len(regency_districts(c)) > MIN_OTHERS]
        assert not homes or any(district in regency_districts(c) for c in homes), (city, district)
        later, _reps = pseudonymise(
            "Dari Padang.", [Detection(5, 11, "LOCATION", 0.9, "test", "Padang")], mode="surrogate", mapping=mapping
        )
        assert later == f"Dari {city}."


def test_an_ambiguous_or_small_district_has_no_regency_pool() -> None:
    shared = next(
        n for n, codes in _table()[1].items() if len({c.split(".")[0] for c in codes}) == 1 and len(codes) > 1
    )
    assert same_regency(shared, None) == () and same_regency(shared, next(iter(district_regencies(shared)))[:2]) == ()
    small = next(c for c, (_n, ds) in _table()[0].items() if len(ds) <= MIN_OTHERS)
    assert all(same_regency(d, c[:2]) == () for c in [small] for d in regency_districts(c))
    assert same_regency("Tidak Ada Di Tabel", None) == ()


_PLACED = sorted(
    (name, next(iter(codes)))
    for name, codes in _table()[1].items()
    if len(codes) == 1
    and same_regency(name, None)
    and not split_place(name)[0]  # "Kota Agung Barat": read as a city ("Kota" a type word), not a district
    and {lv for p, lv in place_regions(name) if p == next(iter(codes)).split(".")[0]} == {"district"}
)
"""(district name as the table folds it, its one regency) for every district the table places in one
regency with enough others and the region table knows in that province as a district only (not a city)."""


@settings(max_examples=60, deadline=None)
@given(pick=st.sampled_from(_PLACED), secret=st.binary(min_size=16, max_size=32), attempt=st.integers(0, 99))
def test_a_placed_district_stays_in_its_regency(pick: tuple[str, str], secret: bytes, attempt: int) -> None:
    folded, code = pick
    name = next(d for d in regency_districts(code) if d.casefold() == folded)
    gen = SurrogateGenerator(secret, region=code.split(".")[0])
    new = gen.generate("LOCATION", name, attempt=attempt)
    assert new.casefold() != folded
    assert new in regency_districts(code)


@settings(max_examples=60, deadline=None)
@given(pick=st.sampled_from(_PLACED), secret=st.binary(min_size=16, max_size=32), attempt=st.integers(100, 199))
def test_after_a_hundred_draws_a_district_stays_in_its_province(
    pick: tuple[str, str], secret: bytes, attempt: int
) -> None:
    folded, code = pick
    province = code.split(".")[0]
    name = next(d for d in regency_districts(code) if d.casefold() == folded)
    new = SurrogateGenerator(secret, region=province).generate("LOCATION", name, attempt=attempt)
    assert new in places_in(province, {"district"})
