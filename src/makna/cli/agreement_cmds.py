"""makna agreement: inter-coder agreement on standalone files (a rating table, or segments on a continuum)."""

from __future__ import annotations

import csv
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..agreement import COEFFICIENTS, LEVELS, AgreementResult, krippendorff_u_alpha
from ..errors import AgreementError, InputError
from ._common import console

agreement_app = typer.Typer(
    help="Inter-coder agreement: kappa family, Krippendorff's alpha, unitizing alpha.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

TABLE_COEFFICIENTS = (
    "percent_agreement",
    "cohen_kappa",
    "scott_pi",
    "fleiss_kappa",
    "conger_kappa",
    "brennan_prediger",
    "randolph_free_marginal_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
)
_WEIGHTED = {
    "percent_agreement",
    "cohen_kappa",
    "scott_pi",
    "fleiss_kappa",
    "conger_kappa",
    "brennan_prediger",
    "gwet_ac1",
}


class Level(StrEnum):
    nominal = "nominal"
    ordinal = "ordinal"
    interval = "interval"
    ratio = "ratio"


class Weights(StrEnum):
    linear = "linear"
    quadratic = "quadratic"


class Fmt(StrEnum):
    table = "table"
    json = "json"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


def _read_rows(path: Path) -> list[list[str]]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [row for row in csv.reader(fh)]
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV ({exc})") from None


def _number(text: str) -> int | float | None:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def read_rating_table(path: Path, *, numeric: bool) -> tuple[list[str], list[list[Any]]]:
    """Header = coder names; one row per unit; empty cell = missing. Numbers when every cell is one."""
    rows = _read_rows(path)
    if not rows or not any(c.strip() for c in rows[0]):
        raise InputError(f"{path}: empty file; expected a header row of coder names")
    header = [c.strip() for c in rows[0]]
    if any(not c for c in header):
        raise InputError(f"{path}: line 1: every column needs a coder name")
    if len(set(header)) != len(header):
        raise InputError(f"{path}: line 1: duplicate coder names")
    body: list[list[str]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise InputError(f"{path}: line {line}: {len(row)} cells, expected {len(header)} (one per coder)")
        body.append([c.strip() for c in row])
    if not body:
        raise InputError(f"{path}: no units (rows) after the header")
    cells = [c for row in body for c in row if c]
    parsed = {c: _number(c) for c in set(cells)}
    all_numbers = all(v is not None for v in parsed.values())
    if numeric and not all_numbers:
        for line, row in enumerate(body, start=2):
            for coder, c in zip(header, row, strict=True):
                if c and parsed[c] is None:
                    raise InputError(
                        f"{path}: line {line}, coder {coder!r}: {c!r} is not a number "
                        "(this level of measurement needs numeric ratings)"
                    )
    data = [[(parsed[c] if all_numbers else c) if c else None for c in row] for row in body]
    return header, data


def _emit_results(results: list[AgreementResult], fmt: Fmt, title: str) -> None:
    table = Table(title=title)
    for col in ("coefficient", "value", "units", "coders", "note"):
        table.add_column(col)
    for r in results:
        value = "undefined" if r.value is None else f"{r.value:.4f}"
        note = r.undefined_reason or ", ".join(x for x in (r.level, r.weights) if x)
        table.add_row(r.coefficient, value, str(r.units), str(r.coders), note)
    console().print(table)


@agreement_app.command("table")
def table_cmd(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV: header = coder names, one row per unit, empty cell = missing.", show_default=False
        ),
    ],
    coefficient: Annotated[
        str, typer.Option("--coefficient", "-c", help=f"One of: {', '.join(TABLE_COEFFICIENTS)}.")
    ],
    level: Annotated[
        Level | None, typer.Option("--level", help="Krippendorff's alpha level [default: nominal]")
    ] = None,
    weights: Annotated[
        Weights | None, typer.Option("--weights", help="Weighted kappa / AC2 [default: unweighted]")
    ] = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """One agreement coefficient on a units x coders table."""
    if coefficient not in TABLE_COEFFICIENTS:
        raise AgreementError(
            f"unknown coefficient {coefficient!r}: expected one of {', '.join(TABLE_COEFFICIENTS)}"
        )
    if level is not None and coefficient != "krippendorff_alpha":
        raise InputError(f"--level applies to krippendorff_alpha only, not {coefficient}")
    if weights is not None and coefficient not in _WEIGHTED:
        raise InputError(f"--weights does not apply to {coefficient}")
    lvl = (level or Level.nominal).value
    numeric = coefficient == "krippendorff_alpha" and lvl in ("interval", "ratio") or weights is not None
    coders, data = read_rating_table(file, numeric=numeric)
    fn = COEFFICIENTS[coefficient]
    kwargs: dict[str, Any] = {"coders": coders}
    if coefficient == "krippendorff_alpha":
        kwargs["level"] = lvl
    elif weights is not None:
        kwargs["weights"] = weights.value
    try:
        result = fn(data, **kwargs)
    except AgreementError as exc:
        raise AgreementError(f"{file}: {exc}") from None
    if fmt is Fmt.json:
        out: dict[str, Any] = {
            "coefficient": coefficient,
            "value": result.value,
            "units": result.units,
            "coders": result.coders,
        }
        if result.value is None:
            out["undefined_reason"] = result.undefined_reason
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    _emit_results([result], fmt, title=str(file))


def _parse_continuum(text: str) -> tuple[int, int]:
    try:
        a, b = text.split(":", 1)
        start, end = int(a), int(b)
    except ValueError:
        raise InputError(f"--continuum {text!r}: expected START:END (integers, END exclusive)") from None
    if end <= start:
        raise InputError(f"--continuum {text!r}: END must be greater than START")
    return start, end


def read_segments(path: Path) -> list[tuple[str, int, int, str]]:
    """CSV with columns coder,start,end,category (header required; half-open positions)."""
    rows = _read_rows(path)
    if not rows:
        raise InputError(f"{path}: empty file; expected a header coder,start,end,category")
    header = [c.strip().lower() for c in rows[0]]
    need = ("coder", "start", "end", "category")
    missing = [c for c in need if c not in header]
    if missing:
        raise InputError(
            f"{path}: line 1: missing column(s) {', '.join(missing)} (need coder,start,end,category)"
        )
    idx = [header.index(c) for c in need]
    out: list[tuple[str, int, int, str]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise InputError(f"{path}: line {line}: {len(row)} cells, expected {len(header)}")
        coder, start, end, cat = (row[i].strip() for i in idx)
        if not coder or not cat:
            raise InputError(f"{path}: line {line}: coder and category must not be empty")
        try:
            s, e = int(start), int(end)
        except ValueError:
            raise InputError(
                f"{path}: line {line}: start {start!r} and end {end!r} must be integers"
            ) from None
        out.append((coder, s, e, cat))
    return out


@agreement_app.command("unitized")
def unitized_cmd(
    file: Annotated[
        Path,
        typer.Argument(help="CSV with columns coder,start,end,category (end exclusive).", show_default=False),
    ],
    continuum: Annotated[
        str, typer.Option("--continuum", help="START:END of the continuum (END exclusive).")
    ],
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Krippendorff's (2004) unitizing alpha, overall and per category."""
    span = _parse_continuum(continuum)
    segments = read_segments(file)
    try:
        result = krippendorff_u_alpha(segments, span)
    except AgreementError as exc:
        raise AgreementError(f"{file}: {exc}") from None
    if fmt is Fmt.json:
        typer.echo(
            json.dumps(
                {
                    "overall": result.overall.value,
                    "per_category": {k: v.value for k, v in result.per_category.items()},
                },
                ensure_ascii=False,
            )
        )
        return
    rows = [result.overall] + list(result.per_category.values())
    table = Table(title=f"{file} (u-alpha, Krippendorff 2004)")
    for col in ("category", "u-alpha", "units", "coders", "note"):
        table.add_column(col)
    for name, r in zip(["(all)", *result.per_category], rows, strict=True):
        table.add_row(
            name,
            "undefined" if r.value is None else f"{r.value:.4f}",
            str(r.units),
            str(r.coders),
            r.undefined_reason or "",
        )
    console().print(table)


__all__ = ["agreement_app", "LEVELS"]
