"""A fast start: ``makna --help`` and a simple command load no heavy library they do not need.

Timings are in benchmarks/startup_bench.py; these tests check the cause (what gets imported), which
does not depend on the machine's load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("numpy", "sklearn", "lxml", "cryptography", "sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn",
         "jinja2", "docx", "pypdf", "odf", "yaml", "Sastrawi", "faker", "PIL", "psycopg")


def _loaded_after(*args: str) -> set[str]:
    """Top-level packages imported by ``makna ARGS`` in a fresh interpreter."""
    code = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print('\\nMODULES' + json.dumps(sorted({m.split('.')[0] for m in sys.modules}))))\n"
        "from makna.cli import main\n"
        f"sys.argv = ['makna', *{list(args)!r}]\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    line = next(line for line in proc.stdout.splitlines() if line.startswith("MODULES"))
    return set(json.loads(line[len("MODULES"):]))


def test_import_makna_cli_is_light() -> None:
    code = "import json, sys, makna.cli; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert not set(json.loads(out)) & set(HEAVY)


@pytest.mark.parametrize("args", [["--help"], ["import", "--help"], ["sources", "--help"], ["serve", "--help"]])
def test_help_loads_no_heavy_library(args: list[str]) -> None:
    assert not _loaded_after(*args) & set(HEAVY)


def test_listing_sources_loads_only_the_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from makna.cli import app

    project = tmp_path / "study.makna"
    assert CliRunner().invoke(app, ["init", str(project), "--name", "Cepat"]).exit_code == 0
    loaded = _loaded_after("sources", "-p", str(project))
    assert "sqlalchemy" in loaded  # it did open the project
    assert not loaded & (set(HEAVY) - {"sqlalchemy"})


def test_python_dash_m_runs_the_same_command() -> None:
    """``python -m makna.cli`` works where the ``makna`` script is not on PATH (a user's venv, CI)."""
    proc = subprocess.run([sys.executable, "-m", "makna.cli", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "deid" in proc.stdout and "Usage:" in proc.stdout
