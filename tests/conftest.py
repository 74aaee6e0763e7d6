"""Shared fixtures: the ../shared data folder, and a fresh project on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def project(project_location: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh, empty project on each backend, coder 'tester'."""
    import makna

    encrypted = request.node.callspec.params.get("project_location") == "sqlcipher"
    with makna.create_project(project_location, "Test project", coder="tester",
                              passphrase=TEST_PASSPHRASE if encrypted else None) as proj:
        assert proj.store.encrypted == encrypted
        yield proj
