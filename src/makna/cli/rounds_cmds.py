"""makna round: coding rounds, blind coding and a consensus layer per round."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ._app import app
from ._common import FormatOpt, OutputFormat, ProjectOpt, emit, opened

round_app = typer.Typer(help="Coding rounds: blind coding until a manager closes the round, then agreement and "
                             "consensus per round.", no_args_is_help=True)
app.add_typer(round_app, name="round")

_AGREEMENT_COLUMNS = ["code", "coefficient", "value", "units", "coders", "note"]


@round_app.command("open")
def round_open(
    name: str,
    project: ProjectOpt = None,
    visible: Annotated[bool, typer.Option("--visible", help="Not blind: coders see each other's codings.")] = False,
    source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Only this source (repeatable; "
                                                                             "default: every source).")] = None,
) -> None:
    """Open a coding round (blind unless --visible): coders see only their own codings until it closes."""
    from ..rounds import open_round

    with opened(project) as proj:
        rnd = open_round(proj, name, blind=not visible, sources=source or ())
    where = f"{len(rnd.sources)} source(s)" if rnd.sources else "every source"
    typer.echo(f"Opened {'blind ' if rnd.blind else ''}round {rnd.name!r} on {where}.")


@round_app.command("close")
def round_close(name: Annotated[str | None, typer.Argument(help="The round (default: the open one).")] = None,
                project: ProjectOpt = None) -> None:
    """Close the open round: every coder's codings are visible again."""
    from ..rounds import close_round

    with opened(project) as proj:
        rnd = close_round(proj, name)
    typer.echo(f"Closed round {rnd.name!r}: agreement with 'makna round agreement {rnd.name}'.")


@round_app.command("join")
def round_join(name: Annotated[str | None, typer.Argument(help="The round (default: the open one).")] = None,
               project: ProjectOpt = None) -> None:
    """Code blind in the open round (a manager or owner): until it closes you see only your own codings of its
    sources, as every coder does."""
    from ..rounds import join_round

    with opened(project) as proj:
        rnd = join_round(proj, name)
    typer.echo(f"You code blind in round {rnd.name!r} until it closes (makna round close {rnd.name}).")


@round_app.command("list")
def round_list(project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """List the coding rounds."""
    from ..rounds import list_rounds

    with opened(project) as proj:
        rounds = list_rounds(proj)
    rows = [{"name": r.name, "blind": "yes" if r.blind else "no", "state": "open" if r.is_open else "closed",
             "sources": len(r.sources) or "all", "opened": r.opened_at.strftime("%Y-%m-%d %H:%M"),
             "by": r.opened_by, "closed": r.closed_at.strftime("%Y-%m-%d %H:%M") if r.closed_at else ""}
            for r in rounds]
    emit(rows, ["name", "blind", "state", "sources", "opened", "by", "closed"], fmt, title="Rounds",
         empty="No rounds yet: makna round open NAME")


@round_app.command("agreement")
def round_agreement(name: str, project: ProjectOpt = None,
                    unit: Annotated[str, typer.Option(help="sentence, paragraph, turn or characters.")] = "sentence",
                    fmt: FormatOpt = OutputFormat.table) -> None:
    """Agreement of a round: its sources and the coders who coded during it."""
    from ..agreement import project_agreement
    from ..rounds import round_scope

    with opened(project) as proj:
        res = project_agreement(proj, round_scope(proj, name, unit=unit))
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(res.to_dict(), ensure_ascii=False, indent=2))
        return
    emit(res.rows(), _AGREEMENT_COLUMNS, fmt,
         title=f"Round {name}: agreement on {res.unit} units, coders {', '.join(res.coders)}")


@round_app.command("consensus")
def round_consensus_cmd(
    name: str,
    project: ProjectOpt = None,
    rule: Annotated[str, typer.Option(help="agreed (every coder), union, majority, or coder (--accept's coding where "
                                           "another coder agrees). One disagreement at a time: 'makna agreement "
                                           "resolve --span ... --consensus consensus.ROUND'.")] = "agreed",
    accept: Annotated[str | None, typer.Option(help="With --rule coder: whose coding to accept where another coder "
                                                    "agrees.")] = None,
    unit: Annotated[str, typer.Option(help="sentence, paragraph, turn or characters.")] = "sentence",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would be recorded; write nothing.")] = False,
) -> None:
    """Build a round's consensus layer (coder consensus.ROUND) with a rule over its units."""
    from ..rounds import round_consensus

    with opened(project) as proj:
        res = round_consensus(proj, name, rule=rule, accept=accept, dry_run=dry_run, unit=unit)
    verb = "would record" if dry_run else "recorded"
    typer.echo(f"Round {name}: {verb} {res.created if not dry_run else len(res.segments)} consensus coding(s) "
               f"under {res.consensus} (rule {res.rule}; {res.skipped_duplicates} already there).")
