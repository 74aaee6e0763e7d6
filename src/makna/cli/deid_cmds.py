"""``makna deid ...``: de-identification commands (detection trial and evaluation; project scan/apply/reveal
come with the project store). No logic here beyond parse, call, format."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..privacy import PII_TYPES, detect, evaluate

deid_app = typer.Typer(
    help="De-identification: detect personal identifiers, evaluate detection on gold files.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class Fmt(str, Enum):
    table = "table"
    json = "json"


class Language(str, Enum):
    id = "id"
    en = "en"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


def _console() -> Console:
    return Console(soft_wrap=False, width=max(Console().width, 100))


@deid_app.command("evaluate")
def evaluate_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files (dev-corpus format).")],
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Score detection on gold files: recall, precision, F1 per type, strict and overlap, leak rate."""
    report = evaluate(gold_dir)
    data = report.as_dict()
    if fmt is Fmt.json:
        typer.echo(json.dumps(data, indent=2))
        return
    table = Table(title=f"De-identification on {data['documents']} documents ({data['characters']} characters)")
    for col in ("type", "gold", "found", "recall", "precision", "F1", "strict recall"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for kind, s in data["per_type"].items():
        table.add_row(
            kind, str(s["gold"]), str(s["found"]), f"{s['recall']:.3f}", f"{s['precision']:.3f}",
            f"{s['f1']:.3f}", f"{s['strict']['recall']:.3f}",
        )
    o, st = data["overall"], data["strict"]
    table.add_row(
        "overall", str(o["gold"]), str(o["found"]), f"{o['recall']:.3f}", f"{o['precision']:.3f}",
        f"{o['f1']:.3f}", f"{st['recall']:.3f}",
    )
    con = _console()
    con.print(table)
    con.print(f"leak rate: {data['leak_rate']:.2%} of identifier characters not covered")


@deid_app.command("detect")
def detect_cmd(
    file: Annotated[Path, typer.Argument(help="A plain UTF-8 text file.")],
    language: Annotated[Language, typer.Option("--language", "-l", help="Transcript language.")] = Language.id,
    types: Annotated[
        list[str] | None, typer.Option("--type", "-t", help=f"Only these types ({', '.join(PII_TYPES)}).")
    ] = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """List the identifiers found in a plain text file (for trying detection out)."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"file not found: {file}") from None
    except UnicodeDecodeError:
        raise InputError(f"{file} is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror}") from None
    wanted = [t.upper() for t in types] if types else None
    if wanted and set(wanted) - set(PII_TYPES):
        raise InputError(f"unknown type(s): {', '.join(sorted(set(wanted) - set(PII_TYPES)))}")
    dets = detect(text, language=language.value, types=wanted)
    if fmt is Fmt.json:
        rows = [
            {"start": d.start, "end": d.end, "type": d.type, "confidence": d.confidence,
             "detector": d.detector, "text": d.text}
            for d in dets
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(dets)} identifiers in {file.name}")
    for col in ("start", "end", "type", "conf", "detector", "text"):
        table.add_column(col, justify="right" if col in {"start", "end", "conf"} else "left")
    for d in dets:
        table.add_row(str(d.start), str(d.end), d.type, f"{d.confidence:.2f}", d.detector, d.text)
    _console().print(table)
