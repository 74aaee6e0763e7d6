"""Opening and creating projects, and resolving what users name (codes, sources, coders, cases)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, select

from .errors import NotAProjectError, UnknownCaseError, UnknownCodeError, UnknownSourceError
from .model import Coder, ProjectInfo, new_id, utcnow
from .store import Store, as_utc, fetch_compiled, insert_missing, tables
from .store._cipher import Passphrase, passphrase_from_env

__all__ = [
    "Project",
    "create_project",
    "open_project",
    "find_project",
    "default_coder_name",
    "PROJECT_SUFFIX",
    "CodeRow",
    "SourceRow",
]

PROJECT_SUFFIX = ".makna"


def default_coder_name() -> str:
    """The coder name used when none is given: ``$MAKNA_CODER``, else the login name."""
    name = os.environ.get("MAKNA_CODER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "researcher"
    except Exception:  # pragma: no cover - no login name in some containers
        return "researcher"


def _by_name_or_id(table: Any, *columns: str) -> Any:
    """SELECT ``columns`` of the row of ``table`` whose name (key) or id is the parameter ``name``:
    built once (the coding call resolves a source, a code and a coder each time)."""
    c = table.c
    named = c.key if "key" in c else c.name
    return select(*(c[k] for k in columns)).where((named == bindparam("name")) | (c.id == bindparam("name")))


class CodeRow(NamedTuple):
    """What resolving a code gives (:meth:`Project.code_row`)."""

    id: str
    key: str
    name: str
    color: str


class SourceRow(NamedTuple):
    """What resolving a source gives (:meth:`Project.source_row`)."""

    id: str
    name: str
    length: int


_CODE_ROW = _by_name_or_id(tables.codes, "id", "key", "name", "color")
_SOURCE_ROW = _by_name_or_id(tables.sources, "id", "name", "length")
_CODER_ID = _by_name_or_id(tables.coders, "id")


def _near_keys(conn: Connection, key: str) -> str:
    """``did you mean 'motive.cost'? `` for a mistyped code key (the nearest keys of the codebook), else ""."""
    from difflib import get_close_matches

    keys = [str(k) for (k,) in conn.execute(select(tables.codes.c.key))]
    near = get_close_matches(key, keys, n=2, cutoff=0.8)
    return f"did you mean {' or '.join(repr(k) for k in near)}? " if near else ""


def _gone(conn: Connection, key: str) -> str:
    """Why the code ``key`` (a key or an id) is unknown when someone deleted or merged it since it was read
    (a coder's page or picker kept it), else "": read only on that error, from the newest codebook events."""
    e = tables.events.c
    gone = ("code.delete", "code.merge", "code.split")
    rows = conn.execute(select(e.actor, e.action, e.payload).where(e.action.in_(gone))
                        .order_by(e.id.desc()).limit(200))
    for actor, action, payload in rows:
        p = dict(payload or {})
        if action == "code.delete" and key in (p.get("id"), p.get("key"), p.get("code_key")):
            done = "was deleted"
        elif action == "code.merge" and key in (p.get("source_id"), p.get("source"), p.get("code_key")):
            done = f"was merged into {str(p.get('target_key') or p.get('target'))!r}"
        elif action == "code.split" and p.get("remove") and key in (p.get("id"), p.get("key"), p.get("code_key")):
            done = f"was split into {', '.join(repr(str(n.get('key'))) for n in p.get('new') or [])}"
        else:
            continue
        return (f"{str(p.get('code_key') or key)!r} {done} by {actor}; the codebook changed since it was read "
                "(reload it, or see 'makna codebook')")
    return ""


@dataclass
class Project:
    """An open makna project. Close it (or use it as a context manager) when done."""

    store: Store
    location: str
    coder_name: str = field(default_factory=default_coder_name)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @property
    def actor(self) -> str:
        return self.coder_name

    def info(self) -> ProjectInfo:
        meta = self.store.meta()
        import datetime as dt

        return ProjectInfo(
            id=meta["project_id"],
            name=meta["name"],
            created_at=as_utc(dt.datetime.fromisoformat(meta["created_at"])),
            schema_revision=self.store.schema_revision() or "",
        )

    # ------------------------------------------------------------------ resolving names
    def code_id(self, conn: Connection, key: str) -> str:
        """The id of the code with ``key`` (or with that id)."""
        return str(self.code_row(conn, key).id)

    def code_row(self, conn: Connection, key: str) -> CodeRow:
        """The row (id, key, name, color) of the code with ``key`` (or with that id)."""
        rows = fetch_compiled(conn, _CODE_ROW, {"name": key})
        if not rows:
            gone = _gone(conn, key)
            near = "" if gone else _near_keys(conn, key)
            raise UnknownCodeError(f"unknown code {key!r}: {gone}" if gone
                                   else f"unknown code {key!r} ({near}see 'makna codebook')")
        return CodeRow(*rows[0])

    def source_row(self, conn: Connection, name: str) -> SourceRow:
        """The row (id, name, length) of the source called ``name`` (or with that id)."""
        rows = fetch_compiled(conn, _SOURCE_ROW, {"name": name})
        row = SourceRow(*rows[0]) if rows else None
        if row is not None and self.store.access is not None:  # a team server: a held source is a manager's
            from .holds import hides_held, is_held

            if hides_held(self) and is_held(conn, row.id):
                row = None
        if row is None:
            from .sources import any_deidentified

            applied = any_deidentified(conn)
            hint = "; 'makna deid apply' renamed any source whose name held an identifier" if applied else ""
            raise UnknownSourceError(f"unknown source {name!r} (see 'makna sources'{hint})")
        return row

    def case_id(self, conn: Connection, name: str) -> str:
        c = tables.cases.c
        found = conn.execute(select(c.id).where((c.name == name) | (c.id == name))).scalar()
        if found is not None and self.store.access is not None:  # a team server: a case held with a held source
            from .holds import hidden_cases

            held = hidden_cases(self, c.id)
            if held and conn.execute(select(c.id).where(c.id == found, *held)).first() is None:
                found = None
        if found is None:
            raise UnknownCaseError(f"unknown case {name!r} (see 'makna cases')")
        return str(found)

    def coder_id(self, conn: Connection, name: str | None = None, *, create: bool = True,
                 kind: str = "person") -> str:
        """The id of coder ``name`` (default: this session's coder), created on first use (once,
        however many threads or processes ask for it at the same moment)."""
        name = name or self.coder_name
        c = tables.coders.c
        found = fetch_compiled(conn, _CODER_ID, {"name": name})
        if found:
            return str(found[0][0])
        if not create:
            from .errors import NotFoundError

            raise NotFoundError(f"unknown coder {name!r}")
        insert_missing(conn, tables.coders, {"id": new_id(), "name": name, "kind": kind, "created_at": utcnow()},
                       unique=["name"])
        return str(conn.execute(select(c.id).where(c.name == name)).scalar_one())

    def coders(self) -> list[Coder]:
        c = tables.coders.c
        with self.store.read() as conn:
            rows = conn.execute(select(c.id, c.name, c.kind).order_by(c.name)).all()
        return [Coder(id=r.id, name=r.name, kind=r.kind) for r in rows]


def create_project(location: str | os.PathLike[str], name: str | None = None, *,
                   coder: str | None = None, project_id: str | None = None,
                   passphrase: Passphrase = None) -> Project:
    """Create a new project at a path (SQLite file) or a PostgreSQL URL. With a ``passphrase``
    the project file is encrypted (SQLCipher; ``pip install 'makna[encrypt]'``); a function that
    gives it is called only once the location is known to be free."""
    loc = os.fspath(location)
    coder_name = coder or default_coder_name()
    title = name or Path(loc).stem or "makna project"
    store = Store.create(loc, project_id=project_id or new_id(), name=title, actor=coder_name, passphrase=passphrase)
    return Project(store=store, location=loc, coder_name=coder_name)


def open_project(location: str | os.PathLike[str], *, coder: str | None = None,
                 passphrase: Passphrase = None) -> Project:
    """Open an existing project at a path or URL. An encrypted project file is opened with
    ``passphrase`` (a string, or a function asked only when the file is encrypted), else with
    ``$MAKNA_PASSPHRASE``, else with the key file named by ``$MAKNA_KEY_FILE``. A copy pulled from a
    team server (``makna pull``) acts as the coder who pulled it (unless ``coder`` says otherwise)
    with at most the coder role (:func:`makna.sync.local.guard`)."""
    loc = os.fspath(location)
    store = Store.open(loc, passphrase if passphrase is not None else passphrase_from_env)
    meta = store.meta() if store.path is not None else {}
    if "sync.server" in meta:  # a copy pulled from a team server: its coder, with at most the coder role
        from .sync.local import guard

        project = Project(store=store, location=loc, coder_name=coder or meta.get("sync.coder") or default_coder_name())
        guard(project, meta)
        return project
    return Project(store=store, location=loc, coder_name=coder or default_coder_name())


def find_project(explicit: str | None = None, *, cwd: Path | None = None,
                 environ: dict[str, str] | None = None) -> str:
    """Where the project is: ``explicit``, else ``$MAKNA_PROJECT``, else the single ``*.makna`` file
    in the current folder."""
    if explicit:
        return explicit
    env = os.environ if environ is None else environ
    if env.get("MAKNA_PROJECT"):
        return env["MAKNA_PROJECT"]
    folder = cwd or Path.cwd()
    found: Iterable[Path] = sorted(folder.glob(f"*{PROJECT_SUFFIX}"))
    files = [p for p in found if p.is_file()]
    if len(files) == 1:
        return str(files[0])
    if not files:
        raise NotAProjectError(
            f"no project given and no *{PROJECT_SUFFIX} file in {folder} (use -p PATH or set MAKNA_PROJECT)"
        )
    raise NotAProjectError(
        f"several *{PROJECT_SUFFIX} files in {folder}: choose one with -p ({', '.join(p.name for p in files)})"
    )
