"""Ablations of the code suggester (#15, round 5): does each candidate addition earn its place?

    python benchmarks/suggest_ablation.py [--splits tune5 heldout]

Every variant is trained on the dev corpus only and scored three ways: dev leave one transcript out
(pooled), and trained on all of dev then scored on the repository's open tuning split
(tests/suggest/corpus/tune5) and on the held-out split (tests/suggest/corpus/heldout, consulted while
tuning, so a tuning score). The threshold is always chosen on the training folder's own held-out
(leave one transcript out) suggestions, never on the test folder. The sealed split (seal5) is never
read here. Scores only are printed, no text.

Variants (each against the shipped model, ``base``: each segment read with the interviewer's line
before it; the first row is the model without that context):

- ``colloquial``: Indonesian roots with the regular colloquial morphology undone before stemming
  (``dilunasin`` -> ``lunas``, ``nyimpen`` -> ``simpan``, ``milih`` -> ``pilih``; rules below, an
  answer kept only when it is a root in PySastrawi's dictionary);
- ``char4``: character 4-grams of every word's stem beside the word features (informal spellings);
- ``codebook-pieces``: each codebook definition also split into its clauses, each a document;
- decision rules on the same scores: ``per-code`` thresholds (chosen per code on the training folder's
  held-out scores, shrunk towards the global one with weight 2), ``per-language`` thresholds,
  ``top-2`` (at most two codes a unit), ``top-1 or threshold`` (a unit's best code at a lower second
  threshold, both chosen jointly on the training folder), ``abstain weak codes`` (codes whose held-out
  F1 on the training folder is under 0.2 are not suggested).
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from makna.analysis.stemming import stemmer  # noqa: E402
from makna.suggest import classifier as K  # noqa: E402
from makna.suggest import corpus as C  # noqa: E402
from makna.suggest import features as F  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval-corpus" / "dev"
SPLITS = ROOT / "tests" / "suggest" / "corpus"
Arr = Any

# --- colloquial Indonesian roots (the ``colloquial`` variant) -------------------------------------------

_VOWELS = "aeiou"


@functools.cache
def _dictionary() -> frozenset[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(StemmerFactory().get_words())


def _last_syllable_a(word: str) -> Iterator[str]:
    yield word
    if len(word) >= 4 and word[-2] == "e" and word[-1] not in _VOWELS:
        yield word[:-2] + "a" + word[-1]  # pinjem -> pinjam
    if len(word) >= 4 and word[-1] == "e":
        yield word[:-1] + "ai"  # pake -> pakai


def _unprefixed(word: str) -> Iterator[str]:
    yield word
    if word.startswith("nge") and len(word) > 5:
        yield word[3:]  # ngeblok -> blok
    if word.startswith("ng") and len(word) > 4 and word[2] in _VOWELS:
        yield from (word[2:], "k" + word[2:], "h" + word[2:])  # ngobrol, ngirim, ngilang
    if word.startswith("ny") and len(word) > 4 and word[2] in _VOWELS:
        yield from ("c" + word[2:], "s" + word[2:])  # nyari, nyapa
    if word[0] in "mn" and len(word) > 3 and word[1] in _VOWELS and not word.startswith(("ng", "ny")):
        yield ("p" if word[0] == "m" else "t") + word[1:]  # milih, nagih
    if word.startswith(("ke", "di")) and len(word) > 5:
        yield word[2:]
        yield from _unprefixed(word[2:])  # ketangkep, dipake


def _unsuffixed(word: str) -> Iterator[str]:
    yield word
    base = word[:-3] if word.endswith("nya") and len(word) > 6 else word
    if base != word:
        yield base
    if base.endswith("in") and len(base) > 5:
        yield base[:-2]  # beliin -> beli, dilunasin -> dilunas
        if base.endswith("nin"):
            yield base[:-3]


@functools.lru_cache(maxsize=200_000)
def colloquial_root(word: str) -> str:
    """PySastrawi's stem, or, where that is no dictionary root, the first dictionary root the colloquial
    rules reach; a content word is never turned into a stop word."""
    stem = stemmer("id")
    first = stem(word)
    if first in _dictionary() or len(word) < 4:
        return first
    for bare in _unsuffixed(word):
        for cut in dict.fromkeys((bare, stem(bare))):
            for candidate in _unprefixed(cut):
                for form in _last_syllable_a(candidate):
                    if len(form) >= 3 and form in _dictionary():
                        return first if form in F.STOPWORDS and word not in F.STOPWORDS else form
    return first


# --- running a variant ----------------------------------------------------------------------------------

Run = tuple[tuple[Arr, Arr, Arr, list[str]], tuple[Arr, Arr, list[str]]]


def _run(train_docs: list[C.CorpusDoc], test_docs: list[C.CorpusDoc], codebook: list[K.CodeText],
         book_language: dict[str, str], weight: float, context: bool) -> Run:
    examples = C._examples(train_docs, context)
    model = K.train(examples, codebook, codebook_weight=weight)
    raw, truth, known = K.cross_scores(examples, codebook, model.codes)
    raw = np.where(C.applicable(model.codes, [e.language for e in examples], book_language), raw, -np.inf)
    model.calibrator = K.fit_calibrator(raw, truth, known)
    units = C._examples(test_docs, context)
    langs = [u.language for u in units]
    conf = model.calibrator(np.where(C.applicable(model.codes, langs, book_language),
                                     model.raw([K.in_context(u.text, u.context) for u in units], langs), -np.inf))
    gold = np.array([[c in u.codes for c in model.codes] for u in units], dtype=bool)
    return (model.calibrator(raw), truth, known, [e.language for e in examples]), (conf, gold, langs)


def runs(splits: list[str], codebook_pieces: bool = False, context: bool = True) -> dict[str, list[Run]]:
    codebook, _, book_language = C.read_codebook(DEV)
    if codebook_pieces:
        codebook = [K.CodeText(c.code, c.texts + tuple(
            (lang, p.strip()) for lang, t in c.texts for p in re.split(r"[.;:,()]| or | atau ", t)
            if len(p.strip().split()) >= 2)) for c in codebook]
    dev = C.load_folder(DEV)
    out = {"dev LOO": [_run([d for d in dev if d is not held], [held], codebook, book_language, K.CODEBOOK_WEIGHT,
                            context) for held in dev]}
    for name in splits:
        out[name] = [_run(dev, C.load_folder(SPLITS / name), codebook, book_language, K.CODEBOOK_WEIGHT, context)]
    return out


# --- decision rules -------------------------------------------------------------------------------------

Rule = Callable[[tuple[Arr, Arr, Arr, list[str]], Arr, list[str]], Arr]


def _global(inner: tuple[Arr, Arr, Arr, list[str]]) -> float:
    c, t, k, _ = inner
    return C.best_threshold(c[k], t[k])


def threshold(inner: tuple[Arr, Arr, Arr, list[str]], conf: Arr, langs: list[str]) -> Arr:
    return conf >= _global(inner)


def per_code(inner: tuple[Arr, Arr, Arr, list[str]], conf: Arr, langs: list[str], shrink: float = 2.0) -> Arr:
    c, t, k, _ = inner
    g = _global(inner)
    th = np.full(c.shape[1], g)
    for j in range(c.shape[1]):
        m = k[:, j] & np.isfinite(c[:, j])
        n = int(t[m, j].sum())
        if n:
            th[j] = (n * C.best_threshold(c[m, j], t[m, j]) + shrink * g) / (n + shrink)
    return conf >= th


def per_language(inner: tuple[Arr, Arr, Arr, list[str]], conf: Arr, langs: list[str]) -> Arr:
    c, t, k, il = inner
    g = _global(inner)
    pred = np.zeros_like(conf, dtype=bool)
    for lang in set(langs):
        rows = np.array([x == lang for x in il])
        own = C.best_threshold(c[rows][k[rows]], t[rows][k[rows]]) if t[rows].any() else g
        mine = np.array([x == lang for x in langs])
        pred[mine] = conf[mine] >= own
    return pred


def top2(inner: tuple[Arr, Arr, Arr, list[str]], conf: Arr, langs: list[str]) -> Arr:
    rank = np.argsort(np.argsort(-conf, axis=1), axis=1)
    return (conf >= _global(inner)) & (rank < 2)


def top1_or_threshold(inner: tuple[Arr, Arr, Arr, list[str]], conf: Arr, langs: list[str]) -> Arr:
    c, tr, k, _ = inner

    def rule(x: Arr, t: float, t1: float) -> Arr:
        return (x >= t) | ((x == x.max(axis=1, keepdims=True)) & (x >= t1))

    grid = np.unique(np.round(c[np.isfinite(c)], 3))
    grid = grid[:: max(1, len(grid) // 60)]
    best = (-1.0, 0.5, 0.5)
    for t in grid:
        for t1 in grid[grid <= t]:
            p = rule(c, t, t1) & k
            f1 = 2 * (p & tr).sum() / (p.sum() + (tr & k).sum())
            if f1 > best[0] + 1e-9:
                best = (f1, t, t1)
    return rule(conf, best[1], best[2])


def abstain_weak(inner: tuple[Arr, Arr, Arr, list[str]], conf: Arr, langs: list[str]) -> Arr:
    c, t, k, _ = inner
    g = _global(inner)
    p = (c >= g) & k
    keep = np.ones(c.shape[1], dtype=bool)
    for j in range(c.shape[1]):
        if t[:, j].any():
            keep[j] = 2 * (p[:, j] & t[:, j]).sum() / (p[:, j].sum() + t[k[:, j], j].sum()) >= 0.2
    return (conf >= g) & keep


def score(found: dict[str, list[Run]], rule: Rule) -> dict[str, float]:
    out, pooled = {}, np.zeros(3)
    for name, rs in found.items():
        counts = np.zeros(3)
        for inner, (conf, gold, langs) in rs:
            p = rule(inner, conf, langs)
            counts += [(p & gold).sum(), p.sum(), gold.sum()]
        out[name] = round(float(2 * counts[0] / (counts[1] + counts[2])), 3)
        pooled += counts
    out["pooled"] = round(float(2 * pooled[0] / (pooled[1] + pooled[2])), 3)
    return out


def _char_grams(n: int) -> Callable[[str], list[str]]:
    plain = F.analyse_doc

    @functools.lru_cache(maxsize=200_000)
    def grams(stem: str) -> tuple[str, ...]:
        w = f"<{stem}>"
        return tuple(f"c:{w[i:i + n]}" for i in range(max(1, len(w) - n + 1)))

    def analyse(doc: str) -> list[str]:
        feats = plain(doc)
        return feats + [g for f in feats if f.startswith(("id:", "en:")) for g in grams(f[3:])]

    return analyse


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--splits", nargs="*", default=["tune5", "heldout"])
    args = ap.parse_args()
    if "seal5" in args.splits:
        raise SystemExit("seal5 is sealed: score it with makna suggest evaluate, once, at the end")
    rows: list[tuple[str, dict[str, float]]] = [("without context (round 4's model)",
                                                 score(runs(args.splits, context=False), threshold))]
    base = runs(args.splits)
    for name, rule in (("base (one threshold)", threshold), ("per-code thresholds", per_code),
                       ("per-language thresholds", per_language), ("top-2", top2),
                       ("top-1 or threshold", top1_or_threshold), ("abstain weak codes", abstain_weak)):
        rows.append((name, score(base, rule)))
    rows.append(("codebook-pieces", score(runs(args.splits, codebook_pieces=True), threshold)))
    plain_stem, plain_analyse = F._word, F.analyse_doc
    F.analyse_doc = _char_grams(4)  # type: ignore[assignment]
    rows.append(("char4", score(runs(args.splits), threshold)))
    F.analyse_doc = plain_analyse  # type: ignore[assignment]
    real_stemmer = F.stemmer

    def patched(lang: str) -> Callable[[str], str]:
        return colloquial_root if lang.split("-")[0] == "id" else real_stemmer(lang)

    F.stemmer = patched  # type: ignore[assignment]
    for cached in (F._word, F._concepts, F._lexicon):
        cached.cache_clear()
    rows.append(("colloquial", score(runs(args.splits), threshold)))
    F.stemmer = real_stemmer  # type: ignore[assignment]
    for cached in (plain_stem, F._concepts, F._lexicon):
        cached.cache_clear()
    names = list(rows[0][1])
    print("| variant | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for name, r in rows:
        print(f"| {name} | " + " | ".join(f"{r[k]:.3f}" for k in names) + " |")


if __name__ == "__main__":
    main()
