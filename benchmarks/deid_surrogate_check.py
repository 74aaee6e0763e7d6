"""Surrogate defects of issue #11 §4, measured: collisions, originals given back, gender, province, two
people sharing a surrogate, and the consistency of ages and places; and (round deidsurr2) gender from kin
and role words, sources whose region is a country outside Indonesia, organisations' legal forms and kind
words, and chat time stamps in the date offset's collision check; and (round deidsurr3, the new user's
trial) short forms and nicknames, originals inside surrogates, e-mail and handle user parts, one core per
organisation, a chosen naming tradition, and a recheck of telephone numbers and ordinal dates; and (round
deidsurr4, the second trial) gender from the name itself, organisations that read as people, street type
words and house numbers, NIKs of the same province with the birth date moved by the date offset, plates of
the plate's own province; and (round deidsurr5, the third trial) organisations whose kind words makna's
lists lacked and councils named after their place, gender from pronouns and family words after a name,
nicknames cut from a surname, e-mail addresses that spell a person's names, and compounds of neutral names;
and (round deidsurr6, the fourth trial) provinces and countries kept (or, under the wider policy, moved
with their towns), a city's or district's surrogate of its own level, Minang adat titles and clan names,
and initials and clipped nicknames of one person; and (round twenty-five, ``deid_surrogate_family.py``) families
of one tradition, shared surnames, 10,000 names of families, a tie in a turn, Jurong, Taiwanese neutral names.

Each figure is a count of defects over many draws (0 is the goal); run with several seeds::

    python benchmarks/deid_surrogate_check.py [SEEDS]
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import sys
import time
from collections.abc import Callable

from deid_surrogate_family import round_25  # round twenty-five (a module of its own: this one is near 800 lines)

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


def _shop_words() -> frozenset[str]:
    """Words of shared mailboxes and shops that a user name keeps (round deidsurr3); none before it."""
    try:
        from makna.privacy import accounts
    except ImportError:  # the code before deidsurr3
        return frozenset()
    return accounts.ROLE_WORDS

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
        count("[3] surrogate holding an original word of 4+ letters, or 4+ letters inside one",
              _substring_defects(got, words))
        _small_projects(rng, secret, count)
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
        _round_three(rng, secret, count)
        _round_four(rng, secret, count)
        _round_five(rng, secret, count)
        _round_six(secret, count)
        _round_24(rng, secret, count)
        round_25(rng, secret, count)  # families, and what surr24 left (benchmarks/deid_surrogate_family.py)
    took = time.perf_counter() - t0
    print(f"{seeds} seed(s), {took:.1f} s")
    for key, value in totals.items():
        print(f"{key}: {value}")
    _ending_loo()


def _ending_loo() -> None:
    """Leave-one-out over the gendered Indonesian given names the ending rule learns from (deidsurr4)."""
    try:
        from makna.privacy.naming import _ENDING_MIN, _ENDING_SHARE, _faker_lists
    except ImportError:  # the code before deidsurr4 has no ending rule
        print("[4] ending rule: none")
        return
    names: dict[str, set[str]] = {}
    for (_t, role, g), listed in _traditions().items():
        if role == "given" and g in {"m", "f"}:
            for n in listed:
                names.setdefault(n.lower(), set()).add(g)
    for g, attr in (("m", "first_names_male"), ("f", "first_names_female")):
        for n in _faker_lists("id_ID")[attr]:
            names.setdefault(n.lower(), set()).add(g)
    sure = {n: next(iter(g)) for n, g in names.items() if len(g) == 1}
    counts: dict[str, dict[str, int]] = {}
    for name, g in sure.items():
        for k in (3, 4, 5):
            if len(name) > k:
                counts.setdefault(name[-k:], {}).setdefault(g, 0)
                counts[name[-k:]][g] += 1
    right = wrong = 0
    for name, g in sure.items():
        for k in (5, 4, 3):
            tally = dict(counts.get(name[-k:], {})) if len(name) > k else {}
            if tally:
                tally[g] -= 1  # the name itself left out
            total = sum(tally.values())
            if total >= _ENDING_MIN:
                top = max(tally, key=lambda x: tally[x])
                if tally[top] / total >= _ENDING_SHARE:
                    right += top == g
                    wrong += top != g
                break
    print(f"[4] ending rule, leave-one-out over {len(sure)} listed names: speaks for {right + wrong} "
          f"({(right + wrong) / len(sure):.3f}), right {right} ({right / max(right + wrong, 1):.3f})")


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



def _substring_defects(surrogates: list[str], words: set[str]) -> int:
    """Surrogates with a word that holds an original word of 4+ letters, or of 4+ letters inside one."""
    pieces = {w[i:j] for w in words for i in range(len(w)) for j in range(i + 4, len(w) + 1)}
    bad = 0
    for value in surrogates:
        for word in value.casefold().split():
            if word in NAME_TITLES:
                continue
            inner = {word[i:j] for i in range(len(word)) for j in range(i + 4, len(word) + 1)}
            if inner & words or (len(word) >= 4 and word in pieces):
                bad += 1
                break
    return bad


def _small_projects(rng: random.Random, secret: str, count: Callable[[str, int], None]) -> None:
    """The same over 100 projects of 40 single names each (as many informants as a study has)."""
    pool = sorted({n for (_t, role, _g), names in _traditions().items() if role == "given" for n in names})
    for i in range(100):
        originals = rng.sample(pool, 40)
        mapping = KeyMapping(secret=f"{secret[:-4]}{i:04x}")
        mapping.reserve(originals)
        got = [mapping.surrogate("PERSON", name) for name in originals]
        count("[3] names in 100 projects of 40", len(got))
        count("[3] ... surrogate holding an original, or inside one",
              _substring_defects(got, {o.casefold() for o in originals}))


_FILLERS = ("cantik.manis", "jualan_murah", "toko.online", "barokah.jaya")


def _round_three(rng: random.Random, secret: str, count: Callable[[str, int], None]) -> None:
    """The new user's trial (round deidsurr3), and a recheck of issue #11 section 4."""
    given = sorted(n for (_t, role, _g), names in _traditions().items() if role == "given" for n in names
                   if len(n) >= 7 and n.isalpha())
    english = sorted(n for n in _all_names("en_GB") if len(n) >= 7 and n.isalpha())
    # 11. short forms and nicknames: the cut of the full name's surrogate; a first name alone the same token
    mapping = KeyMapping(secret=secret, region="13")
    fulls = rng.sample(given, 60) + rng.sample(english, 60)
    shorts = [(f, f[: max(3, len(f) // 2)] if i % 3 else f[-max(4, len(f) // 2):]) for i, f in enumerate(fulls)]
    # one full name per short form in the whole set (a short form is one token project-wide)
    shorts = [(f, s) for f, s in shorts if sum(1 for g in fulls if g.casefold().startswith(s.casefold())
                                               or g.casefold().endswith(s.casefold())) == 1]
    mapping.reserve([w for f, s in shorts for w in (f, s, f"{f} Saputra")])
    for full, short in shorts:
        lang = "id" if full in given else "en"
        text = (f"Saya {full} Saputra. Uni {short} jualan. {full} datang." if lang == "id"
                else f"I am {full} Saputra. {short} sells. {full} came.")
        names = [f"{full} Saputra", short, full]
        new, reps = pseudonymise(text, _persons(text, names), mode="surrogate", mapping=mapping, language=lang)
        whole, cut, alone = (r.replacement for r in reps)
        first = whole.split()[0].casefold()
        count(f"[3] short forms ({lang})", 1)
        ok = (first.startswith(cut.casefold()) if full.casefold().startswith(short.casefold())
              else first.endswith(cut.casefold()))
        count(f"[3] short form not a cut of the full name's surrogate ({lang})", not ok or cut.casefold() == first)
        count(f"[3] first name alone not the full name's first token ({lang})", alone.casefold() != first)
    # 12. e-mail and handles: the person's surrogate in the user part, names of the source's tradition
    _accounts(rng, secret, given, count)
    # 13. one organisation core under legal forms and spellings
    mapping = KeyMapping(secret=secret, region="13")
    cores = [f"{a} {b}" for a, b in zip(rng.sample(given, 20), rng.sample(given, 20), strict=True)]
    mapping.reserve(cores)
    for core in cores:
        forms = [f"PT {core}", core, f"CV {core}", f"PT. {core} Tbk", core.upper(), f"Toko {core}", f"UD {core}"]
        got = set()
        for form in forms:
            head, _n, tail, _p = split_org(form)
            new = mapping.surrogate("ORG", form, language="id")
            got.add(new[len(head): len(new) - len(tail)].casefold() if new.startswith(head) else new.casefold())
        count("[3] organisation cores (7 forms each)", 1)
        count("[3] organisation core with more than one surrogate", len(got) != 1)
    # 14. a chosen naming tradition (library option; 'before' had none)
    for tradition in ("minang", "jawa", "sunda", "bugis", "english"):
        try:
            mapping = KeyMapping(secret=secret, region="13", tradition=tradition)
        except TypeError:
            count("[3] names under a chosen tradition: option missing", 1)
            continue
        people = [f"Zor{a}{b}" for a, b in itertools.product("aeiou", "klmnr")]
        pool = ({n.casefold() for n in _all_names("en_GB")} if tradition == "english" else
                {n.casefold() for (t, _r, _g), names in _traditions().items() if t == tradition for n in names})
        for person in people:
            value = mapping.surrogate("PERSON", person)
            count("[3] names under a chosen tradition", 1)
            count("[3] name outside the chosen tradition", value.casefold() not in pool)
    _recheck(rng, secret, count)


def _accounts(rng: random.Random, secret: str, given: list[str], count: Callable[[str, int], None]) -> None:
    indonesian = {n.casefold() for names in _traditions().values() for n in names} | {
        n.casefold() for n in _all_names("id_ID")}
    for study in ("id", "en"):  # an Indonesian seller in a study in Indonesian, then in one in English
        mapping = KeyMapping(secret=secret, region="13", language=study)
        people = rng.sample(given, 20)
        mapping.reserve(people)
        for i, person in enumerate(people):
            email = f"{person.lower()}.{_FILLERS[i % 4].split('.')[0].split('_')[0]}{i + 10}@gmail.com"
            handle = f"@{person.lower()}_{i + 10}"
            text = f"Nama saya {person}. Email {email}, IG {handle}. Toko: {_FILLERS[i % 4]}@yahoo.co.id"
            other = f"{_FILLERS[i % 4]}@yahoo.co.id"
            dets = _persons(text, [person])
            for kind, value in (("EMAIL", email), ("HANDLE", handle), ("EMAIL", other)):
                start = text.index(value)
                dets.append(Detection(start, start + len(value), kind, 0.9, "t", value))
            _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language="en")
            name = reps[0].replacement.casefold()
            for rep in reps[1:3]:
                count(f"[3] user names holding a name (study in {study})", 1)
                count(f"[3] user name without the person's surrogate (study in {study})", name not in rep.replacement)
            local = reps[3].replacement.split("@")[0]
            words = [w for w in re.split(r"[^a-z]+", local.casefold()) if w and w not in _shop_words()]
            count(f"[3] words of other user names, shop words aside (study in {study})", len(words))
            count(f"[3] word not of an Indonesian name list (study in {study})",
                  sum(1 for w in words if w not in indonesian))


def _recheck(rng: random.Random, secret: str, count: Callable[[str, int], None]) -> None:
    """Issue #11 section 4, rechecked: numbers in unassignable ranges, ordinal dates by one offset."""
    mapping = KeyMapping(secret=secret)
    phones = [(f"0812{rng.randrange(10**7, 10**8)}", r"0840\d+"), (f"+62 813-{rng.randrange(1000, 9999)}-"
              f"{rng.randrange(1000, 9999)}", r"\+62 840.*"), (f"07{rng.randrange(10**8, 10**9)}", r"07700900\d{3}"),
              (f"(212) 555-{rng.randrange(1000, 9999)}", r"\(\d{3}\) 555-01\d{2}")]
    for original, shape in phones:
        count("[3] recheck: telephone numbers", 1)
        count("[3] recheck: telephone number outside the unassignable range",
              re.fullmatch(shape, mapping.surrogate("PHONE", original)) is None)
    days = [f"June {d}{'st' if d in (1, 21, 31) else 'nd' if d in (2, 22) else 'rd' if d in (3, 23) else 'th'}"
            for d in range(1, 31)]
    mapping.settle_offsets([("DATE", d) for d in days])
    offset = dt.timedelta(days=int(mapping.date_offset or 0))
    for number, original in enumerate(days, 1):
        new = mapping.surrogate("DATE", original, language="en")
        m = re.fullmatch(r"(\w+) (\d+)(st|nd|rd|th)", new)
        want = dt.date(2000, 6, number) + offset
        suffix = "th" if 10 <= want.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(want.day % 10, "th")
        count("[3] recheck: ordinal dates", 1)
        count("[3] recheck: ordinal date not moved by the one offset, or a wrong suffix",
              m is None or (m.group(1), m.group(2), m.group(3)) != (_EN_MONTHS[want.month - 1], str(want.day), suffix))


_SUFFIX_NAMES = (("Zorwati", "f"), ("Zoryanti", "f"), ("Zorningsih", "f"), ("Zornengsih", "f"), ("Zormawati", "f"),
                 ("Zorwan", "m"), ("Zorianto", "m"), ("Zorrizal", "m"), ("Zorhendri", "m"), ("Zormansyah", "m"))
_STREETS = ("Jalan {}", "Jl. {}", "Gang {}", "Gg. {}", "{} Road", "{} Street", "{} Lane")
_ADDRESSES = ((r"Jl. {} No. 12", r"Jl\. .+ No\. [1-9]\d"), ("Jalan {} No. 7", r"Jalan .+ No\. [1-9]"),
              ("Gg. {} No. 3, RT 02/RW 05", r"Gg\. .+ No\. [1-9], RT 0[1-9]/RW 0[1-9]"),
              ("14 {} Road", r"[1-9]\d [A-Z][a-z]+ Road"))
_NIKS = ("1371046208950003", "1306021107880001", "3171014112900005", "3578031502870009", "7371095307920004")


def _round_four(rng: random.Random, secret: str, count: Callable[[str, int], None]) -> None:
    """The second trial (round deidsurr4): gender from name data, organisations, streets, NIKs, plates."""
    from makna.privacy._idwords import nik_is_valid
    from makna.privacy.places import ORG_SUFFIX_WORDS, ORG_TYPE_WORDS
    from makna.privacy.regions import PLATE_PROVINCES

    # 15. names of a gender the name itself shows (no honorific, no kin word)
    gendered = [n for n in sorted({n for names in _traditions().values() for n in names} | set(_all_names("id_ID")))
                if locale_gender(n) in {"m", "f"}]
    mapping = KeyMapping(secret=secret)
    names = rng.sample(gendered, 200)
    mapping.reserve(names)
    for name in names:
        count("[4] names gendered by the lists, no honorific", 1)
        count("[4] ... gender not kept", locale_gender(mapping.surrogate("PERSON", name)) != locale_gender(name))
    for name, gender in _SUFFIX_NAMES:
        count("[4] invented names with a gendered ending (-wati, -wan...)", 1)
        count("[4] ... ending's gender not kept", locale_gender(mapping.surrogate("PERSON", name)) != gender)
    neutral = [f"Zor{a}{b}" for a, b in itertools.product("aeiou", "klmr")]
    for name in neutral:
        count("[4] names no list or ending genders", 1)
        count("[4] ... surrogate of a gender (a coin flip)",
              locale_gender(mapping.surrogate("PERSON", name)) is not None)
    # 16. organisations read as organisations: a kind word kept, or a word that is no person's name
    kind = {w.casefold() for w in (*ORG_TYPE_WORDS, *ORG_SUFFIX_WORDS) for w in w.split()} - {"the", "&", "and"}
    words = ["Sinar", "Cahaya", "Berkah", "Harapan", "Bayline", "Northgate", "Copper", "Maju"]
    forms = ("{} {}", "The {} {}", "{} {} Laundry", "{} {} Cell", "{} {} Motor", "{} {} Bakery")
    mapping = KeyMapping(secret=secret, region="13")
    for form in forms:
        a, b = rng.sample(words, 2)
        org = form.format(a, b)
        new = mapping.surrogate("ORG", org, language="en" if "Bakery" in form or "The" in form else "id")
        tail = org.split()[-1] if org.split()[-1] not in {a, b} else ""
        plain = [w for w in new.split() if w.casefold() not in kind | {"the"}]
        count("[4] organisations without a legal form", 1)
        count("[4] ... reads as a person (every word a person's name, no kind word)",
              not any(w.casefold() in kind for w in new.split()) and all(
                  locale_gender(w) is not None or w in _all_names("en_GB") for w in plain))
        count("[4] ... kind word after the name lost", bool(tail) and not new.endswith(" " + tail))
    # 17. streets keep their type word; addresses their type word and house-number shape
    for form in _STREETS:
        street = form.format(rng.choice(["Melati", "Kenanga", "Harcourt", "Granby"]))
        new = mapping.surrogate("LOCATION", street, language="en" if "Road" in form or "Street" in form else "id")
        word = street.split()[0] if "{}" == form.split()[-1] else street.split()[-1]
        count("[4] streets (LOCATION)", 1)
        count("[4] ... street type word lost", word not in new.split() or new == street)
    for form, shape in _ADDRESSES:
        address = form.format(rng.choice(["Melati", "Kenanga", "Cendana"]) if "Road" not in form else "Granby")
        new = mapping.surrogate("ADDRESS", address, language="en" if "Road" in form else "id")
        count("[4] addresses", 1)
        count("[4] ... type word or house-number shape lost", re.fullmatch(shape, new) is None or new == address)
    # 18. NIKs: the same province, the birth date moved by the project's offset, the gender digit kept
    for region in (None, "13"):
        mapping = KeyMapping(secret=secret, region=region)
        mapping.settle_offsets([("DATE", "3 Maret 2024")])
        for nik in _NIKS:
            new = re.sub(r"\D", "", mapping.surrogate("NATIONAL_ID", nik))
            count("[4] NIKs", 1)
            count("[4] ... invalid, or of another province", not nik_is_valid(new) or new[:2] != nik[:2])
            day, female = int(nik[6:8]) % 40, int(nik[6:8]) > 40
            born = dt.date(1900 + int(nik[10:12]), int(nik[8:10]), day) + dt.timedelta(
                days=int(mapping.date_offset or 0))
            count("[4] ... birth date not moved by the date offset, or gender digit changed",
                  new[6:12] != f"{born.day + (40 if female else 0):02d}{born.month:02d}{born.year % 100:02d}")
    # 19. plates keep their own province's prefix, also in a project of another province
    for plate in ("BA 3318 KM", "B 4321 KJL", "DD 1234 AB", "L 777 XY", "DK 5501 QQ"):
        mapping = KeyMapping(secret=secret, region="13")
        new = mapping.surrogate("PLATE", plate)
        own = set(PLATE_PROVINCES[plate.split()[0]])
        count("[4] plates (project in West Sumatra)", 1)
        count("[4] ... prefix of another province than the plate's", not own & set(
            PLATE_PROVINCES.get(new.split()[0], ())))


_ORGS5 = (("Credit Union {}", "Credit Union", "id"), ("{} Credit Union", "Credit Union", "en"),
          ("{} Community Council", "Community Council", "en"), ("Kelompok Tani {}", "Kelompok Tani", "id"),
          ("Paguyuban {}", "Paguyuban", "id"), ("{} Foundation", "Foundation", "en"),
          ("{} Trust", "Trust", "en"), ("{} Association", "Association", "en"))
_PLACE_ORGS5 = (("{} City Council", "Leeds", "en"), ("{} University", "Coventry", "en"),
                ("University of {}", "Bradford", "en"), ("Pemerintah Kota {}", "Bukittinggi", "id"),
                ("Pemerintah Kabupaten {}", "Agam", "id"), ("{} Borough Council", "Croydon", "en"))


def _round_five(rng: random.Random, secret: str, count: Callable[[str, int], None]) -> None:
    """The third trial (round deidsurr5): kind words, place-named councils, gender from context, nicknames
    cut from a surname, e-mail addresses, compounds of neutral names."""
    # 20. kind words the lists lacked are kept; the name between reads as no person's
    mapping = KeyMapping(secret=secret, region="13")
    for form, kind, lang in _ORGS5:
        org = form.format(" ".join(rng.sample(["Kasih", "Sejati", "Harapan", "Mulia", "Bayline", "Northgate"], 2)))
        new = mapping.surrogate("ORG", org, language=lang)
        count("[5] organisations with a kind word of several words", 1)
        count("[5] ... kind word lost", kind not in new or new == org)
        rest = new.replace(kind, "").split()
        count("[5] ... reads as a person", bool(rest) and all(locale_gender(w) is not None or w in
                                                              _all_names("en_GB") for w in rest))
    for form, place, lang in _PLACE_ORGS5:
        mapping = KeyMapping(secret=secret)
        own = mapping.surrogate("LOCATION", place, language=lang)
        new = mapping.surrogate("ORG", form.format(place), language=lang)
        count("[5] councils and universities named after a place", 1)
        count("[5] ... not the place's surrogate with the kind words", new != form.format(own))
    # 21. gender from a pronoun or family word after the name (invented names no list genders)
    cues = (("{} brings his granddaughter.", "m", "en"), ("{} said she would come.", "f", "en"),
            ("{}, my sister, drives too.", "f", "en"), ("{}, adik perempuan saya, menenun.", "f", "id"),
            ("{}, kakak laki-laki saya, di Padang.", "m", "id"), ("{} is my son.", "m", "en"))
    for text_form, gender, lang in cues:
        for name in rng.sample([f"Zor{a}{b}" for a, b in itertools.product("aeiou", "klmr")], 4):
            text = text_form.format(name)
            mapping = KeyMapping(secret=secret)
            _new, reps = pseudonymise(text, _persons(text, [name]), mode="surrogate", mapping=mapping, language=lang)
            count("[5] names with a pronoun or family word after them", 1)
            count("[5] ... gender not kept", locale_gender(reps[0].replacement) != gender)
    # 22. a nickname cut from the full name's first name or surname gets the same cut of its surrogate
    for full, nick in (("Dewi Kartikasari", "Tika"), ("Indah Rahmawati", "Rahma"), ("Yulianti Sari", "Yuli"),
                       ("Margaret Okonkwo", "Maggie"), ("Fransiska Bere", "Siska")):
        text = f"Nama saya {full}, panggil saja {nick}."
        _new, reps = pseudonymise(text, _persons(text, [full, nick]), mode="surrogate",
                                  mapping=KeyMapping(secret=secret))
        whole = " ".join(r.replacement for r in reps[:1]).casefold()
        count("[5] nicknames cut from a name", nick != "Maggie")
        count("[5] ... not a cut of the name's surrogate", nick != "Maggie" and reps[1].replacement.casefold()
              not in whole)
    # 23. e-mail addresses that spell a person's names hold that person's surrogate
    for full, user in (("Margaret Okonkwo", "margaret.okonkwo"), ("Yuliana Siregar", "yuliana.siregar"),
                       ("Dewi Kartikasari", "dewikartikasari"), ("Tomasz Nowak", "tnowak")):
        text = f"{full} ({user}@example.org)"
        dets = [*_persons(text, [full]), Detection(len(full) + 2, len(text) - 1, "EMAIL", 0.9, "t",
                                                   f"{user}@example.org")]
        mapping = KeyMapping(secret=secret)
        _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        last = mapping.person_tokens[full.split()[-1].casefold()].casefold()
        count("[5] e-mail addresses that spell a person's name", 1)
        count("[5] ... surname's surrogate not in the address", last not in reps[1].replacement.casefold())
    # 24. names no list genders, forty in one project: how many get a compound of two names
    mapping = KeyMapping(secret=secret)
    unknown = [f"Zor{a}{b}{c}" for a, b, c in itertools.product("aeiou", "klmnr", "ai")][:40]
    mapping.reserve(unknown)
    for name in unknown:
        new = mapping.surrogate("PERSON", name)
        count("[5] names no list genders, 40 in one project", 1)
        count("[5] ... a compound or invented name (no listed neutral name left)",
              not any(new in pool for pool in name_pools(name, first=True, language="id", gender=None,
                                                         region=None, neutral=True)))


def _adat_lists() -> dict[str, set[str]]:
    """``data/names_minang_adat.txt`` read here (the code before round deidsurr6 has no reader for it)."""
    from pathlib import Path

    out: dict[str, set[str]] = {}
    path = Path(__file__).resolve().parent.parent / "src" / "makna" / "privacy" / "data" / "names_minang_adat.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, words = line.split(":", 1)
            out.setdefault(head.split()[0], set()).update(w.casefold() for w in words.split())
    return out


def _marked(text: str, items: list[tuple[str, str]]) -> list[Detection]:
    dets, at = [], 0
    for kind, value in items:
        start = text.index(value, at)
        dets.append(Detection(start, start + len(value), kind, 0.9, "t", value))
        at = start + len(value)
    return dets


def _round_six(secret: str, count: Callable[[str, int], None]) -> None:
    """Round deidsurr6: coarse places, the level of a place, Minang titles and clans, initials, clipped cuts."""
    # 25. provinces and countries beside towns, both languages: kept, the towns in the study's province/country
    for lang, text, items, code in (
        ("id", "Lokasi: Payakumbuh, Sumatera Barat. Asal Solok, Sumbar; suami dari Jawa Tengah.",
         [("LOCATION", "Payakumbuh"), ("LOCATION", "Sumatera Barat"), ("LOCATION", "Solok"), ("LOCATION", "Sumbar"),
          ("LOCATION", "Jawa Tengah")], "13"),
        ("en", "From Coventry, United Kingdom; mum in Scotland, dad in Nigeria. Later Derby, England.",
         [("LOCATION", "Coventry"), ("LOCATION", "United Kingdom"), ("LOCATION", "Scotland"), ("LOCATION", "Nigeria"),
          ("LOCATION", "Derby"), ("LOCATION", "England")], "GB")):
        for policy in ("keep", "replace"):
            mapping = KeyMapping(secret=secret)
            if hasattr(mapping, "coarse"):
                mapping.coarse = policy
            mapping.reserve(v for _k, v in items)
            _new, reps = pseudonymise(text, _marked(text, items), mode="surrogate", mapping=mapping, language=lang,
                                      region=code if code == "GB" else None)
            coarse = {"Sumatera Barat", "Sumbar", "Jawa Tengah", "United Kingdom", "Scotland", "Nigeria", "England"}
            towns = [r for r in reps if r.original not in coarse]
            if policy == "keep":
                count("[6] provinces and countries (default policy)", len(reps) - len(towns))
                count("[6] ... not kept as they are", sum(1 for r in reps if r.original in coarse
                                                          and r.replacement != r.original))
                count("[6] ... a town outside the study's province or country", sum(
                    1 for r in towns if code not in {p for p, _l in place_regions(r.replacement)}
                    | {c for c, _a in country_places(r.replacement)}))
            else:
                moved = {r.original: r.replacement for r in reps if r.original in coarse}
                count("[6] provinces and countries (wider policy)", len(moved))
                count("[6] ... kept, or equal to another original", sum(
                    1 for o, v in moved.items() if v == o or v in coarse))
                count("[6] ... two mentions of one region, two surrogates", len(
                    {moved[o] for o in moved if o in {"Sumatera Barat", "Sumbar", "United Kingdom", "Scotland",
                                                      "England"}}) - 1)
                new = {p for p, _l in place_regions(moved.get("Sumatera Barat", ""))} | {
                    c for c, n in _country_names().items() if n == moved.get("United Kingdom")}
                count("[6] ... a town not in its province's or country's surrogate", sum(
                    1 for r in towns if r.original in {"Payakumbuh", "Solok", "Coventry", "Derby"}
                    and not new & ({p for p, _l in place_regions(r.replacement)}
                                   | {c for c, _a in country_places(r.replacement)})))
    # 26. the level of a place: a city another city, a district another district, Jakarta a city
    for place, level in (("Bukittinggi", "city"), ("Pariaman", "city"), ("Jakarta", "city"), ("Nanggalo", "district"),
                         ("Koto Tangah", "district"), ("Kuranji", "district")):
        text = f"Saya tinggal di {place}, dekat Padang."
        mapping = KeyMapping(secret=secret)
        mapping.reserve([place, "Padang"])
        _new, reps = pseudonymise(text, _marked(text, [("LOCATION", place), ("LOCATION", "Padang")]),
                                  mode="surrogate", mapping=mapping)
        count("[6] cities and districts", 1)
        count("[6] ... surrogate of another level", level not in {lv for _p, lv in place_regions(reps[0].replacement)})
    # 27. Minang gelar and clan names (in a GB source too)
    lists = _adat_lists()
    keep = lists["title"] | lists.get("weak", set()) | lists["kept"]
    for name, region in (("Datuak Rajo Mangkuto", None), ("Sutan Marajo", None), ("Datuk Bandaro Sati", None),
                         ("Malin Sampono", None), ("Bagindo Sinaro", "GB")):
        text = f"Mamak saya {name} datang."
        _new, reps = pseudonymise(text, _marked(text, [("PERSON", name)]), mode="surrogate",
                                  mapping=KeyMapping(secret=secret), region=region)
        old, new = name.split(), reps[0].replacement.split()
        count("[6] Minang gelar", 1)
        count("[6] ... a title lost, or a word after it no title word", len(old) != len(new) or any(
            (n != o) if (o.casefold() in keep and i < len(old) - 1) else (n.casefold() not in lists["gelar"])
            for i, (o, n) in enumerate(zip(old, new, strict=False))))
    for name, region, lang in (("Arif Chaniago", "GB", "en"), ("Lestari Koto", None, "id"),
                               ("Hendra Sikumbang", None, "id"), ("Dedi Tanjung", "GB", "en")):
        text = f"My friend {name} rides too."
        mapping = KeyMapping(secret=secret)
        _new, reps = pseudonymise(text, _marked(text, [("PERSON", name)]), mode="surrogate", mapping=mapping,
                                  region=region, language=lang)
        first, clan = reps[0].replacement.split()[0], reps[0].replacement.split()[-1]
        count("[6] names with a Minang clan name", 1)
        count("[6] ... clan name not another clan name", clan.casefold() not in lists["suku"])
        count("[6] ... given name not Indonesian", not (first.lower() in _token_index()
                                                        or first in _all_names("id_ID")))
    # 28. an initial in a user name, a nickname that clips the name's end
    for full, user in (("Nurlela Tanjung", "nurlela.t"), ("Harriet Walsh", "harriet.w"),
                       ("Rosnida Piliang", "rosnida_p"), ("Grace Okafor", "grace.o")):
        text = f"{full} ({user}@example.org)"
        dets = _marked(text, [("PERSON", full), ("EMAIL", f"{user}@example.org")])
        mapping = KeyMapping(secret=secret)
        _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping)
        first = mapping.person_tokens[full.split()[0].casefold()].casefold()
        initial = mapping.person_tokens[full.split()[-1].casefold()][:1].casefold()
        local = reps[1].replacement.split("@")[0].casefold()
        count("[6] user names of a first name and an initial", 1)
        count("[6] ... not the first name's surrogate and the surname's surrogate's initial",
              re.fullmatch(re.escape(first) + r"[._]" + re.escape(initial), local) is None)
    for full, nick in (("Yusnimar", "Nima"), ("Syafrinal", "Rina"), ("Asmitar", "Mita"), ("Jasmaniar", "Mania")):
        text = f"Nama saya {full}, orang memanggil saya {nick}."
        mapping = KeyMapping(secret=secret)
        _new, reps = pseudonymise(text, _persons(text, [full, nick]), mode="surrogate", mapping=mapping)
        count("[6] nicknames that clip a name's end", 1)
        count("[6] ... not a cut of the name's surrogate", reps[1].replacement.casefold()[:2]
              not in reps[0].replacement.casefold())


_TURNS24 = (("id", "I: Kerja di mana?\nR: Di {country}. Hari Minggu saya ke {place}.\nI: Sama siapa?"),
            ("en", "I: Where did you work?\nR: In {country}. On Sundays I went to {place}.\nI: With whom?"),
            ("id", "I: Kamu kerja di {country}?\nR: Iya.\nI: Libur ke mana?\nR: Ke {place}."),
            ("en", "I: You worked in {country}?\nR: Yes.\nI: Where on days off?\nR: To {place}."))
_COUNTRIES24 = {"SG": {"id": "Singapura", "en": "Singapore"}, "HK": {"id": "Hongkong", "en": "Hong Kong"}}
_TOWN_SUFFIX24 = re.compile(r" (?:New Town|Housing Estate|Estate|Village|New Village)$")


def _towns24(country: str) -> set[str]:
    from makna.privacy.place_countries import abroad_towns

    return {_TOWN_SUFFIX24.sub("", t) for t in (*cities_in(country), *abroad_towns(country))}


def _round_24(rng: random.Random, secret: str, count: Callable[[str, int], None]) -> None:
    """Round surr24: places no list knows read from their turn and source, addresses abroad and of several
    parts, the region of a source of two regions, Indonesian country names from CLDR."""
    from makna.privacy.coarse import coarse_place
    from makna.privacy.regions import source_region
    from makna.privacy.source_regions import count_votes

    # 29. a place no list knows, its sentence naming no country: the country its turn or source names
    invented = [f"Graha {a}{b}{c}" for a, b, c in itertools.product("BDKLMS", "aeiou", ("lur", "ntar", "wis"))]
    for code, names in _COUNTRIES24.items():
        for language, form in _TURNS24:
            for place in rng.sample(invented, 10):
                text = form.format(country=names[language], place=place)
                start = text.index(place)
                mapping = KeyMapping(secret=secret, region="35")
                _new, reps = pseudonymise(text, [Detection(start, start + len(place), "LOCATION", 0.9, "t", place)],
                                          mode="surrogate", mapping=mapping, language=language)
                new = reps[0].replacement
                count("[24] places no list knows, a country named elsewhere in the turn or source", 1)
                count("[24] ... not a place of that country", code not in {c for c, _a in country_places(new)}
                      and new not in _towns24(code))
    # 30. a Singapore housing block: Block N <a Singapore town> Street N, renumbered
    for language, lead in (("id", "Majikan saya tinggal di {}, Singapura."), ("en", "She lived at {}, Singapore.")):
        for n in range(10):
            address = f"Block {rng.randint(100, 999)} {rng.choice(['Bishan', 'Tampines', 'Bedok', 'Yishun'])} " \
                      f"{rng.choice(['Street', 'Avenue'])} {rng.randint(10, 99)}"
            text = lead.format(address)
            start = text.index(address)
            _new, reps = pseudonymise(text, [Detection(start, start + len(address), "ADDRESS", 0.9, "t", address)],
                                      mode="surrogate", mapping=KeyMapping(secret=f"{secret[:-2]}{n:02x}"),
                                      language=language)
            m = re.fullmatch(r"Block (\d+) (.+) (?:Street|Avenue) (\d+)", reps[0].replacement)
            count("[24] Singapore addresses", 1)
            count("[24] ... not of Singapore's shape (Block N <a Singapore town> Street N)",
                  m is None or m.group(2) not in _towns24("SG") or m.group(2) in address)
    # 31. an address of several parts: each part read (street, village, city, province), the city its own surrogate
    for language in ("id", "en"):
        for address, city, province in (("Lorong Mawar No. 8, Kelurahan Wua-Wua, Kendari", "Kendari", "74"),
                                        ("Jl. Melati No. 12, Bukittinggi, Sumatera Barat", "Bukittinggi", "13"),
                                        ("Jalan Kenanga No. 3, Kecamatan Kuranji, Padang", "Padang", "13")):
            text = f"Alamat: {address}. {city} ramai."
            dets = _marked(text, [("ADDRESS", address), ("LOCATION", city)])
            mapping = KeyMapping(secret=secret)
            _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language=language)
            parts = reps[0].replacement.split(", ")
            count("[24] addresses of several parts", 1)
            count("[24] ... a part lost, or an original part kept (provinces aside)",
                  len(parts) != len(address.split(", ")) or any(
                      a == b and coarse_place(a) is None for a, b in zip(address.split(", "), parts, strict=False)))
            count("[24] ... the city not the city's own surrogate, or of another province",
                  reps[1].replacement not in parts
                  or province not in {p for p, _l in place_regions(reps[1].replacement)})
    # 32. a source of two regions: the weight of evidence, the header
    for identifiers, header, expected in (
            ([("LOCATION", "Garut"), ("LOCATION", "Lam Tin")], "Lokasi: Hong Kong\n", "HK"),
            ([("LOCATION", "Garut"), ("LOCATION", "Lam Tin")], "Location: Mong Kok, Hong Kong\n", "HK"),
            ([("LOCATION", "Bukittinggi"), ("LOCATION", "Payakumbuh"), ("LOCATION", "Garut"),
              ("LOCATION", "Lam Tin")], "", "13"),
            ([("LOCATION", "Lam Tin"), ("LOCATION", "Mong Kok"), ("LOCATION", "Garut")], "", "HK"),
            ([("LOCATION", "Garut"), ("LOCATION", "Lam Tin")], "", "35")):
        try:
            from makna.privacy.source_regions import header_votes
        except ImportError:  # the code before surr24 reads no header
            def header_votes(text: str) -> list[tuple[str, str]]:
                return []
        ballot = count_votes([*identifiers, *header_votes(header)])
        count("[24] sources of two regions", 1)
        count("[24] ... not the region of the weight of evidence", source_region(ballot.votes, "35", "id",
                                                                                 sure=ballot.sure) != expected)
    # 34. Taiwanese names (Faker zh_TW): tradition and gender kept, in a Taiwan source and an Indonesian one
    from faker.providers.person.zh_TW import Provider as Taiwan

    from makna.privacy.foreign_names import abroad_gender, name_tradition

    def cased(n: str) -> str:
        return "-".join(p.capitalize() for p in n.split("-"))

    for gender, honorific, given in (("f", "Bu", Taiwan.first_romanized_names_female),
                                     ("m", "Pak", Taiwan.first_romanized_names_male)):
        for region in ("TW", "35"):
            names = [f"{cased(rng.choice(list(Taiwan.last_romanized_names)))} {cased(rng.choice(list(given)))}"
                     for _ in range(10)]
            text = " ".join(f"{honorific} {n} datang." for n in names)
            _new, reps = pseudonymise(text, _persons(text, names), mode="surrogate",
                                      mapping=KeyMapping(secret=secret, region="35"), region=region)
            for rep in reps:
                words = rep.replacement.split()
                count("[24] Taiwanese names (after Pak or Bu)", 1)
                count("[24] ... tradition or gender lost", len(words) != 2 or name_tradition(words, region)
                      != "taiwanese" or abroad_gender(words[1], "taiwanese") not in {gender, None})
    # 33. Indonesian country names (CLDR) of populous countries: coarse places, kept as they are
    from babel import Locale

    from makna.privacy.coarse import _populous

    names = sorted(n for c, n in Locale("id").territories.items() if c in _country_names() and c != "ID"
                   and _populous(c, 200))
    count("[24] Indonesian names of countries of 200 towns or more", len(names))
    count("[24] ... not a coarse country", sum(1 for n in names if coarse_place(n) is None))


def _country_names() -> dict[str, str]:
    from makna.privacy.regions import countries

    return countries()


_EN_MONTHS = "January February March April May June July August September October November December".split()


if __name__ == "__main__":
    main()
