"""newuser15: ``makna undo`` after ``makna search --autocode`` said "Undone: code.autocode_search", the raw
event name, because the step descriptions listed a ``code.search`` event that does not exist; every event
kind now has a description of its own (#11)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.event_kinds import EVENT_KINDS
from makna.history import describe

runner = CliRunner()


def test_undoing_an_autocoded_search_names_the_step_in_words(tmp_path: Path) -> None:
    loc = str(tmp_path / "study.makna")
    with makna.create_project(loc, "Uji", coder="ana") as p:
        makna.import_text(
            p, "fg.txt", "Moderator: Anything broken?\nTom: The boiler was off for weeks.\n", language="en"
        )
        makna.add_code(p, "harm", "Harm")
    r = runner.invoke(
        app, ["search", "boiler", "--autocode", "harm", "--scope", "sentence", "-p", loc, "--coder", "ana"]
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["undo", "-p", loc, "--coder", "ana"])
    assert r.exit_code == 0, r.output
    assert "autocode 1 search hit(s)" in r.output and "code.autocode_search" not in r.output, r.output


def test_every_event_kind_is_described_in_words() -> None:
    raw = [kind for kind in EVENT_KINDS if describe([(kind, {})]) == kind and kind not in ("undo", "redo")]
    assert raw == [], raw
    assert describe([("undo", {"description": "code a span"})]) == "undo code a span"


def test_an_unknown_source_after_apply_says_that_apply_renames_sources(tmp_path: Path) -> None:
    """A cases.yaml written with the transcript's file name (``wawancara-sri.txt``) failed after ``deid apply``
    renamed that source, with nothing to say why; the error now says that apply renames sources, and only once
    some source was de-identified."""
    (tmp_path / "proj").mkdir()
    loc = str(tmp_path / "proj" / "study.makna")
    with makna.create_project(loc, "Uji", coder="ana") as p:
        makna.import_text(p, "wawancara-01.txt", "P: Siapa yang membantu?\nN: Anak saya, Bambang.\n", language="id")
    cases = tmp_path / "cases.yaml"
    cases.write_text("cases:\n  - {name: Pedagang, sources: [wawancara-sri.txt]}\n", encoding="utf-8")
    r = runner.invoke(app, ["cases", "import", str(cases), "-p", loc])
    assert r.exit_code != 0 and "unknown source 'wawancara-sri.txt'" in r.output, r.output
    assert "deid apply" not in r.output, r.output
    for step in (["deid", "scan"], ["deid", "accept", "--all"]):
        assert runner.invoke(app, [*step, "-p", loc], env={"MAKNA_CODER": "ana"}).exit_code == 0
    env = {"MAKNA_CODER": "ana", "MAKNA_DEID_PASSPHRASE": "kopi-tubruk-sore-hari-42"}
    r = runner.invoke(
        app, ["deid", "apply", "--mode", "tag", "-k", str(tmp_path / "keys" / "k.key"), "-p", loc], env=env
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["cases", "import", str(cases), "-p", loc])
    assert r.exit_code != 0 and "unknown source 'wawancara-sri.txt'" in r.output, r.output
    assert "'makna deid apply' renamed any source whose name held an identifier" in r.output, r.output
    with makna.open_project(loc) as p:
        assert not makna.list_cases(p)


def test_adding_a_text_every_occurrence_of_which_is_detected_names_the_detections(tmp_path: Path) -> None:
    """``deid add --text Kumis --also all`` where the scan had found both "Kumis" said "spans 34..39 and
    34..39 overlap; reject one first", which asks for the opposite of what is needed; it now names the
    detections and the command that accepts them, and marks nothing."""
    loc = str(tmp_path / "study.makna")
    text = "P: Siapa namanya?\nI: Panggil saja Kumis. Teman saya juga panggil Kumis.\n"
    with makna.create_project(loc, "Uji", coder="ana") as p:
        makna.import_text(p, "kumis.txt", text, language="id")
    env = {"MAKNA_CODER": "ana"}
    assert runner.invoke(app, ["deid", "scan", "-p", loc], env=env).exit_code == 0
    with makna.open_project(loc) as p:
        found = [e for e in makna.review_entries(p) if e.text == "Kumis"]
    assert len(found) == 2 and all(e.status == "pending" for e in found), found
    args = ["deid", "add", "-s", "kumis.txt", "--text", "Kumis", "-t", "PERSON", "--also", "all", "-p", loc]
    r = runner.invoke(app, args, env=env)
    assert r.exit_code != 0 and "overlap" not in r.output, r.output
    ids = " ".join(e.id for e in found)
    assert "every occurrence of that text is a detection already" in r.output, r.output
    assert f"makna deid accept {ids}" in r.output, r.output
    with makna.open_project(loc) as p:
        assert [e.status for e in makna.review_entries(p) if e.text == "Kumis"] == ["pending", "pending"]
    assert runner.invoke(app, ["deid", "accept", *ids.split(), "-p", loc], env=env).exit_code == 0
    r = runner.invoke(app, args, env=env)
    assert r.exit_code != 0 and "accepted" in r.output and "makna deid accept" not in r.output, r.output


def test_the_readmes_disagreement_listing_compares_the_units_its_agreement_measured() -> None:
    """The README measured agreement by turn, then listed the disagreements with the default unit
    (characters), so the listing did not match the kappa just read."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    measured = re.search(r"^makna agreement project (.*?)\s+#", readme, re.M)
    listed = re.search(r"^makna agreement disagreements (.*?)(\s+#|$)", readme, re.M)
    assert measured and listed
    unit = re.search(r"--unit (\S+)", measured.group(1))
    assert unit and f"--unit {unit.group(1)}" in listed.group(1), listed.group(1)
