"""A synthetic project for benchmarks: N sources of about L characters of interview-like text, codes,
segments and cases with attributes. Deterministic for a given seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "aku nggak udah kalau sama dia yang itu tapi terus katanya pelanggan chat aplikasi uang kos minggu "
    "ditipu diblokir janji transfer aman razia petugas gratis cepat promosi status foto pacar kiriman utang "
    "the a and of to in that it was for on are with as they be at one have this from word what all were"
).split()


def transcript(rng: random.Random, length: int) -> str:
    out: list[str] = ["Wawancara sintetis untuk pengujian kinerja.", ""]
    size = 0
    turn = 0
    while size < length:
        words = rng.choices(WORDS, k=rng.randint(8, 60))
        line = ("P: " if turn % 2 == 0 else "I: ") + " ".join(words).capitalize() + "."
        out.append(line)
        size += len(line) + 1
        turn += 1
    return "\n".join(out)[:length].rsplit("\n", 1)[0] + "\n"


@dataclass
class Spec:
    sources: int = 2000
    length: int = 30_000
    codes: int = 300
    segments: int = 500_000
    cases: int = 200
    attributes: int = 5
    seed: int = 7

    def scaled(self, factor: float) -> Spec:
        return Spec(max(2, int(self.sources * factor)), self.length, self.codes, max(10, int(self.segments * factor)),
                    max(2, int(self.cases * factor)), self.attributes, self.seed)


def write_sources(spec: Spec, folder: Path) -> list[Path]:
    rng = random.Random(spec.seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(spec.sources):
        p = folder / f"src-{i:05d}.txt"
        p.write_text(transcript(rng, spec.length), encoding="utf-8")
        paths.append(p)
    return paths


def code_keys(spec: Spec) -> list[tuple[str, str | None]]:
    """(key, parent key) for a three-level tree of ``spec.codes`` codes."""
    keys: list[tuple[str, str | None]] = []
    roots = max(1, spec.codes // 30)
    for r in range(roots):
        keys.append((f"c{r}", None))
    i = 0
    while len(keys) < spec.codes:
        parent = keys[i % len(keys)][0]
        keys.append((f"{parent}.{i}", parent))
        i += 1
    return keys
