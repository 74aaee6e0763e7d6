"""Round twenty-nine's review (issue #11): edge cases of the passes merged that round."""

from __future__ import annotations

import re
import time

from makna.privacy.spoken_ids import speech_over
from makna.privacy.types import Detection


def test_the_spoken_lay_over_is_linear_on_a_long_line() -> None:
    """Each spoken form found was checked against every detection kept, and the kept list rebuilt for it: 10,000
    ``@`` set apart from a handle among 20,000 detections took many seconds; the overlaps are now found by
    bisection."""
    text = "Kofi bilang IG-nya @ mawar_melati ya. " * 10_000
    found = [
        Detection(m.start(), m.end(), "PERSON" if m.group() == "Kofi" else "HANDLE", 0.9, "person.cue"
                  if m.group() == "Kofi" else "handle.platform", m.group())
        for m in re.finditer(r"Kofi|mawar_melati", text)
    ]  # fmt: skip
    began = time.perf_counter()
    out = speech_over(text, found)
    assert time.perf_counter() - began < 3.0
    handles = [d for d in out if d.type == "HANDLE"]
    assert len(handles) == 10_000 and all(d.text == "@ mawar_melati" for d in handles)
    assert sum(d.type == "PERSON" for d in out) == 10_000


def test_short_forms_on_one_long_line_count_the_line_once() -> None:
    """Each capitalised word the learned layer proposed as a PERSON counted the case of its whole line (prec29): on
    a 300,000-character line, 3,000 proposals read 900 million characters. The counts are kept by line now, and
    the answer is the same."""
    from itertools import islice

    from makna.privacy.learned import _short_form

    line = "urus SKCK dulu ke kantor " * 12_000
    lines: dict[int, tuple[int, int]] = {}
    spans = [(m.start(), m.end()) for m in islice(re.finditer("SKCK", line), 3000)]
    began = time.perf_counter()
    assert all(_short_form(line, s, e, lines) for s, e in spans)
    assert time.perf_counter() - began < 2.0
    short = "SKCK dulu\nRINA DAN SKCK\nurus SKCK"
    for m in re.finditer("SKCK|RINA", short):
        assert _short_form(short, m.start(), m.end(), {}) is _short_form(short, m.start(), m.end())
    assert [_short_form(short, m.start(), m.end()) for m in re.finditer("SKCK", short)] == [True, False, True]
