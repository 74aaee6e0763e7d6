"""Login rate limiting: after a few failed logins for one account, or from one address, within a
window, further attempts are refused until the window has passed (a correct password included),
so that passwords cannot be guessed quickly. Kept in memory: ``makna server run`` is one process."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["LoginLimiter"]


class LoginLimiter:
    """At most ``failures`` failed logins per account and per address in ``window`` seconds."""

    def __init__(self, failures: int = 5, window: float = 900.0, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.failures = failures
        self.window = window
        self._clock = clock
        self._failed: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failed.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def retry_after(self, user: str, address: str) -> int:
        """Seconds until another attempt for ``user`` from ``address`` is allowed (0: now)."""
        now = self._clock()
        with self._lock:
            wait = 0.0
            for key in (f"u:{user.casefold()}", f"a:{address}"):
                times = self._recent(key, now)
                if len(times) >= self.failures:
                    wait = max(wait, times[0] + self.window - now)
            return int(wait) + 1 if wait > 0 else 0

    def failed(self, user: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            for key in (f"u:{user.casefold()}", f"a:{address}"):
                self._recent(key, now).append(now)

    def succeeded(self, user: str) -> None:
        with self._lock:
            self._failed.pop(f"u:{user.casefold()}", None)
