"""Options and output formatting shared by the commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..csvsafe import table_text

if TYPE_CHECKING:
    from ..project import Project


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


ProjectOpt = Annotated[
    str | None,
    typer.Option(
        "--project",
        "-p",
        help="Project file or database URL [default: $MAKNA_PROJECT, else the single *.makna here]",
        show_default=False,
    ),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
CoderOpt = Annotated[str | None, typer.Option("--coder", help="Coder name [default: $MAKNA_CODER or login name]")]


@contextmanager
def opened(project: str | None, coder: str | None = None, *, codes: bool = False) -> Iterator[Project]:
    """The project, acting as ``coder``; ``codes``: the command codes or writes memos as that coder
    (a note on stderr when that is only the login name, new to a project of other coders)."""
    from functools import partial

    from ..project import find_project, open_project
    from ._passphrase import ask_passphrase

    location = find_project(project)
    with open_project(location, coder=coder, passphrase=partial(ask_passphrase, location)) as proj:
        if codes and coder is None:
            _note_login_coder(proj)
        yield proj


def _note_login_coder(proj: Project) -> None:
    """One line on stderr when the command acts under the login name only because $MAKNA_CODER is not
    set (a new terminal) in a project whose coders do not include it: what it codes would count as a
    new coder's, apart from the researcher's own work, in the counts, the report and the agreement."""
    import os

    if os.environ.get("MAKNA_CODER", "").strip():
        return
    from ..sync.local import copy_coder

    if copy_coder(proj) == proj.coder_name:
        return  # a copy made for this coder (makna copy --coder, makna pull): its coder, not the login name
    people = [c.name for c in proj.coders() if c.kind == "person" and not c.name.startswith("makna-")]
    if not people or proj.coder_name in people:
        return
    typer.echo(
        f"Note: acting as {proj.coder_name!r}, your login name ($MAKNA_CODER is not set), which is not a "
        f"coder of this project yet (its coders: {', '.join(people[:5])}); if you are one of them, "
        f"'export MAKNA_CODER=NAME' or pass --coder NAME.",
        err=True,
    )


@contextmanager
def busy(message: str) -> Iterator[None]:
    """A spinner with ``message`` on stderr while long work runs (only on a terminal)."""
    err = Console(stderr=True)
    if not err.is_terminal:
        yield
        return
    with err.status(message):
        yield


def console() -> Console:
    return Console(soft_wrap=False, width=max(Console().width, 120))


def fixed(value: float, digits: int = 4) -> str:
    """``value`` with ``digits`` decimals; a value that rounds to zero is 0, never -0 (a kappa of
    -4.7e-15 is floating-point noise around an exact 0)."""
    return f"{round(value, digits) + 0.0:.{digits}f}"


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6) + 0.0  # (+ 0.0: -0.0 becomes 0.0)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def emit(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    empty: str = "Nothing to show.",
) -> None:
    """Write ``rows`` as a Rich table, CSV or JSON (a list of objects)."""
    if fmt is OutputFormat.json:
        typer.echo(json.dumps([{c: _plain(r.get(c)) for c in columns} for r in rows], ensure_ascii=False, indent=2))
        return
    if fmt is OutputFormat.csv:
        sys.stdout.write(table_text(columns, ([_plain(r.get(c)) for c in columns] for r in rows)))
        sys.stdout.flush()
        return
    if not rows:
        typer.echo(empty)
        return
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        # cells are plain text: transcript text such as "[/]" must not be read as Rich markup
        table.add_row(*[Text("" if r.get(c) is None else str(_plain(r.get(c)))) for c in columns])
    console().print(table)


def check_writable(path: Path) -> None:
    """Refuse an ``--output`` that cannot be written, before any work (one line, exit 2)."""
    import os

    from ..errors import InputError

    if path.is_dir():
        raise InputError(f"--output {path}: is a folder")
    if not path.parent.is_dir():
        raise InputError(f"--output {path}: folder {path.parent} does not exist")
    if not os.access(path if path.exists() else path.parent, os.W_OK):
        raise InputError(f"--output {path}: not writable")


def write_output(path: Path, text: str) -> None:
    """Write an ``--output`` file; a failure is one line (exit 2), not a traceback."""
    from ..errors import InputError

    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"--output {path}: cannot write ({exc.strerror})") from None


def parse_span(text: str) -> tuple[int, int]:
    from ..errors import InputError

    try:
        a, b = text.split(":", 1)
        return int(a), int(b)
    except ValueError:
        raise InputError(f"--span {text!r}: expected START:END (0-based code points, end exclusive)") from None


def read_text_input(path: Path) -> str:
    """A UTF-8 text file named on the command line (a leading BOM dropped); one line when it cannot be read."""
    from ..errors import InputError

    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
