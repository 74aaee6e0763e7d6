"""Round twenty's speed pass (issue 11). The employer check's word list less the brands is built once
(:func:`makna.privacy.employers._not_org_makers`), not at every brand cue. Seven whole-text patterns led by a
look-behind (the four app-name cues of :mod:`makna.privacy.screen_names`, the verb of speech of
:mod:`makna.privacy.person_evidence`, the two glosses of :mod:`makna.privacy.person_kinds`) run only on the lines
the shared word-start pass finds (``_fastrx.Folded`` and ``gated_finditer``): each must give exactly the matches
and groups of the pattern run over the whole text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import employers
from makna.privacy import gazetteers as gz
from makna.privacy import person_evidence as pe
from makna.privacy import person_kinds as pk
from makna.privacy import screen_names as sn
from makna.privacy._fastrx import gated_finditer

_GATED = [
    *(
        (f"screen_names._CUES[{i}]", rx, lines)
        for i, (rx, lines) in enumerate(zip(sn._CUES, sn._CUE_LINES, strict=True))
    ),
    ("person_evidence._SPEECH", pe._SPEECH, pe._SPEECH_LINES),
    ("person_kinds._NAMED_AS", pk._NAMED_AS, pk._NAMED_AS_LINES),
    ("person_kinds._COMMON", pk._COMMON, pk._COMMON_LINES),
]
_PIECES = [
    # the cue words of the seven patterns, in several cases
    "nama", "namo", "namanya", "Namo", "NAMA", "name", "Name", "username", "user name", "username", "handle",
    "di", "Di", "dalam", "aplikasi", "apk", "app", "APP", "akun", "akunnyo", "profil", "profile", "site", "platform",
    "sinan", "itu", "tu", "adalah", "pakai", "pake", "jadi", "saya", "ambo", "on", "the", "my", "is", "was", "I'm",
    "kata", "Kata", "kato", "Kecek", "ujar", "what", "we", "call", "a", "panggilan", "sebutan", "untuk", "untuak",
    "nenek", "real", "asli",
    # names, boundaries and the characters that fold onto ASCII letters
    "Teduh", "Pandan", "Rini", "Wambo", "Nyaai", "Harbour", " ", " ", "  ", "\t", "\n", ",", ":", ".", "-", "'",
    "’", "@", "_", "1", "ſ", "ı", "İ", "\u212a", "é",
]  # fmt: skip
_EXAMPLES = {
    "screen_names._CUES[0]": "Namo ambo di aplikasi itu Pandan.\nNama saya di akun itu Melur",
    "screen_names._CUES[1]": "Di aplikasi saya pakai Teduh, ya.\ndi aplikasi ambo pakai nama Cangak",
    "screen_names._CUES[2]": "saya pakai nama Karang\nterus pake nama Mawar.",
    "screen_names._CUES[3]": "my name on the app is Harbour\nOn the app I'm Wren. My profile name was Sable",
    "person_evidence._SPEECH": "Kato Rini, awak pulang.\nujar Budi Santoso, lalu",
    "person_kinds._NAMED_AS": "Wambo, is my real name.\nRini itu namanyo asli",
    "person_kinds._COMMON": "Wambo is what we call an uncle.\nNyaai tu panggilan untuak nenek",
}


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def assert_gated_same(rx: re.Pattern[str], lines: object, text: str) -> None:
    """``gated_finditer`` gives the matches and groups of ``rx`` over the whole ``text`` (also used by round 21)."""
    assert _spans(gated_finditer(rx, lines, text)) == _spans(rx.finditer(text))  # type: ignore[arg-type]


def assert_gated_examples(rx: re.Pattern[str], lines: object, text: str) -> None:
    """The same on an example and its variants (cases, long s, lines around it), and the example is found twice or
    more (also used by round 21)."""
    for variant in (text, text.upper(), text.lower(), text.replace("a", "ſ"), "x\n" + text + "\n", text + "\n"):
        assert_gated_same(rx, lines, variant)
    assert len(list(gated_finditer(rx, lines, text))) >= 2  # type: ignore[arg-type]  (the examples are found)


@pytest.mark.parametrize(("name", "rx", "lines"), _GATED, ids=[g[0] for g in _GATED])
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=50))
def test_gated_cue_gives_the_whole_texts_matches(
    name: str, rx: re.Pattern[str], lines: object, pieces: list[str]
) -> None:
    assert_gated_same(rx, lines, "".join(pieces))


@pytest.mark.parametrize(("name", "rx", "lines"), _GATED, ids=[g[0] for g in _GATED])
def test_gated_cue_finds_its_examples(name: str, rx: re.Pattern[str], lines: object) -> None:
    assert_gated_examples(rx, lines, _EXAMPLES[name])


def test_employers_maker_list_is_built_once() -> None:
    assert employers._not_org_makers() == employers._not_org_brands() - gz.brands()
    assert employers._not_org_makers() is employers._not_org_makers()
    assert not employers._not_org_makers() & gz.brands()
