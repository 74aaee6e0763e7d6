"""The store: creating and opening projects on both backends, migrations, transactions, events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

import makna
from makna.errors import NotAProjectError, ProjectExistsError
from makna.store import Store, resolve_location, schema_head, tables


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
        # SQLite, tsvector columns on PostgreSQL) that tables.py cannot declare
        return not (name or "").startswith("search_") and not (type_ == "table" and reflected and name is not None
                                                                and name.startswith("search_"))

    with project.store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include})
        diff = compare_metadata(ctx, tables.metadata)
    assert diff == []


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
