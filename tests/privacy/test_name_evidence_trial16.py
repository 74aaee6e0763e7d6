"""Surrogates of the informant's own naming tradition where a name's lists read it as English (issue #11, round
twenty-seven; trial16 #4: ``Lisa Oktavia``, a Minang informant in an Indonesian chat of a Sumatera Barat project,
became ``Mandy Steele``, and ``Uni Lisa`` ``Uni Lorraine``). The evidence around the name speaks first: the other
part of the full name, the honorific or kin word, the source's language, the project's region
(:mod:`makna.privacy.name_evidence`). Every name and text here is fictional."""

from __future__ import annotations

import pytest

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.foreign_names import _lists
from makna.privacy.name_evidence import evidence_traditions
from makna.privacy.naming import _all_names, _traditions, name_language

_SECRETS = [f"{n:064x}" for n in (5, 17, 29, 41)]
_NG = ("en_NG", "yo_NG", "ig_NG", "ha_NG")


def _run(text: str, names: list[str], *, secret: str, language: str, region: str) -> dict[str, str]:
    dets, pos = [], 0
    for value in names:
        start = text.index(value, pos)
        dets.append(Detection(start, start + len(value), "PERSON", 0.9, "t", value))
        pos = start + len(value)
    mapping = KeyMapping(secret=secret, region=region)
    _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language=language, region=region)
    return {r.original: r.replacement for r in reps}


def _english(word: str) -> bool:
    """Held by the English lists only (as ``Lisa`` is)."""
    return name_language(word, "") == "en"


def _local(word: str, tradition: str) -> bool:
    """A name of ``tradition``'s lists, or of the general Indonesian ones, and no English-only one."""
    listed = any(word in names for (t, _r, _g), names in _traditions().items() if t == tradition)
    return not _english(word) and (listed or word in _all_names("id_ID"))


@pytest.mark.parametrize("secret", _SECRETS)
def test_trial16_minang_full_name_and_uni(secret: str) -> None:
    text = "[12/03/24 09.15] Lisa Oktavia: Uni Lisa jualan telur balado dari rumah se, Ni."
    got = _run(text, ["Lisa Oktavia", "Uni Lisa"], secret=secret, language="id", region="13")
    given, family = got["Lisa Oktavia"].split()
    assert _local(given, "minang"), got  # not "Mandy Steele"
    assert _local(family, "minang"), got
    assert _local(got["Uni Lisa"].split()[-1], "minang"), got  # a span that opens with the honorific


@pytest.mark.parametrize("secret", _SECRETS)
@pytest.mark.parametrize(
    ("text", "name", "region", "tradition"),
    [
        ("Ambo baraja jo Uni Lisa di pasa Ateh.", "Lisa", "13", "minang"),  # the honorific before the name
        ("Mbak Linda jualan wedang di Solo, saben sore.", "Linda", "33", "jawa"),
        ("Lisa bilang dia takut balas chat pembeli itu.", "Lisa", "13", "minang"),  # the source's language
    ],
)
def test_lone_name_follows_the_cue_and_language_id(
    secret: str, text: str, name: str, region: str, tradition: str
) -> None:
    got = _run(text, [name], secret=secret, language="id", region=region)
    assert _local(got[name], tradition), got


@pytest.mark.parametrize("secret", _SECRETS)
def test_batak_family_name_carries_the_given_name(secret: str) -> None:
    got = _run(
        "Kevin Simanjuntak kerja di bengkel dekat Balige.",
        ["Kevin Simanjuntak"],
        secret=secret,
        language="id",
        region="31",
    )
    given, family = got["Kevin Simanjuntak"].split()
    assert _local(given, "batak"), got
    assert any(family in n for (t, r, _g), n in _traditions().items() if (t, r) == ("batak", "family")), got


@pytest.mark.parametrize("secret", _SECRETS)
def test_chinese_indonesian_keeps_a_western_given_name(secret: str) -> None:
    got = _run(
        "Saya kerja bareng Koh Kevin Tan di toko elektronik Glodok.",
        ["Kevin Tan"],
        secret=secret,
        language="id",
        region="31",
    )
    given, family = got["Kevin Tan"].split()
    assert _english(given), got  # a Western given name is common among Chinese Indonesians: the lists' reading
    assert any(family in n for (t, r, _g), n in _lists().items() if (t, r) == ("tionghoa", "family")), got


@pytest.mark.parametrize("secret", _SECRETS)
@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("I met Lisa at the market in Leeds; she sells cakes.", "Lisa", "GB"),
        ("Lisa told me she blocks buyers who write at night.", "Lisa", "13"),  # an English interview at home
        ("Dia kenal Mr Daniel dari kantor agen di Jakarta.", "Daniel", "31"),  # an English honorific
        ("Lisa Thompson tinggal di Padang sejak 2019.", "Lisa Thompson", "13"),  # an English surname
    ],
)
def test_english_names_keep_english_surrogates(secret: str, text: str, name: str, region: str) -> None:
    language = "id" if " di " in text else "en"
    got = _run(text, [name], secret=secret, language=language, region=region)
    assert all(_english(w) or w in _all_names("en_GB") for w in got[name].split()), got


@pytest.mark.parametrize("secret", _SECRETS)
def test_nigerian_family_name_stays_nigerian_en(secret: str) -> None:
    got = _run(
        "Mrs Grace Okafor runs the stall beside ours.", ["Grace Okafor"], secret=secret, language="en", region="GB"
    )
    family = got["Grace Okafor"].split()[-1]
    assert any(family in _all_names(loc) for loc in _NG), got


def test_evidence_order() -> None:
    assert evidence_traditions(["Lisa", "Oktavia"], language="id", region="13") == {0: "minang", 1: "minang"}
    assert evidence_traditions(["Lisa"], language="en", region="13") == {}
    assert evidence_traditions(["Lisa"], cues=["uni"], language="en", region="13") == {0: "minang"}
    assert evidence_traditions(["Lisa"], cues=["Mrs."], language="id", region="13") == {}
    assert evidence_traditions(["Lisa"], language="id", region="GB") == {}  # abroad: the lists' reading
    assert evidence_traditions(["Lisa"], language="id", region="national") == {0: "indonesia"}
    assert evidence_traditions(["Dewi"], language="id", region="13") == {}  # no English-listed word
