"""``makna deid ...``: de-identification commands: detection trial and evaluation on files, and, inside a
project, scan / list / fields / accept / reject / edit / add / names / apply / reveal / trust / revoke / reseal /
status / audit. No logic here beyond parse, call, format. Passphrases come from ``--passphrase-file``,
``$MAKNA_DEID_PASSPHRASE`` or a hidden prompt, never from a plain command-line argument."""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError, PrivacyError
from ..privacy import PII_TYPES, detect, evaluate
from ..privacy.claims import CLAIMED_MARK, TRUSTED
from ..privacy.outside import originals_on_disk
from ..privacy.project import (
    ReviewEntry,
    add_field_detection,
    decide,
    decide_all,
    deid_status,
    field_counts,
    field_entries,
    pending_but_confirmed,
    review_entries,
    scan,
)
from ..privacy.project_apply import add_known_names, apply, key_risks, known_names, open_key, reveal
from ..privacy.project_review import ALSO, add_identifier, rejected_but_confirmed, revise_detection
from ..privacy.regions import region_name
from ..privacy.review import occurrences
from ..privacy.types import check_types
from ..project import Project
from ..sources import get_source, list_sources
from ..text import shorten
from ._common import (
    FormatOpt,
    OutputFormat,
    ProjectOpt,
    busy,
    check_writable,
    emit,
    opened,
    parse_span,
    read_text_input,
    write_output,
)

deid_app = typer.Typer(
    # its help is where it is mounted, in optional_cmds (this module loads on first use)
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
    wrong = sorted(
        (n, gold, found)
        for gold, row in data["confusion"].items()
        for found, n in row.items()
        if found not in (gold, "missed")
    )
    if wrong:
        wrong.sort(key=lambda x: (-x[0], x[1:]))
        con.print("found under another type: " + ", ".join(f"{g} as {f} {n}" for n, g, f in wrong))


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
    text = read_text_input(file)
    dets = detect(text, language=language.value, types=check_types(types))
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


# ------------------------------------------------------------------------------ inside a project
class DeidMode(str, Enum):
    surrogate = "surrogate"
    tag = "tag"
    mask = "mask"


KeyOpt = Annotated[Path, typer.Option("--key", "-k", help="The encrypted key file (keep it OUTSIDE the project).")]
PassFileOpt = Annotated[
    Path | None,
    typer.Option("--passphrase-file", help="Read the key passphrase from this file [default: "
                 "$MAKNA_DEID_PASSPHRASE, else a hidden prompt]."),
]
SourcesOpt = Annotated[list[str] | None, typer.Option("--source", "-s", help="Only these sources (repeatable).")]
TypesOpt = Annotated[list[str] | None, typer.Option("--type", "-t", help=f"Only these types ({', '.join(PII_TYPES)}).")]


def _passphrase(file: Path | None, *, new: bool = False) -> str:
    if file is not None:
        try:
            value = file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise InputError(f"cannot read passphrase file {file}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise InputError(f"passphrase file {file} is not UTF-8 text") from None
        if not value:
            raise InputError(f"passphrase file {file} is empty")
        return value
    env = os.environ.get("MAKNA_DEID_PASSPHRASE", "")
    if env:
        return env
    prompt = "New key passphrase" if new else "Key passphrase"
    from ._passphrase import read_secret

    typed = read_secret(prompt, confirm=new)
    if typed is None:  # no terminal and nothing piped in: one line, no getpass warning, not "Aborted!"
        raise InputError(f"{prompt[0].lower()}{prompt[1:]}: none given (use --passphrase-file FILE or set "
                         "MAKNA_DEID_PASSPHRASE, or run the command in a terminal)")
    return typed


_REVIEW_COLUMNS = ["id", "source", "field", "start", "end", "type", "confidence", "detector", "status", "text",
                   "before", "after", "claimed"]


def _show(entries: list[ReviewEntry], fmt: OutputFormat, title: str) -> None:
    if fmt is not OutputFormat.table:
        emit([e.as_dict() for e in entries], _REVIEW_COLUMNS, fmt)
        return
    rows = [{"id": e.id, "where": e.field if e.field == "sources.text" else f"{e.field} of {e.source}",
             "type": e.type, "conf": f"{e.confidence:.2f}", "detector": e.detector,
             "status": f"{e.status} ({CLAIMED_MARK})" if e.claimed else e.status,
             "context": f"{e.before}[{e.text}]{e.after}"} for e in entries]  # emit shows cells as plain text
    emit(rows, ["id", "where", "type", "conf", "detector", "status", "context"], fmt, title=title,
         empty="No detections.")


@deid_app.command("scan")
def scan_cmd(
    project: ProjectOpt = None,
    source: SourcesOpt = None,
    types: TypesOpt = None,
    key: Annotated[Path | None, typer.Option("--key", "-k", help="Key file: use its known names and the "
                                             "identifiers confirmed in de-identified sources.")] = None,
    passphrase_file: PassFileOpt = None,
    pending: Annotated[bool, typer.Option("--pending", help="List pending detections only.")] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Detect identifiers in the sources not yet de-identified and (without --source) in every free-text
    field (memos, case names and values, codebook texts, segment memos, source and file names, set
    names, the project's name), keep earlier decisions, find confirmed identifiers again across the
    project (a name also in file and source names, in any case: ojol-dedi.txt), and list every
    detection with its id (N:I in a transcript, fN:I in a field value; 'makna deid fields' lists the
    values and their numbers), where it is and its context."""
    with opened(project) as proj:
        names: list[str] = []
        confirmed: dict[str, str] = {}
        originals: list[str] | None = None
        if key is not None:
            pk = open_key(proj, key, _passphrase(passphrase_file))
            names, confirmed = pk.names, pk.originals()
            originals = [*confirmed, *pk.mapping.reserved]
        with busy("Scanning the sources for identifiers"):
            report = scan(proj, sources=source, known_names=names, confirmed=confirmed, types=types,
                          key_originals=originals)
    entries = [e for e in report.entries if e.status == "pending"] if pending else report.entries
    _show(entries, fmt, f"{report.detections} detection(s) in {report.sources} source(s) and "
                        f"{report.fields} field value(s): "
                        f"{report.new} new, {report.propagated} found again")
    if report.skipped_applied and fmt is OutputFormat.table:
        typer.echo(f"Already de-identified (not scanned): {', '.join(report.skipped_applied)}")


@deid_app.command("list")
def list_cmd(
    project: ProjectOpt = None,
    source: SourcesOpt = None,
    status: Annotated[list[str] | None, typer.Option("--status", help="pending, accepted, rejected, edited, "
                                                     "added (repeatable).")] = None,
    least: Annotated[float, typer.Option("--min-confidence", help="Only at or above this.")] = 0.0,
    below: Annotated[float | None, typer.Option("--max-confidence", help="Only below this (with --min-confidence "
                                                "0.5 --max-confidence 0.8: the band to read).")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """List the stored detections (as 'scan' does, without scanning again)."""
    with opened(project) as proj:
        entries = review_entries(proj, sources=source, status=set(status) if status else None)
    entries = [e for e in entries if e.confidence >= least and (below is None or e.confidence < below)]
    _show(entries, fmt, f"{len(entries)} detection(s)")


@deid_app.command("fields")
def fields_cmd(
    project: ProjectOpt = None,
    pending: Annotated[bool, typer.Option("--pending", help="Only values with detections pending.")] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """List every free-text field value (memos, case names and values, codebook texts, segment memos,
    source and file names, set names, the project's name) with its number fN: the number 'makna deid
    add --field fN' takes (its detections are fN:I), what it belongs to, its detections and whether it
    was scanned (after an edit a value is scanned afresh, under the same number)."""
    with opened(project) as proj:
        entries = field_entries(proj)
    if pending:
        entries = [e for e in entries if e.pending]
    if fmt is not OutputFormat.table:
        emit([e.as_dict() for e in entries], ["id", "field", "row", "value", "detections", "pending", "state"], fmt)
        return
    rows = [{"id": e.id or "-", "field": e.field, "of": e.row,
             "value": shorten(e.value, 60),
             "detections": e.detections, "pending": e.pending, "state": e.state} for e in entries]
    emit(rows, ["id", "field", "of", "value", "detections", "pending", "state"], fmt,
         title=f"{len(entries)} field value(s); add a missed identifier with 'makna deid add --field fN --span A:B'",
         empty="No free-text field values.")


def _decide(status: str, ids: list[str] | None, everything: bool, project: str | None, source: list[str] | None,
            types: list[str] | None, min_confidence: float) -> None:
    if bool(ids) == everything:
        raise InputError("give detection ids (N:I) or --all, not both")
    with opened(project) as proj:
        if everything:
            n = decide_all(proj, status, sources=source, types=types,  # type: ignore[arg-type]
                           min_confidence=min_confidence)
        else:
            n = decide(proj, ids or [], status)  # type: ignore[arg-type]
        doubtful = rejected_but_confirmed(proj) if status == "rejected" else []
        kept = pending_but_confirmed(proj) if status == "rejected" and everything else []
    typer.echo(f"{n} detection(s) {status}.")
    if kept:
        listed = "; ".join(f"{e.id} {e.text!r} in {e.source}" for e in kept[:10])
        typer.echo(f"{len(kept)} pending detection(s) are identifiers you accepted elsewhere, found again, and were "
                   f"left pending: {listed}{' ...' if len(kept) > 10 else ''} (accept them: 'makna deid accept --all "
                   "--min-confidence 0.99'; reject one by its id where it is another word)", err=True)
    if doubtful:
        listed = "; ".join(f"{e.id} {e.text!r} in {e.source}" for e in doubtful[:10])
        typer.echo(f"Warning: {len(doubtful)} rejected detection(s) are identifiers accepted elsewhere, and apply "
                   f"leaves them as written: {listed}{' ...' if len(doubtful) > 10 else ''} (makna deid accept ID "
                   "takes one back)", err=True)


IdsArg = Annotated[list[str] | None, typer.Argument(help="Detection ids as listed by 'makna deid scan' (N:I).")]
AllOpt = Annotated[bool, typer.Option("--all", help="Every pending detection (narrowed by --type, --source, "
                                      "--min-confidence).")]
MinConfOpt = Annotated[float, typer.Option("--min-confidence", help="With --all: only at or above this.")]


@deid_app.command("accept")
def accept_cmd(ids: IdsArg = None, everything: AllOpt = False, types: TypesOpt = None, source: SourcesOpt = None,
               min_confidence: MinConfOpt = 0.0, project: ProjectOpt = None) -> None:
    """Confirm detections as identifiers (they will be replaced)."""
    _decide("accepted", ids, everything, project, source, types, min_confidence)


@deid_app.command("reject")
def reject_cmd(ids: IdsArg = None, everything: AllOpt = False, types: TypesOpt = None, source: SourcesOpt = None,
               min_confidence: MinConfOpt = 0.0, project: ProjectOpt = None) -> None:
    """Mark detections as not identifiers (they stay as they are)."""
    _decide("rejected", ids, everything, project, source, types, min_confidence)


@deid_app.command("edit")
def edit_cmd(
    item: Annotated[str, typer.Argument(help="Detection id (N:I).")],
    span: Annotated[str | None, typer.Option("--span", help="New START:END (code points, end exclusive).")] = None,
    start: Annotated[int | None, typer.Option("--start", help="New start (code points); the end stays.")] = None,
    end: Annotated[int | None, typer.Option("--end", help="New end (code points, exclusive); the start stays.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="The identifier as written: its occurrence nearest "
                                             "the detection becomes the span.")] = None,
    start_by: Annotated[int, typer.Option("--start-by", help="Move the start by whole words: -1 takes in the "
                                          "word before, 1 drops the first word.")] = 0,
    end_by: Annotated[int, typer.Option("--end-by", help="Move the end by whole words: 1 takes in the next "
                                        "word, -1 drops the last one.")] = 0,
    kind: Annotated[str | None, typer.Option("--type", "-t", help="New type.")] = None,
    project: ProjectOpt = None,
) -> None:
    """Correct a detection's span (widen, narrow, move) or type; it counts as accepted. Pending detections
    inside the new span are rejected with it; one transaction, undone by 'makna undo'."""
    if span is not None:
        if start is not None or end is not None:
            raise InputError("give --span or --start/--end, not both")
        start, end = parse_span(span)
    if start is None and end is None and text is None and not start_by and not end_by and kind is None:
        raise InputError("nothing to change: give --span, --start, --end, --text, --start-by, --end-by or --type")
    with opened(project) as proj:
        edited = revise_detection(proj, item, start, end, kind, text=text, start_by=start_by, end_by=end_by)
    e = edited.entry
    a, b, old = edited.before
    typer.echo(f"{e.id} {e.type} {e.start}:{e.end} [{e.text}] edited (was {old} {a}:{b}).")
    if edited.absorbed:
        typer.echo(f"Rejected as covered by it: {', '.join(edited.absorbed)}.")


@deid_app.command("add")
def add_cmd(
    kind: Annotated[str, typer.Option("--type", "-t", help="Identifier type.")],
    span: Annotated[str | None, typer.Option("--span", help="START:END (code points, end exclusive).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="The identifier as written (instead of --span): its "
                                             "first occurrence as a whole word that no detection covers.")] = None,
    source: Annotated[str | None, typer.Option("--source", "-s", help="The source.")] = None,
    field: Annotated[str | None, typer.Option("--field", "-f", help="A scanned field value, fN: 'makna deid "
                                              "fields' lists the numbers (its detections are fN:I).")] = None,
    also: Annotated[str, typer.Option("--also", help="Also mark the other occurrences of the same string: "
                                      f"{', '.join(ALSO)} (none, this source, every source not de-identified).")
                    ] = "none",
    project: ProjectOpt = None,
) -> None:
    """Add an identifier the detectors missed in a source's text or a field value; it counts as accepted.
    Give it as --text (as written: its first occurrence as a whole word that no detection covers) or as --span."""
    if (source is None) == (field is None):
        raise InputError("give --source or --field (one of them)")
    if also not in ALSO:
        raise InputError(f"--also {also!r}: use one of {', '.join(ALSO)}")
    if field is not None and also != "none":
        raise InputError("--also works with --source; a field value is marked on its own")
    if (span is None) == (text is None):
        raise InputError("give --span or --text, not both" if span else "give the identifier as --text or --span")
    start, end = parse_span(span) if span is not None else (0, 0)
    more = 0
    with opened(project) as proj:
        if text is not None:
            body, where = _text_of(proj, source, field)
            found = occurrences(body, text, where=where)
            (start, end), more = _first_unmarked(proj, source, field, found), len(found) - 1
        if source is not None:
            added = add_identifier(proj, source, start, end, kind, also=also)
            e, others, skipped = added.entry, added.others, added.skipped
        else:
            e, others, skipped = add_field_detection(proj, field or "", start, end, kind), (), 0
    typer.echo(f"{e.id} {e.type} {e.start}:{e.end} [{e.text}] added.")
    if others:
        typer.echo(f"{len(others)} other occurrence(s) marked in {', '.join(sorted({o.source for o in others}))}.")
    if skipped:
        typer.echo(f"{skipped} occurrence(s) left: they overlap a detection under review.")
    if more and also == "none":
        typer.echo(f"{more} other occurrence(s) in this {'source' if source else 'value'}"
                   + (": --also source marks them." if source else ": add them with --span."))


def _first_unmarked(proj: Project, source: str | None, field: str | None,
                    found: list[tuple[int, int]]) -> tuple[int, int]:
    """The first of ``found`` that no accepted or pending detection covers ("Maninjau" where "Lake Maninjau"
    is marked already comes next). Where detections cover every one, an error names them: there is
    nothing to add, only to accept."""
    if source is not None:
        entries = [e for e in review_entries(proj, sources=[source]) if e.field == "sources.text"]
    else:
        entries = [e for e in review_entries(proj) if e.id.startswith(f"{field}:")]
    live = [e for e in entries if e.status != "rejected"]
    first = next(((a, b) for a, b in found if not any(a < e.end and e.start < b for e in live)), None)
    if first is not None:
        return first
    covering = [e for e in live if any(a < e.end and e.start < b for a, b in found)]
    pending = [e.id for e in covering if e.status == "pending"]
    raise InputError("every occurrence of that text is a detection already ("
                     + ", ".join(f"{e.id} {e.status}" for e in covering) + ")"
                     + (f": accept {'them' if len(pending) > 1 else 'it'} with 'makna deid accept {' '.join(pending)}'"
                        if pending else "")
                     + "; 'makna deid scan' then finds it wherever else it occurs")


def _text_of(proj: Project, source: str | None, field: str | None) -> tuple[str, str]:
    """The text of ``source`` or of the scanned field value ``field`` (fN), and how to name it."""
    if source is not None:
        return get_source(proj, source).text, source
    entry = next((f for f in field_entries(proj) if f.id == field), None)
    if entry is None:
        raise InputError(f"field {field!r}: no scanned field value of that number (the numbers are listed by "
                         "'makna deid fields')")
    return entry.value, f"field value {field}"


names_app = typer.Typer(help="Known names (informants' real names and aliases), kept in the key file only.",
                        no_args_is_help=True, rich_markup_mode=None)
deid_app.add_typer(names_app, name="names")


@names_app.command("add")
def names_add_cmd(
    names: Annotated[list[str], typer.Argument(help="Names to find in every scan.")],
    key: KeyOpt,
    passphrase_file: PassFileOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Record known names in the encrypted key file (created if needed); scans with --key use them."""
    with opened(project) as proj:
        n = add_known_names(proj, key, _passphrase(passphrase_file, new=not key.exists()), names)
    typer.echo(f"{n} name(s) added to {key}.")


@names_app.command("list")
def names_list_cmd(key: KeyOpt, passphrase_file: PassFileOpt = None, project: ProjectOpt = None) -> None:
    """Show the known names recorded in the key file."""
    with opened(project) as proj:
        names = known_names(proj, key, _passphrase(passphrase_file))
    for name in names:
        typer.echo(name)


@deid_app.command("apply")
def apply_cmd(
    key: KeyOpt,
    mode: Annotated[DeidMode, typer.Option("--mode", "-m", help="surrogate (realistic, consistent), tag "
                                           "([PERSON-1]) or mask.")] = DeidMode.surrogate,
    source: SourcesOpt = None,
    include_pending: Annotated[bool, typer.Option("--include-pending", help="Replace pending detections too.")]
    = False,
    region: Annotated[str | None, typer.Option(
        "--surrogate-region", help="Draw surrogate names, places and plates from this province (a code such as "
        "13, a name such as 'Sumatera Barat', or sumbar), from the whole country with 'national', or from a "
        "country (GB, US, GH...), for every source without a region of its own ('makna deid region'), before "
        "any evidence [default: per source, inferred from its places, numbers, postcodes and currencies; else "
        "the country the project's other sources in its language agree on; else, in English, GB; else the "
        "province the project's own places, plates and NIKs point to (the same province); 'wider' or 'national' "
        "for the whole country; kept in the key].")] = None,
    tradition: Annotated[str | None, typer.Option(
        "--tradition", help="Naming tradition of surrogate names for every source and case without one of its "
        "own ('makna deid region --tradition'): minang, jawa, sunda, batak, bali, bugis, makassar, buton, "
        "indonesia (general Indonesian) or english; 'auto' for each name's own tradition, else the region's "
        "[default: auto, or the tradition an earlier apply chose; kept in the key].")] = None,
    coarse_places: Annotated[str | None, typer.Option(
        "--coarse-places", help="Provinces, countries and large islands (not identifying on their own): 'keep' "
        "them as they are, or 'replace' each by another one for the whole project, the towns following it "
        "[default: keep, or what an earlier apply chose; kept in the key].")] = None,
    skip_coded: Annotated[bool, typer.Option(
        "--skip-coded", help="Leave out, as imported, the sources that people coded or linked spans of (by "
        "default their codings and linked spans move with the replacements), and de-identify every other "
        "scanned source and the free-text fields; the sources left out are named.")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Apply even when the key file would travel with the project (its folder, or the same "
        "synced or versioned folder) or a new key's passphrase is weak.")] = False,
    passphrase_file: PassFileOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Replace the accepted identifiers in the scanned sources and the reviewed free-text fields; the key
    goes to the encrypted key file; the event log is rewritten and the storage compacted.
    This cannot be undone ('makna undo' stops here); only the key gives the original text back.
    Refused without --force while the key file sits in the project's folder or in a folder synced or
    versioned with it (Dropbox, OneDrive, Google Drive, git...), or a new key's passphrase is weak
    (shorter than 12 characters, or easy to guess)."""
    with opened(project) as proj:
        passphrase = _passphrase(passphrase_file, new=not key.exists())  # asked before the spinner starts
        refuse, _warn = key_risks(proj, key, passphrase)
        if refuse and not force:
            raise PrivacyError("; ".join(refuse) + ": keep the key apart from the project (e.g. --key ~/keys/"
                               "study.key) with a passphrase of four or more unrelated words, or give --force")
        doubtful = rejected_but_confirmed(proj)  # before apply: a rejection leaves the text as written
        imported = {n for s in list_sources(proj) for n in (s.name, Path(s.original_name).name)}
        project_at = proj.location
        with busy("De-identifying"):
            report = apply(proj, key, passphrase, mode=mode.value, sources=source, include_pending=include_pending,
                           surrogate_region=region, tradition=tradition, coarse_places=coarse_places,
                           skip_coded=skip_coded)
    typer.echo("Note: de-identification cannot be undone ('makna undo' stops here); only the key file "
               "gives the original text back.", err=True)
    typer.echo(f"De-identified {len(report.sources)} source(s) and {len(report.fields)} field value(s) "
               f"({report.mode}): {report.replaced} replacement(s)"
               + (f", {report.kept} kept as written (provinces, countries, large islands)." if report.kept else "."))
    for kind, n in report.by_type.items():
        typer.echo(f"  {kind}: {n}")
    for name, why in report.left_out.items():
        typer.echo(f"Left out (coded, as imported): {name} ({why})")
    typer.echo(f"Event log: {report.events} entr{'y' if report.events == 1 else 'ies'} rewritten.")
    if doubtful:
        listed = "; ".join(f"{e.text!r} in {e.source}" for e in doubtful[:10])
        typer.echo(f"Warning: left as written, because rejected, though accepted elsewhere: {listed}"
                   f"{' ...' if len(doubtful) > 10 else ''} (a homonym? if not, 'makna deid add --text' and "
                   "apply again)", err=True)
    if report.mode == "surrogate":
        where = region_name(report.region)
        if where == region_name(None):  # no province or country: say what that means for each kind of source
            typer.echo("Surrogate names, places and plates: no region set or found for the project ('makna deid "
                       "region'): Indonesian ones from the whole country; names follow each source's language, "
                       "and a place abroad stays in its own country.")
        else:
            typer.echo(f"Surrogate names, places and plates: {where} ({report.region}).")
        for name, (code, origin) in report.source_regions.items():
            if code != report.region:
                typer.echo(f"  {name}: {region_name(code)} ({code}, {origin})")
        typer.echo("Naming tradition of surrogate names: " + (report.tradition or "auto (each name's own, else the "
                                                                "region's)") + ".")
        for name, (chosen, origin) in report.source_traditions.items():
            typer.echo(f"  {name}: {chosen} ({origin})")
        typer.echo("Provinces, countries and large islands: " + (
            "kept as they are (not identifying on their own; --coarse-places replace to replace them)."
            if report.coarse == "keep" else "replaced, each by another for the whole project; towns follow."))
    if report.compacted:
        typer.echo("Storage compacted (SQLite: secure_delete, VACUUM, WAL truncated; PostgreSQL: VACUUM FULL): "
                   "no replaced original is left in free space.")
    else:
        typer.echo("Warning: the storage could not be compacted while another program holds the project (SQLite: "
                   "the WAL is truncated when the last connection closes; PostgreSQL: run VACUUM FULL on its tables "
                   "when no one works in it), so replaced text may linger in free space until then.", err=True)
    for before, after in report.renamed.items():
        typer.echo(f"Renamed (the name held an identifier): {before} -> {after}")
    typer.echo(f"Key: {key} (id {report.key_id[:12]}). Keep it and its passphrase apart from the project.")
    if report.unscanned:
        typer.echo(f"Warning: not scanned, left unchanged: {', '.join(report.unscanned)}", err=True)
    for line in report.warnings:
        typer.echo(f"Warning: {line}", err=True)
    left = originals_on_disk(project_at, imported)
    typer.echo("Outside the project nothing changed: the files you imported, and reports, exports and copies of "
               "the project written before this apply, still hold the original text"
               + (f" ({', '.join(left)} here)" if left else "")
               + ": delete them, or keep them as safely as the key.", err=True)


@deid_app.command("region")
def region_cmd(
    set_to: Annotated[str | None, typer.Option("--set", help="The region: a province (13, sumbar, 'Sumatera "
                                               "Barat'), 'national', or a country (GB, 'United Kingdom', GH).")]
    = None,
    clear: Annotated[bool, typer.Option("--clear", help="Forget the region and tradition set for these sources "
                                        "or cases.")] = False,
    tradition: Annotated[str | None, typer.Option(
        "--tradition", help="The naming tradition of their surrogate names: minang, jawa, sunda, batak, bali, "
        "bugis, makassar, buton, indonesia or english; 'auto' forgets it.")] = None,
    source: SourcesOpt = None,
    case: Annotated[list[str] | None, typer.Option("--case", "-c", help="Every source linked to this case "
                                                   "(repeatable).")] = None,
    project: ProjectOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """The surrogate region and naming tradition of each source: where its surrogate names and places come
    from. Without --set, --tradition or --clear, list every scanned source with the region 'deid apply'
    would use and why (set for the source, for its case, inferred from its places, numbers, postcodes and
    currencies, the country of the project's other sources in its language ('others'), English's default
    ('language'), or the project's), and the tradition set for it or its case; then every de-identified source
    with the region its apply gave it."""
    from ..privacy.naming import resolve_tradition
    from ..privacy.regions import resolve_region
    from ..privacy.source_regions import set_region, set_tradition, source_regions

    with opened(project) as proj:
        if set_to is not None or clear or tradition is not None:
            if clear and (set_to is not None or tradition is not None):
                raise InputError("give --set or --tradition, or --clear, not both")
            # both values checked before either is written: a bad --tradition leaves the region unchanged too
            if set_to is not None:
                resolve_region(set_to)
            resolve_tradition(tradition)
            if clear or set_to is not None:
                changed = set_region(proj, None if clear else set_to, sources=source or [], cases=case or [])
                typer.echo(f"{'Cleared' if clear else 'Set'} the surrogate region of {', '.join(changed)}.")
            if clear or tradition is not None:
                changed = set_tradition(proj, None if clear else tradition, sources=source or [], cases=case or [])
                typer.echo(f"{'Cleared' if clear else 'Set'} the naming tradition of {', '.join(changed)}.")
            return
        rows = [{"source": r.source, "region": r.region or "", "name": region_name(r.region), "from": r.origin,
                 "tradition": f"{r.tradition} ({r.tradition_origin})" if r.tradition else "",
                 "why": ", ".join(r.because[:5]) + (" ..." if len(r.because) > 5 else "")}
                for r in source_regions(proj)]
    emit(rows, ["source", "region", "name", "from", "tradition", "why"], fmt, title="Surrogate regions",
         empty="No scanned sources.")


@deid_app.command("reveal")
def reveal_cmd(
    source: Annotated[str, typer.Option("--source", "-s", help="The de-identified source.")],
    key: KeyOpt,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the original text here.")] = None,
    passphrase_file: PassFileOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Print the original text of a de-identified source (for the researcher; logged as an event)."""
    if output is not None:  # before the reveal, which is logged
        check_writable(output)
    with opened(project) as proj:
        original = reveal(proj, source, key, _passphrase(passphrase_file))
    if output is None:
        typer.echo(original, nl=not original.endswith("\n"))
        return
    write_output(output, original)
    typer.echo(f"Wrote {output}.")


@deid_app.command("trust")
def trust_cmd(
    source: Annotated[str, typer.Argument(help="The source (name or id) whose claim you have checked.")],
    project: ProjectOpt = None,
) -> None:
    """Accept the de-identification claim a source carried in an imported .qdpx that could not be verified, after
    checking its text yourself: the source then counts as de-identified (no scan, no apply) with the claimed
    surrogates. Logged as an event; needs the right to manage de-identification."""
    from ..privacy.claims import trust_claim

    with opened(project) as proj:
        done = trust_claim(proj, source)
    typer.echo(TRUSTED % {"source": done.source, "n": done.surrogates, "mode": done.mode})


@deid_app.command("revoke")
def revoke_seal_cmd(
    member: Annotated[str | None, typer.Argument(help="The member: every coder's copy made for them so far.")] = None,
    copy: Annotated[str | None, typer.Option("--copy", help="Only this coder's copy: its id (makna deid copies) "
                                             "or its file's name.")] = None,
    restore: Annotated[bool, typer.Option("--restore", help="Give the right to seal back.")] = False,
    project: ProjectOpt = None,
) -> None:
    """Withdraw the right to seal de-identification claims of every coder's copy made so far for MEMBER, or of
    one copy (--copy: a lost laptop): a .qdpx exported from it no longer verifies with this project's keys
    (--verify-with), whenever it was made. A copy made for the member afterwards seals again. Logged as an event;
    needs the right to manage de-identification."""
    from ..privacy.seal_copies import revoke_copy, revoke_sealer

    if (member is None) == (copy is None):
        raise InputError("give a MEMBER or --copy ID (makna deid copies lists them), not both")
    done = "gave back" if restore else "withdrew"
    with opened(project) as proj:
        if copy is not None:
            one = revoke_copy(proj, copy, restore=restore)
            typer.echo(f"{done.capitalize()} the right to seal of copy {one}: {one.state}.")
            return
        now = revoke_sealer(proj, str(member), restore=restore)
    typer.echo(f"{done.capitalize()} the right to seal of {str(member).strip()}'s copies. Withdrawn now: "
               f"{', '.join(now) or 'none'}.")


@deid_app.command("copies")
def copies_cmd(project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """The coder's copies this project made (makna copy --coder, and the copies pulled from its team server: file
    "(pulled)"): each with its id, member, file, date and whether it may seal de-identification claims (see makna
    deid revoke)."""
    from ..privacy.seal_copies import coder_copies

    with opened(project) as proj:
        rows = [{"id": c.id, "member": c.member, "file": c.file or "(pulled)", "made_at": c.made_at, "state": c.state}
                for c in coder_copies(proj)]
    emit(rows, ["id", "member", "file", "made_at", "state"], fmt, title="Coder's copies", empty="No coder's copies.")


@deid_app.command("reseal")
def reseal_cmd(
    project: ProjectOpt = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask (it cannot be undone).")] = False,
) -> None:
    """Give the project a new seal key for the de-identification claims its exports carry: the project's own
    earlier exports still verify (it recorded what it sealed), a claim sealed with the old key that the project
    never recorded (a forged one, or a member's) no longer does, and coder's copies made before must be made
    again. Logged as an event, not an undo step: asks first unless --yes; needs the right to export the project."""
    from ..privacy.seals import reseal

    if not yes:
        typer.confirm("A new seal key cannot be undone: only the claims this project exported itself keep verifying; "
                      "every coder's copy made before stops sealing. Go on?", abort=True)
    with opened(project) as proj:
        made = reseal(proj)
    typer.echo(f"New seal key {made}: only the claims this project exported before verify still; make coder's "
               "copies again.")


@deid_app.command("status")
def status_cmd(project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """Per source: detections pending / accepted / rejected, and whether (how) it was de-identified."""
    with opened(project) as proj:
        rows = [{"no": s.number, "source": s.source, "pending": s.pending, "accepted": s.accepted,
                 "rejected": s.rejected, "applied": "yes" if s.applied else ("no" if s.number else "not scanned"),
                 "mode": s.mode or "", "replaced": s.replaced, "applied_at": s.applied_at}
                for s in deid_status(proj)]
        fields = field_counts(proj)
    emit(rows, ["no", "source", "pending", "accepted", "rejected", "applied", "mode", "replaced", "applied_at"], fmt,
         title="De-identification", empty="No sources.")
    if fmt is OutputFormat.table:
        typer.echo(f"Free-text fields: {fields['values']} value(s), {fields['scanned']} scanned, "
                   f"{fields['pending']} detection(s) pending, {fields['applied']} replaced.")


class AuditFmt(str, Enum):
    text = "text"
    json = "json"
    md = "md"


@deid_app.command("audit")
def audit_cmd(
    project: ProjectOpt = None,
    fmt: Annotated[AuditFmt, typer.Option("--format", "-f", help="Output format.")] = AuditFmt.text,
    language: Annotated[Language, typer.Option("--language", help="Language of text and md.")] = Language.en,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """What de-identification did, for an ethics board or a methods chapter: per source and in total, the
    identifiers of each type found, accepted, rejected, added by hand, pending and replaced; the free-text
    fields covered; sources never scanned; every de-identification event with its actor and time; the key's
    id and the surrogate policy. Never an original, a surrogate, the key or a passphrase."""
    from ..privacy.audit import deid_audit
    from ..privacy.audit_render import audit_markdown, audit_text

    with opened(project) as proj:
        audit = deid_audit(proj)
    if fmt is AuditFmt.json:
        text = json.dumps(audit.as_dict(), ensure_ascii=False, indent=2)
    else:
        text = (audit_markdown if fmt is AuditFmt.md else audit_text)(audit, language.value)
    if output is not None:
        write_output(output, text + "\n")
    else:
        typer.echo(text)
