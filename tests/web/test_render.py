"""Rows and leaves: every leaf holds exactly text[data-s : data-s + its length], escaped."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.model import Turn
from makna.text import detect_turns
from makna.views import SegmentView
from makna.web.render import Row, json_script, render_rows, rows_of

LEAF = re.compile(r'<span data-s="(\d+)"(?: class="([^"]*)")?>(.*?)</span>', re.S)
ALPHABET = st.sampled_from(list("ab cé\n\n:<>&\"'") + ["😀", "👍🏽", "I: ", "P: ", "ngobrol ", "\u2028"])


def _turns(text: str) -> list[Turn]:
    return [Turn("s", i, t.speaker, t.start, t.end) for i, t in enumerate(detect_turns(text), start=1)]


def _segments(text: str, spans: list[tuple[int, int, int]]) -> list[SegmentView]:
    out = []
    for n, (a, b, k) in enumerate(spans):
        a, b = sorted((a % (len(text) + 1), b % (len(text) + 1)))
        if a < b:
            out.append(SegmentView(f"g{n}", a, b, f"c{k}", f"k{k}", f"<b>{k}</b>", "#112233", "x", ""))
    return sorted(out, key=lambda s: (s.start, -s.end))


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, min_size=1, max_size=40).map("".join),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400), st.integers(0, 3)), max_size=8))
def test_leaves_hold_exactly_their_text(text: str, spans: list[tuple[int, int, int]]) -> None:
    rows = rows_of(text, _turns(text))
    segs = _segments(text, spans)
    out = str(render_rows(text, rows, [segs], {f"c{k}": k for k in range(4)}))
    assert "<b>" not in out
    covered: set[int] = set()
    for m in LEAF.finditer(out):
        start, body = int(m.group(1)), html.unescape(m.group(3))
        assert text[start : start + len(body)] == body
        classes = (m.group(2) or "").split()
        inside = [s for s in segs if s.start <= start < s.end]
        assert ("hl" in classes) == bool(inside)
        covered.update(range(start, start + len(body)))
    for r in rows:  # every row's text is rendered
        assert set(range(r.start, r.end)) <= covered
    for i, ch in enumerate(text):  # whatever is not rendered is blank space between blocks
        assert i in covered or ch.isspace()


ENTITY = re.compile(r"&(?:amp|lt|gt|#39|#34);")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_text_round_trips_through_the_escape(text: str) -> None:
    """Whatever a transcript holds, its leaves carry it escaped: no raw ``<``, ``>`` or quote, every
    ``&`` starts an entity, and unescaping gives the text back exactly."""
    out = str(render_rows(text, [Row(0, len(text))], [[]], {}))
    bodies = [m.group(3) for m in LEAF.finditer(out)]
    assert "".join(html.unescape(b) for b in bodies) == text
    for body in bodies:
        assert not set(body) & set("<>\"'")
        assert ENTITY.sub("", body).count("&") == 0


def test_two_columns_and_speaker_labels() -> None:
    text = "Judul\n\nI: halo 😀 dunia\nP: ya"
    rows = rows_of(text, _turns(text))
    assert [(r.number, r.speaker) for r in rows] == [(None, ""), (1, "I"), (2, "P")]
    seg = SegmentView("g", text.index("dunia"), text.index("dunia") + 5, "c0", "k", "K", "#000000", "a", "")
    out = str(render_rows(text, rows, [[seg], []], {"c0": 0}, column_names=["a", "b"]))
    assert out.count('data-coder="a"') == 3 and out.count('data-coder="b"') == 3
    assert '<span data-s="7" class="spk">I:</span>' in out
    assert out.count('class="hl k0"') == 1
    # the margins are empty: the page's stripes.js draws the stripes when a row comes on screen
    assert out.count('<div class="bars" aria-hidden="true"></div>') == 6 and "<i " not in out


def test_json_script_cannot_close_the_script_element() -> None:
    out = str(json_script({"x": "</script><script>alert(1)</script>", "y": "&amp;\u2028"}))
    assert "<" not in out and ">" not in out and "&" not in out
    import json

    assert json.loads(out) == {"x": "</script><script>alert(1)</script>", "y": "&amp;\u2028"}


def test_a_stamp_on_its_own_line_belongs_to_the_label_below() -> None:
    text = "Judul\n\n[00:01:12]\nI: halo\n[00:01:20]\nP: ya"
    rows = rows_of(text, _turns(text))
    assert [(r.number, r.speaker) for r in rows] == [(None, ""), (1, "I"), (2, "P")]
    first = rows[1]
    assert first.label_end is not None and text[first.start : first.label_end] == "[00:01:12]\nI:"
