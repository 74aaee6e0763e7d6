"""Cases, typed attributes, links, and the cases file formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import makna
from makna.errors import ConflictError, InputError, NotFoundError, OffsetError, UnknownCaseError


def test_typed_attributes(project: makna.Project) -> None:
    for name, kind in (("age", "integer"), ("score", "float"), ("since", "date"), ("raided", "boolean"), ("city", "text")):
        makna.define_attribute(project, name, kind)
    case = makna.add_case(project, "Informan 1", values={"age": "24", "score": 1.5, "since": "2021-03-01",
                                                         "raided": "ya", "city": "Padang"})
    assert case.values == {"age": 24, "score": 1.5, "since": dt.date(2021, 3, 1), "raided": True, "city": "Padang"}
    case = makna.set_values(project, "Informan 1", {"age": 25, "city": ""})
    assert case.values["age"] == 25 and "city" not in case.values


@pytest.mark.parametrize(
    ("kind", "value"),
    [("integer", "dua"), ("integer", 2.5), ("float", "x"), ("date", "31/12/2023"), ("boolean", "mungkin")],
)
def test_bad_values_change_nothing(project: makna.Project, kind: str, value: object) -> None:
    makna.define_attribute(project, "a", kind)
    with pytest.raises(InputError, match="not a valid"):
        makna.add_case(project, "C", values={"a": value})
    assert makna.list_cases(project) == []


def test_errors(project: makna.Project) -> None:
    with pytest.raises(InputError, match="unknown type"):
        makna.define_attribute(project, "a", "colour")
    makna.define_attribute(project, "a", "text")
    with pytest.raises(ConflictError, match="exists with type text"):
        makna.define_attribute(project, "a", "integer")
    with pytest.raises(NotFoundError, match="unknown attribute 'b'"):
        makna.add_case(project, "C", values={"b": 1})
    makna.add_case(project, "C")
    with pytest.raises(ConflictError, match="exists already"):
        makna.add_case(project, "C")
    with pytest.raises(UnknownCaseError):
        makna.set_values(project, "D", {"a": "x"})


def test_links(project: makna.Project) -> None:
    makna.import_text(project, "s", "P: a\nI: b\nP: c\nI: d")
    makna.add_case(project, "C")
    makna.link_source(project, "C", "s")
    with pytest.raises(ConflictError):
        makna.link_source(project, "C", "s")
    makna.link_source(project, "C", "s", 0, 4)
    with pytest.raises(OffsetError):
        makna.link_source(project, "C", "s", 0, 99)
    with pytest.raises(InputError, match="both start and end"):
        makna.link_source(project, "C", "s", 0, None)
    assert len(makna.list_links(project)) == 2
    assert makna.unlink_source(project, "C", "s") == 2


def test_cases_yaml_and_csv(project: makna.Project, tmp_path: Path) -> None:
    makna.import_text(project, "a.txt", "P: a\nI: b")
    y = tmp_path / "cases.yaml"
    y.write_text(
        "attributes:\n  - {name: umur, type: integer}\ncases:\n"
        "  - name: Informan 1\n    sources: [a.txt]\n    values: {umur: 24}\n", encoding="utf-8")
    assert makna.load_cases_file(project, y).added == 1
    c = tmp_path / "more.csv"
    c.write_text("name,umur,asal,sources\nInforman 2,30,Padang,\n", encoding="utf-8")
    assert makna.load_cases_file(project, c).added == 1
    cases = {x.name: x.values for x in makna.list_cases(project)}
    assert cases == {"Informan 1": {"umur": 24}, "Informan 2": {"umur": 30, "asal": "Padang"}}


def test_cases_file_is_all_or_nothing(project: makna.Project, tmp_path: Path) -> None:
    y = tmp_path / "cases.yaml"
    y.write_text("cases:\n  - name: A\n  - name: B\n    sources: [missing.txt]\n", encoding="utf-8")
    with pytest.raises(makna.MaknaError, match="missing.txt"):
        makna.load_cases_file(project, y)
    assert makna.list_cases(project) == []
    bad = tmp_path / "bad.yaml"
    bad.write_text("cases: [", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid YAML"):
        makna.load_cases_file(project, bad)


@pytest.mark.parametrize("case,message", [
    ({"name": "Ani", "values": ["Padang"]}, "'values' must map"),
    ({"name": "Ani", "sources": "s1"}, "'sources' must be a list"),
])
def test_load_cases_shapes(project: makna.Project, case: dict[str, object], message: str) -> None:
    """A YAML shape mistake is one InputError naming the case, and nothing is added."""
    makna.import_text(project, "s1", "P: q\nI: a")
    with pytest.raises(InputError, match=f"case 'Ani': {message}"):
        makna.load_cases(project, {"cases": [case]})
    assert makna.list_cases(project) == []


def test_cases_file_imported_again_updates_in_place(project: makna.Project, tmp_path: Path) -> None:
    """#12: importing an edited cases file failed ('exists already'); now it updates, as one event."""
    makna.import_text(project, "a.txt", "P: a\nI: b")
    makna.import_text(project, "b.txt", "P: c\nI: d")
    y = tmp_path / "cases.yaml"
    y.write_text("attributes:\n  - {name: umur, type: integer}\n  - {name: asal}\ncases:\n"
                 "  - name: Informan 1\n    sources: [a.txt]\n    values: {umur: 24, asal: Padang}\n"
                 "  - name: Informan 2\n    values: {umur: 30}\n", encoding="utf-8")
    first = makna.load_cases_file(project, y)
    assert (first.added, first.updated, first.unchanged, first.attributes) == (2, 0, 0, 2)
    events = len(makna.events(project, limit=1000))
    y.write_text("attributes:\n  - {name: umur, type: integer}\ncases:\n"
                 "  - name: Informan 1\n    description: Pedagang\n    sources: [a.txt, b.txt]\n"
                 "    values: {umur: 25, asal: ''}\n"
                 "  - name: Informan 2\n    values: {umur: 30}\n", encoding="utf-8")
    again = makna.load_cases_file(project, y)
    assert (again.added, again.updated, again.unchanged) == (0, 1, 1)
    assert again.changes == ("Informan 1: description, umur 24 -> 25, asal Padang -> (none), linked b.txt",)
    log = makna.events(project, limit=1000)
    assert len(log) == events + 1 and log[0].action == "cases.import"
    assert log[0].payload["updated"] == 1
    cases = {x.name: (x.description, x.values) for x in makna.list_cases(project)}
    assert cases["Informan 1"] == ("Pedagang", {"umur": 25})
    assert len(makna.list_links(project)) == 2
    y.write_text("cases:\n  - name: Informan 1\n    values: {umur: dua}\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid integer"):
        makna.load_cases_file(project, y)
    assert len(makna.events(project, limit=1000)) == events + 1
