"""Coding operations and the offsets invariant."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import makna
from makna.errors import (
    DuplicateCodingError,
    InputError,
    NotFoundError,
    OffsetError,
    PermissionDeniedError,
    UnknownCodeError,
)

TEXT = (
    "Wawancara fiktif.\n\n"
    "P: Kenapa pakai MiChat?\n"
    "I: Soalnya gratis. Nggak bayar apa-apa 😀. Terus gampang dapat pelanggan.\n"
    "P: Pernah ada masalah?\n"
    "I: Pernah. Dia bilang mau transfer, ternyata bohong. Aku ditipu!\n"
)


@pytest.fixture
def coded(project: makna.Project) -> makna.Project:
    makna.import_text(project, "a.txt", TEXT)
    for key in ("free", "fraud", "any"):
        makna.add_code(project, key)
    return project


def _texts(project: makna.Project, **kw: object) -> list[str]:
    return [s.text for s in makna.retrieve(project, **kw)]  # type: ignore[arg-type]


def test_code_span_and_turn(coded: makna.Project) -> None:
    start = TEXT.index("gratis")
    seg = makna.code_span(coded, "a.txt", start, start + 6, "free", memo="key phrase")
    assert seg.memo == "key phrase" and seg.end - seg.start == 6
    makna.code_turn(coded, "a.txt", 4, "fraud")
    assert _texts(coded, code="fraud") == ["I: Pernah. Dia bilang mau transfer, ternyata bohong. Aku ditipu!"]
    got = makna.retrieve(coded, code="free")[0]
    assert (got.text, got.turn, got.speaker, got.coder) == ("gratis", 2, "I", "tester")


def test_duplicate_and_bad_offsets_change_nothing(coded: makna.Project) -> None:
    makna.code_span(coded, "a.txt", 0, 5, "any")
    n = len(makna.events(coded, limit=1000))
    with pytest.raises(DuplicateCodingError, match="duplicates"):
        makna.code_span(coded, "a.txt", 0, 5, "any")
    for a, b in ((-1, 3), (5, 5), (6, 2), (0, len(TEXT) + 1)):
        with pytest.raises(OffsetError, match="outside source 'a.txt'"):
            makna.code_span(coded, "a.txt", a, b, "any")
    with pytest.raises(UnknownCodeError, match="nope"):
        makna.code_span(coded, "a.txt", 0, 5, "nope")
    with pytest.raises(NotFoundError, match="no turn 9"):
        makna.code_turn(coded, "a.txt", 9, "any")
    assert len(makna.events(coded, limit=1000)) == n
    assert len(makna.retrieve(coded)) == 1


def test_other_coder_may_code_same_span(coded: makna.Project) -> None:
    makna.code_span(coded, "a.txt", 0, 5, "any")
    makna.code_span(coded, "a.txt", 0, 5, "any", coder="budi")
    assert sorted(s.coder for s in makna.retrieve(coded)) == ["budi", "tester"]
    assert len(makna.retrieve(coded, coder="budi")) == 1


def test_code_many_is_atomic(coded: makna.Project) -> None:
    specs = [makna.SegmentSpec("a.txt", 0, 3, "any"), makna.SegmentSpec("a.txt", 0, 999, "any")]
    with pytest.raises(OffsetError):
        makna.code_many(coded, specs)
    assert makna.retrieve(coded) == []
    with pytest.raises(DuplicateCodingError, match="twice in the input"):
        makna.code_many(coded, [specs[0], specs[0]])
    result = makna.code_many(coded, [specs[0], specs[0]], on_duplicate="skip")
    assert (result.created, result.skipped_duplicates) == (1, 1)


def test_autocode_speaker(coded: makna.Project) -> None:
    result = makna.autocode_speaker(coded, "i", "any")
    assert result.created == 2
    assert makna.autocode_speaker(coded, "I", "any").skipped_duplicates == 2
    with pytest.raises(NotFoundError, match="speaker"):
        makna.autocode_speaker(coded, "Z", "any")


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("match", ["ditipu"]),
        ("sentence", ["Aku ditipu!"]),
        ("turn", ["I: Pernah. Dia bilang mau transfer, ternyata bohong. Aku ditipu!"]),
    ],
)
def test_autocode_phrase_scopes(coded: makna.Project, scope: str, expected: list[str]) -> None:
    makna.autocode_pattern(coded, "DITIPU", "fraud", scope=scope)  # type: ignore[arg-type]
    assert _texts(coded, code="fraud") == expected


def test_autocode_regex_and_merge(coded: makna.Project) -> None:
    result = makna.autocode_pattern(coded, r"bohong|ditipu", "fraud", regex=True, scope="turn")
    assert result.created == 1  # both matches fall in one turn: merged
    assert makna.autocode_pattern(coded, r"gratis", "free", regex=True).created == 1
    with pytest.raises(InputError, match="invalid regular expression"):
        makna.autocode_pattern(coded, "(", "free", regex=True)
    with pytest.raises(InputError, match="whole words|empty"):
        makna.autocode_pattern(coded, "  ", "free")


def test_phrase_matches_whole_words_only(coded: makna.Project) -> None:
    assert makna.autocode_pattern(coded, "pakai", "any").created == 1
    assert makna.autocode_pattern(coded, "paka", "any").created == 0


def test_uncode(coded: makna.Project) -> None:
    seg = makna.code_span(coded, "a.txt", 0, 5, "any")
    makna.code_span(coded, "a.txt", 0, 5, "free")
    makna.uncode(coded, seg.id)
    with pytest.raises(NotFoundError):
        makna.uncode(coded, seg.id)
    assert makna.uncode_span(coded, "a.txt", 0, 5) == 1
    with pytest.raises(NotFoundError, match="no coding"):
        makna.uncode_span(coded, "a.txt", 0, 5)


def test_only_its_own_coder_changes_a_coding(coded: makna.Project) -> None:
    """Another coder's coding cannot be removed or have its memo replaced; it stays as it was."""
    theirs = makna.code_span(coded, "a.txt", 0, 5, "any", coder="budi", memo="budi's memo")
    mine = makna.code_span(coded, "a.txt", 0, 5, "free")  # by the session's coder, 'tester'
    with pytest.raises(PermissionDeniedError, match="coded by 'budi': only that coder may change or remove it"):
        makna.uncode(coded, theirs.id)
    with pytest.raises(PermissionDeniedError, match="budi"):
        makna.set_segment_memo(coded, theirs.id, "overwritten")
    assert makna.get_segment(coded, theirs.id) == theirs
    assert makna.set_segment_memo(coded, mine.id, "mine").memo == "mine"
    makna.uncode(coded, mine.id)
    with makna.open_project(coded.location, coder="budi") as budi:
        assert makna.set_segment_memo(budi, theirs.id, "edited").memo == "edited"
        makna.uncode(budi, theirs.id)
    assert makna.retrieve(coded) == []
    refused = [e for e in makna.events(coded) if e.action in ("uncode", "segment.memo") and e.actor == "tester"]
    assert len(refused) == 2  # the two own changes; the refused ones left nothing


def test_removing_others_codings_of_a_span_is_explicit(coded: makna.Project) -> None:
    makna.code_span(coded, "a.txt", 0, 5, "any", coder="budi")
    makna.code_span(coded, "a.txt", 6, 9, "any")
    with pytest.raises(NotFoundError, match="no coding"):
        makna.uncode_span(coded, "a.txt", 0, 5)  # none of the session coder's own there
    assert makna.uncode_span(coded, "a.txt", 0, 5, all_coders=True) == 1


def test_segment_memo(coded: makna.Project) -> None:
    seg = makna.code_span(coded, "a.txt", 0, 5, "any")
    assert makna.set_segment_memo(coded, seg.id, "catatan").memo == "catatan"
    with pytest.raises(NotFoundError):
        makna.set_segment_memo(coded, "missing", "x")


# ------------------------------------------------------------------- the offsets invariant
pieces = st.sampled_from(["a", "B", " ", "é", "e\u0301", "😀", "👩‍👩‍👧", "\r\n", "\n", "שלום", "مرحبا", ".", "P: ", "I: ",
                          "ditipu", "\u200f", "ꦲ", "\t"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_segments_slice_back_to_stored_text(project: makna.Project, data: st.DataObject) -> None:
    """After any sequence of operations, every segment's offsets slice its text out of the source."""
    n = len(makna.list_sources(project))
    raw = "".join(data.draw(st.lists(pieces, min_size=1, max_size=60)))
    if not raw.strip():
        raw += "x"
    src = makna.import_text(project, f"s{n}", raw, allow_duplicate=True)
    if not makna.list_codes(project):
        makna.add_code(project, "k")
        makna.add_code(project, "j")
    length = len(src.text)
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["span", "turn", "pattern", "uncode"]))
        code = data.draw(st.sampled_from(["k", "j"]))
        try:
            if op == "span":
                a = data.draw(st.integers(0, length - 1))
                b = data.draw(st.integers(a + 1, length))
                makna.code_span(project, src.id, a, b, code)
            elif op == "turn":
                turns = makna.get_turns(project, src.id)
                if turns:
                    makna.code_turn(project, src.id, data.draw(st.sampled_from(turns)).number, code)
            elif op == "pattern":
                makna.autocode_pattern(project, data.draw(st.sampled_from(["ditipu", "a", "😀"])), code,
                                       scope=data.draw(st.sampled_from(["match", "sentence", "turn"])),
                                       sources=[src.id])
            else:
                segs = makna.retrieve(project, sources=[src.id])
                if segs:
                    makna.uncode(project, data.draw(st.sampled_from(segs)).id)
        except DuplicateCodingError:
            pass
    stored = makna.get_source(project, src.id).text
    assert stored == src.text
    for seg in makna.retrieve(project, sources=[src.id], context=3):
        assert 0 <= seg.start < seg.end <= len(stored)
        assert seg.text == stored[seg.start : seg.end]
        assert seg.before == stored[max(0, seg.start - 3) : seg.start]
        assert seg.after == stored[seg.end : seg.end + 3]


def test_a_pattern_autocode_starts_past_the_label_and_skips_what_the_coder_coded(coded: makna.Project) -> None:
    makna.autocode_pattern(coded, "pernah", "fraud", scope="sentence")
    assert sorted(_texts(coded, code="fraud")) == ["Pernah ada masalah?", "Pernah."]  # not "P: Pernah ada..."
    result = makna.autocode_pattern(coded, "pernah", "fraud", scope="match")  # inside the sentences coded already
    assert (result.created, result.skipped_duplicates) == (0, 2)


def test_the_overlap_check_is_exact_on_many_spans() -> None:
    import random

    from makna.coding import _Reach

    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 300) for _ in range(rng.randint(0, 12)))]
        reach = _Reach(spans)
        for _ in range(20):
            s = rng.randint(0, 330)
            e = s + rng.randint(1, 20)
            assert reach.overlaps(s, e) == any(a < e and s < b for a, b in spans)
