"""``makna deid evaluate`` and ``makna deid detect`` through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from makna.cli import app

HERE = Path(__file__).parent / "data"
runner = CliRunner()


def test_evaluate_json_and_table() -> None:
    result = runner.invoke(app, ["deid", "evaluate", str(HERE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"overall", "strict", "leak_rate", "per_type"} <= set(data)
    assert data["overall"]["recall"] >= 0.95
    table = runner.invoke(app, ["deid", "evaluate", str(HERE)])
    assert table.exit_code == 0 and "PERSON" in table.output and "leak rate" in table.output


def test_evaluate_table_names_spans_found_under_another_type(tmp_path: Path) -> None:
    text = "Saya kerja di Toko Melati dari Senin."
    pii = [{"start": 14, "end": 25, "type": "LOCATION", "text": "Toko Melati"}]  # gold says a place: found as an ORG
    (tmp_path / "a.json").write_text(json.dumps({"id": "a", "language": "id", "text": text, "pii": pii}))
    data = json.loads(runner.invoke(app, ["deid", "evaluate", str(tmp_path), "-f", "json"]).output)
    found_as = data["confusion"]["LOCATION"]
    table = runner.invoke(app, ["deid", "evaluate", str(tmp_path)])
    assert table.exit_code == 0
    assert found_as == {"ORG": 1}
    assert "found under another type: LOCATION as ORG 1" in table.output


def test_detect_file(tmp_path: Path) -> None:
    src = tmp_path / "t.txt"
    src.write_text("Ada Mbak Tari, nomornya 0813-7411-2095, bayar 500 ribu jam 9.30.", encoding="utf-8")
    result = runner.invoke(app, ["deid", "detect", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["type"], r["text"]) for r in rows] == [("PERSON", "Tari"), ("PHONE", "0813-7411-2095")]
    only = runner.invoke(app, ["deid", "detect", str(src), "--type", "phone", "-f", "json"])
    assert [r["type"] for r in json.loads(only.output)] == ["PHONE"]
    table = runner.invoke(app, ["deid", "detect", str(src), "--language", "en"])
    assert table.exit_code == 0 and "PHONE" in table.output


def test_detect_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["deid", "detect", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2 and "not found" in missing.output
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    bad = runner.invoke(app, ["deid", "detect", str(binary)])
    assert bad.exit_code == 2
    bad_type = runner.invoke(app, ["deid", "detect", str(binary), "--type", "NOPE"])
    assert bad_type.exit_code == 2
    no_gold = runner.invoke(app, ["deid", "evaluate", str(tmp_path)])
    assert no_gold.exit_code == 2
