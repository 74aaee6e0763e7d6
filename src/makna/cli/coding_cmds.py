"""makna code, uncode, segments, memo: apply codes and read coded material back."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import InputError
from ..model import MEMO_TARGETS
from ._app import app
from ._common import CoderOpt, FormatOpt, OutputFormat, ProjectOpt, emit, opened, parse_span

SourceOpt = Annotated[list[str] | None, typer.Option("--source", "-s", help="Source name or id (repeatable).")]


@app.command()
def code(
    code_key: Annotated[str, typer.Argument(metavar="CODE", help="Code key, e.g. exp.neg.fraud")],
    source: SourceOpt = None,
    project: ProjectOpt = None,
    span: Annotated[str | None, typer.Option("--span", help="START:END, 0-based code points, end exclusive.")] = None,
    turn: Annotated[
        int | None, typer.Option("--turn", help="Turn number (from 1, see 'makna sources show NAME --turns').")
    ] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Every turn of this speaker label.")] = None,
    match: Annotated[str | None, typer.Option("--match", help="Every match of this phrase (whole words, with their "
                                               "Indonesian clitic forms: ongkir finds ongkirnya).")] = None,
    regex: Annotated[bool, typer.Option("--regex", help="--match is a regular expression.")] = False,
    scope: Annotated[str, typer.Option("--scope", help="For --match: match, sentence or turn.")] = "match",
    case_sensitive: Annotated[bool, typer.Option("--case-sensitive")] = False,
    memo: Annotated[str, typer.Option("--memo", help="A memo on the new segment.")] = "",
    coder: CoderOpt = None,
) -> None:
    """Code a span, a turn, every turn of a speaker, or every match of a phrase or regex."""
    from ..coding import autocode_pattern, autocode_speaker, code_span, code_turn

    chosen = [x for x in (span, turn, speaker, match) if x is not None]
    if len(chosen) != 1:
        raise InputError("give exactly one of --span, --turn, --speaker or --match")
    with opened(project, coder, codes=True) as proj:
        if span is not None or turn is not None:
            if not source or len(source) != 1:
                raise InputError("--span and --turn need exactly one --source")
            if span is not None:
                start, end = parse_span(span)
                seg = code_span(proj, source[0], start, end, code_key, memo=memo)
            else:
                seg = code_turn(proj, source[0], turn or 0, code_key, memo=memo)
            typer.echo(f"Coded {source[0]} [{seg.start}:{seg.end}] with {code_key} (segment {seg.id}).")
            return
        if speaker is not None:
            result = autocode_speaker(proj, speaker, code_key, sources=source)
        else:
            result = autocode_pattern(
                proj,
                match or "",
                code_key,
                regex=regex,
                scope=scope,  # type: ignore[arg-type]
                sources=source,
                ignore_case=not case_sensitive,
            )
    typer.echo(f"Coded {result.created} segment(s) with {code_key}; {result.skipped_duplicates} already coded.")


@app.command("uncode")
def uncode_cmd(
    segment: Annotated[str | None, typer.Option("--segment", help="Segment id.")] = None,
    source: Annotated[str | None, typer.Option("--source", "-s")] = None,
    span: Annotated[str | None, typer.Option("--span", help="START:END of the coding to remove.")] = None,
    code_key: Annotated[str | None, typer.Option("--code", help="Only this code [default: every code there].")] = None,
    all_coders: Annotated[bool, typer.Option("--all-coders", help="Remove other coders' codings too.")] = False,
    project: ProjectOpt = None,
    coder: CoderOpt = None,
) -> None:
    """Remove a coding by segment id, or the codings of a span."""
    from ..coding import uncode, uncode_span

    with opened(project, coder) as proj:
        if segment:
            uncode(proj, segment)
            typer.echo(f"Removed segment {segment}.")
            return
        if not (source and span):
            raise InputError("give --segment ID, or --source NAME with --span START:END")
        start, end = parse_span(span)
        n = uncode_span(proj, source, start, end, code_key, all_coders=all_coders)
    typer.echo(f"Removed {n} coding(s).")


@app.command()
def segments(
    project: ProjectOpt = None,
    code_key: Annotated[str | None, typer.Option("--code", "-c", help="Code key.")] = None,
    no_descendants: Annotated[bool, typer.Option("--no-descendants", help="Only the code itself.")] = False,
    source: SourceOpt = None,
    case: Annotated[str | None, typer.Option("--case", help="Case name.")] = None,
    attribute: Annotated[str | None, typer.Option("--attribute", "-a", help="NAME=VALUE of a case attribute.")] = None,
    coder: Annotated[str | None, typer.Option("--coder", help="Only this coder's segments.")] = None,
    context: Annotated[int, typer.Option("--context", help="Characters of context each side.")] = 0,
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Retrieve coded segments, filtered by code, source, case, attribute and coder."""
    from ..memo_views import memo_block, memo_line, memos_on_segments
    from ..queries import retrieve

    attr = None
    if attribute is not None:
        if "=" not in attribute:
            raise InputError(f"--attribute {attribute!r}: expected NAME=VALUE")
        name, value = attribute.split("=", 1)
        attr = (name.strip(), value)
    with opened(project) as proj:
        found = retrieve(
            proj,
            code=code_key,
            descendants=not no_descendants,
            sources=source,
            case=case,
            attribute=attr,
            coder=coder,
            context=context,
            limit=limit,
        )
        on_segments = memos_on_segments(proj, [s.id for s in found])
    rows = [
        {
            "source": s.source,
            "turn": s.turn,
            "start": s.start,
            "end": s.end,
            "code": s.code_key,
            "coder": s.coder,
            "cases": "; ".join(s.cases),
            "before": s.before,
            "text": s.text,
            "after": s.after,
            "memo": s.memo,
            "segment_memos": memo_block(on_segments.get(s.id, [])),
            "id": s.id,
        }
        for s in found
    ]
    cols = ["source", "turn", "start", "end", "code", "coder", "cases", "text"]
    if fmt is not OutputFormat.table:
        cols = ["id", *cols[:-1], "before", "text", "after", "memo", "segment_memos"]
    else:
        if context:
            for r in rows:
                r["text"] = f"…{r['before']}[{r['text']}]{r['after']}…"
        if any(r["memo"] or r["segment_memos"] for r in rows):  # both kinds, each line saying which
            cols.append("memos")
            for r in rows:
                lines = [f"coding: {r['memo']}"] if r["memo"] else []
                lines += [f"segment ({m.coder}): {memo_line(m)}" for m in on_segments.get(str(r["id"]), [])]
                r["memos"] = "\n".join(lines)
    emit(rows, cols, fmt, title=f"Segments ({len(rows)})", empty="No segments match.")


memo_app = typer.Typer(help="Memos on the project, sources, cases, codes and segments.", no_args_is_help=True)
app.add_typer(memo_app, name="memo")


@memo_app.command("add")
def memo_add(
    text: str,
    project: ProjectOpt = None,
    on: Annotated[str, typer.Option("--on", help=f"What the memo is about: {', '.join(MEMO_TARGETS)}")] = "project",
    target: Annotated[str | None, typer.Option("--target", "-t", help="Its name, key or id.")] = None,
    title: Annotated[str, typer.Option("--title")] = "",
    coder: CoderOpt = None,
) -> None:
    """Write a memo."""
    from ..memos import add_memo

    with opened(project, coder, codes=True) as proj:
        m = add_memo(proj, on, target, text, title=title)
    typer.echo(f"Memo {m.id} added to the {on}.")


@memo_app.command("list")
def memo_list(
    project: ProjectOpt = None,
    on: Annotated[str | None, typer.Option("--on")] = None,
    target: Annotated[str | None, typer.Option("--target", "-t")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """List memos: what each is about (a source's, case's or code's name; a segment's code and source), its
    title, text and writer."""
    from ..memo_views import list_memo_views

    with opened(project) as proj:
        rows = [
            {
                "id": m.id,
                "on": m.kind,
                "target": m.target or m.target_id or "",
                "target_id": m.target_id or "",
                "title": m.title,
                "text": m.text,
                "coder": m.coder,
                "created_at": m.created_at,
            }
            for m in list_memo_views(proj, on, target)
        ]
    columns = ["on", "target", "title", "text", "coder", "created_at", "id"]
    if fmt is not OutputFormat.table:
        columns.append("target_id")
    emit(rows, columns, fmt, title="Memos", empty="No memos.")
