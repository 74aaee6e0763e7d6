"""trial17 #11: a code split into new codes, the codings chosen for each moving with their coders, memos and times;
one transaction, one ``code.split`` event; refused in one line, nothing changed. On every backend of ``project``."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

import makna
from makna.access import Access
from makna.codebook_split import SplitPart, split_code
from makna.errors import CodebookError, ConflictError, InputError, PermissionDeniedError, UnknownCodeError
from makna.history import undo
from makna.memos import add_memo, list_memos
from makna.project import Project
from makna.store import tables

TEXT = "I: What did it cost? 😊 Ñ\nP: The school fees, and the bus to the clinic.\nP: Fees again in March.\n"


def _coded(project: Project) -> dict[tuple[str, str], Any]:
    """Code 'cost' on three spans by 'tester' and on one of them by 'dewi' too; a memo on the code and on a
    coding. Returns the codings by (coder, word)."""
    makna.import_text(project, "s1", TEXT, language="en")
    makna.add_code(project, "exp", "Experiences")
    makna.add_code(project, "exp.cost", "Cost", definition="what it cost them")
    out = {}
    for word in ("school fees", "bus to the clinic", "Fees again"):
        start = TEXT.index(word)
        out["tester", word] = makna.code_span(project, "s1", start, start + len(word), "exp.cost")
    start = TEXT.index("school fees")
    out["dewi", "school fees"] = makna.code_span(
        project, "s1", start, start + 11, "exp.cost", coder="dewi", memo="dewi's own note"
    )
    add_memo(project, "code", "exp.cost", "cost: revise in March")
    add_memo(project, "segment", out["dewi", "school fees"].id, "a fee she paid")
    return out


def _state(project: Project) -> tuple[Any, ...]:
    with project.store.read() as conn:
        segs = sorted(tuple(map(str, r)) for r in conn.execute(select(tables.segments)))
        n_events = conn.execute(select(func.count()).select_from(tables.events)).scalar()
    return tuple(c.key for c in makna.list_codes(project)), tuple(segs), n_events


def test_split_moves_the_chosen_codings_with_their_coders(project: Project) -> None:
    seg = _coded(project)
    result = split_code(
        project,
        "exp.cost",
        [
            SplitPart("exp.cost.fees", "School fees", "fees of any school", matching="FEES"),
            SplitPart("transport", "Transport", segments=(seg["tester", "bus to the clinic"].id,)),
        ],
    )
    assert [(code.key, n) for code, n in result.parts] == [("exp.cost.fees", 3), ("transport", 1)]
    assert result.kept == 0 and not result.removed
    fees = makna.retrieve(project, code="exp.cost.fees")
    assert sorted((s.coder, s.text) for s in fees) == [
        ("dewi", "school fees"),
        ("tester", "Fees again"),
        ("tester", "school fees"),
    ]
    moved = {s.id: s for s in fees}
    before = seg["dewi", "school fees"]
    assert moved[before.id].memo == "dewi's own note" and moved[before.id].created_at == before.created_at
    assert [m.text for m in list_memos(project, "segment", before.id)] == ["a fee she paid"]
    assert [m.text for m in list_memos(project, "code", "exp.cost")] == ["cost: revise in March"]
    assert not makna.retrieve(project, code="exp.cost", descendants=False)
    codes = {c.key: c for c in makna.list_codes(project)}
    assert codes["exp.cost.fees"].parent_id == codes["exp.cost"].id  # a dotted key under its prefix
    assert codes["transport"].parent_id == codes["exp"].id  # any other beside the code split
    assert codes["exp.cost.fees"].definition == "fees of any school" and codes["transport"].name == "Transport"
    event = makna.events(project, limit=1)[0]
    assert event.action == "code.split" and event.actor == "tester"
    assert [(n["key"], n["moved"]) for n in event.payload["new"]] == [("exp.cost.fees", 3), ("transport", 1)]


def test_codings_chosen_for_none_stay_and_undo_takes_it_back(project: Project) -> None:
    seg = _coded(project)
    before = _state(project)
    result = split_code(
        project, "exp.cost", [SplitPart("exp.cost.bus", segments=(seg["tester", "bus to the clinic"].id,))]
    )
    assert result.kept == 3
    assert sorted(s.text for s in makna.retrieve(project, code="exp.cost", descendants=False)) == [
        "Fees again",
        "school fees",
        "school fees",
    ]
    undo(project)
    assert _state(project)[:2] == before[:2]


def test_every_coder_brings_the_other_codings_of_the_span(project: Project) -> None:
    seg = _coded(project)
    split_code(project, "exp.cost", [SplitPart("fees", segments=(seg["dewi", "school fees"].id,))])
    assert [s.coder for s in makna.retrieve(project, code="fees")] == ["dewi"]  # that coding alone
    undo(project)
    chosen = (seg["tester", "school fees"].id,)
    result = split_code(project, "exp.cost", [SplitPart("fees", segments=chosen)], every_coder=True)
    assert result.parts[0][1] == 2 and result.kept == 2
    assert sorted(s.coder for s in makna.retrieve(project, code="fees")) == ["dewi", "tester"]


def test_refused_in_one_line_with_nothing_changed(project: Project) -> None:
    seg = _coded(project)
    makna.add_code(project, "other")
    other = makna.code_span(project, "s1", 0, 4, "other")
    before = _state(project)
    for parts, key, error, words in (
        ([SplitPart("x", matching="fees")], "exp.nope", UnknownCodeError, "unknown code 'exp.nope'"),
        (
            [SplitPart("x", segments=(other.id,))],
            "exp.cost",
            ConflictError,
            f"segment '{other.id}' is not coded with 'exp.cost'",
        ),
        ([SplitPart("x", segments=("no-such-id",))], "exp.cost", ConflictError, "'no-such-id' is not coded with"),
        ([SplitPart("other", matching="fees")], "exp.cost", CodebookError, "code 'other' exists already"),
        ([SplitPart("x", matching="rent")], "exp.cost", ConflictError, "search 'rent' finds none"),
        (
            [SplitPart("x", matching="fees"), SplitPart("y", segments=(seg["tester", "Fees again"].id,))],
            "exp.cost",
            ConflictError,
            "chosen for both 'x' and 'y'",
        ),
        ([SplitPart("x")], "exp.cost", InputError, "choose its codings"),
        ([], "exp.cost", InputError, "at least one new code"),
        (
            [SplitPart("x", matching="fees")],
            "exp.cost",
            ConflictError,
            r"1 coding\(s\) of 'exp.cost' are chosen for no",
        ),
    ):
        with pytest.raises(error, match=words) as info:
            split_code(project, key, parts, remove=words.startswith("1 coding"))
        assert "\n" not in str(info.value)
        assert _state(project) == before


def test_remove_moves_its_memos_to_the_first_new_code(project: Project) -> None:
    _coded(project)
    split_code(project, "exp.cost", [SplitPart("fees", matching="fees"), SplitPart("bus", matching="bus")], remove=True)
    assert "exp.cost" not in {c.key for c in makna.list_codes(project)}
    assert [m.text for m in list_memos(project, "code", "fees")] == ["cost: revise in March"]
    with pytest.raises(UnknownCodeError, match="'exp.cost' was split into 'fees', 'bus' by tester"):
        makna.retrieve(project, code="exp.cost")
    with pytest.raises(ConflictError, match="cannot go under 'fees' when it is removed"):
        split_code(
            project,
            "fees",
            [SplitPart("fees.school", matching="school"), SplitPart("again", matching="again")],
            remove=True,
        )


def test_a_coder_may_not_split(project: Project) -> None:
    _coded(project)
    project.store.access = Access({"tester": "owner", "budi": "coder"})
    try:
        budi = Project(store=project.store, location=project.location, coder_name="budi")
        with pytest.raises(PermissionDeniedError):
            split_code(budi, "exp.cost", [SplitPart("fees", matching="fees")])
    finally:
        project.store.access = None


def test_the_split_uses_the_codebook_s_public_steps_only() -> None:
    """review28: the split adds its codes through :mod:`makna.codebook`'s public steps, no private name of it."""
    import ast
    from pathlib import Path

    import makna.codebook_split as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    private = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []
