"""Replacement modes, surrogate consistency and shape, offsets, and the review object."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from makna.errors import InputError, OffsetError
from makna.privacy import KeyMapping, Review, detect, map_offset, pseudonymise, restore
from makna.privacy.patterns import find_phones, nik_is_valid

TEXT = (
    "Wawancara dengan Uni Rahmi, 11 Maret 2023. Nomor 0852 6104 3318.\n"
    "I: Ambo Rahmi Yulianti, 31 tahun. Om Hendrawan kerja di CV Mitra Sawit Lestari, platnya BA 4417 KM. "
    "NIK 1372016204990003. Mbak Siti datang, Siti Rahmawati namanya. Ketemu di Hotel Samudra Jaya, Padang."
)


def test_tag_mode_numbers_and_links_people() -> None:
    mapping = KeyMapping()
    dets = detect(TEXT)
    new, reps = pseudonymise(TEXT, dets, mode="tag", mapping=mapping)
    assert "Rahmi" not in new and "0852" not in new
    assert new.count("[PERSON-1]") == 2  # "Rahmi" and "Rahmi Yulianti" are one person
    siti = [r.replacement for r in reps if r.original in {"Siti", "Siti Rahmawati"}]
    assert len(set(siti)) == 1
    assert restore(new, reps) == TEXT


def test_surrogates_consistent_across_texts() -> None:
    mapping = KeyMapping()
    a, _ = pseudonymise("Mbak Siti di Padang", detect("Mbak Siti di Padang"), mode="surrogate", mapping=mapping)
    b, _ = pseudonymise(
        "Siti Rahmawati ke Padang", detect("Siti Rahmawati ke Padang"), mode="surrogate", mapping=mapping
    )
    first = a.split()[1]
    assert b.split()[0] == first and first != "Siti"
    assert a.split()[-1] == b.split()[-1] != "Padang"
    # the same secret gives the same surrogates in a new session
    again = KeyMapping(secret=mapping.secret)
    c, _ = pseudonymise("Mbak Siti di Padang", detect("Mbak Siti di Padang"), mode="surrogate", mapping=again)
    assert c == a


def test_surrogates_look_indonesian() -> None:
    mapping = KeyMapping()
    dets = detect(TEXT)
    mapping.reserve(d.text for d in dets)
    new, reps = pseudonymise(TEXT, dets, mode="surrogate", mapping=mapping)
    by_type = {r.type: r.replacement for r in reps}
    phone = by_type["PHONE"]
    assert re.fullmatch(r"08\d\d \d{4} \d{4}", phone) and phone != "0852 6104 3318"
    assert [d.text for d in find_phones(phone)] == [phone]
    assert re.fullmatch(r"[A-Z]{1,2} \d{4} [A-Z]{2}", by_type["PLATE"])
    nik = by_type["NATIONAL_ID"]
    assert nik_is_valid(nik) and nik != "1372016204990003"
    assert int(nik[6:8]) > 40  # the original is a woman's NIK
    assert by_type["LOCATION"] != "Padang"
    assert by_type["ORG"].startswith("CV ")
    assert re.fullmatch(r"\d+ tahun", by_type["AGE"])
    for r in reps:  # no original survives as a word
        assert r.type == "AGE" or not re.search(rf"(?<!\w){re.escape(r.original)}(?!\w)", new)
    assert restore(new, reps) == TEXT


def test_mask_mode_and_offsets() -> None:
    text = "Mbak Tari, 0813-7411-2095, ok"
    dets = detect(text)
    new, reps = pseudonymise(text, dets, mode="mask", mask_char="*")
    assert new == "Mbak ****, **************, ok"
    new2, reps2 = pseudonymise(text, dets, mode="tag")
    assert new2 == "Mbak [PERSON-1], [PHONE-1], ok"
    assert map_offset(text.index("ok"), reps2) == new2.index("ok")
    assert map_offset(5, reps2) == 5
    assert reps2[0].public() == {"start": 5, "end": 9, "new_start": 5, "new_end": 15, "type": "PERSON"}
    with pytest.raises(ValueError):
        pseudonymise(text, dets, mode="mask", mask_char="?")


def test_pseudonymise_rejects_bad_detections() -> None:
    dets = detect("Mbak Tari datang")
    with pytest.raises(ValueError):
        pseudonymise("Mbak Tiri datang", dets)


def test_mapping_round_trip_dict() -> None:
    mapping = KeyMapping()
    pseudonymise(TEXT, detect(TEXT), mode="surrogate", mapping=mapping)
    pseudonymise(TEXT, detect(TEXT), mode="tag", mapping=mapping)
    copy = KeyMapping.from_dict(mapping.to_dict())
    assert copy.to_dict() == mapping.to_dict()
    assert "Rahmi Yulianti" in copy.originals()


def test_review_flow() -> None:
    text = "Mbak Tari ketemu Dodi di Padang, bayar 500 ribu"
    review = Review(text, detect(text))
    kinds = [(i.detection.type, i.detection.text) for i in review.items]
    assert kinds == [("PERSON", "Tari"), ("PERSON", "Dodi"), ("LOCATION", "Padang")]
    review.accept(0)
    review.reject(1)
    review.reject(2)
    dodi = text.index("Dodi")
    idx = review.add(dodi, dodi + 4, "PERSON")
    assert review.items[idx].status == "added"
    with pytest.raises(OffsetError):
        review.add(dodi, dodi + 2, "PERSON")
    with pytest.raises(InputError):
        review.add(0, 2, "NOPE")
    review.edit(0, 0, 9, "PERSON")
    assert [d.text for d in review.final()] == ["Mbak Tari", "Dodi"]
    data = review.to_dict()
    assert "Tari" not in str(data)
    again = Review.from_dict(text, data)
    assert [i.status for i in again.items] == [i.status for i in review.items]
    assert review.confirmed_strings() == {"Mbak Tari": "PERSON", "Dodi": "PERSON"}


def test_no_original_shows_inside_a_surrogate() -> None:
    """A surrogate drawn for one date must not carry another original ("3 Juni" inside "3 Juni 2023"): the
    project's one offset is chosen, before the first date is replaced, among those that move no date onto
    another (every date still moves by that one offset)."""
    dates = [f"{day} {month} {year}" for day in range(1, 29) for month in ("Januari", "Maret", "Juli", "Oktober")
             for year in (2021, 2022, 2023)]
    for seed in range(5):
        mapping = KeyMapping(secret=f"{seed + 40:064x}")
        mapping.reserve(["3 Juni", "14 Februari"])
        mapping.settle_offsets([("DATE", "3 Juni"), ("DATE", "14 Februari"), *(("DATE", d) for d in dates)])
        offset = mapping.date_offset
        for original in dates:
            value = mapping.surrogate("DATE", original)
            assert not re.search(r"(?<!\w)(3 Juni|14 Februari)(?!\w)", value), value
        assert mapping.surrogate("DATE", "2021-01-01") == (dt.date(2021, 1, 1) + dt.timedelta(days=offset or 0)).isoformat()
