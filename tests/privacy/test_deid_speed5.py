"""The speed rewrites of the learned passes (issue 11, round nine) give exactly what the plain code they replace
gives, for any weights a retrained model may have.

The organisation context model scores a name from weights by feature slot (``_Slots``) instead of building each
mention's feature strings: against the maximum of :meth:`OrgContextModel.probability` over
:func:`all_features`, with random weights on every feature the texts produce. Its candidate loop, its
capitals count and its short-window tokenisation against the plain forms they replace; the precision stage's
count of strings written elsewhere against the word pass; the CRF's anchor words as a trie against the plain
alternation.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import learned, precision
from makna.privacy import orgcontext as oc
from makna.privacy._text import cap_runs
from makna.privacy.detect import detect
from makna.privacy.orgcontext import Candidate, OrgContextModel
from makna.privacy.types import Detection


def _plain_candidates(scan: str, found: list[Detection], runs: list[tuple[int, int, str]]) -> list[Candidate]:
    """Round eight's candidate loop."""
    out = [Candidate(d.start, d.end, d.text, d) for d in found if d.type in oc.NAMED]
    taken = bytearray(len(scan) + 1)
    for d in found:
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    stop = oc._stop()
    upper = sum(map(str.isupper, scan))
    if upper > 20 and upper > sum(map(str.islower, scan)):
        runs = []
    i = 0
    while i < len(runs):
        start, end, _text = runs[i]
        while i + 1 < len(runs) and scan[end : runs[i + 1][0]] in {" & ", " and "} and scan[end : end + 2] == " &":
            i += 1
            end = runs[i][1]
        i += 1
        if taken.find(1, start, end) >= 0:
            continue
        words = scan[start:end].split()
        while words and words[0] in stop:
            start = scan.index(words[0], start) + len(words[0])
            start += len(scan[start:end]) - len(scan[start:end].lstrip())
            words.pop(0)
        while words and (words[-1] in stop or words[-1] == "&"):
            end = scan.rindex(words[-1], start, end)
            end = start + len(scan[start:end].rstrip())
            words.pop()
        if not words or words[0] == "I" and len(words) == 1 or len(words) > 5:
            continue
        out.append(Candidate(start, end, scan[start:end], None))
    out.sort(key=lambda c: c.start)
    return out


_PIECES = st.sampled_from(
    (
        "Sinar Laundry The I & and Oak Ember PT Maju Jaya Kalau kerja di ride for works at the dari ikut toko company "
        "Pak Budi Padang ke outskirts of near MiChat 2023 0813 x in Leeds owner Ltd Tbk KERJA Shop Rumah Aman "
        "Zoomdrop ’s -"
    ).split()
    + ["jadi kurir", "di-PHK", "laid off from"]
)
_GLUE = st.sampled_from([" ", " ", " ", "  ", "\t", ", ", ". ", ": ", "\n", "\nI: ", " (", "! ", " & "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_PIECES, _GLUE), min_size=1, max_size=40))
    text = "".join(p + g for p, g in parts)
    return text.upper() if draw(st.integers(0, 9)) == 0 else text


def _random_model(texts: list[str], seed: int) -> OrgContextModel:
    """A model with a random weight (some zero) on every feature the texts' names produce, their ``else:``
    forms included."""
    rng = random.Random(seed)
    feats: set[str] = set()
    for text in texts:
        for mentions in oc.group(oc.candidates(text, detect(text), cap_runs(text))).values():
            for row in oc.all_features(text, mentions):
                feats.update(row)
                feats.update("else:" + f for f in row)
    weights = {f: rng.choice([0.0, rng.uniform(-2, 2)]) for f in sorted(feats)}
    return OrgContextModel(rng.uniform(-2, 1), weights, 0.5, 0.7)


def _check_probabilities(model: OrgContextModel, text: str) -> None:
    for mentions in oc.group(oc.candidates(text, detect(text), cap_runs(text))).values():
        full = max(model.probability(f) for f in oc.all_features(text, mentions))
        assert abs(oc.name_probability(model, text, mentions) - full) < 1e-9


def test_name_probability_by_slots_equals_the_full_features_on_the_dev_corpus(shared_dir: Path) -> None:
    dev = shared_dir / "eval-corpus" / "dev"
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(dev.glob("dev-*.json"))]
    assert texts
    for seed in range(2):
        model = _random_model(texts, seed)
        for text in texts:
            _check_probabilities(model, text)
    shipped = oc.load_model()
    assert shipped is not None
    for text in texts:
        _check_probabilities(shipped, text)


@settings(max_examples=150, deadline=None)
@given(_texts(), st.integers(0, 3))
@example("I: Saya kerja di Sinar Laundry. I ride for  the Zoomdrop, Zoomdrop at\tZoomdrop.\n", 0)
def test_name_probability_by_slots_equals_the_full_features(text: str, seed: int) -> None:
    _check_probabilities(_random_model([text], seed), text)


@settings(max_examples=300, deadline=None)
@given(_texts())
@example("I work at The Oak & Ember now, with Josh & Co and Sinar & Jaya.")
def test_candidates_equal_the_plain_loop(text: str) -> None:
    runs = cap_runs(text)
    found = [d for d in detect(text) if len(d.text) % 2 == 0]  # some runs covered, some not
    assert oc.candidates(text, found, runs) == _plain_candidates(text, found, runs)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
@example("ÉCOLE ÀÉÎ abc DEF" * 3)
def test_capitals_count_equals_the_plain_one(text: str) -> None:
    upper = sum(map(str.isupper, text))
    assert oc._shouting(text) == (upper > 20 and upper > sum(map(str.islower, text)))


_WORD = re.compile(r"[\w'’\-]+|[^\w\s]")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab É1-’'.,: \t\n", max_size=160), st.data())
def test_short_windows_give_the_same_tokens(text: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    line = text[max(0, at - 80) : at]
    assert oc._words_before(text, at) == _WORD.findall(line[line.rfind("\n") + 1 :])[-6:]
    line = text[at : at + 60]
    assert oc._words_after(text, at) == _WORD.findall(line.split("\n")[0])[:5]


def _plain_missed(scan: str, counts: Counter[str]) -> frozenset[str]:
    """Round eight's word pass."""
    singles = {t: n for t, n in counts.items() if len(t) > 2 and t.isalnum()}
    words = Counter(w for w in re.findall(r"\w+", scan) if w in singles)
    return frozenset(t for t, n in singles.items() if words[t] > n)


_NAMEISH = st.sampled_from(["Rina", "Karina", "Rinaldi", "Siti", "ab_", "Ēra", "x2", "Rina2", "rina", "Sitti"])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(_NAMEISH, st.sampled_from([" ", "_", "-", ".", "", "é", "\n", "2"])), max_size=30),
    st.dictionaries(_NAMEISH, st.integers(1, 3), max_size=6),
)
def test_missed_strings_equal_the_word_pass(parts: list[tuple[str, str]], counts: dict[str, int]) -> None:
    scan = "".join(a + b for a, b in parts)
    expected = _plain_missed(scan, Counter(counts))
    assert precision._missed(scan, Counter(counts)) == expected
    with patch.object(precision, "_FEW", 0):  # the word pass, whatever the number of strings
        assert precision._missed(scan, Counter(counts)) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abtuhnl", min_size=1, max_size=6), min_size=1, max_size=12),
    st.text(alphabet="abtuhnl é_\n1.", max_size=120),
)
@example(["tahun", "taun", "taung", "lima", "limabelas", "pulu", "puluh", "puluah"], "limabelas taung pulu puluahx")
def test_anchor_words_trie_finds_what_the_alternation_finds(words: list[str], text: str) -> None:
    plain = re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))) + r")\b")
    trie = learned._words_rx(words)
    assert trie is not None
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
