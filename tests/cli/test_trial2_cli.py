"""What a second new user's trial of the command line found (#11): ``makna deid add`` took a missed
identifier only as code-point offsets (``--span 300:312``), which a person reading a transcript has to
count by hand; ``--text`` marks it as written (its first occurrence on word boundaries)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy.project import review_entries, scan

runner = CliRunner()

TEXT = ("Pewawancara: Kerja di mana sekarang?\n"
        "Sari: Jaga warung punya Bu Harti di Sarinah. Suami saya, Mas Joko, ojek. Joko baik.\n"
        "Pewawancara: Sama Sari juga?\n")
OTHER = "P: Siapa itu?\nI: Joko, suami Sari.\n"


@pytest.fixture
def loc(project_location: str) -> str:
    with makna.create_project(project_location, coder="tester") as p:
        makna.import_text(p, "sari.txt", TEXT, language="id")
        makna.import_text(p, "lain.txt", OTHER, language="id")
    return project_location


def _added(loc: str, source: str) -> list[tuple[int, int, str, str]]:
    with makna.open_project(loc) as p:
        return sorted((e.start, e.end, e.text, e.type) for e in review_entries(p, sources=[source])
                      if e.status == "added")


def test_add_by_text_marks_its_first_occurrence_on_word_boundaries(loc: str) -> None:
    assert TEXT.index("Sari") == TEXT.index("Sari:")  # before the scan: no detection in the way
    result = runner.invoke(app, ["deid", "add", "-s", "sari.txt", "--text", "Sari", "-t", "PERSON", "-p", loc])
    assert result.exit_code == 0, result.output
    first = TEXT.index("Sari:")
    assert f"PERSON {first}:{first + 4} [Sari] added." in result.output
    assert "1 other occurrence(s) in this source: --also source marks them" in result.output  # not Sarinah
    assert "Sarinah" in TEXT and (TEXT.index("Sarinah"), TEXT.index("Sarinah") + 4, "Sari", "PERSON") not in \
        _added(loc, "sari.txt")


def test_add_by_text_with_also_marks_every_occurrence(loc: str) -> None:
    result = runner.invoke(app, ["deid", "add", "-s", "sari.txt", "--text", "Joko", "-t", "person", "--also", "all",
                                 "-p", loc])
    assert result.exit_code == 0, result.output
    joko = [(i, i + 4) for i in range(len(TEXT)) if TEXT.startswith("Joko", i)]
    assert [(a, b) for a, b, _t, _k in _added(loc, "sari.txt")] == joko
    assert [(a, b) for a, b, _t, _k in _added(loc, "lain.txt")] == [(OTHER.index("Joko"), OTHER.index("Joko") + 4)]


@pytest.mark.parametrize(("args", "message"), [
    (["--text", "Budi"], "'Budi' does not occur in sari.txt"),
    (["--text", "Sari", "--span", "0:4"], "give --span or --text, not both"),
    ([], "give the identifier as --text or --span"),
    (["--text", "   "], "the text is blank"),
])
def test_add_by_text_refuses_clearly_and_changes_nothing(loc: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["deid", "add", "-s", "sari.txt", "-t", "PERSON", *args, "-p", loc])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output, result.output
    assert _added(loc, "sari.txt") == []


def test_add_by_text_in_a_field_value(loc: str) -> None:
    with makna.open_project(loc, coder="tester") as p:
        makna.add_case(p, "Informan 1", description="ketemu di warung kopi dekat terminal")
        scan(p)
        [entry] = [f for f in makna.privacy.project.field_entries(p) if f.field == "cases.description"]
    result = runner.invoke(app, ["deid", "add", "-f", entry.id, "--text", "warung kopi", "-t", "LOCATION",
                                 "-p", loc])
    assert result.exit_code == 0, result.output
    at = "ketemu di warung kopi dekat terminal".index("warung")
    assert f"LOCATION {at}:{at + 11} [warung kopi] added." in result.output


def test_apply_says_which_sources_it_renamed(loc: str, tmp_path_factory: pytest.TempPathFactory,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """'sari.txt' held the informant's name: apply renamed it, and the next 'makna sources show sari.txt' said
    only "unknown source"."""
    monkeypatch.setenv("MAKNA_DEID_PASSPHRASE", "tiga ekor kucing melompat pagar")
    key = tmp_path_factory.mktemp("keys") / "k.key"
    with makna.open_project(loc, coder="tester") as p:
        makna.privacy.project_review.add_identifier(p, "sari.txt", TEXT.index("Sari"), TEXT.index("Sari") + 4,
                                                    "PERSON", also="all")
        scan(p)
        makna.privacy.project.decide_all(p, "accepted")
    result = runner.invoke(app, ["deid", "apply", "--key", str(key), "-p", loc])
    assert result.exit_code == 0, result.output
    with makna.open_project(loc) as p:
        names = {s.name for s in makna.list_sources(p)}
    [new] = names - {"lain.txt"}
    assert new != "sari.txt" and "Sari" not in new
    assert f"Renamed (the name held an identifier): sari.txt -> {new}" in result.output


@pytest.mark.parametrize(("args", "named"), [
    (["report", "-o", "{blocked}/report"], "{blocked}"),
    (["export", "--format", "json", "-o", "/proc/makna-trial.json"], "/proc"),
    (["export", "--format", "qdpx", "-o", "/proc/makna-trial.qdpx"], "/proc"),
    (["report", "-o", "/proc/makna-trial"], "/proc/makna-trial"),
])
def test_an_output_path_that_cannot_be_written_is_one_line(loc: str, tmp_path_factory: pytest.TempPathFactory,
                                                           args: list[str], named: str) -> None:
    """``makna report -o /proc/x`` and ``makna export -o /proc/x.json`` (a folder nobody may write in) ended
    in a traceback (FileNotFoundError, NotADirectoryError)."""
    blocked = tmp_path_factory.mktemp("out") / "a-file"
    blocked.write_text("not a folder\n", encoding="utf-8")
    result = runner.invoke(app, [*(a.format(blocked=blocked) for a in args), "-p", loc])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    [line] = result.output.splitlines()
    assert line.startswith("Error: ") and named.format(blocked=blocked) in line, line
    assert blocked.read_text(encoding="utf-8") == "not a folder\n"


def test_list_refuses_a_status_it_does_not_know(loc: str) -> None:
    """``makna deid list --status acepted`` (a typo) said "No detections." as if there were none."""
    result = runner.invoke(app, ["deid", "list", "--status", "acepted", "-p", loc])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == ("Error: status 'acepted': use one of pending, accepted, rejected, edited, "
                                     "added")
