"""A withdrawn participant's originals leave the de-identification key (#11, trial14 problem 2).

:func:`forget_turns` takes the spans of a project's de-identified sources that a withdrawal removes
(:class:`makna.withdraw.Cut`, offsets in the de-identified text): the replacement records whose surrogate
lies in them are hers; an original of hers that no other record holds (another turn, another source, a
field value) is forgotten everywhere in the key: its records, the mapping's tables (keys equal to it, to
one of its words, or to a part of it that no other original contains) and the known names. The other
records of those sources move with the cut, and each source's checksum becomes that of its original text
without her turns (so that ``makna deid reveal`` still restores it). The key is re-encrypted in place, after the
project's change has committed (:func:`key_without_turns`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..project import Project
from .project_apply import FIELDS, KNOWN_NAMES, ProjectKey, _relabel, open_key
from .pseudonymise import KeyMapping
from .replacements import Replacement, restore

if TYPE_CHECKING:
    from ..withdraw import Cut

__all__ = ["forget_originals", "forget_turns", "key_without_turns", "surrogate_labels"]


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _pieces(original: str) -> set[str]:
    """The folded forms a key may file an original under: whole, and each word."""
    words = [_fold(w) for w in original.split()]
    return {p for p in [_fold(original), *words] if p}


def _hers(key: str, mine: set[str], others: Iterable[str]) -> bool:
    folded = _fold(key)
    if not folded:
        return False
    if folded not in mine and not any(folded in m for m in mine if len(folded) >= 4):
        return False
    return not any(folded in o for o in others)


def _prune(value: Any, mine: set[str], others: list[str]) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v, mine, others) for k, v in value.items() if not _hers(str(k), mine, others)}
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, str) and _hers(v, mine, others))]
    return value


def _moved(entry: dict[str, Any], cut: Cut) -> list[dict[str, Any]]:
    return [
        {**r, "new_start": cut.offset(int(r["new_start"])), "new_end": cut.offset(int(r["new_end"]))}
        for r in entry.get("replacements", [])
        if not cut.touches(int(r["new_start"]), int(r["new_end"]))
    ]


def forget_turns(project: Project, key_path: str | Path, passphrase: str, cuts: Mapping[str, Cut]) -> int:
    """Remove from the key what only the ``cuts`` of its sources held (see the module documentation); returns
    how many originals left it. ``cuts``: source id -> the spans removed from its current text."""
    key, gone = key_without_turns(project, key_path, passphrase, cuts)
    key.save(passphrase)
    return gone


def key_without_turns(
    project: Project, key_path: str | Path, passphrase: str, cuts: Mapping[str, Cut]
) -> tuple[ProjectKey, int]:
    """The key as :func:`forget_turns` leaves it, and how many originals left it, not saved yet: the caller saves it
    (``key.save(passphrase)``) once the project has changed, so that a change the project refuses leaves the key
    file as it was (trying again would move its records twice)."""
    from sqlalchemy import select

    from ..store import tables

    key = open_key(project, key_path, passphrase)
    s = tables.sources.c
    with project.store.read() as conn:
        texts = {sid: str(conn.execute(select(s.text).where(s.id == sid)).scalar_one()) for sid in cuts}
    gone: set[str] = set()
    for sid, cut in cuts.items():
        entry = key.records.get(sid)
        if isinstance(entry, dict):
            gone.update(
                str(r["original"])
                for r in entry.get("replacements", [])
                if cut.touches(int(r["new_start"]), int(r["new_end"]))
            )
            entry["replacements"] = _moved(entry, cut)
            text = cut.text(texts[sid])
            try:
                original = restore(text, [Replacement(**r) for r in entry["replacements"]])
            except (TypeError, ValueError):
                entry.pop("sha256", None)
            else:
                entry["sha256"] = hashlib.sha256(original.encode("utf-8")).hexdigest()
    return key, forget_originals(key, gone)


def forget_originals(key: ProjectKey, gone: set[str]) -> int:
    """Forget everywhere in ``key`` (records, the mapping's tables, the known names) each original of ``gone`` that
    no replacement record still holds; returns how many were forgotten. The caller saves the key."""
    kept = {str(r["original"]) for r in key.replacements()}
    gone = gone - kept
    if not gone:
        return 0
    mine = set().union(*(_pieces(o) for o in gone))
    others = sorted({_fold(o) for o in kept} | {w for o in kept for w in _pieces(o)})
    for sid, entry in key.records.items():
        if sid not in (KNOWN_NAMES, FIELDS) and isinstance(entry, dict):
            entry["replacements"] = [r for r in entry.get("replacements", []) if str(r["original"]) not in gone]
    if KNOWN_NAMES in key.records:
        key.records[KNOWN_NAMES] = _prune(list(key.records[KNOWN_NAMES]), mine, others)
    data = key.mapping.to_dict()
    pruned = {k: (_prune(v, mine, others) if k != "secret" else v) for k, v in data.items()}
    key.mapping = KeyMapping.from_dict(pruned)
    return len(gone)


def surrogate_labels(project: Project, key_path: str | Path, passphrase: str, speaker: str) -> dict[str, str]:
    """Her speaker label in each de-identified source whose apply replaced it (source id -> her surrogate
    label there), as the apply relabelled the turns: so that she is withdrawn by the name the researcher knows."""
    key = open_key(project, key_path, passphrase)
    out: dict[str, str] = {}
    for sid, entry in key.records.items():
        if sid in (KNOWN_NAMES, FIELDS) or not isinstance(entry, dict):
            continue
        reps = sorted(entry.get("replacements", []), key=lambda r: -len(str(r["original"])))
        label = _relabel(speaker.strip(), {str(r["original"]): str(r["replacement"]) for r in reps})
        if label != speaker.strip():
            out[sid] = label
    return out
