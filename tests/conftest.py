"""Shared fixtures: the ../shared data folder, and a fresh project on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from pg_schemas import PG_LOCK_TIMEOUT
from pg_schemas import drop_schema as _drop_schema

# No timed tests: Hypothesis's clock checks (a 200 ms deadline per example, a health check on slow input
# generation) fail under a loaded CI machine without any fault in the code (test_yaml_round_trip_property did).
settings.register_profile("makna", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("makna")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MAKNA_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder; tests that need it skip where it is absent (a user's clone)."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared evaluation data comes with CI, not with a clone")
    return SHARED


# ----------------------------------------------------------------------------- project backends
def _backends() -> list[str]:
    """``$MAKNA_TEST_BACKENDS`` (comma-separated), else SQLite and PostgreSQL. ``sqlcipher`` adds an
    encrypted SQLite project for the tests on the ``project`` fixture."""
    wanted = os.environ.get("MAKNA_TEST_BACKENDS")
    if wanted:
        return [b.strip() for b in wanted.split(",") if b.strip()]
    return ["sqlite", "postgresql"]


PG_URL = os.environ.get("MAKNA_TEST_PG_URL", "")
TEST_PASSPHRASE = "makna test passphrase"


@pytest.fixture(params=_backends())
def project_location(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Where a fresh project can be created: an SQLite file path, or a PostgreSQL URL pointing at a
    new empty schema (dropped afterwards). PostgreSQL tests skip unless MAKNA_TEST_PG_URL is set
    (.ci/run starts a server and sets it). ``sqlcipher``: the path of an encrypted project that the
    ``project`` fixture creates, opened again through ``$MAKNA_PASSPHRASE``."""
    if request.param == "sqlcipher":
        if "project" not in request.fixturenames:
            pytest.skip("sqlcipher backend: only tests on the encrypted `project` fixture")
        pytest.importorskip("sqlcipher3")
        monkeypatch.setenv("MAKNA_PASSPHRASE", TEST_PASSPHRASE)
    if request.param in ("sqlite", "sqlcipher"):
        yield str(tmp_path / "study.makna")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL backend: set MAKNA_TEST_PG_URL (see scripts/pg-test-server)")
    import uuid

    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:  # every connection of the test (its own, a workbench's) waits for a lock at most PG_LOCK_TIMEOUT
        yield f"{base}{sep}options=-csearch_path%3D{schema}%20-clock_timeout%3D{PG_LOCK_TIMEOUT}"
    finally:
        _drop_schema(base, schema)


#: How long a test's PostgreSQL statement waits for a lock (a write for the project's event lock or a row, the
#: schema's drop for the tables): a session left in a transaction fails the test with what held it, never hangs
#: the run silently (live27).


@pytest.fixture
def project(project_location: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh, empty project on each backend, coder 'tester'."""
    import makna

    encrypted = request.node.callspec.params.get("project_location") == "sqlcipher"
    with makna.create_project(project_location, "Test project", coder="tester",
                              passphrase=TEST_PASSPHRASE if encrypted else None) as proj:
        assert proj.store.encrypted == encrypted
        yield proj


# ----------------------------------------------------------------------------- team server
SERVER_PASSWORD = "correct horse battery"


@pytest.fixture
def server_db() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database for a team server (dropped afterwards); skips
    without MAKNA_TEST_PG_URL."""
    if not PG_URL:
        pytest.skip("team server: set MAKNA_TEST_PG_URL (see scripts/pg-test-server)")
    import uuid

    import psycopg

    base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    head, _, tail = base.partition("?")
    url = head.rsplit("/", 1)[0] + "/" + name + (f"?{tail}" if tail else "")
    try:
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def team(server_db: str) -> Iterator[Any]:
    """A team server with the administrator 'ana' (owner of project 'Studi', which holds one
    source and two codes) and one member of each other role: 'dewi' manager, 'budi' coder,
    'citra' viewer; 'eko' has an account but no project."""
    from makna.server.registry import Registry

    reg = Registry.init(server_db, "ana", SERVER_PASSWORD)
    try:
        for name in ("dewi", "budi", "citra", "eko"):
            reg.add_user(name, SERVER_PASSWORD)
        sp = reg.add_project("Studi", owner="ana")
        for name, role in (("dewi", "manager"), ("budi", "coder"), ("citra", "viewer")):
            reg.set_role("Studi", name, role)
        import makna

        with makna.open_project(reg.location(sp), coder="ana") as p:
            makna.import_text(p, "wawancara", "P: Apa kabar?\nI: Baik, saya senang di Padang.\n", language="id")
            makna.add_code(p, "emosi", "Emosi")
            makna.add_code(p, "tempat", "Tempat")
        yield reg
    finally:
        reg.close()
