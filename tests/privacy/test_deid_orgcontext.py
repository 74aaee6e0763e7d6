"""The organisation context model (makna.privacy.orgcontext, issue #11 round eight)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy._text import cap_runs
from makna.privacy.evaluate import evaluate_documents, load_gold
from makna.privacy.orgcontext import (
    Candidate,
    OrgContextModel,
    candidates,
    decide,
    load_model,
    model_disabled,
    model_from_record,
    name_features,
    shape_features,
    using_model,
)
from makna.privacy.orgcontext_train import invented
from makna.privacy.precision import stage_disabled
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidorg2cases"


def _model(**weights: float) -> OrgContextModel:
    return OrgContextModel(-3.0, dict(weights), 0.7, 0.8)


def test_candidates_join_ampersand_and_trim_articles() -> None:
    text = "I work at The Oak & Ember now, with Josh."
    found = [Detection(text.index("Josh"), text.index("Josh") + 4, "PERSON", 0.9, "person.gazetteer", "Josh")]
    got = {(c.text, c.found is None) for c in candidates(text, found, cap_runs(text))}
    assert ("Oak & Ember", True) in got
    assert ("Josh", False) in got
    assert not any(c.text.startswith("The") for c in candidates(text, found, cap_runs(text)))


def test_decide_adds_an_undetected_name_in_every_mention() -> None:
    text = "I ride for Zoomdrop at night. Zoomdrop pays late."
    got = decide(_model(**{"b1:for": 6.0}), text, [], cap_runs(text))
    assert [(d.text, d.type, d.start) for d in got] == [
        ("Zoomdrop", "ORG", text.index("Zoomdrop")),
        ("Zoomdrop", "ORG", text.rindex("Zoomdrop")),
    ]
    assert all(d.detector == "org.contextmodel" and d.confidence < 0.8 for d in got)


def test_decide_retypes_weak_detections_but_not_names_by_honorific() -> None:
    text = "I drove for Velocab, and Bu Velocab said no."
    first = text.index("Velocab")
    second = text.rindex("Velocab")
    found = [
        Detection(first, first + 7, "LOCATION", 0.9, "location.context", "Velocab"),
        Detection(second, second + 7, "PERSON", 0.9, "person.honorific", "Velocab"),
    ]
    got = decide(_model(**{"b1:for": 8.0}), text, found, cap_runs(text))
    assert [(d.type, d.detector) for d in got] == [("ORG", "location.context"), ("PERSON", "person.honorific")]


def test_text_in_capitals_adds_nothing() -> None:
    """In a text typed in capitals every sentence is a capitalised run: none is judged as a name."""
    text = "I RIDE FOR ZOOMDROP AT NIGHT. THE MANAGER NEVER ANSWERS MY CALLS ABOUT THE RATES."
    assert decide(_model(**{"b1:for": 9.0, "det:none": 9.0}), text, [], cap_runs(text)) == []
    plain = "We ride for Zoomdrop at night."
    assert [d.text for d in decide(_model(**{"b1:for": 9.0}), plain, [], cap_runs(plain))] == ["Zoomdrop"]


def test_decide_leaves_a_name_below_the_threshold() -> None:
    text = "We met Zoomdrop at the market."
    assert decide(_model(**{"b1:for": 6.0}), text, [], cap_runs(text)) == []


def test_record_round_trip() -> None:
    model = OrgContextModel(-1.25, {"b1:di": 0.5, "n:brandlike": 1.0}, 0.7, 0.8, {"c": 0.3})
    back = model_from_record(json.loads(json.dumps(model.as_record())))
    assert back.as_record() == model.as_record()
    assert abs(back.probability(["b1:di", "n:brandlike"]) - model.probability(["n:brandlike", "b1:di"])) < 1e-9


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(["Zoomdrop", "Kettering Tiles", "PT Laras Jaya"]))
def test_features_never_hold_a_names_letters(seed: int, name: str) -> None:
    """The model cannot learn a string: an invented name's features name only ordinary words and shapes."""
    fake = invented(name, random.Random(seed))
    assert len(fake.split()) == len(name.split())
    proper = [w for w in fake.split() if w not in name.split()]
    text = f"Saya kerja di {fake} dulu."
    start = text.index(fake)
    feats = name_features(text, [Candidate(start, start + len(fake), fake, None)], 0)
    for word in proper:
        assert not any(re.search(rf"\b{re.escape(word.lower())}\b", f.lower()) for f in feats), (word, feats)
    assert set(shape_features(fake)) <= set(feats)


def test_stage_follows_the_precision_switch() -> None:
    text = "I ride for Zoomdrop at night."
    with using_model(_model(**{"b1:for": 9.0})):
        on = detect(text, language="en")
        with stage_disabled():
            off = detect(text, language="en")
        with model_disabled():
            off2 = detect(text, language="en")
    assert any(d.detector == "org.contextmodel" for d in on) or any(d.type == "ORG" for d in on)
    assert not any(d.detector == "org.contextmodel" for d in off + off2)


def test_shipped_model_loads() -> None:
    model = load_model()
    assert model is not None
    assert 0.0 < model.add <= model.retype <= 1.0
    assert model.weights


def test_tune_cases_floor() -> None:
    """The open (tune) part of the branch's own cases (ORG recall 0.711 before the model, 0.737 with it), less a
    margin; the sealed part is scored only by ``makna deid evaluate`` (benchmarks/results/deidorg2.md)."""
    docs = load_gold(CASES / "tune")
    rep = evaluate_documents(docs, lambda text, lang: detect(text, language=lang))
    org = rep.per_type["ORG"]
    assert org.recall >= 0.72
    assert org.precision >= 0.9


def test_the_name_probability_is_the_highest_of_its_mentions_full_feature_scores() -> None:
    """name_probability sums the disjoint parts of the features; it must equal scoring every mention's full list."""
    from makna.privacy import orgcontext as oc
    from makna.privacy._text import cap_runs
    from makna.privacy.detect import detect

    model = oc.load_model()
    assert model is not None
    text = (
        "I: Saya kerja di Sinar Laundry dekat Pasar Raya. Pak Budi pemilik Sinar Laundry.\n"
        "P: Lalu?\nI: I ride for Zoomdrop in Leeds, Zoomdrop pays late. Budi said so.\n"
    )
    groups = oc.group(oc.candidates(text, detect(text), cap_runs(text)))
    assert any(len(ms) > 1 for ms in groups.values())
    for mentions in groups.values():
        full = max(model.probability(f) for f in oc.all_features(text, mentions))
        assert abs(oc.name_probability(model, text, mentions) - full) < 1e-12
