"""makna demo: the whole workflow on the bundled fictional study, offline and in seconds."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.demo import build_demo, demo_data
from makna.errors import ProjectExistsError


def test_demo_data_is_consistent() -> None:
    coding = yaml.safe_load((demo_data() / "coding.yaml").read_text(encoding="utf-8"))
    cases = yaml.safe_load((demo_data() / "cases.yaml").read_text(encoding="utf-8"))
    sources = {p.name for p in demo_data().iterdir() if p.name.endswith(".txt")}
    assert 5 <= len(sources) <= 8
    assert {e["source"] for e in coding} <= sources
    assert {s for c in cases["cases"] for s in c["sources"]} == sources


def test_demo_builds_project_and_findings(tmp_path: Path) -> None:
    result = build_demo(tmp_path)
    assert result.sources == 6 and result.segments == 43
    freq = {f.key: f for f in result.frequencies}
    assert freq["exp.neg.fraud"].cases == 3
    assert freq["motive.in_order_to.fast_easy_clients"].cases == 4
    assert freq["exp"].cases == 6  # every informant told of some experience
    with makna.open_project(result.project_path) as p:
        assert len(makna.list_cases(p)) == 6
        assert [c.name for c in p.coders()] == ["peneliti"]
    text = result.findings_path.read_text(encoding="utf-8")
    assert text.startswith("# Temuan")
    sections = re.findall(r"^## .*\(`([\w.]+)`\)$", text, flags=re.M)
    leaves = [k for k, f in freq.items() if not any(o.startswith(k + ".") for o in freq)]
    assert sections == leaves
    # two exemplar quotes per code, each cited with informant, source and turn
    assert len(re.findall(r"^> \u2014 Informan \d, informan-0\d\.txt, giliran \d+$", text, flags=re.M)) == 2 * len(leaves)


def test_demo_cli_is_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """makna demo runs with every network connection refused."""
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("makna tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Informants per code" in result.output and "43 coded segments" in result.output
    assert (tmp_path / "findings.md").read_text(encoding="utf-8").startswith("# Findings")


def test_demo_can_run_twice(tmp_path: Path) -> None:
    build_demo(tmp_path)
    assert build_demo(tmp_path).segments == 43


def test_demo_keeps_work_done_in_its_own_files(tmp_path: Path) -> None:
    """A newcomer starts their codebook from the demo's codebook.yaml, or codes in its project: a later
    `makna demo` in that folder refuses (naming the changed file) and leaves everything as it was."""
    build_demo(tmp_path)
    codebook = tmp_path / "codebook.yaml"
    mine = codebook.read_text(encoding="utf-8") + "# my own code, to add\n"
    codebook.write_text(mine, encoding="utf-8")
    with pytest.raises(ProjectExistsError, match="codebook.yaml: changed since 'makna demo' wrote it"):
        build_demo(tmp_path)
    assert codebook.read_text(encoding="utf-8") == mine
    codebook.write_text((demo_data() / "codebook.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with makna.open_project(tmp_path / "study.makna") as p:
        makna.add_code(p, "mine", "My own code")
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code != 0 and "study.makna: changed since 'makna demo' wrote it" in result.output
    assert "Traceback" not in result.output
    with makna.open_project(tmp_path / "study.makna") as p:
        assert makna.get_code(p, "mine").name == "My own code"


def test_demo_deidentifies_before_coding(tmp_path: Path) -> None:
    """The demo replaces its (fictional) identifiers with surrogates before coding: none survives in
    the project file or in findings.md, and the key outside the project gives every transcript back."""
    from makna.demo import DEMO_PASSPHRASE
    from makna.privacy.project_apply import open_key, reveal

    result = build_demo(tmp_path)
    # the key in a folder of its own, not beside the project (as the README advises for a real key)
    assert result.key_path == tmp_path / "demo-key" / "study.makna.key" and result.key_path.is_file()
    assert not (tmp_path / "study.makna.key").exists()
    assert {"PERSON", "PHONE", "LOCATION", "PLATE", "EMAIL"} <= set(result.replaced)
    with makna.open_project(result.project_path) as p:
        originals = set(open_key(p, result.key_path, DEMO_PASSPHRASE).originals())
        for source in makna.list_sources(p):
            assert reveal(p, source.name, result.key_path, DEMO_PASSPHRASE) == (
                demo_data() / source.name).read_text(encoding="utf-8")
    assert {"0812-0000-4471", "embun.pagi27@example.com", "BA 5582 QZ", "Rosa"} <= originals

    def survivors(strings: set[str], blob: str) -> list[str]:
        return sorted(s for s in strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", blob))

    assert survivors(originals, result.findings_path.read_text(encoding="utf-8")) == []
    # The case sheet (cases.yaml) is the researcher's own case data: its coarse attributes (the home
    # regency) stay in the cases table; its descriptions carry no names, ages or places.
    case_sheet = (demo_data() / "cases.yaml").read_text(encoding="utf-8")
    descriptions = " ".join(c["description"] for c in yaml.safe_load(case_sheet)["cases"])
    assert not re.search(r"\d+ tahun|Melati|Mutiara|Embun|Putri|Cahaya|Wulan", descriptions)
    raw = result.project_path.read_bytes().decode("utf-8", "replace")
    assert survivors({s for s in originals if s not in case_sheet}, raw) == []


def _foreign_study(folder: Path) -> dict[str, bytes]:
    """A coded project of the user's own, named like the demo's, with a key file beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    with makna.create_project(folder / "study.makna", "My study", coder="ana") as p:
        makna.import_text(p, "a.txt", "Saya ditipu lewat MiChat.")
        makna.add_code(p, "fraud", "Fraud")
        makna.code_span(p, "a.txt", 0, 10, "fraud")
    (folder / "study.makna.key").write_text('{"format": "makna-deid-key"}', encoding="utf-8")
    (folder / "findings.md").write_text("# my findings\n", encoding="utf-8")
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_demo_refuses_a_project_it_did_not_make(tmp_path: Path) -> None:
    """An existing coded study.makna and its key survive byte for byte; one line says why."""
    before = _foreign_study(tmp_path / "mine")
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path / "mine")])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and "study.makna" in lines[0] and "not made by 'makna demo'" in lines[0], result.output
    assert "Traceback" not in result.output
    after = {p.name: p.read_bytes() for p in sorted((tmp_path / "mine").iterdir()) if p.is_file()}
    assert after == before


@pytest.mark.parametrize("name", ["study.makna.key", "demo-key/study.makna.key", "findings.md", "report"])
def test_demo_refuses_any_file_it_did_not_write(tmp_path: Path, name: str) -> None:
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).mkdir() if name == "report" else (tmp_path / name).write_text("mine", encoding="utf-8")
    with pytest.raises(ProjectExistsError, match=name):
        build_demo(tmp_path)
    assert not (tmp_path / "study.makna").exists()


def test_demo_refuses_a_project_swapped_in_after_a_demo(tmp_path: Path) -> None:
    """The marker of an earlier demo does not cover a project put in its place later."""
    build_demo(tmp_path)
    for leftover in tmp_path.glob("study.makna*"):
        leftover.unlink()
    before = _foreign_study(tmp_path)
    with pytest.raises(ProjectExistsError, match="study.makna"):
        build_demo(tmp_path)
    assert {n: (tmp_path / n).read_bytes() for n in before} == before
def test_demo_writes_its_example_files(tmp_path: Path) -> None:
    """#12: the demo writes its codebook, cases and coding files to start a study from; importing
    the cases file again into the demo project changes nothing (it updates in place)."""
    result = build_demo(tmp_path)
    assert [p.name for p in result.example_files] == ["codebook.yaml", "cases.yaml", "coding.yaml"]
    for path in result.example_files:
        assert path.read_text(encoding="utf-8") == (demo_data() / path.name).read_text(encoding="utf-8")
    assert "&nbsp;" not in result.findings_path.read_text(encoding="utf-8")
    with makna.open_project(result.project_path) as p:
        again = makna.load_cases_file(p, tmp_path / "cases.yaml")
        assert (again.added, again.updated, again.unchanged) == (0, 0, 6)
        assert makna.import_codebook(p, makna.read_codebook_file(tmp_path / "codebook.yaml")).added == 0


def test_demo_key_folder_and_an_earlier_layout(tmp_path: Path) -> None:
    """A demo again replaces an earlier demo's key beside the project (the old layout) with the key in
    demo-key/, and leaves a file of someone else's in demo-key/ alone; the CLI says where the key is."""
    first = build_demo(tmp_path)
    first.key_path.rename(tmp_path / "study.makna.key")  # as demos before this one left it
    first.key_path.parent.rmdir()
    again = build_demo(tmp_path)
    assert again.key_path.is_file() and not (tmp_path / "study.makna.key").exists()
    (again.key_path.parent / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (again.key_path.parent / "notes.txt").read_text(encoding="utf-8") == "mine"
    # in the demo's language (Indonesian by default)
    assert f"kunci: {again.key_path}, di foldernya sendiri" in result.output and "~/keys/study.key" in result.output


def test_demo_speaks_one_language(tmp_path: Path) -> None:
    """makna demo in Indonesian (the default) prints its table and closing lines in Indonesian too (trial6)."""
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Informan per kode" in result.output and "43 segmen berkode" in result.output
    assert "Laporan: " in result.output and "Berkas contoh untuk memulai" in result.output
    for english in ("Informants per code", "coded segments", "Project:", "Findings:", "open it in a browser",
                    "Example files"):
        assert english not in result.output
