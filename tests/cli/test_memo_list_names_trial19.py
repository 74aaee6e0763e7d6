"""``makna memo list`` named what each memo is about by its id, a UUID, and not its writer (trial19, issue #11): a
researcher with memos on a case, a source and a code read three UUIDs. It now names the case, the source and the
code (the id stays in the csv and json formats as ``target_id``) and the memo's writer."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cli_deid_file import run


def test_memo_list_names_targets_and_writers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKNA_CODER", "rahmat")
    loc = str(tmp_path / "studi.makna")
    (tmp_path / "pedagang-01.txt").write_text("P: Jualan apa?\nI: Wedang ronde.\nP: Sejak kapan?\nI: Lama.\n",
                                              encoding="utf-8")
    assert run("init", loc)[0] == 0
    assert run("import", str(tmp_path / "pedagang-01.txt"), "-p", loc)[0] == 0
    assert run("cases", "add", "Informan 1", "-p", loc)[0] == 0
    assert run("codebook", "add", "risk", "--name", "Risiko", "-p", loc)[0] == 0
    for on, target in (("case", "Informan 1"), ("source", "pedagang-01.txt"), ("code", "risk")):
        assert run("memo", "add", f"catatan {on}", "--on", on, "-t", target, "-p", loc)[0] == 0
    code, out, _ = run("memo", "list", "--format", "csv", "-p", loc)
    assert code == 0, out
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["catatan case"]["target"] == "Informan 1"
    assert rows["catatan source"]["target"] == "pedagang-01.txt"
    assert rows["catatan code"]["target"] == "Risiko"
    assert {r["coder"] for r in rows.values()} == {"rahmat"}
    assert all(len(r["target_id"]) == 36 for r in rows.values())  # the id, for scripts
    code, out, _ = run("memo", "list", "-p", loc)
    assert code == 0 and "Informan 1" in out and rows["catatan case"]["target_id"] not in out
