"""The speed rewrites of issue 11's eighth round give exactly what the plain code they replace gives.

Organisation head words found by one search of the text (:mod:`makna.privacy._orgheads`) against the loop over
every joined run; the name-shape and address patterns that begin with their first letters against the
look-behind-first patterns they replace; the vehicle search narrowed to the last sentence (:mod:`._narrow`)
against the whole window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import name_shapes, orgnames, plates, spans
from makna.privacy._narrow import after_last_sentence_end
from makna.privacy._orgheads import head_search
from makna.privacy._text import cap_runs, run_tokens
from makna.privacy.types import Detection

_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


def _plain_joined(text: str, runs: list[tuple[int, int, str]]) -> Iterator[list[tuple[int, int, str]]]:
    """Round seven's loop: every run's tokens, the runs after ``of`` or ``of the`` joined on."""
    i = 0
    while i < len(runs):
        toks = run_tokens(runs[i])
        while i + 1 < len(runs) and _OF.fullmatch(text, runs[i][1], runs[i + 1][0]) is not None:
            i += 1
            toks += run_tokens(runs[i])
        yield toks
        i += 1


def _plain_org_heads(text: str) -> list[Detection]:
    """Round seven's find_org_heads: the same verdict, read on every joined run."""
    runs = cap_runs(text)
    saved = orgnames._runs_joined
    orgnames._runs_joined = lambda t, r: _plain_joined(t, list(r))  # type: ignore[assignment]
    try:
        return list(orgnames.find_org_heads(text, runs))
    finally:
        orgnames._runs_joined = saved


_ORG_PIECES = st.sampled_from(
    [
        "Christ",
        "Apostolic",
        "Church",
        "Church's",
        "Church.",
        "Church,",
        "Stoke",
        "St",
        "Brigid's",
        "Primary",
        "School",
        "Unite",
        "Grampian",
        "Food",
        "Branch",
        "Co-op",
        "Co",
        "Money",
        "Transfer",
        "Street",
        "Centre",
        "Shopping",
        "Okafor",
        "Tullyhogue",
        "Society",
        "Sacred",
        "Heart",
        "Workers",
        "Domestic",
        "McChurch",
        "Churchill",
        "The",
        "Our",
        "2pm",
        "4B",
        "Ltd",
        "Kaur",
        "Bhd",
        "of",
        "the",
        "and",
        " ",
        " ",
        " of ",
        " of the ",
        "\t",
        "\n",
        ", ",
        ". ",
        "-",
        "'",
        "x",
        "é",
        "Évora",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ORG_PIECES, max_size=30).map(" ".join))
@example("Christ Apostolic Church Stoke")
@example("Redeemed Christian Church of God Gulfton")
@example("Society of the Sacred Heart of Okafor and Unite Grampian Food Branch")
@example("McChurch Okafor Hospital, Church Street")
def test_org_heads_match_the_loop_over_every_run(text: str) -> None:
    assert list(orgnames.find_org_heads(text, cap_runs(text))) == _plain_org_heads(text)


def test_head_search_refuses_a_head_word_it_cannot_find_exactly() -> None:
    assert head_search(["Church", "Co-op"]).search("a Co-op") is not None
    for bad in (["St. Mary"], ["Church Hall"], ["4H"]):
        try:
            head_search(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


_CAP = name_shapes._CAP
_OLD_SHAPES = (
    (name_shapes._INITIALS_NAME, re.compile(rf"(?<![\w.])(?P<n>(?:[A-Z]\.[ \t]?){{1,3}}(?P<last>{_CAP}))(?![\w'’])")),
    (name_shapes._INITIALS_ALONE, re.compile(r"(?<![\w.])(?P<n>[A-Z]\.[ \t][A-Z]\.(?:[ \t][A-Z]\.)?)(?=[ \t]+[a-z])")),
    (
        name_shapes._HONORIFIC_BEFORE_INITIAL,
        re.compile(r"(?<![\w'’\-])(?P<h>[A-Z][a-z]{1,6}\.?)(?=[ \t]+[A-Z]\.)"),
    ),
)
_OLD_ADDR_HEAD = re.compile(
    r"(?<![\w])(?:(?:Flat|Unit|Apt\.?|Apartment|Lot|Block|Blok|Blk\.?|Room|Suite|No\.?|Nomor|Kav\.?)"
    r"[ \t]*[0-9A-Z][\w/]*,?[ \t]+){1,3}"
    r"(?:(?:[A-Z][\w'’]*[ \t]+){0,3}[A-Z][\w'’]*,[ \t]+)?(?:(?:Road|Jalan|Jl\.?)[ \t]+No\.?[ \t]*\d+,[ \t]+)?$"
)
_SHAPE_PIECES = st.sampled_from(
    [
        "A.",
        "R.",
        "J. R.",
        "T.",
        "Pak",
        "Bu",
        "Mr",
        "Mr.",
        "Dr.",
        "Rahman",
        "Okafor",
        "Senthilkumar",
        "said",
        " ",
        "\t",
        "\n",
        ".",
        ",",
        "x",
        "5",
        "'",
        "’",
        "-",
        "Flat ",
        "Unit ",
        "Apt. ",
        "Apartment ",
        "Blk.",
        "Blok ",
        "No. ",
        "Nomor ",
        "Kav.",
        "12",
        "4B",
        "Rose ",
        "Court, ",
        "Road ",
        "Jl. ",
        "É",
        "é",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SHAPE_PIECES, max_size=24).map("".join), st.integers(0, 40), st.integers(0, 40))
@example("A. Rahman and R. Senthilkumar", 0, 0)
@example("J. R. said Pak H. left; xA. Okafor", 0, 0)
@example("Flat 9, Bramcote House, ", 0, 0)
def test_letter_led_patterns_match_the_look_behind_led_ones(text: str, cut: int, back: int) -> None:
    for new, old in _OLD_SHAPES:
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert [m.groupdict() for m in new.finditer(text)] == [m.groupdict() for m in old.finditer(text)]
    hi = max(0, len(text) - cut)
    lo = max(0, hi - back)
    new_head, old_head = spans._ADDR_HEAD.search(text, lo, hi), _OLD_ADDR_HEAD.search(text, lo, hi)
    assert (new_head and new_head.span()) == (old_head and old_head.span())


_VEHICLE_PIECES = st.sampled_from(
    ["car", "Car ", " bus", "my ", "motor", "4x4", "pick-up", ".", "?", "!", "\n", " ", "\t", "-", ",", "x", "ſ", "İ"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_VEHICLE_PIECES, max_size=16).map("".join), st.integers(0, 20), st.integers(0, 30))
@example("my car\n", 0, 10)
@example("the car. AB", 3, 12)
def test_vehicle_search_from_the_last_sentence_end_is_the_same(text: str, cut: int, back: int) -> None:
    rx = plates._VEHICLE_IN_SENTENCE
    hi = max(0, len(text) - cut)
    lo = max(0, hi - back)
    whole = rx.search(text, lo, hi)
    narrowed = rx.search(text, after_last_sentence_end(text, lo, hi), hi)
    assert (whole and whole.span()) == (narrowed and narrowed.span())
