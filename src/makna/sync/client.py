"""``makna pull`` and ``makna push`` over HTTP(S): the coder's side of talking to a team server.

The coder logs in once with their name and password (never stored): the server's session token and
CSRF token are kept in the pulled file (``sync.token``, ``sync.csrf``) and sent with each later
request, as a browser sends its cookie; when the session ends (12 hours by default, or ``makna
logout``), ``makna login FILE`` asks the password again. A coder at home needs only HTTPS to the
lab's server (``makna server run`` behind a TLS reverse proxy), not its database.

A coder's copy of a project file (``makna copy NEW --coder NAME``) has no server: ``makna push`` applies its work
to that file and ``makna pull`` refreshes it from that file, through the same core as a server's copy
(:func:`makna.sync.server.snapshot`, :func:`makna.sync.server.apply_push`, :func:`makna.sync.local.write_copy`).
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import (
    InputError,
    PermissionDeniedError,
    ServerRefusedError,
    ServerUnreachableError,
    SyncError,
    reason,
    require_extra,
)
from ..model import utcnow
from ..project import Project, open_project
from ..store._cipher import Passphrase
from .local import (
    Pending,
    PullReport,
    SyncInfo,
    copy_token,
    mark_synced,
    pending,
    push_message,
    set_session,
    source_hashes,
    sync_info,
    with_skeletons,
    write_copy,
)
from .rows import FILE_WORDS, SERVER_WORDS, Wording

__all__ = ["open_http", "check_url", "pull", "refresh", "push", "login", "logout", "of_server", "PushReport"]

_COOKIE = "makna_session"  # the team server's session cookie (makna.web.server_guard.SESSION_COOKIE)
_CSRF = "x-makna-csrf"
_PROJECT = "x-makna-project"


def open_http(url: str) -> Any:
    """An HTTP client for the server at ``url`` (an ``httpx.Client``; tests put one on the ASGI app)."""
    require_extra("sync", "makna pull and push", "httpx")
    import httpx

    return httpx.Client(base_url=url, timeout=httpx.Timeout(300.0, connect=15.0), follow_redirects=False)


_LOOPBACK = ("localhost", "127.0.0.1", "::1")


def check_url(url: str) -> str:
    """The server's base URL, ``https://host[:port][/prefix]`` without a trailing slash (plain
    ``http://`` only to this machine: a password and a session must not cross a network in clear)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise InputError(f"server {url!r}: give its address as https://host[:port] (the team server's URL)")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise InputError(f"server {url!r}: use https:// (over plain http your password and session would cross the "
                         "network readable by anyone on the way; see 'Team server' in the README for TLS)")
    return url.strip().rstrip("/")


@dataclass
class PushReport:
    """What a push did: ``sent`` changes, of which the server ``added``, ``changed``, ``deleted`` or had
    already (``unchanged``), and the ``conflicts`` it left alone (each ``kind``, ``id``, ``reason``,
    ``message``), still waiting in the copy."""

    sent: int = 0
    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: list[dict[str, str]] = field(default_factory=list)
    into: str | None = None  # a coder's copy of a project file: that project (None: the server)
    moved: int = 0  # codings made before their source's de-identification, moved onto its new text
    retargeted: dict[str, str] = field(default_factory=dict)  # memos put onto the server's twin coding
    sealed: int = 0  # a copy's sealed claims the project recorded now (a reseal keeps them verifiable)


class _Server:
    def __init__(self, url: str, token: str | None = None, csrf: str | None = None) -> None:
        self.url = check_url(url)
        self.token, self.csrf = token, csrf
        self._cookie: str | None = None
        self.http = open_http(self.url)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> _Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, path: str, *, body: Any = None, project: str | None = None) -> Any:
        import httpx

        headers = {"accept": "application/json"}
        if self.token:
            headers["cookie"] = f"{_COOKIE}={self.token}"
        if self.csrf and method != "GET":
            headers[_CSRF] = self.csrf
        if project:
            headers[_PROJECT] = project
        try:
            jar = getattr(self.http, "cookies", None)
            if jar is not None:
                jar.clear()  # the session is the one this copy holds, not one a previous answer set
            r = self.http.request(method, path, json=body, headers=headers)
        except httpx.TransportError as exc:
            raise ServerUnreachableError(f"{self.url}: server unreachable ({reason(exc)})") from None
        try:
            data = r.json()
        except ValueError:
            data = None
        error = data.get("error") if isinstance(data, dict) else None
        if r.status_code == 401 and path != "/login":
            raise SyncError(f"not logged in to {self.url} (the session ended): run 'makna login FILE'")
        if r.status_code == 403 and error and "CSRF" not in error:
            raise PermissionDeniedError(str(error))
        if r.status_code == 404 and path.startswith("/api/sync/"):
            raise SyncError(f"{self.url}: not a makna team server that takes offline copies (no {path})")
        if r.status_code >= 400 or data is None:
            detail = str(error or f"the server answered {r.status_code}")
            raise ServerRefusedError(f"{self.url}: {detail}", detail)
        self._cookie = r.cookies.get(_COOKIE) if path == "/login" else None
        return data

    def login(self, user: str, password: str) -> None:
        try:
            data = self.call("POST", "/login", body={"name": user, "password": password})
        except ServerRefusedError as exc:  # (an unreachable server says so itself)
            raise SyncError(f"cannot log in to {self.url} as {user!r}: {exc.detail}") from None
        if not self._cookie or not isinstance(data, dict) or not data.get("csrf"):
            raise SyncError(f"{self.url}: the login gave no session (is it a makna team server?)")
        self.token, self.csrf = self._cookie, str(data["csrf"])

    def find(self, key: str) -> dict[str, str]:
        """The user's project ``key`` (id or name) on the server: its id, name and the user's role."""
        mine = self.call("GET", "/api/server/projects")
        for p in mine if isinstance(mine, list) else []:
            if key in (p.get("id"), p.get("name")):
                return {"id": str(p["id"]), "name": str(p["name"]), "role": str(p.get("role"))}
        names = ", ".join(sorted(str(p.get("name")) for p in mine)) if isinstance(mine, list) else ""
        raise SyncError(f"no project {key!r} of yours on {self.url} (yours: {names or 'none'})")


def _ask_seal(server: _Server, project: str) -> dict[str, Any] | None:
    """A seal key of its own for the copy of ``project`` pulled now from ``server`` (None: it gives none: the user
    may not code, the project needs no key yet, or the server is older than teamtrust25)."""
    try:
        answer = server.call("POST", "/api/sync/seal", project=project)
    except SyncError as exc:  # a server before teamtrust25 has no such route: the copy seals nothing
        if "/api/sync/seal" not in str(exc):
            raise
        return None
    seal = answer.get("seal") if isinstance(answer, dict) else None
    return seal if isinstance(seal, dict) else None


def pull(url: str, project: str, path: str | os.PathLike[str], *, user: str, password: str,
         passphrase: Passphrase = None) -> PullReport:
    """Log in to the server at ``url`` as ``user`` and copy ``project`` (id or name) to a new project
    file at ``path`` (encrypted with ``passphrase`` when given)."""
    target = Path(path)
    if target.exists():
        raise InputError(f"{target}: a file exists there already (refresh a pulled copy with 'makna pull {target}')")
    with _Server(url) as server:
        server.login(user, password)
        sp = server.find(project)
        snap = server.call("GET", "/api/sync/pull", project=sp["id"])
        seal = _ask_seal(server, sp["id"])
        report, fresh = _write_aside(target, lambda f: write_copy(
            f, snap, server=server.url, project_id=sp["id"], project_name=sp["name"], token=server.token,
            csrf=server.csrf, passphrase=passphrase, seal=seal))
    os.replace(fresh, target)
    plain = snap.get("not_deidentified") if isinstance(snap, dict) else None
    return dataclasses.replace(report, not_deidentified=plain) if isinstance(plain, int) and plain > 0 else report


def refresh(path: str | os.PathLike[str], *, passphrase: Passphrase = None, discard: bool = False,
            origin: str | os.PathLike[str] | None = None) -> PullReport:
    """Bring a pulled copy up to date with the server: a new copy replaces the file, with the coder's
    changes not pushed yet kept on top. When some no longer fit (changed or deleted on the server
    meanwhile, source text changed, code gone or made a category), nothing is written: a
    :class:`~makna.errors.SyncError` says how many and to push first (the server takes what it can and lists the
    rest). Only with ``discard`` are they dropped and listed, the old copy kept beside the new one
    (``report.backup``). A coder's copy of a project file (``makna copy --coder``) is refreshed from that file the
    same way (``origin``: the file, when it is no longer where the copy was made; the copy then pushes there)."""
    target = Path(path)
    asked: list[str | None] = []

    def remember() -> str | None:  # an encrypted copy's passphrase, asked once, encrypts its successor too
        if not asked:
            asked.append(passphrase() if callable(passphrase) else passphrase)
        return asked[0]

    with open_project(target, passphrase=remember) as proj:
        _refuse_if_open_elsewhere(proj, target)
        info = sync_info(proj)
        if origin is not None and not info.from_file:
            raise InputError("--from is for a coder's copy of a project file (makna copy --coder); this copy is "
                             f"refreshed from its server, {info.server}")
        keep = pending(proj)
        old = source_hashes(proj) if len(keep) else {}
        seal = _held_seal(proj)
        encrypted = proj.store.encrypted
        token = copy_token(proj)
        # a coder's copy of a project file: read that file as the copy's coder sees it (one moment, nothing written)
        snap, where = _file_snapshot(proj, info, origin, remember) if info.from_file else ({}, "")
    secret = remember if encrypted else None
    if info.from_file:
        name = str(snap.get("name") or info.project_name)
        report, fresh = _write_aside(target, lambda f: write_copy(
            f, snap, server=where, project_id=info.project_id, project_name=name, token=None, csrf=None, keep=keep,
            old_hashes=old, passphrase=secret, copy_token=token, blind=info.blind, seal=seal))
    else:
        if not info.token:
            raise SyncError(f"not logged in to {info.server}: run 'makna login {target}'")
        with _Server(info.server, info.token, info.csrf) as server:
            sp = server.find(info.project_id)
            snap = server.call("GET", "/api/sync/pull", project=sp["id"])
            seal = seal or _ask_seal(server, sp["id"])  # a copy pulled before the project had a key gets one now
        report, fresh = _write_aside(target, lambda f: write_copy(
            f, snap, server=info.server, project_id=sp["id"], project_name=sp["name"], token=info.token,
            csrf=info.csrf, keep=keep, old_hashes=old, passphrase=secret, seal=seal))
    if report.dropped and not discard:  # never drop a coder's work unasked
        fresh.unlink(missing_ok=True)
        raise SyncError(_would_drop(target, len(keep), report.dropped, FILE_WORDS if info.from_file else SERVER_WORDS))
    wal = Path(f"{target}-wal")
    if wal.exists() and wal.stat().st_size:  # written meanwhile by another program: keep its work
        fresh.unlink(missing_ok=True)
        raise SyncError(f"{target}: the copy changed while it was being refreshed (is 'makna serve' open on "
                        f"it?); close it and pull again")
    for leftover in (wal, Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    if report.dropped:  # nothing dropped is lost: the old copy stays beside the new one
        backup = _free_name(target.with_name(f"{target.name}.before-pull-{utcnow().strftime('%Y%m%dT%H%M%S')}"))
        os.replace(target, backup)
        report = dataclasses.replace(report, backup=str(backup))
    os.replace(fresh, target)
    return report


def _would_drop(target: Path, unpushed: int, dropped: tuple[tuple[str, str, str], ...], words: Wording) -> str:
    """The refusal of a refresh that would drop ``dropped`` of the ``unpushed`` changes: how many, why, what to do."""
    why = Counter(because for _kind, _id, because in dropped)
    reasons = "; ".join(f"{n}: {because}" for because, n in why.items())
    return (f"{target}: not refreshed: {len(dropped)} of your {unpushed} change(s) not pushed yet would be dropped "
            f"({reasons}). Run 'makna push {target}' first ({words.place} takes what it can and lists the rest), "
            f"or 'makna pull {target} --discard' to drop them, the copy as it is kept beside the new one")


def _free_name(path: Path) -> Path:
    """``path``, or ``path`` with a ``-2``, ``-3``... suffix when a file is there (a backup never replaces another)."""
    n, free = 1, path
    while free.exists():
        n += 1
        free = path.with_name(f"{path.name}-{n}")
    return free


def _refuse_if_open_elsewhere(proj: Any, target: Path) -> None:
    """Refuse to refresh a copy another program has open: the refresh replaces the file, and work that
    program has in the write-ahead log, or writes meanwhile, would be lost. A full checkpoint succeeds
    only when no other connection reads or writes the file."""
    with proj.store.read() as conn:
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    if busy is not None and busy[0]:
        raise SyncError(f"{target}: the copy is open in another program (is 'makna serve' running on it?); "
                        f"close it, then pull again")


def _write_aside(target: Path, write: Callable[[Path], PullReport]) -> tuple[PullReport, Path]:
    """Run ``write(path)`` on a new file beside ``target`` (the caller moves it into place): a pull
    that fails half-way leaves nothing behind, and ``target`` is untouched until it is complete."""
    fresh = target.with_name(target.name + ".pulling")
    for leftover in (fresh, Path(f"{fresh}-wal"), Path(f"{fresh}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        report = write(fresh)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    return report, fresh


def push(path: str | os.PathLike[str], *, passphrase: Passphrase = None,
         into: str | os.PathLike[str] | None = None) -> PushReport:
    """Send the coder's codings and memos new, changed or deleted since the pull to the server; it
    applies those that do not conflict with its own changes and lists the rest, which stay in the copy.
    A coder's copy of a project file (``makna copy --coder``) goes into that file the same way (``into``:
    the file, when it is no longer where the copy was made)."""
    with open_project(path, passphrase=passphrase) as proj:
        info = sync_info(proj)
        changes = pending(proj)
        claims = _sealed_claims(proj)
        if not len(changes) and not claims:
            return PushReport(into=str(into or info.server) if info.from_file else None)
        if info.from_file:
            return _push_to_file(proj, info, changes, into, passphrase, claims)
        if into is not None:
            raise InputError("--into is for a coder's copy of a project file (makna copy --coder); this copy "
                             f"is pushed to its server, {info.server}")
        if not info.token:
            raise SyncError(f"not logged in to {info.server}: run 'makna login {path}'")
        message = push_message(proj, changes)
        if claims:  # a copy with a seal key of its own: the server records the claims that verify (teamtrust25)
            message["claims"] = claims
        with _Server(info.server, info.token, info.csrf) as server:
            server.find(info.project_id)
            answer = server.call("POST", "/api/sync/push", body=message, project=info.project_id)
            if isinstance(answer, dict) and answer.get("replaced"):  # de-identified since: send the skeletons
                message = with_skeletons(proj, message, answer["replaced"])
                answer = server.call("POST", "/api/sync/push", body=message, project=info.project_id)
        report = _report(len(changes), answer)
        if not len(changes):  # only claims to record: nothing to mark in the copy
            return report
        mark_synced(proj, changes, {(c["kind"], c["id"]) for c in report.conflicts},
                    {k: getattr(report, k) for k in ("added", "changed", "deleted", "unchanged")},
                    retargeted=report.retargeted)
    return report


def of_server(info: SyncInfo) -> SyncInfo:
    """``info`` of a copy pulled from a server; :class:`~makna.errors.SyncError` for a coder's copy of a file."""
    if info.from_file:
        raise SyncError(f"a coder's copy of the project file {info.server}: it has no server to log in to; "
                        "'makna push' brings its work back, 'makna pull' refreshes it from that file")
    return info


@contextmanager
def _origin(proj: Project, info: SyncInfo, at: str | os.PathLike[str] | None, passphrase: Passphrase,
            option: str) -> Iterator[tuple[Project, Path]]:
    """The project file the coder's copy ``proj`` was made from (or ``at``, given with ``option`` when it has moved),
    opened as the copy's coder, and where it is; refused when it is another project, a copy itself, or did not make
    this copy for this coder (its log names the copy's token)."""
    recorded = Path(info.server)
    target = Path(at) if at is not None else recorded
    if at is not None and recorded.is_file() and not _same_file(target, recorded):
        raise InputError(f"{option} {target}: the project this copy was made from is still at {recorded}; leave "
                         f"{option} out")
    if not target.is_file():
        raise InputError(f"{target}: the project this copy was made from is not there; give its place with {option}")
    token = copy_token(proj)
    with open_project(target, coder=info.coder, passphrase=passphrase) as origin:
        meta = origin.store.meta()
        if meta.get("project_id") != info.project_id:
            raise SyncError(f"{target} is another project, not the one {proj.location} was copied from "
                            f"({info.project_name!r})")
        if "sync.server" in meta:
            raise SyncError(f"{target} is itself a copy; give the project it was made from")
        if not token or not _made_for(origin, token, info.coder):
            raise SyncError(f"{target} did not make {proj.location} for {info.coder!r} (its log has no such copy): "
                            "give the project it was made from")
        yield origin, target


def _file_snapshot(proj: Project, info: SyncInfo, at: str | os.PathLike[str] | None,
                   passphrase: Passphrase) -> tuple[dict[str, Any], str]:
    """What the coder of ``proj`` may copy of the project file it was made from now, as a server's pull gives it
    (:func:`makna.sync.server.snapshot`, as a coder: a blind round hides the others), and that file's path."""
    from ..access import Access
    from .server import snapshot

    with _origin(proj, info, at, passphrase, "--from") as (origin, where):
        origin.store.access = Access({info.coder: "coder"})  # the copy's coder as the copy sees them (guard)
        return snapshot(origin, blind=info.blind), str(where.resolve())


def _held_seal(proj: Project) -> dict[str, Any] | None:
    """The seal key a copy holds of its own, as :func:`write_copy` takes it, so that a refresh keeps it (the same
    copy, the same token: still listed, and withdrawn if it was); None when it holds none."""
    import json

    from ..privacy.seals import MEMBER_META

    try:
        held = json.loads(proj.store.meta().get(MEMBER_META) or "null")
    except ValueError:
        return None
    return held if isinstance(held, dict) and isinstance(held.get("copy"), str) else None


def _sealed_claims(proj: Project) -> list[dict[str, Any]]:
    """The de-identification claims a coder's copy (of a project file, or pulled from a server since teamtrust25)
    seals, as its exports carry them (none: it holds no key of its own)."""
    from ..exchange._deid_state import export_states
    from ..privacy.seals import meta_sealer

    sealer = meta_sealer(proj.store.meta())
    if sealer is None or sealer.by is None or sealer.copy is None:
        return []
    with proj.store.read() as conn:
        return list(export_states(conn, sealer).values())


def _push_to_file(proj: Project, info: SyncInfo, changes: Pending, into: str | os.PathLike[str] | None,
                  passphrase: Passphrase, claims: list[dict[str, Any]]) -> PushReport:
    """Apply a coder's copy's work to the project file it was copied from, as the server would, and record there
    the claims the copy sealed that verify now (``claims``: a reseal keeps them verifiable,
    :func:`makna.privacy.seal_copies.record_pushed_seals`)."""
    from ..privacy.seal_copies import record_pushed_seals
    from .server import PushResult, apply_push

    message = push_message(proj, changes)
    words = FILE_WORDS.of_copy(proj.location)
    with _origin(proj, info, into, passphrase, "--into") as (origin, target):
        result = apply_push(origin, message, words=words) if len(changes) else PushResult()
        if result.replaced:  # de-identified since the copy was made: send the skeletons of its texts
            result = apply_push(origin, with_skeletons(proj, message, result.replaced), words=words)
        sealed = record_pushed_seals(origin, claims, member=info.coder, copy=copy_token(proj)) if claims else 0
    conflicts = [{"kind": c.kind, "id": c.id, "reason": c.reason, "message": c.message} for c in result.conflicts]
    report = PushReport(len(changes), result.added, result.changed, result.deleted, result.unchanged, conflicts,
                        into=str(target), moved=result.moved, retargeted=result.retargeted, sealed=sealed)
    if not len(changes):  # only claims to record: nothing to mark in the copy
        return report
    mark_synced(proj, changes, {(c["kind"], c["id"]) for c in conflicts},
                {k: getattr(report, k) for k in ("added", "changed", "deleted", "unchanged")},
                retargeted=result.retargeted)
    return report


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _made_for(origin: Project, token: str, coder: str) -> bool:
    """Whether ``origin``'s log records making the copy ``token`` for ``coder`` (:func:`makna.copy_project`)."""
    from sqlalchemy import select

    from ..store import tables

    e = tables.events.c
    with origin.store.read() as conn:
        for payload in conn.execute(select(e.payload).where(e.action == "sync.pull")).scalars():
            if isinstance(payload, dict) and payload.get("copy_token") == token:
                return payload.get("coder") == coder
    return False


def _report(sent: int, answer: Mapping[str, Any]) -> PushReport:
    try:
        if answer.get("replaced"):  # asked for skeletons again: not an answer to a push that sent them
            raise KeyError("replaced")
        conflicts = [{k: str(c[k]) for k in ("kind", "id", "reason", "message")} for c in answer["conflicts"]]
        return PushReport(sent, int(answer["added"]), int(answer["changed"]), int(answer["deleted"]),
                          int(answer["unchanged"]), conflicts, moved=int(answer.get("moved") or 0),
                          retargeted={str(k): str(v) for k, v in (answer.get("retargeted") or {}).items()},
                          sealed=int(answer.get("sealed") or 0))
    except (KeyError, TypeError, ValueError):
        raise SyncError("the server's answer to the push is malformed") from None


def login(path: str | os.PathLike[str], password: str, *, passphrase: Passphrase = None) -> str:
    """Log the copy's coder in to its server again (a new session kept in the copy); returns the server."""
    with open_project(path, passphrase=passphrase) as proj:
        info = of_server(sync_info(proj))
        with _Server(info.server) as server:
            server.login(info.coder, password)
            server.find(info.project_id)
        set_session(proj, server.token, server.csrf)
    return info.server


def logout(path: str | os.PathLike[str], *, passphrase: Passphrase = None) -> bool:
    """End the copy's session on the server and forget it in the copy; False when the server could
    not be reached (the session then ends when it expires)."""
    with open_project(path, passphrase=passphrase) as proj:
        info = of_server(sync_info(proj))
        ended = True
        if info.token:
            try:
                with _Server(info.server, info.token, info.csrf) as server:
                    server.call("POST", "/logout")
            except SyncError:
                ended = False
        set_session(proj, None, None)
    return ended
