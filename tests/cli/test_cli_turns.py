"""`makna sources show --turns`: the table shows each turn's start cut between words, with an ellipsis;
csv and json keep the whole turn."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from makna.cli import app
from makna.text import shorten

runner = CliRunner()
LONG = ("I: Gratis, Kak. Lebih aman dari jalan, tamu kabur kadang-kadang tapi tidak apa-apa karena ongkirnya "
        "murah sekali di aplikasi itu.")
TEXT = f"P: Kenapa MiChat?\n{LONG}\n"


def test_turn_table_cuts_between_words(project_location: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", project_location, "--name", "Turns"]).exit_code == 0
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert runner.invoke(app, ["import", str(tmp_path / "a.txt"), "-p", project_location]).exit_code == 0
    out = runner.invoke(app, ["sources", "show", "a.txt", "--turns", "-p", project_location], terminal_width=240)
    assert out.exit_code == 0, out.output
    shown = LONG[:79].rsplit(" ", 1)[0]  # the words that fit in 80 characters with the ellipsis
    assert f"{shown}…" in out.output
    assert LONG[:79] not in out.output  # not cut inside a word ("apa-apa")
    whole = json.loads(runner.invoke(app, ["sources", "show", "a.txt", "--turns", "-p", project_location,
                                           "-f", "json"]).output)
    assert whole[1]["text"] == LONG


def test_shorten() -> None:
    assert shorten("abc defgh", 8) == "abc…"
    assert shorten("abc def gh", 8) == "abc def…"  # the cut falls on a space
    assert shorten("abcdefghijk", 8) == "abcdefg…"  # one long word: cut inside, nothing else fits
    assert shorten("short  text\n", 80) == "short text"
    assert shorten("satu, dua tiga", 9) == "satu…"  # no dangling comma
    assert all(len(shorten(LONG, n)) <= n for n in range(1, 130))
