"""The README's command blocks, run as they stand and in order, on fictional transcripts unlike the
demo's: `Pewawancara:`/`Informan:` turns under a `Judul:`/`Tanggal:`/`Lokasi:` header, in a .txt, a
.docx and an .rtf (tests/cli/readme_study). The README stays honest: change a command there and this
test runs the new one."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

ROOT = Path(__file__).resolve().parents[2]
STUDY = Path(__file__).with_name("readme_study")
SKIP = {"serve", "demo", "server", "pull", "push", "login", "logout"}  # servers run until stopped; the demo, the
# team server and offline copies (pull, push: tests/web/test_sync*.py) have their own tests


def readme_commands(readme: str) -> list[tuple[dict[str, str], list[str]]]:
    """Every ``makna`` command of the README's ``sh`` blocks, in order, with the variables that
    ``export NAME=value`` lines before it (or a ``NAME=value`` prefix) set."""
    env: dict[str, str] = {}
    out: list[tuple[dict[str, str], list[str]]] = []
    for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.DOTALL):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] == ["export"]:
                env.update(w.split("=", 1) for w in words[1:])  # type: ignore[misc]
                continue
            prefix: dict[str, str] = {}
            while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
                name, value = words.pop(0).split("=", 1)
                prefix[name] = value
            if words[:1] == ["makna"] and words[1] not in SKIP:
                out.append(({**env, **prefix}, words[1:]))
    return out


def _study(folder: Path) -> None:
    import docx

    transcripts = folder / "transcripts"
    transcripts.mkdir()
    shutil.copy(STUDY / "informan-01.txt", transcripts)
    shutil.copy(STUDY / "informan-03.rtf", transcripts)
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Transkrip fiktif, halaman 1"
    for line in (STUDY / "informan-02.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(transcripts / "informan-02.docx"))
    for name in ("codebook.yaml", "cases.yaml"):
        shutil.copy(STUDY / name, folder)


def test_readme_commands_parse() -> None:
    commands = [words for _, words in readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))]
    assert commands[0][:2] == ["init", "study.makna"]
    names = [" ".join(w[:2]) for w in commands]
    # the order that works: de-identify after import, before any coding
    assert names.index("deid apply") < names.index("codebook import") < min(
        i for i, n in enumerate(names) if n.startswith("code "))
    assert names.index("import transcripts/") < names.index("deid scan")


def test_readme_runs_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _study(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MAKNA_DEID_PASSPHRASE", "fiktif-uji-saja")
    monkeypatch.setenv("MAKNA_PASSPHRASE", "fiktif-enkripsi-uji")  # the encryption section's project
    monkeypatch.delenv("MAKNA_PROJECT", raising=False)
    runner = CliRunner()
    outputs: dict[str, str] = {}
    commands = readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(commands) >= 20
    for env, words in commands:
        result = runner.invoke(app, words, env=env)
        shown = " ".join(words)
        assert result.exit_code == 0, f"makna {shown} exited {result.exit_code}:\n{result.output}"
        assert "Traceback" not in result.output
        outputs.setdefault(shown, result.output)
    monkeypatch.setenv("MAKNA_PROJECT", "study.makna")  # the encryption section made a second project

    # the three formats came in, and the header lines are no turns
    assert "3 imported, 0 skipped, 0 failed." in outputs["import transcripts/"]
    turns = runner.invoke(app, ["sources", "show", "informan-01.txt", "--turns", "--format", "json"])
    rows = json.loads(turns.output)
    assert [r["speaker"] for r in rows] == ["Pewawancara", "Informan"] * 6
    assert rows[7]["text"].startswith("Informan: ") and rows[7]["text"].endswith("nomor saya langsung diblokir.")
    for name in ("informan-02.docx", "informan-03.rtf"):
        got = json.loads(runner.invoke(app, ["sources", "show", name, "--turns", "--format", "json"]).output)
        assert {r["speaker"] for r in got} == {"Pewawancara", "Informan"}, name
        assert not any("Judul" in r["text"] or "halaman" in r["text"] for r in got)

    # de-identified before coding: the phone number is gone, the coded turn 8 is the informant's
    text = runner.invoke(app, ["sources", "show", "informan-01.txt"]).output
    assert "0813-0000-2231" not in text and text.startswith("Judul:")
    segs = json.loads(runner.invoke(app, ["segments", "--code", "exp.neg", "--format", "json"]).output)
    assert any(s["turn"] == 8 and s["text"].startswith("Informan: ") and s["coder"] == "ana" for s in segs)

    # parents count their subtree, in stats and in the matrix alike
    stats = {r["code"]: r for r in csv.DictReader(io.StringIO(
        runner.invoke(app, ["stats", "--format", "csv"]).output))}
    assert int(stats["exp.neg"]["segments"]) == int(stats["exp.neg.fraud"]["segments"]) > 0
    assert int(stats["motive"]["cases"]) == 3
    matrix = {r["code"]: r for r in csv.DictReader(io.StringIO(outputs["stats --matrix --format csv"]))}
    assert int(matrix["exp"]["Informan 1"]) >= 1 and int(matrix["motive"]["Informan 3"]) >= 1

    report = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert "size: A4" in report
    assert "&nbsp;" not in (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert (tmp_path / "home" / "keys" / "study.key").is_file() and (tmp_path / "study.qdpx").is_file()
