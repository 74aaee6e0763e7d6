"""Surrogate defects of issue #11 §4, measured: collisions, originals given back, gender, province, two
people sharing a surrogate, and the consistency of ages and places; and (round deidsurr2) gender from kin
and role words, sources whose region is a country outside Indonesia, organisations' legal forms and kind
words, and chat time stamps in the date offset's collision check.

Each figure is a count of defects over many draws (0 is the goal); run with several seeds::

    python benchmarks/deid_surrogate_check.py [SEEDS]
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sys
import time
from collections.abc import Callable

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.naming import (
    HONORIFIC_GENDER,
    NAME_TITLES,
    _all_names,
    _token_index,
    _traditions,
    locale_gender,
    name_pools,
    token_gender,
)
from makna.privacy.regions import cities_in, country_places, place_regions, places_in, plates_for
from makna.privacy.surrogates import split_org, split_place

KIN_CUES = (("Suami saya", "m"), ("Istri saya", "f"), ("Adik perempuan saya", "f"), ("Kakak laki-laki saya", "m"),
            ("Ibu saya", "f"), ("Anak laki-lakinya", "m"), ("My husband", "m"), ("My wife", "f"), ("Her son", "m"),
            ("My daughter", "f"), ("His mother,", "f"), ("Our uncle", "m"))
_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
ORGS = ("PT {} Tbk", "CV {}", "{} Haulage Ltd", "{} Limited", "{} Inc", "{} LLC", "{} & Sons", "Koperasi {}",
        "Yayasan {}", "Toko {}", "Warung {}", "{} Hospital", "{} Clinic", "{} School")


def _names(n: int, rng: random.Random) -> list[str]:
    """``n`` distinct two-word names (case-insensitively) from every pool, some lower or upper case."""
    given = sorted({name for (_t, role, _g), names in _traditions().items() if role == "given" for name in names}
                   | {n for pool in name_pools("X", first=True, language="id", gender=None, region=None) for n in pool})
    pairs = [f"{a} {b}" for a, b in itertools.product(given, reversed(given)) if a != b]
    chosen = rng.sample(pairs, n)
    return [c.lower() if i % 7 == 0 else (c.upper() if i % 11 == 0 else c) for i, c in enumerate(chosen)]


def _persons(text: str, names: list[str]) -> list[Detection]:
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Detection(start, start + len(name), "PERSON", 0.9, "t", name))
        pos = start + len(name)
    return out


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    totals: dict[str, int] = {}

    def count(key: str, n: int) -> None:
        totals[key] = totals.get(key, 0) + n

    t0 = time.perf_counter()
    for seed in range(seeds):
        rng = random.Random(seed)
        secret = f"{seed + 7:064x}"
        # 1. 10,000 names: no two share a surrogate (case-insensitive), none gives an original back
        originals = _names(10_000, rng)
        mapping = KeyMapping(secret=secret)
        mapping.reserve(originals)
        got = [mapping.surrogate("PERSON", name) for name in originals]
        folded = [g.casefold() for g in got]
        count("names drawn", len(got))
        count("collisions (case-insensitive)", len(folded) - len(set(folded)))
        words = {w.casefold() for o in originals for w in o.split()} - set(NAME_TITLES)  # titles stay by design
        count("surrogate equal to an original name or word (titles such as Raden kept by design)",
              sum(1 for g in got if g.casefold() in {o.casefold() for o in originals}
                  or set(g.casefold().split()) & words))
        # 2. gender: an honorific's gender is kept (invented names, in no gendered list)
        for honorific, gender in HONORIFIC_GENDER.items():
            if gender is None:
                continue
            invented = [f"Zor{a}{b}{c}" for a, b, c in itertools.product("aeiou", "klmnr", "ai")]
            text = " ".join(f"{honorific.capitalize()} {n} datang." for n in invented)
            _new, reps = pseudonymise(text, _persons(text, invented), mode="surrogate",
                                      mapping=KeyMapping(secret=secret))
            count("names after a gendered honorific", len(reps))
            count("gender not kept", sum(1 for r in reps if token_gender(r.replacement) != gender))
        # 3. province kept by default: West Sumatra places and plates stay in West Sumatra
        for province, places, plate in (("13", ["Padang", "Bukittinggi", "Payakumbuh", "Solok"], "BA 4512 QZ"),
                                        ("33", ["Semarang", "Salatiga", "Magelang", "Pekalongan"], "H 1234 AB")):
            text = ", ".join(places) + f". Motornya {plate}."
            dets = [Detection(text.index(p), text.index(p) + len(p), "LOCATION", 0.9, "t", p) for p in places]
            dets.append(Detection(text.index(plate), text.index(plate) + len(plate), "PLATE", 0.9, "t", plate))
            mapping = KeyMapping(secret=secret)
            mapping.reserve([*places, plate])  # as apply does: every original of the project first
            _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
            count("places and plates drawn", len(reps))
            count("province not kept", sum(1 for r in reps if r.type == "LOCATION" and province not in
                                           {p for p, _lv in place_regions(r.replacement)})
                  + sum(1 for r in reps if r.type == "PLATE" and r.replacement.split()[0] not in plates_for(province)))
            count("place or plate equal to an original", sum(1 for r in reps if r.replacement in {*places, plate}))
        # 4. two people in one transcript never share a surrogate
        people = _names(300, rng)
        people = list({p.casefold(): p for p in people}.values())
        text = "\n".join(f"I: Saya kenal {p} sejak lama." for p in people)
        _new, reps = pseudonymise(text, _persons(text, people), mode="surrogate", mapping=KeyMapping(secret=secret))
        count("people in one transcript", len(reps))
        count("two people sharing a surrogate", len(reps) - len({r.replacement.casefold() for r in reps}))
        # 5. ages: one offset; 6. places: one surrogate in every form
        mapping = KeyMapping(secret=secret)
        ages = [f"{a} tahun" for a in range(18, 70, 3)]
        mapping.settle_offsets([("AGE", a) for a in ages])
        shifts = {int(mapping.surrogate("AGE", a).split()[0]) - int(a.split()[0]) for a in ages}
        count("age sets", 1)
        count("age sets moved by more than one offset", len(shifts) != 1)
        district = rng.choice(places_in("13", {"district"}))
        forms = [f"Kecamatan {district}", district, district.lower(), f"pasar {district}"]
        cores = {mapping.surrogate("LOCATION", f)[len(split_place(f)[0]):].casefold() for f in forms}
        count("places in four forms", 1)
        count("places with more than one surrogate", len(cores) != 1)
        _round_two(rng, secret, count)
    took = time.perf_counter() - t0
    print(f"{seeds} seed(s), {took:.1f} s")
    for key, value in totals.items():
        print(f"{key}: {value}")


def _round_two(rng: random.Random, secret: str, count: Callable[[str, int], None]) -> None:
    """The rules of round deidsurr2."""
    invented = [f"Zor{a}{b}{c}" for a, b, c in itertools.product("aeiou", "klmnr", "ai")]
    # 7. kin and role words show gender where no honorific does
    for cue, gender in KIN_CUES:
        text = " ".join(f"{cue} {n} datang." for n in invented)
        _new, reps = pseudonymise(text, _persons(text, invented), mode="surrogate", mapping=KeyMapping(secret=secret))
        count("names after a gendered kin word", len(reps))
        count("kin gender not kept", sum(1 for r in reps if locale_gender(r.replacement) != gender))
    # 8. a source in the UK: English cities stay in England, names come from no Indonesian list
    english = [c for c in cities_in("GB", "ENG") if len(country_places(c)) == 1 and not place_regions(c)]
    towns = rng.sample(english, 10)
    text = " ".join(f"{n} moved to {t}." for n, t in zip(invented, towns, strict=False))
    dets = _persons(text, invented[: len(towns)]) + [Detection(text.index(t), text.index(t) + len(t), "LOCATION", 0.9,
                                                             "t", t) for t in towns]
    dets.sort(key=lambda d: d.start)
    mapping = KeyMapping(secret=secret, region="13", language="id")  # an Indonesian study, as apply sets it
    mapping.reserve([*invented, *towns])
    _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language="en", region="GB")
    count("places of a UK source", sum(1 for r in reps if r.type == "LOCATION"))
    count("places leaving England", sum(1 for r in reps if r.type == "LOCATION"
                                         and ("GB", "ENG") not in country_places(r.replacement)))
    count("names of a UK source", sum(1 for r in reps if r.type == "PERSON"))
    count("UK source names drawn from Indonesian lists (not English ones)",
          sum(1 for r in reps if r.type == "PERSON" and r.replacement not in _all_names("en_GB")
              and (r.replacement.lower() in _token_index() or r.replacement in _all_names("id_ID"))))
    # 9. organisations keep their legal forms and kind words
    mapping = KeyMapping(secret=secret, region="13")
    orgs = [form.format(rng.choice(invented).capitalize()) for form in ORGS]
    mapping.reserve(orgs)
    for org in orgs:
        head, _name, tail, _p = split_org(org)
        new = mapping.surrogate("ORG", org, language="en")
        count("organisations", 1)
        count("legal form or kind word lost", not (new.startswith(head) and new.endswith(tail) and new != org))
    # 10. chat stamps: the offset moves no day onto another original day, a text's date and a stamp's alike
    mapping = KeyMapping(secret=secret)
    first = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300))
    days = [first, first + dt.timedelta(days=int(mapping.date_offset or 0))]
    mapping.settle_offsets([("DATE", f"{first.day} {_MONTHS[first.month - 1]} {first.year}"),
                            ("DATE", days[1].isoformat())])
    moved = {d + dt.timedelta(days=int(mapping.date_offset or 0)) for d in days}
    count("chat stamp days", len(days))
    count("stamp day moved onto another original", len(moved & set(days)))


if __name__ == "__main__":
    main()
