"""A street the detectors type as a place (LOCATION) keeps a street's form in its surrogate (a new user's
trial: "a motorbike hit me on Jalan Casablanca" became "... hit me on Hull", "the mosque on Droop Street"
became "the mosque on Milton Keynes")."""

from __future__ import annotations

import pytest

from makna.privacy import Detection, KeyMapping, pseudonymise


@pytest.mark.parametrize(
    ("original", "head", "tail"),
    [
        ("Jalan Casablanca", "Jalan ", ""),
        ("Jl. Sudirman", "Jl. ", ""),
        ("Gg. Mawar", "Gg. ", ""),
        ("Droop Street", "", " Street"),
        ("Roundhay Road", "", " Road"),
    ],
)
def test_a_street_typed_as_a_place_stays_a_street(original: str, head: str, tail: str) -> None:
    for seed in range(8):
        mapping = KeyMapping(secret=f"{seed + 70:064x}")
        new = mapping.surrogate("LOCATION", original)
        assert new.startswith(head) and new.endswith(tail) and new != original, (seed, new)
        assert mapping.surrogate("LOCATION", original) == new


def test_a_place_that_is_no_street_keeps_a_place_surrogate() -> None:
    mapping = KeyMapping(secret=f"{7:064x}")
    for original in ("Manggarai", "Kecamatan Tebet", "Salatiga"):
        new = mapping.surrogate("LOCATION", original)
        assert not new.startswith(("Jalan", "Jl.")) and not new.endswith(("Street", "Road")), new


def test_the_street_surrogate_reads_in_the_sentence() -> None:
    text = "Farid: A motorbike hit me on Jalan Casablanca in 2023.\n"
    start = text.index("Jalan")
    new, _replacements = pseudonymise(
        text,
        [Detection(start, start + 16, "LOCATION", 0.96, "address.id", "Jalan Casablanca")],
        mode="surrogate",
        mapping=KeyMapping(secret=f"{3:064x}"),
        language="en",
    )
    assert "hit me on Jalan " in new and "Casablanca" not in new, new
