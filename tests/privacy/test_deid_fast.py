"""The fast-scan rewrites give exactly the matches of the plain patterns, and detect() did not change.

The snapshot below was taken with the detectors as they were before the speed work (commit 01e962b), on a
fixed sample of the benchmark's synthetic corpus: any change to what ``detect()`` finds shows up here.
Issue 11 changed only confidences: an introduction that says a name follows ("namanya X") now gives 0.9,
not 0.85 (same spans, types and counts). Branch deidstruct: 88 ages in apposition to a name ("Sari, 21 tahun,")
come from age.apposed at 0.8 instead of age.comma at 0.75 (same spans, types and counts).
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy._ci import ci
from makna.privacy._fastrx import Cue, SharedScan, dispatch, gated_finditer, literal_prefix, split_top, trigger
from makna.privacy.precision import stage_disabled

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "deid_bench.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deid_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_detect_snapshot_on_synthetic_corpus() -> None:
    text = _bench().corpus(0.3, seed=11)
    with stage_disabled():  # the detectors and the CRF layer; the precision stage is retrained on its own
        dets = detect(text, language="id", known_names=["Okafor"])
    counts = Counter(d.type for d in dets)
    assert dict(counts) == {
        "ADDRESS": 212,
        "AGE": 212,
        "DATE": 223,
        "EMAIL": 96,
        "LOCATION": 700,
        "NATIONAL_ID": 223,
        "ORG": 114,
        "PERSON": 452,
        "PHONE": 215,
        "PLATE": 133,
    }
    digest = hashlib.sha256(repr([(d.start, d.end, d.type, d.confidence, d.detector) for d in dets]).encode())
    assert digest.hexdigest()[:16] == "043bbf936cf835b3"


def test_split_top_respects_groups_classes_and_escapes() -> None:
    assert split_top(r"a(?:b|c)|[|]d|e\|f") == ["a(?:b|c)", "[|]d", r"e\|f"]


_WORDS = ["Mbak", "mas", "Da", "H.", "Hj.", "di", "dari", "I'm", "age of", "age", "x+", "Kel."]
_ALPHABET = "MmbakKsSdDiIrRhHjJ.'’ -+\n\tgeofxXlL1"


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_ALPHABET, max_size=60),
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6, unique=True),
    fold=st.booleans(),
    not_after=st.sampled_from([None, r"\w", r"\w\-", r"\w+"]),
)
def test_dispatch_matches_plain_alternation(text: str, words: list[str], fold: bool, not_after: str | None) -> None:
    alts = [re.escape(w) for w in words]
    body = "|".join(ci(a) if fold else a for a in alts)
    guard = f"(?<![{not_after}])" if not_after else ""
    rest = r"[ \t]+(?P<n>[A-Z][\w'’\-]*)?"
    plain = re.compile(f"{guard}(?:{body}){rest}")
    fast = re.compile(dispatch(alts, fold=fold, not_after=not_after) + rest)
    for pos in (0, len(text) // 2):
        want = [(m.span(), m.group("n")) for m in plain.finditer(text, pos)]
        assert [(m.span(), m.group("n")) for m in fast.finditer(text, pos)] == want


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab12 \n-/.", max_size=80))
def test_gated_finditer_matches_finditer(text: str) -> None:
    rx = re.compile(r"(?<![\w])\d+[ -]?(?:ab|b)\b")
    gate = trigger(["b"])
    assert [m.span() for m in gated_finditer(rx, gate, text)] == [m.span() for m in rx.finditer(text)]


def test_literal_prefix_stops_at_operators_and_quantified_characters() -> None:
    assert literal_prefix(r"Jln\.?") == "Jln"
    assert literal_prefix(r"\+\d+") == "+"
    assert literal_prefix(r"nama(?:ku|nya)?") == "nama"
    assert literal_prefix(r"user\s?name") == "user"
    assert literal_prefix(r"Guest\ House") == "Guest House"
    assert literal_prefix(r"I'm") == "I'm"


_CUE_TEXT = st.text(alphabet="MmbakKsSdDiIrRTtuUpPoOnNyY.'’ -+\n\t:,1234567890", max_size=80)


@settings(max_examples=300, deadline=None)
@given(text=_CUE_TEXT, cut=st.integers(min_value=0, max_value=80), width=st.integers(min_value=1, max_value=30))
def test_shared_scan_matches_each_pattern_alone(text: str, cut: int, width: int) -> None:
    rest = r"[ \t]+(?P<n>[A-Z][\w'’\-]*)"
    specs = [
        ("hon", ["Mbak", "Mas", "Da", "H\\.", "Kak"], True, r"\w\-", "", r"[ \t]"),
        ("prep", ["di", "dari", "near"], False, r"\w", "", r"[ \t]"),
        ("spoken", ["satu\\b", "o\\b", "oh\\b", "\\+\\d+"], True, r"\w+", "0123456789", ""),
        ("self", ["Aku", "aku", "Saya"], False, r"\w", "", r"[ \t]"),
    ]
    cues = []
    for name, alts, fold, not_after, firsts, follow in specs:
        extra = [(r"\d", r"\d*")] if firsts else []
        rx = re.compile(dispatch(alts, fold=fold, not_after=not_after, extra=extra) + rest)
        cues.append(Cue(name, rx, alts, extra_firsts=firsts, follow=follow))
    scan = SharedScan(cues)
    windows = [(cut, min(len(text), cut + width))] if cut < len(text) else []
    found = scan.scan(text, {"self": windows})
    for cue in cues:
        if cue.name == "self":
            want = [m.span() for ws, we in windows for m in cue.rx.finditer(text, ws, we)]
        else:
            want = [m.span() for m in cue.rx.finditer(text)]
        assert [m.span() for m in found[cue.name]] == want, cue.name


def test_shared_cue_scan_matches_the_detectors_own_scans() -> None:
    from makna.privacy._cues import CUES, scan_cues
    from makna.privacy._text import cap_runs
    from makna.privacy.persons import person_windows

    text = _bench().corpus(0.1, seed=5) + "\nSatu dua tiga empat lima enam tujuh delapan. Plus 62 eight one."
    runs = cap_runs(text)
    found = scan_cues(text, runs)
    windows = person_windows(text, runs)
    for cue in CUES.cues:
        if cue.name.startswith("person."):
            want = [m.span() for ws, we in windows for m in cue.rx.finditer(text, ws, we)]
        else:
            want = [m.span() for m in cue.rx.finditer(text)]
        assert [m.span() for m in found[cue.name]] == want, cue.name


def test_shared_scan_finds_an_introduction_after_a_comma() -> None:
    """A kin or intro word followed by a comma ("Suamiku, Togar Nainggolan") is one of INTRO's own matches;
    the shared scan's follow class must let it through (it once allowed only a space, a tab or a colon)."""
    from makna.privacy import detect
    from makna.privacy._cues import scan_cues
    from makna.privacy._text import cap_runs
    from makna.privacy.persons import INTRO, person_windows

    text = (
        "I: Suamiku, Togar Nainggolan, kerja di pelabuhan.\n"
        "I: Adikku, Rahmi Sitompul, masih sekolah di sana.\n"
        "I: My husband, Dermot Fairclough, drives a cab at night.\n"
    )
    runs = cap_runs(text)
    windows = person_windows(text, runs)
    want = [m.span() for ws, we in windows for m in INTRO.finditer(text, ws, we)]
    assert len(want) == 3
    assert [m.span() for m in scan_cues(text, runs)["person.intro"]] == want
    found = {d.text: d.detector for d in detect(text)}
    for name in ("Togar Nainggolan", "Rahmi Sitompul", "Dermot Fairclough"):
        assert found.get(name) == "person.intro", name


def test_bench_times_real_transcripts_one_per_call() -> None:
    docs = _bench().transcripts()
    from makna.privacy.train import OPEN_SPLITS

    repo_splits = [s for s in OPEN_SPLITS if s != "dev"]
    assert len(docs) >= 6 * len(repo_splits)  # every open split holds at least six interviews
    assert {language for _, language in docs} == {"id", "en"}
    assert all(len(text) > 500 for text, _ in docs)  # whole interviews, not fragments
