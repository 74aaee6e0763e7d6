"""makna demo: the whole workflow on a bundled fictional study."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app
from ._common import OutputFormat, emit

_CLOSING: dict[str, dict[str, str]] = {
    "id": {
        "summary": "{sources} transkrip, {segments} segmen berkode. Angka kode induk menghitung segmen berbeda dalam "
        "subpohonnya (seperti makna stats).",
        "project": "Proyek: {path}",
        "findings": "Temuan: {path}",
        "report": "Laporan: {path} (buka di peramban; .md dan .docx di sampingnya)",
        "examples": "Berkas contoh untuk memulai: {files} (formatnya: docs/formats.md)",
    },
    "en": {
        "summary": "{sources} transcripts, {segments} coded segments. A parent code counts the distinct segments of "
        "its subtree (as makna stats does).",
        "project": "Project: {path}",
        "findings": "Findings: {path}",
        "report": "Report: {path} (open it in a browser; .md and .docx beside it)",
        "examples": "Example files to start from: {files} (formats: docs/formats.md)",
    },
}
"""The demo's closing lines in the findings' language."""


@app.command()
def demo(
    directory: Annotated[Path, typer.Option(
        "--dir", "-d", help="Where to write study.makna and findings.md: a new folder, or an earlier demo's "
                            "(files there that the demo did not write, or that changed since, are refused, "
                            "untouched).")] = Path("makna-demo"),
    lang: Annotated[str, typer.Option("--lang", help="Language of the findings: id or en.")] = "id",
) -> None:
    """Build a demo project from a bundled, fictional interview study and write its findings, its
    report, and its codebook.yaml, cases.yaml and coding.yaml as examples to start from."""
    from ..demo import build_demo

    result = build_demo(directory, lang=lang, progress=lambda msg: typer.echo(f"· {msg}"))
    idn = lang == "id"
    columns = ["kode", "nama", "informan", "segmen"] if idn else ["code", "name", "informants", "segments"]
    rows = [dict(zip(columns, (("  " * f.depth) + f.key, f.name, f.cases, f.segments), strict=True))
            for f in result.frequencies]
    emit(rows, columns, OutputFormat.table, title="Informan per kode" if idn else "Informants per code")
    said = _CLOSING["id" if idn else "en"]
    typer.echo(said["summary"].format(sources=result.sources, segments=result.segments))
    typer.echo(said["project"].format(path=result.project_path))
    typer.echo(said["findings"].format(path=result.findings_path))
    if result.report_path is not None:
        typer.echo(said["report"].format(path=result.report_path))
    if result.example_files:
        typer.echo(said["examples"].format(files=", ".join(str(p) for p in result.example_files)))
