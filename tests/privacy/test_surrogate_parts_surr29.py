"""A surrogate's part typed in a field after the apply (surr29, trial19 #1's remainder, issue #11 section 4).

trial19 kept a whole surrogate (``Nathan Cannon``) typed in a memo below README's 0.5, but its first name alone
(``Nathan``) was still proposed at 0.7-0.99 by the field scan and held back by a coder's push. A word of a person's
surrogate is now kept low too, but only where no original of the project shares it: the key's originals (``deid
scan --key``), the texts the project still holds unreplaced, and, without the key, the applies' word that none of
the key's originals shares a surrogate's word (:func:`makna.privacy.field_surrogates.vouch_parts`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import makna
from makna.privacy.field_surrogates import SURROGATE_CONFIDENCE, free_parts, vouch_parts, vouched
from makna.privacy.project import decide, decide_all, review_entries
from makna.sync.push_scan import PushScan

PASS = "kabut ngarai sawah rangkiang"
TEXT = (
    "Moderator: Where do you work?\n"
    "Participant 1: I'm Margaret Ellison, I visit clients in Headingley.\n"
    "Moderator: Who sorts the pay?\n"
    "Participant 1: My manager Tom Whitaker does. Call me on 07700 900461.\n"
)


def _applied(project: makna.Project, key: Path) -> tuple[str, str]:
    """The project de-identified as README says; returns the surrogate of Margaret Ellison, first and last name."""
    makna.import_text(project, "fg.txt", TEXT, language="en")
    makna.deid_scan(project)
    decide(project, [e.id for e in review_entries(project) if e.confidence >= 0.5], "accepted")
    decide_all(project, "rejected")
    makna.deid_apply(project, key, PASS)
    text = makna.get_source(project, "fg.txt").text
    found = re.search(r"I'm (\S+) ([^\s,]+),", text)
    assert found and "Margaret" not in text
    return found.group(1), found.group(2)


def _memo_finds(project: makna.Project, memo: str, **kw: object) -> dict[str, tuple[float, str]]:
    makna.add_memo(project, "project", None, memo)
    makna.deid_scan(project, **kw)  # type: ignore[arg-type]
    return {e.text: (e.confidence, e.detector) for e in review_entries(project, status={"pending"})
            if e.field == "memos.text" and e.text in memo}


def _push_finds(project: makna.Project, memo: str) -> list[str]:
    with project.store.read() as conn:
        return PushScan(conn).found(memo)


def test_a_surrogate_part_no_original_shares_is_kept_low(project: makna.Project,
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    first, last = _applied(project, tmp_path_factory.mktemp("keys") / "k.key")
    with project.store.read() as conn:
        assert vouched(conn)  # the apply drew no surrogate word that an original has
        assert {first.casefold(), last.casefold()} <= free_parts(conn)
    memo = f"Mrs {last} was the most fluent; {first} said the agency pays late. Mrs Gwendolyn Pratchett agreed."
    found = _memo_finds(project, memo)
    for part in (first, last):
        if part in found:  # found as a person, then kept for the review to read, below README's 0.5
            assert found[part][0] <= SURROGATE_CONFIDENCE and found[part][1].endswith("+surrogate"), found
    assert last in found  # after "Mrs" a name is found: the test reads something
    assert any(c >= 0.5 for t, (c, _d) in found.items() if "Pratchett" in t), found  # a name no text holds
    assert _push_finds(project, f"Mrs {last} was the most fluent; {first} said so.") == []
    assert _push_finds(project, "Mrs Gwendolyn Pratchett said so.") == ["PERSON"]


def test_a_surrogate_part_an_original_shares_is_still_flagged(project: makna.Project,
                                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    first, last = _applied(project, tmp_path_factory.mktemp("keys") / "k.key")
    memo = f"Mrs {last} said so, and Mrs {last} laughed."
    # the key's originals share it (as a later informant's name would): flagged with the key, never lowered
    found = _memo_finds(project, memo, key_originals=[f"Harriet {last}", "Headingley"])
    assert found[last][0] >= 0.5 and not found[last][1].endswith("+surrogate"), found
    # a text the project still holds unreplaced has it: an original there, flagged with or without the key
    makna.import_text(project, "later.txt", f"Interviewer: Your name?\nCarer: {first} {last}, from Armley.\n",
                      language="en")
    with project.store.read() as conn:
        assert not {first.casefold(), last.casefold()} & free_parts(conn)
    assert "PERSON" in _push_finds(project, memo)


def test_without_the_key_the_applies_vouch(project: makna.Project, tmp_path_factory: pytest.TempPathFactory) -> None:
    first, last = _applied(project, tmp_path_factory.mktemp("keys") / "k.key")
    memo = f"Mrs {last} said so."
    with project.store.write(project.actor, "test.vouch", {}) as conn:
        # an apply whose key holds an original sharing a surrogate's word says so, naming no word
        assert vouch_parts(conn, [("PERSON", f"{first} {last}")], [f"Nora {last}"]) is False
    with project.store.read() as conn:
        assert not vouched(conn) and free_parts(conn) == frozenset()
        assert last.casefold() in free_parts(conn, [])  # with the key (here: no original shares it)
    assert _push_finds(project, memo) == ["PERSON"]
    found = _memo_finds(project, memo)
    assert found[last][0] >= 0.5, found
