"""Surrogate cases of round deidsurr4 (#11 section 4): short transcripts in the corpus format
(``tests/privacy/deidsurr4cases/{tune,sealed}/*.txt``, ``[[TYPE:text]]`` mark-up read by ``parse()`` of
``tests/privacy/corpus/build.py``) whose ``# expect:`` header lines say what each surrogate must keep:

* ``gender NAME m|f|u``: the surrogate of the name token ``NAME`` is of that gender in makna's gendered name
  lists (``u``: of none, a name that shows no gender);
* ``shape ORIGINAL => REGEX``: the surrogate of ``ORIGINAL`` matches ``REGEX`` whole (type words, house
  numbers, legal forms kept);
* ``orglike ORIGINAL``: an organisation's surrogate keeps a kind word or legal form, or holds a word that is
  no person's name (it does not read as a person);
* ``nik ORIGINAL``: a valid NIK of the same province, its birth date moved by the project's date offset,
  the gender digit kept;
* ``plate ORIGINAL``: a plate of a prefix of the same province;
* ``province ORIGINAL CODE``: a place of that province;
* ``phone ORIGINAL``: a number in a range no operator assigns (Indonesia ``0840``, the UK ``07700 900``);
* ``date ORIGINAL``: the day moved by the project's offset, the ordinal suffix right;

and (round deidsurr5, ``--cases deidsurr5cases``):

* ``notperson ORIGINAL``: the words an organisation's surrogate does not share with the original (its kept
  kind words) are not all person names;
* ``placeorg ORIGINAL => PLACE``: the organisation's surrogate holds the project's surrogate of ``PLACE``;
* ``country ORIGINAL CODE``: a city of that country;
* ``cut NICK FULL``: the nickname's surrogate is a cut of the surrogate of the name token ``FULL``;
* ``emailname ADDRESS => NAME``: the address's user part holds the surrogate of every token of ``NAME``;
* ``tradition NAME T``: the surrogate of ``NAME`` is of tradition ``T`` (``minang``...; ``id``: an
  Indonesian list's name; ``en``: an English list's);
* ``srcregion CODE``: the source's own surrogate region (as ``makna deid apply`` infers it) is ``CODE``;

and (round deidsurr6, ``--cases deidsurr6cases``):

* ``kept ORIGINAL``: a coarse place (a province, a country) is kept as it is, and recorded as kept;
* ``level ORIGINAL LEVEL``: the place's surrogate (without its type word) is a place of that level
  (``city``, ``regency``, ``district``) in makna's table of Indonesian regions;
* ``gelar ORIGINAL``: a Minang adat title: its title words kept, every other word another title word
  (``data/names_minang_adat.txt``);
* ``suku NAME``: the surrogate of the name token ``NAME`` (a Minang clan name) is another clan name;
* ``emailinitial ADDRESS => FIRST LAST``: the user part is the surrogate of ``FIRST``, a separator, and
  the first letter of the surrogate of ``LAST``.

And for every replacement: never an original of the split; distinct originals, distinct surrogates; one
original, one surrogate in every case. Each split is one project (a :class:`KeyMapping` for all its cases,
as ``makna deid apply`` uses it), under several secrets. Prints the aggregate pass rate per check; misses are
shown for ``tune`` only (``--misses``), never for ``sealed``::

    python benchmarks/deid_surrogate_cases.py [--misses] [--secrets N] [--cases deidsurr5cases]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy._idwords import PLATE_REGIONS, nik_is_valid
from makna.privacy.naming import _all_names, _token_index, locale_gender, name_language, token_traditions
from makna.privacy.places import ORG_SUFFIX_WORDS, ORG_TYPE_WORDS
from makna.privacy.project import detection_language
from makna.privacy.regions import PLATE_PROVINCES, country_places, place_regions, region_votes, source_region
from makna.privacy.surrogates import split_place

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "privacy" / "deidsurr4cases"
sys.path.insert(0, str(ROOT / "tests" / "privacy" / "corpus"))
from build import parse  # noqa: E402

_KIND = {w.casefold() for w in (*ORG_TYPE_WORDS, *ORG_SUFFIX_WORDS) for w in w.split()} - {"the", "&", "and"}
_MONTHS = {
    m.casefold(): i
    for i, m in enumerate(
        "January February March April May June July August September October November December".split(), 1
    )
}
_MONTHS |= {
    m.casefold(): i
    for i, m in enumerate(
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split(), 1
    )
}


def load(split: str, cases: Path = CASES) -> list[tuple[dict[str, object], list[str]]]:
    out = []
    for path in sorted((cases / split).glob("*.txt")):
        source = path.read_text(encoding="utf-8")
        expects = [line[len("# expect:") :].strip() for line in source.splitlines() if line.startswith("# expect:")]
        out.append((parse(source), expects))
    return out


def _person_word(word: str) -> bool:
    title = word[:1].upper() + word[1:].lower()
    return (
        locale_gender(word) is not None
        or word.casefold() in _token_index()
        or title in _all_names("en_GB")
        or title in _all_names("id_ID")
    )


def _orglike(value: str) -> bool:
    words = [w.strip(".,()") for w in value.split()]
    if any(w.casefold() in _KIND for w in words):
        return True
    names = [w for w in words if w.casefold() not in {"the", "&", "and", "dan"}]
    return bool(names) and not all(_person_word(w) for w in names)


def _nik_date(nik: str) -> tuple[dt.date, bool] | None:
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > 40
    try:
        return dt.date(1900 + year if year > 30 else 2000 + year, month, day - 40 if female else day), female
    except ValueError:
        return None


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _token(name: str, sur: dict[str, str], mapping: KeyMapping) -> str:
    """The surrogate of a name token: of the whole name where it stands alone, else of the token."""
    return sur[name].split()[0] if name in sur else mapping.person_tokens.get(name.casefold(), name)


def _adat() -> dict[str, set[str]]:
    """The word lists of ``data/names_minang_adat.txt`` (case-folded), read here so that the code before
    round deidsurr6 can be measured too."""
    out: dict[str, set[str]] = {}
    path = ROOT / "src" / "makna" / "privacy" / "data" / "names_minang_adat.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, words = line.split(":", 1)
            out.setdefault(head.split()[0], set()).update(w.casefold() for w in words.split())
    return out


def _check6(kind: str, arg: str, sur: dict[str, str], mapping: KeyMapping) -> bool:
    """The checks of round deidsurr6 (see the module documentation)."""
    if kind == "kept":
        return sur[arg] == arg and arg in getattr(mapping, "kept", {})
    if kind == "level":
        original, level = arg.rsplit(" ", 1)
        core = split_place(sur[original])[1]
        return core.casefold() != split_place(original)[1].casefold() and level in {
            lv for _p, lv in place_regions(core)
        }
    adat = _adat()
    if kind == "gelar":
        old, new = arg.split(), sur[arg].split()
        if len(old) != len(new):
            return False
        kept = adat["title"] | adat["weak"] | adat["kept"]
        return all(
            (n == o) if (o.casefold() in kept and i < len(old) - 1) else (n != o and n.casefold() in adat["gelar"])
            for i, (o, n) in enumerate(zip(old, new, strict=True))
        )
    if kind == "suku":
        new = _token(arg, sur, mapping)
        return new.casefold() != arg.casefold() and new.casefold() in adat["suku"]
    if kind == "emailinitial":
        address, name = arg.split(" => ")
        first, last = name.split()
        user = sur[address].split("@")[0].casefold()
        want = mapping.person_tokens.get(first.casefold(), "\0").casefold()
        initial = mapping.person_tokens.get(last.casefold(), "\0")[:1].casefold()
        return re.fullmatch(re.escape(want) + r"[._\-]?" + re.escape(initial), user) is not None
    raise ValueError(f"unknown check {kind!r}")


def _check5(kind: str, arg: str, sur: dict[str, str], mapping: KeyMapping, region: str | None) -> bool:
    """The checks of round deidsurr5 (see the module documentation)."""
    if kind == "notperson":
        kept = {w.casefold() for w in arg.split()}
        new = [w for w in sur[arg].split() if w.casefold() not in kept]
        return bool(new) and not all(_person_word(w.strip(".,()")) for w in new)
    if kind == "placeorg":
        org, place = arg.split(" => ")
        return sur.get(place, mapping.places.get(place.casefold(), "\0")) in sur[org]
    if kind == "country":
        original, code = arg.rsplit(" ", 1)
        return code in {c for c, _a in country_places(sur[original])} and sur[original] != original
    if kind == "cut":
        nick, full = arg.split(" ")
        whole = mapping.person_tokens.get(full.casefold(), "")
        return bool(whole) and sur[nick].casefold() in whole.casefold() and sur[nick].casefold() != nick.casefold()
    if kind == "emailname":
        address, name = arg.split(" => ")
        user = sur[address].split("@")[0].casefold()
        return all(mapping.person_tokens.get(t.casefold(), "\0").casefold() in user for t in name.split())
    if kind == "tradition":
        name, want = arg.rsplit(" ", 1)
        new = _token(name, sur, mapping)
        if want in {"id", "en"}:
            return name_language(new, "x") == want
        return want in token_traditions(new)
    if kind == "srcregion":
        return region == arg
    raise ValueError(f"unknown check {kind!r}")


def check(
    kind: str, arg: str, sur: dict[str, str], offset: int, mapping: KeyMapping | None = None, region: str | None = None
) -> bool:
    if kind in {"kept", "level", "gelar", "suku", "emailinitial"}:
        assert mapping is not None
        return _check6(kind, arg, sur, mapping)
    if kind in {"notperson", "placeorg", "country", "cut", "emailname", "tradition", "srcregion"}:
        assert mapping is not None
        return _check5(kind, arg, sur, mapping, region)
    if kind == "gender":
        name, want = arg.rsplit(" ", 1)
        new = _token(name, sur, mapping) if mapping is not None else sur[name].split()[0]
        return (locale_gender(new) or "u") == want
    if kind == "shape":
        original, rx = arg.split(" => ", 1)
        return re.fullmatch(rx, sur[original]) is not None
    if kind == "orglike":
        return _orglike(sur[arg])
    if kind == "nik":
        new = re.sub(r"\D", "", sur[arg])
        before, after = _nik_date(arg), _nik_date(new) if len(new) == 16 else None
        return (
            len(new) == 16
            and nik_is_valid(new)
            and new[:2] == arg[:2]
            and new != arg
            and before is not None
            and after is not None
            and after[1] == before[1]
            and after[0] == before[0] + dt.timedelta(days=offset)
        )
    if kind == "plate":
        prefix = re.match(r"[A-Z]{1,2}", arg)
        new = re.match(r"[A-Z]{1,2}", sur[arg])
        own = set(PLATE_PROVINCES.get(prefix.group(0), ())) if prefix else set()
        return (
            new is not None
            and new.group(0) in PLATE_REGIONS
            and bool(own & set(PLATE_PROVINCES.get(new.group(0), ())))
            and sur[arg] != arg
        )
    if kind == "province":
        original, code = arg.rsplit(" ", 1)
        return code in {p for p, _lv in place_regions(sur[original])}
    if kind == "phone":
        digits = re.sub(r"\D", "", sur[arg])
        return digits.startswith(("0840", "62840", "07700900")) and sur[arg] != arg
    if kind == "date":
        month = next((n for w, n in _MONTHS.items() if re.search(rf"(?i)\b{w}\b", arg)), 0)
        day = int(re.search(r"\d+", arg).group(0))  # type: ignore[union-attr]
        want = dt.date(2000, month, day) + dt.timedelta(days=offset)
        m = re.search(r"(\d+)(st|nd|rd|th)", sur[arg])
        month_new = next((n for w, n in _MONTHS.items() if re.search(rf"(?i)\b{w}\b", sur[arg])), 0)
        return m is not None and (int(m.group(1)), m.group(2), month_new) == (want.day, _ordinal(want.day), want.month)
    raise ValueError(f"unknown check {kind!r}")


def _source_votes(dets: list[Detection]) -> dict[str, float]:
    """A source's region votes as 'makna deid apply' counts them (before round deidsurr5: one by one)."""
    try:
        from makna.privacy.source_regions import source_votes
    except ImportError:  # the code before round deidsurr5
        votes: dict[str, float] = {}
        for d in dets:
            for place, weight in region_votes(d.type, d.text).items():
                votes[place] = votes.get(place, 0.0) + weight
        return votes
    return source_votes((d.type, d.text) for d in dets)


def run(split: str, secrets: int, misses: bool, where: Path = CASES) -> Counter[str]:
    cases = load(split, where)
    score: Counter[str] = Counter()
    for s in range(secrets):
        mapping = KeyMapping(secret=f"{s + 41:064x}")
        docs = [
            (
                doc,
                exp,
                [
                    Detection(int(p["start"]), int(p["end"]), str(p["type"]), 0.9, "t", str(p["text"]))
                    for p in doc["pii"]
                ],
            )
            for doc, exp in cases
        ]  # type: ignore[attr-defined]
        mapping.reserve(d.text for _doc, _e, dets in docs for d in dets)
        for doc, _e, dets in docs:
            mapping.learn(str(doc["text"]), dets)
        mapping.settle_offsets([(d.type, d.text) for _doc, _e, dets in docs for d in dets])
        originals = {d.text.casefold() for _doc, _e, dets in docs for d in dets}
        seen: dict[tuple[str, str], str] = {}
        drawn: dict[tuple[str, str], str] = {}
        for doc, expects, dets in docs:
            # the source's own region, as 'makna deid apply' infers it
            votes = _source_votes(dets)
            region = source_region(votes, None, detection_language(str(doc["language"])))
            _new, reps = pseudonymise(
                str(doc["text"]), dets, mode="surrogate", mapping=mapping, language=str(doc["language"]), region=region
            )
            sur = {r.original: r.replacement for r in reps}
            for r in reps:
                score["all: replacements"] += 1
                if r.original in getattr(mapping, "kept", {}):  # a coarse place kept: no surrogate (deidsurr6)
                    score["all: coarse places kept"] += 1
                elif r.replacement.casefold() in originals:
                    score["all: MISS equal to an original of the split"] += 1
                    if misses:
                        print(f"  {doc['id']}: {r.original!r} -> {r.replacement!r} is an original")
                key = (r.type, r.original)
                if seen.setdefault(key, r.replacement) != r.replacement:
                    score["all: MISS one original, two surrogates"] += 1
                other = drawn.setdefault((r.type, r.replacement.casefold()), r.original)
                if other.casefold() != r.original.casefold() and (
                    r.type != "PERSON" or not (set(other.split()) & set(r.original.split()))
                ):
                    score["all: MISS two originals, one surrogate"] += 1
            for expect in expects:
                kind, _, arg = expect.partition(" ")
                ok = check(kind, arg, sur, int(mapping.date_offset or 0), mapping, region or mapping.region)
                score[f"{kind}: checked"] += 1
                if not ok:
                    score[f"{kind}: MISS"] += 1
                    if misses:
                        shown = (
                            arg.split(" => ")[0].rsplit(" ", 1)[0]
                            if kind in {"gender", "province", "level"}
                            else (arg.split(" => ")[0])
                        )
                        got = (
                            region
                            if kind == "srcregion"
                            else sur.get(shown, mapping.person_tokens.get(shown.casefold()))
                        )
                        print(f"  {doc['id']} [{kind}] {arg!r}: got {got!r}")
    return score


def tune_floor(folder: str, secrets: int = 2) -> tuple[float, list[str]]:
    """For a test: the share of the ``tune`` expectations of ``tests/privacy/<folder>`` met, and the
    surrogate defects found (an original given back, two surrogates for one, one for two)."""
    score = run("tune", secrets, False, CASES.parent / folder)
    checked = sum(v for k, v in score.items() if k.endswith(": checked"))
    missed = sum(v for k, v in score.items() if k.endswith(": MISS") and not k.startswith("all"))
    return (checked - missed) / max(checked, 1), [k for k, v in score.items() if k.startswith("all: MISS") and v]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true", help="print the misses of the tune split (never sealed)")
    ap.add_argument("--secrets", type=int, default=5)
    ap.add_argument("--cases", default=CASES.name, help="the folder of cases under tests/privacy")
    args = ap.parse_args()
    where = CASES.parent / args.cases
    for split in ("tune", "sealed"):
        score = run(split, args.secrets, args.misses and split == "tune", where)
        kinds = sorted({k.split(":")[0] for k in score})
        total = sum(score[f"{k}: checked"] for k in kinds if k != "all")
        missed = sum(score[f"{k}: MISS"] for k in kinds if k != "all")
        print(
            f"{split}: {len(load(split, where))} cases x {args.secrets} secrets; expectations met "
            f"{total - missed}/{total} ({(total - missed) / max(total, 1):.3f})"
        )
        for k in kinds:
            if k == "all":
                continue
            n, bad = score[f"{k}: checked"], score[f"{k}: MISS"]
            print(f"  {k:8} {n - bad:4}/{n:<4} {(n - bad) / max(n, 1):.3f}")
        n = score["all: replacements"]
        for what in (
            "equal to an original of the split",
            "one original, two surrogates",
            "two originals, one surrogate",
        ):
            print(f"  {what}: {score['all: MISS ' + what]} of {n} replacements")
        if score["all: coarse places kept"]:
            print(f"  coarse places kept as they are: {score['all: coarse places kept']} of {n} replacements")


if __name__ == "__main__":
    main()
