"""Detections placed by hand in a test's text, for the surrogate tests (the pseudonymiser's input)."""

from __future__ import annotations

from makna.privacy import Detection

__all__ = ["placed"]


def placed(text: str, items: list[tuple[str, str]], detector: str = "test") -> list[Detection]:
    """Detections of ``items`` (type, text) in ``text``, each at its first occurrence after the previous one."""
    out, pos = [], 0
    for kind, needle in items:
        start = text.index(needle, pos)
        out.append(Detection(start, start + len(needle), kind, 0.9, detector, needle))
        pos = start + len(needle)
    return out
