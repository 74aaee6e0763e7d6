"""makna query / search / wordfreq / chart / report: the analysis commands."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ._app import app
from ._common import CoderOpt, FormatOpt, OutputFormat, ProjectOpt, busy, emit, opened

query_app = typer.Typer(help="Analyse the coding: frequencies, matrices, co-occurrence, sequences, summary grid.",
                        no_args_is_help=True)
app.add_typer(query_app, name="query")


DescendantsOpt = Annotated[bool, typer.Option(
    "--descendants/--own", help="A code counts the distinct segments of its subtree (a passage coded with several "
    "codes below it once), or its own segments only.")]


class MatrixMeasure(str, Enum):
    segments = "segments"
    cases = "cases"
    presence = "presence"


class Percent(str, Enum):
    none = "none"
    row = "row"
    column = "column"


class CoMode(str, Enum):
    overlap = "overlap"
    turn = "turn"
    distance = "distance"


class ScopeOpt(str, Enum):
    match = "match"
    sentence = "sentence"
    turn = "turn"


class GroupOpt(str, Enum):
    project = "project"
    source = "source"
    case = "case"
    code = "code"


@query_app.command("frequencies")
def frequencies_cmd(project: ProjectOpt = None, coder: CoderOpt = None,
                    descendants: DescendantsOpt = True,
                    fmt: FormatOpt = OutputFormat.table) -> None:
    """Per code: segments, sources and cases (informants)."""
    from ..queries import code_frequencies

    with opened(project) as proj:
        freq = code_frequencies(proj, coder=coder, descendants=descendants)
    rows = [{"code": f.key, "name": f.name, "segments": f.segments, "sources": f.sources, "cases": f.cases}
            for f in freq]
    emit(rows, ["code", "name", "segments", "sources", "cases"], fmt, title="Code frequencies", empty="No codes.")


@query_app.command("matrix")
def matrix_cmd(
    project: ProjectOpt = None,
    attribute: Annotated[str | None, typer.Option("--attribute", "-a", help="Columns: values of this case attribute "
                                                   "(default: cases).")] = None,
    measure: Annotated[MatrixMeasure, typer.Option("--measure", help="Cell value.")] = (
        MatrixMeasure.segments),
    percent: Annotated[Percent, typer.Option("--percent", help="Show row or column percentages.")] = Percent.none,
    descendants: DescendantsOpt = True,
    offset: Annotated[int, typer.Option("--offset", help="First column to show.")] = 0,
    columns: Annotated[int, typer.Option("--columns", help="Columns to show (page wide matrices).")] = 50,
    coder: CoderOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Codes x cases, or codes x the values of a case attribute, with totals and percentages."""
    from ..analysis.matrices import code_by_attribute, code_by_case

    with opened(project) as proj:
        if attribute:
            m = code_by_attribute(proj, attribute, measure=measure.value, coder=coder, descendants=descendants)
        else:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                m = code_by_case(proj, measure=measure.value, coder=coder, descendants=descendants)
    total_cols = len(m.columns)
    page = m.page(offset, columns)
    if total_cols > offset + columns and fmt is OutputFormat.table:
        typer.echo(f"Columns {offset + 1}-{offset + len(page.columns)} of {total_cols}; see more with --offset.",
                   err=True)
    records = page.records(percent.value)
    if percent is not Percent.none and fmt is OutputFormat.table:  # a reader sees the count and its share
        counts = page.records("none")
        records = [{k: f"{n[k]} ({v:.1f} %)" if k in page.columns else v for k, v in r.items()}
                   for r, n in zip(records, counts, strict=True)]
    emit(records, ["code", *page.columns, "total"], fmt, title=m.title, empty="No codes.")


@query_app.command("cooccurrence")
def cooccurrence_cmd(
    project: ProjectOpt = None,
    mode: Annotated[CoMode, typer.Option("--mode", help="overlap: overlapping segments; turn: same turn; "
                                         "distance: within N characters.")] = CoMode.overlap,
    distance: Annotated[int, typer.Option("--distance", "-n", help="N for --mode distance.")] = 0,
    min_count: Annotated[int, typer.Option("--min", help="Only pairs meeting at least this often.")] = 1,
    table: Annotated[bool, typer.Option("--table", help="The full code x code table instead of pairs.")] = False,
    coder: CoderOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Pairs of codes that co-occur, with counts (n1, n2, n12) and the c-coefficient."""
    from ..analysis.cooccurrence import cooccurrence

    with opened(project) as proj:
        co = cooccurrence(proj, mode=mode.value, distance=distance, coder=coder)
    if table:
        emit(co.records(), ["code", *co.codes], fmt, title=f"Co-occurrence ({co.mode})", empty="No codes.")
        return
    rows = [{"code1": p.code1, "code2": p.code2, "n1": p.n1, "n2": p.n2, "n12": p.n12, "c": round(p.c, 3)}
            for p in co.pairs(min_count=min_count)]
    emit(rows, ["code1", "code2", "n1", "n2", "n12", "c"], fmt, title=f"Co-occurrence ({co.mode})",
         empty="No codes co-occur.")


@query_app.command("sequences")
def sequences_cmd(
    project: ProjectOpt = None,
    max_gap: Annotated[int | None, typer.Option("--max-gap", help="Only successors within N characters.")] = None,
    coder: CoderOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Which code follows which within a source."""
    from ..analysis.sequences import code_sequences

    with opened(project) as proj:
        rows = [{"before": t.before, "after": t.after, "count": t.count, "sources": t.sources}
                for t in code_sequences(proj, max_gap=max_gap, coder=coder)]
    emit(rows, ["before", "after", "count", "sources"], fmt, title="Code sequences", empty="No sequences.")


@query_app.command("summary")
def summary_cmd(
    project: ProjectOpt = None,
    code: Annotated[list[str] | None, typer.Option("--code", "-c", help="Codes to show (repeat).")] = None,
    case: Annotated[list[str] | None, typer.Option("--case", help="Cases to show (repeat).")] = None,
    set_text: Annotated[str | None, typer.Option("--set", help="Write this summary for the one --case and --code "
                                                  "given ('' deletes it).")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """The summary grid: per case and code, the coded text and the researcher's summary."""
    from ..analysis.summary import set_summary, summary_grid

    with opened(project) as proj:
        if set_text is not None:
            if not code or not case or len(code) != 1 or len(case) != 1:
                raise InputError("--set needs exactly one --case and one --code")
            set_summary(proj, case[0], code[0], set_text)
            typer.echo(f"Summary of {case[0]} x {code[0]} {'saved' if set_text.strip() else 'deleted'}.")
            return
        grid = summary_grid(proj, cases=case, codes=code)
    rows = [{"case": c.case, "code": c.code, "segments": len(c.segments), "coded_text": c.coded_text,
             "summary": c.summary} for c in grid.cells.values()]
    rows.sort(key=lambda r: (str(r["case"]), grid.codes.index(str(r["code"]))))
    emit(rows, ["case", "code", "segments", "summary", "coded_text"], fmt, title="Summary grid",
         empty="No coded text for these cases and codes.")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help='Words, "phrases", prefix*, AND, OR, NOT, parentheses.')],
    project: ProjectOpt = None,
    stem: Annotated[bool, typer.Option("--stem/--no-stem", help="Match word forms (ditipu: tipu, menipu).")] = True,
    source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Only these sources (repeat).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Hits to show.")] = 100,
    context: Annotated[int, typer.Option("--context", help="Characters of context each side.")] = 40,
    autocode: Annotated[str | None, typer.Option("--autocode", help="Code every hit with this code.")] = None,
    scope: Annotated[ScopeOpt, typer.Option("--scope", help="What --autocode codes.")] = ScopeOpt.match,
    coder: CoderOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Full-text search with stemming, shown as keyword in context; optionally autocode the hits."""
    from ..analysis.search import autocode_search, count_passages, search

    with opened(project, coder, codes=autocode is not None) as proj:
        if autocode:
            res = autocode_search(proj, query, autocode, scope=scope.value, stem=stem, sources=source,
                                  coder=coder)
            typer.echo(f"Coded {res.created} span(s) with {autocode}; {res.skipped_duplicates} coded already "
                       "(the same passage, or one overlapping it, by this coder).")
            return
        hits = search(proj, query, stem=stem, sources=source, context=context, limit=limit)
        passages, sources_n = count_passages(proj, query, stem=stem, sources=source) if fmt is OutputFormat.table \
            else (0, 0)

    def flat(s: str) -> str:
        return " ".join(s.split())

    rows = [{"source": h.source, "turn": h.turn, "start": h.start, "end": h.end, "left": flat(h.left),
             "keyword": h.keyword, "right": flat(h.right)} for h in hits]
    title = f"{query}: {passages} passage(s) in {sources_n} source(s)" if fmt is OutputFormat.table else None
    emit(rows, ["source", "turn", "start", "end", "left", "keyword", "right"], fmt, title=title, empty="No hits.")


@app.command("wordfreq")
def wordfreq_cmd(
    project: ProjectOpt = None,
    by: Annotated[GroupOpt, typer.Option("--by", help="Count per source, case or code.")] = GroupOpt.project,
    code: Annotated[str | None, typer.Option("--code", "-c", help="Only this code's segments.")] = None,
    stem: Annotated[bool, typer.Option("--stem/--no-stem", help="Count stems instead of words.")] = False,
    top: Annotated[int, typer.Option("--top", help="Words per group.")] = 30,
    stopwords: Annotated[bool, typer.Option("--stopwords/--no-stopwords", help="Leave out stop words.")] = True,
    stopword_file: Annotated[list[Path] | None,
                             typer.Option("--stopword-file", help="More stop words (repeat).")] = None,
    extra: Annotated[list[str] | None, typer.Option("--exclude", "-x", help="Another stop word (repeat).")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """The most frequent words (stop words of Indonesian and English left out)."""
    from ..analysis.wordfreq import word_frequencies

    with opened(project) as proj:
        words = word_frequencies(proj, by=by.value, code=code, stem=stem, top=top,
                                 use_stopwords=stopwords, extra_stopwords=extra or (),
                                 stopword_files=stopword_file or ())
    emit([{"group": w.group, "word": w.word, "count": w.count} for w in words],
         (["group"] if by is not GroupOpt.project else []) + ["word", "count"], fmt, title="Word frequencies",
         empty="No words.")


class ChartKindOpt(str, Enum):
    frequency = "frequency"
    heatmap = "heatmap"
    network = "network"
    hierarchy = "hierarchy"


@app.command("chart")
def chart_cmd(
    kind: Annotated[ChartKindOpt, typer.Argument(help="frequency, heatmap, network or hierarchy.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="FILE.svg or FILE.png")],
    project: ProjectOpt = None,
    lang: Annotated[str, typer.Option("--lang", help="Titles in id or en.")] = "en",
    mode: Annotated[CoMode, typer.Option("--mode", help="Network: co-occurrence mode.")] = CoMode.overlap,
) -> None:
    """Draw a chart of the project as SVG or PNG."""
    from ..analysis.charts import project_chart

    if output.suffix.lower() not in (".svg", ".png"):
        raise InputError(f"{output}: choose a .svg or .png file name")
    with opened(project) as proj:
        fig = project_chart(proj, kind.value, mode=mode.value, lang=lang)
    fig.save(output)
    typer.echo(f"Wrote {output}")


@app.command("report")
def report_cmd(
    project: ProjectOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the report files.")] = Path("report"),
    lang: Annotated[str, typer.Option("--lang", help="Report language: id or en.")] = "id",
    templates: Annotated[Path | None, typer.Option("--templates", help="Folder with report.html.j2 / report.md.j2 "
                                                   "overriding the shipped templates.")] = None,
    quotes: Annotated[int, typer.Option("--quotes", help="Exemplar quotes per code.")] = 2,
    coder: Annotated[str | None, typer.Option("--coder", help="Count and quote this coder's codings only "
                                              "(e.g. after agreement, the coder whose coding is final).")] = None,
) -> None:
    """Write the findings report: report.html (self-contained), report.md, report.docx and charts.

    With several coders every coder's codings count (one passage coded by two coders is two segments); a thesis
    usually reports one coder's, or the consensus: --coder NAME. A folder holding the report in the other language
    is refused (nothing is written): give each language its own folder (-o report-en)."""
    from ..report import write_report

    with opened(project) as proj:
        with busy("Writing the report"):
            files = write_report(proj, output, lang, templates=templates, quotes=quotes, coder=coder)
        from ._deid_hint import warn_unscanned_fields

        warn_unscanned_fields(proj, "the report")
    typer.echo(f"Wrote {files.html}, {files.markdown}, {files.docx} and {len(files.charts)} chart file(s).")
