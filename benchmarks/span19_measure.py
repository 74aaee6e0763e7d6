"""Where the learned layer loses what it misses (issue 11, round nineteen, span19).

For each open split named on the command line (default: the four opened this round, which the shipped model never
saw), every missed or mistyped gold span and every leaked gold character is put in one class:

* ``outside``: no token of it is tagged by the CRF (wholly outside every anchor window), and no stage found it;
  subdivided by why its first word was no anchor (lower case, a skipped word, an ordinary word starting a
  sentence, touched by a rule span, punctuation/other);
* ``window``: a token of it is tagged but the model gave no span over it, and no stage found it;
* ``model-unused``: the model gave a span over it that ``refine`` did not add (type outside LEARNED_TYPES, an
  ordinary lone word, a rule span in the way), and no stage found it;
* ``lost:<stage>``: some stage had it (typed right, for spans; covered, for characters) and a later stage lost it
  (the stage named: ``refine``, ``precision``, ``context_drops``, ``lookalikes``, ``span_edges``, ...);
* ``mistyped:<where>``: covered only under another type: by the rules (``rules``) and never retyped, or retyped
  by a later stage.

``python benchmarks/span19_measure.py [SPLIT ...] [--json OUT]`` prints a table by class, type and language.
Open splits only (train.split_dir refuses sealed ones).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from makna.privacy import _pipeline, learned, lookalikes  # noqa: E402
from makna.privacy._features import _word_kind, tokenize  # noqa: E402
from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.train import load_splits  # noqa: E402

SPLITS = ("tune21", "seal20", "spent29", "spent30")
STAGES = (
    "join_names",
    "refine",
    "apply_stage",
    "apply_org_context",
    "apply_org_cues",
    "drop_lookalikes",
    "close_spans",
    "type_by_kind_words",
    "close_place_spans",
    "type_by_role",
    "apposed_orgs",
    "employer_venues",
    "reported_to",
    "said_to_be_orgs",
    "streets_are_places",
    "retype_by_clause",
    "person_kinds",
    "screen_names",
    "header_places",
    "close_edges",
)
NAMES = {
    "join_names": "rules",
    "apply_stage": "precision",
    "drop_lookalikes": "lookalikes",
    "close_edges": "span_edges",
}

record: dict[str, Any] = {}


def _wrap_stage(name: str) -> None:
    fn = getattr(_pipeline, name)

    def wrapped(*args: Any, **kw: Any) -> Any:
        out = fn(*args, **kw)
        record.setdefault("stages", []).append((name, [(d.start, d.end, d.type) for d in out]))
        return out

    setattr(_pipeline, name, wrapped)


def _wrap_learned() -> None:
    seqs, spans, ctx = learned.sequences, learned.model_spans, lookalikes.drop_context_things

    def sequences(*args: Any, **kw: Any) -> Any:
        for win, feats in seqs(*args, **kw):
            record.setdefault("tagged", []).extend((t[0], t[1]) for t in win.tokens[win.lo : win.hi])
            yield win, feats

    def model_spans(*args: Any, **kw: Any) -> Any:
        out = spans(*args, **kw)
        record["model"] = [(s, e, k) for s, e, k, _ in out]
        return out

    def drop_context_things(scan: str, found: Any) -> Any:
        out = ctx(scan, found)
        record["ctx"] = ({(d.start, d.end, d.type) for d in found}, {(d.start, d.end, d.type) for d in out})
        return out

    learned.sequences = sequences  # type: ignore[assignment]
    learned.model_spans = model_spans  # type: ignore[assignment]
    lookalikes.drop_context_things = drop_context_things  # type: ignore[assignment]


def _has(dets: list[tuple[int, int, str]], g: tuple[int, int, str], typed: bool) -> bool:
    return any(g[0] < e and s < g[1] and (not typed or k == g[2]) for s, e, k in dets)


def _why_outside(text: str, g: tuple[int, int, str], rules: list[tuple[int, int, str]]) -> str:
    """Why the first word of a span no window tags was no anchor."""
    toks = [t for t in tokenize(text, g[0], g[1]) if t[2][0].isalnum()]
    if not toks:
        return "punct"
    s, e, word = toks[0]
    if any(rs < e and s < re_ for rs, re_, _ in rules):
        return "rule-touched"
    if word[0].islower():
        return "lowercase"
    if word[0].isdigit():
        return "digit"
    kind = _word_kind(word.rstrip(".,'’"))
    return {0: "skipped-word", 1: "skip-list/other", 2: "sentence-start-word"}.get(kind, "other")


def _lost_stage(stages: list[tuple[str, list[tuple[int, int, str]]]], test: Any) -> str | None:
    """The stage after which ``test`` last held and never held again (None if it never held)."""
    held = [test(out) for _, out in stages]
    if not any(held) or held[-1]:
        return None
    last = max(i for i, h in enumerate(held) if h)
    name = stages[last + 1][0]
    return NAMES.get(name, name)


def classify(doc: Any) -> tuple[list[dict[str, Any]], Counter[str]]:
    record.clear()
    detect(doc.text, language=doc.language)
    stages: list[tuple[str, list[tuple[int, int, str]]]] = record.get("stages", [])
    names = [n for n, _ in stages]
    assert names == list(STAGES), names
    rules, final = stages[0][1], stages[-1][1]
    tagged = sorted(record.get("tagged", []))
    model = record.get("model", [])
    ctx_in, ctx_out = record.get("ctx", (set(), set()))

    def in_window(s: int, e: int) -> bool:
        return any(ts < e and s < te for ts, te in tagged)

    spans: list[dict[str, Any]] = []
    for g in doc.pii:
        g = tuple(g)
        if _has(final, g, True):
            continue
        lost = _lost_stage(stages, lambda out, g=g: _has(out, g, True))
        if lost == "lookalikes" and _has(list(ctx_in), g, True) and not _has(list(ctx_out), g, True):
            lost = "context_drops"
        if lost is not None:
            cls = "lost:" + lost
        elif _has(final, g, False):
            first = next(i for i, (_, out) in enumerate(stages) if _has(out, g, False))
            cls = "mistyped:" + (NAMES.get(stages[first][0], stages[first][0]))
        elif _has(model, g, False):
            cls = "model-unused"
        elif in_window(g[0], g[1]):
            cls = "window"
        else:
            cls = "outside:" + _why_outside(doc.text, g, rules)
        spans.append({"type": g[2], "lang": doc.language, "class": cls, "chars": g[1] - g[0]})
    chars: Counter[str] = Counter()
    cover_final = bytearray(len(doc.text))
    for s, e, _ in final:
        cover_final[s:e] = b"\x01" * (e - s)
    covers = []
    for _, out in stages:
        c = bytearray(len(doc.text))
        for s, e, _ in out:
            c[s:e] = b"\x01" * (e - s)
        covers.append(c)
    for g in doc.pii:
        for i in range(g[0], g[1]):
            if cover_final[i] or doc.text[i].isspace():
                continue
            held = [c[i] for c in covers]
            if any(held):
                last = max(j for j, h in enumerate(held) if h)
                name = stages[last + 1][0]
                cls = "lost:" + NAMES.get(name, name)
            elif any(s <= i < e for s, e, _ in model):
                cls = "model-unused"
            elif in_window(i, i + 1):
                cls = "window"
            else:
                cls = "outside:" + _why_outside(doc.text, (i, i + 1, g[2]), rules)
            chars[f"{cls}|{g[2]}|{doc.language}"] += 1
    return spans, chars


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("splits", nargs="*", default=list(SPLITS))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    for name in STAGES:
        _wrap_stage(name)
    _wrap_learned()
    docs = load_splits(ROOT, args.splits)
    spans: list[dict[str, Any]] = []
    chars: Counter[str] = Counter()
    gold_chars = 0
    for split, items in docs.items():
        for doc in items:
            sp, ch = classify(doc)
            for row in sp:
                row["split"] = split
            spans.extend(sp)
            chars.update(ch)
            gold_chars += sum(e - s - doc.text[s:e].count(" ") for s, e, _ in doc.pii)
    by_class = Counter(r["class"] for r in spans)
    print(
        f"missed/mistyped gold spans: {len(spans)}; leaked non-space gold chars: {sum(chars.values())} of {gold_chars}"
    )
    print("\n| class | spans | en | id | by type | leaked chars |")
    print("| --- | ---: | ---: | ---: | --- | ---: |")
    char_class: Counter[str] = Counter()
    for key, n in chars.items():
        char_class[key.split("|")[0]] += n
    for cls in sorted(set(by_class) | set(char_class), key=lambda c: -by_class.get(c, 0)):
        rows = [r for r in spans if r["class"] == cls]
        langs = Counter(r["lang"] for r in rows)
        types = Counter(r["type"] for r in rows)
        tstr = ", ".join(f"{t} {n}" for t, n in types.most_common())
        print(f"| {cls} | {len(rows)} | {langs['en']} | {langs['id']} | {tstr} | {char_class.get(cls, 0)} |")
    if args.json:
        args.json.write_text(json.dumps({"spans": spans, "chars": dict(chars)}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
