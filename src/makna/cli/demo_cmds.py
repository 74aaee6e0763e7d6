"""makna demo: the whole workflow on a bundled fictional study."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app
from ._common import OutputFormat, emit


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
    rows = [
        {"code": ("  " * f.depth) + f.key, "name": f.name, "informants": f.cases, "segments": f.segments}
        for f in result.frequencies
    ]
    emit(rows, ["code", "name", "informants", "segments"], OutputFormat.table, title="Informants per code")
    typer.echo(f"{result.sources} transcripts, {result.segments} coded segments. A parent code counts the "
               "distinct segments of its subtree (as makna stats does).")
    typer.echo(f"Project: {result.project_path}")
    typer.echo(f"Findings: {result.findings_path}")
    if result.report_path is not None:
        typer.echo(f"Report: {result.report_path} (open it in a browser; .md and .docx beside it)")
    if result.example_files:
        typer.echo(f"Example files to start from: {', '.join(str(p) for p in result.example_files)} "
                   "(formats: docs/formats.md)")
