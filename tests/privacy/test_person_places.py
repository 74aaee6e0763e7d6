"""A person's full name that a place list also holds is that person where the document names them (english27, #11)."""

from __future__ import annotations

import re
import time

from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy.detect import detect
from makna.privacy.person_echoes import persons_over_places
from makna.privacy.types import PII_TYPES, Detection

_FOLDER = _TABLE.CASES.parent / "english27cases"

_KNOWN: frozenset[str] = frozenset(
    {
        "A: Teacher Luzon Bautista helped me with English.\nA: [[Luzon Bautista]] gave lessons for free on Saturdays.",
        "A: Aunty Florence Ansah cooked for everyone.\nA: We took the train from [[Florence]] to Rome that summer.",
        "A: Mr Kingston Afolabi was our pastor.\nA: Later we moved to [[Kingston]] for the schools.",
        "A: Mrs Susan Moore was the matron.\nA: I still write to [[Moore]] at Christmas.",
        # typed ORG since round twenty-eight's retrain (the rules with round twenty-seven's model pass it)
        "A: My supervisor was Brisbane Tauiliili.\nA: I went to [[Tauiliili]] about the overtime but nothing happened.",
    }
)
"""Open cases this pass does not reach (a full name the learned layer types ORG; a place after "moved to" or "from"
typed PERSON by the stage or a repeat; a surname alone after "write to" typed a place): strict expected failures."""


def _det(text: str, words: str, kind: str, detector: str, confidence: float, nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Detection(start, start + len(words), kind, confidence, detector, words)


def _typed(found: list[Detection]) -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in found]


def test_a_full_name_a_list_holds_is_the_person_a_title_named() -> None:
    text = "A: Aunty Lina sold cloth.\nA: Lina Ino never missed a market day."
    found = [
        _det(text, "Lina", "PERSON", "person.honorific", 0.95),
        _det(text, "Lina Ino", "LOCATION", "location.gazetteer", 0.16),
    ]
    out = persons_over_places(text, found, "en")
    assert _typed(out) == [("Lina", "PERSON"), ("Lina Ino", "PERSON")]
    assert out[1].confidence == 0.7 and out[1].detector == "person.echo"


def test_a_title_kept_with_the_name_is_no_given_name() -> None:
    text = "A: Aunty Lina sold cloth.\nA: Lina Ino never missed a market day. Aunty Ino came too."
    found = [
        _det(text, "Aunty Lina", "PERSON", "person.honorific", 0.99),
        _det(text, "Lina Ino", "LOCATION", "location.gazetteer", 0.16),
    ]
    assert _typed(persons_over_places(text, found, "en"))[1] == ("Lina Ino", "PERSON")
    place = "A: Mr Aunty was there.\nA: Aunty Ino is a village."
    found = [
        _det(place, "Mr Aunty", "PERSON", "person.honorific", 0.99),
        _det(place, "Aunty Ino", "LOCATION", "location.gazetteer", 0.7),
    ]
    assert _typed(persons_over_places(place, found, "en"))[1] == ("Aunty Ino", "LOCATION")


def test_a_place_after_a_place_word_stays_a_place() -> None:
    for before in ("We moved to", "She was born in", "We drove from", "It is near"):
        text = f"A: Aunty Lina sold cloth.\nA: {before} Lina Ino last year."
        found = [
            _det(text, "Lina", "PERSON", "person.honorific", 0.95),
            _det(text, "Lina Ino", "LOCATION", "location.gazetteer", 0.7),
        ]
        assert _typed(persons_over_places(text, found, "en"))[1] == ("Lina Ino", "LOCATION"), before


def test_only_a_cue_found_given_name_and_a_list_found_place_count() -> None:
    text = "A: Lina was there.\nA: Lina Ino is a village."
    weak = [
        _det(text, "Lina", "PERSON", "learned", 0.8),
        _det(text, "Lina Ino", "LOCATION", "location.gazetteer", 0.7),
    ]
    assert _typed(persons_over_places(text, weak, "en"))[1] == ("Lina Ino", "LOCATION")
    cued = [
        _det(text, "Lina", "PERSON", "person.intro", 0.95),
        _det(text, "Lina Ino", "LOCATION", "location.suffix", 0.7),
    ]
    assert _typed(persons_over_places(text, cued, "en"))[1] == ("Lina Ino", "LOCATION")
    one_word = "A: Mr Kelso was there.\nA: Kelso is where we lived."
    found = [
        _det(one_word, "Kelso", "PERSON", "person.honorific", 0.99),
        _det(one_word, "Kelso", "LOCATION", "location.gazetteer", 0.8, nth=1),
    ]
    assert _typed(persons_over_places(one_word, found, "en"))[1] == ("Kelso", "LOCATION")


def test_indonesian_is_left_to_its_own_passes() -> None:
    text = "B: Bu Bunga jual kain.\nB: Bunga Mayang itu kecamatan."
    found = [
        _det(text, "Bunga", "PERSON", "person.honorific", 0.95),
        _det(text, "Bunga Mayang", "LOCATION", "location.gazetteer", 0.85),
    ]
    assert _typed(persons_over_places(text, found, "id"))[1] == ("Bunga Mayang", "LOCATION")


def test_a_full_name_found_in_pieces_is_one_person() -> None:
    text = "A: Mr Ayo Carlos Barbosa hired me.\nA: Then Ayo Carlos Barbosa paid us late."
    found = [
        _det(text, "Ayo Carlos Barbosa", "PERSON", "person.honorific", 0.99),
        _det(text, "Ayo", "PERSON", "person.repeat", 0.9, nth=1),
        _det(text, "Carlos Barbosa", "LOCATION", "location.gazetteer", 0.72, nth=1),
    ]
    assert _typed(persons_over_places(text, found, "en")) == [
        ("Ayo Carlos Barbosa", "PERSON"),
        ("Ayo Carlos Barbosa", "PERSON"),
    ]
    whole = [found[0], _det(text, "Ayo Carlos Barbosa", "PERSON", "person.repeat", 0.99, nth=1), *found[1:]]
    assert [d.detector for d in persons_over_places(text, whole, "en")] == [
        "person.honorific",
        "person.repeat",
        "person.repeat",
        "location.gazetteer",
    ]
    other = [found[0], found[1], _det(text, "Carlos Barbosa", "ORG", "learned", 0.72, nth=1)]
    assert _typed(persons_over_places(text, other, "en"))[2] == ("Carlos Barbosa", "ORG")


_FILLER = "A: We worked long hours in the kitchen and the pay was never on time, so we complained a lot.\n"


def test_detect_types_the_titled_persons_full_name_person() -> None:
    """``Tana Wawo`` is a district in the place lists; here it is the woman first named ``Aunty Tana``."""
    text = (
        "Interviewer: Who helped you?\nA: Aunty Tana did, from the start.\n"
        + _FILLER * 2
        + "A: Tana Wawo. She was the one who found the room.\n"
        + _FILLER
        + "A: Tana Wawo, honestly, I owe her everything.\n"
    )
    typed = [kind for words, kind in _typed(detect(text, language="en")) if words == "Tana Wawo"]
    assert typed == ["PERSON", "PERSON"]
    place = text.replace("A: Tana Wawo. She", "A: We moved to Tana Wawo. She")
    typed = [kind for words, kind in _typed(detect(place, language="en")) if words == "Tana Wawo"]
    assert typed[0] == "LOCATION"


@open_cases("english27cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, alarms=frozenset(PII_TYPES), whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def test_a_long_turn_of_full_names_in_pieces_is_read_in_linear_time() -> None:
    """review27: each merge copied every detection and each mention scanned them all (a 124,000-character turn of
    4,000 mentions took 16 s under load, 0.13 s by bisection); the same detections come out."""
    text = "Mr Ayo Carlos Barbosa hired me. Then Ayo Carlos Barbosa paid. " * 2000
    found: list[Detection] = []
    for m in re.finditer("Ayo Carlos Barbosa", text):
        if text[m.start() - 3 : m.start()] == "Mr ":
            found.append(Detection(m.start(), m.end(), "PERSON", 0.99, "person.honorific", m.group()))
            continue
        found.append(Detection(m.start(), m.start() + 3, "PERSON", 0.9, "person.repeat", "Ayo"))
        found.append(Detection(m.start() + 4, m.end(), "LOCATION", 0.72, "location.gazetteer", "Carlos Barbosa"))
    began = time.perf_counter()
    out = persons_over_places(text, found, "en")
    assert time.perf_counter() - began < 4.0
    assert [(d.text, d.type) for d in out] == [("Ayo Carlos Barbosa", "PERSON")] * 4000
