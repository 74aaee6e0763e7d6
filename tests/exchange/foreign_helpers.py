"""Helpers for the Taguette and QualCoder import tests: what a project holds, by text."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

import makna
from makna.store import tables as T


def code_paths(project: makna.Project) -> dict[str, str]:
    """Code id -> the names from the top down, joined with '/'."""
    codes = {c.id: c for c in makna.list_codes(project)}

    def path(cid: str) -> str:
        c = codes[cid]
        return c.name if c.parent_id is None else f"{path(c.parent_id)}/{c.name}"

    return {cid: path(cid) for cid in codes}


def codings(location: str | Path) -> list[tuple[str, str, str, str]]:
    """(source name, code path, coder name, coded text) of every coding, sorted."""
    with makna.open_project(str(location)) as project:
        paths = code_paths(project)
        with project.store.read() as conn:
            q = (select(T.sources.c.name, T.sources.c.text, T.segments.c.start, T.segments.c.end,
                        T.segments.c.code_id, T.coders.c.name)
                 .select_from(T.segments.join(T.sources, T.sources.c.id == T.segments.c.source_id)
                              .join(T.coders, T.coders.c.id == T.segments.c.coder_id)))
            return sorted((r[0], paths[r[4]], r[5], r[1][r[2]:r[3]]) for r in conn.execute(q))


def memos(location: str | Path) -> list[tuple[str, str, str]]:
    with makna.open_project(str(location)) as project, project.store.read() as conn:
        return sorted((r[0], r[1], r[2]) for r in conn.execute(
            select(T.memos.c.target_kind, T.memos.c.title, T.memos.c.text)))


def export_valid(location: str | Path, out: Path, shared_dir: Path) -> Any:
    """Export the project to ``out`` (.qdpx), check the XML against Project.xsd; returns the report of
    importing it again into a new project next to it."""
    from lxml import etree

    from makna.exchange import export_qdpx, import_project

    with makna.open_project(str(location)) as project:
        export_qdpx(project, out)
    schema = etree.XMLSchema(etree.parse(str(shared_dir / "refi-qda" / "Project.xsd")))
    with zipfile.ZipFile(out) as zf:
        qde = etree.fromstring(zf.read("project.qde"))
    assert schema.validate(qde), schema.error_log
    return import_project(out, out.with_suffix(".makna"))
