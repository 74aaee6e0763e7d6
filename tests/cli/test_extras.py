"""Optional parts live in extras (pyproject.toml): ``web`` (the workbench) and ``postgres`` (a team
server). Without them the core still works, and a command that needs one says which to install, in
one line. Missing libraries are simulated (``sys.modules[name] = None`` makes ``import name`` fail)
rather than uninstalled."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import MissingExtraError

ROOT = Path(__file__).resolve().parents[2]
EXTRA_MODULES = ("fastapi", "starlette", "uvicorn", "multipart", "python_multipart", "psycopg", "sklearn")


def test_serve_without_the_web_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(app, ["serve", "-p", str(tmp_path / "none.makna"), "--no-browser"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: the workbench needs: pip install 'makna[web]'"


def test_postgres_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtraError, match=r"^a PostgreSQL project needs: pip install 'makna\[postgres\]'$"):
        makna.open_project("postgresql://nobody@127.0.0.1:1/none")
    result = CliRunner().invoke(app, ["sources", "-p", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1 and result.output.strip().endswith("pip install 'makna[postgres]'")


def test_extras_in_pyproject() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(meta["dependencies"]).lower()
    extras = meta["optional-dependencies"]
    for name in ("fastapi", "uvicorn", "python-multipart", "psycopg", "scikit-learn"):
        assert name not in core, f"{name} should be in an extra"
    assert any(d.startswith("fastapi") for d in extras["web"])
    assert any(d.startswith("psycopg") for d in extras["postgres"])
    assert {"web", "postgres", "encrypt", "server", "suggest", "sync"} <= set(extras)
    for group in ("test", "all"):  # every extra is in both
        named = {x for d in extras[group] if d.startswith("makna[") for x in d[6:-1].split(",")}
        assert named == set(extras) - {"test", "all"}, group
    assert "makna[web,postgres]" in extras["server"] and any(d.startswith("argon2-cffi>=") for d in extras["server"])


@pytest.mark.slow
def test_demo_runs_without_any_extra(tmp_path: Path) -> None:
    """The Quick start (``pip install . && makna demo``) needs no extra: run the demo in a fresh
    interpreter where every library of an extra fails to import."""
    code = (
        "import sys\n"
        f"for name in {EXTRA_MODULES!r}: sys.modules[name] = None\n"
        "from makna.cli import main\n"
        f"sys.argv = ['makna', 'demo', '--dir', {str(tmp_path / 'demo')!r}]\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "demo" / "findings.md").is_file()
