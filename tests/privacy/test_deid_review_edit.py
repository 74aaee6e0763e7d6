"""Correcting the review (#11, review): a detection's span widened or narrowed (by offsets, by its text,
by whole words) or its type changed, as one logged, undoable transaction that keeps every offset valid;
a missed identifier added with its other occurrences in the same source or in every source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import makna
from makna.errors import InputError, OffsetError
from makna.memos import events
from makna.privacy import Detection
from makna.privacy.project import review_entries, scan
from makna.privacy.project_review import add_identifier, revise_detection
from makna.privacy.review import Review, nudge_span, span_for_text

TEXT_A = ("P: Siapa namamu?\n"
          "I: Nama saya Rina Kartika, dari Padang. Kawan saya Rina juga.\n"
          "P: Rina yang mana?\n")
TEXT_B = "I: Kemarin Rina datang ke kos. Rinai hujan turun.\n"


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    makna.import_text(project, "a.txt", TEXT_A, language="id")
    makna.import_text(project, "b.txt", TEXT_B, language="id")
    return project


def _entry(project: makna.Project, text: str) -> makna.privacy.project.ReviewEntry:
    return next(e for e in review_entries(project) if e.text == text)


# ----------------------------------------------------------------------------------- pure functions
def test_nudge_moves_by_whole_words_and_leaves_punctuation_out() -> None:
    text = "kata Bu Rina Kartika, di Padang."
    a = text.index("Rina")
    b = a + len("Rina")
    assert text[slice(*nudge_span(text, a, b, end_by=1))] == "Rina Kartika"
    assert text[slice(*nudge_span(text, a, b, start_by=-1))] == "Bu Rina"
    assert text[slice(*nudge_span(text, a, b, start_by=-1, end_by=2))] == "Bu Rina Kartika, di"
    wide = (text.index("Bu"), text.index(",") )
    assert text[slice(*nudge_span(text, *wide, start_by=1))] == "Rina Kartika"
    assert text[slice(*nudge_span(text, *wide, end_by=-1))] == "Bu Rina"
    with pytest.raises(OffsetError, match="empty"):
        nudge_span(text, a, b, end_by=-1)
    with pytest.raises(OffsetError, match="outside"):
        nudge_span(text, 5, 999)


def test_span_for_text_takes_the_occurrence_nearest_the_detection() -> None:
    text = "Rina. Lalu Rina Kartika datang; Rina Kartika lagi."
    second = text.index("Rina", 3)
    assert span_for_text(text, second, second + 4, "Rina Kartika") == (second, second + 12)
    last = text.rindex("Rina")
    assert span_for_text(text, last + 5, last + 12, "Rina Kartika") == (last, last + 12)
    with pytest.raises(InputError, match="does not occur"):
        span_for_text(text, 0, 4, "Siti")
    with pytest.raises(InputError, match="blank"):
        span_for_text(text, 0, 4, "  ")


def test_an_edit_absorbs_pending_detections_inside_it_and_refuses_other_overlaps() -> None:
    text = "Bu Rina Kartika dan Siti"
    r = Review(text, [Detection(3, 7, "PERSON", 0.8, "x", "Rina"), Detection(8, 15, "PERSON", 0.6, "x", "Kartika"),
                      Detection(20, 24, "PERSON", 0.9, "x", "Siti")])
    assert r.edit(0, 3, 15) == [1]
    assert [i.status for i in r.items] == ["edited", "rejected", "pending"]
    r.accept(2)
    with pytest.raises(OffsetError, match="overlap detection number 3"):
        r.edit(0, 3, 22)
    assert r.items[0].detection.end == 15  # unchanged


@st.composite
def _reviews(draw: st.DrawFn) -> tuple[Review, int, int, int, int, int]:
    words = draw(st.lists(st.sampled_from(["Rina", "Kartika", "di", "Padang", ",", ".", "0812", "\n"]),
                          min_size=2, max_size=14))
    text = " ".join(words)
    spans: list[Detection] = []
    pos = 0
    for w in words:
        at = text.index(w, pos)
        pos = at + len(w)
        if w.strip() and draw(st.booleans()):
            spans.append(Detection(at, at + len(w), "PERSON", 0.5, "x", w))
    if not spans:
        spans.append(Detection(0, len(words[0]), "PERSON", 0.5, "x", words[0]))
    review = Review(text, spans)
    for n in range(len(review.items)):
        if draw(st.booleans()):
            review.accept(n)
    index = draw(st.integers(0, len(review.items) - 1))
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(0, len(text)))
    return review, index, a, b, draw(st.integers(-2, 2)), draw(st.integers(-2, 2))


@settings(max_examples=150, deadline=None)
@given(_reviews())
def test_edits_keep_every_offset_valid(case: tuple[Review, int, int, int, int, int]) -> None:
    """Whatever span an edit is asked for (and however it is nudged), the review either refuses it and stays
    as it was, or holds an edited item whose text is its span's, and no two live items overlap."""
    review, index, a, b, by_start, by_end = case
    before = review.to_dict()
    try:
        if a < b:
            a, b = nudge_span(review.text, a, b, start_by=by_start, end_by=by_end)
        review.edit(index, a, b)
    except InputError:
        assert review.to_dict() == before
        return
    item = review.items[index]
    assert item.status == "edited" and (item.detection.start, item.detection.end) == (a, b)
    assert item.detection.text == review.text[a:b] and review.text[a:b].strip()
    live = sorted((i.detection for i in review.items if i.status != "rejected"), key=lambda d: d.start)
    assert all(x.end <= y.start for x, y in zip(live, live[1:], strict=False))
    assert Review.from_dict(review.text, review.to_dict()).to_dict() == review.to_dict()


# ------------------------------------------------------------------------------------------ project
def test_revise_by_text_words_and_type_is_one_logged_undoable_step(study: makna.Project) -> None:
    scan(study)
    target = next(e for e in review_entries(study, sources=["a.txt"]) if e.text.startswith("Rina"))
    before = review_entries(study)
    edited = revise_detection(study, target.id, text="Rina Kartika")
    assert edited.entry.text == "Rina Kartika" and edited.entry.status == "edited"
    assert edited.before == (target.start, target.end, target.type)
    [event] = events(study, limit=1)
    assert event.action == "deid.edit" and event.actor == "tester"
    assert event.payload["start"] == edited.entry.start and "Rina" not in str(event.payload)
    narrowed = revise_detection(study, target.id, end_by=-1, kind="location")
    assert narrowed.entry.text == "Rina" and narrowed.entry.type == "LOCATION"
    widened = revise_detection(study, target.id, end_by=1, start_by=-1)
    assert widened.entry.text == "saya Rina Kartika"
    makna.undo(study)
    makna.undo(study)
    makna.undo(study)
    assert review_entries(study) == before


def test_a_refused_edit_changes_nothing(study: makna.Project) -> None:
    scan(study)
    entries = review_entries(study, sources=["a.txt"])
    first = entries[0]
    n_events = len(events(study, limit=500))
    other = next(e for e in entries if e.start > first.end)
    revise_detection(study, other.id, other.start, other.end)  # now confirmed
    n_events += 1
    for bad in ({"start": first.start, "end": other.end}, {"start": 5, "end": 5}, {"start": 0, "end": 10_000},
                {"text": "tidak ada di teks"}, {"kind": "FRUIT"}):
        with pytest.raises(InputError):
            revise_detection(study, first.id, **bad)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not both"):
        revise_detection(study, first.id, 0, 4, text="Rina")
    assert _entry(study, first.text).status == "pending"
    assert len(events(study, limit=500)) == n_events


def test_add_with_its_other_occurrences(study: makna.Project) -> None:
    a = TEXT_A.index("Padang")
    only = add_identifier(study, "a.txt", a, a + 6, "location")
    assert only.marked == 1 and only.entry.status == "added" and only.entry.type == "LOCATION"
    second = TEXT_A.index("Rina", TEXT_A.index("Rina") + 1)
    here = add_identifier(study, "a.txt", second, second + 4, "PERSON", also="source")
    texts = sorted((e.source, e.start) for e in (here.entry, *here.others))
    assert texts == [("a.txt", i) for i in sorted({TEXT_A.index("Rina"), second, TEXT_A.rindex("Rina")})]
    assert all(e.text == "Rina" for e in here.others)
    assert [e for e in review_entries(study, sources=["b.txt"])] == []
    [event] = events(study, limit=1)
    assert event.payload["also"] == "source" and event.payload["marked"] == 3
    makna.undo(study)
    assert {e.start for e in review_entries(study, sources=["a.txt"])} == {a}
    every = add_identifier(study, "a.txt", second, second + 4, "PERSON", also="all")
    assert every.marked == 4 and every.skipped == 0
    in_b = review_entries(study, sources=["b.txt"])
    assert [(e.text, e.status) for e in in_b] == [("Rina", "added")]  # not the "Rinai" of "Rinai hujan"


def test_add_everywhere_accepts_a_pending_detection_of_the_same_span_and_leaves_overlaps(
        study: makna.Project) -> None:
    scan(study)
    found = {(e.source, e.start, e.end): e for e in review_entries(study)}
    rinas = [e for e in found.values() if e.text == "Rina"]
    assert len(rinas) == 3 and all(e.status == "pending" for e in rinas)  # the detectors' own, as pending
    full = TEXT_A.index("Rina Kartika")
    assert found[("a.txt", full, full + 12)].status == "pending"
    rejected = next(e for e in rinas if e.source == "a.txt")
    makna.privacy.project.decide(study, [rejected.id], "rejected")
    makna.import_text(study, "c.txt", "P: Rina datang?\n", language="id")
    added = add_identifier(study, "c.txt", 3, 7, "PERSON", also="all")
    assert {e.id for e in added.others} == {e.id for e in rinas if e.id != rejected.id}
    assert all(e.status == "accepted" for e in added.others)
    assert added.skipped == 1  # the "Rina" of the pending "Rina Kartika" is left to its own review
    assert _entry(study, "Rina Kartika").status == "pending"
    statuses = {e.id: e.status for e in review_entries(study)}
    assert statuses[rejected.id] == "rejected"  # a researcher's rejection stands
