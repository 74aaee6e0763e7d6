"""makna codebook: the tree of codes, its file format and its operations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ._app import app
from ._common import FormatOpt, OutputFormat, ProjectOpt, emit, opened, read_text_input, write_output

codebook_app = typer.Typer(
    help="The codebook. Without a subcommand: list the codes as a tree.", invoke_without_command=True
)
app.add_typer(codebook_app, name="codebook")

Text = Annotated[str | None, typer.Option()]


@codebook_app.callback()
def codebook_list(ctx: typer.Context, project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """List codes in tree order."""
    from ..codebook import code_tree

    if ctx.invoked_subcommand is not None:
        return
    with opened(project) as proj:
        nodes = code_tree(proj)
    rows = [
        {
            "key": ("  " * n.depth if fmt is OutputFormat.table else "") + n.code.key,
            "name": n.code.name,
            "color": n.code.color,
            "parent": next((m.code.key for m in nodes if m.code.id == n.code.parent_id), ""),
            "definition": n.code.definition,
            "id": n.code.id,
            "version": n.code.version,
        }
        for n in nodes
    ]
    emit(
        rows,
        ["key", "name", "color", "parent", "definition", "id", "version"]
        if fmt is not OutputFormat.table
        else ["key", "name", "color", "definition"],
        fmt,
        title="Codebook",
        empty="No codes yet: makna codebook add KEY or makna codebook import FILE.yaml",
    )


@codebook_app.command("list", hidden=True)
def codebook_list_command(ctx: typer.Context, project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """The same as 'makna codebook' (the word people type first)."""
    codebook_list(ctx, project, fmt)


@codebook_app.command("add")
def codebook_add(
    key: Annotated[str, typer.Argument(help="Unique key, e.g. exp.neg.fraud")],
    project: ProjectOpt = None,
    name: Text = None,
    parent: Text = None,
    color: Text = None,
    definition: Annotated[str, typer.Option()] = "",
    inclusion: Annotated[str, typer.Option()] = "",
    exclusion: Annotated[str, typer.Option()] = "",
    example: Annotated[str, typer.Option()] = "",
    keyword: Annotated[list[str] | None, typer.Option("--keyword", help="Repeatable.")] = None,
    root: Annotated[bool, typer.Option("--root", help="At the top level, even with a dotted key.")] = False,
) -> None:
    """Add a code. A dotted key goes under the code its prefix names (exp.neg.fraud under exp.neg),
    which must exist; --parent puts it under another code, --root at the top level."""
    from ..codebook import add_code, get_code

    with opened(project) as proj:
        code = add_code(
            proj,
            key,
            name,
            parent=parent,
            color=color,
            definition=definition,
            inclusion=inclusion,
            exclusion=exclusion,
            example=example,
            keywords=keyword or (),
            root=root,
        )
        where = f" under {get_code(proj, code.parent_id).key}" if code.parent_id else ""
    typer.echo(f"Added code {code.key}{where} ({code.color}).")


IfVersion = Annotated[int | None, typer.Option(
    "--if-version", help="Only if the code is still at this version (see the codebook's JSON output); "
                         "refused when someone changed it since.")]


@codebook_app.command("edit")
def codebook_edit(
    key: str,
    project: ProjectOpt = None,
    name: Text = None,
    new_key: Annotated[str | None, typer.Option("--key", help="Rename the key.")] = None,
    color: Text = None,
    definition: Text = None,
    inclusion: Text = None,
    exclusion: Text = None,
    example: Text = None,
    keyword: Annotated[list[str] | None, typer.Option("--keyword", help="Replace the keywords (repeatable).")] = None,
    if_version: IfVersion = None,
) -> None:
    """Rename, recolour or redefine a code."""
    from ..codebook import update_code

    with opened(project) as proj:
        code = update_code(
            proj,
            key,
            name=name,
            new_key=new_key,
            color=color,
            definition=definition,
            inclusion=inclusion,
            exclusion=exclusion,
            example=example,
            keywords=keyword,
            expected_version=if_version,
        )
    typer.echo(f"Updated code {code.key} (now version {code.version}).")


@codebook_app.command("rename")
def codebook_rename(key: str, name: str, project: ProjectOpt = None) -> None:
    """Give a code a new name (its key stays)."""
    from ..codebook import update_code

    with opened(project) as proj:
        update_code(proj, key, name=name)
    typer.echo(f"Renamed {key} to {name!r}.")


@codebook_app.command("translate")
def codebook_translate(
    key: str,
    language: Annotated[str, typer.Argument(help="The language of the translation (id, en...).")],
    name: Annotated[str, typer.Argument(help="The code's name in that language ('' with --remove).")] = "",
    definition: Annotated[str, typer.Option("--definition", help="Its definition in that language.")] = "",
    remove: Annotated[bool, typer.Option("--remove", help="Remove the code's translation into LANGUAGE.")] = False,
    project: ProjectOpt = None,
) -> None:
    """Give a code its name (and definition) in another language, shown by the report in that language.

    A codebook written in English can still make an Indonesian report with Indonesian code names (makna report
    --lang id), and the reverse; a code without a translation keeps its own name there.
    """
    from ..code_translations import translate_code

    if remove and (name or definition):
        raise InputError("--remove takes no name or definition")
    if not remove and not name.strip():
        raise InputError("give the code's name in that language (or --remove)")
    with opened(project) as proj:
        code = translate_code(proj, key, language, "" if remove else name, "" if remove else definition)
    if remove:
        typer.echo(f"{code.key} has no {language} name now: reports in {language} show {code.name!r}.")
    else:
        typer.echo(f"{code.key} is {code.name_in(language.strip())!r} in {language.strip()} reports.")


@codebook_app.command("color")
def codebook_color(key: str, color: str, project: ProjectOpt = None) -> None:
    """Recolour a code (#RRGGBB)."""
    from ..codebook import update_code

    with opened(project) as proj:
        code = update_code(proj, key, color=color)
    typer.echo(f"{code.key} is now {code.color}.")


@codebook_app.command("move")
def codebook_move(
    key: str,
    project: ProjectOpt = None,
    parent: Annotated[str | None, typer.Option("--parent", help="New parent key.")] = None,
    root: Annotated[bool, typer.Option("--root", help="Move to the top level.")] = False,
    position: Annotated[int | None, typer.Option(help="Place among the siblings (0 = first).")] = None,
    if_version: IfVersion = None,
) -> None:
    """Move a code under another code, or to the top level."""
    from ..codebook import move_code

    if (parent is None) == (not root):
        raise InputError("give either --parent KEY or --root")
    with opened(project) as proj:
        move_code(proj, key, parent, position=position, expected_version=if_version)
    typer.echo(f"Moved {key} {'to the top level' if root else f'under {parent}'}.")


@codebook_app.command("merge")
def codebook_merge(source: str, target: str, project: ProjectOpt = None) -> None:
    """Merge code SOURCE into TARGET: its segments move to TARGET and SOURCE is deleted."""
    from ..codebook import merge_codes

    with opened(project) as proj:
        n = merge_codes(proj, source, target)
    typer.echo(f"Merged {source} into {target}: {n} segment(s) reassigned.")


@codebook_app.command("delete")
def codebook_delete(
    key: str,
    project: ProjectOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Also delete its segments (every coder's).")] = False,
    move_to: Annotated[str | None, typer.Option("--move-to", help="Move its segments to this code instead.")] = None,
) -> None:
    """Delete a code; its children move up to its parent. Refused while it has segments or children,
    unless --force (its segments go too) or --move-to CODE (they move to CODE)."""
    from ..codebook import delete_code

    with opened(project) as proj:
        n = delete_code(proj, key, force=force, move_to=move_to)
    if move_to is not None:
        typer.echo(f"Deleted code {key}; {n} segment(s) moved to {move_to}.")
    else:
        typer.echo(f"Deleted code {key}" + (f" and {n} segment(s)." if n else "."))


@codebook_app.command("import")
def codebook_import(path: Path, project: ProjectOpt = None) -> None:
    """Add (or update) codes from a makna codebook YAML file, or a REFI-QDA .qdc codebook."""
    from ..codebook import import_codebook, read_codebook_file

    if path.suffix.lower() == ".qdc":
        from .exchange_cmds import codebook_import_qdc

        codebook_import_qdc(path, project)
        return
    doc = read_codebook_file(path)
    with opened(project) as proj:
        result = import_codebook(proj, doc)
    typer.echo(f"Codebook {path}: {result.added} code(s) added, {result.updated} updated.")


@codebook_app.command("export")
def codebook_export(
    project: ProjectOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File [default: stdout]")] = None,
    no_ids: Annotated[bool, typer.Option("--no-ids", help="Leave out the code UUIDs.")] = False,
) -> None:
    """Write the codebook as YAML."""
    from ..codebook import export_codebook

    with opened(project) as proj:
        text = export_codebook(proj, with_ids=not no_ids)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_output(output, text)
        typer.echo(f"Wrote {output}.")


def _for_part(option: str, values: list[str] | None, keys: list[str]) -> dict[str, list[str]]:
    """``values`` of a repeatable ``option`` as KEY=VALUE, by new code; a value without a KEY of ``keys`` goes to
    the only new code, and is refused when there are several."""
    out: dict[str, list[str]] = {}
    for value in values or []:
        key, eq, rest = value.partition("=")
        if eq and key.strip() in keys:
            out.setdefault(key.strip(), []).append(rest)
        elif len(keys) == 1:
            out.setdefault(keys[0], []).append(value)
        else:
            raise InputError(f"{option} {value!r}: say which new code it is for ({option} KEY=VALUE, KEY one of "
                             f"{', '.join(keys)})")
    return out


def _segment_ids(path: str) -> list[str]:
    """The coding ids listed in a file: one a line (``#`` starts a comment), or a CSV with an ``id`` column (what
    ``makna segments --format csv`` writes)."""
    import csv

    text = read_text_input(Path(path))
    lines = text.splitlines()
    if lines and "id" in [h.strip() for h in lines[0].split(",")]:
        return [row["id"].strip() for row in csv.DictReader(lines) if (row.get("id") or "").strip()]
    return [t.split()[0] for t in (line.split("#", 1)[0].strip() for line in lines) if t]


@codebook_app.command("split")
def codebook_split(
    key: Annotated[str, typer.Argument(help="The code to split.")],
    into: Annotated[list[str], typer.Option("--into", help="A new code's key (repeatable: one per new code).")],
    segments: Annotated[list[str] | None, typer.Option(
        "--segments", help="[KEY=]ID,ID...: codings (segment ids) that move to the new code KEY.")] = None,
    segments_file: Annotated[list[str] | None, typer.Option(
        "--segments-file", help="[KEY=]FILE: a file listing them (one id a line, or the CSV of "
                                "'makna segments --code CODE --format csv', trimmed).")] = None,
    matching: Annotated[list[str] | None, typer.Option(
        "--matching", help="[KEY=]TEXT: the codings whose coded text contains TEXT (any case) move to KEY.")] = None,
    name: Annotated[list[str] | None, typer.Option("--name", help="[KEY=]NAME of a new code.")] = None,
    definition: Annotated[list[str] | None, typer.Option("--definition", help="[KEY=]TEXT: its definition.")] = None,
    parent: Annotated[list[str] | None, typer.Option(
        "--parent", help="[KEY=]PARENT: where it goes [default: a dotted key under its prefix, any other beside "
                         "the code split].")] = None,
    remove: Annotated[bool, typer.Option(
        "--remove", help="Delete the code split: every coding must move; its memos go to the first new code, its "
                         "child codes up to its parent.")] = False,
    every_coder: Annotated[bool, typer.Option(
        "--every-coder", help="A coding chosen by id brings every other coder's coding of the same span along "
                              "(each still theirs).")] = False,
    overlapping: Annotated[bool, typer.Option(
        "--overlapping", help="With --every-coder (implied): also every other coder's coding that overlaps one "
                              "chosen by id by at least half of the shorter of the two spans.")] = False,
    project: ProjectOpt = None,
) -> None:
    """Split a code into new ones (a manager's revision), moving the codings chosen for each.

    Each coding moves with its coder, its memos and its time (nothing is re-attributed; a coding round keeps it).
    The codings chosen for none stay on KEY. With one --into, KEY= may be left out of the other options:

      makna codebook split exp.cost --into exp.cost.fees --matching fees --name "School fees"

    With several, each option says which new code it is for:

      makna codebook split exp.cost --into fees --into transport --matching fees=fee --segments transport=ID,ID
    """
    from ..codebook_split import SplitPart, split_code

    keys = [k.strip() for k in into]
    opts = {opt: _for_part(opt, values, keys) for opt, values in (
        ("--segments", segments), ("--segments-file", segments_file), ("--matching", matching), ("--name", name),
        ("--definition", definition), ("--parent", parent))}
    for opt in ("--matching", "--name", "--definition", "--parent"):
        for k, values in opts[opt].items():
            if len(values) > 1:
                raise InputError(f"{opt}: give one for {k!r}, not {len(values)}")
    parts = []
    for k in keys:
        ids = [i.strip() for v in opts["--segments"].get(k, []) for i in v.split(",") if i.strip()]
        ids += [i for f in opts["--segments-file"].get(k, []) for i in _segment_ids(f)]
        one: dict[str, str | None] = {opt[2:]: next(iter(opts[opt].get(k, [])), None)
                                      for opt in ("--matching", "--name", "--definition", "--parent")}
        parts.append(SplitPart(k, one["name"], one["definition"] or "", one["parent"], tuple(ids), one["matching"]))
    with opened(project) as proj:
        result = split_code(proj, key, parts, remove=remove, every_coder=every_coder, overlapping=overlapping)
    moved = "; ".join(f"{n} coding(s) to {code.key}" for code, n in result.parts)
    left = f"{key} deleted" if result.removed else f"{result.kept} stay on {result.key}"
    typer.echo(f"Split {result.key}: {moved}; {left}.")
