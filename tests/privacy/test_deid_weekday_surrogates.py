"""A weekday said with a date moves with it (a date moved N days falls N days later in the week, whatever its
year); kept as it was, "Senin, 25 November 2024" became "Senin, 4 Januari 2025", a Saturday."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from makna.privacy import KeyMapping
from makna.privacy.date_surrogates import move_weekdays
from makna.privacy.surrogates import calendar_date

_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")  # fmt: skip


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(-365, 365).filter(lambda d: abs(d) >= 7),
)
def test_the_weekday_of_the_surrogate_is_its_date_s(day: dt.date, offset: int) -> None:
    mapping = KeyMapping(secret="cd" * 32, date_offset=offset, age_offset=1)
    original = f"{_ID[day.weekday()]}, {day.day} {_ID_MONTHS[day.month - 1]} {day.year}"
    new = mapping.surrogate("DATE", original, language="id")
    moved = calendar_date(new)
    assert moved == day + dt.timedelta(days=offset)
    assert new.split(",")[0] == _ID[moved.weekday()]
    english = mapping.surrogate("DATE", f"{_EN[day.weekday()]} {day.day} {day:%B} {day.year}", language="en")
    assert english.split()[0] == _EN[moved.weekday()]  # the right weekday, not merely a weekday


def test_words_cases_and_lists() -> None:
    assert move_weekdays("hari Senin", 5) == "hari Sabtu"
    assert move_weekdays("Sabtu", 1) == "Minggu"  # Indonesian, not the Minang list that also has "Sabtu"
    assert move_weekdays("FRIDAY 7th February", -1) == "THURSDAY 7th February"
    assert move_weekdays("Kamis Pahing", 3) == "Minggu Kliwon"  # the market day moves by 3 mod 5
    assert move_weekdays("Jum'at", 7) == "Jumat" and move_weekdays("malam Jumaik", 2) == "malam Akaik"
    assert move_weekdays("25 November 2024", 40) == "25 November 2024"  # no weekday: nothing


def test_every_day_of_a_range_moves() -> None:
    """A date span naming several days (a range) moves each of them: the second day had stayed as said
    ("3-7 Juni 2024" became "13-7 Juli 2024", the original's 7 kept), and its weekday moved without it."""
    mapping = KeyMapping(secret="ab" * 32, date_offset=40, age_offset=2)
    assert mapping.surrogate("DATE", "3-7 Juni 2024", language="id") == "13-17 Juli 2024"
    assert mapping.surrogate("DATE", "3 to 7 June 2024", language="en") == "13 to 17 July 2024"
    assert mapping.surrogate("DATE", "Senin-Jumat, 3-7 Juni 2024", language="id") == "Sabtu-Rabu, 13-17 Juli 2024"
    assert mapping.surrogate("DATE", "3 Juni - 7 Juli 2024", language="id") == "13 Juli - 16 Agustus 2024"
    new = mapping.surrogate("DATE", "Senin 3 Juni dan Jumat 7 Juni", language="id")
    assert new == "Sabtu 13 Juli dan Rabu 17 Juli"


def test_a_clock_time_or_a_zero_is_no_day() -> None:
    """The digits of a clock time in a date span are no day ("pukul 10.00, 3 Juni 2024" had become "pukul 20.00,
    3 Juli 2024": the time moved, the original's day kept), and a day 0 ("0 November") no longer raises."""
    mapping = KeyMapping(secret="ab" * 32, date_offset=40, age_offset=2)
    assert mapping.surrogate("DATE", "pukul 10.00, 3 Juni 2024", language="id") == "pukul 10.00, 13 Juli 2024"
    assert mapping.surrogate("DATE", "jam 10:30 tanggal 3 Juni 2024", language="id") == "jam 10:30 tanggal 13 Juli 2024"
    assert mapping.surrogate("DATE", "3 June 2024 at 10:30", language="en") == "13 July 2024 at 10:30"
    for odd in ("0 November 2024", "Feb00", "2024 August 31 00"):
        assert mapping.surrogate("DATE", odd, language="en")
    assert mapping.surrogate("DATE", "tgl.3 Juni 2024", language="id") == "tgl.13 Juli 2024"
