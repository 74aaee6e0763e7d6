"""A full name's given name or surname alone, later in the text, is that person (english26, issue #11)."""

from __future__ import annotations

from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy.person_echoes import echo_names
from makna.privacy.types import PII_TYPES, Detection

_FOLDER = _TABLE.CASES.parent / "english26cases"

_KNOWN: frozenset[str] = frozenset(
    {
        "A: The organiser was Amber Lowther.\nA: The light went {{Amber}} and he still drove through.",
        "A: Teman saya Bunga Lestari kerja di laundry.\nA: {{Bunga}} di rumah majikan harus disiram tiap pagi.",
        "A: Mandornya Indah Permatasari.\nA: {{Indah}} sekali pemandangan dari atas bukit itu.",
        "A: The other rider, Faith Mwende, lent me a helmet.\nA: {{Faith}} got me through that year, honestly.",
    }
)
"""Open look-alikes outside this pass (a given name that is a word, repeated by the rule passes before the learned
layer: ``person.repeat``, ``person.wordname``): strict expected failures, so a fix shows."""


def _person(text: str, name: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), "PERSON", 0.8, "learned", name)


def _echoes(text: str, name: str, language: str = "en") -> list[str]:
    found = echo_names(text, [_person(text, name)], language)
    return [d.text for d in found if d.detector == "person.echo"]


def test_given_name_alone_after_the_full_name() -> None:
    text = "The recruiter, Harinder Singh Dhaliwal, came to Jalandhar.\nA: Harinder promised a job in a warehouse."
    assert _echoes(text, "Harinder Singh Dhaliwal") == ["Harinder"]


def test_surname_alone_and_hyphenated_names() -> None:
    text = "My cousin Abimbola Okonjo-Eze got me the job. Later Okonjo-Eze moved to Ibadan, and Abimbola stayed."
    assert _echoes(text, "Abimbola Okonjo-Eze") == ["Okonjo-Eze", "Abimbola"]


def test_ordinary_words_stop_words_and_lower_case_mentions_stay() -> None:
    assert _echoes("I worked with Grace Mulholland. Grace periods? No.", "Grace Mulholland") == []
    assert _echoes("Her name was Sunday Adeyemi. Sunday was market day.", "Sunday Adeyemi") == []
    text = "The driver was Kelvora Baptiste. We use kelvora tags. Kelvora was late."
    assert _echoes(text, "Kelvora Baptiste") == []


def test_a_word_of_another_name_or_after_a_place_word_stays() -> None:
    text = "I share the van with Tamati Rangihuna. The depot is on Tamati Street, near the Rangihuna."
    assert _echoes(text, "Tamati Rangihuna") == []
    text = "The foreman was Jerome Castellanos. We moved to Castellanos in spring."
    assert _echoes(text, "Jerome Castellanos") == []


def test_covered_occurrences_and_indonesian_are_left_alone() -> None:
    text = "Mandornya Suryadi Wicaksono. Tiap Sabtu Suryadi potong gaji."
    assert _echoes(text, "Suryadi Wicaksono", "id") == []
    text = "The nurse was Priyanka Venkataraman. Priyanka brought tea."
    other = text.rindex("Priyanka")
    found = [
        _person(text, "Priyanka Venkataraman"),
        Detection(other, other + 8, "PERSON", 0.9, "person.repeat", "Priyanka"),
    ]
    assert [d.detector for d in echo_names(text, found, "en")] == ["learned", "person.repeat"]


def test_one_word_persons_and_other_types_echo_nothing() -> None:
    text = "Dmitri drove. Later Dmitri moved to Leeds. Volkonsky Logistics paid late. Volkonsky again."
    found = [
        Detection(0, 6, "PERSON", 0.8, "learned", "Dmitri"),
        Detection(text.index("Volkonsky"), text.index("Volkonsky") + 19, "ORG", 0.8, "learned", "Volkonsky Logistics"),
    ]
    assert [d.detector for d in echo_names(text, found, "en")] == ["learned", "learned"]


@open_cases("english26cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, alarms=frozenset(PII_TYPES), whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def test_a_guess_below_review_confidence_is_not_spread() -> None:
    text = "Stokvel meeting, Siyakhula Sisters Stokvel. We paid the Stokvel on Fridays, Siyakhula said."
    start = text.index("Siyakhula Sisters Stokvel")
    guess = Detection(start, start + 25, "PERSON", 0.43, "unknown.capitalised", "Siyakhula Sisters Stokvel")
    assert [d.detector for d in echo_names(text, [guess], "en")] == ["unknown.capitalised"]
    strong = Detection(start, start + 25, "PERSON", 0.79, "unknown.capitalised", "Siyakhula Sisters Stokvel")
    assert "person.echo" in [d.detector for d in echo_names(text, [strong], "en")]


def test_an_indonesian_clause_in_a_transcript_said_to_be_english_is_left_alone() -> None:
    text = "Tinggal dengan Papuq Senep selama ibunya pergi. Papuq sudah tua. Later Papuq is what we said."
    found = echo_names(text, [_person(text, "Papuq Senep")], "en")
    assert [text[d.start : d.end + 3] for d in found if d.detector == "person.echo"] == ["Papuq is"]


def test_a_possessive_is_the_name_it_follows() -> None:
    """``Harinder's``: the possessive ending is not part of the word (review26): the name before it is echoed."""
    text = "The recruiter was Harinder Singh Dhaliwal. Harinder's office was in Jalandhar, then Dhaliwal’s van."
    assert _echoes(text, "Harinder Singh Dhaliwal") == ["Harinder", "Dhaliwal"]
    text = "My boss was Kwame Asante-Boateng. Asante-Boateng's rules were strict."
    assert _echoes(text, "Kwame Asante-Boateng") == ["Asante-Boateng"]


def test_a_name_with_an_apostrophe_after_its_first_letter() -> None:
    """``O'Shea``, ``D’Souza``: the module's docstring says an apostrophe inside a name is allowed (review26: a
    capital followed by an apostrophe was no word at all)."""
    assert _echoes("My boss was Declan O'Shea. O'Shea paid late.", "Declan O'Shea") == ["O'Shea"]
    assert _echoes("The agent, Marisa D’Souza, came. D’Souza's fee was high.", "Marisa D’Souza") == ["D’Souza"]


def test_a_word_glued_to_letters_after_it_is_another_word() -> None:
    """An occurrence is a whole word: letters or digits right after it make it part of another one (review26)."""
    text = "The driver was Tomasz Wrobel. His handle is TomaszX and his van Tomasz2."
    assert _echoes(text, "Tomasz Wrobel") == []
