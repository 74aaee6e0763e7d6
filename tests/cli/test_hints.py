"""Every command a message suggests exists (#12: 'makna codebook list' and 'makna sources --turns' did
not). The hints are collected from the source: each `makna ...` quoted or in backticks anywhere in
src/makna, and each ': makna ...' / ' or makna ...' in the command line's and the workbench's texts;
each is resolved against the Typer app, command by command, and its options against that command's."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from makna.cli import app

SRC = Path(__file__).resolve().parents[2] / "src" / "makna"
WORDS = r"makna((?: (?!or\b)(?:[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)*|--?[a-z][a-z-]*|[A-Z][A-Z_]*|\.\.\.))+)"
QUOTED = re.compile(r"['`]" + WORDS + r"(?=['`])")
INLINE = re.compile(r"(?:: |\bor |\brun |\bsee |\btry )" + WORDS)
USER_TEXTS = ("cli", "web")


def hints() -> list[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".py", ".j2", ".html", ".po") or "migrations" in path.parts:
            continue
        text = re.sub(r"\{[^{}\n]*\}", "NAME", path.read_text(encoding="utf-8"))  # f-string fields: a value
        rel = path.relative_to(SRC).as_posix()
        patterns = [QUOTED, INLINE] if rel.split("/")[0] in USER_TEXTS else [QUOTED]
        for rx in patterns:
            for m in rx.finditer(text):
                found.add((rel, "makna" + m.group(1)))
    return sorted(found)


def _expand(words: list[str]) -> list[list[str]]:
    """'deid accept/reject' stands for two commands."""
    out: list[list[str]] = [[]]
    for w in words:
        alternatives = w.split("/") if re.fullmatch(r"[a-z][a-z0-9_-]*(/[a-z][a-z0-9_-]*)+", w) else [w]
        out = [prefix + [a] for prefix in out for a in alternatives]
    return out


@functools.cache
def _root() -> Any:
    return typer.main.get_command(app)  # duck-typed below: Typer vendors its own click


def _commands(cmd: Any) -> dict[str, Any]:
    """A group's advertised commands (a lazy group, makna.cli._lazy, loads its module for them); a hidden
    alias (``makna sources list`` for ``makna sources``) works but is never the one to suggest."""
    real = getattr(cmd, "real_group", None)
    commands = dict((real() if real is not None else cmd).commands) if hasattr(cmd, "commands") else {}
    return {name: c for name, c in commands.items() if not getattr(c, "hidden", False)}


def check(hint: str) -> str | None:
    """None when ``hint`` names an existing command with existing options, else what is wrong."""
    for words in _expand(hint.split()[1:]):
        cmd: Any = _root()
        path = ["makna"]
        i = 0
        while i < len(words) and words[i] in _commands(cmd):
            cmd = _commands(cmd)[words[i]]
            path.append(words[i])
            i += 1
        options = {o: p for p in cmd.params for o in (*p.opts, *p.secondary_opts)} | {"--help": None}
        while i < len(words):
            w = words[i]
            if w.startswith("-"):
                if w not in options:
                    return f"{' '.join(path)} has no option {w}"
                param = options[w]
                if param is not None and not getattr(param, "is_flag", True) and i + 1 < len(words) \
                        and not words[i + 1].startswith("-"):
                    i += 1  # the option's value
            elif w[0].islower():
                return f"{' '.join(path)} has no subcommand {w!r}"
            i += 1
    return None


def test_hints_are_found() -> None:
    found = [h for _, h in hints()]
    assert "makna sources show NAME --turns" in found  # the pattern still sees the hints it is meant to
    assert len(found) > 20


@pytest.mark.parametrize(("where", "hint"), hints())
def test_every_suggested_command_exists(where: str, hint: str) -> None:
    assert check(hint) is None, f"{where}: {hint!r}: {check(hint)}"


def test_checker_catches_the_old_hints() -> None:
    assert check("makna codebook list") == "makna codebook has no subcommand 'list'"
    assert check("makna sources --turns") == "makna sources has no option --turns"
    assert check("makna deid accept/reject") is None and check("makna deid accept/rejekt") is not None
