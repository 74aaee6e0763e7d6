"""The project store: one small interface over SQLite (embedded default) and PostgreSQL (team server).

Everything above the store talks to it through :class:`Store`: ``read()`` for queries, and
``write(actor, action, payload)`` for mutations, which runs one transaction and appends one entry to
the event log in that same transaction. SQL dialect differences stay inside this package.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from ..errors import InputError, NotAProjectError, ProjectError, ProjectExistsError, require_extra
from ..event_kinds import EventKind
from . import _cipher, journal, pgwrite, tables, tallies
from ._sql import LONG_TEXT, bulk_insert, fetch_compiled, insert_returning_id, prepared_select, write_long_text
from .contention import begin_immediate, busy_error, busy_timeout, clash_error, insert_missing, is_busy

__all__ = ["Store", "resolve_location", "sqlite_path", "tables", "journal", "schema_head", "as_utc", "bulk_insert",
           "prepared_select", "TURN_COLUMNS", "MAX_TEXT_BYTES", "check_text_size", "write_long_text",
           "LONG_TEXT", "insert_missing", "busy_timeout", "WriteGuard", "tallies", "fetch_compiled",
           "insert_returning_id", "LEDGER_PREFIX"]

_MIGRATIONS = Path(__file__).with_name("migrations")
#: The ``meta`` keys of the project's ledger of its own seals (:func:`makna.privacy.seals.record_seals`): one row a
#: sealed claim exported, thousands on a large project, so :meth:`Store.meta` (read at every opening) leaves them out.
LEDGER_PREFIX = "deid_sealed:"
#: The columns of a turn row, in the order bulk loaders give them (``bulk_insert(..., columns=)``).
TURN_COLUMNS = ("source_id", "number", "speaker", "start", "end", "time_start", "time_end")
#: The most bytes one stored text may take in UTF-8: SQLite's default SQLITE_MAX_LENGTH (1,000,000,000
#: bytes for one string or blob; beyond it an insert fails); PostgreSQL's text type holds at most 1 GB too.
MAX_TEXT_BYTES = 1_000_000_000
_BULK_TABLES = (tables.segments, tables.turns)  # the large tables Store.bulk_load prepares for
_SQLITE_MAGIC = b"SQLite format 3\x00"
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def resolve_location(location: str | os.PathLike[str]) -> str:
    """An SQLAlchemy URL for a project path or database URL.

    A plain path is an SQLite project file; ``postgresql://`` and ``postgres://`` URLs use psycopg 3.
    """
    text = os.fspath(location)
    if not _URL.match(text):
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    scheme, rest = text.split("://", 1)
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql+psycopg://" + rest
    if scheme == "sqlite":
        return text
    raise NotAProjectError(f"{text}: unsupported database URL (use a file path or postgresql://)")


_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


@functools.cache
def schema_head() -> str:
    """The newest schema revision this version of makna knows.

    Read from the migration files themselves (the revision that no other names as its
    ``down_revision``), so that opening a current project does not load Alembic (0.2 s); a history
    this simple reading cannot follow (branches, merges) is left to Alembic."""
    import ast

    revisions: dict[str, object] = {}
    for path in sorted((_MIGRATIONS / "versions").glob("*.py")):
        found = {m[1]: m[2] for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        try:
            revisions[ast.literal_eval(found["revision"])] = ast.literal_eval(found.get("down_revision", "None"))
        except (KeyError, ValueError, SyntaxError):
            return _alembic_head()
    heads = set(revisions) - set(revisions.values())
    if len(heads) != 1 or not all(isinstance(down, str | None) for down in revisions.values()):
        return _alembic_head()
    return heads.pop()


def _alembic_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def check_text_size(text: str, what: str | None = None) -> None:
    """Refuse (before anything is written) a text the project's database cannot hold in one value:
    more than :data:`MAX_TEXT_BYTES` bytes in UTF-8. ``what`` names it in the one-line error."""
    limit = MAX_TEXT_BYTES
    if 4 * len(text) <= limit:  # no character takes more than 4 bytes: no need to count
        return
    size = 0
    for i in range(0, len(text), 1 << 20):
        size += len(text[i : i + (1 << 20)].encode("utf-8", "surrogatepass"))
    if size > limit:
        raise InputError(f"{what + ': ' if what else ''}its text is {size:,} bytes in UTF-8, over the {limit:,}-byte "
                         "limit of one text in a project (SQLite's SQLITE_MAX_LENGTH; PostgreSQL's 1 GB); "
                         "split it into several sources")


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite project URL; None for a server database."""
    return Path(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else None


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA page_size=8192")  # takes effect only in a new, empty file
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


#: Seconds a pooled server connection may rest before it is tested when taken again.
_IDLE_PING_SECONDS = 2.0


def _ping_when_idle(engine: Engine) -> None:
    """Test a pooled PostgreSQL connection before use when it has rested :data:`_IDLE_PING_SECONDS`
    or more (a server restart, a dropped network, an idle timeout kill it while it rests): a dead
    one is replaced before the request uses it. SQLAlchemy's ``pool_pre_ping`` tests it on every
    checkout, a round trip to the server on each request; a connection handed back a moment ago
    (a coder coding span after span) is taken as it is, and if it died in that moment the request
    fails once and the pool drops it."""
    import time

    from sqlalchemy.exc import DisconnectionError

    @event.listens_for(engine, "checkin")
    def rested(_dbapi_conn: Any, record: Any) -> None:
        record.info["makna.checkin"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def check(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("makna.checkin", float("-inf")) < _IDLE_PING_SECONDS:
            return
        try:
            cursor = dbapi_conn.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
            dbapi_conn.rollback()
        except Exception as exc:  # the pool replaces it and tries again
            raise DisconnectionError(f"connection lost while idle: {exc}") from exc


def as_utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class WriteGuard(Protocol):
    """Who may write what (:class:`makna.access.Access` on a team server): ``check`` raises
    :class:`~makna.errors.PermissionDeniedError` before a write ``actor`` may not make."""

    def check(self, actor: str, action: EventKind) -> None: ...


class Store:
    """An open project database. ``access``, when set (a team server), is asked before every write."""

    def __init__(self, url: str, engine: Engine, cipher: _cipher.Cipher | None = None) -> None:
        self.url = url
        self.engine = engine
        self.cipher = cipher  # the SQLCipher key of an encrypted project file (store/_cipher.py)
        self._current: ContextVar[Connection | None] = ContextVar(f"makna-batch-{id(self)}", default=None)
        self._feed: Any = None  # the ChangeFeed, once feed() asked for it (store/feed.py)
        self.access: WriteGuard | None = None

    # ----------------------------------------------------------------- opening and creating
    @classmethod
    def _engine(cls, url: str, cipher: _cipher.Cipher | None = None) -> Engine:
        if url.startswith("sqlite"):
            if cipher is None:
                engine = create_engine(url, pool_size=2, max_overflow=8)
            else:
                engine = create_engine(url, module=_cipher.dbapi(), pool_size=2, max_overflow=8)
                event.listen(engine, "connect", cipher.on_connect, insert=True)  # before any other statement
            event.listen(engine, "connect", _on_sqlite_connect)
        else:
            require_extra("postgres", "a PostgreSQL project", "psycopg")
            engine = create_engine(url)
            _ping_when_idle(engine)
        journal.install(engine)
        return engine

    @classmethod
    def create(cls, location: str | os.PathLike[str], *, project_id: str, name: str, actor: str,
               passphrase: _cipher.Passphrase = None) -> Store:
        """Create a new, empty project store; refuse when one exists there already. With a
        ``passphrase`` (or a function that gives it, asked only once the location is known to be
        free), the SQLite file is encrypted (SQLCipher)."""
        url = resolve_location(location)
        path = sqlite_path(url)
        if path is not None:
            if path.exists():
                raise ProjectExistsError(f"{path}: a file exists there already; choose another path")
            if not path.parent.is_dir():
                raise ProjectError(f"{path}: folder {path.parent} does not exist")
        elif passphrase is not None:
            raise ProjectError(f"{location}: encryption is for project files; a database server encrypts its own "
                               "storage")
        cipher = None
        if passphrase is not None and path is not None:
            cipher = _cipher.Cipher.new(_cipher.require_passphrase(path, passphrase))
        engine = cls._engine(url, cipher)
        try:
            with engine.connect() as conn:
                if inspect(conn).has_table("meta"):
                    raise ProjectExistsError(f"{location}: this database already holds a makna project")
        except OperationalError as exc:
            engine.dispose()
            raise ProjectError(f"{location}: cannot connect ({_first_line(exc)})") from exc
        except BaseException:
            engine.dispose()
            raise
        store = cls(url, engine, cipher)
        try:
            store._migrate()
            now = dt.datetime.now(dt.UTC)
            with store.write(actor, "project.create", {"id": project_id, "name": name}) as conn:
                conn.execute(
                    insert(tables.meta),
                    [
                        {"key": "format", "value": "makna"},
                        {"key": "project_id", "value": project_id},
                        {"key": "name", "value": name},
                        {"key": "created_at", "value": now.isoformat()},
                    ],
                )
        except BaseException:
            store.destroy()
            raise
        return store

    @classmethod
    def open(cls, location: str | os.PathLike[str], passphrase: _cipher.Passphrase = None) -> Store:
        """Open an existing project; migrate its schema forward when it is older than this makna.

        An encrypted project file needs its ``passphrase`` (or a function that gives it, asked only
        when the file is encrypted)."""
        url = resolve_location(location)
        path = sqlite_path(url)
        cipher = None
        if path is not None:
            if not path.exists():
                raise NotAProjectError(f"{path}: no such project file")
            if path.is_dir():
                raise NotAProjectError(f"{path}: is a folder, not a makna project file")
            with path.open("rb") as fh:
                if fh.read(16) != _SQLITE_MAGIC:
                    if not _cipher.looks_encrypted(path):
                        raise NotAProjectError(f"{path}: not a makna project (not an SQLite database)")
                    cipher = _cipher.Cipher.for_file(path, _cipher.require_passphrase(path, passphrase))
        engine = cls._engine(url, cipher)
        try:
            with engine.connect() as conn:
                if not inspect(conn).has_table("meta"):
                    raise NotAProjectError(f"{location}: not a makna project (no project tables)")
                fmt = conn.execute(select(tables.meta.c.value).where(tables.meta.c.key == "format")).scalar()
                if fmt != "makna":
                    raise NotAProjectError(f"{location}: not a makna project")
        except (OperationalError, DatabaseError) as exc:
            engine.dispose()
            if cipher is not None and "not a database" in str(exc):
                raise NotAProjectError(f"wrong passphrase for {path} (or not a makna project)") from None
            raise NotAProjectError(f"{location}: cannot open as a makna project ({_first_line(exc)})") from exc
        except BaseException:
            engine.dispose()
            raise
        store = cls(url, engine, cipher)
        store._migrate()
        return store

    def _alembic_config(self, conn: Connection) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        cfg.attributes["connection"] = conn
        return cfg

    def schema_revision(self) -> str | None:
        """The project's schema revision (Alembic's ``alembic_version`` row), None before the first
        migration. Read with a plain query: loading Alembic costs 0.2 s, needed only to migrate."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            revisions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            if len(revisions) > 1:  # branches: Alembic says what is wrong
                from alembic.runtime.migration import MigrationContext

                return MigrationContext.configure(conn).get_current_revision()
        return revisions[0] if revisions else None

    def _migrate(self) -> None:
        if self.schema_revision() == schema_head():
            return
        from alembic import command

        with self.engine.begin() as conn:
            command.upgrade(self._alembic_config(conn), "head")

    def close(self) -> None:
        if self._feed is not None:
            self._feed.close()
            self._feed = None
        self.engine.dispose()

    def feed(self) -> Any:
        """The project's :class:`~makna.store.feed.ChangeFeed` (started on first use, closed with the store)."""
        if self._feed is None:
            from .feed import ChangeFeed

            self._feed = ChangeFeed(self)
        return self._feed

    def destroy(self) -> None:
        """Remove the project entirely (used to undo a creation or import that failed): the SQLite
        file with its WAL and shared-memory files, or on PostgreSQL every table the migrations made
        (downgraded to the empty schema, so the same URL can take a new project)."""
        path = sqlite_path(self.url)
        if path is None and self.schema_revision() is not None:
            from alembic import command

            with self.engine.begin() as conn:
                command.downgrade(self._alembic_config(conn), "base")
        if path is None:
            with self.engine.begin() as conn:
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        self.close()
        if path is not None:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)

    # ----------------------------------------------------------------------- transactions
    @property
    def path(self) -> Path | None:
        """The project file (SQLite), or None (a server database)."""
        return sqlite_path(self.url)

    @property
    def encrypted(self) -> bool:
        """Whether the project file is encrypted (SQLCipher)."""
        return self.cipher is not None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def small_batches(self) -> bool:
        """Whether a bulk loader should write small batches often (SQLite: a reader that feeds the
        writer through a pipe can only read ahead as far as the pipe holds) rather than few large
        ``COPY`` batches (PostgreSQL: fewer round trips)."""
        return self.dialect == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries (inside :meth:`batch`, the batch's own connection)."""
        current = self._current.get()
        if current is not None:
            yield current
            return
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A connection whose queries all see one state of the project, whatever commits meanwhile
        (PostgreSQL: a REPEATABLE READ transaction; SQLite: one read transaction), for a copy of many
        tables that must agree with each other (``makna pull``)."""
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            else:
                conn.exec_driver_sql("BEGIN")  # pysqlite would not begin before a write
            try:
                yield conn
            finally:
                conn.rollback()

    @contextmanager
    def batch(self) -> Iterator[Connection]:
        """Group several operations into one transaction: every :meth:`write` inside the block joins
        it (each still logs its event), and any failure rolls all of them back."""
        if self._current.get() is not None:
            with self.read() as conn:
                yield conn
            return
        try:
            with self.engine.begin() as conn:
                if self.dialect == "sqlite":  # take the write lock first, waiting for it with backoff
                    begin_immediate(conn.connection.dbapi_connection, self._where)
                with journal.recording(conn) as rec:
                    token = self._current.set(conn)
                    try:
                        yield conn
                    finally:
                        self._current.reset(token)
            if self._feed is not None and rec.events:  # committed: wake this process's listeners now
                self._feed.saw(max(e.id for e in rec.events))
        except DBAPIError as exc:  # rolled back: nothing of it was kept
            if is_busy(exc):
                raise busy_error(self._where) from None
            clash = clash_error(exc)
            if clash is not None:
                raise clash from None
            raise

    @functools.cached_property
    def _where(self) -> str:
        """The project as errors name it: its file, or its database URL without the password."""
        from sqlalchemy.engine import make_url

        return str(self.path) if self.path is not None else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def bulk_load(self, *, check_references: bool = True) -> Iterator[Connection]:
        """A :meth:`batch` for filling a new project with a large amount of data (an imported project
        file). The non-unique indexes of the bulk tables (segments, turns) are dropped for the load
        and built once at its end, and foreign keys are checked once at the end instead of row by row.
        On SQLite the transaction also keeps its rollback journal in memory instead of the WAL, does
        not wait for the disk and has a 256 MiB page cache; the usual settings are back when the block
        ends. A caller that makes every reference from rows it inserted itself may skip the final
        foreign-key check on SQLite (``check_references=False``). On PostgreSQL the foreign keys and the
        segments' unique constraint are dropped and added back in the same transaction (adding one
        checks every row in one pass instead of a trigger per row).

        A failure still rolls everything back, schema changes included. A crash of the process during
        the load can leave an SQLite file unusable, which is acceptable only for a project that is
        being created (whose creator removes it when the load fails)."""
        if self._current.get() is not None:
            with self.batch() as conn:
                yield conn
            return
        opened = self._bulk_load_sqlite(check_references) if self.dialect == "sqlite" else self._bulk_load_server()
        with opened as conn:
            rec = journal.current(conn)
            if rec is not None:  # what a bulk load wrote is not journaled: it cannot be undone
                rec.barrier = "whole-project import"
            deferred = [ix for table in _BULK_TABLES for ix in table.indexes if not ix.unique]
            for ix in deferred:
                ix.drop(conn)
            tallies.drop_triggers(conn)  # counted once at the end instead of row by row
            yield conn
            for ix in deferred:  # built by sorting, once, instead of kept up to date row by row
                ix.create(conn)
            tallies.rebuild(conn)
            tallies.install_triggers(conn)

    @contextmanager
    def _bulk_load_sqlite(self, check_references: bool) -> Iterator[Connection]:
        self.engine.dispose()  # the journal mode can leave WAL only when no other connection is open
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection  # PRAGMAs outside SQLAlchemy's transaction
            assert raw is not None
            cache = raw.execute("PRAGMA cache_size").fetchone()[0]
            for pragma in ("journal_mode=MEMORY", "synchronous=OFF", "foreign_keys=OFF", "cache_size=-262144"):
                raw.execute(f"PRAGMA {pragma}")
            try:
                with conn.begin(), journal.recording(conn):
                    # pysqlite opens its transaction only at the first INSERT/UPDATE/DELETE, so schema
                    # changes before it (dropping the deferred indexes) would commit at once: begin now
                    begin_immediate(raw, self._where)
                    token = self._current.set(conn)
                    try:
                        yield conn
                    finally:
                        self._current.reset(token)
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first() if check_references else None
                    if broken is not None:
                        raise ProjectError(f"{self.url}: the load left a {broken[0]} row that refers to a missing "
                                           f"{broken[2]} row (nothing was kept)")
            finally:
                for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", f"cache_size={cache}"):
                    raw.execute(f"PRAGMA {pragma}")

    @contextmanager
    def _bulk_load_server(self) -> Iterator[Connection]:
        from sqlalchemy.schema import AddConstraint, DropConstraint, UniqueConstraint

        keys: list[Any] = [fk for table in _BULK_TABLES for fk in table.foreign_key_constraints]
        keys += [c for c in tables.segments.constraints if isinstance(c, UniqueConstraint)]
        with self.batch() as conn:
            for fk in keys:
                conn.execute(DropConstraint(fk))
            yield conn
            try:
                with conn.begin_nested():
                    for fk in keys:
                        conn.execute(AddConstraint(fk))
            except IntegrityError as exc:
                what = ("a row that refers to a missing one" if "ForeignKey" in type(exc.orig).__name__
                        else "duplicate rows")
                raise ProjectError(f"{self.url}: the load left {what} (nothing was kept): {_first_line(exc)}") from None

    @contextmanager
    def write(self, actor: str, action: EventKind, payload: dict[str, Any]) -> Iterator[Connection]:
        """One transaction that appends an event (``actor``, ``action``, ``payload``) to the log.

        The event is written when the block ends, so the caller may add to ``payload`` inside the
        block (ids it created, counts). Any exception rolls everything back, event included.
        Inside :meth:`batch`, the write joins the batch's transaction.
        """
        with self.write_each(actor, action, [payload]) as conn:
            yield conn

    @contextmanager
    def write_each(self, actor: str, action: EventKind, payloads: Sequence[dict[str, Any]]) -> Iterator[Connection]:
        """Like :meth:`write`, for an operation on several entities that logs one event for each."""
        if self.access is not None:
            self.access.check(actor, action)
        with self.batch() as conn:
            yield conn
            now = dt.datetime.now(dt.UTC)
            rows = [{"at": now, "actor": actor, "action": action, "payload": p} for p in payloads]
            if rows:
                pg = self.dialect == "postgresql"
                if pg and len(rows) == 1:  # lock, event and NOTIFY in one round trip (store/pgwrite.py)
                    ids = [pgwrite.log_event(conn, rows[0])]
                else:
                    if pg:
                        # Event ids in commit order: a reader that has seen id N never misses a smaller one
                        # committed later (live updates resume from the last id they read).
                        from .feed import serialize_events

                        serialize_events(conn)
                    if len(rows) == 1:  # the usual case: one INSERT ... RETURNING, straight on the driver
                        ids = [insert_returning_id(conn, tables.events, rows[0])]
                    else:
                        stmt = insert(tables.events).returning(tables.events.c.id, sort_by_parameter_order=True)
                        ids = list(conn.execute(stmt, rows).scalars().all())
                    if pg:  # listeners wake when the transaction commits
                        from .feed import notify

                        notify(conn, max(ids))
                journal.note_events(conn, ids, actor, action)

    def bulk_insert(self, conn: Connection, table: Table, rows: Sequence[Any],
                    columns: Sequence[str] | None = None, *, bound: bool = False, per_statement: int = 1) -> None:
        """See :func:`bulk_insert`."""
        bulk_insert(conn, table, rows, columns, bound=bound, per_statement=per_statement)

    def bind_value(self, column: Column[Any], value: Any) -> Any:
        """``value`` as the driver receives it for ``column`` (after the column type's bind
        processing): for a value that many rows given to ``bulk_insert(..., bound=True)`` share."""
        proc = column.type._cached_bind_processor(self.engine.dialect)
        return value if proc is None else proc(value)

    def meta(self) -> dict[str, str]:
        """The project's ``meta`` rows, less its ledger of seals (:data:`LEDGER_PREFIX`: read by its own query)."""
        m = tables.meta.c
        with self.read() as conn:
            rows = conn.execute(select(m.key, m.value).where(~m.key.startswith(LEDGER_PREFIX, autoescape=True)))
            return {k: v for k, v in rows if not k.startswith(LEDGER_PREFIX)}  # not by a collation's order


def _first_line(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

