"""makna stats: code frequencies and the code x case matrix."""

from __future__ import annotations

from typing import Annotated

import typer

from ._app import app
from ._common import FormatOpt, OutputFormat, ProjectOpt, emit, opened


@app.command()
def stats(
    project: ProjectOpt = None,
    matrix: Annotated[
        bool, typer.Option("--matrix", help="Code x case matrix instead of the frequency table.")
    ] = False,
    presence: Annotated[bool, typer.Option("--presence", help="Matrix cells 1/0 instead of segment counts.")] = False,
    descendants: Annotated[
        bool, typer.Option("--descendants/--own", help="A code counts its subtree (the rule below), or its own "
                           "segments only.")
    ] = True,
    coder: Annotated[str | None, typer.Option("--coder", help="Only this coder's segments.")] = None,
    used: Annotated[bool, typer.Option("--used", help="Leave out codes with no segments.")] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Per code: segments, sources and informants (cases); or the code x case matrix.

    A code's figures count the distinct segments of its subtree: its own and its descendants'
    segments, a passage (same source, span and coder) coded with several codes below it counted
    once; sources and informants are counted distinct too. --own counts a code's own segments."""
    from ..queries import code_case_matrix, code_frequencies

    with opened(project) as proj:
        if matrix:
            m = code_case_matrix(proj, measure="presence" if presence else "segments", coder=coder,
                                 descendants=descendants)
            emit(m.records(), ["code", *m.columns], fmt, title=f"Code x case ({m.measure})", empty="No codes.")
            return
        freq = code_frequencies(proj, coder=coder, descendants=descendants, include_unused=not used)
    rows = [
        {
            "code": ("  " * f.depth if fmt is OutputFormat.table else "") + f.key,
            "name": f.name,
            "segments": f.segments,
            "sources": f.sources,
            "cases": f.cases,
        }
        for f in freq
    ]
    emit(rows, ["code", "name", "segments", "sources", "cases"], fmt, title="Codes", empty="No codes.")
