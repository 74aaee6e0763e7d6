"""Ages by what is said around them, where no age word comes first (#11, round twelve).

AGE (the number, with its unit when there is one):

* **an age "now"** (``kelahiran 94, jadi kini 32 taun.``, ``sekarang 28 tahun,``): ``kini`` or ``sekarang`` right
  before a number of ten or more and its unit, closing the clause (``sekarang 5 tahun di sini`` goes on, and a
  number under ten after "now" is a duration as often as an age);
* **an age written on a profile or an ID** (``di profil ambo tulih 22thn``, ``tulih duo ampek``: 24, ``on my
  profile I put 24.``, ``di KTP tertulis 29 tahun``): a profile, bio, app or card word, a verb of writing or
  putting, and a number of ten or more closing its clause;
* **an age given as an answer with its unit** (``Aku jawab 23thn``, ``ngakunya 19 tahun``, ``malah tulis
  19th``): a verb of answering, claiming or writing, and a number with an age unit;
* **a number glued to "thn"** (``umurku 23thn``, ``Adikku, Jelita, 16thn``): the chat spelling of an age (a
  duration is said after "sudah", "selama", "sejak": ``udah 3thn``, which is left alone);
* **a child's age after a comma** (``Anak ambo duo, limo taun.``): a child noun (anak, adik, cucu,
  keponakan), a few words, a comma and a number with its unit closing the clause.

Birth years (``kelahiran 2001``, ``born in ninety-eight``) are bare years, no age (the corpus conventions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from . import gazetteers as gz
from ._fastrx import gated_finditer, trigger
from ._leadset import lead_set
from ._text import is_sentence_initial
from .numwords import EN_NUM, EN_TENS_TEENS, ID_NUM, ID_TENS_TEENS, ID_UNITS, SPOKEN_PAIR, parse_number
from .types import Detection

__all__ = ["find_form_ages"]

_UNIT = r"(?i:tahun|taun|taon|thn|th\b|years?[ \t]+old|years?)"
_TEN_UP = rf"(?:[1-9]\d|(?i:{EN_TENS_TEENS}|{ID_TENS_TEENS}))"
_CLOSES = (
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:lah|kok|sih|tapi|dan|samo|sama|bulan[ \t]+depan|biar|bia|supaya|"
    r"padahal|but|and|so|because)\b)"
)
"""An age closes its clause, or a particle, a conjunction or a reason follows (``tulis 22 taun, biar nampak mudo``)."""
_NOW: Final = re.compile(
    r"(?<![\w\-])(?i:kini|sekarang|skrg|skrang)[ \t]+"
    rf"(?P<a>{_TEN_UP}[ \t]*(?i:tahun|taun|taon|thn))" + _CLOSES
)
_NOW_GATE: Final = trigger(["kini", "Kini", "sekarang", "Sekarang", "skrg", "skrang"])
_WRITTEN_ON: Final = "profil|profile|bio|biodata|aplikasi|app|akun|account|KTP|kartu|card|ID"
_WRITTEN_REST: Final = (
    r"(?:nya|nyo|ku)?\b"
    r"[^\n.?!]{0,24}?"
    r"(?i:\b(?:tulis|tulih|ditulis|ditulih|tertulis|nulis|pasang|masang|cantumin|put|wrote|write|written)"
    r"(?:kan|nya|nyo)?)"
    r"(?:[ \t]+(?i:umur|usia|umua|aku|ambo|saya|I['’]m|I[ \t]+am|my[ \t]+age[ \t]+as|as|cuma|only|just))?"
    rf"[ \t]+(?P<a>(?:{_TEN_UP}|(?i:{SPOKEN_PAIR}))(?:[ \t]*{_UNIT})?)" + _CLOSES
)
_WRITTEN_SOURCE: Final = rf"(?i:\b(?P<on>{_WRITTEN_ON}))" + _WRITTEN_REST
_WRITTEN: Final = re.compile("(?P<on>" + lead_set(rf"\b(?i:{_WRITTEN_ON})") + ")" + _WRITTEN_REST)
"""The written source with a first-character set before its ``\\b`` (:mod:`._leadset`; the group around it)."""
_WRITTEN_GATE: Final = trigger(
    ["profil", "Profil", "profile", "bio", "Bio", "aplikasi", "app", "akun", "account", "KTP", "kartu", "card", "ID"]
)
_ANSWERED: Final = re.compile(
    r"(?i:\b(?:jawab|jawabnya|dijawab|balas|bales|ngaku|ngakunya|mengaku|tulis|tulih|nulis|claimed|claims|answered|"
    r"replied)\b)"
    r"(?:[ \t]+(?i:aja|saja|se|lah|umur|usia|aku|ambo|saya|dia|inyo))?"
    rf"[ \t]+(?P<a>(?:[1-9]\d|(?i:{ID_NUM}|{EN_NUM}))[ \t]*{_UNIT})" + _CLOSES
)
_ANSWERED_GATE: Final = trigger(
    ["jawab", "Jawab", "balas", "bales", "ngaku", "mengaku", "tulis", "tulih", "claim", "answered", "replied"]
)
_GLUED: Final = re.compile(r"(?<![\w.,/:\-])(?P<a>[1-9]\d?(?i:thn))(?!\w)")
_GLUED_GATE: Final = trigger(["thn", "Thn", "THN"])
_DURATION_BEFORE: Final = re.compile(
    r"(?i:\b(?:sudah|udah|dah|sdh|alah|selama|lama|sejak|hampir|kurang|lebih|dari|tiap|per|kerja|karajo|"
    r"nikah|menikah)[ \t]+)$"
)
"""Words after which a number of years is how long (``udah 3thn``), not how old."""
_MONEY: Final = re.compile(r"(?i:\b(?:harga|hargo|ribu|rb|rebu|juta|rp|tarif|price|rate|quid|pounds?|k)\b|[£$])")
"""Words of money near a number written without a unit: a price, no age."""
_PROFILE_WORDS: Final = frozenset({"profil", "profile", "bio", "biodata", "ktp"})
"""Where a bare number written is an age (``on my profile I put 24.``); on an app, an account or a card a bare
number needs someone's word before it (``di aplikasi aku tulih dua tujuh``; ``di aplikasi tulis 50`` is a price)."""
_SOMEONE: Final = re.compile(r"(?i:\b(?:aku|saya|ambo|gue|gw|umur|usia|umua|I['’]?m|I|my)\b)")
_NOT_AGE_AFTER: Final = re.compile(r"[ \t]*,?[ \t]*(?i:lalu|kemudian|lagi|yang[ \t]+lalu|ago|later)\b")
"""``5thn lalu``, ``2 tahun lagi``: a time before or after now, not an age."""
_HOW_LONG_THINGS: Final = re.compile(
    r"(?i:\b(?:nikah\w*|menikah|kawin\w*|pacaran|married|kerja|bekerja|karajo|working|worked|kontrak\w*|"
    r"ngontrak|sewa\w*|ngekos|kos|kost|rent\w*|lease|garansi|warranty|guarantee|contract|tinggal|jualan|"
    r"dagang|mangkal|narik|ngojek|merantau|pindah)\b)"
)
"""Marriage, work, rent, a contract or a warranty earlier in the clause: a number of years after it is how long
(``nikahnya sekarang 12 tahun``, ``ngekos 2thn``, ``garansi 1thn``)."""
_PERSON_BEFORE: Final = re.compile(
    r"(?i:\b(?:aku|saya|ambo|gue|gw|sy|ak|dia|inyo|beliau|ia|umur\w*|usia\w*|umua\w*|jawab\w*|ngaku\w*|tulis|tulih|nulis|"
    r"(?:anak|adik|adiak|adek|kakak|abang|cucu|keponakan|ponakan|suami|istri|pacar)(?:nya|nyo|ku|mu)?)"
    r"(?:[ \t]+(?:masih|baru|cuma|cuman|kini|sekarang|skrg))?[ \t]*,?[ \t]*)$"
)
"""Whose a number glued to "thn" is: a pronoun, an age word, an answer or a kin noun right before it (``aku
23thn``, ``umurku 23thn``, ``jawab 20thn aja``, ``adikku masih 16thn``)."""
_CAP_WORD_BEFORE: Final = re.compile(r"\b(?P<w>[A-Z][a-z'’\-]+)[ \t]*,?[ \t]*$")
"""A capitalised word right before, not opening its sentence (``Adikku, Nanda, 16thn``)."""
_CHILD: Final = re.compile(
    r"(?<![\w\-])(?i:anak|adik|adiak|adek|cucu|keponakan|kemenakan|ponakan)(?i:nya|nyo|ku|mu)?"
    r"[^\n.?!,]{0,30},[ \t]+"
    rf"(?P<a>(?:[1-9]|(?i:{ID_UNITS}|sepuluh|sebelas|sapuluah|sabaleh))[ \t]*(?i:tahun|taun|taon|thn))"
    r"(?=[ \t]*(?:[.;!?)\n]|$))"
)
_CHILD_GATE: Final = trigger(["tahun", "taun", "taon", "thn"])


def _value_ok(raw: str) -> bool:
    value = parse_number(re.split(r"[ \t]*(?i:tahun|taun|taon|thn|th\b|years?)", raw)[0].strip(), pairs=True)
    return value is not None and 1 <= value <= 99


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(c, max(0, at - 80), at) for c in ".,;!?\n") + 1


def _how_long(text: str, span: tuple[int, int]) -> bool:
    """A time from now (``5thn lalu``) or a number of years after marriage, work, rent, a contract or a warranty
    in its clause (``kerja di sini sekarang 15 tahun``)."""
    return bool(_NOT_AGE_AFTER.match(text, span[1])) or bool(
        _HOW_LONG_THINGS.search(text, _clause_start(text, span[0]), span[0])
    )


def _someones(text: str, start: int) -> bool:
    """A glued ``Nthn`` said of a person: a pronoun, an age word or a kin noun right before it, or a name
    (``Adikku, Nanda, 16thn``)."""
    begin = max(0, start - 40)
    if _PERSON_BEFORE.search(text, begin, start):
        return True
    cap = _CAP_WORD_BEFORE.search(text, begin, start)
    if cap is None or is_sentence_initial(text, cap.start("w")):
        return False
    word = cap.group("w").lower()
    return word not in gz.dictionary_words() and word not in gz.english_words()


def find_form_ages(text: str) -> Iterator[Detection]:
    """Ages "now", written on a profile or a card, given as an answer with a unit, glued to "thn", and a child's
    age after a comma; each span once."""
    seen: set[tuple[int, int]] = set()
    for rx, gate, conf in (
        (_NOW, _NOW_GATE, 0.78),
        (_WRITTEN, _WRITTEN_GATE, 0.78),
        (_ANSWERED, _ANSWERED_GATE, 0.8),
        (_GLUED, _GLUED_GATE, 0.8),
        (_CHILD, _CHILD_GATE, 0.76),
    ):
        for m in gated_finditer(rx, gate, text):
            span = m.span("a")
            raw = m.group("a")
            if span in seen or not _value_ok(raw):
                continue
            if rx is _GLUED and (
                _DURATION_BEFORE.search(text, max(0, span[0] - 16), span[0]) or not _someones(text, span[0])
            ):
                continue  # "udah 3thn", "5thn lalu", "Garansi 1thn": how long, or nobody's age
            if (
                rx is _WRITTEN
                and not re.search(_UNIT, raw)
                and (
                    _MONEY.search(text, m.start(), span[1] + 12)
                    or (m.group("on").lower() not in _PROFILE_WORDS and not _SOMEONE.search(text, m.start(), span[0]))
                )
            ):
                continue  # "di aplikasi tulis harga 150 ribu, tulis 50", "di aplikasi tulis 50, biar laku": a price
            if rx in (_NOW, _GLUED) and _how_long(text, span):
                continue  # "nikahnya sekarang 12 tahun", "aku ngekos 2thn", "2 tahun lagi": how long, or when
            seen.add(span)
            yield Detection(span[0], span[1], "AGE", conf, "age.context", raw)
