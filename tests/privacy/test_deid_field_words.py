"""The project's own words in its fields are not proposed as identifiers at 0.5 or more (trial13 #8): a code name
``math_identity`` or a set ``teachers`` is the researcher's vocabulary, a lower-case word of a file name is a word
before it is a name, and a string the transcripts rejected is not proposed in a code name; a name a list knows, a
name in a memo, an informant's name in a file name, a place in a case attribute and a phone in a memo still are
(#11). All transcripts and fields invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import makna
from makna.errors import PrivacyError
from makna.privacy.field_words import Decisions, is_word, weigh
from makna.privacy.fields import field_spec
from makna.privacy.project import add_detection, decide, decide_all, pending_but_confirmed, review_entries, scan
from makna.privacy.project_apply import apply
from makna.privacy.types import Detection

PASS = "field words passphrase"

EN = """Q: How is your son getting on at school?
A: He is doing well in Math. His teachers say so, and the teachers at the club agree.
A: I'm Grace Okafor, I ride for a delivery app in Leeds. We talk to the teachers on Teams.
"""
ID = """P: Anaknya bagaimana di sekolah?
I: Dia kesulitan di Matematika. Kata guru di sana, guru les bisa bantu.
I: Nama saya Siti Rahma, saya tinggal di Payakumbuh. Suami saya Rudi Hartono, guru honorer.
"""


def _det(text: str, kind: str = "LOCATION", confidence: float = 0.94) -> Detection:
    return Detection(0, len(text), kind, confidence, "propagate.label", text)


@pytest.mark.parametrize(
    ("field", "text", "word"),
    [
        ("codes.name", "math", True),  # the codebook's own term, whatever a transcript said of "Math"
        ("codes.name", "silicon valley", True),
        ("sets.name", "teachers", True),  # an English plural of a listed word
        ("codes.name", "matematika", True),
        ("codes.keywords", "guru", True),
        ("codes.name", "Math", False),  # written as a name is written: left to the vocabulary guess filter
        ("codes.name", "rudi", False),  # a first name a list knows (also an Indonesian word): still a name
        ("codes.name", "grace", False),
        ("codes.name", "payakumbuh", False),  # no ordinary word
        ("sources.name", "padang", False),  # a listed place, also an ordinary word ("field")
        ("sources.name", "teams", True),  # no transcript said it is a name
        ("cases.name", "teachers", False),  # not the researcher's vocabulary nor a file name
        ("memos.text", "teachers", False),  # prose: only the transcripts' decisions count there
    ],
)
def test_a_word_of_the_project_by_field_and_shape(field: str, text: str, word: bool) -> None:
    assert is_word(field_spec(field), _det(text), Decisions()) is word


def test_the_transcripts_decisions_count() -> None:
    rejected = Decisions()
    rejected.accepted["teachers"] += 1
    rejected.rejected["teachers"] += 2
    found = Decisions(found={"teams": 0.95})
    # rejected more often than accepted: a word in any field, in any case
    assert is_word(field_spec("memos.text"), _det("teachers", "ORG"), rejected)
    assert is_word(field_spec("cases.name"), _det("Teachers", "ORG"), rejected)
    # found at 0.9 or more in a transcript: a file name's word is the transcripts' name, a code name's is not
    assert not is_word(field_spec("sources.name"), _det("teams"), found)
    assert is_word(field_spec("codes.name"), _det("teams"), found)
    # only names, places and firms
    phone = Detection(0, 14, "PHONE", 0.97, "phone.pattern", "0812-7733-2190")
    assert not is_word(field_spec("codes.name"), phone, rejected)
    kept = weigh(field_spec("codes.name"), [_det("math"), _det("rudi")], Decisions())
    assert [(d.text, d.confidence, d.detector) for d in kept] == [
        ("math", 0.3, "propagate.label+field.word"),
        ("rudi", 0.94, "propagate.label"),
    ]


def _build(tmp_path: Path, language: str) -> makna.Project:
    project = makna.create_project(str(tmp_path / f"{language}.makna"), "Studi", coder="tester")
    makna.import_text(project, "t.txt", EN if language == "en" else ID, language=language)
    return project


def _high(project: makna.Project) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for e in review_entries(project):
        if e.field != "sources.text" and e.confidence >= 0.5 and e.status != "rejected":
            out.setdefault((e.field, e.source), set()).add(e.text)
    return out


def _covers(found: set[str], *wanted: str) -> bool:
    """Every word of each of ``wanted`` is in one of ``found``."""
    return all(any(w in f.split() for f in found) for want in wanted for w in want.split())


def _mark(project: makna.Project, text: str, word: str, kind: str) -> None:
    """The researcher accepts ``word`` at its first occurrence and rejects it at every other one."""
    starts = [m.start() for m in re.finditer(rf"\b{word}\b", text)]
    for n, start in enumerate(starts):
        entry = add_detection(project, "t.txt", start, start + len(word), kind)
        if n:
            decide(project, [entry.id], "rejected")


def test_english_codebook_words_are_not_proposed_and_names_still_are(tmp_path: Path) -> None:
    with _build(tmp_path, "en") as project:
        for key, name in [
            ("a", "math_identity"),
            ("b", "math"),
            ("c", "teachers"),
            ("d", "learning_from_teachers"),
            ("e", "story_grace"),
        ]:
            makna.add_code(project, key, name)
        makna.create_set(project, "teachers", "codes", [])
        makna.import_text(project, "rider-02-teams.vtt", "Q: Thanks.\nA: Bye.\n", language="en")
        makna.import_text(project, "interview-okafor-03.txt", "Q: Hello.\nA: Hi.\n", language="en")
        makna.define_attribute(project, "home", "text")
        makna.add_case(project, "Rider 7", values={"home": "Leeds"})
        makna.add_memo(project, "project", None, "Called Grace Okafor back on 07700 900123.", title="calls")
        scan(project)
        decide_all(project, "accepted", sources=["t.txt"], min_confidence=0.5)
        decide_all(project, "rejected", sources=["t.txt"])
        _mark(project, EN, "teachers", "ORG")  # accepted once (a bulk accept), rejected elsewhere
        scan(project)
        high = _high(project)
        assert not {k: v for k, v in high.items() if k[0] in {"codes.name", "sets.name"} and k[1] != "code e"}, high
        assert "teams" not in high.get(("sources.name", "source rider-02-teams.vtt"), set())
        assert high[("codes.name", "code e")] == {"grace"}
        assert high[("sources.name", "source interview-okafor-03.txt")] == {"okafor"}
        assert high[("case_values.value", "value Rider 7/home")] == {"Leeds"}
        memo = high[("memos.text", "memo calls")]
        assert _covers(memo, "Grace Okafor", "07700 900123"), memo


def test_indonesian_codebook_words_are_not_proposed_and_names_still_are(tmp_path: Path) -> None:
    with _build(tmp_path, "id") as project:
        for key, name in [("a", "matematika"), ("b", "nilai_matematika"), ("c", "guru"), ("d", "cerita_rudi")]:
            makna.add_code(project, key, name)
        makna.import_text(project, "wawancara_Siti_Rahma.docx", "P: Makasih.\nI: Sama-sama.\n", language="id")
        makna.import_text(project, "fgd_guru_sd.docx", "P: Halo.\nI: Halo juga.\n", language="id")
        makna.define_attribute(project, "asal", "text")
        makna.add_case(project, "Informan 3", values={"asal": "Payakumbuh"})
        makna.add_memo(project, "project", None, "Pak Rudi minta diulang, nomornya 0812-7733-2190.", title="catatan")
        scan(project)
        decide_all(project, "accepted", sources=["t.txt"], min_confidence=0.5)
        decide_all(project, "rejected", sources=["t.txt"])
        _mark(project, ID, "guru", "ORG")
        scan(project)
        high = _high(project)
        assert not {k: v for k, v in high.items() if k[0] == "codes.name" and k[1] != "code d"}, high
        assert ("sources.name", "source fgd_guru_sd.docx") not in high
        assert high[("codes.name", "code d")] == {"rudi"}
        assert high[("sources.name", "source wawancara_Siti_Rahma.docx")] == {"Siti Rahma"}
        assert high[("case_values.value", "value Informan 3/asal")] == {"Payakumbuh"}
        memo = high[("memos.text", "memo catatan")]
        assert _covers(memo, "Rudi", "0812-7733-2190"), memo


def test_a_word_accepted_once_in_a_transcript_does_not_stop_the_apply_in_code_names(tmp_path: Path) -> None:
    # QualCoder's demo in trial13: "teachers" taken by a bulk accept in one transcript came back pending in six code
    # names and the apply stopped on them
    with _build(tmp_path, "en") as project:
        for key, name in [("a", "teachers"), ("b", "cs_teachers"), ("c", "listening_to_teachers")]:
            makna.add_code(project, key, name)
        scan(project)
        decide_all(project, "rejected")
        start = EN.index("teachers")
        add_detection(project, "t.txt", start, start + len("teachers"), "ORG")
        with pytest.raises(PrivacyError, match="unreviewed") as stop:  # its other occurrences in the transcript
            apply(project, tmp_path / "k.key", PASS)
        assert "codes.name" not in str(stop.value)
        decide_all(project, "rejected")  # "reject all" leaves what is found again of an accepted word (trial16) ...
        again = pending_but_confirmed(project)
        assert again and {e.text for e in again} == {"teachers"}
        decide(project, [e.id for e in again], "rejected")  # ... for its ids to reject
        apply(project, tmp_path / "k.key", PASS)
        assert sorted(c.name for c in makna.list_codes(project)) == ["cs_teachers", "listening_to_teachers", "teachers"]


def test_a_guess_made_of_the_codebooks_words_is_vocabulary_in_any_field() -> None:
    codebook = Decisions(codebook={"ditipu", "pengalaman", "komunikasi", "kasus", "pak", "rudi"})
    exclusion, name = field_spec("codes.exclusion"), field_spec("codes.name")
    assert is_word(exclusion, _det("Ditipu", "PERSON", 0.69), codebook)
    assert is_word(field_spec("memos.text"), _det("Pengalaman", "PERSON", 0.79), codebook)
    assert not is_word(exclusion, _det("Pengalaman", "PERSON", 0.85), codebook)  # cued or listed: kept
    assert not is_word(exclusion, _det("Rudi", "PERSON", 0.7), codebook)  # "Kasus Pak Rudi": a listed name
    assert not is_word(exclusion, _det("Dijebak", "PERSON", 0.69), Decisions())  # not a code's word
    # a guess the label finder carried into a code name from another field
    assert is_word(name, _det("Dijebak", "PERSON", 0.69), Decisions())


@pytest.mark.parametrize(
    ("language", "codes", "exclusion", "words"),
    [
        ("id", ["Ditipu", "Dijebak", "Pengalaman komunikasi"], "Tidak termasuk: Ditipu dan Dijebak.", {"Dijebak"}),
        ("en", ["Trust issues", "Scammed", "Cheated"], "Not here: Scammed, Cheated.", {"Cheated"}),
    ],
)
def test_code_names_named_in_another_codes_exclusion_are_not_proposed(
    tmp_path: Path, language: str, codes: list[str], exclusion: str, words: set[str]
) -> None:
    # the demo: an exclusion naming other codes gave capitalised guesses, which the label finder carried into
    # eleven code names at 0.64-0.79
    with _build(tmp_path, language) as project:
        for n, name in enumerate(codes):
            makna.add_code(project, f"c{n}", name)
        makna.add_code(project, "other", "Other", exclusion=exclusion)
        scan(project)
        scan(project)
        high = _high(project)
        assert not {k: v for k, v in high.items() if k[0].startswith("codes.")}, high
        shown = {e.text for e in review_entries(project) if e.field.startswith("codes.")}
        assert shown & words, shown  # kept for the full review, below 0.5


def test_a_family_name_stays_a_name_outside_the_vocabulary() -> None:
    """A family name that is also a word (Bell, Baker, Fisher) is a person's outside the researcher's vocabulary: a
    memo's "Mrs Bell" or a file's "baker" is not hidden below 0.5 because transcripts rejected "the bell" (review25)."""
    rejected = Decisions()
    rejected.rejected["bell"] += 2
    assert not is_word(field_spec("memos.text"), _det("Bell", "PERSON"), rejected)
    assert not is_word(field_spec("cases.name"), _det("Bell", "PERSON"), rejected)
    assert not is_word(field_spec("sources.name"), _det("baker", "PERSON"), Decisions())
    assert not is_word(field_spec("sources.original_name"), _det("fisher", "PERSON"), Decisions())
    # the codebook's own terms stay words
    assert is_word(field_spec("codes.name"), _det("baker", "PERSON"), Decisions())
    assert is_word(field_spec("sets.name"), _det("bell", "PERSON"), rejected)
