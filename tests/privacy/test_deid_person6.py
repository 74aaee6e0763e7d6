"""Persons typed ORG or LOCATION, or missed, by kinds of speech (branch deidperson6 of round fourteen, #11):
ranks before surnames, families named by a plural surname, runs headed by a listed given name, persons and
codes of a header legend, words explained as names or as common nouns, chosen names in quotes, short forms.

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.person_kinds import person_kinds
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidperson6cases"


def persons(text: str, language: str = "en") -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == "PERSON"]


def typed(text: str, language: str = "en") -> dict[str, str]:
    return {d.text: d.type for d in detect(text, language=language)}


def test_a_rank_before_a_surname_is_outside_a_person_span() -> None:
    text = "I: An officer, DC Pemberton, rang me. Then Sgt Quarrie came round, and Insp Laidlow signed it."
    found = persons(text)
    assert {"Pemberton", "Quarrie", "Laidlow"} <= set(found)
    assert not any(f.startswith(("DC", "Sgt", "Insp")) for f in found)


def test_an_indonesian_rank_before_a_name() -> None:
    found = persons("I: Yang periksa Aipda Marbun, lalu Bripka Situmeang yang tulis laporan.", "id")
    assert {"Marbun", "Situmeang"} <= set(found)


def test_a_rank_like_abbreviation_before_a_place_or_firm_is_no_person() -> None:
    found = typed("I: Saya kuliah di DI Yogyakarta. He bought it from PC World in Washington DC.")
    assert found.get("Yogyakarta") != "PERSON"
    assert "World" not in found or found["World"] != "PERSON"


def test_the_rank_pass_retypes_an_org_span_over_rank_and_name() -> None:
    scan = "I: A detective, DC Ashcombe, took my statement."
    at = scan.index("DC")
    out = person_kinds(scan, [Detection(at, at + 11, "ORG", 0.6, "learned", "DC Ashcombe")])
    assert [(d.text, d.type) for d in out] == [("Ashcombe", "PERSON")]


def test_a_family_by_its_plural_surname() -> None:
    scan = "I: I lodged with a host family, the Thistlewoods, for a year."
    at = scan.index("the Thistle")
    out = person_kinds(scan, [Detection(at, at + 17, "LOCATION", 0.6, "learned", "the Thistlewoods")])
    assert [(d.text, d.type) for d in out] == [("Thistlewoods", "PERSON")]
    assert not [d for d in person_kinds("We went to the Netherlands and the Midlands.", []) if d.type == "PERSON"]


def test_a_location_run_headed_by_a_listed_given_name_is_a_person() -> None:
    scan = "I: My mate Kevin Bradford helped me."
    at = scan.index("Kevin")
    out = person_kinds(scan, [Detection(at, at + 14, "LOCATION", 0.6, "learned", "Kevin Bradford")])
    assert out[0].type == "PERSON"
    scan = "I: I live on Kevin Street in Bow."
    at = scan.index("Kevin")
    out = person_kinds(scan, [Detection(at, at + 12, "LOCATION", 0.6, "learned", "Kevin Street")])
    assert out[0].type == "LOCATION"


def test_a_header_legend_names_persons_and_defines_codes() -> None:
    text = (
        "Pw = pewawancara (Rahmi Yulistia), Inf = informan (Sesil).\n"
        "Pw: Sudah lama di Padang?\nInf: Sudah, Kak. Dari kecil."
    )
    found = typed(text, "id")
    assert found.get("Rahmi Yulistia") == "PERSON"
    assert found.get("Sesil") == "PERSON"
    assert "Pw" not in found and "Inf" not in found


def test_a_word_explained_as_a_name_and_one_explained_as_a_common_noun() -> None:
    text = "I: Kawanku, Soka, nan ajak ambo. Soka itu nama aslinyo, bukan bunga. Soka kini di Solok."
    assert persons(text, "id").count("Soka") == 3
    assert "Kawanku" not in persons(text, "id")
    text = "I: Datuk is what we call an old man back home. My Datuk lives in Penang."
    assert "Datuk" not in persons(text)


def test_a_chosen_name_in_quotes() -> None:
    text = 'P: What shall we call you?\nI: Call me "Sparrow" in the write-up. Sparrow is fine.'
    assert persons(text).count("Sparrow") == 2


def test_a_short_form_of_a_name_given_earlier() -> None:
    text = "I: My aunt, Wilhelmina Stroud, minds the kids. Mina picks them up and I pay Mina on Fridays."
    assert persons(text).count("Mina") == 2
    text = "I: Namonyo Armaila. Di rumah kami panggil Maila. Maila nan carikan kos."
    assert persons(text, "id").count("Maila") >= 2


@settings(deadline=None, max_examples=10)
@given(st.sampled_from(["PC", "DS", "Sgt", "Capt", "Bripka", "Iptu", "Kompol"]), st.integers(0, 30))
def test_rank_spans_are_the_names(rank: str, pad: int) -> None:
    scan = " " * pad + f"I: Then {rank} Okonedo-Blythe came."
    out = person_kinds(scan, [])
    assert [(d.text, d.type) for d in out] == [("Okonedo-Blythe", "PERSON")]
    for d in out:
        assert scan[d.start : d.end] == d.text


def test_tune_cases_floor() -> None:
    """The open part of this branch's cases (tune/; sealed/ is scored by aggregates only)."""
    report = evaluate(CASES / "tune")
    assert len(load_gold(CASES / "tune")) == 12
    assert report.per_type["PERSON"].recall >= 0.95
    # 0.94, not 0.95: "everyone calls him Oga, it just means boss" keeps Oga (a gloss after "it means" drops no
    # find of a naming cue since the review fixes: "Rupert, which means I'd be late" must keep Rupert)
    assert report.per_type["PERSON"].precision >= 0.94
    assert report.overall.recall >= 0.95


# Review fixes (branch fixperson6): a drop must spare a real name; the late pass stays linear-ish.


def _det(scan: str, word: str, kind: str, detector: str, nth: int = 0) -> Detection:
    at = -1
    for _ in range(nth + 1):
        at = scan.index(word, at + 1)
    return Detection(at, at + len(word), kind, 0.8, detector, word)


def test_a_gloss_after_which_means_drops_no_name() -> None:
    scan = "I: My daughter is called Soka, which means a flower. Soka is seven now."
    found = [_det(scan, "Soka", "PERSON", "person.intro"), _det(scan, "Soka", "PERSON", "person.repeat", 1)]
    assert [d.text for d in person_kinds(scan, found) if d.type == "PERSON"] == ["Soka", "Soka"]
    scan = (
        "I: I'd go and see Rupert, which means I'd be late. Rupert lives out east. Her name is Verity, it means a lot."
    )
    found = [
        _det(scan, "Rupert", "PERSON", "person.gazetteer"),
        _det(scan, "Rupert", "PERSON", "unknown.capitalised", 1),
    ]
    found.append(_det(scan, "Verity", "PERSON", "person.intro"))
    assert [d.text for d in person_kinds(scan, found)] == ["Rupert", "Rupert", "Verity"]
    scan = "I: Rina itu panggilan untuk anak saya. Rina sekarang sekolah."
    found = [_det(scan, "Rina", "PERSON", "person.gazetteer"), _det(scan, "Rina", "PERSON", "person.gazetteer", 1)]
    assert len(person_kinds(scan, found)) == 2


def test_a_gloss_drops_only_an_unlisted_word_that_no_person_evidence_found() -> None:
    scan = "I: Wambo is what we call an uncle back home. The Wambo at the depot shouted."
    weak = [_det(scan, "Wambo", "PERSON", "unknown.capitalised", 1)]
    assert person_kinds(scan, weak) == []
    strong = [*weak, _det(scan, "Wambo", "PERSON", "person.honorific")]
    assert len(person_kinds(scan, strong)) == 2  # the text uses it as a name: nothing dropped
    scan = "I: Back home, Wambo is what we call an uncle. Wambo came."  # not opening its clause
    assert len(person_kinds(scan, [_det(scan, "Wambo", "PERSON", "unknown.capitalised", 1)])) == 1


def test_a_note_with_an_equals_sign_is_no_legend() -> None:
    scan = "Notes: Wilis = her son (age 9)\n.. Wilis is doing well at school."
    out = person_kinds(scan, [_det(scan, "Wilis", "PERSON", "unknown.capitalised", 1)])
    assert [d.text for d in out] == ["Wilis"]


def test_a_legend_code_that_labels_no_turn_is_kept() -> None:
    scan = "P: Dari mana?\nI: Dari Solok.\nDeri = informan\nDeri datang lagi besok."
    assert len(person_kinds(scan, [_det(scan, "Deri", "PERSON", "unknown.capitalised", 1)])) == 1
    scan = "Pw = pewawancara, Oyon = informan.\nPw: Sudah lama?\n... Oyon lah pulang."
    found = [_det(scan, "Oyon", "PERSON", "unknown.capitalised", 1), _det(scan, "Pw", "PERSON", "unknown.capitalised")]
    assert [d.text for d in person_kinds(scan, found)] == ["Oyon"]  # Pw labels turns; Oyon labels none


def test_a_spelled_out_rank_makes_any_capitalised_word_a_name() -> None:
    found = persons("I: Officer Pond took my statement. Then Sergeant Cliff came, and Inspector Fenn rang.")
    assert {"Pond", "Cliff", "Fenn"} <= set(found)
    scan = "I: Sergeant Chad and Detective Fenn signed it."
    found_in = [_det(scan, "Chad", "PERSON", "person.honorific"), _det(scan, "Fenn", "PERSON", "person.honorific")]
    assert [(d.text, d.type) for d in person_kinds(scan, found_in)] == [("Chad", "PERSON"), ("Fenn", "PERSON")]


def test_a_firm_after_rank_like_letters_is_retyped_never_dropped() -> None:
    scan = "I: He bought it from PC World."
    out = person_kinds(scan, [_det(scan, "World", "PERSON", "person.honorific")])
    assert [(d.text, d.type) for d in out] == [("PC World", "ORG")]


def _roster(n: int) -> tuple[str, list[Detection]]:
    """``n`` lines, each naming a different invented person, then a short form of the name."""
    syllables = ["ka", "ri", "mo", "lu", "se", "da", "wi", "no"]
    lines: list[str] = []
    found: list[Detection] = []
    at = 0
    for i in range(n):
        name = "".join(syllables[(i >> (3 * k)) % 8] for k in range(4)).capitalize()
        line = f"I: Then {name} Tembusai came to the depot. {name[:4]} told me, and Man went home.\n"
        start = at + line.index(name)
        found.append(Detection(start, start + len(name) + 9, "PERSON", 0.8, "person.intro", f"{name} Tembusai"))
        lines.append(line)
        at += len(line)
    return "".join(lines), found


def test_the_late_pass_does_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Span look-ups probe a bounded window, per token: doubling the text about doubles the probes (the old
    scan of every detection per capitalised token quadrupled them)."""
    import makna.privacy.person_kinds as kinds

    probes = [0]

    class Counted(kinds.SpanIndex):
        def window(self, start: int, end: int) -> range:
            r = super().window(start, end)
            probes[0] += len(r) + 1
            return r

    monkeypatch.setattr(kinds, "SpanIndex", Counted)
    counts = []
    for n in (200, 400):
        probes[0] = 0
        scan, found = _roster(n)
        out = person_kinds(scan, found)
        assert sum(d.detector == "person.short_form" for d in out) >= n // 4
        counts.append(probes[0])
    assert counts[1] <= 2.5 * counts[0]
