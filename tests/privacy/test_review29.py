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
