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
    idn = lang == "id"
    columns = ["kode", "nama", "informan", "segmen"] if idn else ["code", "name", "informants", "segments"]
    rows = [dict(zip(columns, (("  " * f.depth) + f.key, f.name, f.cases, f.segments), strict=True))
            for f in result.frequencies]
    emit(rows, columns, OutputFormat.table, title="Informan per kode" if idn else "Informants per code")
    if idn:
        typer.echo(f"{result.sources} transkrip, {result.segments} segmen berkode. Angka kode induk menghitung segmen "
                   "berbeda dalam subpohonnya (seperti makna stats).")
        typer.echo(f"Proyek: {result.project_path}")
        typer.echo(f"Temuan: {result.findings_path}")
        if result.report_path is not None:
            typer.echo(f"Laporan: {result.report_path} (buka di peramban; .md dan .docx di sampingnya)")
        if result.example_files:
            typer.echo(f"Berkas contoh untuk memulai: {', '.join(str(p) for p in result.example_files)} "
                       "(formatnya: docs/formats.md)")
        return
    typer.echo(f"{result.sources} transcripts, {result.segments} coded segments. A parent code counts the "
               "distinct segments of its subtree (as makna stats does).")
    typer.echo(f"Project: {result.project_path}")
    typer.echo(f"Findings: {result.findings_path}")
    if result.report_path is not None:
        typer.echo(f"Report: {result.report_path} (open it in a browser; .md and .docx beside it)")
    if result.example_files:
        typer.echo(f"Example files to start from: {', '.join(str(p) for p in result.example_files)} "
                   "(formats: docs/formats.md)")
