"""Train the learned de-identification model from makna's open annotated splits (issue 11).

``python -m makna.privacy.train [--root REPO] [--out DIR]`` reads the open splits (``OPEN_SPLITS``: the shared
dev corpus and ``tests/privacy/corpus/<split>``), runs the rule detectors on each transcript, and trains a CRF
(python-crfsuite, L-BFGS) on token features plus the rules' output. It writes ``deid_model.crfsuite`` and
``deid_model.json`` (splits, files, seed, sha256 of the training data and of the model, the settings) into
``src/makna/privacy/data/`` by default. Then it trains the precision stage (:mod:`makna.privacy.precision`)
on out-of-fold detections (a CRF per split, trained on the others) and writes ``deid_precision.json``. Every
learned part is trained in order from the current detectors, so after any change to a detector run it again.
The same data and seed give the same bytes.

Sealed splits are never read: a split name outside ``OPEN_SPLITS`` is refused, and so is any path under a
folder whose name starts with ``seal8``, ``sealed-``, ``suggest-unseen`` or ``heldout8``. ``seal6`` and ``seal7``
were scored after the tuning of rounds four and five and are spent: they are training data now, like ``seal4``
before them, and so are ``spent2`` to ``spent5`` (the lead's private held-out sets of rounds two to five, each
scored after tuning, copied into the repository unchanged). ``tune9`` is the open half of round heldout8
(written with the sealed ``seal8``, which is refused).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ._features import Token, anchors, label_tokens, tokenize, window_features, windows
from ._text import CapRun, cap_runs
from .detect import detect
from .evaluate import GoldDocument, load_gold
from .learned import MODEL_FILE, RECORD_FILE, LearnedModel, disabled, open_model
from .precision import STAGE_FILE, PrecisionStage, stage_disabled
from .speakers import find_labels, mask_labels
from .types import Detection

__all__ = [
    "OPEN_SPLITS",
    "SEED",
    "STAGE_SETTINGS",
    "Example",
    "Settings",
    "anchor_words",
    "data_digest",
    "examples",
    "load_splits",
    "skip_words",
    "main",
    "train",
    "train_stage",
]

OPEN_SPLITS: Final[tuple[str, ...]] = (
    "dev",
    "tune",
    "tune2",
    "tune3",
    "tune4",
    "tune5",
    "tune6",
    "tune7",
    "sealed",
    "sealed2",
    "seal4",
    "tune8",
    "seal6",
    "seal7",
    "spent2",
    "spent3",
    "spent4",
    "spent5",
    "tune9",
)
"""Annotated splits open for training: ``dev`` is ``../shared/eval-corpus/dev``, the rest
``tests/privacy/corpus/<name>``. Sealed test sets (``seal8`` and later, anything under ``sealed-*``) are not
here and are refused; ``seal6`` and ``seal7`` are spent (scored after tuning) and open, and so are ``spent2`` to
``spent5``: the lead's private held-out sets of rounds two to five, brought into the repository once spent.
``tune9`` is open: the ten open transcripts of round heldout8, written with the sealed ``seal8``."""
SEED: Final = 11
STAGE_SETTINGS: Final[dict[str, float]] = {"c": 0.5, "drop": 1.01, "retype": 0.5}
"""The precision stage's regularisation and thresholds, chosen by benchmarks/deid_precision_cv.py."""
_FORBIDDEN: Final = ("seal8", "sealed-", "suggest-unseen", "heldout8", "wt-heldout8")


@dataclass(frozen=True)
class Settings:
    """What cross-validation chose (benchmarks/deid_learned_cv.py)."""

    c1: float = 0.05
    c2: float = 0.05
    iterations: int = 150
    threshold: float = 0.6
    anchor_share: float = 0.25
    rule_dropout: float = 0.5  # share of rule spans hidden from a second copy of each transcript
    retype: float = 0.0  # model probability above which a named rule span takes the model's type (0: never)
    extend: bool = True  # a model span of a rule span's type that covers it replaces it


@dataclass(frozen=True)
class Example:
    """One transcript prepared for the tagger: its tokens, windows, rule detections and gold spans."""

    doc: GoldDocument
    split: str
    scan: str
    tokens: list[Token]
    rules: list[Detection]
    runs: list[CapRun]


def split_dir(root: Path, split: str) -> Path:
    """The folder of an open split (``dev`` lives beside the repository, in ``shared/``)."""
    if split not in OPEN_SPLITS:
        raise ValueError(f"{split!r} is not an open split (open: {', '.join(OPEN_SPLITS)})")
    path = root.parent / "shared" / "eval-corpus" / "dev" if split == "dev" else root / "tests/privacy/corpus" / split
    if any(part.startswith(_FORBIDDEN) for part in path.resolve().parts):
        raise ValueError(f"refusing a sealed test set: {path}")
    return path


def load_splits(root: Path, splits: Sequence[str] = OPEN_SPLITS) -> dict[str, list[GoldDocument]]:
    """The gold documents of each split (a split whose folder is missing is left out)."""
    out: dict[str, list[GoldDocument]] = {}
    for split in splits:
        path = split_dir(root, split)
        if path.is_dir():
            out[split] = load_gold(path)
    return out


def data_digest(root: Path, splits: Sequence[str]) -> str:
    """sha256 over the training files' names and bytes, in a fixed order."""
    h = hashlib.sha256()
    for split in splits:
        path = split_dir(root, split)
        for f in sorted(path.glob("*.json")):
            h.update(f"{split}/{f.name}\0".encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def examples(docs: dict[str, list[GoldDocument]]) -> list[Example]:
    """Rules run (alone) on every document: the stacking input of the model."""
    out: list[Example] = []
    with disabled(), stage_disabled():
        for split, items in docs.items():
            for doc in items:
                scan = mask_labels(doc.text, find_labels(doc.text))
                rules = detect(doc.text, language=doc.language)
                out.append(Example(doc, split, scan, tokenize(scan), rules, cap_runs(scan)))
    return out


def anchor_words(data: Sequence[Example], share: float) -> frozenset[str]:
    """Lower-case words that lie inside gold identifiers at least ``share`` of the times they occur (twice
    or more): "tahun", "puluh", "years"; their tokens are tagged even in lower-case stretches."""
    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for ex in data:
        for s, e, word in ex.tokens:
            if not (word.isalpha() and word.islower()):
                continue
            total[word] += 1
            if any(g[0] < e and s < g[1] for g in ex.doc.pii):
                inside[word] += 1
    return frozenset(w for w, n in inside.items() if n >= 2 and len(w) > 2 and n / total[w] >= share)


def skip_words(data: Sequence[Example]) -> frozenset[str]:
    """Word forms (as written) seen at least twice in the training data and never inside an identifier:
    "Kalau", "Honestly", "Kak"; the tagger does not look at them (speed), though rules still do."""
    inside: set[str] = set()
    total: Counter[str] = Counter()
    for ex in data:
        for s, e, word in ex.tokens:
            total[word] += 1
            if any(g[0] < e and s < g[1] for g in ex.doc.pii):
                inside.add(word)
    return frozenset(w for w, n in total.items() if n >= 2 and w not in inside and w[0].isalnum())


def _sequences(
    data: Sequence[Example], words: frozenset[str], skip: frozenset[str], dropout: float, rng: random.Random
) -> list[tuple[list[list[str]], list[str]]]:
    """Tagger sequences of every transcript, as :func:`makna.privacy.learned.model_spans` builds them; with
    ``dropout``, a second copy of each transcript whose rule spans are each hidden with that probability, so
    the model learns to find what rules miss on text they were not written for (on their own tuning splits
    they miss almost nothing)."""
    from .learned import _words_rx, lower_seen  # noqa: PLC0415

    words_rx = _words_rx(words)
    seqs: list[tuple[list[list[str]], list[str]]] = []
    for ex in data:
        variants = [ex.rules]
        if dropout > 0:
            variants.append([d for d in ex.rules if rng.random() >= dropout])
        for rules in variants:
            taken = bytearray(len(ex.scan))
            for det in rules:
                taken[det.start : det.end] = b"\x01" * det.length
            wins = windows(ex.scan, anchors(ex.scan, ex.runs, taken, words_rx, skip))
            caps = {t[2].lower() for w in wins for t in w.tokens[w.lo : w.hi] if t[2][0].isupper()}
            seen = lower_seen(ex.scan, caps)
            ordered = sorted(rules, key=lambda d: d.start)
            starts = [d.start for d in ordered]
            for win in wins:
                feats = window_features(win, ordered, starts, seen, ex.doc.language)
                seqs.append((feats, label_tokens(win, ex.doc.pii)))
    return seqs


def train(
    data: Sequence[Example], out_dir: Path, settings: Settings = Settings(), seed: int = SEED
) -> dict[str, Any]:
    """Train on ``data``; write the model and its record into ``out_dir``; return the record."""
    import pycrfsuite  # noqa: PLC0415

    words = anchor_words(data, settings.anchor_share)
    skip = skip_words(data)
    rng = random.Random(seed)
    seqs = _sequences(data, words, skip, settings.rule_dropout, rng)
    rng.shuffle(seqs)
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in seqs:
        trainer.append(feats, labels)
    trainer.set_params(
        {
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.iterations,
            "feature.possible_transitions": True,
        }
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / MODEL_FILE
    trainer.train(str(model_path))
    record: dict[str, Any] = {
        "model": MODEL_FILE,
        "model_sha256": hashlib.sha256(model_path.read_bytes()).hexdigest(),
        "algorithm": "CRF (python-crfsuite, L-BFGS), BIO tags per identifier type",
        "seed": seed,
        "settings": {
            "c1": settings.c1,
            "c2": settings.c2,
            "iterations": settings.iterations,
            "anchor_share": settings.anchor_share,
            "rule_dropout": settings.rule_dropout,
        },
        "threshold": settings.threshold,
        "retype": settings.retype,
        "extend": settings.extend,
        "documents": len(data),
        "sequences": len(seqs),
        "tokens": sum(len(s[1]) for s in seqs),
        "anchors": sorted(words),
        "skip": sorted(skip),
    }
    (out_dir / RECORD_FILE).write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def train_in_memory(data: Sequence[Example], settings: Settings = Settings(), seed: int = SEED) -> LearnedModel:
    """A model trained on ``data`` in a temporary folder and opened (cross-validation)."""
    with tempfile.TemporaryDirectory() as tmp:
        record = train(data, Path(tmp), settings, seed)
        model = open_model(str(Path(tmp) / MODEL_FILE), record)  # the tagger reads the file into memory
    return model


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: train on every open split and write the shipped model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = Path(__file__).resolve()
    parser.add_argument("--root", type=Path, default=here.parents[3], help="the repository (default: this one)")
    parser.add_argument("--out", type=Path, default=here.parent / "data")
    args = parser.parse_args(argv)
    docs = load_splits(args.root)
    if not docs:
        raise SystemExit(f"no annotated splits under {args.root} (run it from a repository checkout, or pass --root)")
    data = examples(docs)
    record = train(data, args.out)
    files = [f"{split}/{doc.id}" for split, items in docs.items() for doc in items]
    record.update(
        {
            "splits": list(docs),
            "files": len(files),
            "data_sha256": data_digest(args.root, list(docs)),
            "command": "python -m makna.privacy.train",
        }
    )
    (args.out / RECORD_FILE).write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"trained on {len(files)} transcripts of {', '.join(docs)}: {args.out / MODEL_FILE}")
    print(f"model sha256 {record['model_sha256']}, data sha256 {record['data_sha256']}")
    stage = train_stage(data)
    stage.record.update({"splits": list(docs), "files": len(files), "data_sha256": record["data_sha256"],
                         "crf_sha256": record["model_sha256"], "command": "python -m makna.privacy.train"})
    path = args.out / STAGE_FILE
    body = json.dumps(stage.as_record(), indent=1, ensure_ascii=False, sort_keys=True)
    path.write_text(body + "\n", encoding="utf-8")
    print(f"precision stage: {path} ({stage.record['examples']} detections, sha256 "
          f"{hashlib.sha256(path.read_bytes()).hexdigest()})")


def train_stage(data: Sequence[Example], settings: Settings = Settings()) -> PrecisionStage:
    """The precision stage, fitted on out-of-fold detections of ``data`` (a CRF per split trained on the
    others refines the rules' output of that split), with :data:`STAGE_SETTINGS`."""
    from .precision_train import fit_stage, out_of_fold, stage_data  # noqa: PLC0415

    folds = stage_data(data, out_of_fold(data, settings))
    return fit_stage(folds, c=STAGE_SETTINGS["c"], drop=STAGE_SETTINGS["drop"], retype=STAGE_SETTINGS["retype"])


if __name__ == "__main__":
    main()
