"""PERSON recall by outcome and by class, with the pass that dropped or retyped each gold name (issue #11, persons29).

Every pass of :func:`makna.privacy._pipeline.detect_chunk` is wrapped so that its output is recorded; each gold
PERSON span is then put in one outcome:

* ``found exact`` / ``found partial`` (a PERSON detection overlaps it; its edges equal the gold's or not);
* ``typed X by P`` (the final detection is of type X; P is the pass after which no PERSON overlapped it, or
  ``never`` with the proposing detector when no PERSON was ever proposed);
* ``dropped by P`` (something overlapped it in a candidate or a later state, nothing does at the end; P is the
  last pass that lost it, ``merge`` for the overlap resolution of the candidates);
* ``never proposed``.

And in classes: position (speaker label, chat sender, turn start, mid-sentence), a cue word before it (an
honorific, a kinship word, a naming verb), in a list of names, a line break inside, lower case, an ordinary
word, one word or more, and whether another mention of the same string was found as a PERSON.

Sets named in ``--counts-only`` (default: the four unseen sets of round twenty-nine) print counts only; other
splits may print each miss with ``--show``.

    PYTHONPATH=src python benchmarks/persons29_measure.py [SPLIT ...] [--show] [--open]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from makna.privacy import _pipeline, gazetteers
from makna.privacy._text import HONORIFICS
from makna.privacy.detect import detect
from makna.privacy.evaluate import GoldDocument, load_gold
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "privacy" / "corpus"
FOUR = ("tune31", "seal30", "spent49", "spent50")
_CUE_WORDS = frozenset(
    "nama namanya namaku dipanggil panggil panggilannya called named name call calls sama dengan ama kak kakak "
    "adik abang bang uda uni mak ibu bu pak bapak om tante mas mbak teh akang kang bli mbok ko koh cik ci ama "
    "opung amang inang ompung daeng puang etek etak mamak nenek kakek datuak angku mr mrs ms miss dr aunty uncle "
    "auntie sister brother mum mom dad lengkapnya ktp by with told asked".split()
)
_LABEL = re.compile(r"^[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?:[-~][ \t]*)?\Z")
_TRACE: list[tuple[str, list[Detection]]] = []


def _wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        out = fn(*args, **kwargs)
        if isinstance(out, (list, tuple)):
            out = list(out)
            if all(isinstance(d, Detection) for d in out):
                _TRACE.append((name, out))
        elif hasattr(out, "__iter__") and not isinstance(out, (str, dict)):
            out = list(out)
            if all(isinstance(d, Detection) for d in out):
                _TRACE.append((name, out))
        return out

    return run


def _instrument() -> None:
    skip = {"Detection", "Sequence", "annotations", "detect_chunk", "scan_cues", "cap_runs", "mask_labels"}
    for name, fn in list(vars(_pipeline).items()):
        if callable(fn) and not name.startswith("_") and name not in skip and not isinstance(fn, type):
            setattr(_pipeline, name, _wrap(name, fn))


def _traced(text: str, language: str) -> tuple[list[Detection], list[tuple[str, list[Detection]]]]:
    _TRACE.clear()
    out = detect(text, language=language)
    return out, list(_TRACE)


def _hits(dets: list[Detection], s: int, e: int) -> list[Detection]:
    return [d for d in dets if d.start < e and s < d.end]


def _outcome(s: int, e: int, final: list[Detection], trace: list[tuple[str, list[Detection]]]) -> str:
    names = [n for n, _ in trace]
    k = names.index("join_names") if "join_names" in names else 0
    cands = [d for _, out in trace[:k] for d in out]
    states = trace[k:]
    fin = _hits(final, s, e)
    if any(d.type == "PERSON" for d in fin):
        return "found exact" if any(d.type == "PERSON" and (d.start, d.end) == (s, e) for d in fin) else "found partial"
    if fin:
        best = max(fin, key=lambda d: min(d.end, e) - max(d.start, s))
        last = None
        for i, (_n, out) in enumerate(states):
            if any(d.type == "PERSON" for d in _hits(out, s, e)):
                last = i
        if last is not None and last + 1 < len(states):
            return f"typed {best.type} by {states[last + 1][0]}"
        ever = any(d.type == "PERSON" for d in _hits(cands, s, e))
        return f"typed {best.type} {'by merge' if ever else 'never PERSON'} ({best.detector.split('.')[0]})"
    last = None
    for i, (_n, out) in enumerate(states):
        if _hits(out, s, e):
            last = i
    if last is not None:
        return f"dropped by {states[last + 1][0] if last + 1 < len(states) else 'end'}"
    if _hits(cands, s, e):
        return "dropped by merge"
    return "never proposed"


def _classes(doc: GoldDocument, s: int, e: int, final: list[Detection]) -> list[str]:
    text = doc.text
    out: list[str] = []
    line_start = text.rfind("\n", 0, s) + 1
    before = text[line_start:s]
    after = text[e : e + 3]
    if _LABEL.match(before) and after.lstrip(" \t").startswith(":"):
        out.append("pos:label")
    elif re.search(r"\]\s*[-~]?\s*\Z|^\s*~\s*\Z", before):
        out.append("pos:sender")
    elif re.match(r"^[^:\n]{1,40}:\s*\Z", before) or not before.strip():
        out.append("pos:turn-start")
    else:
        out.append("pos:mid")
    prev = re.findall(r"[\w’']+", text[max(0, s - 30) : s])
    if prev and (prev[-1].lower() in _CUE_WORDS or prev[-1].lower().rstrip(".") in {h.lower() for h in HONORIFICS}):
        out.append("cue-before")
    around = text[max(0, s - 6) : s] + "|" + text[e : e + 6]
    if re.search(r"(,\s*|\s(dan|and|&|atau|or)\s)\|", around) or re.search(
        r"\|(,\s*[A-Z]|\s(dan|and|&|atau|or)\s+[A-Z])", around
    ):
        out.append("in-list")
    gold = text[s:e]
    if "\n" in gold:
        out.append("line-break")
    if gold[:1].islower():
        out.append("lower-case")
    words = gold.split()
    out.append("one-word" if len(words) == 1 else "multi-word")
    if len(words) == 1 and gold.lower().strip(".,") in gazetteers.ordinary_words():
        out.append("ordinary-word")
    other = [d for d in final if d.type == "PERSON" and d.text == gold and not (d.start < e and s < d.end)]
    first = words[0] if words else gold
    if other:
        out.append("other-mention-found")
    elif len(words) > 1 and any(
        d.type == "PERSON" and first in d.text.split() for d in final if d.start >= e or d.end <= s
    ):
        out.append("part-found-elsewhere")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="*", default=list(FOUR))
    parser.add_argument("--show", action="store_true", help="print each miss (never for the four unseen sets)")
    parser.add_argument("--counts-only", default=",".join(FOUR))
    args = parser.parse_args()
    _instrument()
    sealed = set(args.counts_only.split(","))
    total: collections.Counter[str] = collections.Counter()
    for split in args.splits:
        path = Path(split) if "/" in split else CORPUS / split
        docs = load_gold(path)
        outcomes: collections.Counter[str] = collections.Counter()
        classes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for doc in docs:
            final, trace = _traced(doc.text, doc.language)
            for s, e, t in doc.pii:
                if t != "PERSON":
                    continue
                oc = _outcome(s, e, final, trace)
                ok = oc.startswith("found")
                outcomes[oc] += 1
                for c in _classes(doc, s, e, final):
                    classes[c]["found" if ok else "miss"] += 1
                if not ok and args.show and path.name not in sealed:
                    print(f"  {doc.id} {doc.language} {oc}: {doc.text[s:e]!r} <- {doc.text[max(0, s - 50) : s]!r}")
        n = sum(outcomes.values())
        found = sum(v for k, v in outcomes.items() if k.startswith("found"))
        total["gold"] += n
        total["found"] += found
        print(f"== {path.name}: PERSON gold {n} found {found} ({found / max(n, 1):.3f})")
        for k, v in sorted(outcomes.items(), key=lambda kv: -kv[1]):
            print(f"   {v:4d} {k}")
        print(
            "   classes (found/miss):", ", ".join(f"{c} {v['found']}/{v['miss']}" for c, v in sorted(classes.items()))
        )
    if len(args.splits) > 1:
        print(
            f"== all: PERSON gold {total['gold']} found {total['found']} ({total['found'] / max(total['gold'], 1):.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
