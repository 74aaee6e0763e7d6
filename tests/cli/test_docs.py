"""docs/cli.md is generated from --help; it must match the commands as they are."""

from __future__ import annotations

from pathlib import Path

from makna.cli._docs import render

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is out of date: run `python -m makna.cli._docs > docs/cli.md`"
    )


def test_readme_commands_exist() -> None:
    readme = (DOCS.parent.parent / "README.md").read_text(encoding="utf-8")
    documented = render()
    for line in readme.splitlines():
        if line.startswith("makna "):
            words = [w for w in line.split("#")[0].split() if not w.startswith("-")][:3]
            assert f"## `makna {words[1]}" in documented, line
