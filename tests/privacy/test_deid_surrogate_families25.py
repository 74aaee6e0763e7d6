"""Surrogates that keep a family one family (issue #11, round twenty-five; trial13 #10): the people a source makes
kin, or who share a surname, get surrogates of one tradition, a shared surname one shared surrogate, across the
project. Names here are fictional; ``Zor...`` words are invented, so that no list tells their tradition."""

from __future__ import annotations

import pytest

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.naming import _all_names, _traditions, name_gender, token_traditions

_NG = ("en_NG", "yo_NG", "ig_NG", "ha_NG")
_SECRETS = [f"{n:064x}" for n in (11, 23, 37)]


def _nigerian(word: str) -> bool:
    from makna.privacy.naming import neutral_names

    return any(word in _all_names(loc) for loc in _NG) or word in neutral_names("ng")


def _of(tradition: str, role: str, word: str) -> bool:
    return any(word in names for (t, r, _g), names in _traditions().items() if t == tradition and r == role)


def _run(
    text: str, items: list[tuple[str, str]], *, mapping: KeyMapping, language: str, region: str | None = None
) -> dict[str, str]:
    dets, pos = [], 0
    for kind, value in items:
        start = text.index(value, pos)
        dets.append(Detection(start, start + len(value), kind, 0.9, "t", value))
        pos = start + len(value)
    _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language=language, region=region)
    return {r.original: r.replacement for r in reps}


@pytest.mark.parametrize("secret", _SECRETS)
@pytest.mark.parametrize(
    ("text", "mother", "child"),
    [
        (
            "Oluwaseun Adeyemi is forty-three. She lives in Harehills with her daughter Ngozi.",
            "Oluwaseun Adeyemi",
            "Ngozi",
        ),
        ("Oluwaseun Adeyemi told us about her son, Zorbuke, who drives for an app.", "Oluwaseun Adeyemi", "Zorbuke"),
        ("At the depot I met Oluwaseun Adeyemi's son Zorbuke.", "Oluwaseun Adeyemi", "Zorbuke"),
    ],
)
def test_trial13_family_keeps_one_tradition_en(secret: str, text: str, mother: str, child: str) -> None:
    got = _run(
        text, [("PERSON", mother), ("PERSON", child)], mapping=KeyMapping(secret=secret), language="en", region="GB"
    )
    given, surname = got[mother].split()
    assert _nigerian(given), got  # the name's own surname tells its tradition: not "Alexis Parkinson"
    assert _nigerian(surname), got
    assert _nigerian(got[child]), got  # the child: the family's (her own, where a list tells it)


@pytest.mark.parametrize("secret", _SECRETS)
@pytest.mark.parametrize(
    ("text", "parent", "child", "gender"),
    [
        ("Togar: Anak laki-laki saya Zorkani sudah kuliah di Bandung.", "Togar", "Zorkani", "m"),
        ("R: Nama saya Togar Simanjuntak. Istri saya Zorlina jualan di pasar.", "Togar Simanjuntak", "Zorlina", "f"),
        (
            "Pak Togar Simanjuntak cerita soal kebun. Anak perempuannya, Zorlina, kerja di Batam.",
            "Togar Simanjuntak",
            "Zorlina",
            "f",
        ),
        ("Zorlina, istri Pak Togar Simanjuntak, membuka warung.", "Zorlina", "Togar Simanjuntak", "f"),
    ],
)
def test_kin_words_carry_the_family_tradition_id(secret: str, text: str, parent: str, child: str, gender: str) -> None:
    got = _run(
        text, [("PERSON", parent), ("PERSON", child)], mapping=KeyMapping(secret=secret, region="31"), language="id"
    )
    unknown = child if child.startswith("Zor") else parent
    assert _of("batak", "given", got[unknown]), got  # Jakarta has no tradition of its own: the family's Batak
    assert token_traditions(got[unknown]) & {"batak"}
    assert name_gender(got[unknown]) == gender, got  # the kin word's gender (a son, a wife) is kept


@pytest.mark.parametrize("secret", _SECRETS)
def test_my_daughter_in_an_english_source_of_a_ghanaian_family(secret: str) -> None:
    text = "Abena Owusu: My daughter Zorbella helps me with the rota."
    got = _run(
        text,
        [("PERSON", "Abena Owusu"), ("PERSON", "Zorbella")],
        mapping=KeyMapping(secret=secret),
        language="en",
        region="GB",
    )
    assert got["Zorbella"] in _all_names("tw_GH"), got


@pytest.mark.parametrize("secret", _SECRETS)
def test_minang_family_in_a_javanese_province(secret: str) -> None:
    text = "Uda Afrizal cerita. Adik perempuannya, Zorwani, sekolah di Solo."
    got = _run(
        text,
        [("PERSON", "Afrizal"), ("PERSON", "Zorwani")],
        mapping=KeyMapping(secret=secret, region="33"),
        language="id",
    )
    assert _of("minang", "given", got["Zorwani"]), got  # Central Java's Javanese would be the region's


@pytest.mark.parametrize("secret", _SECRETS)
def test_shared_surname_one_surrogate_and_one_tradition(secret: str) -> None:
    mapping = KeyMapping(secret=secret, region="31")
    first = _run(
        "Bu Rumondang Zorsiregar dan Pak Zorwanto Zorsiregar datang bersama.",
        [("PERSON", "Rumondang Zorsiregar"), ("PERSON", "Zorwanto Zorsiregar")],
        mapping=mapping,
        language="id",
    )
    second = _run(
        "Mbak Zorlinda Zorsiregar kerja di Medan.", [("PERSON", "Zorlinda Zorsiregar")], mapping=mapping, language="id"
    )
    surnames = {
        first["Rumondang Zorsiregar"].split()[-1],
        first["Zorwanto Zorsiregar"].split()[-1],
        second["Zorlinda Zorsiregar"].split()[-1],
    }
    assert len(surnames) == 1, (first, second)
    # Rumondang is a Batak name: her husband's unknown given name is Batak too, and so is the project's next one
    assert _of("batak", "given", first["Zorwanto Zorsiregar"].split()[0]), first
    assert _of("batak", "given", second["Zorlinda Zorsiregar"].split()[0]), second


@pytest.mark.parametrize("secret", _SECRETS)
def test_family_met_again_in_another_source_keeps_its_tradition(secret: str) -> None:
    mapping = KeyMapping(secret=secret)
    _run(
        "Oluwaseun Adeyemi is forty-three.",
        [("PERSON", "Oluwaseun Adeyemi")],
        mapping=mapping,
        language="en",
        region="GB",
    )
    mapping = KeyMapping.from_dict(mapping.to_dict())  # the key file keeps what the family was drawn under
    got = _run(
        "Oluwaseun's son Zorbuke came too.",
        [("PERSON", "Oluwaseun"), ("PERSON", "Zorbuke")],
        mapping=mapping,
        language="en",
        region="GB",
    )
    assert _nigerian(got["Zorbuke"]), got


@pytest.mark.parametrize("secret", _SECRETS)
def test_patronymic_family(secret: str) -> None:
    text = "Ahmad bin Zorhan dan Siti binti Zorhan bersaudara. Zorhan Siregar ayah mereka."
    got = _run(
        text,
        [("PERSON", "Ahmad bin Zorhan"), ("PERSON", "Siti binti Zorhan"), ("PERSON", "Zorhan Siregar")],
        mapping=KeyMapping(secret=secret, region="31"),
        language="id",
    )
    assert got["Ahmad bin Zorhan"].split()[-1] == got["Siti binti Zorhan"].split()[-1]
    assert got["Zorhan Siregar"].split()[0] == got["Siti binti Zorhan"].split()[-1]
    # Siregar (a Batak marga) tells the family's tradition to the father's unknown given name
    assert _of("batak", "given", got["Zorhan Siregar"].split()[0]), got


@pytest.mark.parametrize("secret", _SECRETS)
def test_no_family_member_gets_an_original(secret: str) -> None:
    text = "Oluwaseun Adeyemi lives with her daughter Ngozi and her son Temitope. Ngozi Adeyemi is ten."
    names = ["Oluwaseun Adeyemi", "Ngozi", "Temitope", "Ngozi Adeyemi"]
    mapping = KeyMapping(secret=secret)
    mapping.reserve(names)
    got = _run(text, [("PERSON", n) for n in names], mapping=mapping, language="en", region="GB")
    words = {w.casefold() for n in names for w in n.split()}
    assert not {w.casefold() for v in got.values() for w in v.split()} & words, got
    assert len({got[n].casefold() for n in names[:3]}) == 3


@pytest.mark.parametrize("secret", _SECRETS)
@pytest.mark.parametrize("marker", ["br.", "br", "boru"])
def test_a_batak_womans_marga_marker_stays_and_the_marga_is_shared(secret: str, marker: str) -> None:
    text = f"Bu Rina {marker} Siregar datang. Adiknya, Pak Horas Siregar, juga."
    got = _run(
        text,
        [("PERSON", f"Rina {marker} Siregar"), ("PERSON", "Horas Siregar")],
        mapping=KeyMapping(secret=secret, region="31"),
        language="id",
    )
    words = got[f"Rina {marker} Siregar"].split()
    assert words[1] == marker, got  # a particle, not a name to replace
    assert words[2] == got["Horas Siregar"].split()[1], got
    assert _of("batak", "family", words[2]), got
