"""Property: any project (emoji, combining characters, CRLF sources, nested codes, several coders)
survives makna -> qdpx -> makna unchanged."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import makna
from makna.coding import SegmentSpec, code_many
from makna.exchange import export_qdpx, import_project

PIECES = ["a", "b", "ka", " ", "é", "e\u0301", "o\u0308", "😀", "👍🏽", "🇮🇩", "\r\n", "\n", "中", "P: ", ".", "ß"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join).filter(lambda t: t.strip() != "")
names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != "")


@st.composite
def projects(draw: Any) -> dict[str, Any]:
    sources = draw(st.lists(texts, min_size=1, max_size=3))
    n_codes = draw(st.integers(1, 5))
    parents = [draw(st.integers(-1, i - 1)) for i in range(n_codes)]
    code_names = [draw(names) for _ in range(n_codes)]
    # a project stores no NUL (PostgreSQL text cannot): a code definition with one is refused (#12)
    memo = draw(st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), min_size=0, max_size=20))
    segs = draw(st.lists(st.tuples(st.integers(0, len(sources) - 1), st.integers(0, 40), st.integers(1, 40),
                                   st.integers(0, n_codes - 1), st.sampled_from(["ana", "budi"])), max_size=12))
    parallel = draw(st.booleans())  # read the XML in this process or in the scanner's child process
    return {"sources": sources, "parents": parents, "names": code_names, "segs": segs, "memo": memo,
            "parallel": parallel}


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(spec=projects())
def test_round_trip_property(snap: Callable[[makna.Project], dict[str, Any]], spec: dict[str, Any]) -> None:
    snapshot = snap  # a plain function from the exchange tests' conftest; no state between examples

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with makna.create_project(folder / "a.makna", "P 😀", coder="tester") as proj:
            lengths = []
            for i, text in enumerate(spec["sources"]):
                lengths.append(makna.import_text(proj, f"s{i}", text, language="id", allow_duplicate=True).length)
            for i, (parent, name) in enumerate(zip(spec["parents"], spec["names"], strict=True)):
                makna.add_code(proj, f"c{i}", name, parent=f"c{parent}" if parent >= 0 else None,
                               definition=spec["memo"])
            specs = {}
            for src, a, b, code, coder in spec["segs"]:
                start, end = sorted((a % (lengths[src] + 1), b % (lengths[src] + 1)))
                if start < end:
                    specs[(src, start, end, code, coder)] = SegmentSpec(f"s{src}", start, end, f"c{code}")
            for coder in ("ana", "budi"):
                mine = [s for k, s in specs.items() if k[4] == coder]
                if mine:
                    code_many(proj, mine, coder=coder)
            if spec["memo"].strip():
                makna.add_memo(proj, "source", "s0", spec["memo"])
            before = snapshot(proj)
            export_qdpx(proj, folder / "a.qdpx")
        report = import_project(folder / "a.qdpx", folder / "b.makna", parallel=spec["parallel"])
        assert report.unmapped == []
        with makna.open_project(folder / "b.makna") as again:
            after = snapshot(again)
    for key in before:
        assert after[key] == before[key], key
