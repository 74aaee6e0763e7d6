"""newuser20: a transcription service's speaker lines ("Mick Doherty  0:09", or on a saved web page, where the
name and the stamp sit in two adjacent elements, "Mick00:00:18") split the text into turns at import, but the
detectors read only "Name:" labels: the names on those lines were never detected, `deid add --also all` did
not find "Mick" touching its stamp, and after `deid apply` the text still held "Mick00:00:18" while the turn's
speaker field held a surrogate. All names here are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

import makna
from makna.privacy import detect
from makna.privacy.detect import propagate
from makna.privacy.project import decide, review_entries
from makna.privacy.review import occurrences

PAGE = (
    "Moderator00:00:03\nThanks for coming tonight. Mick, would you start?\n"
    "Mick00:00:18\nRight. I drive the night route out of the depot.\n"
    "Kelechi00:00:26\nSame here, since March.\n"
    "Mick00:00:40\nKelechi knows the route better than me.\n"
)
OTTER = (
    "Interviewer  0:02\nHow long have you worked nights?\n"
    "Mick Doherty  0:09\nFour years now.\n"
    "Interviewer  0:15\nAnd before that?\n"
    "Mick Doherty  0:21\nDays, at the old garage.\n"
)
ID_PAGE = (
    "Pewawancara00:00:02\nSudah berapa lama jualan di sini, Bu?\n"
    "Suminten00:00:09\nSejak pindah dari alun-alun, sudah tiga tahun.\n"
    "Pewawancara00:00:15\nRamai?\n"
    "Suminten00:00:21\nSepi, Mas. Pembeli jarang masuk.\n"
)


def _spans(text: str, language: str) -> set[tuple[str, str]]:
    return {(text[d.start : d.end], d.type) for d in detect(text, language=language)}


@pytest.mark.parametrize(
    ("text", "language", "names", "roles"),
    [
        (PAGE, "en", ["Mick", "Kelechi"], ["Moderator"]),
        (OTTER, "en", ["Mick Doherty"], ["Interviewer"]),
        (ID_PAGE, "id", ["Suminten"], ["Pewawancara"]),
    ],
    ids=["web-page", "otter", "indonesian-page"],
)
def test_every_service_speaker_line_names_its_person(
    text: str, language: str, names: list[str], roles: list[str]
) -> None:
    found = [d for d in detect(text, language=language) if d.type == "PERSON"]
    for name in names:
        lines = [i for i, line in enumerate(text.split("\n")) if line.startswith(name)]
        starts = {text.index("\n".join(text.split("\n")[i:])) for i in lines}
        covered = {d.start for d in found if d.text == name}
        assert starts <= covered, (name, starts, covered)
    for role in roles:
        assert not any(role in d.text for d in detect(text, language=language)), role


def test_a_lone_line_with_a_clock_time_is_no_label() -> None:
    text = "P: Kapan pasar buka?\nI: Pagi sekali.\nJadwal 10:30\nP: Lalu?\nI: Tutup sore.\n"
    assert not _spans(text, "id")


def test_a_name_touching_its_stamp_is_found_again() -> None:
    assert [(s, e) for s, e in occurrences(PAGE, "Mick")] == [
        (PAGE.index("Mick,"), PAGE.index("Mick,") + 4),
        (PAGE.index("Mick00:00:18"), PAGE.index("Mick00:00:18") + 4),
        (PAGE.index("Mick00:00:40"), PAGE.index("Mick00:00:40") + 4),
    ]
    hits = propagate(["Mick00:00:18 and Micky, Mick_b, mick@example.org"], {"Mick": "PERSON"})["0"]
    assert [(h.start, h.end) for h in hits] == [(0, 4)]  # not inside a longer word, a handle or an address


def test_apply_leaves_no_name_on_a_service_line(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    key = tmp_path / "keys" / "k.key"
    key.parent.mkdir()
    with makna.create_project(str(tmp_path / "s.makna"), "Night buses", coder="ana") as p:
        makna.import_file(p, tmp_path / "page.txt", language="en")
        assert {t.speaker for t in makna.get_turns(p, "page.txt")} == {"Moderator", "Mick", "Kelechi"}
        makna.deid_scan(p)
        decide(p, [e.id for e in review_entries(p)], "accepted")
        makna.deid_apply(p, key, "night-route-passphrase-77", mode="surrogate")
        text = makna.get_source(p, "page.txt").text
        turns = makna.get_turns(p, "page.txt")
    assert "Mick" not in text and "Kelechi" not in text
    speakers = {t.speaker for t in turns} - {"Moderator"}
    assert len(speakers) == 2 and not speakers & {"Mick", "Kelechi"}
    for who in speakers:  # the speaker field and the line in the text say the same surrogate
        assert any(line.startswith(who) and line[len(who) :][:1].isdigit() for line in text.split("\n")), who


HOW_LONG = (
    "Moderator  0:03\nHow long has everyone been driving nights?\n\n"
    "Priya  0:11\nPriya, four years. Before that, days.\n\n"
    "Moderator  0:20\nAnd how old were you when you started?\n\n"
    "Priya  0:26\nPriya, twenty-six.\n"
)


def test_an_answer_to_how_long_on_a_service_page_is_no_age() -> None:
    """newuser20: "Priya, four years" answering how long, with the speaker's stamped line between the question and
    the answer, was an AGE at 0.89 (the answer's line before was the label, so the question went unseen)."""
    found = {(d.text, d.type) for d in detect(HOW_LONG, language="en")}
    assert ("four years", "AGE") not in found
    assert ("twenty-six", "AGE") in found
