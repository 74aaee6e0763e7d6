"""English names by shape, Indonesian beside (english25, issue #11): the open case table.

The open table of ``tests/privacy/english25cases`` (written from the brief's shapes before any change: names without
an honorific, in a chat or meeting header, employers named by an invented word, estates and streets no list
knows, schools and churches, ages and dates in words; look-alikes that must stay undetected: sentence-initial
capitals, apps used as tools, weekdays, months, job titles). Every ``[[...]]`` span found whole as its type, every
``{{...}}`` span left alone by the rules. The sealed third is scored only in aggregate, by
``benchmarks/english25_cases.py --whole --sealed``. The classes this round changed have their own tests
(``test_header_names.py``, ``test_org_spans.py``).
"""

from __future__ import annotations

from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy.types import PII_TYPES

_FOLDER = _TABLE.CASES.parent / "english25cases"

_KNOWN: frozenset[str] = frozenset(
    {
        "A: He got taken on by [[Ozivex]] doing deliveries.",
        "A: I only knew her as [[Ama]], she sold kenkey by the lorry park.",
        "A: The {{Team Leader}} said it came from {{Head Office}}.",
    }
)
"""Open cases outside the classes this round changed (an invented employer after "taken on by" typed PERSON; a
name after "knew her as"; a department taken for a place): strict expected failures, so a fix shows."""


@open_cases("english25cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True, alarms=frozenset(PII_TYPES), whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)
