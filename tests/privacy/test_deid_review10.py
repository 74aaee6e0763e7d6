"""Found by the review of round ten (#11): a long run of capitalised words was split again for every detection
in it (quadratic: 80 KB took half a minute), and a detection's text could differ from its span (a pass read
"Sumatera\\tBarat" as "Sumatera Barat"), which made ``pseudonymise`` raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import makna.privacy.spans as spans
from makna.privacy import detect
from makna.privacy.pseudonymise import pseudonymise


def test_a_long_run_of_capitalised_words_is_split_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = spans.run_tokens

    def counted(run: spans.CapRun) -> list[tuple[int, int, str]]:
        calls.append(run[0])
        return real(run)

    spans._words.cache_clear()
    monkeypatch.setattr(spans, "run_tokens", counted)
    text = " ".join(["Aaa"] * 2000)
    found = detect(text, language="en")
    assert len(found) > 100  # many detections inside the one run...
    assert len(calls) == len(set(calls))  # ...and each run split once


@pytest.mark.parametrize("sep", ["\t", "  ", " \t "])
def test_a_detection_holds_its_spans_text_and_pseudonymises(sep: str) -> None:
    text = f"I moved from Sumatera{sep}Barat last year, then to Kota{sep}Padang."
    found = detect(text, language="en")
    assert found and all(d.text == text[d.start : d.end] for d in found)
    pseudonymise(text, found, mode="surrogate", language="en")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Sumatera", "Barat", "Budi", "Jaya", "Padang", "\t", "  ", " ", ",", "di"]),
                max_size=30))  # fmt: skip
def test_every_detection_holds_its_spans_text(words: list[str]) -> None:
    text = " ".join(words)
    assert all(d.text == text[d.start : d.end] for d in detect(text, language="id"))


def test_whatsapp_ios_senders_after_a_bracketed_stamp_are_names() -> None:
    text = "[05:05, 1/2/2024] Wulan: ok\n[05:07, 1/2/2024] Wulan: otw\n[00:00:05] P: Halo\n[00:00:09] Peneliti: ya\n"
    people = [d for d in detect(text, language="id") if d.type == "PERSON"]
    assert [d.text for d in people] == ["Wulan", "Wulan"]
    assert all(d.confidence >= 0.8 for d in people)  # said on two lines: no ordinary word left to review


def test_a_territory_is_an_identifier_and_a_country_is_not() -> None:
    """Territories and micro-states point at few people: detected as places (and replaced); countries are not."""
    found = detect("She was born in Tokelau and lives in Monaco; her cousin is in Malaysia.", language="en")
    assert [(d.type, d.text) for d in found] == [("LOCATION", "Tokelau"), ("LOCATION", "Monaco")]
