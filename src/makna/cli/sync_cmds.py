"""makna pull, push, login, logout: code offline in a copy of a team-server project (#14), or in a coder's copy of a
project file (makna copy --coder), pushed into and refreshed from that file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError
from ._app import app

if TYPE_CHECKING:
    from ..sync.client import PushReport
    from ..sync.local import PullReport

JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
FileArg = Annotated[str | None, typer.Argument(
    metavar="FILE", help="The pulled copy [default: $MAKNA_PROJECT or the single *.makna here].", show_default=False)]


def _password(user: str, server: str) -> str:
    """The server password of ``user``: ``$MAKNA_PASSWORD`` (scripts), else asked once, hidden; never kept."""
    given = os.environ.get("MAKNA_PASSWORD")
    if given:
        return given
    try:
        return str(typer.prompt(f"Password for {user} on {server}", hide_input=True, err=True))
    except (typer.Abort, EOFError, KeyboardInterrupt):
        raise InputError(f"no password given for {user} (type it when asked, or set MAKNA_PASSWORD)") from None


def _file(given: str | None) -> str:
    from ..project import find_project

    return find_project(given)


def _pulled(report: PullReport, path: str, *, fresh: bool, as_json: bool) -> None:
    from ..sync.local import RETEXTED
    from ..sync.rows import FILE_WORDS, SERVER_WORDS

    info = report.info
    here = (FILE_WORDS if info.from_file else SERVER_WORDS).here
    if as_json:
        typer.echo(json.dumps({"file": path, "server": info.server, "project": info.project_name,
                               "project_id": info.project_id, "coder": info.coder, "role": info.role,
                               "high_water": info.high_water, "counts": report.counts, "kept": report.kept,
                               "dropped": [{"kind": k, "id": i, "reason": r} for k, i, r in report.dropped],
                               "backup": report.backup, "not_deidentified": report.not_deidentified}))
        return
    c = report.counts
    counts = (f"{c.get('sources', 0)} sources, {c.get('codes', 0)} codes, {c.get('segments', 0)} codings, "
              f"{c.get('memos', 0)} memos")
    if info.from_file:
        typer.echo(f"Refreshed {info.coder}'s copy {path} from the project file {info.server}: {counts}.")
    else:
        typer.echo(f"{'Pulled' if fresh else 'Refreshed'} {info.project_name!r} from {info.server} as {info.coder} "
                   f"({info.role}) into {path}: {counts} (server event {info.high_water}).")
    if report.not_deidentified:
        typer.echo(f"Warning: {report.not_deidentified} source(s) of this copy are not de-identified yet: it holds "
                   "their original identifiers (names, places, phone numbers); keep it as carefully as the "
                   "transcripts.", err=True)
    if report.kept:
        typer.echo(f"Kept {report.kept} change(s) of yours not pushed yet: 'makna push' sends them.")
    for kind, rid, why in report.dropped:
        typer.echo(f"Dropped your {'coding' if kind == 'segment' else 'memo'} {rid}: {why}.")
    if report.backup:
        typer.echo(f"The copy as it was, with the dropped changes, is kept as {report.backup}.")
        if any(why.startswith(RETEXTED) for _k, _i, why in report.dropped):
            typer.echo(f"It holds source texts as they were before they changed {here} (de-identified, or a "
                       "participant withdrawn?), with every name in them: keep it as carefully as the transcripts, "
                       "and delete it once you have redone its work in the new copy.")
    if info.role == "viewer":
        typer.echo("You are a viewer of this project: the copy is read-only.")


@app.command()
def pull(
    args: Annotated[list[str] | None, typer.Argument(
        metavar="[SERVER PROJECT] FILE", show_default=False,
        help="With SERVER (https://...) and PROJECT (name or id): copy that project into the new FILE. "
             "With FILE alone (default: the single *.makna here): refresh that copy (pulled from a server, or a "
             "coder's copy of a project file).")] = None,
    user: Annotated[str | None, typer.Option(
        "--user", "-u", help="Your user name on the server [default: $MAKNA_CODER or login name].")] = None,
    encrypt: Annotated[bool, typer.Option("--encrypt", help="Encrypt the new copy (SQLCipher), asking a passphrase "
                                                            "(or $MAKNA_PASSPHRASE).")] = False,
    discard: Annotated[bool, typer.Option(
        "--discard", help="Refresh even when changes of yours not pushed yet no longer fit the server's (or project "
                          "file's) copy: "
                          "drop them (listed; the copy as it was is kept beside the new one).")] = False,
    origin: Annotated[Path | None, typer.Option(
        "--from", help="For a coder's copy of a project file (makna copy --coder): that project, when it is no "
                       "longer where the copy was made (the copy then pushes there).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Copy a team-server project to a local file to code offline, or bring a copy up to date.

    The copy holds the sources, codebook, cases, your codings and memos and those of others your role
    and any blind round let you see. Code in it with every makna command or 'makna serve' as yourself;
    the codebook is edited on the server only. You log in with your password once (asked, or
    $MAKNA_PASSWORD); the copy keeps the session, never the password. Pulling again refreshes the
    copy in place and keeps your changes not pushed yet on top of it; when some of them no longer
    fit (changed or deleted on the server meanwhile), it refuses and says how many: push first, or
    refresh with --discard to drop them (the old copy is kept beside the new one).
    A second coder's copy of a project file (makna copy NEW --coder NAME) is refreshed the same way
    from the project it was copied from: 'makna pull NEW' (no server, no password).
    """
    from functools import partial

    from ..sync import client
    from ._passphrase import ask_passphrase, new_passphrase

    given = list(args or [])
    if len(given) == 3:
        if discard or origin is not None:
            raise InputError("--discard and --from are for refreshing a copy (makna pull FILE --discard)")
        server, project, path = given
        if encrypt:
            secret = partial(new_passphrase, path)
        else:
            secret = None
        url = client.check_url(server)
        name = user or _default_user()
        report = client.pull(url, project, path, user=name, password=_password(name, url), passphrase=secret)
        _pulled(report, path, fresh=True, as_json=as_json)
        return
    if len(given) > 1:
        raise InputError("give SERVER PROJECT FILE to make a copy, or only FILE to refresh one")
    if encrypt or user:
        raise InputError("--encrypt and --user are for a new copy (makna pull SERVER PROJECT FILE)")
    path = _file(given[0] if given else None)
    report = client.refresh(path, passphrase=partial(ask_passphrase, path), discard=discard, origin=origin)
    _pulled(report, path, fresh=False, as_json=as_json)


def _default_user() -> str:
    from ..project import default_coder_name

    return default_coder_name()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def push_summary(report: PushReport, where: str) -> str:
    """One line saying what a push did: "Nothing pushed: 1 conflict.", "Pushed 2 of 3 changes (2 added);
    1 conflict.", "Pushed 2 changes (1 added, 1 already in the server)." (counts of none left out)."""
    conflicts = len(report.conflicts)
    done = report.sent - conflicts
    if done <= 0 and conflicts:
        return f"Nothing pushed: {_plural(conflicts, 'conflict')}."
    parts = [f"{n} {what}" for n, what in ((report.added, "added"), (report.changed, "changed"),
                                           (report.deleted, "deleted"), (report.unchanged, f"already in {where}"))
             if n]
    counts = f" ({', '.join(parts)})" if parts else ""
    if conflicts:
        return f"Pushed {done} of {_plural(report.sent, 'change')}{counts}; {_plural(conflicts, 'conflict')}."
    return f"Pushed {_plural(report.sent, 'change')}{counts}."


def _sealed_note(sealed: int, where: str) -> str:
    """What the claims a push recorded (:attr:`PushReport.sealed`) mean for the coder, in plain words: nothing is
    asked of them (trial16 #10)."""
    what = "the statement" if sealed == 1 else f"the {sealed} statements"
    return (f"Files you exported from this copy say which texts were de-identified; {where} now keeps "
            f"{what} this copy signed, so they can still be checked after the project's key changes. Nothing "
            "for you to do.")


def _pushed(report: PushReport, path: str, as_json: bool) -> None:
    from ..sync.push_scan import NAMES_IDENTIFIER as NAMES  # a change held back: its memo names someone

    where = report.into or "the server"
    if as_json:
        typer.echo(json.dumps({"sent": report.sent, "added": report.added, "changed": report.changed,
                               "deleted": report.deleted, "unchanged": report.unchanged,
                               "conflicts": report.conflicts, "into": report.into, "moved": report.moved,
                               "sealed": report.sealed}))
    elif not report.sent:
        typer.echo(f"Nothing to push: {where} has all your work.")
    else:
        typer.echo(push_summary(report, where))
        if report.moved:
            typer.echo(f"{report.moved} coding(s) made before their source was de-identified were moved onto its "
                       "de-identified text (a coding over a replaced identifier covers its replacement).")
        for c in report.conflicts:
            what = "Not sent" if c["reason"] == NAMES else "Conflict"
            typer.echo(f"{what}: {'coding' if c['kind'] == 'segment' else 'memo'} {c['id']}: {c['message']}.")
    if report.sealed and not as_json:
        typer.echo(_sealed_note(report.sealed, where))
    named = sum(c["reason"] == NAMES for c in report.conflicts)
    if named and named == len(report.conflicts):  # trial18 #13: nothing to pull, something to rewrite
        typer.echo(f"{named} change(s) not pushed (kept in the copy): {where} is de-identified and they name someone; "
                   "edit them in the copy (the memo panel of 'makna serve') and push again.", err=True)
        raise typer.Exit(1)
    if report.conflicts and report.into:
        typer.echo(f"{len(report.conflicts)} change(s) not pushed (kept in the copy): they would overwrite what "
                   f"changed in {report.into} since the copy. 'makna pull {path}' refreshes the copy from the project "
                   "(a coding under a renamed code is kept: push again); with --discard it takes the project's "
                   "version of the others and keeps the old copy beside it (its name is shown).", err=True)
        raise typer.Exit(1)
    if report.conflicts:  # listed above; the exit status tells scripts
        typer.echo(f"{len(report.conflicts)} change(s) not pushed (kept in the copy): 'makna pull --discard' takes "
                   "the server's version of each and keeps the old copy beside it (its name is shown).", err=True)
        raise typer.Exit(1)


@app.command()
def push(
    file: FileArg = None,
    into: Annotated[Path | None, typer.Option(
        "--into", help="For a coder's copy of a project file (makna copy --coder): that project, when it is no "
                       "longer where the copy was made.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Send your codings and memos made or changed offline back to the team server.

    Only your own work since the pull (or the last push) goes, by its ids; the server applies it as
    you, in one step. What changed on the server meanwhile is not overwritten: a coding changed or
    deleted there, a code renamed, merged or deleted, a source whose text changed (de-identified) are
    listed as conflicts and stay in the copy (exit status 1). Pushing again sends nothing twice.
    Into a de-identified project, a coder's memo or coding memo that names someone (a name, a phone
    number...) is not sent ("Not sent", the kinds found): it stays in the copy to be rewritten.
    A second coder's copy of a project file (makna copy NEW --coder NAME) is pushed the same way into
    the project it was copied from ('makna pull NEW' refreshes it from there).
    """
    from functools import partial

    from ..sync import client
    from ._passphrase import ask_passphrase

    path = _file(file)
    _pushed(client.push(path, passphrase=partial(ask_passphrase, path), into=into), path, as_json)


@app.command()
def login(file: FileArg = None) -> None:
    """Log in again to the server a pulled copy came from (when its session has ended).

    Asks your password (or takes $MAKNA_PASSWORD) and keeps only the new session in the copy.
    """
    from functools import partial

    from ..project import open_project
    from ..sync import client
    from ..sync.local import sync_info
    from ._passphrase import ask_passphrase

    path = _file(file)
    secret = partial(ask_passphrase, path)
    with open_project(path, passphrase=secret) as proj:
        info = client.of_server(sync_info(proj))
    client.login(path, _password(info.coder, info.server), passphrase=secret)
    typer.echo(f"Logged in to {info.server} as {info.coder}.")


@app.command()
def logout(file: FileArg = None) -> None:
    """End a pulled copy's session on its server and forget it in the copy."""
    from functools import partial

    from ..sync import client
    from ._passphrase import ask_passphrase

    path = _file(file)
    if client.logout(path, passphrase=partial(ask_passphrase, path)):
        typer.echo("Logged out.")
    else:
        typer.echo("The server could not be reached: the session was forgotten here and ends on the server "
                   "when it expires.")



