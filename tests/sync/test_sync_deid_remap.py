"""fixteam9: codings made offline in a copy pulled before the server's de-identification were
conflicts on push (``source_changed``) and dropped on the next pull. The server now moves them onto
the de-identified text through the apply's public replacement records (:mod:`makna.sync.remap`); a
coding over a replaced identifier keeps the whole replacement. Only one that cannot be followed stays a
conflict. A first pull of sources not de-identified warns that the copy holds the originals (#11)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

import makna
from makna.access import Access
from makna.privacy.project import add_detection, decide_all
from makna.privacy.project_apply import apply
from makna.privacy.replacements import Replacement, map_span
from makna.store import tables
from makna.sync.local import pending, push_message, with_skeletons, write_copy
from makna.sync.server import apply_push, snapshot

ROLES = {"ana": "owner", "budi": "coder"}
TEXT = "P: Siapa nama Ibu?\nI: Nama saya Marlina Yusuf, saya tinggal di Desa Apar dekat pasar.\n"
PASS = "correct horse battery staple"


def _as(project: Any, who: str) -> Any:
    project.store.access = Access(ROLES)  # type: ignore[arg-type]
    return dataclasses.replace(project, coder_name=who)


def _deidentify(project: Any, key: Path) -> None:
    for word in ("Marlina Yusuf", "Desa Apar"):
        add_detection(
            project,
            "s1",
            TEXT.index(word),
            TEXT.index(word) + len(word),
            "PERSON" if word.startswith("M") else "LOCATION",
        )
    decide_all(project, "accepted")
    apply(project, key, PASS)


def test_offline_codings_made_before_the_apply_land_on_the_deidentified_text(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "s1", TEXT, language="id")
    makna.add_code(project, "nama")
    snap = snapshot(_as(project, "budi"))
    assert snap["not_deidentified"] == 1  # the pull says the copy holds the originals
    copy = tmp_path / "budi.makna"
    write_copy(copy, snap, server="https://lab.example", project_id="p1", project_name="Studi", token="t", csrf="c")
    spans = {"name": "Marlina Yusuf", "straddle": "saya Marlina", "after": "dekat pasar", "place": "di Desa Apar"}
    with makna.open_project(copy) as local:
        for words in spans.values():
            makna.code_span(local, "s1", TEXT.index(words), TEXT.index(words) + len(words), "nama")
        message = push_message(local, pending(local))
    _deidentify(_as(project, "ana"), tmp_path / "key.json")
    asked = apply_push(_as(project, "budi"), message)
    assert asked.applied == 0 and list(asked.replaced) == list(message["sources"])  # nothing yet: the spans asked
    with makna.open_project(copy) as local:
        message = with_skeletons(local, message, asked.replaced)
    result = apply_push(_as(project, "budi"), message)
    assert (result.added, result.moved, result.conflicts) == (4, 4, [])
    s = tables.segments.c
    with project.store.read() as conn:
        new_text = conn.execute(select(tables.sources.c.text)).scalar_one()
        got = sorted(new_text[r.start : r.end] for r in conn.execute(select(s.start, s.end)))
    assert "Marlina" not in new_text and "Apar" not in new_text
    name = re.search(r"saya (.+), saya tinggal", new_text)
    assert name is not None
    assert name.group(1) in got  # the coding of the name covers its surrogate, whole
    assert f"saya {name.group(1)}" in got  # one straddling it keeps the whole replacement
    assert "dekat pasar" in got
    assert any(g.startswith("di ") and g != "di Desa Apar" for g in got)
    assert snapshot(_as(project, "budi"))["not_deidentified"] == 0


def test_a_coding_that_cannot_be_followed_stays_a_conflict_in_one_line(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "s1", TEXT, language="id")
    makna.add_code(project, "nama")
    copy = tmp_path / "budi.makna"
    write_copy(
        copy,
        snapshot(_as(project, "budi")),
        server="https://lab.example",
        project_id="p1",
        project_name="Studi",
        token="t",
        csrf="c",
    )
    with makna.open_project(copy) as local:
        makna.code_span(local, "s1", 0, 2, "nama")
        message = push_message(local, pending(local))
    _deidentify(_as(project, "ana"), tmp_path / "key.json")
    message["skeletons"] = {sid: "0" * 64 for sid in message["sources"]}  # not the server's text outside surrogates
    result = apply_push(_as(project, "budi"), message)
    assert result.added == 0 and [c.reason for c in result.conflicts] == ["source_changed"]
    assert "\n" not in result.conflicts[0].message and "cannot be moved" in result.conflicts[0].message


@st.composite
def _texts_and_replacements(draw: Any) -> tuple[str, str, list[Replacement]]:
    words = draw(st.lists(st.text("abcdefgh", min_size=1, max_size=6), min_size=2, max_size=12))
    replaced = draw(st.sets(st.integers(0, len(words) - 1)))
    old: list[str] = []
    new: list[str] = []
    reps = []
    for i, word in enumerate(words):
        if old:
            old.append(" ")
            new.append(" ")
        start, new_start = sum(map(len, old)), sum(map(len, new))
        surrogate = draw(st.text("XYZ", min_size=1, max_size=9)) if i in replaced else word
        old.append(word)
        new.append(surrogate)
        if i in replaced:
            reps.append(
                Replacement(start, start + len(word), new_start, new_start + len(surrogate), "PERSON", word, surrogate)
            )
    return "".join(old), "".join(new), reps


@settings(max_examples=200, deadline=None)
@given(_texts_and_replacements(), st.data())
def test_mapped_offsets_cover_the_same_words(case: tuple[str, str, list[Replacement]], data: Any) -> None:
    old, new, reps = case
    starts = [m.start() for m in re.finditer(r"\S+", old)]
    ends = [m.end() for m in re.finditer(r"\S+", old)]
    i = data.draw(st.integers(0, len(starts) - 1))
    j = data.draw(st.integers(i, len(ends) - 1))
    start, end = map_span(starts[i], ends[j], reps)
    assert new[start:end].split(" ") == new.split(" ")[i : j + 1]
    inner = data.draw(st.integers(starts[i], ends[j] - 1))  # any span inside still maps inside the new words
    a, b = map_span(starts[i], max(inner, starts[i]) + 1, reps)
    assert start <= a < b <= end


def test_makna_push_of_a_coders_copy_says_what_moved(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from makna.cli import app

    path, copy = tmp_path / "studi.makna", tmp_path / "studi-budi.makna"
    with makna.create_project(str(path), "Studi", coder="ana") as proj:
        makna.import_text(proj, "s1", TEXT, language="id")
        makna.add_code(proj, "nama")
    makna.copy_project(path, copy, coder="budi")
    with makna.open_project(str(copy)) as local:
        makna.code_span(local, "s1", TEXT.index("Marlina"), TEXT.index("Marlina") + 7, "nama")
    with makna.open_project(str(path), coder="ana") as proj:
        _deidentify(proj, tmp_path / "key.json")
    result = CliRunner().invoke(app, ["push", str(copy)])
    assert result.exit_code == 0, result.output
    assert (
        "1 added" in result.output
        and "1 coding(s) made before their source was de-identified were moved" in result.output
    )
    with makna.open_project(str(path), coder="ana") as proj:
        (seg,) = makna.retrieve(proj, code="nama")
        assert "Marlina" not in seg.text and seg.text.strip()
