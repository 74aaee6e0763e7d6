"""``world_ids`` shares its neighbours' checks through their public names (round twenty-seven's leftover, review28)."""

from __future__ import annotations

import ast
from pathlib import Path

import makna.privacy.world_ids as world_ids


def test_world_ids_imports_no_private_name_of_another_module() -> None:
    tree = ast.parse(Path(world_ids.__file__).read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("_") and alias.name != "__future__"
    ]
    assert private == []
