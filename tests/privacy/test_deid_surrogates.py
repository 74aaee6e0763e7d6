"""Surrogates that neither mislead nor collide: unique over a large project and never an original, the
honorific's gender kept, the naming tradition and the province kept by default (wider on request),
fictional telephone numbers, one date and one age offset per project (kept in the key)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from makna.errors import InputError
from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.naming import HONORIFIC_GENDER, _traditions, name_pools, token_gender, token_traditions
from makna.privacy.regions import place_regions, resolve_region
from makna.privacy.surrogates import ID_FICTION_PREFIX


def _names(n: int) -> list[str]:
    """``n`` distinct two-token Indonesian names, from the same lists the surrogates come from."""
    given = sorted({name for (_t, role, _g), names in _traditions().items() if role == "given" for name in names})
    given += [n for pool in name_pools("X", first=True, language="id", gender=None, region=None) for n in pool]
    given = sorted(set(given))
    pairs = ((a, b) for a, b in itertools.product(given, reversed(given)) if a != b)
    return [f"{a} {b}" for a, b in itertools.islice(pairs, n)]


def test_no_collision_over_ten_thousand_names() -> None:
    originals = _names(10_000)
    assert len(set(originals)) == 10_000
    mapping = KeyMapping()
    mapping.reserve(originals)
    surrogates = [mapping.surrogate("PERSON", name) for name in originals]
    folded = [s.casefold() for s in surrogates]
    assert len(set(folded)) == len(originals), "two names got one surrogate"
    original_tokens = {t.casefold() for name in originals for t in name.split()}
    assert not {s.casefold() for s in surrogates} & {o.casefold() for o in originals}
    assert not {t for s in surrogates for t in s.casefold().split()} & original_tokens
    # consistent: the same name (in any case of its letters' first use) keeps its surrogate
    assert mapping.surrogate("PERSON", originals[17]) == surrogates[17]


def test_a_lower_case_candidate_meets_a_title_case_original() -> None:
    mapping = KeyMapping()
    mapping.reserve(["Dewi", "Ayu"])
    for name in ("siti", "SITI", "Rani"):
        value = mapping.surrogate("PERSON", name)
        assert value.casefold() not in {"dewi", "ayu", "siti", "rani"}


def _person(text: str, name: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), "PERSON", 0.9, "t", name)


@pytest.mark.parametrize("honorific", sorted(HONORIFIC_GENDER))
def test_gender_follows_the_honorific(honorific: str) -> None:
    """Invented names (in no gendered list) get a surrogate of the honorific's gender, always."""
    gender = HONORIFIC_GENDER[honorific]
    invented = [f"Zor{a}{b}" for a, b in itertools.product("aeiou", "klmnr")]
    text = " ".join(f"{honorific.capitalize()} {n} datang." for n in invented)
    mapping = KeyMapping()
    new, reps = pseudonymise(text, [_person(text, n) for n in invented], mode="surrogate", mapping=mapping)
    assert len(reps) == len(invented)
    if gender is None:
        return
    for rep in reps:
        assert token_gender(rep.replacement.split()[0]) == gender, (honorific, rep.replacement)


def test_gender_from_an_honorific_elsewhere_in_the_project() -> None:
    """The first mention has no honorific; a later one does: the name still keeps that gender."""
    text = "Zorbat bilang begitu. Besoknya Pak Zorbat datang lagi. Mbak Zorbit juga."
    dets = [_person(text, "Zorbat"), Detection(text.index("Pak Zorbat") + 4, text.index("Pak Zorbat") + 10,
                                               "PERSON", 0.9, "t", "Zorbat"), _person(text, "Zorbit")]
    for seed in range(20):
        mapping = KeyMapping(secret=f"{seed:064x}")
        _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        assert token_gender(reps[0].replacement) == "m" and reps[0].replacement == reps[1].replacement
        assert token_gender(reps[2].replacement) == "f"


def test_names_keep_their_tradition_and_places_their_province() -> None:
    text = ("Uda Afrizal dan Uni Yusnimar tinggal di Lubuk Begalung, Padang. Motornya BA 4512 QZ. "
            "Pak Hendra pindah ke Bukittinggi.")
    dets = [_person(text, "Afrizal"), _person(text, "Yusnimar"), _person(text, "Hendra")]
    for place in ("Lubuk Begalung", "Padang", "Bukittinggi"):
        start = text.index(place)
        dets.append(Detection(start, start + len(place), "LOCATION", 0.9, "t", place))
    start = text.index("BA 4512 QZ")
    dets.append(Detection(start, start + 10, "PLATE", 0.9, "t", "BA 4512 QZ"))
    for seed in range(15):
        mapping = KeyMapping(secret=f"{seed + 100:064x}")
        _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        got = {r.original: r.replacement for r in reps}
        assert mapping.region == "13"  # inferred: West Sumatra
        assert token_traditions(got["Afrizal"]) == {"minang"} and token_gender(got["Afrizal"]) == "m"
        assert token_traditions(got["Yusnimar"]) == {"minang"} and token_gender(got["Yusnimar"]) == "f"
        assert "minang" in token_traditions(got["Hendra"]) or token_gender(got["Hendra"]) == "m"
        for place in ("Lubuk Begalung", "Padang", "Bukittinggi"):
            assert ("13", "district" if place == "Lubuk Begalung" else "city") in place_regions(got[place]) or (
                "13", "regency") in place_regions(got[place]), (place, got[place])
            assert got[place] != place
        assert got["BA 4512 QZ"].startswith("BA ") and got["BA 4512 QZ"] != "BA 4512 QZ"


def test_a_wider_region_on_request() -> None:
    places = ["Padang", "Bukittinggi", "Payakumbuh", "Solok", "Pariaman", "Sawahlunto", "Padang Panjang"]
    text = ", ".join(places)
    dets = [Detection(text.index(p), text.index(p) + len(p), "LOCATION", 0.9, "t", p) for p in places]
    dets = [d for d in dets if not any(o is not d and o.start <= d.start and d.end <= o.end and o.length > d.length
                                       for o in dets)]
    provinces: set[str] = set()
    for seed in range(10):
        mapping = KeyMapping(secret=f"{seed + 300:064x}", region="national")
        _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        provinces |= {p for r in reps for p, _lv in place_regions(r.replacement)}
    assert provinces - {"13"}
    assert resolve_region("sumbar") == "13" and resolve_region("Sumatera Barat") == "13"
    assert resolve_region("national") == "national" and resolve_region(None) is None
    with pytest.raises(InputError):
        resolve_region("Atlantis")


@pytest.mark.parametrize("original", ["0812-7654-3210", "081276543210", "+62 812 7654 3210", "0852 1234 5678"])
def test_indonesian_phone_surrogates_are_in_the_unassigned_block(original: str) -> None:
    mapping = KeyMapping()
    value = mapping.surrogate("PHONE", original)
    digits = re.sub(r"\D", "", value)
    national = "0" + digits[2:] if digits.startswith("62") else digits
    assert national.startswith(ID_FICTION_PREFIX), value
    assert len(re.sub(r"\D", "", original)) == len(digits)


def test_dates_move_by_one_project_offset_with_ordinals() -> None:
    mapping = KeyMapping(secret="ab" * 32)
    offset = mapping.date_offset
    assert offset is not None and 7 <= abs(offset) <= 365
    restored = KeyMapping.from_dict(mapping.to_dict())
    assert restored.date_offset == offset and restored.age_offset == mapping.age_offset
    shift = dt.timedelta(days=offset)
    new = dt.date(2023, 6, 3) + shift
    en_month = new.strftime("%B")
    suffix = "th" if 10 <= new.day <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(new.day % 10, "th")
    assert mapping.surrogate("DATE", "June 3rd, 2023", language="en") == f"{en_month} {new.day}{suffix}, {new.year}"
    id_months = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
    other = dt.date(2023, 8, 17) + shift
    assert mapping.surrogate("DATE", "17 Agustus 2023") == f"{other.day} {id_months[other.month - 1]} {other.year}"
    numeric = dt.date(2021, 12, 25) + shift
    assert mapping.surrogate("DATE", "25/12/2021") == f"{numeric.day:02d}/{numeric.month:02d}/{numeric.year}"
    assert mapping.surrogate("DATE", "2021-12-25") == numeric.isoformat()


def test_ages_move_by_one_project_offset() -> None:
    mapping = KeyMapping(secret="cd" * 32)
    k = mapping.age_offset
    assert k in {-2, -1, 1, 2}
    assert mapping.surrogate("AGE", "24 tahun") == f"{24 + k} tahun"
    assert mapping.surrogate("AGE", "40 years old") == f"{40 + k} years old"
    assert mapping.surrogate("AGE", "95 tahun") == "90 tahun"


def test_addresses_share_street_words_without_exhausting_the_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Words many addresses share ("Flat", "No.", "Street") may appear in a surrogate; the street's own
    name may not, and the first draw is usually good."""
    addrs = ["Flat 3, 12 Baker Street", "No. 5 Jalan Sudirman", "Flat 7, 4 High Street", "12 Church Road",
             "Jl. Veteran No. 12", "Flat 2, 9 Mill Street"]
    mapping = KeyMapping(secret="ef" * 32)
    mapping.reserve([*addrs, "Hendra Wijaya"])
    calls: list[str] = []
    generate = mapping._gen.generate

    def counted(kind: str, original: str, **kw: object) -> str:
        calls.append(original)
        return generate(kind, original, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(mapping._gen, "generate", counted)
    for addr in addrs:
        value = mapping.surrogate("ADDRESS", addr, language="en")
        for word in ("Baker", "Sudirman", "High", "Church", "Veteran", "Mill"):
            assert word not in value.split(), (addr, value)
    assert len(calls) < 2 * len(addrs)


def test_a_spent_pool_never_gives_back_an_original() -> None:
    """When every city and regency of the province is itself an original (or shares a word with one),
    the surrogate comes from the whole country, else is invented: never an original (the demo once
    turned 'Pesisir Selatan' into 'Pesisir Selatan')."""
    from makna.privacy.regions import places_in

    province = places_in("13", {"city", "regency"})
    for seed in range(10):
        mapping = KeyMapping(secret=f"{seed + 500:064x}", region="13")
        mapping.reserve(province)
        for place in province[:5]:
            got = mapping.surrogate("LOCATION", place)
            assert got.casefold() != place.casefold() and got not in province, (place, got)


def test_no_original_shows_inside_a_surrogate_word() -> None:
    """A district surrogate may not carry an original name inside one of its words ('Siti' inside
    'Sitiung', a real West Sumatra district, once failed the round-trip test)."""
    from makna.privacy.regions import places_in

    districts = places_in("13", {"district"})
    assert any("siti" in d.casefold() for d in districts)  # the case this guards against can happen
    for seed in range(40):
        mapping = KeyMapping(secret=f"{seed + 900:064x}", region="13")
        mapping.reserve(["Siti"])
        for place in districts[:6]:
            assert "siti" not in mapping.surrogate("LOCATION", f"Kecamatan {place}").casefold()
