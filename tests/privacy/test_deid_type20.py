"""The precision stage's list feature (#11, branch type20): a span's neighbours in one list or route.

Names listed together ("X, Y and Z", "dari X ke Y") are mostly names of one kind; the stage weighs a span's type
against its neighbours' (``coord=TYPE|KIND``) when its weights use the feature, and computes nothing new when they
do not (a stage trained before gives the same verdicts). Every sentence is invented for these tests.
"""

from __future__ import annotations

import pytest

from makna.privacy.precision import (
    PrecisionStage,
    _coordinated,
    _document,
    apply_stage,
    context_features,
    load_stage,
    using_stage,
)
from makna.privacy.types import Detection


def _dets(text: str, parts: list[tuple[str, str]]) -> list[Detection]:
    out = []
    for part, kind in parts:
        start = text.index(part)
        out.append(Detection(start, start + len(part), kind, 0.9, "unknown.capitalised", part))
    return sorted(out, key=lambda d: d.start)


@pytest.mark.parametrize(
    ("text", "parts", "which", "expected"),
    [
        (
            "We ride round Kelmscott Vale, Ashby Rise and Moxley most nights.",
            [("Kelmscott Vale", "LOCATION"), ("Ashby Rise", "PERSON"), ("Moxley", "ORG")],
            1,
            ("LOCATION", "ORG"),
        ),
        (
            "Kami jalan dari Tanah Garam ke Lubuk Alung pagi itu.",
            [("Tanah Garam", "LOCATION"), ("Lubuk Alung", "PERSON")],
            1,
            ("LOCATION",),
        ),
        (
            "Kami jalan dari Tanah Garam atau Pasar Usang.",
            [("Tanah Garam", "LOCATION"), ("Pasar Usang", "LOCATION")],
            0,
            ("LOCATION",),
        ),
        ("Wulandari & Reno came too.", [("Wulandari", "PERSON"), ("Reno", "PERSON")], 1, ("PERSON",)),
    ],
)
def test_list_members_see_their_neighbours_types(
    text: str, parts: list[tuple[str, str]], which: int, expected: tuple[str, ...]
) -> None:
    assert _coordinated(text, _dets(text, parts), which) == expected


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("I told Halvard that Thornaby was cold.", [("Halvard", "PERSON"), ("Thornaby", "LOCATION")]),
        ("Moxley\nAshby Rise", [("Moxley", "LOCATION"), ("Ashby Rise", "LOCATION")]),
        ("Dia kerja di Corran Logistics di Thornaby.", [("Corran Logistics", "ORG"), ("Thornaby", "LOCATION")]),
        ("Oonagh Treharne rang.", [("Oonagh", "PERSON"), ("Treharne", "PERSON")]),  # a space: a name's parts
    ],
)
def test_words_that_do_not_list_make_no_neighbours(text: str, parts: list[tuple[str, str]]) -> None:
    found = _dets(text, parts)
    assert all(_coordinated(text, found, i) == () for i in range(len(found)))


def test_the_feature_reaches_the_stage() -> None:
    text = "We ride round Kelmscott Vale, Ashby Rise and Moxley most nights."
    found = _dets(text, [("Kelmscott Vale", "LOCATION"), ("Ashby Rise", "PERSON"), ("Moxley", "LOCATION")])
    feats = context_features(_document(text, found), found, 1)
    assert "coord=LOCATION|PERSON" in feats


def test_a_stage_weighing_the_feature_uses_it_and_one_without_it_is_unchanged() -> None:
    shipped = load_stage()
    assert shipped is not None
    text = "Evenings we go round Kelmscott Vale, Ashby Rise and Moxley for the app."
    found = _dets(text, [("Kelmscott Vale", "LOCATION"), ("Ashby Rise", "PERSON"), ("Moxley", "LOCATION")])
    before = apply_stage(text, "en", found)
    record = shipped.as_record()
    heavy = {**record, "weights": {**record["weights"]}}
    row = [0.0] * len(shipped.classes)
    row[shipped.classes.index("LOCATION")] = 25.0
    heavy["weights"]["coord=LOCATION|PERSON"] = row
    from makna.privacy.precision import stage_from_record

    stage: PrecisionStage = stage_from_record(heavy)
    with using_stage(stage):
        after = apply_stage(text, "en", found)
    assert [d.type for d in after if d.text == "Ashby Rise"] == ["LOCATION"]
    plain = stage_from_record(record)
    with using_stage(plain):
        assert [(d.type, d.confidence) for d in apply_stage(text, "en", found)] == [
            (d.type, d.confidence) for d in before
        ]


def test_the_typer_reads_no_detector_type_or_confidence() -> None:
    from makna.privacy._typer import blind

    feats = [
        "type=PERSON",
        "det=person.intro",
        "det=person.intro|PERSON",
        "conf=9|PERSON",
        "lang=en|PERSON",
        "first-name|PERSON",
        "lw=works",
        "suffix=ard|lang=en",
        "coord=LOCATION|PERSON",
    ]
    assert blind(feats) == ["coord=LOCATION", "first-name", "lw=works", "suffix=ard|lang=en"]


def _typer_stage(cut: float) -> PrecisionStage:
    """The shipped stage with a one-feature typer (an artificial weight): ``lw=cousin`` says LOCATION."""
    from makna.privacy.precision import stage_from_record

    shipped = load_stage()
    assert shipped is not None
    typer = PrecisionStage(
        ("LOCATION", "ORG", "PERSON"), (0.0, 0.0, 0.0), {"lw=cousin": (9.0, 0.0, 0.0)}, 1.01, 1.01, {}
    )
    stage = stage_from_record(shipped.as_record())
    stage.typer, stage.typer_cut = typer, cut
    return stage


def test_a_typer_retypes_what_its_cut_allows_and_survives_its_record() -> None:
    from makna.privacy.precision import stage_from_record

    text = "My cousin Quellby waited for me there."
    found = _dets(text, [("Quellby", "PERSON")])
    with using_stage(_typer_stage(0.6)):
        [got] = apply_stage(text, "en", found)
    assert got.type == "LOCATION" and 0.05 <= got.confidence <= 0.79  # the catch-all's guess stays under review
    with using_stage(_typer_stage(1.01)):
        assert [d.type for d in apply_stage(text, "en", found)] == [_stage_type(text, found)] == ["PERSON"]
    again = stage_from_record(_typer_stage(0.6).as_record())
    assert again.typer is not None and again.typer_cut == 0.6
    with using_stage(again):
        assert [d.type for d in apply_stage(text, "en", found)] == ["LOCATION"]


def _stage_type(text: str, found: list[Detection]) -> str:
    """The type the shipped stage alone gives."""
    [got] = apply_stage(text, "en", found)
    return got.type


def test_the_typer_makes_no_address_without_a_number_and_keeps_a_listed_brand() -> None:
    """After the retrain with the typer on, a lower-case handle-like name ("tunde2k") became an ADDRESS and a
    platform brand after "my boss" ("DoorDash") a PERSON; test_deid_person3 and test_deid_person13 failed."""
    from makna.privacy import detect

    typed = {d.text: d.type for d in detect("I: And tunde2k posts memes all night.", language="en")}
    assert typed.get("tunde2k") == "PERSON"
    typed = {d.text: d.type for d in detect("A: My boss DoorDash never answers the phone.", language="en")}
    assert typed.get("DoorDash") == "ORG"
