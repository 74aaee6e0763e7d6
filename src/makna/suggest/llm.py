"""An optional second opinion from a large language model the user runs on their own machine, through
an OpenAI-compatible chat endpoint (Ollama's ``http://127.0.0.1:11434/v1``, llama.cpp's server).

Off unless the user names an endpoint. An endpoint whose host is not a loopback address (127.0.0.0/8,
::1, ``localhost``) is refused unless ``allow_remote`` is given: transcripts must not leave the machine
by accident. The model only *filters*: a suggestion is kept when the model also picks its code for the
unit; the confidence stays the calibrated one of makna's own model.
"""

from __future__ import annotations

import ipaddress
import json
import re
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError, LLMError
from .classifier import CodeText

__all__ = ["LLMClient", "check_endpoint", "is_loopback"]


def is_loopback(host: str) -> bool:
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_endpoint(url: str, *, allow_remote: bool = False) -> str:
    """``url`` without a trailing slash, after refusing a scheme other than http(s) and, unless
    ``allow_remote``, a host that is not this machine."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"--llm {url!r}: not an http(s) URL (e.g. http://127.0.0.1:11434/v1)")
    if not allow_remote and not is_loopback(parts.hostname):
        raise InputError(f"--llm {url!r}: {parts.hostname} is not this machine; transcripts would leave it "
                         "(pass --allow-remote to send them there anyway)")
    return url.rstrip("/")


@dataclass
class LLMClient:
    url: str
    model: str
    timeout: float = 60.0
    allow_remote: bool = False

    def __post_init__(self) -> None:
        self.url = check_endpoint(self.url, allow_remote=self.allow_remote)

    def choose(self, text: str, codes: Sequence[CodeText]) -> set[str]:
        """The codes (keys from ``codes``) the model says apply to ``text``."""
        listing = "\n".join(f"- {c.code}: {' / '.join(t for _, t in c.texts)}" for c in codes)
        prompt = ("You code qualitative interview data. Codes:\n" + listing + "\n\nWhich codes apply to this "
                  "passage? Answer with a JSON list of code keys only, [] if none.\n\nPassage:\n" + text)
        body = json.dumps({"model": self.model, "temperature": 0,
                           "messages": [{"role": "user", "content": prompt}]}).encode()
        req = urllib.request.Request(f"{self.url}/chat/completions", data=body,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (checked above)
                answer = json.loads(resp.read(1_000_000))
            content = str(answer["choices"][0]["message"]["content"])
        except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"--llm {self.url}: no usable answer ({exc})") from None
        found = re.search(r"\[.*?\]", content, re.S)
        try:
            keys = json.loads(found.group()) if found else []
        except ValueError:
            keys = []
        known = {c.code for c in codes}
        return {str(k) for k in keys if str(k) in known} if isinstance(keys, list) else set()

    def agree(self, picks: list[tuple[int, int, float]], units: Sequence[Any], codes: Sequence[str],
              codebook: Sequence[CodeText]) -> list[tuple[int, int, float]]:
        """The picks (unit index, code index, confidence) whose code the model also chooses for the unit."""
        texts = {c.code: c for c in codebook}
        by_unit: dict[int, list[tuple[int, int, float]]] = {}
        for p in picks:
            by_unit.setdefault(p[0], []).append(p)
        kept: list[tuple[int, int, float]] = []
        for i, group in by_unit.items():
            chosen = self.choose(units[i].text, [texts[codes[j]] for _, j, _ in group if codes[j] in texts])
            kept.extend(p for p in group if codes[p[1]] in chosen)
        return kept
