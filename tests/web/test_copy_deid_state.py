"""trial18 #7 (#11): a coder's copy of a de-identified project (blind or not) knew nothing of the de-identification:
its workbench and ``makna deid status`` said every source "not scanned" and every free-text value unscanned. The
copy now carries what its coder may know (applied or not, the fields' review state; no original, no key), so the
copy's command and its De-identification page (httpx ASGI, English and Indonesian) say the truth; a blind copy
still claims nothing in its exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pages_helpers import logged_in

import makna
from cli_deid_file import applied_file, run
from makna.exchange._deid_state import export_states


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A de-identified project file of ratna's, with a memo and a case description scanned and replaced."""
    monkeypatch.setenv("MAKNA_CODER", "ratna")
    return applied_file(tmp_path, memos=("Teh Euis Kurniasih menangis saat cerita.",))


def _status(loc: str) -> tuple[list[dict[str, object]], str]:
    code, out, _ = run("deid", "status", "-p", loc, "--format", "json")
    assert code == 0, out
    code, table, _ = run("deid", "status", "-p", loc)
    return json.loads(out), table


@pytest.mark.parametrize("blind", [True, False])
def test_a_coders_copy_says_what_was_de_identified(applied: str, tmp_path: Path, blind: bool) -> None:
    rows, table = _status(applied)
    copy = str(tmp_path / "dimas.makna")
    assert run("copy", copy, "--coder", "dimas", *(["--blind"] if blind else []), "-p", applied)[0] == 0
    copied, copied_table = _status(copy)
    assert [(r["source"], r["applied"], r["replaced"]) for r in copied] == [
        (r["source"], r["applied"], r["replaced"]) for r in rows
    ]
    assert all(r["applied"] == "yes" for r in copied)
    fields = next(x for x in table.splitlines() if x.startswith("Free-text fields"))
    assert fields in copied_table and " 0 scanned" not in fields  # the same count of values scanned and replaced
    with makna.open_project(copy) as proj, proj.store.read() as conn:
        assert bool(export_states(conn)) is not blind  # a blind copy knows its state, and claims nothing
    for lang, said, unsaid in (
        ("en", "de-identified", "not scanned"),
        ("id", "sudah de-identifikasi", "belum dipindai"),
    ):
        with logged_in(copy, lang=lang, coder="dimas") as (_app, client, _csrf):
            page = client.get("/deid")
            assert page.status_code == 200 and said in page.text and unsaid not in page.text, lang
