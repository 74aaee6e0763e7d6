"""Disagreement listing (records, CSV, HTML) and the resolution step, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.agreement import (
    AgreementScope,
    disagreements_csv,
    disagreements_html,
    list_disagreements,
    project_agreement,
    resolve,
    resolve_bulk,
)
from makna.errors import AgreementError


def _three_coders(project: Any) -> None:
    text = "First sentence here. Second one follows. Third closes it."
    makna.import_text(project, "doc", text)
    for key in ("A", "B"):
        makna.add_code(project, key)
    makna.code_span(project, "doc", 0, 20, "A", coder="ana")
    makna.code_span(project, "doc", 0, 20, "A", coder="ben")
    makna.code_span(project, "doc", 0, 20, "A", coder="cy")
    makna.code_span(project, "doc", 21, 40, "B", coder="ana")
    makna.code_span(project, "doc", 21, 40, "B", coder="ben")
    makna.code_span(project, "doc", 21, 40, "A", coder="cy")
    makna.code_span(project, "doc", 41, 57, "A", coder="ana")


def test_listing_sentences(project: Any) -> None:
    _three_coders(project)
    listing = list_disagreements(project, AgreementScope(unit="sentence"))
    assert listing.coders == ("ana", "ben", "cy")
    assert [(r.start, r.end) for r in listing.rows] == [(21, 40), (41, 57)]
    second, third = listing.rows
    assert second.text == "Second one follows."
    assert second.codes == {"ana": ("B",), "ben": ("B",), "cy": ("A",)}
    assert second.disputed == ("A", "B") and second.agreed == ()
    assert third.codes == {"ana": ("A",), "ben": (), "cy": ()}
    assert third.unit == "sentence 3"
    rec = listing.records()[0]
    assert rec["cy"] == "A" and rec["disputed"] == "A; B"


def test_listing_characters_merges_runs(project: Any) -> None:
    makna.import_text(project, "doc", "abcdefghijklmnopqrst")
    makna.add_code(project, "A")
    makna.code_span(project, "doc", 0, 10, "A", coder="ana")
    makna.code_span(project, "doc", 2, 12, "A", coder="ben")
    listing = list_disagreements(project)
    assert [(r.start, r.end, r.text) for r in listing.rows] == [(0, 2, "ab"), (10, 12, "kl")]
    assert listing.rows[0].codes == {"ana": ("A",), "ben": ()}


def test_listing_absent_coder_and_agreement(project: Any) -> None:
    makna.import_text(project, "doc", "abcdefghijklmnopqrst")
    makna.import_text(project, "other", "zyxwvutsrq")
    makna.add_code(project, "A")
    for coder in ("ana", "ben"):
        makna.code_span(project, "doc", 0, 10, "A", coder=coder)
    makna.code_span(project, "other", 0, 5, "A", coder="ana")
    makna.code_span(project, "other", 0, 4, "A", coder="cy")
    listing = list_disagreements(project, AgreementScope(unit="document"))
    assert listing.rows == ()
    assert "agree on every unit" in disagreements_html(listing)
    chars = list_disagreements(project)
    assert [(r.source, r.start, r.end) for r in chars.rows] == [("other", 4, 5)]
    assert chars.rows[0].codes == {"ana": ("A",), "ben": None, "cy": ()}
    assert chars.records()[0]["ben"] == "(did not code this source)"


def test_csv_and_html_escape_transcripts(project: Any, tmp_path: Path) -> None:
    evil = 'I: <script>alert("x")</script> & "quotes" <b>bold</b>'
    makna.import_text(project, "<img src=x onerror=alert(1)>", evil)
    makna.add_code(project, "<i>code&")
    makna.code_span(project, "<img src=x onerror=alert(1)>", 0, len(evil), "<i>code&", coder="<b>ana</b>")
    makna.code_span(project, "<img src=x onerror=alert(1)>", 0, 3, "<i>code&", coder="ben")
    listing = list_disagreements(project)
    page = disagreements_html(listing, title="<script>t</script>")
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;ana&lt;/b&gt;" in page and "&lt;i&gt;code&amp;" in page
    assert page.startswith("<!DOCTYPE html>") and "<link" not in page and "src=" not in page.replace(
        "src=x", "")
    rows = list(csv.DictReader(io.StringIO(disagreements_csv(listing))))
    assert rows[0]["text"] == evil[3:]
    assert rows[0]["<b>ana</b>"] == "<i>code&" and rows[0]["ben"] == ""


def test_resolve_one_span(project: Any) -> None:
    _three_coders(project)
    done = resolve(project, "doc", 21, 40, ["B"])
    assert done.created == 1
    again = resolve(project, "doc", 21, 40, ["B"])
    assert (again.created, again.skipped_duplicates) == (0, 1)
    coders = {c.name: c.kind for c in project.coders()}
    assert coders["consensus"] == "person"
    segs = makna.retrieve(project, coder="consensus")
    assert [(s.start, s.end, s.code_key) for s in segs] == [(21, 40, "B")]
    # the consensus coder is not compared by default
    assert project_agreement(project, AgreementScope(unit="sentence")).coders == ("ana", "ben", "cy")
    with pytest.raises(AgreementError, match="no code"):
        resolve(project, "doc", 0, 5, [])
    with pytest.raises(makna.errors.OffsetError):
        resolve(project, "doc", 0, 500, ["A"])


@pytest.mark.parametrize(
    ("rule", "accept", "expected"),
    [
        ("agreed", None, [(0, 20, "A")]),
        ("majority", None, [(0, 20, "A"), (21, 40, "B")]),
        ("union", None, [(0, 20, "A"), (21, 40, "A"), (41, 57, "A"), (21, 40, "B")]),
        ("coder", "cy", [(0, 20, "A")]),
        ("coder", "ana", [(0, 20, "A"), (21, 40, "B")]),
    ],
)
def test_resolve_bulk_rules(project: Any, rule: str, accept: str | None, expected: list[Any]) -> None:
    _three_coders(project)
    scope = AgreementScope(unit="sentence")
    dry = resolve_bulk(project, scope, rule=rule, accept=accept, dry_run=True)
    assert [(s.start, s.end, s.code) for s in dry.segments] == expected
    assert makna.retrieve(project, coder="ana") and dry.created == 0
    res = resolve_bulk(project, scope, rule=rule, accept=accept)
    assert res.created == len(expected)
    got = sorted((s.start, s.end, s.code_key) for s in makna.retrieve(project, coder="consensus"))
    assert got == sorted(expected)
    assert resolve_bulk(project, scope, rule=rule, accept=accept).skipped_duplicates == len(expected)


def test_resolve_bulk_characters_keeps_boundaries(project: Any) -> None:
    makna.import_text(project, "doc", "abcdefghijklmnopqrst")
    makna.add_code(project, "A")
    makna.code_span(project, "doc", 0, 10, "A", coder="ana")
    makna.code_span(project, "doc", 2, 12, "A", coder="ben")
    res = resolve_bulk(project, rule="agreed")
    assert [(s.start, s.end) for s in res.segments] == [(2, 10)]
    union = resolve_bulk(project, rule="union", dry_run=True)
    assert [(s.start, s.end) for s in union.segments] == [(0, 12)]


def test_resolve_bulk_bad_input(project: Any) -> None:
    _three_coders(project)
    with pytest.raises(AgreementError, match="unknown rule"):
        resolve_bulk(project, rule="vote")
    with pytest.raises(AgreementError, match="needs the coder"):
        resolve_bulk(project, rule="coder")
    with pytest.raises(AgreementError, match="not among the compared"):
        resolve_bulk(project, rule="coder", accept="zed")
    with pytest.raises(AgreementError, match="document units"):
        resolve_bulk(project, AgreementScope(unit="document"))
    with pytest.raises(AgreementError, match="consensus coder"):
        resolve_bulk(project, AgreementScope(coders=["ana", "consensus"]))


# ----------------------------------------------------------------------------- the dev corpus
def _load_dev(project: Any, shared: Path) -> list[dict[str, Any]]:
    folder = shared / "eval-corpus" / "dev"
    book = json.loads((folder / "codebook.json").read_text(encoding="utf-8"))
    for cb in book["codebooks"]:
        for code in cb["codes"]:
            makna.add_code(project, code["id"], code["name"]["en"], parent=code["parent"])
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("dev-*.json"))]
    for d in docs:
        makna.import_text(project, d["id"], d["text"], language=d["language"])
    return docs


def test_dev_corpus_one_changed_code_is_the_only_disagreement(project: Any, shared_dir: Path) -> None:
    docs = _load_dev(project, shared_dir)
    leaves = sorted({c for d in docs for s in d["segments"] for c in s["codes"]})
    changed: tuple[str, int, int, str, str] | None = None
    for coder in ("A", "B"):
        specs = []
        for d in docs:
            for seg in d["segments"]:
                for code in seg["codes"]:
                    if coder == "B" and changed is None and d["id"] == "dev-id-02":
                        other = next(c for c in leaves if c not in seg["codes"] and c.split(".")[0] == code.split(".")[0])
                        changed = (d["id"], seg["start"], seg["end"], code, other)
                        code = other
                    specs.append(makna.SegmentSpec(d["id"], seg["start"], seg["end"], code))
        makna.code_many(project, specs, coder=coder)
    assert changed is not None
    source, start, end, old, new = changed
    for unit in ("turn", "characters", "sentence"):
        listing = list_disagreements(project, AgreementScope(unit=unit))
        assert len(listing.sources) == len(docs)
        if unit == "sentence":
            assert listing.rows and all(r.source == source and start <= r.start < r.end <= end for r in listing.rows)
            continue
        assert len(listing.rows) == 1, unit
        row = listing.rows[0]
        assert (row.source, row.disputed) == (source, tuple(sorted((old, new))))
        assert (row.start, row.end) == (start, end)
        assert row.text.startswith("I:")
        assert new in row.codes["B"] and old in row.codes["A"]
    res = project_agreement(project, AgreementScope(unit="turn"))
    for ca in res.per_code:
        pa = ca.results["percent_agreement"].value
        assert pa == pytest.approx(1.0) if ca.code not in (old, new) else pa < 1.0
