"""Turns of a transcript whose lines start with a time stamp before the label (``[00:00:05] P: ...``): a new
user's trial imported one as a text of 0 turns, without a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from makna.exemplars import quote_text
from makna.model import Turn
from makna.text import detect_turns
from makna.web.render import rows_of

STAMPED = (
    "[00:00:05] P: Selamat sore Bang, kita mulai ya.\n"
    "[00:00:12] I: Sore. Saya ojol, narik dari pagi.\n"
    "[00:00:31] P: Abang kerja apa sekarang?\n"
    "[00:00:35] I: Ojol, Bang.\n"
)


def test_a_stamp_before_the_label_opens_the_turn_with_it() -> None:
    turns = detect_turns(STAMPED)
    assert [t.speaker for t in turns] == ["P", "I", "P", "I"]
    assert STAMPED[turns[1].start : turns[1].end] == "[00:00:12] I: Sore. Saya ojol, narik dari pagi."
    other = (
        "Judul: Ojol\nLokasi: Padang\n\n00:01:12 - Pewawancara: Halo.\n00:01:20 - Informan: Halo juga.\n"
        "00:01:31 - Pewawancara: Oke.\n(1:02) Informan: Ya.\n"
    )
    turns = detect_turns(other)
    assert [t.speaker for t in turns] == ["Pewawancara", "Informan", "Pewawancara", "Informan"]
    assert other[turns[0].start :].startswith("00:01:12 - Pewawancara:")  # the header is in no turn
    assert detect_turns("Rapat 10:30 dimulai.\nTidak ada label.\n") == []


def test_the_quote_and_the_workbench_label_leave_the_stamp_out_of_the_words() -> None:
    assert quote_text("[00:00:35] I: Ojol, Bang. Capek.") == "Ojol, Bang. Capek."
    assert quote_text("00:01:20 - Informan: Halo juga.") == "Halo juga."
    turns = [Turn("s", i, t.speaker, t.start, t.end) for i, t in enumerate(detect_turns(STAMPED), start=1)]
    rows = [r for r in rows_of(STAMPED, turns) if r.number is not None]
    assert [STAMPED[r.start : r.label_end] for r in rows if r.label_end is not None] == [
        "[00:00:05] P:",
        "[00:00:12] I:",
        "[00:00:31] P:",
        "[00:00:35] I:",
    ]


words = st.text(alphabet="abc def.,?", min_size=1, max_size=30).filter(lambda s: s.strip())


@given(
    st.lists(
        st.tuples(st.sampled_from(["P", "I", "Informan", "Bu Ratna"]), st.integers(0, 35999), words),
        min_size=2,
        max_size=12,
    )
)
def test_every_stamped_line_is_one_turn_starting_at_its_stamp(parts: list[tuple[str, int, str]]) -> None:
    parts = [*parts, (parts[0][0], 0, "akhir")]  # the first speaker recurs
    lines = [f"[{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}] {who}: {said.strip()}" for who, t, said in parts]
    text = "\n".join(lines) + "\n"
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == [who for who, _t, _w in parts]
    assert [text[t.start : t.end] for t in turns] == lines
