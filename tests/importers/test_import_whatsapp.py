"""WhatsApp chat exports: detection by content, Android and iOS formats, system lines, round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.errors import ImportFormatError
from makna.importers import read_document
from makna.importers.whatsapp import looks_like_whatsapp, parse_whatsapp
from makna.text import TurnSpan, normalize_text

ANDROID_EN = (
    "12/31/23, 9:41\u202fPM - Messages and calls are end-to-end encrypted. No one outside of this chat, "
    "not even WhatsApp, can read or listen to them. Tap to learn more.\n"
    "12/31/23, 9:41\u202fPM - Ani: Hi all\n"
    "how are you?\n"
    "12/31/23, 10:02 PM - \u202a+62 812-3456-7890\u202c: <Media omitted>\n"
    "1/1/24, 12:05 AM - Ani added Budi\n"
    "1/1/24, 12:06 AM - Budi: Happy new year: 2024!\n"
)

ANDROID_ID = (
    "31/12/2023 21.41 - Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar "
    "chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.\n"
    "31/12/2023 21.41 - Ani: Aku udah sampai\n"
    "31/12/2023 21.45 - Budi: Oke, aku nggak jadi ikut ya\n"
    "\n"
    "maaf banget\n"
)

IOS_ID = (
    "\u200e[31/12/23, 21.41.05] Grup Riset: \u200ePesan dan panggilan terenkripsi secara end-to-end.\n"
    "[31/12/23, 21.42.10] Ani: Halo semua\n"
    "[01/01/24, 00.00.00] Budi: \u200egambar tidak disertakan\n"
)

IOS_EN = "[12/31/23, 9:41:05 PM] Ani: Hello\n[12/31/23, 9:42:00 PM] Budi: Hi, Ani\n"


def test_android_english(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ani.txt"
    path.write_text(ANDROID_EN, encoding="utf-8")
    result = read_document(path)
    assert result.media_type == "text/x-whatsapp"
    assert result.text == (
        "Ani: Hi all how are you?\n+62 812-3456-7890: <Media omitted>\nBudi: Happy new year: 2024!"
    )
    assert result.turns == [
        TurnSpan("Ani", 0, 24, "2023-12-31T21:41"),
        TurnSpan("+62 812-3456-7890", 25, 59, "2023-12-31T22:02"),
        TurnSpan("Budi", 60, 87, "2024-01-01T00:06"),
    ]
    assert result.notes == ["left out 2 WhatsApp system line(s)"]


def test_android_indonesian_dots_and_day_first(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(ANDROID_ID.replace("\n", "\r\n").encode("utf-8"))
    result = read_document(path)
    assert result.text == "Ani: Aku udah sampai\nBudi: Oke, aku nggak jadi ikut ya maaf banget"
    assert [(t.speaker, t.time_start) for t in result.turns or []] == [
        ("Ani", "2023-12-31T21:41"),
        ("Budi", "2023-12-31T21:45"),
    ]


def test_ios_indonesian_with_marks() -> None:
    result = parse_whatsapp(IOS_ID)
    assert result.text == "Ani: Halo semua\nBudi: gambar tidak disertakan"
    assert result.turns == [
        TurnSpan("Ani", 0, 15, "2023-12-31T21:42:10"),
        TurnSpan("Budi", 16, 45, "2024-01-01T00:00:00"),
    ]
    assert result.notes == ["left out 1 WhatsApp system line(s)"]


def test_ios_english_12_hour() -> None:
    result = parse_whatsapp(IOS_EN)
    assert result.text == "Ani: Hello\nBudi: Hi, Ani"
    assert [t.time_start for t in result.turns or []] == ["2023-12-31T21:41:05", "2023-12-31T21:42:00"]


def test_ambiguous_dates_read_day_first() -> None:
    result = parse_whatsapp("03/04/24, 10:00 - Ani: halo\n")
    assert result.turns == [TurnSpan("Ani", 0, 9, "2024-04-03T10:00")]
    assert "read as day/month" in result.notes[0]


@pytest.mark.parametrize(
    "text",
    [
        "Pewawancara: 12/31/23, 9:41 PM - bukan chat\nInforman: ya",
        "Wawancara tanggal 31/12/2023\nP: halo",
        "31/12/2023 21.41 - Catatan tanpa pengirim\nbaris lain",
        "",
    ],
)
def test_plain_text_is_not_whatsapp(text: str) -> None:
    assert not looks_like_whatsapp(text)


def test_plain_txt_stays_plain(tmp_path: Path) -> None:
    path = tmp_path / "transkrip.txt"
    path.write_text("P: Halo\nI: Hai, jam 10:30 - katanya\n", encoding="utf-8")
    assert read_document(path).media_type == "text/plain"


def test_only_system_lines_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "kosong.txt"
    path.write_text("[31/12/23, 21.41.05] Grup: \u200eMessages and calls are end-to-end encrypted.\n"
                    "[31/12/23, 21.41.06] Ani: x\n", encoding="utf-8")
    assert read_document(path).text == "Ani: x"
    with pytest.raises(ImportFormatError, match=r"chat\.txt: a WhatsApp chat export without any message"):
        parse_whatsapp("31/12/2023 21.41 - Ani added Budi\n", source="chat.txt")


_names = st.sampled_from(["Ani", "Budi Santoso", "Informan 3", "+62 812-3456-7890", "Sri Ayu 🌸"])
_words = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "Zs", "So"), exclude_characters="\u2028\u2029\x85"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")
_message = st.tuples(
    _names,
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31)),
    st.lists(_words, min_size=1, max_size=3),
)


def _android(when: dt.datetime) -> str:
    hour = when.hour % 12 or 12
    return f"{when.month}/{when.day}/{when.year % 100:02d}, {hour}:{when.minute:02d}\u202f{when:%p} - "


def _ios(when: dt.datetime) -> str:
    return f"[{when.day:02d}/{when.month:02d}/{when.year}, {when:%H.%M.%S}] "


@settings(max_examples=60, deadline=None)
@given(st.lists(_message, min_size=1, max_size=8), st.booleans())
def test_round_trip(messages: list[tuple[str, dt.datetime, list[str]]], ios: bool) -> None:
    # Dates that prove the order, so that the parser need not guess.
    messages = [(n, w.replace(day=13, month=12) if ios else w.replace(day=13), ls) for n, w, ls in messages]
    lines = [
        (_ios(when) if ios else _android(when)) + sender + ": " + "\n".join(parts)
        for sender, when, parts in messages
    ]
    export = "\n".join(lines) + "\n"
    assert looks_like_whatsapp(export)
    result = parse_whatsapp(export)
    expected_lines = [
        normalize_text(sender + ": " + " ".join(p.strip() for p in parts if p.strip()))
        for sender, _, parts in messages
    ]
    turns = result.turns or []
    assert result.text.split("\n") == expected_lines
    assert [t.speaker for t in turns] == [sender for sender, _, _ in messages]
    for turn, line, (_, when, _) in zip(turns, expected_lines, messages, strict=True):
        expected = when.replace(microsecond=0) if ios else when.replace(second=0, microsecond=0)
        assert turn.time_start == expected.isoformat(timespec="seconds" if ios else "minutes")
        assert result.text[turn.start : turn.end] == line


def test_impossible_dates_start_their_own_message() -> None:
    """#12: a header whose date or time cannot be (31 February, 25:61, a five-digit year) is still a
    message of its own, never merged into the one before; its turn has no time and a note says so."""
    export = (
        "31/12/2023 21.41 - Ani: halo\n"
        "31/02/2024 21.42 - Budi: apa kabar\n"
        "31/12/20234 21.43 - Ani: baik\n"
        "31/12/2023 25.61 - Budi: oke\n"
        "lanjut\n"
    )
    result = parse_whatsapp(export, source="chat.txt")
    assert result.text == "Ani: halo\nBudi: apa kabar\nAni: baik\nBudi: oke lanjut"
    assert [(t.speaker, t.time_start) for t in result.turns or []] == [
        ("Ani", "2023-12-31T21:41"), ("Budi", None), ("Ani", None), ("Budi", None),
    ]
    assert result.notes == [
        "3 WhatsApp message(s) with an impossible date or time, kept without a timestamp "
        "(line 2: '31/02/2024 21.42'; line 3: '31/12/20234 21.43'; line 4: '31/12/2023 25.61')"
    ]
