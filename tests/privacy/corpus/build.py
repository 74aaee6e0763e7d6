"""Build the gold JSON files of makna's own de-identification corpus from marked-up sources.

A source ``<id>.txt`` starts with header lines ``# id:``, ``# language:`` and ``# title:``; the rest is the
transcript, each identifier written ``[[TYPE:text]]``. The JSON beside it (dev-corpus format: ``id``,
``language``, ``title``, ``text``, ``pii``, ``segments``) has exact code-point offsets. Segments are left
empty: this corpus scores detection only.

Usage: ``python tests/privacy/corpus/build.py`` (rebuilds every ``<split>/*.txt`` beside it: ``tune/`` to ``tune8/``,
``sealed/``, ``sealed2/``, ``seal4/``, ``seal6/``, ``seal7/``, ``seal8/``, ``tune9/``, ``spent2/`` to ``spent6/`` and whatever later split is there).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from makna.privacy.types import PII_TYPES

HERE = Path(__file__).resolve().parent
TYPES = frozenset(PII_TYPES)  # the types makna detects, so the corpus cannot drift from them
MARK = re.compile(r"\[\[([A-Z_]+):([^\[\]]+?)\]\]")


def parse(source: str) -> dict[str, object]:
    """The gold document for one marked-up source."""
    header: dict[str, str] = {}
    lines = source.split("\n")
    while lines and lines[0].startswith("# "):
        key, _, value = lines.pop(0)[2:].partition(":")
        header[key.strip()] = value.strip()
    body = unicodedata.normalize("NFC", "\n".join(lines).strip("\n"))
    text: list[str] = []
    pii: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(body):
        kind, value = m.group(1), m.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind!r} in {header.get('id')}")
        plain = body[pos : m.start()]
        text.append(plain)
        length += len(plain)
        pii.append({"start": length, "end": length + len(value), "type": kind, "text": value})
        text.append(value)
        length += len(value)
        pos = m.end()
    text.append(body[pos:])
    out = "".join(text)
    if "[[" in out or "]]" in out:
        raise ValueError(f"unbalanced mark-up in {header.get('id')}")
    for item in pii:
        assert out[item["start"] : item["end"]] == item["text"]  # type: ignore[misc]
    return {
        "id": header["id"],
        "language": header["language"],
        "title": header["title"],
        "text": out,
        "pii": pii,
        "segments": [],
    }


def build_folder(folder: Path) -> int:
    """Write ``<name>.json`` beside every marked-up ``folder/*/<name>.txt`` (the corpus and every cases folder)."""
    for src in sorted(folder.glob("*/*.txt")):
        doc = parse(src.read_text(encoding="utf-8"))
        src.with_suffix(".json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{src.relative_to(folder)}: {len(doc['text'])} characters, {len(doc['pii'])} identifiers")  # type: ignore[arg-type]
    return 0


def main() -> int:
    return build_folder(HERE)


if __name__ == "__main__":
    sys.exit(main())
