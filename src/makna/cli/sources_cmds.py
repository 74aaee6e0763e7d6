"""makna import, makna sources: bring transcripts in; list and inspect them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..import_hints import new_sources_warning
from ._app import app
from ._common import FormatOpt, OutputFormat, ProjectOpt, emit, opened

if TYPE_CHECKING:
    from ..model import Source
    from ..project import Project


@app.command("import")
def import_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (.txt .md .docx .odt .rtf .pdf .html .vtt .srt, WhatsApp .txt, "
                          "a Telegram HTML export's folder or .zip, a Telegram JSON export's result.json, "
                          "a survey .csv or .xlsx: a source and a case per respondent)."),
    ],
    project: ProjectOpt = None,
    language: Annotated[str | None, typer.Option("--language", "-l", help="id, en, ... [default: detected]")] = None,
    turn_pattern: Annotated[
        str | None,
        typer.Option(
            "--turn-pattern", help="Regex for a speaker label at a line start, with a (?P<speaker>...) group."
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Source name, for a single file [default: file name]")
    ] = None,
    no_original: Annotated[
        bool, typer.Option("--no-original", help="Do not keep the original file bytes in the project.")
    ] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="Import a file even when its content (the same file, or the same text) is a source's already: "
            "it becomes a second source of its own, coded apart (two interviews read from one script). A name "
            "is still one source's: give another with --name.",
        ),
    ] = False,
    survey_id: Annotated[
        str | None,
        typer.Option("--survey-id", help="A survey (.csv, .xlsx): the column naming each respondent "
                     "[default: one called id, respondent, responden, participant, peserta...; else respondent-N]."),
    ] = None,
    survey_answers: Annotated[
        str | None,
        typer.Option("--survey-answers", help="A survey: its open answers' columns, separated by commas "
                     "[default: the columns of free text longer than 40 characters on average]."),
    ] = None,
) -> None:
    """Import transcripts. Identical files imported before (the same bytes or the same text) are skipped
    and reported, unless --allow-duplicate; every file of a folder that is not imported is listed with
    the reason (an old Word .doc: convert it to .docx)."""
    import re

    from ..errors import DuplicateSourceError
    from ..sources import ImportReport, import_file, import_paths

    if turn_pattern is not None:
        try:
            re.compile(turn_pattern)
        except re.error as exc:
            from ..errors import InputError

            raise InputError(f"--turn-pattern {turn_pattern!r}: invalid regex ({exc})") from None
    if name is not None and (len(paths) != 1 or paths[0].is_dir()):
        from ..errors import InputError

        raise InputError("--name needs exactly one file")
    if survey_id is not None or survey_answers is not None or (len(paths) == 1 and _is_survey(paths[0])):
        if name is not None:
            from ..errors import InputError

            raise InputError("--name: a survey makes a source per respondent, named by its id column (--survey-id)")
        _import_survey(paths, project, language=language, survey_id=survey_id, survey_answers=survey_answers)
        return
    with opened(project) as proj:
        if len(paths) == 1 and not paths[0].is_dir():
            # One file: its error, if any, is the command's one-line error.
            notes: list[str] = []
            try:
                one = import_file(proj, paths[0], name=name, language=language, turn_pattern=turn_pattern,
                                  keep_original=not no_original, allow_duplicate=allow_duplicate,
                                  on_note=notes.append)
            except DuplicateSourceError as exc:
                if not exc.same_content:
                    raise
                raise DuplicateSourceError(f"{exc} ({_ALLOW_HINT})", same_content=True) from None
            report = ImportReport(imported=[one], notes=[(str(paths[0]), note) for note in notes])
        else:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
                disable=not sys.stderr.isatty(),
            ) as bar:
                task = bar.add_task("Importing", total=None)

                def tick(i: int, total: int, path: str) -> None:
                    bar.update(task, total=total, completed=i - 1, description=f"Importing {Path(path).name}")

                report = import_paths(
                    proj,
                    paths,
                    language=language,
                    turn_pattern=turn_pattern,
                    keep_original=not no_original,
                    progress=tick,
                    allow_duplicate=allow_duplicate,
                )
        imported = [_imported_line(s) for s in report.imported]
        if imported:
            report.imported.clear()  # the texts: indexing reads each back, one at a time
            _index_for_search(proj)
        late = new_sources_warning(proj, len(imported))
    for line in imported:
        typer.echo(line)
    for path, note in report.notes:
        typer.echo(f"Note: {path}: {note}")
    for dup in report.duplicates:
        typer.echo(f"Skipped {dup.path}: {dup.reason}")
    if not allow_duplicate and any(dup.same_content for dup in report.duplicates):
        typer.echo(f"Note: {_ALLOW_HINT}.")
    for path, why in report.passed_over:
        typer.echo(f"Not imported {path}: {why}")
    for _path, why in report.failed:
        typer.echo(f"Error: {why}", err=True)
    summary = f"{len(imported)} imported, {len(report.duplicates)} skipped, {len(report.failed)} failed"
    if report.passed_over:
        summary += f", {len(report.passed_over)} passed over"
    typer.echo(summary + ".")
    if late:
        typer.echo(f"Warning: {late}.", err=True)
    if not imported and (report.failed or not report.duplicates):
        if not report.failed and not report.passed_over:
            typer.echo("Error: no files to import found there.", err=True)
        raise typer.Exit(2)  # nothing imported: failures, only files that are not transcripts, or none
    if report.failed:
        raise typer.Exit(1)


def _is_survey(path: Path) -> bool:
    from ..importers.survey import is_survey

    return is_survey(path) and not path.is_dir()


def _import_survey(paths: list[Path], project: str | None, *, language: str | None, survey_id: str | None,
                   survey_answers: str | None) -> None:
    """One survey file: a source and a case per respondent; says which column it took for what."""
    from ..errors import InputError
    from ..survey_sources import answer_list, import_survey, survey_columns

    if len(paths) != 1 or not _is_survey(paths[0]):
        raise InputError("--survey-id and --survey-answers need exactly one survey file (.csv or .xlsx)")
    answers = answer_list(survey_answers)
    with opened(project) as proj:
        done = import_survey(proj, paths[0], id_column=survey_id, answer_columns=answers, language=language)
        lines = [_imported_line(s) for s in done.sources]
        done.sources.clear()
        _index_for_search(proj)
        late = new_sources_warning(proj, len(lines))
    typer.echo(f"Survey {paths[0]}: {len(lines)} respondent(s), each a source and a case.")
    for line in survey_columns(done.survey):
        typer.echo(f"  {line}")
    for note in done.survey.notes:
        typer.echo(f"Note: {paths[0]}: {note}")
    for line in lines:
        typer.echo(line)
    typer.echo(f"{len(lines)} imported, {done.cases.added} case(s) added, {done.cases.updated} updated.")
    if late:
        typer.echo(f"Warning: {late}.", err=True)


_ALLOW_HINT = ("to import a file whose content is a source's already as a second source of its own, "
               "add --allow-duplicate")


def _imported_line(s: Source) -> str:
    note = f" ({s.encoding})" if s.encoding and s.encoding not in ("utf-8", "utf-8-sig") else ""
    return f"Imported {s.name}: {s.length:,} characters, language {s.language}{note}"


def _index_for_search(proj: Project) -> None:
    """Bring the search index up to date now, so the first search after an import is fast."""
    from ..textindex.index import ensure_index

    with Progress(
        TextColumn("Indexing for search"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    ) as bar:
        task = bar.add_task("index", total=None)
        ensure_index(proj, progress=lambda i, n: bar.update(task, completed=i, total=n))


sources_app = typer.Typer(
    help="List and inspect sources. Without a subcommand: list them.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(sources_app, name="sources")


@sources_app.callback()
def sources_list(ctx: typer.Context, project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """List sources with their length, turns and language."""
    from ..sources import list_sources

    if ctx.invoked_subcommand is not None:
        return
    with opened(project) as proj:
        rows = [vars(s) for s in list_sources(proj)]
    columns = ["name", "length", "turns", "language", "media_type", "imported_at", "id"]
    if any(r["held"] for r in rows):  # imported after the de-identification (makna.holds)
        from ..holds import HELD_FLAG

        columns.insert(1, "held")
        for r in rows:
            r["held"] = HELD_FLAG if r["held"] else ""
    emit(
        rows,
        columns,
        fmt,
        title="Sources",
        empty="No sources yet: makna import FILE",
    )


@sources_app.command("list", hidden=True)
def sources_list_command(ctx: typer.Context, project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """The same as 'makna sources' (the word people type first)."""
    sources_list(ctx, project, fmt)


@sources_app.command("show")
def sources_show(
    name: Annotated[str, typer.Argument(help="Source name or id.")],
    project: ProjectOpt = None,
    turns: Annotated[bool, typer.Option("--turns", help="List the turns instead of the text.")] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Print a source's text (csv and json: one row with its name, language and text), or its numbered turns
    with offsets (the table shows each turn's first 80 characters, cut between words; csv and json give the
    whole text)."""
    from ..sources import get_source, get_turns
    from ..text import shorten

    with opened(project) as proj:
        src = get_source(proj, name)
        if not turns:
            if fmt is OutputFormat.table:
                typer.echo(src.text)
            else:
                emit([{"name": src.name, "language": src.language, "text": src.text}], ["name", "language", "text"],
                     fmt, title=src.name)
            return
        rows = [
            {
                "turn": t.number,
                "speaker": t.speaker,
                "start": t.start,
                "end": t.end,
                "time": t.time_start or "",
                "text": src.text[t.start : t.end] if fmt is not OutputFormat.table
                else shorten(src.text[t.start : t.end], 80),
            }
            for t in get_turns(proj, name)
        ]
    emit(
        rows,
        ["turn", "speaker", "start", "end", "time", "text"],
        fmt,
        title=f"Turns of {src.name}",
        empty="No turns detected.",
    )


@sources_app.command("release")
def sources_release(
    name: Annotated[str, typer.Argument(help="Source name or id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it needs no de-identification (kept in the log).")],
    project: ProjectOpt = None,
) -> None:
    """Release a source held for de-identification without applying it (it names no one): a source imported into
    a de-identified project is held from coders and viewers, and from reports, exports and coders' copies, until
    its de-identification is applied or it is released. One event with you and the reason. ('makna sources hold'
    holds one by hand.)"""
    from ..holds import release_source

    with opened(project) as proj:
        released = release_source(proj, name, reason)
    typer.echo(f"Released {released}: coders and viewers see it, reports, exports and copies carry it as written.")


@sources_app.command("hold")
def sources_hold(
    name: Annotated[str, typer.Argument(help="Source name or id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is held (kept in the log and listed by 'makna deid "
                                                         "audit').")],
    project: ProjectOpt = None,
) -> None:
    """Hold a source for de-identification by hand (a manager's step): one imported before the first apply and
    never de-identified, say. Coders and viewers no longer see it, nor the cases linked to it, and reports, exports
    and coders' copies are refused, until its de-identification is applied ('makna deid scan', 'makna deid apply')
    or it is released: 'makna sources release NAME --reason TEXT'. One event with you and the reason."""
    from ..holds import hold_source

    with opened(project) as proj:
        held = hold_source(proj, name, reason)
    typer.echo(f"Held {held}: until it is de-identified or released ('makna sources release {held} --reason ...'), "
               "coders and viewers do not see it, and reports, exports and copies are refused.")


@sources_app.command("rename")
def sources_rename(name: str, new_name: str, project: ProjectOpt = None) -> None:
    """Rename a source."""
    from ..sources import rename_source

    with opened(project) as proj:
        rename_source(proj, name, new_name)
    typer.echo(f"Renamed {name} to {new_name}.")


@sources_app.command("delete")
def sources_delete(
    name: str, project: ProjectOpt = None, yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False,
    purge: Annotated[bool, typer.Option(
        "--purge", help="Delete it for good (an informant who withdraws): it cannot be undone, and the project "
        "file (and so a copy or backup made afterwards) keeps none of its text.")] = False,
    key: Annotated[Path | None, typer.Option(
        "--key", "-k", help="With --purge, for a de-identified transcript: the project's de-identification key "
        "file; her originals leave it too (what other sources or fields hold stays).")] = None,
    passphrase_file: Annotated[Path | None, typer.Option(
        "--passphrase-file", help="Read the key passphrase from this file [default: $MAKNA_DEID_PASSPHRASE, "
        "else a hidden prompt].")] = None,
    keep_key: Annotated[bool, typer.Option(
        "--keep-key", help="With --purge: delete a de-identified transcript without its key, which then still "
        "holds her originals.")] = False,
) -> None:
    """Delete a source with its codings (undo brings it back, unless --purge)."""
    from ..errors import InputError
    from ..sources import delete_source
    from ..withdraw import purge_withdrawn_source

    if (key is not None or keep_key) and not purge:
        raise InputError("--key and --keep-key go with --purge (a plain delete can be undone: the key stays as it is)")
    def ask() -> None:
        if not yes:
            typer.confirm(f"Delete source {name!r} and all its codings{' for good' if purge else ''}?", abort=True)

    with opened(project) as proj:
        if not purge:
            ask()
            n = delete_source(proj, name)
            typer.echo(f"Deleted {name} and {n} coding(s).")
            return
        passphrase = None
        if key is not None:
            from .deid_cmds import _passphrase

            passphrase = _passphrase(passphrase_file)
        n, compacted, originals = purge_withdrawn_source(
            proj, name, key_path=key, passphrase=passphrase, keep_key=keep_key, confirm=ask)
    typer.echo(f"Deleted {name} and {n} coding(s) for good: it cannot be undone (nor can anything before it).")
    if key is not None:
        typer.echo(f"{originals} original(s) of hers left the key file (re-encrypted).")
    _say_compacted(compacted, "its text", "it")


def _say_compacted(compacted: bool, what: str, them: str) -> None:
    """After a change for good (a purge, a withdrawal): the project file keeps none of ``what`` (``them``: its
    pronoun), or another program kept the storage from being compacted."""
    if compacted:
        typer.echo(f"Storage compacted: the project file keeps none of {what}. Backups and copies made before "
                   f"still hold {them}: delete them or replace them with a new 'makna copy'.")
    else:
        typer.echo("Warning: another program (makna serve?) reads the project, so the storage could not be "
                   f"compacted: until it closes the project, the file beside its -wal may still hold {what}. Stop "
                   "it before copying the file by hand ('makna copy' copies what is current).", err=True)


@sources_app.command("withdraw")
def sources_withdraw(
    speaker: Annotated[str, typer.Argument(help="Her speaker label, as 'makna sources show NAME --turns' lists it.")],
    source: Annotated[list[str] | None, typer.Option(
        "--source", "-s", help="Only these sources (repeatable) [default: every source with a turn of hers].")] = None,
    purge: Annotated[bool, typer.Option(
        "--purge", help="Required: her turns go for good (it cannot be undone, nor can anything before it).")] = False,
    key: Annotated[Path | None, typer.Option(
        "--key", "-k", help="The de-identification key file, when her turns are de-identified: her originals "
        "leave it, and her own label finds her turns under her surrogate's.")] = None,
    passphrase_file: Annotated[Path | None, typer.Option(
        "--passphrase-file", help="Read the key passphrase from this file [default: $MAKNA_DEID_PASSPHRASE, "
        "else a hidden prompt].")] = None,
    project: ProjectOpt = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False,
) -> None:
    """Withdraw one participant of a group chat or focus group for good: every turn of SPEAKER goes, with
    the codings inside them and her case; every other turn is kept as it was, its codings moved."""
    from ..errors import InputError
    from ..withdraw import withdraw_participant

    if not purge:
        raise InputError("a withdrawal cannot be undone: add --purge to remove her turns for good")
    where = f" in {', '.join(source)}" if source else " in every source"
    if not yes:
        typer.confirm(f"Remove every turn of {speaker!r}{where}, with the codings inside them, for good?", abort=True)
    with opened(project) as proj:
        passphrase = None
        if key is not None:
            from .deid_cmds import _passphrase

            passphrase = _passphrase(passphrase_file)
        report = withdraw_participant(proj, speaker, source, key_path=key, passphrase=passphrase)
    typer.echo(f"Withdrew {speaker} for good from {len(report.sources)} source(s): {report.turns} turn(s), "
               f"{report.codings_deleted} coding(s) inside them deleted, {report.codings_cut} cut to the other "
               f"turns, {report.codings_moved} moved; case(s) removed: {', '.join(report.cases) or 'none'}.")
    if key is not None:
        typer.echo(f"{report.key_originals} original(s) of hers left the key file (re-encrypted).")
    if report.recordings:
        typer.echo(f"Warning: the recording linked to {', '.join(report.recordings)} still holds her voice (makna "
                   "edits no audio or video): cut her turns from the file or delete it, then 'makna media unlink' "
                   "or link the cut file.", err=True)
    if report.quotes:
        typer.echo(f"{len(report.quotes)} text(s) quote her (not changed: review them):")
        for q in report.quotes:
            typer.echo(f"  {q.where} {q.label}: {q.command}")
    _say_compacted(report.compacted, "her turns", "them")
