"""Calibration on held-back data: a confidence of 0.8 means about 8 in 10 right on sources the model
and its calibration never saw; and the parts of the model (features, calibrator, kappa)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from synth import CODEBOOK, transcript

from makna.suggest.classifier import CodeText, Example, fit_calibrator, train
from makna.suggest.features import pivot, word_features
from makna.suggest.reliability import binary_scores, measure


def _examples(n_sources: int, seed: int, noise: float) -> list[Example]:
    """Informant turns of ``n_sources`` transcripts, their theme as gold; a share ``noise`` of the gold
    labels is wrong (coders disagree), so that confidence has something to be calibrated to."""
    rng = random.Random(seed)
    out = []
    for i in range(n_sources):
        lang = "id" if i % 2 else "en"
        text, gold = transcript(rng, lang, turns=12)
        lines = text.split("\n")
        for theme, line in gold:
            if rng.random() < noise:
                theme = rng.choice(["", *(c["key"] for c in CODEBOOK)])
            out.append(Example(lines[line], lang, frozenset({theme} if theme else ()), f"{seed}-{i}"))
    return out


CB = [CodeText(str(c["key"]), (("en", f"{c['name']}. {c['definition']}"),)) for c in CODEBOOK]


def test_confidence_is_calibrated_on_held_back_sources() -> None:
    train_ex = _examples(16, seed=3, noise=0.2)
    held = _examples(20, seed=4, noise=0.2)
    model = train(train_ex, CB)
    rel = measure(train_ex, CB, model.codes)
    model.calibrator = rel.calibrator
    conf = model.confidence([e.text for e in held], [e.language for e in held])
    truth = np.array([[c in e.codes for c in model.codes] for e in held])
    conf, truth = conf.ravel(), truth.ravel()
    # expected calibration error over ten bins, and each well-filled bin on its own
    ece = _ece(conf, truth, check_bins=True)
    assert ece < 0.06
    high = conf >= 0.8
    assert high.sum() >= 20 and truth[high].mean() >= 0.7  # "0.8 means about 8 in 10"
    # the raw scores squashed without calibration are worse: calibration is doing the work
    raw = model.raw([e.text for e in held], [e.language for e in held]).ravel()
    assert ece < _ece(1 / (1 + np.exp(-raw)), truth)


def _ece(conf: np.ndarray, truth: np.ndarray, *, check_bins: bool = False) -> float:
    """Expected calibration error over ten bins; with ``check_bins`` each well-filled bin is checked too."""
    edges = np.linspace(0, 1, 11)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (conf >= lo) & (conf < hi if hi < 1 else conf <= hi)
        if inside.sum() == 0:
            continue
        gap = abs(conf[inside].mean() - truth[inside].mean())
        ece += inside.mean() * gap
        if check_bins and inside.sum() >= 40:
            assert gap < 0.15, (lo, hi, conf[inside].mean(), truth[inside].mean())
    return float(ece)


def test_calibrator_kinds() -> None:
    rng = np.random.default_rng(0)
    raw = rng.normal(size=2000)
    truth = rng.random(2000) < 1 / (1 + np.exp(-2 * raw))
    iso = fit_calibrator(raw, truth)
    assert iso.kind == "isotonic"
    few = fit_calibrator(raw[:150], truth[:150])
    assert few.kind == "sigmoid" and 1.0 < few.a < 4.0
    for cal in (iso, few):
        out = cal(np.array([-3.0, 0.0, 3.0]))
        assert out[0] < 0.2 < out[1] < 0.8 < out[2] and np.all(np.diff(out) >= 0)
    flat = fit_calibrator(raw, np.zeros(2000, dtype=bool))  # nothing to learn from: identity sigmoid
    assert flat.kind == "sigmoid" and flat.a == 1.0


def test_kappa_and_f1() -> None:
    t = np.array([1, 1, 0, 0, 0, 0, 1, 0], dtype=bool)
    assert binary_scores(t, t) == (1.0, 1.0)
    f1, kappa = binary_scores(t, ~t)
    assert f1 == 0.0 and kappa < 0
    f1, kappa = binary_scores(t, np.array([1, 0, 0, 0, 0, 1, 1, 0], dtype=bool))
    assert f1 == pytest.approx(2 / 3) and kappa == pytest.approx((6 / 8 - (3 / 8 * 3 / 8 + 5 / 8 * 5 / 8))
                                                                 / (1 - (3 / 8 * 3 / 8 + 5 / 8 * 5 / 8)))


@pytest.mark.parametrize(("word", "lang", "expected"), [
    ("ditipu", "id", "cheat"), ("nipu", "id", "cheat"), ("cheated", "en", "cheat"), ("diblokir", "id", "block"),
    ("nggak", "id", ""), ("uangnya", "id", "money"), ("razia", "id", "polic"), ("raided", "en", "polic"),
    ("supervisor", "en", "boss"), ("atasan", "id", "boss"),
])
def test_cross_language_pivots(word: str, lang: str, expected: str) -> None:
    assert pivot(word, lang) == expected


def test_word_features_skip_stop_words_and_numbers() -> None:
    feats = word_features("Aku nggak dibayar 500 ribu sama dia", "id")
    assert "id:bayar" in feats and "x:pay" in feats
    assert not any(f.endswith((":aku", ":dia", ":500", ":nggak", ":tidak")) for f in feats)


def test_an_english_codebook_suggests_for_indonesian_text() -> None:
    """No coded example at all: the English definitions alone rank the right code first for Indonesian turns."""
    model = train([], CB)
    texts = ["Aku ditipu, dia kabur nggak bayar.", "Nomor aku langsung diblokir.", "Ada razia petugas di jalan."]
    raw = model.raw(texts, ["id"] * 3)
    assert [model.codes[j] for j in raw.argmax(axis=1)] == ["fraud", "blocked", "raid"]


def test_without_scikit_learn_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from makna.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "sklearn", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'makna\[suggest\]'"):
        train([], CB)
