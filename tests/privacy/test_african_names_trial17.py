"""Southern African names keep their tradition (trial17 #4, issue #11): isiZulu, isiXhosa, Shona and Chichewa names
got English surrogates (``Nomvula Dlamini`` -> ``Amber Cook``), ``Mai Rudo`` (Shona: "mother of Rudo") became
``Tyler Greenwood`` and then ``Rudo Mutasa`` ``Greenwood Shah``; a South African identity number's surrogate had no
date (``5385096963833``); a case reference added by hand as ACCOUNT became a word (``Wamasa``)."""

from __future__ import annotations

import random
import re

import pytest

from makna.privacy.foreign_names import abroad_gender, abroad_traditions
from makna.privacy.pseudonymise import KeyMapping, pseudonymise
from makna.privacy.surrogate_shapes import luhn_valid, za_id_surrogate
from makna.privacy.types import Detection

SECRETS = ("ab" * 16, "cd" * 16, "0f" * 16, "42" * 16, "77" * 16)
AFRICAN = {"zulu", "xhosa", "shona", "chewa"}


def _run(text: str, items: list[tuple[str, str]], region: str | None, secret: str) -> dict[str, str]:
    dets: list[Detection] = []
    for kind, name in items:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(d.start <= m.start() < d.end for d in dets):
                dets.append(Detection(m.start(), m.end(), kind, 1.0, "test", name))
    key = KeyMapping(secret=secret, region=region)
    _new, reps = pseudonymise(text, sorted(dets, key=lambda d: d.start), mode="surrogate", mapping=key, language="en")
    return {r.original: r.replacement for r in reps}


TEXT = (
    "Interviewer: Thank you. Nomvula Dlamini: My mother uMama Nokuthula helps me. Tendai Moyo came too.\n"
    "Chikondi Banda: Mai Rudo spoke first. Later Rudo Mutasa said Gogo Thandeka was ill, and Bhuti Sipho drove.\n"
)
NAMES = ["Nomvula Dlamini", "Tendai Moyo", "Chikondi Banda", "Mai Rudo", "Rudo Mutasa", "Thandeka", "Sipho"]


@pytest.mark.parametrize("region", ["ZA", "ZW", None])
@pytest.mark.parametrize("secret", SECRETS)
def test_names_keep_their_tradition(region: str | None, secret: str) -> None:
    got = _run(TEXT, [("PERSON", n) for n in NAMES], region, secret)
    for name in ("Nomvula Dlamini", "Tendai Moyo", "Chikondi Banda", "Rudo Mutasa"):
        for word in got[name].split():
            assert abroad_traditions(word) & AFRICAN, (name, got[name])
    mai = got["Mai Rudo"].split()
    assert mai[0] == "Mai" and len(mai) == 2 and "shona" in abroad_traditions(mai[1]), got  # the honorific stays
    assert abroad_gender(mai[1], "shona") == "f", got  # Mai: a woman
    assert got["Rudo Mutasa"].split()[0] == mai[1], got  # Rudo keeps one surrogate, a given name
    assert "zulu" in abroad_traditions(got["Thandeka"]) and abroad_gender(got["Thandeka"], "zulu") == "f", got
    assert abroad_traditions(got["Sipho"]) & AFRICAN and abroad_gender(got["Sipho"], "zulu") != "f", got


@pytest.mark.parametrize("secret", SECRETS)
def test_an_english_name_stays_english(secret: str) -> None:
    got = _run(
        "Mrs Claire Hendricks and Tom Walker came.",
        [("PERSON", "Claire Hendricks"), ("PERSON", "Tom Walker")],
        "ZA",
        secret,
    )
    for name in got.values():
        assert not any(abroad_traditions(w) & AFRICAN for w in name.split()), got


@pytest.mark.parametrize("secret", SECRETS)
def test_a_south_african_id_keeps_a_date_and_check_digit(secret: str) -> None:
    for original in ("8805120345087", "8001015009087", "9202204720082"):
        new = _run(f"My ID is {original}.", [("NATIONAL_ID", original)], "ZA", secret)[original]
        assert new != original and len(new) == 13 and new.isdigit()
        assert 1 <= int(new[2:4]) <= 12 and 1 <= int(new[4:6]) <= 31, new
        assert luhn_valid(new), new
        assert (int(new[6]) >= 5) == (int(original[6]) >= 5) and new[10] == original[10], new


def test_another_thirteen_digit_number_is_no_id() -> None:
    assert za_id_surrogate(random.Random(1), "5385096963833", 0) is None  # month 85


@pytest.mark.parametrize("secret", SECRETS)
def test_an_account_added_by_hand_keeps_its_form(secret: str) -> None:
    text = "My reference there is CCMA WECT 18842-26. WECT wrote back."
    key = KeyMapping(secret=secret, region="ZA")
    key.reserve(["WECT 18842-26", "WECT", "18842-26"])  # a project's reserved pieces of the reference
    start = text.index("WECT 18842-26")
    det = Detection(start, start + 13, "ACCOUNT", 1.0, "review.add", "WECT 18842-26")
    _new, reps = pseudonymise(text, [det], mode="surrogate", mapping=key, language="en")
    new = reps[0].replacement
    assert re.fullmatch(r"[A-Z]{4} \d{5}-\d{2}", new), new
    assert "WECT" not in new and "18842" not in new
