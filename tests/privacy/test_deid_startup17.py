"""What a fresh process's first detection loads (issue #11, round seventeen's start-up pass).

Start-up, not throughput, is what a person waits for on a small study. These tests check causes (what is imported
or built), which do not depend on the machine's load; the timings are in benchmarks/deid_startup_bench.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

_LOADED = """
import json, sys
from makna.privacy import detect
found = [(d.text, d.detector) for d in detect(sys.argv[1], language="en")]
print(json.dumps({"found": found, "stdnum": sorted(m for m in sys.modules if m.startswith("stdnum")),
                  "pydoc": "pydoc" in sys.modules}))
"""


def _first_detection(text: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", _LOADED, text], capture_output=True, text=True, check=True).stdout
    result: dict[str, Any] = json.loads(out.splitlines()[-1])
    return result


def test_no_identity_number_no_stdnum() -> None:
    """python-stdnum's shared ``util`` imports ``pydoc`` and ``ssl``: a text with no identity-number shape never
    imports it."""
    result = _first_detection("Mbak Tari 0813-7411-2095 di Padang, umur 24 tahun")
    assert result["stdnum"] == []
    assert result["pydoc"] is False


def test_a_check_digit_imports_its_scheme_at_first_use() -> None:
    result = _first_detection("Then 900412-14-5523 came up.")
    assert result["found"] == [["900412-14-5523", "id.mykad"]]
    assert "stdnum.my.nric" in result["stdnum"]


_PATTERNS = """
import json, re, sys
from makna.privacy import detect
detect("Mbak Tari 0813-7411-2095 di Padang, umur 24 tahun. Officer Park, my flatmate, lives on Baird Wynd.")
found = {f"{name}.{key}": value.pattern for name, module in list(sys.modules.items())
         if name.startswith("makna.privacy.") for key, value in vars(module).items() if isinstance(value, re.Pattern)}
print(json.dumps(found))
"""


def _patterns(seed: str) -> dict[str, str]:
    """The detector modules' compiled patterns (module.name -> pattern text) in a process of hash seed ``seed``."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([sys.executable, "-c", _PATTERNS], capture_output=True, text=True, check=True, env=env)
    found: dict[str, str] = json.loads(proc.stdout.splitlines()[-1])
    return found


def test_the_detectors_patterns_are_the_same_text_in_every_process() -> None:
    """Word alternations built from sets list equal lengths alphabetically, not in the set's order, which string
    hashing changes from process to process: the same pattern text, so the pattern cache on disk holds them all
    (twelve were compiled anew in every process, a tenth of a second) and a process's matches never hang on a
    hash seed."""
    first, second = _patterns("1"), _patterns("2")
    assert len(first) > 400
    assert "makna.privacy.employers._ORG_NOUN_BEFORE" in first
    assert {k for k in first if first[k] != second.get(k)} == set()
