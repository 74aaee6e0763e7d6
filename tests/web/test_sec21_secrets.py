"""sec21 (#11): one constant-time comparison of a secret for the workbench and the team server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import makna
from makna.web.form_csrf import form_token_matches
from makna.web.security import secrets_match

SRC = Path(makna.__file__).parent


@pytest.mark.parametrize(
    ("sent", "expected", "same"),
    [
        ("abc", "abc", True),
        ("kata-sandi-ñ-é", "kata-sandi-ñ-é", True),  # non-ASCII: compared as UTF-8, never a TypeError
        ("kata-sandi-ñ", "kata-sandi-n", False),
        ("\udcff", "\udcff", True),  # a lone surrogate (a header decoded with surrogateescape) is no crash
        ("\udcff", "x", False),
        ("", "", False),  # an empty token never matches, not even an empty one
        ("", "abc", False),
        ("abc", "", False),
        (None, "abc", False),
        (b"abc", "abc", False),  # only text is a token
        (["abc"], "abc", False),
        ("abc ", "abc", False),
        ("ABC", "abc", False),
    ],
)
def test_secrets_match(sent: object, expected: str, same: bool) -> None:
    assert secrets_match(sent, expected) is same
    assert form_token_matches(sent, expected) is same  # the login and invitation forms use the same helper


def test_there_is_one_constant_time_comparison_in_makna() -> None:
    found = sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if re.search(r"compare_digest\(", p.read_text(encoding="utf-8"))
    )
    assert found == ["secret_match.py"], found  # the core's, used by the web layer and the .qdpx seal (trust22)
    text = (SRC / "secret_match.py").read_text(encoding="utf-8")
    assert len(re.findall(r"compare_digest\(", text)) == 1
