"""What a new user's trial found in the surrogates of 'makna deid apply' (#11, deidsurr3), in both languages:
a short form or nickname got a surrogate unrelated to its full name's; a surrogate held an original
(``Fitri`` -> ``Zulfitri``); an Indonesian seller's e-mail got an English user name; one organisation under
two legal forms got two surrogates; and no option chose the naming tradition."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from placed import placed as _dets

from makna.errors import InputError
from makna.privacy import KeyMapping, pseudonymise
from makna.privacy.accounts import segment, split_account
from makna.privacy.name_forms import OriginalWords, context_full, short_forms, syllable_spans
from makna.privacy.naming import (
    NAME_TITLES,
    TRADITIONS,
    _all_names,
    _token_index,
    _traditions,
    locale_gender,
    name_pools,
    resolve_tradition,
    token_gender,
)
from makna.privacy.regions import place_regions, plates_for, resolve_region
from makna.privacy.surrogates import split_org

SECRET = "5e" * 32


def _run(text: str, items: list[tuple[str, str]], mapping: KeyMapping, **kw: object) -> list[str]:
    mapping.reserve(t for _k, t in items)
    _new, reps = pseudonymise(text, _dets(text, items), mode="surrogate", mapping=mapping, **kw)  # type: ignore[arg-type]
    return [r.replacement for r in reps]


def _indonesian(word: str) -> bool:
    return word.lower() in _token_index() or word.capitalize() in _all_names("id_ID")


# ---------------------------------------------------------------------------------------- short forms
def test_syllables_and_cuts() -> None:
    assert [w for w in ("Yulianti", "Marlina", "Martyn", "Bunga")] and [
        "Yulianti"[a:b] for a, b in syllable_spans("Yulianti")] == ["Yu", "lian", "ti"]
    assert ["Bunga"[a:b] for a, b in syllable_spans("Bunga")] == ["Bu", "nga"]
    assert short_forms("Yuli", "Yulianti", "Marlina")[0] == "Marli"
    assert short_forms("Anti", "Yulianti", "Marlina")[0] == "Lina"
    assert short_forms("Chris", "Christopher", "Martyn")[0] == "Mar"
    assert all(c.casefold() != "marlina" for c in short_forms("Yuli", "Yulianti", "Marlina"))
    assert short_forms("Budi", "Santoso", "Hadi") == []  # not a cut of it
    assert context_full("Yuli", ["yulianti", "budi"]) == "yulianti"
    assert context_full("Yuli", ["yulianti", "yuliana"]) is None  # two full names: no guess
    assert context_full("Yu", ["yulianti"]) is None  # too short to say


@pytest.mark.parametrize(("lang", "text", "items", "full", "short", "prefix"), [
    ("id", "Saya Yulianti Putri, jualan di pasar. Uni Yuli baik. Yulianti juga jualan.",
     [("PERSON", "Yulianti Putri"), ("PERSON", "Yuli"), ("PERSON", "Yulianti")], "Yulianti", "Yuli", True),
    ("id", "Kak Anti datang. Namanya Suryanti Lubis. Suryanti pulang.",
     [("PERSON", "Anti"), ("PERSON", "Suryanti Lubis"), ("PERSON", "Suryanti")], "Suryanti", "Anti", False),
    ("en", "My name is Christopher Wood. Chris to my friends. Christopher works nights.",
     [("PERSON", "Christopher Wood"), ("PERSON", "Chris"), ("PERSON", "Christopher")], "Christopher", "Chris", True),
    ("en", "Elizabeth Carter runs the shop. Beth opens it. Elizabeth closes.",
     [("PERSON", "Elizabeth Carter"), ("PERSON", "Beth"), ("PERSON", "Elizabeth")], "Elizabeth", "Beth", False),
])
def test_a_short_form_gets_the_cut_of_its_full_name_surrogate(lang: str, text: str, items: list[tuple[str, str]],
                                                            full: str, short: str, prefix: bool) -> None:
    got = dict(zip((t for _k, t in items), _run(text, items, KeyMapping(secret=SECRET), language=lang), strict=True))
    whole = next(v for k, v in got.items() if " " in k).split()[0]
    cut = got[short]
    assert cut.casefold() != whole.casefold() and len(cut) >= 2
    assert (whole.startswith(cut) if prefix else whole.casefold().endswith(cut.casefold())), (whole, cut)
    assert got[full] == whole  # the first name alone: the full name's first surrogate token
    assert short.casefold() not in cut.casefold() and full.casefold() not in whole.casefold()


def test_without_a_full_name_in_the_source_a_short_form_is_a_name_of_its_own() -> None:
    mapping = KeyMapping(secret=SECRET)
    first = _run("Uni Yuli jualan.", [("PERSON", "Yuli")], mapping)[0]
    assert first != "Yuli" and not first.startswith("Yul")
    # a token that is itself the first name of a full name is no one's short form
    got = _run("Yuli Rahmawati dan Yulianti datang.", [("PERSON", "Yuli Rahmawati"), ("PERSON", "Yulianti")],
               KeyMapping(secret=SECRET))
    assert not got[1].casefold().startswith(got[0].split()[0].casefold())


def test_the_case_names_are_the_context_of_each_of_its_sources() -> None:
    mapping = KeyMapping(secret=SECRET)
    mapping.reserve(["Yulianti Putri", "Yuli"])
    _new, reps = pseudonymise("Uni Yuli datang.", _dets("Uni Yuli datang.", [("PERSON", "Yuli")]), mode="surrogate",
                              mapping=mapping, context=["Yulianti Putri"])
    _new, full = pseudonymise("Saya Yulianti Putri.", _dets("Saya Yulianti Putri.", [("PERSON", "Yulianti Putri")]),
                              mode="surrogate", mapping=mapping)
    assert full[0].replacement.split()[0].startswith(reps[0].replacement)


# ------------------------------------------------------------------------------ originals in surrogates
def _names(n: int, rng: random.Random) -> list[str]:
    given = sorted({name for (_t, role, _g), names in _traditions().items() if role == "given" for name in names}
                   | {n for pool in name_pools("X", first=True, language="id", gender=None, region=None) for n in pool})
    pairs = [f"{a} {b}" for a, b in itertools.product(given, reversed(given)) if a != b]
    return [p.lower() if i % 7 == 0 else p for i, p in enumerate(rng.sample(pairs, n))]


def test_no_surrogate_holds_an_original_over_10000_names() -> None:
    originals = _names(10_000, random.Random(3))
    mapping = KeyMapping(secret=SECRET)
    mapping.reserve(originals)
    got = [mapping.surrogate("PERSON", name) for name in originals]
    words = {w.casefold() for o in originals for w in o.split()} - set(NAME_TITLES)
    pieces = {w[i:j] for w in words for i in range(len(w)) for j in range(i + 4, len(w) + 1)}
    bad = []
    for value in got:
        for word in value.casefold().split():
            inner = {word[i:j] for i in range(len(word)) for j in range(i + 4, len(word) + 1)}
            if word in words or inner & words or (len(word) >= 4 and word in pieces):
                bad.append(value)
    assert not bad, bad[:10]
    assert len({g.casefold() for g in got}) == len(got)  # and still no two names share one


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fitri_never_becomes_zulfitri(lang: str) -> None:
    originals = ["Fitri", "Sari", "Dewi", "Rina", "Lina", "Tina", "Mark", "Anna", "Jon", "Ella"]
    for seed in range(20):
        mapping = KeyMapping(secret=f"{seed:064x}")
        mapping.reserve(originals)
        for name in originals:
            value = mapping.surrogate("PERSON", name, language=lang).casefold()
            assert not any(o.casefold() in value for o in originals if len(o) >= 4), (name, value)
            assert not (len(value) >= 4 and any(value in o.casefold() for o in originals)), (name, value)
            assert value not in {o.casefold() for o in originals}


def test_original_words_index() -> None:
    index = OriginalWords(exempt=["daeng"])
    index.add(["Zulfitri Hasan", "yulianti88@gmail.com", "Daeng Tompo"])
    assert index.meets("Fitri")  # inside an original
    assert index.meets("Zulfitriani") and index.meets("Yuliantiningsih")  # an original inside
    assert index.meets("Hasan") and index.meets("hasan")  # an original word
    assert not index.meets("Fitriani")  # shares letters with one, but neither holds the other
    assert not index.meets("Dewi") and not index.meets("Daeng")  # unrelated; an exempt title
    assert not index.meets("gmail")  # a mail domain names no one


# ------------------------------------------------------------------------------------- e-mail, handles
@pytest.mark.parametrize(("study", "lang"), [("id", "id"), ("en", "en"), ("en", "id")])
def test_user_names_keep_the_person_and_the_source_tradition(study: str, lang: str) -> None:
    text = ("Saya Yulianti Putri, jualan online. Email yulianti.putri88@gmail.com, IG @yuli_putri, "
            "toko cantik.manis@yahoo.co.id, WA wa.me/6281234567890.")
    items = [("PERSON", "Yulianti Putri"), ("EMAIL", "yulianti.putri88@gmail.com"), ("HANDLE", "@yuli_putri"),
             ("EMAIL", "cantik.manis@yahoo.co.id"), ("HANDLE", "wa.me/6281234567890")]
    got = _run(text, items, KeyMapping(secret=SECRET, region="13", language=study), language=lang)
    first, last = (w.casefold() for w in got[0].split())
    email = got[1]
    assert re.fullmatch(rf"{first}\.{last}\d\d@example\.(com|org|net)", email), (got[0], email)
    handle = got[2]
    assert handle.startswith("@") and handle[1:].split("_")[1] == last, (got[0], handle)
    assert first.startswith(handle[1:].split("_")[0]), (got[0], handle)  # Yuli: the cut of Yulianti's surrogate
    other = got[3].split("@")[0]
    assert all(_indonesian(w) for w in re.split(r"[._]", other)), other  # an Indonesian seller: Indonesian names
    assert not {"cantik", "manis"} & set(re.split(r"[._]", other))
    assert re.fullmatch(r"wa\.me/62840\d+", got[4]), got[4]  # a number link: an unassignable number


def test_a_source_abroad_gets_user_names_of_its_country() -> None:
    text = "Write to sunny.day@gmail.com"
    got = _run(text, [("EMAIL", "sunny.day@gmail.com")], KeyMapping(secret=SECRET, region="13"), region="GB")
    words = re.split(r"[._]", got[0].split("@")[0].rstrip("0123456789"))
    assert all(w.capitalize() in _all_names("en_GB") for w in words), got


def test_account_parts() -> None:
    assert split_account("EMAIL", "mailto:a.b@c.id") == ("mailto:", "a.b", "@c.id")
    assert split_account("HANDLE", "@kopi.senja_22") == ("@", "kopi.senja_22", "")
    assert split_account("HANDLE", "wa.me/628123") is None
    assert split_account("HANDLE", "instagram.com/yuli.jualan") == ("instagram.com/", "yuli.jualan", "")
    assert segment("yuliantiputri", {"yulianti", "putri"}.__contains__) == ["yulianti", "putri"]
    assert segment("cantikmanis", {"yulianti"}.__contains__) is None
    mapping = KeyMapping(secret=SECRET)
    mapping.reserve(["info.tokoyuli@gmail.com"])
    new = mapping.surrogate("EMAIL", "info.tokoyuli@gmail.com")
    assert new.startswith("info.") and "yuli" not in new and new.endswith(("@example.com", "@example.org",
                                                                           "@example.net"))


# --------------------------------------------------------------------------------------- organisations
@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_organisation_core_under_every_legal_form_and_spelling(lang: str) -> None:
    mapping = KeyMapping(secret=SECRET, region="13")
    forms = ["PT Sinar Jaya", "Sinar Jaya", "CV Sinar Jaya", "PT. Sinar Jaya Tbk", "SINAR JAYA", "Toko Sinar Jaya",
             "sinar-jaya"]
    mapping.reserve(forms)
    cores = set()
    for form in forms:
        head, _name, tail, _p = split_org(form)
        new = mapping.surrogate("ORG", form, language=lang)
        assert new.startswith(head) and new.endswith(tail), (form, new)
        core = new[len(head): len(new) - len(tail)]
        cores.add(re.sub(r"[\s\-]+", " ", core.casefold()))
        assert "sinar" not in new.casefold() and "jaya" not in new.casefold()
    assert len(cores) == 1, cores
    assert mapping.surrogate("ORG", "Sinar Jaya Abadi", language=lang).casefold() not in {
        "pt " + c for c in cores}  # another name: another surrogate
    restored = KeyMapping.from_dict(mapping.to_dict())
    assert restored.surrogate("ORG", "UD Sinar Jaya", language=lang).split(" ", 1)[1].casefold() in cores


# ------------------------------------------------------------------------------------------- traditions
def test_tradition_values() -> None:
    assert resolve_tradition("Minangkabau") == "minang" and resolve_tradition("auto") is None
    assert resolve_tradition(None) is None and resolve_tradition("javanese") == "jawa"
    with pytest.raises(InputError, match="Klingon"):
        resolve_tradition("Klingon")
    assert set(TRADITIONS) >= {"auto", "minang", "jawa", "sunda", "batak", "bali", "bugis", "indonesia", "english"}
    assert resolve_region("wider") == resolve_region("nasional") == "national" and resolve_region("province") is None


@pytest.mark.parametrize("tradition", ["minang", "jawa", "sunda", "batak", "bali", "bugis", "english"])
def test_a_chosen_tradition_gives_its_names(tradition: str) -> None:
    mapping = KeyMapping(secret=SECRET, region="13", tradition=tradition)
    pool = ({n.casefold() for n in _all_names("en_GB")} if tradition == "english" else
            {n.casefold() for (t, _r, _g), names in _traditions().items() if t == tradition for n in names})
    people = [f"Zor{a}{b}" for a, b in itertools.product("aeiou", "klmnr")]
    got = [mapping.surrogate("PERSON", p) for p in people]
    assert all(g.casefold() in pool for g in got), [g for g in got if g.casefold() not in pool]
    # the gender an honorific shows still holds
    _new, reps = pseudonymise("Pak Zorvan datang.", _dets("Pak Zorvan datang.", [("PERSON", "Zorvan")]),
                              mode="surrogate", mapping=mapping)
    assert token_gender(reps[0].replacement) in {"m", None}


def test_a_source_tradition_overrides_the_project_one() -> None:
    mapping = KeyMapping(secret=SECRET, region="13", tradition="minang")
    got = _run("Zorvan datang.", [("PERSON", "Zorvan")], mapping, tradition="jawa")
    assert got[0].casefold() in {n.casefold() for (t, _r, _g), ns in _traditions().items() if t == "jawa" for n in ns}
    assert KeyMapping.from_dict(mapping.to_dict()).tradition == "minang"


# --------------------------------------------------------------------------- issue #11 section 4, again
def test_section_four_still_holds() -> None:
    mapping = KeyMapping(secret=SECRET)
    items = [("PERSON", "Zorvan"), ("PERSON", "Zorvin"), ("LOCATION", "Padang"), ("LOCATION", "Bukittinggi"),
             ("PLATE", "BA 4512 QZ"), ("PHONE", "0812-3456-7890"), ("PHONE", "+62 813 1111 2222"),
             ("PHONE", "07911 123456"), ("DATE", "June 3rd"), ("DATE", "June 21st"), ("DATE", "14 Agustus 2026")]
    text = ("Pak Zorvan dan istrinya, Zorvin, tinggal di Padang, asal Bukittinggi. Motor BA 4512 QZ. "
            "HP 0812-3456-7890, +62 813 1111 2222, 07911 123456. June 3rd, June 21st, 14 Agustus 2026.")
    mapping.settle_offsets(items)
    got = dict(zip((t for _k, t in items), _run(text, items, mapping), strict=True))
    assert locale_gender(got["Zorvan"]) == "m" and locale_gender(got["Zorvin"]) == "f"  # honorific, kin word
    assert all("13" in {p for p, _lv in place_regions(got[p])} for p in ("Padang", "Bukittinggi"))
    assert got["BA 4512 QZ"].split()[0] in plates_for("13")
    assert re.fullmatch(r"0840-\d{4}-\d{4}", got["0812-3456-7890"])
    assert got["+62 813 1111 2222"].startswith("+62 840")
    assert got["07911 123456"].replace(" ", "").startswith("07700900")
    for original, day in (("June 3rd", 3), ("June 21st", 21)):  # one offset for every date, ordinals follow
        new = dt.date(2000, 6, day) + dt.timedelta(days=int(mapping.date_offset or 0))
        suffix = "th" if 10 <= new.day <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(new.day % 10, "th")
        assert got[original] == f"{new:%B} {new.day}{suffix}", (original, got[original])


_NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12).map(str.capitalize)


@settings(max_examples=300, deadline=None)
@given(full=_NAME, cut=st.integers(2, 10), suffix=st.booleans(), surrogate=_NAME)
def test_every_cut_is_a_proper_prefix_or_suffix(full: str, cut: int, suffix: bool, surrogate: str) -> None:
    short = full[-cut:] if suffix else full[:cut]
    spans = syllable_spans(surrogate)
    assert spans[0][0] == 0 and spans[-1][1] == len(surrogate)
    assert all(a < b and b == c for (a, b), (c, _d) in zip(spans, spans[1:], strict=False))  # they tile the word
    for piece in short_forms(short, full, surrogate):
        low, whole = piece.casefold(), surrogate.casefold()
        assert 2 <= len(piece) < len(surrogate)
        assert whole.startswith(low) if full.casefold().startswith(short.casefold()) else whole.endswith(low)
