"""Integration: import the dev corpus, apply its coded segments through the CLI, and reproduce its
per-code counts exactly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from makna.cli import app


def codebook_yaml(codebook: dict[str, Any], lang: str) -> str:
    """The shared codebook.json as a makna codebook YAML (names and definitions in ``lang``)."""
    def children(codes: list[dict[str, Any]], parent: str | None) -> list[dict[str, Any]]:
        return [{"key": c["id"], "name": c["name"][lang], "definition": c["definition"][lang],
                 "children": children(codes, c["id"])} for c in codes if c["parent"] == parent]

    roots = [r for cb in codebook["codebooks"] for r in children(cb["codes"], None)]
    return yaml.safe_dump({"format": "makna-codebook/1", "name": "dev", "codes": roots}, allow_unicode=True)


def test_dev_corpus_counts_through_cli(shared_dir: Path, project_location: str, tmp_path: Path) -> None:
    runner = CliRunner()
    dev = shared_dir / "eval-corpus" / "dev"
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(dev.glob("dev-*.json"))]
    folder = tmp_path / "texts"
    folder.mkdir()
    for doc in docs:
        (folder / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    cb = tmp_path / "codebook.yaml"
    cb.write_text(codebook_yaml(json.loads((dev / "codebook.json").read_text(encoding="utf-8")), "en"), encoding="utf-8")

    def ok(*args: str) -> str:
        result = runner.invoke(app, [*args, "-p", project_location])
        assert result.exit_code == 0, result.output
        return result.output

    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    ok("codebook", "import", str(cb))
    assert f"{len(docs)} imported" in ok("import", str(folder))
    expected: Counter[str] = Counter()
    for doc in docs:
        for seg in doc["segments"]:
            for code in seg["codes"]:
                ok("code", code, "-s", f"{doc['id']}.txt", "--span", f"{seg['start']}:{seg['end']}")
                expected[code] += 1
    stats = json.loads(ok("stats", "--format", "json", "--used", "--own"))  # each code as annotated
    assert {row["code"]: row["segments"] for row in stats} == dict(expected)
    assert sum(expected.values()) == 41 and expected["exp.neg.blocked"] == 3  # as the corpus README says
    # the stored text is the corpus text, so every segment slices back to what was annotated
    segs = json.loads(ok("segments", "--format", "json"))
    by_doc = {d["id"]: d["text"] for d in docs}
    for s in segs:
        assert s["text"] == by_doc[s["source"].removesuffix(".txt")][s["start"]:s["end"]]
        assert s["text"].startswith("I:")
