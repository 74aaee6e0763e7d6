"""The public API: ``makna.__all__`` is true, and the core never imports an interface library."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import makna

INTERFACE_LIBS = ("typer", "click", "rich", "fastapi", "starlette", "jinja2", "uvicorn")


def test_all_names_exist_and_are_public() -> None:
    assert len(makna.__all__) == len(set(makna.__all__)), "duplicate names in __all__"
    for name in makna.__all__:
        assert hasattr(makna, name), f"makna.__all__ names {name!r}, which makna does not define"


def test_every_public_callable_is_in_all() -> None:
    public = {
        n for n in dir(makna)
        if not n.startswith("_") and callable(v := getattr(makna, n)) and not isinstance(v, types.ModuleType)
    }
    missing = public - set(makna.__all__)
    assert not missing, f"public names missing from __all__: {sorted(missing)}"


def _type_checking_imports() -> dict[str, str]:
    """Name -> "module" or "module:attribute" from the ``if TYPE_CHECKING:`` block of makna/__init__.py."""
    tree = ast.parse(Path(makna.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))
    found: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom) and node.level == 1 and node.module
        for alias in node.names:
            found[alias.asname or alias.name] = node.module if alias.asname is None else f"{node.module}:{alias.name}"
    return found


def test_lazy_names_agree_with_type_checking_imports_and_all() -> None:
    """Each public name is listed three times in makna/__init__.py (for mypy, for the lazy loader,
    in __all__): the three lists must agree, and each name must load from where it says."""
    lazy = makna._LAZY
    assert _type_checking_imports() == lazy
    assert set(lazy) | {"__version__"} == set(makna.__all__)
    for name, target in lazy.items():
        module, _, attribute = target.partition(":")
        assert getattr(makna, name) is getattr(importlib.import_module(f"makna.{module}"), attribute or name)


def test_import_makna_is_cheap() -> None:
    """``import makna`` loads no submodule and no third-party library until a name is used."""
    code = "import sys, makna; print(','.join(sorted(k for k in sys.modules if k.startswith('makna.'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        makna.no_such_name  # noqa: B018
    assert makna.store.Store is not None  # a submodule not yet imported loads on access


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(makna.__path__, "makna."):
        top = info.name.split(".")[1]
        if top in ("cli", "web") or ".render" in info.name:
            continue
        names.append(info.name)
    return names


def test_module_all_lists_are_true() -> None:
    for name in _core_modules():
        module = importlib.import_module(name)
        for item in getattr(module, "__all__", ()):
            assert hasattr(module, item), f"{name}.__all__ names {item!r}, which it does not define"


def test_core_never_imports_interface_libraries() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {_core_modules()!r}: importlib.import_module(m)\n"
        f"bad = sorted(k for k in sys.modules if k.split('.')[0] in {INTERFACE_LIBS!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"the core imported interface libraries: {out}"


def test_interfaces_write_no_sql() -> None:
    """A CLI command or a web route asks the core: it imports no query builder (SQLAlchemy's ``select``...) and no
    table of the store (review25: a memo panel's "was anything de-identified" query sat in a route)."""
    root = Path(makna.__file__).parent
    found = []
    for path in sorted([*(root / "cli").rglob("*.py"), *(root / "web").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {a.name for a in node.names}
                store = node.module.endswith("store.tables") or (node.module.endswith("store") and "tables" in names)
                if node.module == "sqlalchemy" or store:
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
            elif isinstance(node, ast.Import) and any(a.name == "sqlalchemy" for a in node.names):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not found, f"SQL in an interface (move it to the core): {found}"
