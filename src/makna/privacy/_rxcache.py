"""A cache on disk of the detectors' compiled regular expressions (internal; issue #11).

A fresh process that detects compiles some 370 patterns of the detectors' modules and the shared cue scan
first: about a quarter of a second of CPU, a third of what the first detection costs. Python's ``re`` keeps
compiled patterns in memory only. :func:`compiled_once` records, while the detector modules are imported, what
``re``'s compiler hands to ``_sre.compile`` for each pattern (the pattern, its flags, its code, its groups), and
writes it to a JSON file under the user's cache folder; the next process builds each pattern from that record
with ``_sre.compile`` and skips parsing and code generation.

The result is the same ``re.Pattern`` (``==`` compares pattern, flags and code): the record is keyed by the
pattern's text and flags, and the file by the exact Python build and ``_sre``'s code version; ``_sre.compile``
validates the code it is given, and anything unexpected (a missing or damaged file, another Python) falls back
to compiling. Only the thread that imports the detectors is recorded, and only during the import: the patterns
are makna's own constants, never a text, a known name or an identifier (those are compiled later, outside the
window, and never written). ``MAKNA_CACHE_DIR`` names the folder (``XDG_CACHE_HOME/makna`` or ``~/.cache/makna``
by default); set to an empty string, it turns the cache off.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["cache_path", "compiled_once"]

_MAX_BYTES = 64 * 1024 * 1024
"""A larger file is not read (the detectors' record is about 1.5 MB)."""


_REWRITE_AFTER = 86_400.0
"""Seconds after which a file missing only a few patterns is written again (see :func:`compiled_once`)."""

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""(final flags, code, groups - 1, group index, index group): ``_sre.compile``'s arguments after the pattern."""


def cache_path(window: str) -> Path | None:
    """The cache file of ``window`` for this Python build, or None when the cache is off
    (``MAKNA_CACHE_DIR=""``)."""
    folder = os.environ.get("MAKNA_CACHE_DIR")
    if folder is None:
        try:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no home folder (a bare container): no cache
            return None
        folder = str(Path(base) / "makna")
    if not folder:
        return None
    sre: Any = importlib.import_module("_sre")
    build = f"{sys.version}|{sre.MAGIC}|{sre.CODESIZE}|{unicodedata.unidata_version}"
    tag = hashlib.sha256(build.encode()).hexdigest()[:16]
    return Path(folder) / f"re-{window}-{sys.implementation.cache_tag}-{tag}.json"


def _load(path: Path) -> dict[tuple[str, int], _Entry]:
    try:
        if path.stat().st_size > _MAX_BYTES:
            return {}
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[tuple[str, int], _Entry] = {}
    if not isinstance(rows, list):
        return {}
    for row in rows:
        try:
            pattern, flags, final, code, groups, groupindex, indexgroup = row
            if not (isinstance(pattern, str) and isinstance(code, list) and isinstance(groupindex, dict)):
                continue
            out[(pattern, int(flags))] = (int(final), code, int(groups), groupindex, tuple(indexgroup))
        except (TypeError, ValueError):
            continue
    return out


def _age(path: Path) -> float:
    """Seconds since ``path`` was written (infinite when it cannot be read)."""
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return float("inf")


def _save(path: Path, entries: dict[tuple[str, int], _Entry]) -> None:
    rows = [
        [pattern, flags, final, code, groups, groupindex, list(indexgroup)]
        for (pattern, flags), (final, code, groups, groupindex, indexgroup) in entries.items()
    ]
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".re-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(rows, out, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only home: the next process compiles again


class _Recorder:
    """``_sre`` as ``re._compiler`` sees it during the window: ``compile`` also records its arguments (for the
    owning thread's string patterns); everything else is the real module's."""

    def __init__(self, real: Any, owner: int, found: dict[tuple[str, int], _Entry], pending: list[Any]) -> None:
        self._real = real
        self._owner = owner
        self._found = found
        self._pending = pending

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, pattern: Any, flags: int, code: list[int], groups: int, groupindex: Any, indexgroup: Any) -> Any:
        compiled = self._real.compile(pattern, flags, code, groups, groupindex, indexgroup)
        if isinstance(pattern, str) and threading.get_ident() == self._owner and self._pending:
            key = self._pending[-1]
            if key is not None and key[0] == pattern:
                self._found[key] = (flags, list(code), groups, dict(groupindex), tuple(indexgroup))
        return compiled


@contextmanager
def compiled_once(window: str) -> Iterator[bool]:
    """Patterns compiled by this thread inside the block come from the cache file of ``window`` (a name) when it
    holds them; those it lacks are compiled, and the file is written again at the end. The block gets whether
    the cache is on."""
    path = cache_path(window)
    compiler: Any = importlib.import_module("re._compiler")
    real_compile = compiler.compile
    real_sre = compiler._sre
    if path is None or real_sre.__class__ is _Recorder:
        yield False
        return
    stored = _load(path)
    found: dict[tuple[str, int], _Entry] = {}
    used: dict[tuple[str, int], _Entry] = {}
    pending: list[Any] = []
    owner = threading.get_ident()

    def compile_cached(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or threading.get_ident() != owner:
            return real_compile(p, flags)
        key = (p, int(flags))
        entry = stored.get(key)
        if entry is not None:
            try:
                out = real_sre.compile(p, *entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass  # damaged or foreign: compile it
            else:
                used[key] = entry
                return out
        pending.append(key)
        try:
            return real_compile(p, flags)
        finally:
            pending.pop()

    compiler.compile = compile_cached
    compiler._sre = _Recorder(real_sre, owner, found, pending)
    try:
        yield True
    finally:
        compiler.compile = real_compile
        compiler._sre = real_sre
    # The detectors' patterns are the same text in every process (those built from sets list equal lengths in
    # alphabetical order, not in the set's, which string hashing changes from process to process: round seventeen;
    # a test checks it). The file is written again when the missing patterns hold a sixth of the code or more, or
    # else at most once a day (a newer makna changed a few patterns).
    missing = sum(len(entry[1]) for entry in found.values())
    if missing and (
        missing * 6 >= missing + sum(len(entry[1]) for entry in used.values()) or _age(path) > _REWRITE_AFTER
    ):
        _save(path, {**used, **found})
