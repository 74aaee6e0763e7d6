"""The public API: ``makna.__all__`` is true, and the core never imports an interface library."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import makna

INTERFACE_LIBS = ("typer", "click", "rich", "fastapi", "starlette", "jinja2", "uvicorn")


def test_all_names_exist_and_are_public() -> None:
    assert len(makna.__all__) == len(set(makna.__all__)), "duplicate names in __all__"
    for name in makna.__all__:
        assert hasattr(makna, name), f"makna.__all__ names {name!r}, which makna does not define"


def test_every_public_callable_is_in_all() -> None:
    public = {n for n, v in vars(makna).items() if not n.startswith("_") and callable(v)}
    missing = public - set(makna.__all__)
    assert not missing, f"public names missing from __all__: {sorted(missing)}"


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
