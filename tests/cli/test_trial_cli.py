"""What a new user's trial of the command line found (#11): ``makna deid apply`` without a terminal
and without a passphrase ended in click's bare "Aborted!"; a key written into the project's own folder
(where a student keeps everything she hands in) went without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy.project import decide_all, scan

runner = CliRunner()

TEXT = "P: Boleh kenalan dulu?\nI: Nama saya Siti Rahmawati. Nomor HP-ku 0812-7411-2095.\n"


@pytest.fixture
def loc(project_location: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A project whose one transcript is scanned and every detection accepted: ready to apply."""
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
    with makna.create_project(project_location, coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
        scan(p)
        decide_all(p, "accepted")
    return project_location


def test_apply_without_a_passphrase_says_how_to_give_one(loc: str, tmp_path: Path) -> None:
    key = tmp_path.parent / f"{tmp_path.name}-keys" / "k.key"
    result = runner.invoke(app, ["deid", "apply", "--key", str(key), "-p", loc])  # stdin: empty, no terminal
    assert result.exit_code == 2, result.output  # a user mistake (InputError)
    assert "Aborted" not in result.output and "Traceback" not in result.output
    assert "new key passphrase: none given (use --passphrase-file FILE or set MAKNA_DEID_PASSPHRASE" in result.output
    assert not key.exists()


def test_a_key_in_the_projects_folder_is_refused_then_warned_with_force(
        loc: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    pw = tmp_path_factory.mktemp("secret") / "pass.txt"
    pw.write_text("a long passphrase\n", encoding="utf-8")
    inside = tmp_path / "keys" / "study.key"
    inside.parent.mkdir()
    args = ["deid", "apply", "--key", str(inside), "--passphrase-file", str(pw), "-p", loc]
    in_folder = loc.endswith(".makna")  # a project on a database server has no folder
    result = runner.invoke(app, args)
    if in_folder:
        assert result.exit_code != 0 and "inside the project's folder" in result.output, result.output
        assert not inside.exists()
        result = runner.invoke(app, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert inside.is_file()
    warned = f"Warning: the key file {inside.resolve()} is inside the project's folder" in result.output
    assert warned is in_folder


def test_a_key_elsewhere_is_not_warned_about(loc: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    away = tmp_path_factory.mktemp("keys")
    (away / "pass.txt").write_text("a long passphrase\n", encoding="utf-8")
    result = runner.invoke(app, ["deid", "apply", "--key", str(away / "study.key"), "--passphrase-file",
                                 str(away / "pass.txt"), "-p", loc])
    assert result.exit_code == 0, result.output
    assert "inside the project's folder" not in result.output


def test_agreement_never_shows_a_negative_zero(project_location: str, tmp_path: Path) -> None:
    """A kappa of -4.7e-15 (one coder coded one unit of 42, the other none) is 0, not -0.0000."""
    table = tmp_path / "units.csv"
    table.write_text("a,b\n1,0\n" + "0,0\n" * 41, encoding="utf-8")
    result = runner.invoke(app, ["agreement", "table", str(table), "-c", "cohen_kappa"])
    assert result.exit_code == 0, result.output
    assert "0.0000" in result.output and "-0.0000" not in result.output
    turns = "".join(f"{'P' if i % 2 else 'I'}: giliran nomor {i}.\n" for i in range(42))
    with makna.create_project(project_location, coder="ana") as p:
        makna.import_text(p, "a.txt", turns, language="id")
        makna.add_code(p, "x", "X")
        makna.add_code(p, "y", "Y")
        makna.code_turn(p, "a.txt", 1, "x")
        makna.code_turn(p, "a.txt", 2, "y", coder="budi")
        makna.code_turn(p, "a.txt", 2, "y")
    result = runner.invoke(app, ["agreement", "project", "--unit", "turn", "--coders", "ana,budi", "--format", "csv",
                                 "-p", project_location])
    assert result.exit_code == 0, result.output
    kappa = [line for line in result.output.splitlines() if line.startswith("x,cohen_kappa,")]
    assert kappa == ["x,cohen_kappa,0.0,42,2,"], result.output


def test_cases_link_a_speaker_and_unlink(project_location: str) -> None:
    """A focus group's numbered participants become cases from the command line (review)."""
    text = "Moderator: Hello.\nParticipant 1: Hi.\nParticipant 2: Hello.\nModerator: Why?\nParticipant 1: Money.\n"
    with makna.create_project(project_location, coder="ana") as p:
        makna.import_text(p, "fg.txt", text, language="en")
        makna.add_case(p, "P1")
        makna.add_case(p, "FG")
        makna.link_source(p, "FG", "fg.txt")
    result = runner.invoke(app, ["cases", "link", "P1", "fg.txt", "--speaker", "Participant 1", "-p", project_location])
    assert result.exit_code == 0 and result.output == "Linked P1 to 2 turn(s) of Participant 1 in fg.txt.\n", \
        result.output
    result = runner.invoke(app, ["cases", "link", "P1", "fg.txt", "--speaker", "X", "--span", "0:3",
                                 "-p", project_location])
    assert result.exit_code == 2 and "give --span or --speaker, not both" in result.output
    result = runner.invoke(app, ["cases", "unlink", "FG", "fg.txt", "-p", project_location])
    assert result.exit_code == 0 and result.output == "Unlinked FG from fg.txt (1 link(s)).\n", result.output
    result = runner.invoke(app, ["cases", "unlink", "FG", "fg.txt", "-p", project_location])
    assert result.exit_code == 2 and "case 'FG' is not linked to 'fg.txt'" in result.output
    with makna.open_project(project_location) as p:
        first, second = text.index("Participant 1: Hi."), text.index("Participant 1: Money.")
        assert sorted((x.start, x.end) for x in makna.list_links(p)) == [(first, first + 18), (second, second + 21)]


@pytest.mark.parametrize(("group", "heading"), [("sources", "name,length,turns"), ("cases", "name,"),
                                                ("codebook", "key,name,color")])
def test_list_is_the_same_as_the_bare_group(project_location: str, group: str, heading: str) -> None:
    """``makna sources list`` (what a new user typed first) lists, as ``makna sources`` does; it was
    "No such command 'list'"."""
    with makna.create_project(project_location, coder="ana") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
        makna.add_case(p, "Informan 1")
        makna.add_code(p, "x", "X")
    bare = runner.invoke(app, [group, "-p", project_location, "--format", "csv"])
    listed = runner.invoke(app, [group, "list", "-p", project_location, "--format", "csv"])
    assert listed.exit_code == 0 and bare.exit_code == 0, listed.output
    assert listed.output == bare.output and listed.output.startswith(heading)
    assert "list" not in runner.invoke(app, [group, "--help"]).output.split("Commands:")[-1]  # not advertised


def test_apply_without_a_region_says_what_the_surrogates_follow(project_location: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """An English-only project with no region set: 'the whole country' alone read as Indonesia, while the
    surrogates followed the source's language and a Leeds suburb stayed in England."""
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
    with makna.create_project(project_location, coder="tester") as p:
        makna.import_text(p, "leeds.txt", "Interviewer: Where do you live?\nRespondent: I'm Harriet Pemberton, "
                          "I live in Headingley now.\n", language="en")
        scan(p)
        decide_all(p, "accepted")
    keys = tmp_path.parent / f"{tmp_path.name}-keys"
    keys.mkdir()
    (keys / "pass.txt").write_text("correct horse battery staple tides\n", encoding="utf-8")
    result = runner.invoke(app, ["deid", "apply", "--key", str(keys / "k.key"), "--passphrase-file",
                                 str(keys / "pass.txt"), "-p", project_location])
    assert result.exit_code == 0, result.output
    assert "plates: the whole country" not in result.output
    assert "no region set or found for the project" in result.output
    assert "names follow each source's language" in result.output
