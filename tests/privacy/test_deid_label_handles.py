"""User names as speaker labels (#11): a chat copied from direct messages starts each turn with the sender's
account; the account is a HANDLE in every turn, and nothing else at a line's start is taken for one."""

from __future__ import annotations

import pytest

from makna.privacy.detect import detect
from makna.privacy.handles import find_label_handles


def _handles(text: str, language: str = "id") -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == "HANDLE"]


@pytest.mark.parametrize(("text", "handle"), [
    ("Peneliti: Halo kak?\nwarung.bu_tini: iya kak\nPeneliti: Sudah lama?\nwarung.bu_tini: dari dulu\n",
     "warung.bu_tini"),
    ("Researcher: hi\nsam.bakes: hey\nResearcher: how long?\nsam.bakes: three years\n", "sam.bakes"),
    ("Me: hello\nnoor_2011: salam\nMe: ok\nnoor_2011: ok\n", "noor_2011"),
])
def test_a_handle_that_starts_turns_is_found_in_every_turn(text: str, handle: str) -> None:
    assert _handles(text).count(handle) == 2


@pytest.mark.parametrize("text", [
    "10.30: rapat pagi\n10.30: rapat lagi\n",  # times
    "R1: ya\nR1: tidak\nP2: oke\nP2: baik\n",  # numbered generic labels
    "notes.txt: first\nnotes.txt: second\n",  # file names
    "v2.1: fixed\nv2.1: again\n",  # versions
    "dani.ok: sekali saja\n",  # one line only: not a speaker
    "Sari: iya\nSari: tidak\n",  # a name label is a PERSON, found elsewhere
])
def test_other_line_starts_are_not_label_handles(text: str) -> None:
    assert list(find_label_handles(text)) == []
