"""Train the learned de-identification model from makna's open annotated splits (issue 11).

``python -m makna.privacy.train [--root REPO] [--out DIR]`` reads the open splits (``OPEN_SPLITS``: the shared
dev corpus and ``tests/privacy/corpus/<split>``), runs the rule detectors on each transcript, and trains a CRF
(python-crfsuite, L-BFGS) on token features plus the rules' output; each transcript is also used as a
training copy with other names and places (:mod:`makna.privacy._augment`, the rules run again on it), so
that the model learns cues and shapes rather than the training writers' names. It writes
``deid_model.crfsuite`` and ``deid_model.json`` (splits, files, seed, sha256 of the training data and of the
model, the settings) into ``src/makna/privacy/data/`` by default. Then it trains the precision stage
(:mod:`makna.privacy.precision`) on out-of-fold detections (a CRF per split, trained on the others) and
writes ``deid_precision.json``. Every learned part is trained in order from the current detectors, so after
any change to a detector run it again. The same data and seed give the same bytes.

Sealed splits are never read: a split name outside ``OPEN_SPLITS`` is refused, and so is any path under a
folder whose name starts with ``seal31``, ``sealed-``, ``suggest-unseen`` or ``heldout31``. ``seal6`` to
``seal10`` were scored after the tuning of rounds four to eight and are spent: they are training data now, like
``seal4`` before them, and so are ``spent2`` to ``spent6``, ``spent9`` and ``spent10`` (the lead's private held-out
sets of rounds two to six and eight, each scored after tuning, copied into the repository unchanged).
``tune9`` is the open half of round heldout8, and ``tune10`` the open half of round heldout9 (written with
``seal9``, spent after round seven and opened in round eight); ``tune11`` was written with ``seal10`` in round
heldout10 and kept out of training until both were scored after round eight.
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

from ._features import Token, label_tokens, tokenize
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
    "STAGE_DROPS",
    "STAGE_RETYPES",
    "STAGE_SETTINGS",
    "STAGE_TYPER_CUTS",
    "STAGE_VOTE",
    "STAGE_WITHOUT",
    "Example",
    "Settings",
    "anchor_words",
    "augmented",
    "org_words",
    "data_digest",
    "examples",
    "load_splits",
    "skip_words",
    "main",
    "train",
    "train_stage",
    "vocabulary",
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
    "seal8",
    "spent6",
    "tune10",
    "seal9",
    "tune11",
    "seal10",
    "spent9",
    "spent10",
    "tune12",
    "seal11",
    "spent11",
    "spent12",
    "tune13",
    "seal12",
    "spent13",
    "spent14",
    "train15",
    "train16",
    "tune14",
    "seal13",
    "spent15",
    "spent16",
    "train17",
    "tune15",
    "seal14",
    "spent17",
    "spent18",
    "tune16",
    "seal15",
    "spent19",
    "spent20",
    "tune17",
    "seal16",
    "spent21",
    "spent22",
    "tune18",
    "seal17",
    "spent23",
    "spent24",
    "tune19",
    "seal18",
    "spent25",
    "spent26",
    "tune20",
    "seal19",
    "spent27",
    "spent28",
    "tune21",
    "seal20",
    "spent29",
    "spent30",
    "tune22",
    "seal21",
    "spent31",
    "spent32",
    "train21",
    "tune23",
    "seal22",
    "spent33",
    "spent34",
    "train22",
    "tune24",
    "seal23",
    "spent35",
    "spent36",
    "train23",
    "tune25",
    "seal24",
    "spent37",
    "spent38",
    "train24",
    "tune26",
    "seal25",
    "spent39",
    "spent40",
    "train25",
    "tune27",
    "seal26",
    "spent41",
    "spent42",
    "train26",
    "tune28",
    "seal27",
    "spent43",
    "spent44",
    "train27",
    "tune29",
    "seal28",
    "spent45",
    "spent46",
    "train28",
    "tune30",
    "seal29",
    "spent47",
    "spent48",
    "train29",
    "tune31",
    "seal30",
    "spent49",
    "spent50",
    "train30",
)
"""Annotated splits open for training: ``dev`` is ``../shared/eval-corpus/dev``, the rest
``tests/privacy/corpus/<name>``. Sealed test sets (``seal31`` and later, anything under ``sealed-*``) are not
here and are refused; ``seal6`` to ``seal10`` are spent (scored after tuning) and open, and so are ``spent2`` to
``spent6``, ``spent9`` and ``spent10``: the lead's private held-out sets of rounds two to six and eight, brought
into the repository once spent; so are ``spent11`` and ``spent12``, of round nine.
``tune9`` is open: the ten open transcripts of round heldout8, written with ``seal8``. ``tune10`` is open: the
six open transcripts of round heldout9, written with ``seal9`` (spent after round seven, open since round
eight). ``tune11`` and ``seal10`` (round heldout10) were opened at the end of round eight, once scored;
``tune12`` and ``seal11`` (round heldout11) at the end of round nine; ``tune13`` and ``seal12`` (round heldout12)
and ``spent13``/``spent14`` (the lead's private sets of round ten) at the start of round eleven.
``train15`` holds training transcripts written in round eleven (benchmarks/results/train15.md): open from the start,
never a held-out set. ``train16`` holds more training transcripts written in round eleven
(benchmarks/results/train16.md), open from the start too. ``tune14`` and ``seal13`` (round heldout13) and
``spent15``/``spent16`` (the lead's private sets of round eleven) were opened at the start of round twelve, once
scored after round eleven. ``train17`` holds training transcripts written in round twelve
(benchmarks/results/train17.md), open from the start. ``tune15`` and ``seal14`` (round heldout14) and
``spent17``/``spent18`` (the lead's private sets of round twelve) were opened at the start of round thirteen, once
scored after round twelve. ``tune16`` and ``seal15`` (round heldout15) and ``spent19``/``spent20`` (the lead's
private sets of round thirteen) were opened at the start of round fourteen, once scored after round thirteen.
``tune17`` and ``seal16`` (round heldout16) and ``spent21``/``spent22`` (the lead's private sets of round
fourteen) were opened at the start of round fifteen, once scored after round fourteen. ``tune18`` and ``seal17``
(round heldout17) and ``spent23``/``spent24`` (the lead's private sets of round fifteen) were opened at the start of
round sixteen, once scored after round fifteen. ``tune19`` and ``seal18`` (round heldout18) and ``spent25``/``spent26``
(the lead's private sets of round sixteen) were opened at the start of round seventeen, once scored after round
sixteen. ``tune20`` and ``seal19`` (round heldout19) and ``spent27``/``spent28`` (the lead's private sets of round
seventeen) were opened at the start of round eighteen, once scored after round seventeen. ``tune21`` and ``seal20``
(round heldout20) and ``spent29``/``spent30`` (the lead's private sets of round eighteen) were opened at the start of
round nineteen, once scored after round eighteen. ``tune22`` and ``seal21`` (round heldout21) and
``spent31``/``spent32`` (the lead's private sets of round nineteen) were opened at the start of round twenty, once
scored after round nineteen. ``train21`` holds training transcripts written in round twenty
(benchmarks/results/train21.md), open from the start. ``tune23`` and ``seal22`` (round heldout22) and
``spent33``/``spent34`` (the lead's private sets of round twenty) were opened at the start of round twenty-one, once
scored after round twenty. ``train22`` holds training transcripts written in round twenty-one
(benchmarks/results/train22.md), open from the start. ``tune24`` and ``seal23`` (round heldout23) and
``spent35``/``spent36`` (the lead's private sets of round twenty-one) were opened at the start of round twenty-two,
once scored after round twenty-one. ``train23`` holds training transcripts written in round twenty-two
(benchmarks/results/train23.md), open from the start. ``tune25`` and ``seal24`` (round heldout24) and
``spent37``/``spent38`` (the lead's private sets of round twenty-two) were opened at the start of round twenty-three,
once scored after round twenty-two. ``train24`` holds training transcripts written in round twenty-three
(benchmarks/results/train24.md), open from the start. ``tune26`` and ``seal25`` (round heldout25) and
``spent39``/``spent40`` (the lead's private sets of round twenty-three) were opened at the start of round
twenty-four, once scored after round twenty-three. ``train25`` holds training transcripts written in round
twenty-four (benchmarks/results/train25.md), open from the start. ``tune27`` and ``seal26`` (round heldout26) and
``spent41``/``spent42`` (the lead's private sets of round twenty-four) were opened at the start of round
twenty-five, once scored after round twenty-four. ``train26`` holds training transcripts written in round
twenty-five (benchmarks/results/train26.md), open from the start. ``tune28`` and ``seal27`` (round heldout27) and
``spent43``/``spent44`` (the lead's private sets of round twenty-five) were opened at the start of round
twenty-six, once scored after round twenty-five. ``train27`` holds training transcripts written in round
twenty-six (benchmarks/results/train27.md), open from the start. ``tune29`` and ``seal28`` (round heldout28) and
``spent45``/``spent46`` (the lead's private sets of round twenty-six) were opened at the start of round
twenty-seven, once scored after round twenty-six. ``train28`` holds training transcripts written in round
twenty-seven (benchmarks/results/train28.md), open from the start. ``tune30`` and ``seal29`` (round heldout29) and
``spent47``/``spent48`` (the lead's private sets of round twenty-seven) were opened at the start of round
twenty-eight, once scored after round twenty-seven. ``train29`` holds training transcripts written in round
twenty-eight (benchmarks/results/train29.md), open from the start. ``tune31`` and ``seal30`` (round heldout30) and
``spent49``/``spent50`` (the lead's private sets of round twenty-eight) were opened at the start of round
twenty-nine, once scored after round twenty-eight. ``train30`` holds training transcripts written in round
twenty-nine (benchmarks/results/train30.md), open from the start."""
SEED: Final = 11
STAGE_SETTINGS: Final[dict[str, float]] = {
    "c": 0.5,
    "drop": 1.01,
    "retype": 0.5,
    "min_splits": 1,
    "typer_c": 0.5,
    "typer_cut": 0.8,
}
"""The precision stage's regularisation and thresholds, chosen by benchmarks/deid_precision_cv.py; ``typer_c`` and
``typer_cut``: the detector-blind typer's (:mod:`makna.privacy._typer`), the cut chosen by grouped cross-validation
over the training splits (0.5 to 0.8 and none tried; benchmarks/results/type20.md); a cut of 1.01 or more: no
typer."""
STAGE_DROPS: Final[dict[str, float]] = {"LOCATION": 0.8}
"""Per-type drop thresholds of the precision stage (a type not here uses ``STAGE_SETTINGS["drop"]``)."""
STAGE_WITHOUT: Final[tuple[str, ...]] = ("coord=",)
"""Features the stage itself leaves out (its typer weighs them): the list feature moved the stage by one span in
leave-the-four-out (benchmarks/results/type20.md)."""
STAGE_VOTE: Final = ""
"""The precision stage's document-level vote (:attr:`~makna.privacy.precision.PrecisionStage.vote`)."""
STAGE_TYPER_CUTS: Final[dict[str, float]] = {}
"""The typer's cuts by detector family and/or new type (``PrecisionStage.typer_cuts``; none: ``typer_cut`` for all).
named21's grouped CV chose ``{"org": 1.01}`` (the typer never retypes an ``org.*`` span: +13 of 22,727, ORG .889 ->
.900) and leave-the-four-out moved by one span (benchmarks/results/named21.md): below the merge bar, not set."""
STAGE_RETYPES: Final[dict[str, float]] = {}
"""Retype thresholds of the precision stage by the new type (a type not here uses ``STAGE_SETTINGS["retype"]``)."""
_FORBIDDEN: Final = ("seal31", "sealed-", "suggest-unseen", "heldout31", "wt-heldout31")


@dataclass(frozen=True)
class Settings:
    """What cross-validation chose (benchmarks/deid_learned_cv.py)."""

    c1: float = 0.05
    c2: float = 0.05
    iterations: int = 150
    threshold: float = 0.5
    anchor_share: float = 0.25
    rule_dropout: float = 0.5  # share of rule spans hidden from a second copy of each transcript
    retype: float = 0.0  # model probability above which a named rule span takes the model's type (0: never)
    extend: bool = True  # a model span of a rule span's type that covers it replaces it
    augment: int = 1  # training copies of each transcript with other names and places (makna.privacy._augment)
    blend: float = 0.5  # share of the copies' new words made by blending two listed words
    elsewhere: bool = False  # document-level features: the types rules gave the same word elsewhere
    vocab_splits: int = 0  # word-identity features only for words seen in this many splits or more (0: all)
    minfreq: int = 0  # crfsuite's feature.minfreq: features seen fewer times are left out


@dataclass(frozen=True)
class Example:
    """One transcript prepared for the tagger: its tokens, windows, rule detections and gold spans."""

    doc: GoldDocument
    split: str
    scan: str
    tokens: list[Token]
    rules: list[Detection]
    runs: list[CapRun]
    augmented: bool = False  # a training copy (makna.privacy._augment), never scored


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
    return [_example(doc, split) for split, items in docs.items() for doc in items]


def _example(doc: GoldDocument, split: str, augmented: bool = False) -> Example:
    with disabled(), stage_disabled():
        scan = mask_labels(doc.text, find_labels(doc.text))
        rules = detect(doc.text, language=doc.language)
    return Example(doc, split, scan, tokenize(scan), rules, cap_runs(scan), augmented)


_COPIES: dict[tuple[str, str, str, int, float, int, frozenset[str]], Example] = {}


def augmented(data: Sequence[Example], copies: int, blend: float, seed: int = SEED) -> list[Example]:
    """``copies`` training copies of every original in ``data`` whose names and places are replaced
    (:func:`makna.privacy._augment.substitute`; each copy's randomness depends on the seed, the split, the
    document and the copy's number only), with the rules run on each; kept for the process's life
    (cross-validation trains many models on the same copies)."""
    from ._augment import substitute  # noqa: PLC0415

    keep = org_words(data)
    out: list[Example] = []
    for ex in data:
        if ex.augmented:
            continue
        for n in range(copies):
            key = (ex.split, ex.doc.id, ex.doc.text, n, blend, seed, keep)
            got = _COPIES.get(key)
            if got is None:
                rng = random.Random(f"{seed}:{ex.split}/{ex.doc.id}:{n}")
                got = _COPIES[key] = _example(substitute(ex.doc, rng, blend, keep), ex.split, augmented=True)
            out.append(got)
    return out


def org_words(data: Sequence[Example]) -> frozenset[str]:
    """Lower-cased words found inside gold organisation names of two splits or more ("ltd", "toko", "bank"):
    what marks a name as an organisation's, kept by the training copies."""
    where: dict[str, set[str]] = {}
    for ex in data:
        if not ex.augmented:
            for s, e, kind in ex.doc.pii:
                if kind == "ORG":
                    for word in ex.doc.text[s:e].split():
                        where.setdefault(word.strip(".,'’()").lower(), set()).add(ex.split)
    return frozenset(w for w, s in where.items() if len(s) >= 2)


def vocabulary(data: Sequence[Example], splits: int) -> frozenset[str]:
    """Lower-cased word forms of the originals in ``data`` that occur in ``splits`` splits or more: the words
    whose identity the model may learn (a rarer word is most often one writer's name or place)."""
    where: dict[str, set[str]] = {}
    for ex in data:
        if not ex.augmented:
            for _, _, word in ex.tokens:
                where.setdefault(word.lower(), set()).add(ex.split)
    return frozenset(w for w, s in where.items() if len(s) >= splits)


def anchor_words(data: Sequence[Example], share: float) -> frozenset[str]:
    """Lower-case words that lie inside gold identifiers at least ``share`` of the times they occur (twice
    or more): "tahun", "puluh", "years"; their tokens are tagged even in lower-case stretches."""
    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for ex in (ex for ex in data if not ex.augmented):
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
    for ex in (ex for ex in data if not ex.augmented):
        for s, e, word in ex.tokens:
            total[word] += 1
            if any(g[0] < e and s < g[1] for g in ex.doc.pii):
                inside.add(word)
    return frozenset(w for w, n in total.items() if n >= 2 and w not in inside and w[0].isalnum())


def _sequences(
    data: Sequence[Example],
    words: frozenset[str],
    skip: frozenset[str],
    settings: Settings,
    rng: random.Random,
    vocab: frozenset[str] | None = None,
) -> list[tuple[list[list[str]], list[str]]]:
    """Tagger sequences of every transcript, as :func:`makna.privacy.learned.model_spans` builds them; with
    rule dropout, a second copy of each transcript whose rule spans are each hidden with that probability, so
    the model learns to find what rules miss on text they were not written for (on their own tuning splits
    they miss almost nothing)."""
    from .learned import _words_rx, sequences  # noqa: PLC0415

    words_rx = _words_rx(words)
    dropout = settings.rule_dropout
    seqs: list[tuple[list[list[str]], list[str]]] = []
    for ex in data:
        variants = [ex.rules]
        if dropout > 0:
            variants.append([d for d in ex.rules if rng.random() >= dropout])
        for rules in variants:
            found = sequences(
                ex.scan, ex.doc.language, rules, ex.runs, words_rx, skip, elsewhere=settings.elsewhere, vocab=vocab
            )
            seqs.extend((feats, label_tokens(win, ex.doc.pii)) for win, feats in found)
    return seqs


def train(
    data: Sequence[Example], out_dir: Path, settings: Settings = Settings(), seed: int = SEED
) -> dict[str, Any]:
    """Train on ``data``; write the model and its record into ``out_dir``; return the record."""
    import pycrfsuite  # noqa: PLC0415

    words = anchor_words(data, settings.anchor_share)
    skip = skip_words(data)
    rng = random.Random(seed)
    vocab = vocabulary(data, settings.vocab_splits) if settings.vocab_splits > 0 else None
    if settings.augment:
        data = [*data, *augmented(data, settings.augment, settings.blend, seed)]
    seqs = _sequences(data, words, skip, settings, rng, vocab)
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
            "feature.minfreq": settings.minfreq,
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
            "augment": settings.augment,
            "blend": settings.blend,
            "vocab_splits": settings.vocab_splits,
            "minfreq": settings.minfreq,
        },
        "threshold": settings.threshold,
        "retype": settings.retype,
        "extend": settings.extend,
        "elsewhere": settings.elsewhere,
        "documents": sum(not ex.augmented for ex in data),
        "copies": sum(ex.augmented for ex in data),
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
    parser.add_argument(
        "--stage-only",
        type=Path,
        metavar="CACHE",
        help="refit the precision stage (from out-of-fold detections kept in CACHE) and the organisation context "
        "model only "
        "(benchmarks/deid_precision_cv.py --cache CACHE writes it; made now when absent); the CRF stays",
    )
    parser.add_argument("--groups", type=int, default=0, help="with --stage-only: out-of-fold CRFs per group of splits")
    args = parser.parse_args(argv)
    docs = load_splits(args.root)
    if not docs:
        raise SystemExit(f"no annotated splits under {args.root} (run it from a repository checkout, or pass --root)")
    data = examples(docs)
    if args.stage_only:
        _stage_only(data, docs, args.root, args.out, args.stage_only, args.groups)
        return
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
    _write_stage(stage, args.out)
    _write_orgcontext(data, args.out, {"splits": list(docs), "files": len(files), "data_sha256": record["data_sha256"],
                                       "command": "python -m makna.privacy.train"})


def _write_orgcontext(data: Sequence[Example], out: Path, record: dict[str, Any]) -> None:
    """Train and write the organisation context model (the rules' detections of ``data``; no CRF)."""
    from .orgcontext_train import write_model  # noqa: PLC0415  (scikit-learn, as the stage)

    path = write_model(data, out, record)
    print(f"organisation context model: {path} (sha256 {hashlib.sha256(path.read_bytes()).hexdigest()})")


def _stage_only(
    data: Sequence[Example], docs: dict[str, list[GoldDocument]], root: Path, out: Path, cache: Path, groups: int
) -> None:
    """Refit and write the learned parts that sit on the CRF's output or on none: the precision stage, from the
    out-of-fold detections in ``cache`` (pickled by ``benchmarks/deid_precision_cv.py --cache``; made and kept
    there when absent), and the organisation context model (the rules' detections alone); the CRF files stay."""
    import pickle  # noqa: PLC0415  (a cache this repository's own benchmark wrote)

    from .precision_train import out_of_fold  # noqa: PLC0415

    crf = json.loads((out / RECORD_FILE).read_text(encoding="utf-8")) if (out / RECORD_FILE).is_file() else {}
    digest = data_digest(root, list(docs))
    if crf.get("data_sha256") != digest:
        raise SystemExit(f"the CRF in {out} was trained on other data than the open splits now: retrain it first "
                         "(python -m makna.privacy.train), or the stage would not match it")
    if cache.exists():
        oof: dict[int, list[Detection]] = pickle.loads(cache.read_bytes())  # noqa: S301
        if len(oof) != len(data):
            raise SystemExit(f"{cache} holds {len(oof)} transcripts, not {len(data)}: made from other splits")
    else:
        oof = out_of_fold(data, Settings(), groups)
        cache.write_bytes(pickle.dumps(oof))
    stage = train_stage(data, oof=oof)
    files = sum(len(items) for items in docs.values())
    stage.record.update({"splits": list(docs), "files": files, "data_sha256": digest,
                         "crf_sha256": crf.get("model_sha256", ""),
                         "command": "python -m makna.privacy.train --stage-only CACHE"})
    _write_stage(stage, out)
    _write_orgcontext(data, out, {"splits": list(docs), "files": files, "data_sha256": digest,
                                  "command": "python -m makna.privacy.train --stage-only CACHE"})


def _write_stage(stage: PrecisionStage, out: Path) -> None:
    """Write ``stage`` as ``out/deid_precision.json`` (keys sorted: the same model gives the same bytes)."""
    path = out / STAGE_FILE
    body = json.dumps(stage.as_record(), indent=1, ensure_ascii=False, sort_keys=True)
    path.write_text(body + "\n", encoding="utf-8")
    print(f"precision stage: {path} ({stage.record['examples']} detections, sha256 "
          f"{hashlib.sha256(path.read_bytes()).hexdigest()})")


def train_stage(
    data: Sequence[Example], settings: Settings = Settings(), oof: dict[int, list[Detection]] | None = None
) -> PrecisionStage:
    """The precision stage, fitted on out-of-fold detections of ``data`` (``oof``, or made now: a CRF per split
    trained on the others refines the rules' output of that split), with :data:`STAGE_SETTINGS`."""
    from .precision_train import fit_stage, fit_typer, out_of_fold, stage_data  # noqa: PLC0415

    folds = stage_data(data, oof if oof is not None else out_of_fold(data, settings))
    s = STAGE_SETTINGS
    stage = fit_stage(folds, c=s["c"], drop=s["drop"], retype=s["retype"], min_splits=int(s["min_splits"]),
                      retype_weight=s.get("retype_weight", 1.0), without=STAGE_WITHOUT)
    stage.drops = dict(STAGE_DROPS)
    stage.vote = STAGE_VOTE
    stage.retypes = dict(STAGE_RETYPES)
    if s.get("typer_cut", 1.01) < 1.01:
        stage.typer = fit_typer(folds, c=s["typer_c"], cut=s["typer_cut"])
        stage.typer_cut = s["typer_cut"]
        stage.typer_cuts = dict(STAGE_TYPER_CUTS)
    return stage


if __name__ == "__main__":
    main()
