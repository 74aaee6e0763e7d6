"""makna server: set up and run a team server on PostgreSQL (accounts, roles, several projects)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import InputError, require_extra
from ._common import OutputFormat, emit

if TYPE_CHECKING:
    from ..server.registry import Registry

server_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="A team server on PostgreSQL: accounts, per-project roles, several projects.")
user_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Accounts on the server.")
project_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Projects on the server.")
member_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Who may do what in a project.")
invite_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="Invitations: one-time links to join projects with a role.")
server_app.add_typer(user_app, name="user")
server_app.add_typer(project_app, name="project")
server_app.add_typer(member_app, name="member")
server_app.add_typer(invite_app, name="invite")

DbOpt = Annotated[str, typer.Option("--db", envvar="MAKNA_SERVER_DB", show_envvar=True,
                                    help="The server's PostgreSQL database URL (postgresql://user@host/db).")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
ROLE_HELP = "owner (members, delete), manager (codebook, cases, consensus), coder (own codings, memos) or viewer"


def _registry(db: str) -> Registry:
    require_extra("server", "the team server", "argon2", "psycopg")
    from ..server.registry import Registry

    return Registry.open(db)


def _password(name: str) -> str:
    """A new password for ``name``: ``$MAKNA_PASSWORD`` (scripts), else asked twice, hidden."""
    from ..server.passwords import check_new_password

    given = os.environ.get("MAKNA_PASSWORD")
    if given:
        return check_new_password(given)
    try:
        answer = typer.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True, err=True)
    except (typer.Abort, EOFError, KeyboardInterrupt):
        raise InputError(f"no password given for {name} (type it when asked, or set MAKNA_PASSWORD)") from None
    return check_new_password(str(answer))


@server_app.command("init")
def init(
    db: DbOpt,
    owner: Annotated[str, typer.Option("--owner", help="The first user: the server's administrator.")],
) -> None:
    """Create a team server in an empty PostgreSQL database, with its first user (asks the password)."""
    require_extra("server", "the team server", "argon2", "psycopg")
    from ..server.registry import Registry, check_user_name

    check_user_name(owner)
    with Registry.init(db, owner, _password(owner)) as reg:
        typer.echo(f"Team server ready in {reg.where}; administrator: {owner}")
        typer.echo("Next: makna server project add NAME, makna server user add NAME --role coder --project NAME, "
                   "makna server run")


@user_app.command("add")
def user_add(
    name: str,
    db: DbOpt,
    role: Annotated[str | None, typer.Option("--role", help=f"Role in the projects named: {ROLE_HELP}.")] = None,
    projects: Annotated[list[str] | None, typer.Option(
        "--project", help="A project to give the role in (repeatable).")] = None,
    all_projects: Annotated[bool, typer.Option(
        "--all-projects", help="Give the role in every project on the server (said, never assumed).")] = False,
    admin: Annotated[bool, typer.Option("--admin", help="Also a server administrator.")] = False,
) -> None:
    """Add a user (asks the password); with --role and --project (or --all-projects), make them a member."""
    from ..access import check_role
    from ..server.registry import check_user_name

    name = check_user_name(name)
    chosen = check_role(role) if role is not None else None
    if (projects or all_projects) and chosen is None:
        raise InputError("--project and --all-projects need --role (the user's role there)")
    if chosen is not None and not projects and not all_projects:
        raise InputError(f"--role {chosen}: name the projects (--project NAME, repeatable) or say --all-projects "
                         "(a project may hold transcripts not yet de-identified)")
    if projects and all_projects:
        raise InputError("--project and --all-projects: give one of them")
    with _registry(db) as reg:
        targets = [reg.project(p).name for p in projects] if projects else []
        if all_projects:
            targets = [p.name for p in reg.projects()]
        reg.add_user(name, _password(name), admin=admin)
        for target in targets:
            reg.set_role(target, name, chosen or "viewer")
        where = f" as {chosen} in {', '.join(repr(t) for t in targets)}" if targets else ""
        typer.echo(f"Added user {name}{where}")
        for target in targets:
            _warn_identified(reg, target, name, chosen or "viewer")


@user_app.command("list")
def user_list(db: DbOpt, fmt: FormatOpt = OutputFormat.table) -> None:
    """The server's users."""
    with _registry(db) as reg:
        rows = [{"name": u.name, "admin": u.admin, "projects": ", ".join(f"{p.name} ({p.role})"
                                                                         for p in reg.projects(u.name))}
                for u in reg.users()]
    emit(rows, ["name", "admin", "projects"], fmt)


@user_app.command("password")
def user_password(name: str, db: DbOpt) -> None:
    """Set a user's password (asks it); their open sessions end."""
    with _registry(db) as reg:
        reg.set_password(name, _password(name))
    typer.echo(f"Password of {name} changed; their sessions have ended")


@project_app.command("add")
def project_add(
    name: str,
    db: DbOpt,
    owner: Annotated[str | None, typer.Option("--owner", help="Its owner [default: the administrator]")] = None,
) -> None:
    """Create an empty project on the server."""
    with _registry(db) as reg:
        sp = reg.add_project(name, owner=owner or _admin(reg))
    typer.echo(f"Created project {sp.name!r} (id {sp.id})")


@project_app.command("import")
def project_import(
    path: Path,
    db: DbOpt,
    name: Annotated[str | None, typer.Option("--name", help="Its name on the server [default: the file's]")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Its owner [default: the administrator]")] = None,
    verify_with: Annotated[list[str] | None, typer.Option(
        "--verify-with", help="The project on this server (name or id; the owner must manage it) or the project "
        "file that exported the .qdpx, or a full copy of it, not a coder's (repeatable): its seal keys verify the "
        "de-identification state the file claims, sealed by the project or one of its members. A claim not "
        "verified imports as not de-identified (see 'makna deid trust').")] = None,
) -> None:
    """Copy a local project (.makna, whole, with its history) or a REFI-QDA project (.qdpx) onto the server."""
    from ..errors import NotFoundError
    from ..privacy.seals import SealKeys
    from .exchange_cmds import _print_report, _seals

    with _registry(db) as reg:
        who = owner or _admin(reg)
        seals = SealKeys()
        reviews: list[dict[str, Any]] = []
        for key in verify_with or []:
            try:
                seals = seals.merged(reg.seals(key, actor=who))
            except NotFoundError:  # not a project on this server: a project file, and its fields' reviews
                keys, more = _seals([key])
                seals, reviews = seals.merged(keys), reviews + more
        sp, report = reg.import_reported(path, owner=who, name=name, seals=seals, field_reviews=reviews)
    _print_report(report)
    typer.echo(f"Imported {path} as project {sp.name!r} (id {sp.id})")
    if path.suffix.lower() not in (".qdpx", ".qde"):  # a project file, whole: its fields as they are (trial18)
        from ._common import opened
        from ._deid_hint import warn_unscanned_fields

        with opened(str(path)) as local:
            warn_unscanned_fields(local, "the server's project, for every member who reads it,")


@project_app.command("export")
def project_export(
    name: str,
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The new project file (.makna); never written over.")],
    db: DbOpt,
    user: Annotated[str | None, typer.Option(
        "--user", help="Write it as this user, who must be the project's manager or owner or an administrator "
                       "[default: the administrator]")] = None,
    encrypt: Annotated[bool, typer.Option("--encrypt", help="Encrypt the file (SQLCipher), asking a passphrase "
                                                            "(or $MAKNA_PASSPHRASE).")] = False,
) -> None:
    """Back up one project to a new file, whole: sources and original files, codebook, cases, every member's
    codings and memos, de-identification reviews, rounds and the event log ('project import' puts it back).

    The file holds names and other identifiers unless the project was de-identified: keep it as carefully
    as the transcripts (--encrypt).
    """
    from functools import partial

    from ._passphrase import new_passphrase

    if path.exists():
        raise InputError(f"{path}: a file exists there already; choose another path")
    secret = partial(new_passphrase, str(path)) if encrypt else None
    with _registry(db) as reg:
        sp = reg.project(name)
        counts = reg.export_project(sp.name, path, actor=user or _admin(reg), passphrase=secret)
        raw = reg.not_deidentified(sp.name)
    typer.echo(f"Exported project {sp.name!r} to {path}: {counts.get('sources', 0)} source(s), "
               f"{counts.get('codes', 0)} code(s), {counts.get('segments', 0)} coding(s), "
               f"{counts.get('events', 0)} event(s){' (encrypted)' if encrypt else ''}")
    if raw:
        shown = ", ".join(raw[:3]) + (f" and {len(raw) - 3} more" if len(raw) > 3 else "")
        typer.echo(f"Warning: {len(raw)} source(s) of {sp.name!r} are not de-identified ({shown}): the file holds "
                   "them as imported, names and numbers included; keep it as carefully as the transcripts.")
    else:
        typer.echo("No source in it is left as imported (the de-identification key is not in the file); keep it as "
                   "carefully as the project all the same.")


@project_app.command("list")
def project_list(db: DbOpt, fmt: FormatOpt = OutputFormat.table) -> None:
    """The server's projects and their members."""
    with _registry(db) as reg:
        rows = [{"name": p.name, "id": p.id, "members": ", ".join(f"{u} ({r})" for u, r in reg.members(p.id))}
                for p in reg.projects()]
    emit(rows, ["name", "id", "members"], fmt)


@project_app.command("location")
def project_location(name: str, db: DbOpt) -> None:
    """The database URL of one project, for a command's -p (withdraw a participant, apply with a key): makna
    sources withdraw "P3" --purge --key K -p "$(makna server project location NAME)". It holds the server's password
    when --db does: keep it out of shared shells' history."""
    with _registry(db) as reg:
        typer.echo(reg.location(reg.project(name)))


@project_app.command("delete")
def project_delete(
    name: str,
    db: DbOpt,
    yes: Annotated[bool, typer.Option("--yes", help="Really delete it and everything in it.")] = False,
) -> None:
    """Delete a project and everything in it."""
    if not yes:
        raise InputError(f"deleting project {name!r} removes all its data: add --yes to confirm")
    with _registry(db) as reg:
        reg.delete_project(name)
    typer.echo(f"Deleted project {name!r}")


@member_app.command("set")
def member_set(project: str, user: str, role: Annotated[str, typer.Argument(help=ROLE_HELP)], db: DbOpt) -> None:
    """Make a user a member of a project with a role (or change it)."""
    with _registry(db) as reg:
        reg.set_role(project, user, role)
        typer.echo(f"{user} is now {role} of {project!r}")
        _warn_identified(reg, project, user, role)


@member_app.command("remove")
def member_remove(project: str, user: str, db: DbOpt) -> None:
    """Take a user out of a project."""
    with _registry(db) as reg:
        reg.remove_member(project, user)
    typer.echo(f"{user} is no longer a member of {project!r}")


def _warn_identified(reg: Registry, project: str, user: str, role: str, *, invitation: str | None = None) -> None:
    """Say so when ``user`` now reads transcripts not de-identified yet (the README's order: apply the
    de-identification before adding the coders); the owner imported them and reads them anyway."""
    if role == "owner":
        return
    raw = reg.not_deidentified(project)
    if raw:
        name = reg.project(project).name
        shown = ", ".join(raw[:3]) + (f" and {len(raw) - 3} more" if len(raw) > 3 else "")
        until = (f"revoke the invitation until then (makna server invite revoke {invitation})" if invitation
                 else f"take the member out until then (makna server member remove {name!r} {user})")
        typer.echo(f"Warning: {len(raw)} source(s) of {name!r} are not de-identified yet "
                   f"({shown}): {user} can read them as imported, names and numbers included. Apply the "
                   f"de-identification first (the /deid page, as the owner or a manager), or {until}.", err=True)


@invite_app.command("create")
def invite_create(
    db: DbOpt,
    projects: Annotated[list[str], typer.Option("--project", help="A project to invite to (repeatable).")],
    role: Annotated[str, typer.Option("--role", help=f"The role there: {ROLE_HELP}.")],
    expires: Annotated[str, typer.Option("--expires", help="How long the link works: 30m, 12h, 7d, 2w (at most "
                                                           "90 days).")] = "7d",
    note: Annotated[str, typer.Option("--note", help="A note for the list (whom it is for); not shown to the "
                                                     "invitee.")] = "",
    by: Annotated[str | None, typer.Option(
        "--by", help="Invite as this user, an owner or manager of each project (never above their own role) or an "
                     "administrator [default: the administrator]")] = None,
    base_url: Annotated[str, typer.Option("--base-url", envvar="MAKNA_SERVER_URL", show_envvar=True,
                                          help="The server's address as its users reach it, put before "
                                               "/invite/TOKEN.")] = "",
) -> None:
    """Make a one-time link that lets someone join projects with a role: a new account, or theirs.

    The link is shown once (the server keeps only a digest of it): pass it on privately, as a password.
    """
    from ..server.invitations import parse_expiry

    span = parse_expiry(expires)
    with _registry(db) as reg:
        token, inv = reg.invite(projects, role, actor=by or _admin(reg), expires=span, note=note)
        typer.echo(f"Invitation {inv.id[:8]}: {inv.role} in {', '.join(repr(p) for p in inv.projects)}, "
                   f"until {inv.expires_at:%Y-%m-%d %H:%M} UTC, made by {inv.created_by}")
        typer.echo(f"{base_url.rstrip('/')}/invite/{token}")
        typer.echo("The link works once; pass it on privately (whoever holds it can join). Revoke it with "
                   f"'makna server invite revoke {inv.id[:8]}'.", err=True)
        for target in inv.projects:
            _warn_identified(reg, target, "whoever accepts", inv.role, invitation=inv.id[:8])


@invite_app.command("list")
def invite_list(
    db: DbOpt,
    project: Annotated[str | None, typer.Option("--project", help="Only the invitations to this project.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Also the used, revoked and expired ones.")] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """The invitations (open ones unless --all), newest first; never their links."""
    with _registry(db) as reg:
        found = reg.invitations(project)
    rows = [{"id": i.id[:8], "state": i.state(), "role": i.role, "projects": ", ".join(i.projects),
             "by": i.created_by, "expires": f"{i.expires_at:%Y-%m-%d %H:%M}", "used_by": i.used_by or "",
             "note": i.note} for i in found if every or i.state() == "open"]
    emit(rows, ["id", "state", "role", "projects", "by", "expires", "used_by", "note"], fmt)


@invite_app.command("revoke")
def invite_revoke(
    invitation: Annotated[str, typer.Argument(help="The invitation's id (its first 8 characters will do).")],
    db: DbOpt,
    by: Annotated[str | None, typer.Option("--by", help="Revoke as this user [default: the administrator]")]
    = None,
) -> None:
    """Revoke an open invitation: its link no longer works."""
    with _registry(db) as reg:
        inv = reg.revoke_invitation(invitation, actor=by or _admin(reg))
    typer.echo(f"Revoked invitation {inv.id[:8]} ({inv.role} in {', '.join(repr(p) for p in inv.projects)})")


@server_app.command("audit")
def audit(
    db: DbOpt,
    project: Annotated[str | None, typer.Option("--project", help="Only the steps concerning this project.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date on (YYYY-MM-DD, UTC; or "
                                                              "YYYY-MM-DDTHH:MM).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many (the newest).")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """The audit log, newest first: invitations made, accepted and revoked, members set and removed, by whom
    and when. Never an invitation's link or digest."""
    from ..server.audit import audit_log, detail_text, parse_since

    start = parse_since(since) if since is not None else None
    with _registry(db) as reg:
        found = audit_log(reg, project=project, since=start, limit=limit)
    rows = [{"at": f"{e.at:%Y-%m-%d %H:%M:%S}" if fmt is OutputFormat.table else e.at.isoformat(),
             "actor": e.actor, "action": e.action,
             "projects": ", ".join(e.projects) if fmt is OutputFormat.table else list(e.projects),
             "detail": detail_text(e.detail) if fmt is OutputFormat.table else e.detail} for e in found]
    if fmt is OutputFormat.csv:
        for r in rows:
            r["projects"] = "; ".join(r["projects"])
            r["detail"] = json.dumps(r["detail"], ensure_ascii=False, sort_keys=True)
    emit(rows, ["at", "actor", "action", "projects", "detail"], fmt, title="Audit log (UTC)",
         empty="Nothing in the audit log matches.")


def _admin(reg: Registry) -> str:
    return next(u.name for u in reg.users() if u.admin)


@server_app.command("run")
def run(
    db: DbOpt,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; put a TLS reverse proxy in front "
                                                     "when it is not a loopback address.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8780,
    session_hours: Annotated[float, typer.Option("--session-hours", min=0.1, help="How long a login lasts.")]
    = 12.0,
    secure_cookies: Annotated[bool, typer.Option(
        "--secure-cookies/--plain-cookies",
        help="Mark cookies Secure (HTTPS only) [default: when --host is not a loopback address]",
        show_default=False)] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="Interface language: en or id [default: the browser's]")]
    = None,
    key_dir: Annotated[Path | None, typer.Option(
        "--key-dir", help="A folder (yours, readable by the server's account only, outside the database's backups) "
                          "where a web apply keeps each project's encrypted de-identification key, under a name "
                          "of the server's [default: none: the web apply is refused; apply with 'makna deid apply']")]
    = None,
) -> None:
    """Serve the team server's projects to logged-in users (behind a TLS reverse proxy beyond this machine)."""
    require_extra("server", "the team server", "argon2", "psycopg", "fastapi", "uvicorn")
    import ipaddress

    import uvicorn

    from ..web.server_app import create_server_app

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    web_app = create_server_app(db, session_hours=session_hours, secure_cookies=secure_cookies or not loopback,
                                lang=lang, key_dir=key_dir)
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    typer.echo(f"makna team server on http://{shown}:{port}/ ({web_app.state.registry.where})")
    if not loopback:
        typer.echo("Listening beyond this machine: serve it through a TLS reverse proxy (see the README).")
    if key_dir is not None:
        typer.echo(f"De-identification keys of web applies go to {web_app.state.key_dir}")
    typer.echo("Press Ctrl+C to stop.")
    uvicorn.run(web_app, host=host.strip("[]"), port=port, log_level="warning", access_log=False,
                proxy_headers=True)
