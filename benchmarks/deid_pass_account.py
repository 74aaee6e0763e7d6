"""Where one steady detection pass goes, by stage rather than module (issue 11, speed25): CPU time of a pass over
every ``--every``-th open interview, after a warm-up pass.

Stages: speaker labels and the shared scans (``shared``), the rule detectors (``rules``; the lazily built shared
indexes inside them are timed apart), overlap resolution and joining (``merge``), the CRF (``refine``: anchors,
windows, features, tagging with marginals), the precision stage and its typer (``apply_stage``), the organisation
context model and cues, and the passes after them that retype, drop or close spans (``retype``). Also: the share
of a pass spent on the lines that end with no detection (those lines alone, as a text, against the whole text),
and the gated patterns (:func:`makna.privacy._fastrx.gated_finditer`): lines searched, lines with a match, time.

Run: ``python benchmarks/deid_pass_account.py [--every 6]`` (PYTHONPATH at the tree to measure).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_stage_profile import _open_texts  # noqa: E402

_STAGES = {
    "shared": {"find_labels", "mask_labels", "cap_runs", "scan_cues"},
    "merge": {"resolve_overlaps", "harmonise_types", "join_names", "titled_names_first"},
    "crf": {"refine"},
    "precision": {"apply_stage"},
    "orgctx": {"apply_org_context", "apply_org_cues"},
}
_FIRST_AFTER = "drop_lookalikes"  # the first pass after the learned stages (retype)


def _timed(fn: Callable[..., Any], box: collections.defaultdict[str, float], key: str) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            out = fn(*args, **kwargs)
            if out is None or isinstance(out, (list, tuple, str, dict, bytearray, set, frozenset)):
                return out
            return list(out)  # (a generator runs here)
        finally:
            box[key] += time.process_time() - t

    return run


def _gated(box: collections.defaultdict[str, float]) -> Callable[..., Any]:
    from makna.privacy import _fastrx

    orig = _fastrx.gated_finditer

    def run(rx: Any, gate: Any, text: str) -> Any:
        t = time.process_time()
        out = list(orig(rx, gate, text))
        box["gated time"] += time.process_time() - t
        box["gated calls"] += 1
        if isinstance(gate, re.Pattern):
            box["regex-gate time"] += time.process_time() - t
        return iter(out)

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", type=int, default=6, help="every n-th open interview")
    args = parser.parse_args()
    from makna.privacy import _fastrx, _find, _pipeline, detect, learned, precision

    stages: collections.defaultdict[str, float] = collections.defaultdict(float)
    inner: collections.defaultdict[str, float] = collections.defaultdict(float)
    names = list(_pipeline.detect_chunk.__code__.co_names)
    after = set(names[names.index(_FIRST_AFTER) :])
    for name in dir(_pipeline):
        obj = getattr(_pipeline, name)
        if callable(obj) and not isinstance(obj, type) and name not in {"detect_chunk", "Sequence"}:
            stage = next((s for s, members in _STAGES.items() if name in members), None)
            stage = stage or ("retype" if name in after else "rules")
            setattr(_pipeline, name, _timed(obj, stages, stage))
    patched: list[tuple[Any, str, str]] = [
        (learned, "anchors", "crf: anchors"),
        (learned, "windows", "crf: windows"),
        (learned, "window_features", "crf: features"),
        (learned.LearnedModel, "marginals", "crf: tagging, marginals"),
        (precision, "_context_key", "precision: span contexts (features)"),
        (_fastrx._SharedGates, "_index", "index: trigger automaton"),
        (_find._Shared, "starts", "index: word-start automaton"),
        (_fastrx.SharedScan, "scan", "index: cue-word scan"),
    ]
    for owner, attr, label in patched:
        setattr(owner, attr, _timed(getattr(owner, attr), inner, label))
    gated = _gated(inner)
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("makna.privacy") and hasattr(mod, "gated_finditer"):
            mod.gated_finditer = gated  # type: ignore[attr-defined]
    texts = _open_texts()[:: args.every]
    size = sum(len(t) for t, _ in texts)
    for text, language in texts:
        detect(text, language=language)
    stages.clear()
    inner.clear()
    t = time.process_time()
    for text, language in texts:
        detect(text, language=language)
    total = time.process_time() - t
    calls = inner.pop("gated calls")
    print(f"{len(texts)} open interviews, {size:,} characters; steady pass {total:.3f} s CPU")
    print("| stage | s | share |\n| --- | --- | --- |")
    for key, value in [*sorted(stages.items(), key=lambda kv: -kv[1]), *sorted(inner.items())]:
        print(f"| {key} | {value:.3f} | {value / total:.1%} |")
    print(f"(gated_finditer: {calls:.0f} calls; the indexes are built inside the rules' time)")
    # the lines that end with no detection, alone
    quiet: list[tuple[str, str]] = []
    lines = empty = chars = empty_chars = 0
    for text, language in texts:
        mask = bytearray(len(text) + 1)
        for det in detect(text, language=language):
            mask[det.start : max(det.end, det.start + 1)] = b"\x01" * (max(det.end, det.start + 1) - det.start)
        keep, pos = [], 0
        for line in text.split("\n"):
            lines += 1
            chars += len(line) + 1
            if mask.find(1, pos, pos + len(line)) < 0:
                keep.append(line)
                empty += 1
                empty_chars += len(line) + 1
            pos += len(line) + 1
        quiet.append(("\n".join(keep), language))

    def best(docs: list[tuple[str, str]]) -> float:
        times = []
        for _ in range(3):
            t = time.process_time()
            for text, language in docs:
                detect(text, language=language)
            times.append(time.process_time() - t)
        return min(times)

    whole, alone = best(texts), best(quiet)
    print(
        f"lines with no detection: {empty:,} of {lines:,} ({empty / lines:.1%}), {empty_chars / chars:.1%} of the "
        f"characters; detecting in them alone takes {alone / whole:.1%} of the whole texts' time"
    )


if __name__ == "__main__":
    main()
