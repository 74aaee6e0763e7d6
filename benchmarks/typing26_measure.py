"""typing26's measurement (issue 11): every gold LOCATION and ORG by class, type found, detector and kind.

Reuses :func:`named21_measure.classify`/:func:`named21_measure.record_calls` (the rules', the learned layer's and
the stage's output of one ``detect``) and :func:`loc25_measure.place_kind`. Every gold LOCATION and ORG is counted by
language, class (``found``, ``mistyped:<who>:<gold>-><found>``, ``never-proposed``, ...), the detector of the final
detection over it, and its kind read from its own words (:func:`place_kind` for places, :func:`org_kind` for
organisations). Aggregates only on the four sets left out (the default); ``--rows FILE`` writes the lost or mistyped
spans' texts for open splits only. Run: ``PYTHONPATH=src python3 benchmarks/typing26_measure.py [--split NAME ...]
[--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loc25_measure import place_kind  # noqa: E402
from named21_measure import _ov, classify, measured, record_calls  # noqa: E402

FOUR = ("tune28", "seal27", "spent43", "spent44")

_ORG_KINDS = (
    (
        "school",
        "sekolah sd smp sma smk madrasah pesantren universitas university college school academy akademi "
        "institut politeknik stikes tk paud kampus",
    ),
    ("clinic", "klinik clinic rs rsud rsu hospital puskesmas apotek pharmacy posyandu surgery"),
    ("church", "gereja church gkj gpib hkbp parish chapel jemaat"),
    ("mosque", "masjid mesjid musala mushola mosque"),
    ("shelter", "singgah aman shelter refuge"),
    ("venue", "karaoke kafe cafe café hotel wisma lapau warkop resort lodge inn motel library hall hub centre"),
    (
        "agency",
        "dinas kantor polsek polres polda bpjs kementerian ministry council department dept. police "
        "office lbh bank pengadilan court agency authority kelurahan desa camat",
    ),
    (
        "group",
        "kelompok komunitas paguyuban arisan koperasi serikat union association asosiasi forum ikatan "
        "yayasan foundation lsm network jaringan group club trust society",
    ),
    ("fleet", "gojek grab maxim shopeefood uber bolt deliveroo glovo indrive ojol foodpanda"),
    ("shop", "makan toko warung kedai shop store mart minimarket bakery laundry salon bengkel butik boutique market"),
    (
        "employer",
        "pt cv ltd limited inc llc plc farm farms factory pabrik services group & co co. pty holdings logistics",
    ),
)
_ORG_WORDS = [(name, set(words.split())) for name, words in _ORG_KINDS]


_PASSES = (
    "apply_org_context apply_org_cues drop_lookalikes close_spans type_by_kind_words close_place_spans type_by_role "
    "apposed_orgs employer_venues reported_to said_to_be_orgs streets_are_places retype_by_clause person_kinds "
    "screen_names places_after_prepositions restated_full_names first_names_of_persons bodies_are_orgs "
    "names_said_as_names places_answered_to_where particle_names header_places close_org_spans header_names "
    "listed_ages drop_spans_of_time close_edges address_units_apart accounts_over"
).split()


def record_passes(calls: dict[str, Any]) -> None:
    """Wrap every pass after the stage so that ``calls["passes"]`` lists (name, output) for one ``detect``."""
    import makna.privacy._pipeline as P

    def wrap(name: str, fn: Any) -> Any:
        def inner(*a: Any, **k: Any) -> Any:
            out = fn(*a, **k)
            calls.setdefault("passes", []).append((name, list(out)))
            return out

        return inner

    for name in _PASSES:
        setattr(P, name, wrap(name, getattr(P, name)))


def retyped_by(calls: dict[str, Any], s: int, e: int) -> str:
    """The last pass after the stage that changed the types over ``s:e`` (``-`` when none did)."""
    prev = {d.type for d in _ov(calls.get("staged", []), s, e)}
    who = "-"
    for name, out in calls.get("passes", []):
        now = {d.type for d in _ov(out, s, e)}
        if now != prev:
            who = name
        prev = now
    return who


def org_kind(text: str) -> str:
    """The kind of an organisation read from its own words (a class for counting only)."""
    words = {w.casefold().strip(",.'’()") for w in text.split()}
    for name, group in _ORG_WORDS:
        if words & group:
            return name
    return "bare-name"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    if args.rows and set(splits) & set(FOUR):
        raise SystemExit("no --rows on the four sets left out: aggregates only")
    calls = record_calls()
    record_passes(calls)
    got: Counter[tuple[str, ...]] = Counter()
    rows: list[dict[str, Any]] = []
    skipped = 0
    for split, doc, final in measured(splits, calls):
        if calls.get("n") != 1:
            skipped += 1
            continue
        for s, e, kind in doc.pii:
            if kind not in ("LOCATION", "ORG"):
                continue
            cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
            over = _ov(final, s, e)
            det = over[0].detector if over else "-"
            if cls.startswith("mistyped:later") or cls.startswith("mistyped:rule-fixed"):
                det += " @" + retyped_by(calls, s, e)
            k = place_kind(doc.text[s:e]) if kind == "LOCATION" else org_kind(doc.text[s:e])
            got[(doc.language, kind, cls, k, det)] += 1
            if args.rows and cls != "found":
                line_start = doc.text.rfind("\n", 0, s) + 1
                rows.append(
                    {
                        "split": split,
                        "doc": doc.id,
                        "lang": doc.language,
                        "gold": kind,
                        "cls": cls,
                        "kind": k,
                        "text": doc.text[s:e],
                        "left": doc.text[max(line_start, s - 80) : s],
                        "right": doc.text[e : e + 40].split("\n")[0],
                        "final": [f"{x.type}@{x.detector}:{x.text}" for x in over],
                        "rules": [f"{x.type}@{x.detector}:{x.text}" for x in _ov(calls["rules"], s, e)],
                    }
                )
    print(f"documents skipped (more than one chunk): {skipped}")

    def short(cls: str) -> str:
        return "found" if cls.startswith("found") else cls

    for gold in ("LOCATION", "ORG"):
        c: Counter[tuple[str, str]] = Counter()
        for k, n in got.items():
            if k[1] == gold:
                c[(k[0], short(k[2]))] += n
        print(f"gold {gold} by (language, class):")
        for key, n in sorted(c.items()):
            print(f"  {n:4d} {key}")
        c2: Counter[tuple[str, str]] = Counter()
        for k, n in got.items():
            if k[1] == gold:
                c2[(k[3], "found" if k[2].startswith("found") else "lost")] += n
        print(f"gold {gold} by kind: ", {f"{a}/{b}": n for (a, b), n in sorted(c2.items())})
        print(f"gold {gold} lost or mistyped by (language, class, kind, detector):")
        for k, n in got.most_common():
            if k[1] == gold and not k[2].startswith("found"):
                print(f"  {n:4d} {(k[0], k[2], k[3], k[4])}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
