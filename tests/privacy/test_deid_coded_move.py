"""A coded source is de-identified with its codings and linked spans moved through the replacements (#11,
trial13 #3): each coding's text after apply is its text before with every identifier it touched replaced by its
surrogate (an edge inside an identifier goes to its replacement's edge), the coders' agreement by sentence is
unchanged, undo stops at the apply, and no original survives in the project, the ``.qdpx`` export or the
report. Fictional text."""

from __future__ import annotations

import html
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

import makna
from makna.agreement import AgreementScope
from makna.errors import MaknaError
from makna.history import NothingToUndoError, redoable, undo, undoable
from makna.privacy.project import add_detection, decide_all, deid_status, scan
from makna.privacy.project_apply import apply
from makna.store import tables

PASS = "correct horse battery staple"
WORDS = ("rain", "work", "market", "bus", "river", "shop", "tea", "night", "shift", "rent", "road", "friend")
NAMES = ("Zorbeth Quillan", "Marisol Teague", "Odunayo Fenwick", "Wirasena Pohan")


def _codings(project: Any) -> dict[str, tuple[int, int, str, str]]:
    g = tables.segments.c
    with project.store.read() as conn:
        return {
            str(r.id): (r.start, r.end, str(r.code_id), str(r.coder_id))
            for r in conn.execute(select(g.id, g.start, g.end, g.code_id, g.coder_id))
        }


def _expected(before: str, after: str, reps: list[dict[str, Any]], start: int, end: int) -> str:
    """``before[start:end]``, its edges widened to the identifiers they cut, each identifier replaced."""
    for r in reps:
        if r["start"] < start < r["end"]:
            start = r["start"]
        if r["start"] < end < r["end"]:
            end = r["end"]
    out, pos = [], start
    for r in sorted(reps, key=lambda r: r["start"]):
        if start <= r["start"] and r["end"] <= end:
            out += [before[pos : r["start"]], after[r["new_start"] : r["new_end"]]]
            pos = r["end"]
    return "".join(out) + before[pos:end]


sentences = st.lists(st.lists(st.sampled_from(WORDS + NAMES), min_size=3, max_size=7), min_size=2, max_size=5)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)  # shrinking a project per example is slow
@given(
    sentences,
    st.lists(
        st.tuples(st.floats(0, 1), st.floats(0, 1), st.sampled_from(["tester", "kedua"]), st.sampled_from(["A", "B"])),
        min_size=1,
        max_size=8,
    ),
)
def test_codings_follow_the_replacements(words: list[list[str]], drawn: list[tuple[float, float, str, str]]) -> None:
    text = " ".join(" ".join(s).capitalize() + "." for s in words) + "\n"
    with tempfile.TemporaryDirectory() as tmp, makna.create_project(Path(tmp) / "p.makna", coder="tester") as p:
        makna.import_text(p, "a.txt", text, language="en")
        for code in ("A", "B"):
            makna.add_code(p, code)
        first = text.index(".") + 1
        for a, b, coder, code in [(0.0, first / len(text), "tester", "A"), (0.0, 4 / len(text), "kedua", "A"), *drawn]:
            start, end = sorted((int(a * len(text)), int(b * len(text))))
            if end > start:
                try:
                    makna.code_span(p, "a.txt", start, end, code, coder=coder)
                except MaknaError:  # the same coding twice
                    pass
        scan(p)
        for name in NAMES:
            if (i := text.find(name)) >= 0:
                try:
                    add_detection(p, "a.txt", i, i + len(name), "PERSON")
                except MaknaError:  # it overlaps a detection already there
                    pass
        scan(p)
        scope = AgreementScope(unit="sentence")
        agreement = makna.project_agreement(p, scope).rows()
        before = _codings(p)
        apply(p, Path(tmp) / "k.key", PASS, mode="tag", include_pending=True)
        after_text = makna.get_source(p, "a.txt").text
        with p.store.read() as conn:
            reps = list(conn.execute(select(tables.deid_sources.c.replacements)).scalar_one())
        after = _codings(p)
        for sid, (start, end, code, coder) in before.items():
            want = _expected(text, after_text, reps, start, end)
            if sid in after:
                got = after[sid]
                assert after_text[got[0] : got[1]] == want and got[2:] == (code, coder)
            else:  # merged with another of its coder and code that landed on the same span
                assert any(after_text[s:e] == want and (c, k) == (code, coder) for s, e, c, k in after.values())
        assert makna.project_agreement(p, scope).rows() == agreement
        status = {s.source: s for s in deid_status(p)}["a.txt"]
        assert status.applied and status.replaced == len(reps)
        with pytest.raises(NothingToUndoError, match="cannot be undone"):
            undo(p)
        assert redoable(p) == [] and undoable(p) == []
        merged = sum(
            int(e.payload.get("codings_merged", 0))
            for e in makna.events(p, action="deid.apply")
            if "source_id" in e.payload
        )
        assert merged == len(before) - len(after)


TEXT = (
    "P: Who showed you the work?\n"
    "I: My cousin Zorbeth Quillan, she lives on Harbeck Lane. Call her on 07700 900461.\n"
    "P: And the agency?\n"
    "I: Zorbeth said the agency was fine.\n"
)
PLANTED = ("Zorbeth", "Quillan", "Harbeck", "900461")


def test_no_original_survives_a_coded_apply(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "a.txt", TEXT, language="en")
    makna.add_code(project, "family", "Family")
    i = TEXT.index("My cousin")
    makna.code_span(project, "a.txt", i, TEXT.index(" Call"), "family")  # holds a name and a street
    j = TEXT.index("Zorbeth said")
    makna.code_span(project, "a.txt", j + 2, j + 7, "family", coder="kedua", memo="Zorbeth again")  # inside the name
    makna.code_span(project, "a.txt", j + 3, j + 6, "family", coder="kedua")  # inside it too: the two become one
    makna.add_case(project, "Informant 2")
    makna.link_source(project, "Informant 2", "a.txt", i, i + 20)
    for _ in range(2):
        scan(project)
        decide_all(project, "accepted")
    for name in ("Harbeck Lane", "Zorbeth Quillan"):
        if not any(e.text == name for e in makna.privacy.project.review_entries(project)):
            add_detection(
                project,
                "a.txt",
                TEXT.index(name),
                TEXT.index(name) + len(name),
                "ADDRESS" if "Lane" in name else "PERSON",
            )
    scan(project)
    decide_all(project, "accepted")
    report = apply(project, tmp_path / "k.key", PASS)
    assert report.sources == ["a.txt"] and not report.left_out
    text = makna.get_source(project, "a.txt").text
    assert not any(s in text for s in PLANTED)
    spans = sorted((s, e) for s, e, _c, _k in _codings(project).values())
    assert len(spans) == 2 and all(text[s:e].strip() == text[s:e] for s, e in spans)
    applied = [e.payload for e in makna.events(project, action="deid.apply") if "source_id" in e.payload]
    assert [p["codings_merged"] for p in applied] == [1]
    assert text[spans[0][0] : spans[0][1]].startswith("My cousin ") and "Call" not in text[spans[0][0] : spans[0][1]]
    ((s, e),) = [(x.start, x.end) for x in makna.list_links(project) if x.start is not None and x.end is not None]
    assert text[s:e].startswith("My cousin ") and not text[e].isalnum()  # its end went to the surrogate's end
    makna.export_qdpx(project, tmp_path / "out.qdpx")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as z:
        exported = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    files = makna.write_report(project, tmp_path / "report", lang="en", png=False)
    written = "".join(f.read_text(encoding="utf-8") for f in (files.html, files.markdown))
    word = _docx_text(files.docx)  # teamtrust25: the .docx too (a zip of XML whose runs may split a word)
    assert "My cousin" in word  # the quote of the coding is in it: the grep reads the document's text
    stored = _project_bytes(project)
    for blob, where in ((exported, "qdpx"), (written, "report"), (word, "report.docx"), (stored, "project")):
        assert not [s for s in PLANTED if s in blob], where


def _docx_text(path: Path) -> str:
    """Every member of a .docx as it is, then each paragraph's text with its runs joined (a word split over two
    runs of Word XML is whole there)."""
    with zipfile.ZipFile(path) as z:
        raw = [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
    paragraphs = [
        "".join(html.unescape(t) for t in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", p))
        for member in raw
        for p in re.findall(r"<w:p[\s>].*?</w:p>", member, flags=re.S)
    ]
    return "\n".join([*raw, *paragraphs])


def _project_bytes(project: Any) -> str:
    """Every byte of an SQLite project (file and WAL), or every table's rows on PostgreSQL."""
    path = project.store.path
    if path is not None:
        return b"".join(p.read_bytes() for p in (Path(path), Path(f"{path}-wal")) if p.exists()).decode(
            "utf-8", "replace"
        )
    with project.store.read() as conn:
        return json.dumps(
            [[list(r) for r in conn.execute(select(t)).all()] for t in tables.metadata.sorted_tables],
            default=str,
            ensure_ascii=False,
        )
