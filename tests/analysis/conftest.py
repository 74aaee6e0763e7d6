"""The coded dev corpus as a project: one source and one case per transcript, the codebooks of
codebook.json, every listed segment coded by coder 'tester'."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def load_dev_corpus(project: Any, shared: Path) -> dict[str, Any]:
    import makna

    dev = shared / "eval-corpus" / "dev"
    book = json.loads((dev / "codebook.json").read_text(encoding="utf-8"))
    for cb in book["codebooks"]:
        for code in cb["codes"]:  # parents come before children in the file
            makna.add_code(project, code["id"], code["name"]["en"], parent=code["parent"],
                           definition=code["definition"]["en"])
    makna.define_attribute(project, "language", "text")
    docs = {}
    for f in sorted(dev.glob("dev-*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        docs[doc["id"]] = doc
        makna.import_text(project, doc["id"], doc["text"], language=doc["language"])
        makna.add_case(project, doc["id"])
        makna.link_source(project, doc["id"], doc["id"])
        makna.set_values(project, doc["id"], {"language": doc["language"]})
        specs = [makna.SegmentSpec(doc["id"], s["start"], s["end"], c) for s in doc["segments"] for c in s["codes"]]
        makna.code_many(project, specs)
    return docs


@pytest.fixture
def dev_project(project: Any, shared_dir: Path) -> Any:
    load_dev_corpus(project, shared_dir)
    return project
