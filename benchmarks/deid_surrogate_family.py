"""Round twenty-five of the surrogate checker (``benchmarks/deid_surrogate_check.py``; issue #11, trial13 #10):
families over a generated project of many families (kin words and shared surnames in both languages, in sources
of the UK and of Indonesian provinces), the tradition kept, no surrogate equal to an original, no collision over
10,000 names of families that share surnames; and what surr24 left (a tie in a turn, ``Jurong``, Taiwanese names
of unknown gender). Runs on the code before round twenty-five too (for the "before" figures)::

    python benchmarks/deid_surrogate_family.py [SEEDS]
"""

from __future__ import annotations

import itertools
import random
import sys
import time
from collections.abc import Callable

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.naming import NAME_TITLES, _all_names, _token_index, _traditions, name_language, neutral_names

_NG = ("en_NG", "yo_NG", "ig_NG", "ha_NG")
Count = Callable[[str, int], None]


def _unlisted(rng: random.Random, n: int) -> list[str]:
    """``n`` invented given names no list holds and no Indonesian ending reads (their tradition is the family's)."""
    out: list[str] = []
    for a, b, c in itertools.product("bdgklmnprstv", "aeiou", ("nbo", "rke", "lfu", "mpo", "gwe", "zzo", "xte")):
        word = f"Zo{a}{b}{c}"
        if (
            word.lower() not in _token_index()
            and name_language(word, "xx") == "xx"
            and not any(word in _all_names(loc) for loc in (*_NG, "en_GB", "tw_GH", "id_ID"))
        ):
            out.append(word)
    return rng.sample(out, min(n, len(out)))


def _given(tradition: str, gender: str) -> set[str]:
    return {
        n
        for (t, r, g), names in _traditions().items()
        if t == tradition and r == "given" and g in {gender, "u"}
        for n in names
    }


def _family(tradition: str) -> tuple[str, ...]:
    return _traditions()[(tradition, "family", "u")] if (tradition, "family", "u") in _traditions() else ()


def _run(
    text: str, items: list[tuple[str, str]], mapping: KeyMapping, language: str, region: str | None = None
) -> list[tuple[str, str]]:
    dets, pos = [], 0
    for kind, value in items:
        start = text.index(value, pos)
        dets.append(Detection(start, start + len(value), kind, 0.9, "t", value))
        pos = start + len(value)
    _new, reps = pseudonymise(text, dets, mode="surrogate", mapping=mapping, language=language, region=region)
    return [(r.original, r.replacement) for r in reps]


# (language, region, text with {parent} and {child}, the child's gender, tradition test of a surrogate word)
_KINDS: tuple[tuple[str, str, str | None, str, str], ...] = (
    ("ng", "en", "GB", "Mrs {parent} told us about her daughter {child}.", "f"),
    ("ng", "en", "GB", "{parent}: My son, {child}, drives for an app.", "m"),
    ("gh", "en", "GB", "Mrs {parent} lives in Leeds with her son {child}.", "m"),
    ("batak", "id", None, "Pak {parent} cerita. Anak perempuannya, {child}, kerja di Batam.", "f"),
    ("batak", "id", None, "{parent}: Anak laki-laki saya {child} sudah kuliah.", "m"),
    ("minang", "id", None, "Uda {parent} datang. Adik perempuannya, {child}, sekolah di Solo.", "f"),
)


def _of(tradition: str, word: str, gender: str) -> bool:
    if tradition == "ng":  # (the names both genders bear of names_neutral_abroad.txt: none before round 25)
        return any(word in _all_names(loc) for loc in _NG) or word in neutral_names("ng")
    if tradition == "gh":
        return word in _all_names("tw_GH")
    return word in _given(tradition, gender) or word in _family(tradition)


def round_25(rng: random.Random, secret: str, count: Count) -> None:
    """The round's checks, counted into ``count`` (``[25] ...`` rows)."""
    _families(rng, secret, count)
    _shared_surnames(rng, secret, count)
    _ten_thousand(rng, secret, count)
    _leftovers(rng, secret, count)


def _families(rng: random.Random, secret: str, count: Count) -> None:
    elsewhere = {n for loc in ("en_GB", "en_US", "id_ID", "en_KE", "en_IN", "en_PK") for n in _all_names(loc)}
    ng_last = sorted({n for loc in _NG for n in _faker_last(loc)} - elsewhere - _all_names("tw_GH"))
    gh_last = sorted(_faker_last("tw_GH") - elsewhere - {n for loc in _NG for n in _all_names(loc)})  # own only
    regions = {"batak": "31", "minang": "33"}  # Jakarta (no tradition of its own), Central Java (Javanese)
    invented = _unlisted(rng, 600)
    for n, (tradition, language, region, form, gender) in enumerate(_KINDS * 20):
        given, child = invented[2 * n % len(invented)], invented[(2 * n + 1) % len(invented)]
        if tradition == "ng":
            parent = f"{given} {rng.choice(ng_last)}"
        elif tradition == "gh":
            parent = f"{given} {rng.choice(gh_last)}"
        elif tradition == "batak":
            parent = f"{rng.choice(sorted(_given('batak', 'm')))} {rng.choice(_family('batak'))}"
        else:
            parent = rng.choice(sorted(_given("minang", "m") - _given("minang", "f")))
        text = form.format(parent=parent, child=child)
        mapping = KeyMapping(secret=secret, region=regions.get(tradition))
        mapping.reserve([parent, child])
        got = dict(_run(text, [("PERSON", parent), ("PERSON", child)], mapping, language, region))
        count("[25] families (a member no list places: its name's or family's tradition)", 1)
        count("[25] ... the member's surrogate not of the family's tradition", not _of(tradition, got[child], gender))
        if tradition in {"ng", "gh"}:
            count(
                "[25] ... the parent's unlisted given name not of its own surname's tradition",
                not _of(tradition, got[parent].split()[0], "f"),
            )
        words = {w.casefold() for w in (*parent.split(), *child.split())}
        count(
            "[25] ... a surrogate word equal to an original",
            bool({w.casefold() for v in got.values() for w in v.split()} & words),
        )


def _faker_last(locale: str) -> set[str]:
    from makna.privacy.naming import _faker_lists

    return set(_faker_lists(locale)["last_names"])


def _shared_surnames(rng: random.Random, secret: str, count: Count) -> None:
    """Three people of one surname in two sources (one of them Batak-named): one surrogate surname."""
    invented = _unlisted(rng, 300)
    for n in range(60):
        surname = f"{invented[n % len(invented)]}gar"
        batak = rng.choice(sorted(_given("batak", "f") - _given("batak", "m")))
        a, b = invented[(n + 1) % len(invented)], invented[(n + 2) % len(invented)]
        mapping = KeyMapping(secret=secret, region="31")
        mapping.reserve([f"{batak} {surname}", f"{a} {surname}", f"{b} {surname}"])
        first = _run(
            f"Bu {batak} {surname} dan Pak {a} {surname} datang.",
            [("PERSON", f"{batak} {surname}"), ("PERSON", f"{a} {surname}")],
            mapping,
            "id",
        )
        second = _run(f"Mbak {b} {surname} kerja di Medan.", [("PERSON", f"{b} {surname}")], mapping, "id")
        got = [*first, *second]
        count("[25] people sharing a surname (3 in 2 sources)", 3)
        count("[25] ... a surname with more than one surrogate", len({v.split()[-1] for _o, v in got}) - 1)
        count(
            "[25] ... an unlisted given name not of the family's tradition (Batak)",
            sum(1 for _o, v in got[1:] if v.split()[0] not in _given("batak", "m") | _given("batak", "f")),
        )


def _ten_thousand(rng: random.Random, secret: str, count: Count) -> None:
    """10,000 names of 2,500 families of four sharing a surname: distinct people, distinct surrogates."""
    given = sorted(
        {n for (_t, r, _g), names in _traditions().items() if r == "given" for n in names}
        | {n for loc in ("en_GB", "id_ID") for n in _all_names(loc)}
    )
    surnames = sorted({n for loc in ("en_GB", *_NG) for n in _faker_last(loc)} | set(_family("batak")))
    people: dict[str, str] = {}
    while len(people) < 10_000:
        family = rng.choice(surnames) + rng.choice(["", "son", "putra", "wati"])
        for g in rng.sample(given, 4):
            people.setdefault(f"{g} {family}".casefold(), f"{g} {family}")
    names = list(people.values())[:10_000]
    mapping = KeyMapping(secret=secret)
    mapping.reserve(names)
    for chunk in range(0, len(names), 200):
        part = names[chunk : chunk + 200]
        text = "\n".join(f"I: Saya kenal {p} dan keluarganya." for p in part)
        _run(text, [("PERSON", p) for p in part], mapping, "id")
    got = [mapping.surrogates["PERSON"][n] for n in names]
    words = {w.casefold() for n in names for w in n.split()} - set(NAME_TITLES)  # Raden, Haji: kept by design
    count("[25] names of families drawn (10,000 a seed)", len(got))
    count(
        "[25] ... collisions (two people, one surrogate, case-insensitive)", len(got) - len({g.casefold() for g in got})
    )
    count(
        "[25] ... a surrogate word equal to an original word",
        sum(1 for g in got if {w.casefold() for w in g.split()} & words),
    )
    by_surname: dict[str, set[str]] = {}
    for n, g in zip(names, got, strict=True):
        by_surname.setdefault(n.split()[-1].casefold(), set()).add(g.split()[-1].casefold())
    count(
        "[25] ... a shared surname with more than one surrogate surname", sum(len(v) - 1 for v in by_surname.values())
    )


def _leftovers(rng: random.Random, secret: str, count: Count) -> None:
    from makna.privacy.place_countries import document_region, place_votes

    for text, expected in (
        ("R: Saya dari Garut, kerja di Singapura. Majikan saya dekat {p}.", "SG"),
        ("R: I'm from Garut but I work in Singapore. My employer lives near {p}.", "SG"),
        ("R: Saya kerja di Singapura, tapi keluarga di Garut, dekat {p}.", "32"),
        ("R: I work in Singapore, but my family lives in Garut, near {p}.", "32"),
    ):
        for place in ("Graha Melur", "Zorplaza", "Wisma Kenanga"):
            full = text.format(p=place)
            count("[25] places after a tie of two regions in their turn", 1)
            count(
                "[25] ... not the region named nearest",
                document_region(full, [(full.index("Garut"), "Garut")], full.index(place)) != expected,
            )
    heads = ("Jurong", "Tuen", "Yuen", "Kwun")
    count("[25] names heading towns of one country abroad (Jurong, Tuen, Yuen, Kwun)", len(heads))
    count("[25] ... no vote for that country", sum(1 for h in heads if len(place_votes(h)) != 1))
    from makna.privacy.foreign_names import abroad_gender, name_tradition

    family = ["Chen", "Lin", "Wang", "Tsai", "Huang", "Liu", "Chang", "Li", "Wu", "Kuo", "Hsu", "Cheng"]
    names = [f"{f} {g}" for f, g in zip(family, ["Yu-Ting", "Chia-Jung", "Yu-Chen"] * 4, strict=True)]
    text = " ".join(f"Saya kenal {n}." for n in names)
    got = _run(text, [("PERSON", n) for n in names], KeyMapping(secret=secret, region="35"), "id", "TW")
    count("[25] Taiwanese names of unknown gender (12 in one source)", len(got))
    count(
        "[25] ... a compound, invented or gendered given name",
        sum(
            1
            for _o, v in got
            if len(v.split()) != 2
            or name_tradition(v.split(), "TW") != "taiwanese"
            or abroad_gender(v.split()[1], "taiwanese") is not None
        ),
    )


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    totals: dict[str, int] = {}

    def count(key: str, n: int) -> None:
        totals[key] = totals.get(key, 0) + int(n)

    t0 = time.perf_counter()
    for seed in range(seeds):
        round_25(random.Random(seed), f"{seed + 7:064x}", count)
    print(f"{seeds} seed(s), {time.perf_counter() - t0:.1f} s")
    for key, value in totals.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
