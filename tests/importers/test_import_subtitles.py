"""WebVTT and SubRip import: one turn per cue (or voice), speakers, timestamps."""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.errors import ImportFormatError
from makna.importers import read_document
from makna.text import TurnSpan

VTT = """WEBVTT - wawancara

NOTE dibuat otomatis
--> bukan cue

STYLE
::cue { color: yellow }

intro
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Pewawancara>Bisa <i>ceritakan</i> awalnya?</v>

00:05.000 --> 00:07.250
<v.loud Informan 3>Awalnya &amp; akhirnya
saya ragu.
<v Pewawancara>Oh begitu.

01:02:03.040 --> 01:02:05.000
tanpa pembicara di sini
"""

SRT = """1
00:00:01,000 --> 00:00:02,500
Pewawancara: Halo, Bu.

2
00:00:03,000 --> 00:00:05,000
<i>Informan:</i> Halo juga,
{\\an8}apa kabar?

3
00:00:06,000 --> 00:00:07,000
(tertawa)
"""


def test_vtt(tmp_path: Path) -> None:
    path = tmp_path / "w.vtt"
    path.write_bytes(b"\xef\xbb\xbf" + VTT.replace("\n", "\r\n").encode("utf-8"))
    result = read_document(path)
    assert result.text == (
        "Pewawancara: Bisa ceritakan awalnya?\n"
        "Informan 3: Awalnya & akhirnya saya ragu.\n"
        "Pewawancara: Oh begitu.\n"
        "tanpa pembicara di sini"
    )
    assert result.media_type == "text/vtt"
    assert result.turns == [
        TurnSpan("Pewawancara", 0, 36, "00:00:01.000", "00:00:04.500"),
        TurnSpan("Informan 3", 37, 78, "00:00:05.000", "00:00:07.250"),
        TurnSpan("Pewawancara", 79, 102, "00:00:05.000", "00:00:07.250"),
        TurnSpan("", 103, 126, "01:02:03.040", "01:02:05.000"),
    ]
    for turn in result.turns:
        line = result.text[turn.start : turn.end]
        assert "\n" not in line
        assert line.startswith(f"{turn.speaker}: ") or not turn.speaker


def test_srt(tmp_path: Path) -> None:
    path = tmp_path / "w.srt"
    path.write_text(SRT, encoding="utf-8")
    result = read_document(path)
    assert result.text == "Pewawancara: Halo, Bu.\nInforman: Halo juga, apa kabar?\n(tertawa)"
    assert result.media_type == "application/x-subrip"
    assert result.turns == [
        TurnSpan("Pewawancara", 0, 22, "00:00:01.000", "00:00:02.500"),
        TurnSpan("Informan", 23, 54, "00:00:03.000", "00:00:05.000"),
        TurnSpan("", 55, 64, "00:00:06.000", "00:00:07.000"),
    ]


def test_bad_timing_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "rusak.srt"
    path.write_text("1\n00:00:01,000 --> nanti\nteks\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"rusak\.srt: line 2: not a cue timing line"):
        read_document(path)


def test_no_cues(tmp_path: Path) -> None:
    path = tmp_path / "kosong.vtt"
    path.write_text("WEBVTT\n\nNOTE hanya catatan\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"kosong\.vtt: no subtitle cues"):
        read_document(path)


def test_absurd_hours_are_a_clear_error(tmp_path: Path) -> None:
    """#12: a 5,000-digit hour field (beyond Python's int() limit) is refused, quoting a short excerpt."""
    path = tmp_path / "jam.srt"
    path.write_text(f"1\n{'9' * 5000}:00:01,000 --> 00:00:02,000\nteks\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"jam\.srt: line 2: a cue time has more than 6 digits of hours") as e:
        read_document(path)
    assert "\n" not in str(e.value) and len(str(e.value)) < len(str(path)) + 200
    path.write_text("1\n999999:00:01,000 --> 999999:00:02,000\nteks\n", encoding="utf-8")
    assert read_document(path).turns == [TurnSpan("", 0, 4, "999999:00:01.000", "999999:00:02.000")]


def test_error_quotes_at_most_80_characters(tmp_path: Path) -> None:
    """#12: a 2 KB timing line is not repeated in the error."""
    path = tmp_path / "panjang.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> " + "x" * 2000 + "\nteks\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"line 3: not a cue timing line: '00:00:01\.000 --> x+'\.\.\. "
                                                r"\(2,017 characters\)$") as e:
        read_document(path)
    assert len(str(e.value)) < len(str(path)) + 200
