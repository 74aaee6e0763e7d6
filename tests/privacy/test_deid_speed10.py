"""A process's word lists leave the garbage collector's work, and a text's found names are searched again without
compiling a regex per text (issue 11, round twelve's speed pass).

:func:`makna.privacy.detect` pauses the collector and, at the end of the 1st, 2nd, 4th... call, moves what is alive
to its permanent generation (``gc.freeze()``): the lazily built word lists are then never traversed again. Each
check runs in a fresh process (the calls are counted per process).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from makna.privacy._fastrx import dispatch
from makna.privacy._lines import GLUED_AFTER, GLUED_BEFORE, word_spans

_PROBE = """
import gc, json, sys
from makna.privacy import detect, gazetteers
texts = ["Mbak Tari 0813-7411-2095 di Padang, umur 24 tahun", "I rode for Zipcart in Leyton, said Marcin."] * 4
counts, tracked = [], []
for text in texts:
    detect(text, language="en")
    counts.append(gc.get_freeze_count())
lists = [gazetteers.first_names("id"), gazetteers.all_places(), gazetteers.ordinary_words()]
young = {id(o) for gen in range(3) for o in gc.get_objects(gen)}
print(json.dumps({"counts": counts, "young": [id(x) in young for x in lists], "enabled": gc.isenabled()}))
"""


def _probe() -> dict[str, list[int] | list[bool] | bool]:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout
    result: dict[str, list[int] | list[bool] | bool] = json.loads(out.splitlines()[-1])
    return result


def test_the_word_lists_are_frozen_and_the_collector_resumes() -> None:
    result = _probe()
    assert result["young"] == [False, False, False]  # in the permanent generation: no collection walks them
    assert result["enabled"] is True
    counts = result["counts"]
    assert isinstance(counts, list)
    assert counts[0] > 10_000  # the first call's detectors, patterns and lists


def test_later_small_calls_do_not_freeze_again() -> None:
    counts = _probe()["counts"]
    assert isinstance(counts, list)
    # calls 3, 5, 6 and 7 are not powers of two: what they leave is not frozen (the count only falls, as frozen
    # objects are freed)
    for before, after in ((1, 2), (3, 4), (4, 5), (5, 6)):
        assert counts[after] <= counts[before] + 50


_WORD_PARTS = [
    "Ali",
    "Alin",
    "Alina",
    "Bé",
    "Bu Sri",
    "Sri",
    "O'Neil",
    "-",
    "@",
    ".",
    " ",
    "\n",
    "_",
    "a",
    "ö",
    "😀",
    "1",
]


def _alternation_spans(text: str, words: set[str]) -> list[tuple[int, int]]:
    """What ``persons.repeat_names`` and ``catchall.repeat_unknown`` compiled for each text before."""
    alts = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    return [m.span() for m in re.finditer(dispatch(alts, not_after=r"\w@.\-") + r"(?![\w@\-])", text)]


@given(
    st.lists(st.sampled_from(_WORD_PARTS), max_size=30),
    st.sets(st.sampled_from(["Ali", "Alin", "Alina", "Bé", "Bu Sri", "Sri", "O'Neil", "Li"]), min_size=1),
)
def test_word_spans_are_the_alternations_matches(parts: list[str], words: set[str]) -> None:
    text = "".join(parts)
    assert word_spans(text, words, GLUED_BEFORE, GLUED_AFTER) == _alternation_spans(text, words)


def test_word_spans_of_no_words_is_empty() -> None:
    assert word_spans("Ali", set(), GLUED_BEFORE, GLUED_AFTER) == []


_CYCLES = """
import gc, weakref
from makna.privacy import detect
class Big:
    def __init__(self):
        self.me = self
refs = []
for i in range(12):
    b = Big(); refs.append(weakref.ref(b)); del b
    detect("Saya Sari dari Padang, umur 23 tahun.", language="id")
gc.collect()
print(sum(r() is not None for r in refs))
"""


def test_cyclic_garbage_is_collected_before_a_freeze_not_kept() -> None:
    """A web server's requests leave cycles behind: those dead at a freeze point are collected, not frozen
    (review of deidspeed10: 5 of 12 were kept for good)."""
    out = subprocess.run([sys.executable, "-c", _CYCLES], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


_WHEN = """
import gc, json
from makna.privacy import detect, gazetteers
seen = []
gc.callbacks.append(lambda phase, info: seen.append(gazetteers.all_places.cache_info().currsize)
                    if phase == "start" and info["generation"] == 2 else None)
detect("Mbak Tari 0813-7411-2095 di Padang, umur 24 tahun", language="id")
print(json.dumps({"seen": seen, "built": gazetteers.all_places.cache_info().currsize, "young": any(
    o is gazetteers.all_places() for gen in range(3) for o in gc.get_objects(gen))}))
"""


def test_a_first_detection_collects_before_it_builds_the_lists_not_after() -> None:
    """The full collection of a freeze point runs at the call's start: after a first detection it walked every
    word list that detection built (a fifth of a second of a fresh shell's ``makna deid scan``), before it the
    lists are not there yet (round seventeen's start-up pass)."""
    out = subprocess.run([sys.executable, "-c", _WHEN], capture_output=True, text=True, check=True).stdout
    result = json.loads(out.splitlines()[-1])
    assert result["built"] == 1  # the detection did build the place list ...
    assert result["seen"] == [0]  # ... after the one full collection, which ran before it
    assert result["young"] is False  # and froze it all the same
