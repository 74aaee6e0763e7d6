"""Distinct code colours (#13): a perceptual palette for any number of codes, children as shades of
their parent, never a colour the user set."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

import makna
from makna.palette import colour_distance, next_colour, oklab


def test_forty_codes_get_forty_distinct_colours() -> None:
    taken: list[str] = []
    for _ in range(40):
        taken.append(next_colour(taken))
    assert len(set(taken)) == 40
    assert min(colour_distance(a, b) for a, b in itertools.combinations(taken, 2)) > 0.05


@given(st.lists(st.from_regex(r"#[0-9A-F]{6}", fullmatch=True), max_size=30))
@settings(max_examples=40, deadline=None)
def test_a_colour_the_user_set_is_never_given_again(user: list[str]) -> None:
    assert next_colour(user) not in {c.upper() for c in user}
    assert next_colour([c.lower() for c in user]) not in {c.upper() for c in user}


def test_a_child_is_a_shade_of_its_parent() -> None:
    parent = "#E15759"
    child = next_colour([parent, "#4E79A7"], parent=parent)
    assert child != parent
    _, a1, b1 = oklab(parent)
    _, a2, b2 = oklab(child)
    import math

    hue = abs(math.degrees(math.atan2(b1, a1) - math.atan2(b2, a2))) % 360
    assert min(hue, 360 - hue) <= 30


def test_add_code_and_codebook_import_use_the_palette(project: makna.Project) -> None:
    makna.add_code(project, "a", "A", color="#4E79A7")
    for n in range(25):
        makna.add_code(project, f"c{n}", f"C {n}")
    makna.add_code(project, "c0.x", "X")
    codes = {c.key: c.color for c in makna.list_codes(project)}
    assert len(set(codes.values())) == len(codes)  # the 22nd code no longer gets the 1st code's colour
    assert codes["c0.x"] != codes["c0"]
    doc = makna.load_codebook("format: makna-codebook/1\ncodes:\n" + "".join(f"  - key: k{n}\n" for n in range(30)))
    colours = [c.color for c in doc.codes]
    assert len(set(colours)) == 30
