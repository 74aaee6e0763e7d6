"""trial17 #11: 'makna codebook split' moves the codings chosen for each new code (by ids, a file listing them or a
search), each with its coder; refused in one line naming the input, nothing changed. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()
TEXT = "I: What did it cost?\nP: The school fees, and the bus to the clinic.\nP: Fees again in March.\n"


def _run(loc: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "-p", loc], env={"MAKNA_CODER": "tester"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _coded(loc: str) -> None:
    with makna.create_project(loc, "Costs", coder="tester") as proj:
        makna.import_text(proj, "s1", TEXT, language="en")
        makna.add_code(proj, "exp")
        makna.add_code(proj, "exp.cost", "Cost")
        for word in ("school fees", "bus to the clinic", "Fees again"):
            start = TEXT.index(word)
            makna.code_span(proj, "s1", start, start + len(word), "exp.cost")
        start = TEXT.index("bus")
        makna.code_span(proj, "s1", start, start + 17, "exp.cost", coder="dewi")


def _segments(loc: str, code: str) -> list[tuple[str, str]]:
    code_, out = _run(loc, "segments", "--code", code, "--no-descendants", "--format", "json")
    assert code_ == 0
    return sorted((s["coder"], s["text"]) for s in json.loads(out))


def test_split_by_search_ids_and_a_file(project_location: str, tmp_path: Path) -> None:
    loc = project_location
    _coded(loc)
    code, out = _run(loc, "segments", "--code", "exp.cost", "--format", "csv")
    listing = tmp_path / "bus.csv"
    listing.write_text(
        "\n".join(line for line in out.splitlines() if "bus" in line or line.startswith("id,")), encoding="utf-8"
    )
    code, out = _run(
        loc,
        "codebook",
        "split",
        "exp.cost",
        "--into",
        "exp.cost.fees",
        "--into",
        "transport",
        "--matching",
        "exp.cost.fees=fees",
        "--name",
        "exp.cost.fees=School fees",
        "--segments-file",
        f"transport={listing}",
        "--definition",
        "transport=getting there",
    )
    assert code == 0, out
    assert out.strip() == "Split exp.cost: 2 coding(s) to exp.cost.fees; 2 coding(s) to transport; 0 stay on exp.cost."
    assert _segments(loc, "exp.cost.fees") == [("tester", "Fees again"), ("tester", "school fees")]
    assert _segments(loc, "transport") == [("dewi", "bus to the clinic"), ("tester", "bus to the clinic")]
    code, out = _run(loc, "codebook", "--format", "json")
    codes = {c["key"]: c for c in json.loads(out)}
    assert codes["exp.cost.fees"]["name"] == "School fees" and codes["exp.cost.fees"]["parent"] == "exp.cost"
    assert codes["transport"]["parent"] == "exp" and codes["transport"]["definition"] == "getting there"
    tester = [
        s["id"]
        for s in json.loads(_run(loc, "segments", "--code", "transport", "--coder", "tester", "--format", "json")[1])
    ]
    code, out = _run(
        loc, "codebook", "split", "transport", "--into", "clinic", "--segments", tester[0], "--every-coder"
    )
    assert code == 0 and out.strip() == "Split transport: 2 coding(s) to clinic; 0 stay on transport."
    assert _segments(loc, "clinic") == [("dewi", "bus to the clinic"), ("tester", "bus to the clinic")]
    ids = [s["id"] for s in json.loads(_run(loc, "segments", "--code", "clinic", "--format", "json")[1])]
    code, out = _run(loc, "codebook", "split", "clinic", "--into", "bus", "--segments", ",".join(ids), "--remove")
    assert code == 0 and out.strip() == "Split clinic: 2 coding(s) to bus; clinic deleted."


def test_refusals_are_one_line_and_change_nothing(project_location: str) -> None:
    loc = project_location
    _coded(loc)
    before = _run(loc, "segments", "--format", "json")[1], _run(loc, "codebook", "--format", "json")[1]
    for args, words in (
        (["codebook", "split", "exp.nope", "--into", "x", "--matching", "fees"], "unknown code 'exp.nope'"),
        (["codebook", "split", "exp.cost", "--into", "x", "--segments", "abc"], "segment 'abc' is not coded with"),
        (["codebook", "split", "exp.cost", "--into", "exp", "--matching", "fees"], "code 'exp' exists already"),
        (["codebook", "split", "exp.cost", "--into", "x", "--matching", "rent"], "search 'rent' finds none"),
        (
            ["codebook", "split", "exp.cost", "--into", "x", "--into", "y", "--matching", "fees"],
            "--matching 'fees': say which new code it is for",
        ),
        (
            ["codebook", "split", "exp.cost", "--into", "x", "--segments-file", "/no/such.txt"],
            "file not found: /no/such.txt",
        ),
    ):
        code, out = _run(loc, *args)
        assert code != 0 and words in out and len(out.strip().splitlines()) == 1, out
    assert (_run(loc, "segments", "--format", "json")[1], _run(loc, "codebook", "--format", "json")[1]) == before



def test_overlapping_brings_other_coders_codings_of_the_passage(project_location: str) -> None:
    """team29: --overlapping (implying --every-coder) brings the other coders' codings that overlap a chosen one by
    at least half of the shorter span; --every-coder alone, only those of the same span."""
    loc = project_location
    _coded(loc)
    with makna.open_project(loc, coder="tester") as proj:
        start = TEXT.index("the bus to the clinic")  # sari's, a little wider than dewi's and tester's
        makna.code_span(proj, "s1", start, start + len("the bus to the clinic"), "exp.cost", coder="sari")
        start = TEXT.index("clinic")  # rizal's: 6 characters shared with the 17 of "bus to the clinic"
        makna.code_span(proj, "s1", start, start + len("clinic.\nP: Fees again in March"), "exp.cost", coder="rizal")
    (bus,) = [
        s["id"]
        for s in json.loads(_run(loc, "segments", "--code", "exp.cost", "--coder", "tester", "--format", "json")[1])
        if s["text"] == "bus to the clinic"
    ]
    code, out = _run(loc, "codebook", "split", "exp.cost", "--into", "bus", "--segments", bus, "--every-coder")
    assert code == 0 and out.strip() == "Split exp.cost: 2 coding(s) to bus; 4 stay on exp.cost.", out
    assert _segments(loc, "bus") == [("dewi", "bus to the clinic"), ("tester", "bus to the clinic")]
    assert _run(loc, "undo")[0] == 0
    code, out = _run(loc, "codebook", "split", "exp.cost", "--into", "bus", "--segments", bus, "--overlapping")
    assert code == 0 and out.strip() == "Split exp.cost: 3 coding(s) to bus; 3 stay on exp.cost.", out
    assert _segments(loc, "bus") == [
        ("dewi", "bus to the clinic"), ("sari", "the bus to the clinic"), ("tester", "bus to the clinic")
    ]
