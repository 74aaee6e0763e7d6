"""Ages as people say them in an interview, where no age word comes first (#11, round eleven).

AGE (the number, with its unit when there is one):

* **of someone by a pronoun and an aspect word** (``dia sudah enam puluh tiga,``, ``inyo kini alah limo puluah
  duo,``, ``beliau sudah 70.``): a number of ten or more closing its clause; with a unit it would be a duration
  (``dia sudah dua puluh tahun di sini``), so none is read;
* **after a description of a person** (``tall fella, sixty two,``, ``udah tua, lima puluh lima mungkin``, ``a man,
  45,``, ``teenagers, maybe fifteen``): a word of age or a noun for a person, a comma, maybe a hedge, and a
  number of ten or more (or a decade) closing its clause or before a hedge (``at least``, ``mungkin``);
* **a part of a decade** (``mid twenties``, ``early 30s``, ``late forties``, ``pertengahan dua puluhan``; not
  after "the": ``the late nineties`` is a time);
* **an age at a life event** (``passed away at seventy``, ``died at 94``, ``married at nineteen``, ``at the age of
  six``): not a clock time (``at 7 pm``);
* **a number glued to an age unit of chat** (``22yo``, ``22 y.o``, ``30y/o``);
* **a parent's age with "'s"** without a determiner (``Mum's 62, dad's sixty-five``);
* **an age standing as its own sentence in an introduction** (``I'm Dara Quill, from Harbourside. Thirty-four.``,
  ``Sixty-four in June.``), not answering how long or how many;
* **an age answering an age question two turns back** (``How old are you? / Me? / Yes. / Thirty-one.``);
* **a birthday's number** (``ulang tahun saya yang ke-25``, ``my 30th birthday``) and **"At" and an age opening a
  sentence** (``At nineteen I came to London``, ``At 23, I started``).

After the first pass (:func:`later_ages`), **the same person's age said again**: after an AGE, later in the same
line, a number whose value lies within five years of it and closes its clause (a correction, the age next
month, the age on an ID card, a decade): ``Ambo tigo puluah duo, tapi di kartu tiga puluh tiga tahun``, ``forty
in May, so thirty nine for now``, ``Tahun ini 31. Bulan depan 32.``, ``umur tiga satu, eh, tiga dua``. The
value is read by :func:`makna.privacy.numwords.parse_number`, with digits said one by one (``dua enam``) only
here, where an age was just said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from . import gazetteers as gz
from ._fastrx import dispatch, gated_finditer, trigger
from ._leadset import lead_set
from ._text import occupied
from .agecues import AGE_NUMBER
from .ageforms import find_form_ages
from .agetalk import find_talk_ages
from .numwords import EN_DECADES, EN_NUM, EN_TENS_TEENS, ID_NUM, ID_TENS_TEENS, SPOKEN_PAIR, parse_number
from .types import Detection

__all__ = ["answers_after_clarifying", "find_spoken_ages", "later_ages"]

_AGE_UNIT = r"(?:[ \t\-]*(?i:years?[ \t\-]+old|years?|yrs?(?:[ \t]+old)?|tahunan|tahun|taun|taon|thn))"
_TEN_UP = rf"(?:[1-9]\d|(?i:{EN_TENS_TEENS}|{ID_TENS_TEENS}))"
"""A number of ten or more in digits or words (a bare small number is a count as often as an age)."""
_DECADE = (
    r"(?i:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|"
    r"(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|duo|tigo|ampek|limo|anam|tujuah|salapan|sambilan)"
    r"[ \t]*(?:puluhan|puluahan))|[1-9]0-?an\b|[1-9]0['’]?s\b"
)
_HEDGE_AFTER = (
    r"(?:(?i:mungkin|kayaknya|kali|lah|at[ \t]+least|at[ \t]+most|or[ \t]+so|tops|maybe|I[ \t]+think|I[ \t]+reckon|"
    r"for[ \t]+now|now|then|this[ \t]+year|next|bulan[ \t]+depan|tahun[ \t]+depan|waktu[ \t]+itu|"
    r"sekarang|kini|lebih|labiah|and|but|so|dan|tapi|kira-kira|kiro-kiro|kurang[ \t]+lebih|agaknyo|agaknya|"
    r"rasonyo|rasanya|pas[ \t]+(?:bulan|tahun|taun)|bulan[ \t]+muko|kato|kata|katanya|katonyo|ngakunya|"
    r"ngakunyo|he[ \t]+says|she[ \t]+says|he[ \t]+said|she[ \t]+said)\b|in[ \t]+(?=[A-Z]))"
)
_CLOSES: Final = rf"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+{_HEDGE_AFTER})"
"""An age closes its clause, or a hedge, a time word or a conjunction follows it."""

_PRONOUN_ASPECT: Final = re.compile(
    dispatch(["dia", "inyo", "beliau", "baliau", "doi", "nyo"], fold=True, not_after=r"\w'’\-")
    + r"(?:[ \t]+(?i:tu|itu))?(?:[ \t]+(?i:sudah|udah|alah|lah|baru|masih|kini|sekarang|lagi)){1,2}"
    rf"[ \t]+(?P<a>{_TEN_UP})" + r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:lebih|labiah|lah|kok|sih|tapi|dan|samo|sama)\b)"
    r"(?![^\n.!?]{0,40}?(?i:\b(?:bayar|dibayar|lunas|hutang|utang|ngutang|ribu|rb|juta|rupiah|perak|transfer|"
    r"cicilan|setoran|paid|pay|owes?|quid|pounds?)\b))"
)
"""A number after a pronoun and an aspect word closing its clause, with no money or debt after it in the sentence
(``dia udah 20, tapi belum bayar``: twenty thousand owed)."""
_PRONOUN_GATE: Final = trigger(
    ["dia ", "Dia ", "inyo ", "Inyo ", "beliau ", "Beliau ", "baliau ", "Baliau ", "doi ", "nyo "]
)
_DESCRIBERS: Final = (
    "tua muda tuo mudo old older young younger elderly teenager teenagers remaja abg orangnya urangnyo "
    "guy guys man men woman women lady ladies bloke blokes fella fellas fellow lad lads girl girls boy boys chap "
    "gentleman kid kids friend mate flatmate housemate neighbour neighbor cousin customer driver rider manager boss "
    "colleague boyfriend girlfriend cowok cewek bapak-bapak ibu-ibu om-om pemuda mahasiswa mahasiswi teman kawan "
    "sepupu tetangga pelanggan tamu"
).split()
_VERY: Final = ("lai", "lagi", "bana", "banget", "bener", "sekali", "amat")
"""A particle of degree between the description and its comma (``mudo bana,``: very young); the gate reads the
comma after it."""
_DESCRIBED: Final = re.compile(
    dispatch(_DESCRIBERS, fold=True, not_after=r"\w'’\-")
    + r"(?:[ \t]+(?i:saya|aku|ambo|gue|kami|awak|kita))?(?:[ \t]+(?i:lai|lagi|bana|banget|bener|sekali|amat))?,[ \t]+"
    r"(?:(?i:maybe|about|around|probably|roughly|easily|only|just|barely|nearly|almost|mungkin|kira-kira|"
    r"sekitar|sekitaran|paling|baru|masih|sudah|udah)[ \t]+)?"
    rf"(?:(?i:mid|early|late)[ \t\-]+)?(?P<a>{_TEN_UP}{_AGE_UNIT}?|{_DECADE})" + _CLOSES
)
"""A word of age or a noun for a person, a comma, maybe a hedge, and an age (``tall fella, sixty two,``)."""
_QUANTIFIED: Final = re.compile(
    r"(?i:\b(?:lots|loads|plenty|dozens|hundreds|a[ \t]+lot|a[ \t]+few|few|many|several|some|most|banyak|beberapa|"
    r"semua|para)[ \t]+(?:of[ \t]+)?(?:the[ \t]+|those[ \t]+|these[ \t]+)?)$"
)
"""A quantity before the people described: the number after them counts them."""
_DESCRIBED_GATE: Final = trigger(
    [
        f"{w},"
        for d in (*_DESCRIBERS, "saya", "aku", "ambo", "gue", "kami", "awak", "kita", *_VERY)
        for w in (d, d.capitalize())
    ]
)
_DECADE_PART: Final = re.compile(
    r"(?<![\w\-])(?<!(?i:the)[ \t])(?P<a>(?i:mid|early|late)[ \t\-]+(?:(?i:teens|twenties|thirties|forties|fifties|"
    r"sixties|seventies|eighties|nineties)|[2-9]0['’]?s)\b(?![ \t]*(?i:music|films?|fashion|style|songs?))"
    r"|(?<!(?i:tahun|zaman|jaman)[ \t])(?<!(?i:era)[ \t])(?i:pertengahan|awal|akhir)[ \t]+"
    r"(?i:(?:dua|tiga|empat|lima|enam|tujuh|delapan|duo|tigo|ampek|limo|anam|tujuah)[ \t]*(?:puluhan|puluahan))"
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:lah|kok|gitu|kayaknya|mungkin|sekarang|tahun|taun)\b))"
)
"""A part of a decade, the part inside the span (``mid twenties``, ``pertengahan dua puluhan``), so that a
surrogate moves the part and keeps the decade band (:func:`makna.privacy.ages.shift_age_text`)."""
_DECADE_PART_GATE: Final = trigger(
    ["mid", "Mid", "early", "Early", "late", "Late", "pertengahan", "Pertengahan", "awal", "Awal", "akhir", "Akhir"]
)
_AT_EVENT_SOURCE: Final = (
    r"(?i:\b(?:died|passed[ \t]+away|married|retired|widowed)[ \t]+at"
    r"|\b(?:he|she|dad|mum|mom|father|mother|nan|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|"
    r"husband|wife|brother|sister|uncle|aunt|auntie)[ \t]+passed[ \t]+at"
    r"|\bat[ \t]+(?:the[ \t]+)?age(?:[ \t]+of)?)"
    rf"[ \t]+(?P<a>(?:[1-9]\d?|(?i:{EN_NUM}))"
    r"(?![\w:]|[.]\d|[ \t]*(?:%|(?i:am|pm|a\.m|p\.m|o['’]clock|percent|per[ \t]+cent|persen)\b)))"
)
_AT_EVENT: Final = re.compile(lead_set(_AT_EVENT_SOURCE))
_AT_EVENT_GATE: Final = trigger([" at ", " age "])
_LIFE_EVENT: Final = re.compile(
    r"(?i:\b(?:left[ \t]+(?:school|home)|dropped[ \t]+out(?:[ \t]+of[ \t]+(?:school|college))?|quit[ \t]+school"
    r"|had[ \t]+(?:my|her|his|their|our)[ \t]+(?:first|second|third|eldest|oldest)?[ \t]*"
    r"(?:child|baby|kid|son|daughter)|(?:got|fell)[ \t]+pregnant)[ \t]+at"
    r"|\b(?:menikah|nikah|kawin|hamil|melahirkan|merantau"
    r"|(?:putus|berhenti|keluar|tamat|lulus)[ \t]+(?:sekolah|SD|SMP|SMA))"
    r"[ \t]+(?:pas|waktu|wktu|saat|ketika|di[ \t]+usia))"
    rf"[ \t]+(?P<a>(?:1[3-9]|[2-9]\d|(?i:{EN_TENS_TEENS}|{ID_TENS_TEENS}))"
    r"(?:[ \t]+(?i:tahun|taun|thn|years?[ \t]+old))?)"
    r"(?![\w:]|[.,]\d|[ \t]*(?:%|(?i:am|pm|a\.m|p\.m|o['’]clock|percent|persen|jam|menit|minutes?|hours?|minggu|"
    r"bulan|hari|weeks?|months?|days?|ribu|rb|juta|jt|rupiah|dollars?|pounds?|quid|jan\w*|feb\w*|mar\w*|apr\w*|mei|"
    r"may|jun\w*|jul\w*|ag\w*|aug\w*|sep\w*|o[ck]t\w*|no[pv]\w*|de[sc]\w*)\b))"
)
"""An age at a life event that a clock time cannot follow so closely (``left school at 15``, ``had her first child
at seventeen``, ``dropped out at sixteen``, ``dia hamil pas 15``, ``menikah waktu sembilan belas tahun``): thirteen
or more, in digits or words, no clock, span of time, sum, month or per cent after it."""
_LIFE_EVENT_GATE: Final = trigger([" at ", " pas ", " waktu ", " wktu ", " saat ", " ketika ", " usia "])
_STARTED_AT: Final = re.compile(
    r"\b(?:I|(?i:he|she|we|they|you|who))[ \t]+(?:(?i:first|only|just|then|finally|eventually)[ \t]+)?"
    r"(?i:(?:(?:started|began|moved|came|arrived|joined|enlisted|emigrated|got[ \t]+married|went[ \t]+(?:abroad|"
    r"overseas|away|out[ \t]+to[ \t]+work))(?:[ \t]+(?!at\b)[A-Za-z][\w'’\-]*){0,3}?"
    r"|(?:finished|completed|left|quit)[ \t]+(?:(?:my|the|high|primary|secondary)[ \t]+)?(?:school|college|"
    r"university|uni|form[ \t]+\w+|standard[ \t]+\w+|year[ \t]+\w+|grade[ \t]+\w+|studies|training|SMA|SMP|SD))"
    r"[ \t]+at)"
    rf"[ \t]+(?P<a>(?:1[3-9]|[2-9]\d|(?i:{EN_TENS_TEENS}))(?:[ \t]+(?i:years?[ \t]+old))?)"
    r"(?![\w:\-]|[.,]\d|[ \t]*(?:%|(?i:am|pm|a\.m|p\.m|o['’]clock|percent|past|to|hundred|thousand|sharp|"
    r"minutes?|hours?|weeks?|months?|days?|quid|pounds?|dollars?|euros?|k|mph|km|miles?|degrees?|stone|kg)\b))"
)
"""An age at a start in life (ages29): a pronoun, a verb of starting, moving or marrying and up to three words (or
a verb of finishing and a school), "at",
then a number of 13 to 99 that no clock time, sum or measure follows (``started working for them at twenty-four``,
``finished Form Four at nineteen``, ``came over at seventeen``); not ``started at twenty past``, ``arrived at
fifteen minutes to``."""
_STARTED_AT_GATE: Final = trigger([" at "])
_KIN_S: Final = re.compile(
    dispatch("mum mom dad nan nana gran granny grandma grandad grandpa mama papa".split(), fold=True, not_after=r"\w'’")
    + r"['’]s[ \t]+(?:(?i:only|just|nearly|almost|about|now|already)[ \t]+)?"
    rf"(?P<a>(?:[1-9]\d|(?i:{EN_TENS_TEENS})){_AGE_UNIT}?)(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:now|and|but|this|next)\b)"
)
_KIN_S_GATE: Final = trigger(["'s ", "’s "])
_ORGS: Final = (
    "yayasan|sekolah|perusahaan|kantor|organisasi|komunitas|kota|kampus|toko|masjid|pondok|pesantren|lembaga|"
    "paguyuban|koperasi|partai|kabupaten|provinsi|republik|RI|PT|CV|universitas|klub|club|band|grup|group"
)
"""Bodies whose anniversary ("milad ke-10 yayasan") is no person's age."""
_BIRTHDAY: Final = re.compile(
    r"(?i:\b(?:ulang[ \t]+tahun|ultah|milad)(?:[ \t]+(?:saya|aku|ambo|dia|nya|ku|yang))*[ \t]+ke[ \t\-]*)"
    rf"(?P<a>[1-9]\d|(?i:{ID_TENS_TEENS}))(?![\w])(?![ \t\-]*(?i:{_ORGS})\b)"
    r"|(?i:\b(?:my|his|her|their|your|our|\w+['’]s))[ \t]+(?P<o>[1-9]\d)(?:st|nd|rd|th)[ \t]+(?i:birthday|b-day|bday)\b"
)
_BIRTHDAY_GATE: Final = trigger(["ulang", "Ulang", "ultah", "Ultah", "milad", "Milad", "birthday", "bday", "b-day"])
_AT_OPENING: Final = re.compile(
    rf"(?:^|(?<=[.!?:][ \t]))At[ \t]+(?P<a>1[3-9]|[2-9]\d|(?i:{EN_TENS_TEENS}))"
    r"(?=,|[ \t]+(?:I|we|he|she|my|me|they)\b)",
    re.MULTILINE,
)
_AT_OPENING_GATE: Final = trigger(["At "])
_CHAT_UNIT_SOURCE: Final = r"(?<![\w.,/])(?P<a>[1-9]\d[ \t]?(?i:y/o|y\.o\.?|yo))(?![\w/])"
_CHAT_UNIT: Final = re.compile(r"(?P<a>" + lead_set(r"(?<![\w.,/])[1-9]\d[ \t]?(?i:y/o|y\.o\.?|yo)") + r")(?![\w/])")
"""A first-character set before the look-behind (:mod:`._leadset`; the group around it), as written in the source."""
_CHAT_UNIT_GATE: Final = trigger(["yo", "YO", "Yo", "y/o", "y.o", "Y/O", "Y.O"])


def find_spoken_ages(text: str) -> Iterator[Detection]:
    """Ages of someone by a pronoun and an aspect word, after a description of a person, parts of a decade, ages at
    a life event, numbers glued to a chat age unit and a parent's age with "'s"; each span once."""
    seen: set[tuple[int, int]] = set()
    parts: list[tuple[int, int]] = []
    for rx, gate, conf in (
        (_DECADE_PART, _DECADE_PART_GATE, 0.74),
        (_PRONOUN_ASPECT, _PRONOUN_GATE, 0.74),
        (_DESCRIBED, _DESCRIBED_GATE, 0.72),
        (_AT_EVENT, _AT_EVENT_GATE, 0.76),
        (_LIFE_EVENT, _LIFE_EVENT_GATE, 0.76),
        (_STARTED_AT, _STARTED_AT_GATE, 0.74),
        (_CHAT_UNIT, _CHAT_UNIT_GATE, 0.8),
        (_KIN_S, _KIN_S_GATE, 0.78),
        (_BIRTHDAY, _BIRTHDAY_GATE, 0.76),
        (_AT_OPENING, _AT_OPENING_GATE, 0.74),
    ):
        for m in gated_finditer(rx, gate, text):
            group = "o" if "o" in m.re.groupindex and m.group("o") is not None else "a"
            raw = m.group(group)
            num = re.match(r"\d+", raw)
            if (num is not None and not 1 <= int(num.group(0)) <= 110) or m.span(group) in seen:
                continue
            if any(s <= m.start(group) and m.end(group) <= e for s, e in parts):
                continue  # "young, mid twenties": the decade inside a part of a decade found first
            if rx is _DECADE_PART:
                parts.append(m.span(group))
            if rx is _DESCRIBED and _QUANTIFIED.search(text, max(0, m.start() - 24), m.start()):
                continue  # "lots of guys, maybe fifteen": how many, not how old
            seen.add(m.span(group))
            yield Detection(m.start(group), m.end(group), "AGE", conf, "age.spoken", raw)
    for m in gated_finditer(_OWN_SENTENCE, _OWN_SENTENCE_GATE, text):
        if m.span("a") not in seen and _introducing(text, m.start("a")):
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.72, "age.spoken", m.group("a"))
    yield from answers_after_clarifying(text)
    yield from find_form_ages(text)
    yield from find_talk_ages(text)  # an age to come, as a noun, reckoned from a birth year (agetalk.py)


_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|Januari|Februari|Maret|"
    "Mei|Juni|Juli|Agustus|Oktober|Desember"
)
_OWN_SENTENCE: Final = re.compile(
    r"(?<=[.!][ \t])(?P<a>(?:1[6-9]|[2-9]\d|(?=[A-Z])(?i:" + EN_TENS_TEENS + "|" + ID_TENS_TEENS + r"))"
    r"(?:[ \t]+(?i:years?[ \t]+old|yrs?(?:[ \t]+old)?|tahun|taun|taong|thn))?)"
    r"(?=[ \t]*[.!](?:[ \t]|$)|[ \t]+(?:in|this|next|bulan|tahun)[ \t]+(?:" + _MONTH_NAMES + r"|year|month|ini|depan)\b"
    r"|,[ \t]+(?i:from|dari|asal|single|married|widowed|divorced|janda|duda|born|lahir)\b)"
)
"""A number standing as its own sentence (or before "in June", "from", "single"), checked after the match: in a
line that introduces someone, not answering a question of how long or how many."""
_OWN_SENTENCE_GATE: Final = trigger([". ", "! "])
_INTRODUCING: Final = re.compile(
    r"(?i:\bI['’]m\b|\bI[ \t]+am\b|\bmy[ \t]+name\b|\bcall[ \t]+me\b|\bnama[ \t]+(?:saya|aku|ambo|sa)\b|"
    r"\b(?:saya|aku|ambo|kita|beta)[ \t]+(?=(?-i:[A-Z])(?!(?i:dari|di|ke)\b))|\basli\b|\burang\b|\borang\b)"
    r"|^[.\t ]*(?P<first>[A-Z][a-z'’]+)(?:[ \t]+[A-Z][a-z'’]+)+,",
    re.MULTILINE,
)
"""Words that introduce someone, or a line opening with a full name and a comma (``Angus Macleod, Gus to all,``;
its first word a first name or no ordinary word: "Mostly Deliveroo," is none)."""
_COUNTING_Q: Final = re.compile(
    r"(?i:\bhow[ \t]+(?:many|much|long|often)\b|\bberapa[ \t]+(?:banyak|kali|lama|order|orang|jam|hari|rupiah|"
    r"harga|ribu)\b|\bberapa\b(?![ \t]+(?:umur|usia|tahun)))"
)


def _introducing(text: str, at: int) -> bool:
    """The line holding ``at`` introduces someone before ``at``, and the line before asks no count or duration."""
    line_start = text.rfind("\n", 0, at) + 1
    pos = line_start
    while True:
        cue = _INTRODUCING.search(text, pos, at)
        if cue is None:
            return False
        first = cue.group("first")
        if first is None or first.lower() not in gz.ordinary_words() or first in gz.first_names("en"):
            break
        pos = max(cue.start("first"), pos + 1)  # "Saya Maria Ndoen,": no full name first, but "Saya" introduces
    before = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else 0
    if not _COUNTING_Q.search(text, before, line_start):
        return True
    line_end = text.find("\n", at)
    return _DURATION_LATER.search(text, at + 2, len(text) if line_end < 0 else line_end) is not None


_DURATION_LATER: Final = re.compile(
    rf"(?<![\w\-])(?:[1-9]\d?|(?i:{EN_NUM}|{ID_NUM})|(?i:a|an|half[ \t]+a|satu|setahun|sebulan))[ \t]+"
    r"(?i:years?|yrs?|months?|weeks?|tahun|taun|bulan|minggu)[ \t]+(?i:as|at|in|on|with|doing|driving|riding|"
    r"working|now|di|jadi|sebagai|kerja|karajo|narik)\b"
)
"""How long, said later in the answer (``41 yrs. Three years on the bikes``): a question of how long is answered
there, so the number standing alone before it is the age the question's other part asked for."""


_AGE_QUESTION: Final = re.compile(
    r"^[^\n]*(?i:\bhow[ \t]+old\b|\bumur|\busia\b|\bumua|\byour[ \t]+age\b)[^\n]*\?[ \t]*$", re.MULTILINE
)
_AGE_QUESTION_GATE: Final = trigger(["old", "umur", "Umur", "usia", "Usia", "umua", "Umua", "age"])
_CLARIFIED: Final = re.compile(r"\n[^\n?]{0,40}\?[ \t]*\n[^\n\d?]{0,30}\n")
"""The answer's clarification and its confirmation, between an age question and its answer (``Me? / Yes.``)."""
_LATE_ANSWER: Final = re.compile(
    r"[.\t ]*(?:(?i:oh|well|um|erm|eh|ya|iya|yeah|yes|oke|ok)[,.]?[ \t]+)?"
    r"(?:(?i:I['’]m|I[ \t]+am|saya|aku|ambo|baru|sudah|udah|alah|lah|masih|she['’]s|he['’]s|dia|inyo)[ \t]+)?"
    rf"(?P<a>{AGE_NUMBER})(?=[ \t]*(?:[.,;!?)\n]|$))"
)
"""An age opening the answer, closing its clause."""


def answers_after_clarifying(text: str) -> Iterator[Detection]:
    """An age answering an age question two turns back, with a clarifying question and its confirmation between
    (``How old are you? / Me? / Yes. / Thirty-one.``, ``Umur berapa, Kak? / Saya? / Iya. / Tiga puluh enam.``)."""
    for q in gated_finditer(_AGE_QUESTION, _AGE_QUESTION_GATE, text):
        between = _CLARIFIED.match(text, q.end())
        if between is None:
            continue
        m = _LATE_ANSWER.match(text, between.end())
        if m is not None and (parse_number(m.group("a").split()[0]) or 0) != 1:
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.74, "age.answer", m.group("a"))


_UNIT_TAIL: Final = re.compile(rf"{_AGE_UNIT}$")
_LATER_NUMBER: Final = re.compile(
    rf"(?<![\w\-/.,:])(?P<a>(?:[1-9]\d|(?i:{SPOKEN_PAIR}|{ID_NUM}|{EN_NUM})){_AGE_UNIT}?|{_DECADE})" + _CLOSES
)
_COUNT_AFTER: Final = re.compile(
    r"(?:[ \t]*(?:,|-|/|(?i:to|or|atau|sampai|sampe))[ \t]*(?:\d+|[A-Za-z]+(?:[ \t]+[A-Za-z]+)?))?"
    r"[ \t]*(?:%|(?i:orang|people|kali|times|ribu|rb|jam|hours?|menit|minutes?|persen|percent|a[ \t]+(?:night|day|"
    r"week|month|shift)|per[ \t]+\w+|sehari|semalam|seminggu|sebulan)\b)"
)
"""A count after a number, maybe after a list's next number (``35, 36 hours``, ``twenty, thirty a night``)."""
_NOT_AGE_BEFORE: Final = re.compile(
    r"(?i:\b(?:lebih|selama|sejak|since|for|over|kurang|tgl|tanggal|tang|jam|pukul|no|nomor|nombor|rp|kamar|room|"
    r"flat|number|page|bus|route|at|on|the|ke|dari|from|to|kerja|karajo|bekerja|narik|working|worked|riding|rode|"
    r"driving|did|done|work|works)\.?[ \t]*(?:dari[ \t]+|than[ \t]+)?)$"
    r"|(?i:\b(?:the|a|an|this|that|my|his|her|our|their|your)[ \t]+\w+['’]s[ \t]+"
    r"(?:(?:only|just|nearly|almost|about|now|already)[ \t]+)?)$"
)
"""A number after these words is a duration, a date, a time, an amount or a number of something; after "the car's"
it is another's age (a person's own is found by the first pass)."""
_WINDOW: Final = 90
"""How far after an age its repetition is looked for (about one sentence and the next, in the same line)."""


_DECADE_WORD: Final = re.compile(r"(?i:kepala|kapalo|puluhan|puluahan|ties\b|teens\b|0['’]?s\b|0-?an\b)")
"""A decade said (``kepala dua``, ``twenties``, ``30-an``): the same person's age said later lies inside it."""


def _value(raw: str) -> int | None:
    """An age's value (a decade's first year), or None."""
    unit = _UNIT_TAIL.search(raw)
    body = (raw[: unit.start()] if unit and unit.start() > 0 else raw).strip()
    low = re.sub(r"^(?:mid|early|late|pertengahan|awal|akhir)[ \t\-]+", "", body.lower())
    kepala = re.fullmatch(r"(?:kepala|kapalo)[ \t]+(\w+)", low)
    if kepala:
        tens = parse_number(kepala.group(1))
        return None if tens is None or tens > 9 else 10 * tens
    if low in EN_DECADES[1:]:
        return 10 * EN_DECADES.index(low)
    m = re.fullmatch(r"([1-9]0)(?:-?an|['’]?s)", low)
    if m:
        return int(m.group(1))
    if low.endswith(("puluhan", "puluahan")):
        value = parse_number(re.sub(r"(puluh|puluah)an$", r"\1", low))
        return value
    return parse_number(body, pairs=True)


_WORD_START: Final = re.compile(r"(?<![\w\-/.,])\w")


def _numbers_starting_before(text: str, start: int, stop: int, line_end: int) -> Iterator[re.Match[str]]:
    """The later numbers that start in ``[start, stop)``, each matched up to the line's end (which, not the
    window's, ends a clause): one match tried per word start in the window, so a long line costs no more per age."""
    last_end = start
    for w in _WORD_START.finditer(text, start, stop):
        if w.start() < last_end:
            continue
        m = _LATER_NUMBER.match(text, w.start(), line_end)
        if m is not None:
            last_end = m.end()
            yield m


def later_ages(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """The same person's age said again after an AGE found: a number within five years of it, later in the line,
    closing its clause (see the module documentation)."""
    taken = occupied(len(text), found)
    for det in found:
        if det.type != "AGE":
            continue
        age = _value(det.text)
        if age is None or age < 10:
            continue
        decade = _DECADE_WORD.search(det.text) is not None
        line_end = text.find("\n", det.end)
        line_end = len(text) if line_end < 0 else line_end
        stop = min(line_end, det.end + _WINDOW)
        question = text.find("?", det.end, stop)
        if question >= 0:
            stop = question
        for m in _numbers_starting_before(text, det.end, stop, line_end):
            raw = m.group("a")
            if _NOT_AGE_BEFORE.search(text, max(0, m.start("a") - 24), m.start("a")):
                continue
            value = _value(raw)
            if value is None or value < 10 or taken.find(1, m.start("a"), m.end("a")) >= 0:
                continue
            if abs(value - age) > 5 and not (decade and age <= value <= age + 9):
                continue  # (after a decade, "kepala tigo lah, 34 taun bulan depan": any year of that decade)
            if _COUNT_AFTER.match(text, m.end("a")):
                continue
            taken[m.start("a") : m.end("a")] = b"\x01" * (m.end("a") - m.start("a"))
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.7, "age.later", raw)
