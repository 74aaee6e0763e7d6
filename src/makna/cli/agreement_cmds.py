"""makna agreement: inter-coder agreement on standalone files (a rating table, or segments on a continuum)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..agreement import (
    COEFFICIENT_INFO,
    COEFFICIENTS,
    LEVELS,
    AgreementResult,
    AgreementScope,
    disagreements_csv,
    disagreements_html,
    krippendorff_u_alpha,
    list_disagreements,
    project_agreement,
    project_unitizing,
    resolve,
    resolve_bulk,
)
from ..agreement.files import read_excerpts, read_rating_table, read_segments
from ..errors import AgreementError, InputError
from ..sources import list_sources
from ._common import FormatOpt, OutputFormat, ProjectOpt, busy, console, emit, fixed, opened, parse_span, write_output

agreement_app = typer.Typer(
    # its help is where it is mounted, in optional_cmds (this module loads on first use)
    no_args_is_help=True,
    rich_markup_mode=None,
)

# the names, in the registry's order; gwet_ac2 is gwet_ac1 with --weights
TABLE_COEFFICIENTS = tuple(name for name in COEFFICIENTS if name != "gwet_ac2")
_WEIGHTED = {name for name, info in COEFFICIENT_INFO.items() if info.weights}


class Level(StrEnum):
    nominal = "nominal"
    ordinal = "ordinal"
    interval = "interval"
    ratio = "ratio"


class Weights(StrEnum):
    linear = "linear"
    quadratic = "quadratic"


class Scores(StrEnum):
    value = "value"
    rank = "rank"


class Fmt(StrEnum):
    table = "table"
    json = "json"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


def _emit_results(results: list[AgreementResult], fmt: Fmt, title: str) -> None:
    table = Table(title=title)
    for col in ("coefficient", "value", "units", "coders", "note"):
        table.add_column(col)
    for r in results:
        value = "undefined" if r.value is None else fixed(r.value)
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
    categories: Annotated[
        str | None,
        typer.Option("--categories", help="Every possible category, comma-separated, in rank order (unused ones "
                     "count in Brennan-Prediger, Randolph and AC1/AC2; weights follow this order).",
                     show_default=False),
    ] = None,
    weight_scores: Annotated[
        Scores | None,
        typer.Option("--weight-scores", help="--weights from the categories' numeric values or their ranks "
                     "(R's irr, irrCAC and scikit-learn use ranks) [default: value]"),
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
    if weight_scores is not None and weights is None:
        raise InputError("--weight-scores applies with --weights only")
    lvl = (level or Level.nominal).value
    numeric = coefficient == "krippendorff_alpha" and lvl in ("interval", "ratio") or weights is not None
    coders, data = read_rating_table(file, numeric=numeric)
    fn = COEFFICIENTS[coefficient]
    kwargs: dict[str, Any] = {"coders": coders}
    if categories is not None:
        kwargs["categories"] = _categories(categories, data)
    if weight_scores is not None:
        kwargs["weight_scores"] = weight_scores.value
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


def _categories(text: str, data: list[list[Any]]) -> list[Any]:
    """The declared categories of ``--categories``: numbers when the table's ratings are numbers."""
    labels = [c.strip() for c in text.split(",")]
    if not labels or any(not c for c in labels):
        raise InputError(f"--categories {text!r}: give the categories separated by commas, none empty")
    if any(isinstance(v, int | float) for row in data for v in row if v is not None):
        from ..agreement.files import parse_rating

        numbers = [parse_rating(c) for c in labels]
        if any(n is None for n in numbers):
            raise InputError(f"--categories {text!r}: the ratings are numbers, so the categories must be too")
        return numbers
    return labels


def _parse_continuum(text: str) -> tuple[int, int]:
    try:
        a, b = text.split(":", 1)
        start, end = int(a), int(b)
    except ValueError:
        raise InputError(f"--continuum {text!r}: expected START:END (integers, END exclusive)") from None
    if end <= start:
        raise InputError(f"--continuum {text!r}: END must be greater than START")
    return start, end


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
            "undefined" if r.value is None else fixed(r.value),
            str(r.units),
            str(r.coders),
            r.undefined_reason or "",
        )
    console().print(table)


__all__ = ["agreement_app", "LEVELS"]


# ----------------------------------------------------------------------------- agreement on a project


class Unit(StrEnum):
    characters = "characters"
    sentence = "sentence"
    paragraph = "paragraph"
    turn = "turn"
    excerpt = "excerpt"
    document = "document"
    unitized = "unitized"


class Absent(StrEnum):
    missing = "missing"
    uncoded = "uncoded"


class Rule(StrEnum):
    agreed = "agreed"
    union = "union"
    majority = "majority"
    coder = "coder"


UnitOpt = Annotated[
    Unit,
    typer.Option(
        "--unit",
        "-u",
        help="characters; sentence, paragraph or turn (coded when a segment overlaps it, see --threshold); "
        "excerpt (spans of --unitizer or --excerpts); document (code presence per source); "
        "unitized (Krippendorff's u-alpha on the coders' own boundaries).",
    ),
]
CodersOpt = Annotated[
    str | None,
    typer.Option("--coders", help="Coders to compare, comma-separated [default: every person who coded, "
                 "except 'consensus', and the suggester 'makna-suggest'].", show_default=False),
]
CodeListOpt = Annotated[
    list[str] | None,
    typer.Option("--code", "-c", help="A code to compare (repeat) [default: every code applied].",
                 show_default=False),
]
DescendantsOpt = Annotated[
    bool,
    typer.Option("--descendants", help="Pool each chosen code (default: each root code) with the codes under it."),
]
SourceListOpt = Annotated[
    list[str] | None,
    typer.Option("--source", "-s", help="A source to compare (repeat) [default: every source coded by two "
                 "or more of the coders].", show_default=False),
]
ThresholdOpt = Annotated[
    float | None,
    typer.Option("--threshold", help="Share of a unit (0-1] a segment must overlap for the unit to count as "
                 "coded [default: any overlap].", show_default=False),
]
UnitizerOpt = Annotated[
    str | None,
    typer.Option("--unitizer", help="--unit excerpt: the coder whose segments are the units.", show_default=False),
]
ExcerptsOpt = Annotated[
    Path | None,
    typer.Option("--excerpts", help="--unit excerpt: CSV with columns source,start,end (end exclusive).",
                 show_default=False),
]
AbsentOpt = Annotated[
    Absent,
    typer.Option("--absent", help="A coder who coded nothing in a source: 'missing' (did not code it) or "
                 "'uncoded' (read it, found nothing to code)."),
]


def _scope(unit: Unit, coders: str | None, code: list[str] | None, descendants: bool, source: list[str] | None,
           threshold: float | None, unitizer: str | None, excerpts: Path | None, absent: Absent) -> AgreementScope:
    names = None
    if coders is not None:
        names = [c.strip() for c in coders.split(",") if c.strip()]
        if len(names) < 2:
            raise AgreementError(f"--coders {coders!r}: agreement needs at least two coders")
    return AgreementScope(
        unit=unit.value,
        coders=names,
        codes=code or None,
        descendants=descendants,
        sources=source or None,
        threshold=threshold,
        unitizer=unitizer,
        excerpts=read_excerpts(excerpts) if excerpts is not None else None,
        absent="uncoded" if absent is Absent.uncoded else "missing",
    )


_RESULT_COLUMNS = ["code", "coefficient", "value", "units", "coders", "note"]


def _skipped_note(skipped: tuple[tuple[str, str], ...]) -> None:
    for name, why in skipped:
        typer.echo(f"Skipped source {name!r}: {why}", err=True)


@agreement_app.command("project")
def project_cmd(
    project: ProjectOpt = None,
    unit: UnitOpt = Unit.characters,
    coders: CodersOpt = None,
    code: CodeListOpt = None,
    descendants: DescendantsOpt = False,
    source: SourceListOpt = None,
    coefficient: Annotated[
        list[str] | None,
        typer.Option("--coefficient", help="Coefficient (repeat) [default: krippendorff_alpha and "
                     "percent_agreement; cohen_kappa for two coders; brennan_prediger for documents].",
                     show_default=False),
    ] = None,
    threshold: ThresholdOpt = None,
    unitizer: UnitizerOpt = None,
    excerpts: ExcerptsOpt = None,
    absent: AbsentOpt = Absent.missing,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Agreement between coders of this project, per code and pooled.

    Each unit is rated 1/0 per code and coder (1: a segment of the code overlaps it, by at least
    --threshold of the unit when given); pooled stacks every (unit, code) pair. Codes: every code applied,
    each on its own, unless --code / --descendants. A coder who coded nothing in a source did not code it
    (missing) unless --absent uncoded; sources coded by fewer than two coders are skipped (listed on
    stderr). Undefined values (e.g. alpha when every rating is the same) are shown with the reason.
    """
    is_unitized = unit is Unit.unitized
    if is_unitized and (coefficient or threshold is not None):
        raise InputError("--unit unitized computes the unitizing alphas; --coefficient and --threshold do not apply")
    scope = _scope(Unit.characters if is_unitized else unit, coders, code, descendants, source, threshold,
                   unitizer, excerpts, absent)
    with opened(project) as proj:
        if is_unitized:
            u = project_unitizing(proj, scope)
            if fmt is OutputFormat.json:
                typer.echo(json.dumps(u.to_dict(), ensure_ascii=False, indent=2))
                return
            _skipped_note(u.skipped)
            emit(u.rows(), _RESULT_COLUMNS, fmt,
                 title=f"Unitizing alpha, coders {', '.join(u.coders)}, {len(u.sources)} source(s)")
            if u.family_reason:
                typer.echo(u.family_reason, err=True)
            return
        with busy("Computing agreement"):
            res = project_agreement(proj, scope, coefficients=coefficient or None)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(res.to_dict(), ensure_ascii=False, indent=2))
        return
    _skipped_note(res.skipped)
    emit(res.rows(), _RESULT_COLUMNS, fmt,
         title=f"Agreement on {res.unit} units, coders {', '.join(res.coders)}, {len(res.sources)} source(s)")


def _project_lang(proj: Any) -> str:
    """The language the project's sources are in, of en and id: the one most of them use ("id", the
    report's default, on a tie or when none is either)."""
    counts = {"id": 0, "en": 0}
    for src in list_sources(proj):
        base = (src.language or "").split("-")[0].lower()
        if base in counts:
            counts[base] += 1
    return "en" if counts["en"] > counts["id"] else "id"


@agreement_app.command("disagreements")
def disagreements_cmd(
    project: ProjectOpt = None,
    unit: UnitOpt = Unit.characters,
    coders: CodersOpt = None,
    code: CodeListOpt = None,
    descendants: DescendantsOpt = False,
    source: SourceListOpt = None,
    threshold: ThresholdOpt = None,
    unitizer: UnitizerOpt = None,
    excerpts: ExcerptsOpt = None,
    absent: AbsentOpt = Absent.missing,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE.csv or FILE.html instead.", show_default=False),
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    lang: Annotated[str | None, typer.Option("--lang", help="Language of the HTML page's words: en or id (codes, "
                                             "coders and transcripts as they are) [default: the language of "
                                             "most of the project's sources; Indonesian, as the report, when "
                                             "none is en or id]", show_default=False)] = None,
) -> None:
    """Every unit where the coders differ: source, span, text and who applied which codes."""
    if unit is Unit.unitized:
        raise InputError("--unit unitized has no units to list; choose characters, sentence, turn ...")
    if output is not None and output.suffix.lower() not in (".csv", ".html", ".htm"):
        raise InputError(f"--output {output}: expected a .csv or .html file")
    scope = _scope(unit, coders, code, descendants, source, threshold, unitizer, excerpts, absent)
    with opened(project) as proj:
        listing = list_disagreements(proj, scope)
        page_lang = lang if lang is not None else _project_lang(proj)
    if output is not None:
        text = (disagreements_csv(listing) if output.suffix.lower() == ".csv"
                else disagreements_html(listing, lang=page_lang))
        write_output(output, text)
        typer.echo(f"Wrote {len(listing.rows)} disagreement(s) to {output}")
        return
    emit(listing.records(), listing.columns, fmt, empty="The coders agree on every unit.",
         title=f"Disagreements on {listing.unit} units")


@agreement_app.command("resolve")
def resolve_cmd(
    project: ProjectOpt = None,
    rule: Annotated[
        Rule | None,
        typer.Option("--rule", help="Bulk: agreed (every coder), union, majority, or coder (--accept's coding "
                     "where another coder agrees).", show_default=False),
    ] = None,
    accept: Annotated[
        str | None, typer.Option("--accept", help="--rule coder: whose coding to accept.", show_default=False)
    ] = None,
    span: Annotated[
        str | None,
        typer.Option("--span", help="One span START:END of --source to record with the --code(s) agreed on.",
                     show_default=False),
    ] = None,
    unit: UnitOpt = Unit.characters,
    coders: CodersOpt = None,
    code: CodeListOpt = None,
    descendants: DescendantsOpt = False,
    source: SourceListOpt = None,
    threshold: ThresholdOpt = None,
    unitizer: UnitizerOpt = None,
    excerpts: ExcerptsOpt = None,
    absent: AbsentOpt = Absent.missing,
    consensus: Annotated[str, typer.Option("--consensus", help="The consensus coder.")] = "consensus",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Bulk: show what would be coded; write nothing.")] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Record the agreed coding under the consensus coder: one span (--source --span --code), or in bulk (--rule)."""
    if (span is None) == (rule is None):
        raise InputError("give either --span (with --source and --code) or --rule")
    if dry_run and span is not None:
        raise InputError("--dry-run previews --rule only: --span records its coding (nothing was recorded)")
    with opened(project) as proj:
        if span is not None:
            if not source or len(source) != 1:
                raise InputError("--span needs exactly one --source")
            if not code:
                raise InputError("--span needs the --code(s) the team agreed on")
            start, end = parse_span(span)
            done = resolve(proj, source[0], start, end, code, consensus=consensus)
            typer.echo(f"Recorded {done.created} coding(s) for {consensus!r}"
                       + (f" ({done.skipped_duplicates} already there)" if done.skipped_duplicates else ""))
            return
        assert rule is not None
        if unit is Unit.unitized:
            raise InputError("--unit unitized has no units to resolve")
        scope = _scope(unit, coders, code, descendants, source, threshold, unitizer, excerpts, absent)
        res = resolve_bulk(proj, scope, rule=rule.value, accept=accept, consensus=consensus, dry_run=dry_run)
        names = {s.id: s.name for s in list_sources(proj)}
    if dry_run:
        emit([{"source": names.get(s.source, s.source), "start": s.start, "end": s.end, "code": s.code}
              for s in res.segments], ["source", "start", "end", "code"], fmt,
             title=f"Would record for {consensus!r} (rule {res.rule})", empty="Nothing to record.")
        return
    typer.echo(f"Recorded {res.created} coding(s) for {consensus!r} by rule {res.rule}"
               + (f" ({res.skipped_duplicates} already there)" if res.skipped_duplicates else ""))
