"""Error messages quote little of the input (#12)."""

from __future__ import annotations

from makna.errors import excerpt, reason


def test_excerpt_cuts_long_input_and_says_how_long() -> None:
    assert excerpt("kurz") == "'kurz'"
    assert excerpt("x" * 80) == repr("x" * 80)
    assert excerpt("y" * 2000) == f"{'y' * 80!r}... (2,000 characters)"
    assert excerpt(b"\x00" * 100, limit=4) == "b'\\x00\\x00\\x00\\x00'... (100 bytes)"


def test_reason_is_one_short_line() -> None:
    assert reason(ValueError("bad\n  value")) == "bad value"
    assert reason(KeyError()) == "KeyError"
    long = reason(OSError("z" * 1000))
    assert long == "z" * 160 + "..."
