"""Training copies for the learned layer (issue 11): other names and places, exact offsets, deterministic,
drawn from open splits only; and the features that travel (document-level evidence, word identity kept to
the words many writers use)."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy._augment import SUBSTITUTED, substitute
from makna.privacy._features import rule_words, tokenize, window_features, windows
from makna.privacy.evaluate import GoldDocument
from makna.privacy.train import (
    Settings,
    augmented,
    examples,
    load_splits,
    org_words,
    split_dir,
    train,
    vocabulary,
)
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parents[2]

TEXT = (
    "P: Siapa namanya?\nI: Wanjiru Njeri, Kak. Panggil Wanjiru aja. Kerja di Greenbridge Staffing Ltd "
    "di Splott, Cardiff. Nomor 0812 3456 7890.\nP: Umur?\nI: 36 tahun."
)


def _span(text: str, part: str, kind: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part), kind


GOLD = (
    _span(TEXT, "Wanjiru Njeri", "PERSON"),
    _span(TEXT, "Wanjiru", "PERSON", 1),
    _span(TEXT, "Greenbridge Staffing Ltd", "ORG"),
    _span(TEXT, "Splott", "LOCATION"),
    _span(TEXT, "Cardiff", "LOCATION"),
    _span(TEXT, "0812 3456 7890", "PHONE"),
    _span(TEXT, "36 tahun", "AGE"),
)
DOC = GoldDocument("t", "id", TEXT, GOLD)


def _outside(doc: GoldDocument) -> list[str]:
    """The text between and around the gold spans."""
    parts, pos = [], 0
    for s, e, _ in doc.pii:
        parts.append(doc.text[pos:s])
        pos = e
    return [*parts, doc.text[pos:]]


def test_offsets_are_exact_and_only_identifiers_change() -> None:
    copy = substitute(DOC, random.Random(3), keep={"ltd"})
    assert [k for *_, k in copy.pii] == [k for *_, k in DOC.pii]
    assert _outside(copy) == _outside(DOC)  # every character outside an identifier is the original's
    old = {k: DOC.text[s:e] for s, e, k in DOC.pii}
    new = {k: copy.text[s:e] for s, e, k in copy.pii}
    assert new["PHONE"] == old["PHONE"] and new["AGE"] == old["AGE"]  # structured types keep their text
    assert new["PERSON"] != old["PERSON"] and new["LOCATION"] != old["LOCATION"]
    org = copy.text[copy.pii[2][0] : copy.pii[2][1]]
    assert org.endswith("Staffing Ltd") or org.endswith(" Ltd")  # the organisation's mark is kept
    assert "Greenbridge" not in copy.text


def test_the_same_word_gets_the_same_replacement() -> None:
    copy = substitute(DOC, random.Random(5))
    full = copy.text[copy.pii[0][0] : copy.pii[0][1]]
    first = copy.text[copy.pii[1][0] : copy.pii[1][1]]
    assert full.split(" ")[0] == first  # "Wanjiru Njeri" and "Wanjiru" stay one person


def test_copies_are_deterministic_and_vary_by_seed() -> None:
    a = substitute(DOC, random.Random("11:x/t:0"))
    b = substitute(DOC, random.Random("11:x/t:0"))
    c = substitute(DOC, random.Random("11:x/t:1"))
    assert a == b
    assert a.text != c.text


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(["Ana", "Budi Santoso", "Jalan Melati 4", "PT Sinar", "Padang", "x", "Rt. 3"]),
           min_size=1, max_size=6),
    kinds=st.lists(st.sampled_from(sorted(SUBSTITUTED) + ["PHONE", "DATE"]), min_size=6, max_size=6),
    seed=st.integers(0, 10_000),
)
def test_offsets_exact_for_any_document(words: list[str], kinds: list[str], seed: int) -> None:
    text, spans = "", []
    for i, word in enumerate(words):
        text += f"kata {i}, "
        spans.append((len(text), len(text) + len(word), kinds[i]))
        text += word
    text += " selesai."
    doc = GoldDocument("h", "id", text, tuple(spans))
    copy = substitute(doc, random.Random(seed))
    assert _outside(copy) == _outside(doc)
    for (s, e, k), (s2, e2, k2) in zip(doc.pii, copy.pii, strict=True):
        assert k == k2 and e2 > s2
        if k not in SUBSTITUTED:
            assert copy.text[s2:e2] == text[s:e]


def test_training_copies_are_made_from_open_splits_only() -> None:
    data = examples(load_splits(ROOT, ("tune",)))
    copies = augmented(data, 2, 0.5)
    assert len(copies) == 2 * len(data)
    assert {c.split for c in copies} == {"tune"} and all(c.augmented for c in copies)
    assert augmented(data, 2, 0.5) == copies  # the same copies again
    assert augmented(copies, 1, 0.5) == []  # a copy is never copied
    for name in ("seal31", "sealed-x", "heldout31"):
        with pytest.raises(ValueError):
            split_dir(ROOT, name)


def test_org_words_and_vocabulary_need_several_splits() -> None:
    data = examples(load_splits(ROOT, ("tune", "tune2", "tune3")))
    assert all(w == w.lower() for w in org_words(data))
    vocab = vocabulary(data, 2)
    assert "yang" in vocab or "the" in vocab
    names = {ex.doc.text[s:e].lower() for ex in data for s, e, k in ex.doc.pii if k == "PERSON" and " " not in ex.doc.text[s:e]}
    assert len(names & vocab) < len(names) / 2  # most names are one writer's: their identity is not learned


def test_document_level_evidence_and_vocabulary_filter() -> None:
    text = "Ketemu Ratna di pasar. Ratna Dewi juga datang."
    rules = [Detection(23, 33, "PERSON", 0.9, "person.cue", "Ratna Dewi")]
    typed = rule_words(rules)
    assert typed == {"ratna": "PERSON", "dewi": "PERSON"}
    toks = tokenize(text)
    wins = windows(text, [(7, 12)])
    feats = window_features(wins[0], rules, [23], set(), "id", typed, vocab={"di"})
    ratna = next(f for w, f in zip(wins[0].tokens[wins[0].lo : wins[0].hi], feats, strict=True) if w[2] == "Ratna")
    assert "doc=PERSON" in ratna
    assert not any(f.startswith("w=") for f in ratna)  # "ratna" is not in the vocabulary
    assert "1:di" in ratna and not any(f.startswith("-1:") for f in ratna)
    assert toks  # the text tokenises


def test_training_with_copies_is_deterministic(tmp_path: Path) -> None:
    data = examples(load_splits(ROOT, ("tune",)))
    config = Settings(iterations=20, augment=1, elsewhere=True, vocab_splits=1)
    digests = [train(data, tmp_path / run, config)["model_sha256"] for run in ("a", "b")]
    assert digests[0] == digests[1]
    assert hashlib.sha256((tmp_path / "a" / "deid_model.crfsuite").read_bytes()).hexdigest() == digests[0]


def test_per_type_drop_thresholds() -> None:
    from makna.privacy.precision import NONE, PrecisionStage, apply_stage, stage_from_record, using_stage

    text = "Aku ketemu Zorblat di Plinth."
    found = [
        Detection(11, 18, "PERSON", 0.6, "person.cue", "Zorblat"),
        Detection(22, 28, "LOCATION", 0.6, "place.cue", "Plinth"),
    ]
    classes = (NONE, "LOCATION", "ORG", "PERSON")
    weights: dict[str, tuple[float, ...]] = {"type=PERSON": (2.0, 0.0, 0.0, 0.0), "type=LOCATION": (2.0, 0.0, 0.0, 0.0)}
    stage = PrecisionStage(classes, (0.0,) * 4, weights, 1.01, 1.01, {}, {"LOCATION": 0.5})
    with using_stage(stage):
        assert [d.text for d in apply_stage(text, "id", found)] == ["Zorblat"]  # only LOCATION has a drop
    again = stage_from_record(stage.as_record())
    assert again.drops == {"LOCATION": 0.5} and again.drop == 1.01
    assert stage.uses("type=") and not stage.uses("undetected-elsewhere|")  # unweighted: not computed


def test_a_string_written_again_undetected_is_a_feature() -> None:
    from makna.privacy.precision import document_features

    text = "Semoga lancar. Ketemu Rina di pasar. Semoga saja, Rina."
    found = [
        Detection(0, 6, "PERSON", 0.5, "unknown.capitalised", "Semoga"),
        Detection(22, 26, "PERSON", 0.9, "person.cue", "Rina"),
        Detection(50, 54, "PERSON", 0.9, "person.cue", "Rina"),
    ]
    feats = document_features(text, "id", found)
    assert "undetected-elsewhere|PERSON" in feats[0]  # "Semoga" again, undetected
    assert "undetected-elsewhere|PERSON" not in feats[1]  # every "Rina" is detected
