"""Per-thread settings of the detection pipeline: ``with`` blocks that switch a learned part off or swap in
another model for the current thread only (cross-validation), used by :mod:`.learned` and :mod:`.precision`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["ThreadSettings"]


class ThreadSettings:
    """Named values that hold in the current thread within a ``with`` block, ``None`` outside it."""

    def __init__(self) -> None:
        self._local = threading.local()

    def get(self, name: str) -> object:
        """The value set for ``name`` in this thread, or None."""
        return getattr(self._local, name, None)

    @contextmanager
    def setting(self, name: str, value: object) -> Iterator[None]:
        """``name`` is ``value`` within the block (in this thread); the earlier value comes back after it."""
        before = self.get(name)
        setattr(self._local, name, value)
        try:
            yield
        finally:
            setattr(self._local, name, before)
