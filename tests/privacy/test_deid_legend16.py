"""One reader of a transcript's legend (health16, #11): the speaker labels, the person kinds and the late filter
read the same entries (:func:`makna.privacy.legend.read_legend`), in Indonesian and English, for every legend style
one of them accepted before."""

from __future__ import annotations

import re

import pytest

from makna.privacy.legend import HEAD, read_legend
from makna.privacy.person_kinds import person_kinds
from makna.privacy.speakers import find_labels, legend_codes
from makna.privacy.thingwords import names_a_thing
from makna.privacy.types import Detection


def _det(text: str, word: str, kind: str = "PERSON", nth: int = 0) -> Detection:
    at = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)][nth]
    return Detection(at, at + len(word), kind, 0.6, "unknown.capitalised", word)


def _seen_by_all(text: str, code: str) -> bool:
    """Whether each reader takes ``code`` (its first mention, in the legend) for a legend's code."""
    det = _det(text, code)
    speakers = code.lower() in legend_codes(text)
    thing = names_a_thing(text, det)
    kinds = not any(d.text == code for d in person_kinds(text, [det, _det(text, code, nth=1)]))
    assert speakers == thing == kinds, (text, code, speakers, thing, kinds)
    return speakers


STYLES = [
    # (text, codes, persons named): each style in both languages
    ("Keterangan: P = Peneliti, I = Informan\nP: Sudah lama?\nI: Lumayan.", {"P", "I"}, []),
    ("Key: Int = interviewer, R = respondent\nInt: How long?\nR: A while.", {"Int", "R"}, []),
    ("[Transkrip. Pwc = pewawancara, Inf = informan.]\nPwc: Iyo?\nInf: Iyo.", {"Pwc", "Inf"}, []),
    ("[Transcript. IV = interviewer, PT = participant.]\nIV: Right?\nPT: Right.", {"IV", "PT"}, []),
    ("T = pewawancara (Nurul Aisyah), J = narasumber\nT: Baa?\nJ: Baiak.", {"T", "J"}, ["Nurul Aisyah"]),
    (
        "Res = researcher (Philippa Garside); Ptc = participant\nRes: Ok?\nPtc: Ok.",
        {"Res", "Ptc"},
        ["Philippa Garside"],
    ),
    ("Fasilitator: FSL\nPewawancara = PWC\nFSL: Mulai.\nPWC: Baik.", {"FSL", "PWC"}, []),
    ("Facilitator: FAC\nInterviewer = INT2\nFAC: Start.\nINT2: Fine.", {"FAC", "INT2"}, []),
    ("INT – interviewer, RSP — respondent\nINT: Why?\nRSP: Because.", {"INT", "RSP"}, []),
    ("PW – pewawancara, NS — narasumber\nPW: Kenapa?\nNS: Karena.", {"PW", "NS"}, []),
    ("Catatan: P = peneliti dan I = informan\nP: Iya?\nI: Iya.", {"P", "I"}, []),
    ("Note: R = the respondent, M = a moderator\nM: Go on.\nR: Yes.", {"R", "M"}, []),
]


@pytest.mark.parametrize(("text", "codes", "persons"), STYLES)
def test_every_reader_reads_the_same_legend(text: str, codes: set[str], persons: list[str]) -> None:
    legend = read_legend(text)
    assert legend.codes == codes
    assert [text[s:e] for s, e in legend.names] == persons
    assert all(legend.roles[c] for c in codes) and len(legend.spans) == len(legend.entries)
    for code in codes:
        assert _seen_by_all(text, code)
    for name in persons:  # a person named in the legend is a PERSON
        assert any(d.text == name and d.type == "PERSON" for d in person_kinds(text, []))
    generic = {lab.label.strip() for lab in find_labels(text) if lab.person is None}
    assert codes <= generic  # and every code labels its turns as a role


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sari = informan, P = peneliti\nSari: Iyo.\nP: Baa?", "Sari"),
        ("Oyon = informan, Pw = pewawancara\nOyon: Iyo.\nPw: Baa?", "Oyon"),
        ("Kevin = participant, I = interviewer\nKevin: Yes.\nI: Why?", "Kevin"),
    ],
)
def test_a_name_standing_as_a_code_is_never_a_role(text: str, name: str) -> None:
    legend = read_legend(text)
    assert [e.code for e in legend.entries][0] == name and not legend.entries[0].is_code
    assert name not in legend.codes and not _seen_by_all(text, name)
    assert all(lab.person is not None for lab in find_labels(text) if lab.label.strip() == name)  # never generic


@pytest.mark.parametrize(
    "text",
    [
        "Notes: Wilis = her son (age 9)\nWilis is doing well.",  # a relation: a note, no legend
        "Catatan: Dewi = istri informan\nDewi datang.",
        "Moderator: Sari\nSari: ok",  # a name after a role: a person, no code
        "I: Dia bilang bahwa T = pewawancara, tapi T tidak datang.",  # inside a sentence: no legend
        "I: So she said R = respondent, and R never came.",
    ],
)
def test_no_legend(text: str) -> None:
    assert read_legend(text).entries == ()
    assert legend_codes(text) == frozenset()


def test_only_the_header_holds_a_legend() -> None:
    """A code defined far into the speech is no legend (the late filter read the whole text before, the speaker
    labels the first 4,000 characters, the person kinds the first 600: now all read the header, :data:`HEAD`)."""
    speech = "I: Iyo.\n" * (HEAD // 8 + 1)
    late = speech + "PW = pewawancara\nPW: Baa?"
    assert read_legend(late).entries == ()
    assert not _seen_by_all(late, "PW")
    early = "I: Iyo.\n" * 100 + "PW = pewawancara\nPW: Baa?"  # past 600 characters, inside the header
    assert len(early.split("PW =")[0]) > 600 and _seen_by_all(early, "PW")


def test_a_legend_in_capitals_is_read_by_every_reader() -> None:
    """The person kinds read a role only in lower case after its first letter ("PEWAWANCARA" was no role), the
    speaker labels in any case: a legend typed in capitals lost the person it names (the one moved detection of
    the golden digest, an upper-cased open document)."""
    text = "CATATAN LAPANGAN. T = PEWAWANCARA (WULAN SEKARSARI), J = NARASUMBER.\nT: BAA?\nJ: BAIAK."
    legend = read_legend(text)
    assert legend.codes == {"T", "J"} and [text[s:e] for s, e in legend.names] == ["WULAN SEKARSARI"]
    assert _seen_by_all(text, "T")
    assert any(d.text == "WULAN SEKARSARI" and d.type == "PERSON" for d in person_kinds(text, []))
