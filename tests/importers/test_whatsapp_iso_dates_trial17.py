"""trial17: a chat export with year-first dates (``[2026-10-14 09:02] Name: text``, as signal-export and other
tools write a Signal chat) is read as a WhatsApp export, and every date reads one way only (year, month, day).
The import still noted "WhatsApp dates are ambiguous (no day over 12): read as day/month", which told the
researcher her dates might be wrong when none could be."""

from __future__ import annotations

from makna.importers.whatsapp import parse_whatsapp

# fictional interview by chat
YEAR_FIRST = (
    "[2026-10-04 09:02] Thandiwe: Good morning, are you ready to start?\n"
    "[2026-10-04 09:03] Rudo: Yes, I am at the bus stop.\n"
    "[2026-10-05 18:11] Rudo: Sorry, one more thing about the client.\n"
)


def test_year_first_dates_are_not_called_ambiguous() -> None:
    result = parse_whatsapp(YEAR_FIRST)
    assert [t.time_start for t in result.turns] == ["2026-10-04T09:02", "2026-10-04T09:03", "2026-10-05T18:11"]
    assert not any("ambiguous" in note for note in result.notes)


def test_day_month_dates_beside_year_first_ones_still_ambiguous() -> None:
    mixed = YEAR_FIRST + "[05/10/26, 18:12] Thandiwe: Thank you.\n"
    assert any("read as day/month" in note for note in parse_whatsapp(mixed).notes)
