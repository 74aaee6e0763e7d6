"""The core of refreshing a copy on every backend (the ``project`` fixture: SQLite, PostgreSQL): the snapshot of the
project as the copy's coder sees it, written with the coder's unpushed work on top (:func:`write_copy`), for a server's
copy and for a coder's copy of a project file (``copy_token``: ``makna pull COPY``, filecopy17). The code's identity
decides: a renamed code keeps its codings, a merged or deleted one drops them, and so does a code made a category."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.access import Access
from makna.codebook import import_codebook, load_codebook
from makna.sync.local import copy_token, pending, push_message, source_hashes, sync_info, write_copy
from makna.sync.server import FILE_WORDS, apply_push, snapshot

ROLES = {"ana": "owner", "budi": "coder"}


def _as(project: Any, who: str) -> Any:
    project.store.access = Access(ROLES)  # type: ignore[arg-type]
    return dataclasses.replace(project, coder_name=who)


@pytest.mark.parametrize("from_file", [True, False], ids=["file-copy", "server-copy"])
def test_a_refresh_keeps_a_renamed_codes_codings_and_drops_a_merged_or_category_codes(
    project: Any, tmp_path: Path, from_file: bool
) -> None:
    ana = _as(project, "ana")
    makna.import_text(ana, "wawancara", "P: Apa kabar?\nI: Baik, saya senang di Padang.\n", language="id")
    for key, name in (("emosi", "Emosi"), ("tempat", "Tempat"), ("waktu", "Waktu")):
        makna.add_code(ana, key, name)
    token = "0f3c" if from_file else None
    where = dict(
        server="studi.makna" if from_file else "https://lab.example.org",
        project_id="p1",
        project_name="Studi",
        token=None,
        csrf=None,
        copy_token=token,
    )
    path = tmp_path / "budi.makna"
    write_copy(path, snapshot(_as(project, "budi")), **where)
    with makna.open_project(path) as local:
        info = sync_info(local)
        assert (info.from_file, info.role, copy_token(local)) == (from_file, "coder", token or "")
        renamed = makna.code_span(local, "wawancara", 0, 2, "emosi")
        category = makna.code_span(local, "wawancara", 14, 18, "tempat")
        merged = makna.code_span(local, "wawancara", 3, 6, "waktu")
        keep, old = pending(local), source_hashes(local)
    makna.update_code(ana, "emosi", name="Perasaan")
    import_codebook(ana, load_codebook("codes:\n- key: tempat\n  name: Tempat\n  codable: false\n"))
    makna.merge_codes(ana, "waktu", "emosi")
    fresh = tmp_path / "fresh.makna"
    report = write_copy(fresh, snapshot(_as(project, "budi")), **where, keep=keep, old_hashes=old)
    here = "in the project" if from_file else "on the server"
    assert report.kept == 1 and {rid: why for _kind, rid, why in report.dropped} == {
        category.id: f"its code 'Tempat' can no longer be coded (a category) {here}",
        merged.id: f"its code was deleted or merged {here}",
    }
    with makna.open_project(fresh) as local:
        assert [ch.id for ch in pending(local).changes] == [renamed.id]
        assert {c.key: c.name for c in makna.list_codes(local)}["emosi"] == "Perasaan"
        message = push_message(local, pending(local))
    result = apply_push(_as(project, "budi"), message, **({"words": FILE_WORDS} if from_file else {}))
    assert (result.added, result.conflicts) == (1, [])  # the same code by its id, seen under its new name
