"""The store: creating and opening projects on both backends, migrations, transactions, events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

import makna
from makna.errors import NotAProjectError, ProjectExistsError
from makna.store import Store, resolve_location, schema_head, tables, tallies


def test_resolve_location(tmp_path: Path) -> None:
    assert resolve_location(tmp_path / "a.makna") == f"sqlite:///{tmp_path / 'a.makna'}"
    assert resolve_location("postgresql://u@h/db").startswith("postgresql+psycopg://")
    assert resolve_location("postgres://u@h/db").startswith("postgresql+psycopg://")
    with pytest.raises(NotAProjectError, match="unsupported database URL"):
        resolve_location("mysql://u@h/db")


def test_create_then_open(project_location: str) -> None:
    with makna.create_project(project_location, "Studi", coder="ana") as p:
        info = p.info()
        assert info.name == "Studi" and info.schema_revision == schema_head()
    with makna.open_project(project_location) as p:
        assert p.info().id == info.id


def test_create_refuses_existing(project_location: str) -> None:
    makna.create_project(project_location).close()
    with pytest.raises(ProjectExistsError):
        makna.create_project(project_location)


def test_schema_matches_tables(project: makna.Project) -> None:
    """The migrations build exactly the schema that tables.py declares."""
    def include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        # the search index (migration 0002) is derived data kept in dialect-specific tables (FTS5 on
        # SQLite, tsvector columns on PostgreSQL) that tables.py cannot declare; the tallies (0007)
        # are derived data declared apart (makna.store.tallies)
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
        return not str(table or name or "").startswith(("search_", "code_tallies", "source_tallies"))

    with project.store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include})
        diff = compare_metadata(ctx, tables.metadata)
        assert diff == []
        ctx = MigrationContext.configure(conn, opts={
            "include_object": lambda obj, name, type_, reflected, compare_to: type_ != "table"
            or name in tallies.metadata.tables})
        assert compare_metadata(ctx, tallies.metadata) == []


def test_sqlite_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "s.makna"
    with makna.create_project(path) as p, p.store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@pytest.mark.parametrize("content", [b"", b"hello, not a database", b"SQLite format 3\x00" + b"\x00" * 100])
def test_open_rejects_non_projects(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.makna"
    path.write_bytes(content)
    with pytest.raises(NotAProjectError, match=str(path.name)):
        makna.open_project(path)
    assert path.read_bytes() == content


def test_open_rejects_other_sqlite_db(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table t (x)")
    with pytest.raises(NotAProjectError, match="not a makna project"):
        makna.open_project(path)


def test_open_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(NotAProjectError, match="no such project file"):
        makna.open_project(tmp_path / "missing.makna")
    with pytest.raises(NotAProjectError, match="folder"):
        makna.open_project(tmp_path)


def test_create_in_missing_folder(tmp_path: Path) -> None:
    from makna.errors import ProjectError

    with pytest.raises(ProjectError, match="does not exist"):
        makna.create_project(tmp_path / "nope" / "s.makna")


def test_every_mutation_logs_one_event(project: makna.Project) -> None:
    before = len(makna.events(project, limit=1000))
    makna.add_code(project, "a")
    makna.add_case(project, "C1")
    makna.import_text(project, "t.txt", "P: hi\nI: halo")
    after = makna.events(project, limit=1000)
    assert len(after) == before + 3
    assert [e.action for e in after[:3]] == ["source.import", "case.add", "code.add"]
    assert all(e.actor == "tester" for e in after[:3])


def test_failed_mutation_rolls_back_event(project: makna.Project) -> None:
    makna.add_code(project, "a")
    n = len(makna.events(project, limit=1000))
    with pytest.raises(makna.MaknaError):
        makna.add_code(project, "a")
    assert len(makna.events(project, limit=1000)) == n


def test_batch_is_all_or_nothing(project: makna.Project) -> None:
    with pytest.raises(makna.MaknaError), project.store.batch():
        makna.add_code(project, "x")
        makna.add_code(project, "y")
        makna.add_code(project, "x")
    assert makna.list_codes(project) == []
    with project.store.read() as conn:
        assert conn.execute(select(func.count()).select_from(tables.events)
                            .where(tables.events.c.action == "code.add")).scalar() == 0


def test_store_open_migrates_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.makna"
    makna.create_project(path).close()
    store = Store.open(path)
    assert store.schema_revision() == schema_head()
    store.close()


def _turns_sql(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return str(db.execute("SELECT sql FROM sqlite_master WHERE name = 'turns'").fetchone()[0])


def test_migration_0004_rebuilds_turns_without_rowid(tmp_path: Path) -> None:
    """A project made before 0004 keeps its turns when opened, now in a WITHOUT ROWID table; the
    downgrade restores the rowid table with the same rows."""
    from alembic import command

    path = tmp_path / "old.makna"
    with makna.create_project(path) as p:
        makna.import_text(p, "a.txt", "P: satu dua.\nI: tiga empat.\nP: lima.\n")
        with p.store.read() as conn:
            before = conn.execute(select(tables.turns).order_by(tables.turns.c.number)).all()
        with p.store.engine.begin() as conn:
            command.downgrade(p.store._alembic_config(conn), "0003")
    assert "WITHOUT ROWID" not in _turns_sql(path) and len(before) == 3
    with makna.open_project(path) as p, p.store.read() as conn:
        assert p.store.schema_revision() == schema_head()
        assert conn.execute(select(tables.turns).order_by(tables.turns.c.number)).all() == before
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").first() is None
    assert _turns_sql(path).rstrip().endswith("WITHOUT ROWID")


def test_bulk_load_restores_the_connection_settings(tmp_path: Path) -> None:
    path = tmp_path / "b.makna"
    with makna.create_project(path) as p:
        with p.store.bulk_load() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "memory"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
            makna.import_text(p, "a.txt", "P: satu dua.\n")  # joins the bulk transaction
        with p.store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert [s.name for s in makna.list_sources(p)] == ["a.txt"]


def test_bulk_load_rolls_back_and_checks_references(tmp_path: Path) -> None:
    path = tmp_path / "c.makna"
    with makna.create_project(path) as p:
        with pytest.raises(RuntimeError), p.store.bulk_load():
            makna.import_text(p, "a.txt", "P: satu dua.\n")
            raise RuntimeError("stop")
        assert makna.list_sources(p) == []
        with pytest.raises(makna.MaknaError, match="refers to a missing"), p.store.bulk_load() as conn:
            conn.execute(tables.turns.insert().values(source_id="no-such-source", number=1, speaker="P",
                                                      start=0, end=1))
        with p.store.read() as conn:
            assert conn.execute(select(func.count()).select_from(tables.turns)).scalar() == 0
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_bulk_load_rolls_back_schema_changes(project: makna.Project) -> None:
    """bulk_load drops the segments' secondary indexes for the load (pysqlite would have committed
    that DROP INDEX at once; bulk_load begins its transaction explicitly), so a failed load must
    leave them in place, and a successful one must build them again."""
    def indexes() -> set[str]:
        with project.store.read() as conn:
            return set(inspect(conn).get_indexes("segments") and
                       [i["name"] for i in inspect(conn).get_indexes("segments")])

    before = indexes()
    assert {"ix_segments_coder_id_code_id_created_at", "ix_segments_code_id_source_id_start_end"} <= before
    with pytest.raises(RuntimeError), project.store.bulk_load() as conn:
        assert not ({i["name"] for i in inspect(conn).get_indexes("segments")} & before)
        raise RuntimeError("stop")
    assert indexes() == before
    with project.store.bulk_load():
        makna.import_text(project, "a.txt", "P: satu dua.\n")
    assert indexes() == before



def test_prepared_select_gives_driver_rows(project: makna.Project) -> None:
    from sqlalchemy import bindparam

    from makna.store import prepared_select

    makna.import_text(project, "a.txt", "P: satu dua.\nI: tiga empat.\n")
    t = tables.turns.c
    with project.store.read() as conn:
        source_id = conn.execute(select(tables.sources.c.id)).scalar_one()
        turns_of = prepared_select(conn, select(t.number, t.speaker, t.start).where(t.source_id == bindparam("sid"))
                                   .order_by(t.number))
        assert [tuple(r) for r in turns_of(sid=source_id)] == [(1, "P", 0), (2, "I", 13)]
        assert list(turns_of(sid="nothing")) == []


def test_bulk_load_checks_references_on_both_backends(project: makna.Project) -> None:
    """SQLite checks foreign keys once at the end of a bulk load, PostgreSQL adds them back there:
    either way a dangling row fails the load, and the constraints hold again afterwards."""
    from sqlalchemy.exc import IntegrityError

    bad = tables.turns.insert().values(source_id="no-such-source", number=1, speaker="P", start=0, end=1)
    with pytest.raises(makna.MaknaError, match="refers to a missing"), project.store.bulk_load() as conn:
        makna.import_text(project, "a.txt", "P: satu dua.\n")
        conn.execute(bad)
    assert makna.list_sources(project) == []
    with pytest.raises(IntegrityError), project.store.batch() as conn:
        conn.execute(bad)
    with project.store.bulk_load():
        makna.import_text(project, "a.txt", "P: satu dua.\n")
    assert [s.name for s in makna.list_sources(project)] == ["a.txt"]


def test_bulk_load_refuses_duplicates(project: makna.Project) -> None:
    """A duplicate segment fails the load: at once on SQLite, when the unique constraint is added
    back on PostgreSQL; nothing is kept either way."""
    from sqlalchemy.exc import IntegrityError

    src = makna.import_text(project, "a.txt", "P: satu dua.\n")
    makna.add_code(project, "x")
    seg = makna.code_span(project, src.id, 3, 7, "x")
    with project.store.read() as conn:
        row = dict(conn.execute(select(tables.segments).where(tables.segments.c.id == seg.id)).one()._mapping)
    with pytest.raises((makna.MaknaError, IntegrityError), match="duplicate|UNIQUE"), \
            project.store.bulk_load() as conn:
        conn.execute(tables.segments.insert().values(**{**row, "id": "00000000-0000-4000-8000-000000000001"}))
    with project.store.read() as conn:
        assert conn.execute(select(tables.segments.c.id)).scalars().all() == [seg.id]


def test_schema_head_read_from_the_files_is_alembics() -> None:
    from makna.store import _alembic_head

    assert schema_head() == _alembic_head()
