"""Ages told by the words around them, where no age word comes first (#11).

* **after a person found**: a name (any PERSON detection) and a comma, an aspect word or an aside, then a
  number closing its clause (``Rembulan, sudah tujuh taun.``, ``Rembulan waktu itu sebelas taun,``, ``my
  mother Ama still there, seventy years.``), or a number standing as its own sentence after the name
  (``I'm Tamsin Hollis. 42.``): the lists that decide
  whether a word is a name leave out names that are also ordinary words (``Rembulan``), the person
  detectors do not;
* **after an age**: a later age of the same person in the same line (``Dua puluh lima. Tahun depan alah dua
  puluh enam.``);
* **said of oneself without an age word**: ``Saya sudah 71,``, ``Saya 64, mau ke mana lagi?``, ``Mi
  fifty-two,``, ``I is sixty years.`` (a number of ten or more closing its clause; an Indonesian one
  without a unit, which would be a duration: ``saya sudah 20 tahun di sini``);
* **a child by birth order in Minang** (``nan gadang duo baleh tahun``, ``nan ketek baru limo tahun``) and a kin
  noun then ``nan``/``yang`` and an aspect word (``anak awak, nan baru duo tahun``);
* **a decade with "-an" after a kin noun or an age word** (``anaknya udah 30-an``, ``umurnya sekitar 40an``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from ._fastrx import Narrowed, dispatch, gated_finditer, trigger
from ._text import occupied
from .agecues import AGE_NUMBER, WHEN_TAIL_ID, years_at_work
from .agespeech import find_spoken_ages, later_ages
from .agewords import AFTER_PERSON_ASPECT, after_person, own_sentence
from .numwords import EN_NUM, EN_TENS_NUM, ID_NUM, ID_TENS, parse_number
from .speakers import MASKED_SERVICE_LINE
from .types import Detection

__all__ = ["age_after_person", "ages_after_persons", "find_context_ages", "how_long_here"]

_CLAUSE_END: Final = (
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:lebih|lagi|waktu|sekarang|kini|lah|dan|tapi|samo|sama|kata|katanya|"
    r"and|now|but|so|when|this|next|last|labiah|mungkin|genap|lewat|since|come)\b|[ \t]+in[ \t]+(?=[A-Z])"
    rf"|[ \t]+{WHEN_TAIL_ID})"
)
_ASPECT: Final = AFTER_PERSON_ASPECT
_AFTER_PERSON: Final = after_person(AGE_NUMBER, _CLAUSE_END)
"""After a PERSON: a comma or an aspect word, then an age closing its clause."""
_OWN_SENTENCE: Final = own_sentence(AGE_NUMBER, r"(?=[ \t]*[.,!](?:[ \t]|$))")
"""After a PERSON: an age standing as its own sentence (``Tamsin Hollis. 42.``)."""
_LATER_AGE: Final = re.compile(
    r"[^.?!\n]{0,8}[.?!]?[ \t]*(?i:bulan[ \t]+depan|bulan[ \t]+muko|tahun[ \t]+depan|taun[ \t]+depan|tahun[ \t]+muko|"
    r"next[ \t]+(?:month|year|week)|this[ \t]+year|later[ \t]+this[ \t]+year)[ \t,]+"
    r"(?i:alah|sudah|udah|lah|jadi|masuk|I['’]ll[ \t]+be|I[ \t]+turn|will[ \t]+be)"
    rf"[ \t]+(?P<a>{AGE_NUMBER}){_CLAUSE_END}"
)
"""After an AGE, in the same line: the same person's age next month or next year (``Dua puluh lima. Tahun depan
alah dua puluh enam.``); "sudah enam tahun" alone is a duration."""
_SELF_ID: Final = re.compile(
    dispatch(["saya", "aku", "ambo", "awak", "sa", "kita", "kulo", "kula"], fold=True, not_after=r"\w'’\-")
    + r"(?:[ \t]+(?i:ini|iko|tu|niki|iki|puniki))?(?:[ \t]+(?i:sudah|udah|alah|lah|baru|masih|so|tos|wis))?"
    rf"[ \t]+(?P<a>[1-9]\d|(?i:{ID_TENS}))(?=[ \t]*[.,;!?](?:[ \t]|$)|[ \t]+(?i:lebih|labiah)[ \t]*[.,;!?])"
)
_SELF_EN: Final = re.compile(
    dispatch(["Mi", "I[ \t]+is", "Me"], not_after=r"\w'’\-")
    + rf"[ \t]+(?P<a>(?:[1-9]\d|(?i:{EN_TENS_NUM}))(?:[ \t]+(?i:years?(?:[ \t]+old)?|yrs?))?)"
    r"(?=[ \t]*[.,;!?](?:[ \t]|$))"
)
"""An age said of oneself without an age word, closing its clause."""
_ID_NUM_UNIT = rf"{ID_NUM}[ \t]*(?:tahun|taun|taon|taong|thn)"
_NUMBER_GATE: Final = trigger(
    [*"123456789", "puluh", "puluah", "Puluh", "Puluah", "ty", "Ty", "likur", "selawe", "seket", "sewidak"]
)
"""Lines with a two-digit number or a tens word: the only lines an age said of oneself can be on."""
_CHILD: Final = re.compile(
    dispatch(["nan", "yang"], fold=True, not_after=r"\w")
    + r"(?P<adj>[ \t]+(?i:gadang|ketek|tuo|mudo|bungsu|sulung|kecik|besak|paliang[ \t]+(?:ketek|gadang)))?"
    r"(?:(?<=\w)(?:[ \t]+[\w\-]+){0,2},(?=[ \t]+(?i:baru|alah|lah|sudah|udah|masih|kini|sekarang)\b))?"
    r"(?P<asp>[ \t]+(?i:baru|alah|lah|sudah|udah|masih|kini|sekarang))?[ \t]+"
    rf"(?P<a>(?i:{_ID_NUM_UNIT})){_CLAUSE_END}"
)
_UNIT_GATE: Final = Narrowed(
    ["tahun", "taun", "taon", "thn"],
    re.compile(
        r"(?i:\b(?:nan|yang)[ \t]+(?:gadang|ketek|tuo|mudo|bungsu|sulung|kecik|besak|paliang|baru|alah|lah|sudah|"
        r"udah|masih)\b)"
    ),
)
"""Lines with a unit and a birth-order or aspect word after "nan"/"yang": the only lines :data:`_CHILD` reads."""
_CHILD_BARE: Final = re.compile(
    dispatch(["nan", "yang"], fold=True, not_after=r"\w")
    + r"[ \t]+(?i:gadang|ketek|tuo|mudo|bungsu|sulung|kecik|kaciak|besak|kecil|besar|paliang[ \t]+(?:ketek|gadang)|"
    r"paling[ \t]+(?:kecil|besar))(?:[ \t]+(?i:baru|alah|lah|sudah|udah|masih|kini|sekarang))?[ \t]+"
    rf"(?P<a>[1-9]\d?|(?i:{ID_NUM})){_CLAUSE_END}"
)
"""A child by birth order and an age without its unit (``nan ketek baru ampek.``), read only after a child noun in
the line or the question before it (``Anak Uni berapa orang? / Duo. Nan gadang sambilan taun, nan ketek baru
ampek.``): without one it is a count (``yang besar tiga, yang kecil lima``: boxes)."""
_CHILD_BARE_GATE: Final = trigger(
    [
        "nan gadang",
        "nan ketek",
        "nan tuo",
        "nan mudo",
        "nan bungsu",
        "nan sulung",
        "nan kecik",
        "nan kaciak",
        "nan paliang",
        "yang bungsu",
        "yang sulung",
        "yang kecil",
        "yang besar",
        "yang paling",
        "yang tua",
        "yang muda",
        "Nan ",
        "Yang ",
    ]
)
_CHILD_WORD: Final = re.compile(
    r"(?i:\b(?:anak|adiak|adik|adek|cucu|ponakan|keponakan|kemenakan|kamanakan)(?:nya|ku|nyo|mu)?\b)"
)
_KIN_BEFORE: Final = re.compile(
    r"(?i:\b(?:anak|adiak|adik|adek|cucu|kakak|kakak|uda|uni|ponakan|keponakan)(?:nya|ku|nyo|mu)?\b)[^.?!\n]{0,40}$"
)
_DECADE: Final = re.compile(
    dispatch("anak adik adek cucu kakak suami istri bapak ibu umur usia umua".split(), fold=True, not_after=r"\w")
    + r"\w{0,4}\b[^.?!\n]{0,30}?"
    r"\b(?i:udah|sudah|alah|lah|masih|baru|sekitar|kira-kira|hampir|sudah[ \t]+masuk)[ \t]+(?P<a>[1-9]0-?an)\b"
)
_DECADE_GATE: Final = trigger(["0an", "0-an"])

_UNIT_WORD: Final = re.compile(r"(?i:years?|yrs?|tahun|taun|taon|taong|thn)\b")


_EN_NUMBER = rf"(?:[1-9]\d?|{EN_NUM})"
_KIN_EN = (
    r"son|daughter|boy|girl|lad|lass|kid|child|baby|one|brother|sister|cousin|nephew|niece|mum|mom|mother|dad|"
    r"father|gran|granny|nan|nana|grandma|grandad|grandpa|grandson|granddaughter|husband|wife|partner|missus|"
    r"aunt|auntie|uncle|eldest|oldest|youngest|twins?|stepson|stepdaughter"
)
_KIN_IS: Final = re.compile(
    dispatch("my his her their our your the".split(), fold=True, not_after=r"\w")
    + r"[ \t]+(?i:(?:(?:little|eldest|oldest|youngest|older|younger|big|baby|middle|"
    rf"wee|step)[ \t]+)?(?:{_KIN_EN})['’]s[ \t]+(?:(?:only|just|nearly|almost|about|now|already)[ \t]+)?)"
    rf"(?P<a>(?i:{_EN_NUMBER})(?:[ \t\-]+(?i:years?[ \t\-]+old|yrs?[ \t]+old))?){_CLAUSE_END}"
)
_KIN_IS_GATE: Final = trigger(["'s ", "’s "])
"""A kin noun with "'s" and an age: ``my nephew's nineteen,``, ``her brother's seven``."""
_KIN_BE_WORDS: Final = (
    *(w for w in _KIN_EN.replace("twins?", "twin").split("|") if w != "one"),
    "children",
    "grandchildren",
    "grandkids",
)
_KIN_BE: Final = re.compile(
    dispatch("my his her their our your the".split(), fold=True, not_after=r"\w")
    + r"[ \t]+(?i:(?:(?:little|eldest|oldest|youngest|older|younger|big|baby|middle|wee|step)[ \t]+)?"
    + rf"(?:{'|'.join(_KIN_BE_WORDS)})s?(?:[ \t]+(?:is|are|was|were)|,)[ \t]+"
    r"(?:(?:only|just|nearly|almost|about|now|already)[ \t]+)?)"
    rf"(?P<a>(?i:{_EN_NUMBER})(?:[ \t\-]+(?i:years?[ \t\-]+old|yrs?[ \t]+old))?){_CLAUSE_END}"
)
_KIN_BE_GATE: Final = trigger(
    [
        f"{kin}{plural}{be}"
        for word in _KIN_BE_WORDS
        for kin in (word, word.capitalize())
        for plural in ("", "s")
        for be in (" is ", " are ", " was ", " were ", ", ")
    ]
)
"""A kin noun (not "one": "the one is 5" is a choice) or its plural with "is"/"are" or in apposition, and an age
closing its clause (checks21): ``the twins are six``, ``my kids are 3, 6 and 8`` (its list's other ages:
``agewhen._listed``), ``my girls, eight, ten and thirteen,``; searched only on the lines where a kin noun stands
right before "is", "are", "was", "were" or a comma."""
_PERSON_OF_WORDS: Final = re.compile(
    dispatch(
        "man woman guy lady bloke fella fellow geezer girl boy lad lass kid gentleman chap person".split(),
        fold=True,
        not_after=r"\w",
    )
    + r"[ \t]+(?i:of|aged)[ \t]+(?i:about|around|maybe|roughly|over|under|nearly)?[ \t]*"
    rf"(?P<a>(?i:{EN_TENS_NUM}|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|eleven|twelve)"
    r"(?:-odd|-something|ish)?)(?![\w\-])(?![ \t]+(?i:minutes?|hours?|days?|weeks?|months?|years?[ \t]+ago|"
    r"percent|pounds?|quid))"
)
_PERSON_OF_GATE: Final = trigger(["of ", "aged "])
"""A person of an age in words: ``a lady of about seventy``, ``a lad of fifteen``."""


_COUNT_NOUN: Final = re.compile(
    r"(?i:\b(?:kardus|dus|kotak|box|buah|biji|bungkus|lembar|botol|kilo|kg|porsi|piring|gelas|ikat|karung|pasang|"
    r"potong|paket|barang|baju|sepatu|ukuran|harga|harganya|ribu|rb|juta|rupiah|rp|kali)\b)"
)
"""Things and sums counted: in a clause with one, "yang besar 12" is a count or a size, not a child's age."""


def _child_asked(text: str, start: int, end: int) -> bool:
    """A child noun in the same clause before a birth-order age without its unit (``Anak saya yang besar 12``), or
    in the turn before when it asks (``Anak Uni berapa orang? / Duo. Nan gadang ...``), and no thing or sum
    counted in the clause (``Anak saya beli kardus: yang besar 12``)."""
    line = text.rfind("\n", 0, start) + 1
    clause = max(line, *(text.rfind(p, line, start) + 1 for p in ".!?:;"))
    stop = min(i for i in (*(text.find(p, end) for p in ".!?:;\n"), len(text)) if i >= 0)
    if _COUNT_NOUN.search(text, clause, stop):
        return False
    if _CHILD_WORD.search(text, clause, start):
        return True
    asked = text.rfind("\n", 0, max(0, line - 1)) + 1 if line else line
    question = text[asked : max(asked, line - 1)]
    return question.rstrip().endswith("?") and _CHILD_WORD.search(question) is not None


def _plausible(raw: str) -> bool:
    num = re.match(r"\d+", raw)
    return num is None or 1 <= int(num.group(0)) <= 110


def _bare_small(raw: str) -> bool:
    """One to nine without a unit: a count as often as an age ("Rina, dua, tiga orang"); a word no parser reads
    is one when it is a single word that is no ten, teen or tens."""
    if _UNIT_WORD.search(raw):
        return False
    value = parse_number(raw)
    if value is not None:
        return value < 10
    return len(raw) == 1 or (
        " " not in raw
        and "-" not in raw
        and not raw.isdigit()
        and not raw.lower().endswith(("ty", "puluh", "puluah", "belas", "baleh", "teen"))
    )


_LIST_ON: Final = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?i:and|dan|jo)[ \t]+)?|[ \t]+(?i:and|dan|jo)[ \t]+)"
    rf"(?:[1-9]\d?|(?i:{EN_NUM}|{ID_NUM}))(?![\w'’\-])"
)
_LIST_CLOSE: Final = re.compile(rf"[ \t\-]*(?i:years?[ \t\-]+old|years?|yrs?|tahun|taun|thn)\b|{_CLAUSE_END}")


def _runs_into_noun(text: str, at: int) -> bool:
    """Whether a list of numbers goes on after ``at`` and runs into something counted rather than closing its
    clause (a list of ages closes as ``agewhen._listed`` requires): ``12, 15 and 20 kilometres``."""
    moved = False
    while (m := _LIST_ON.match(text, at)) is not None:
        at, moved = m.end(), True
    return moved and _LIST_CLOSE.match(text, at) is None


def find_context_ages(text: str) -> Iterator[Detection]:
    """Ages said of oneself without an age word, Minang birth-order ages, kin with 's, a person "of" an age and
    decades with "-an"."""
    for m in gated_finditer(_CHILD, _UNIT_GATE, text):
        if m.group("adj") is None and m.group("asp") is None:
            continue
        if m.group("adj") is None and not _KIN_BEFORE.search(text, max(0, m.start() - 48), m.start()):
            continue  # "yang baru dua tahun": a kin noun must come first when no birth order is said
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.context", m.group("a"))
    for m in gated_finditer(_CHILD_BARE, _CHILD_BARE_GATE, text):
        if _child_asked(text, m.start(), m.end()) and _plausible(m.group("a")):
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.74, "age.context", m.group("a"))
    for m in (*gated_finditer(_SELF_ID, _NUMBER_GATE, text), *gated_finditer(_SELF_EN, _NUMBER_GATE, text)):
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.72, "age.context", m.group("a"))
    for m in (*gated_finditer(_KIN_IS, _KIN_IS_GATE, text), *gated_finditer(_PERSON_OF_WORDS, _PERSON_OF_GATE, text)):
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.75, "age.context", m.group("a"))
    for m in gated_finditer(_KIN_BE, _KIN_BE_GATE, text):
        if _runs_into_noun(text, m.end("a")):
            continue  # "my sisters are 12, 15 and 20 kilometres away": a list of counts, no age
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.75, "age.context", m.group("a"))
    for m in gated_finditer(_DECADE, _DECADE_GATE, text):
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.75, "age.context", m.group("a"))
    yield from find_spoken_ages(text)


_HOW_LONG: Final = re.compile(r"\b(?:how[ \t]+long|berapa[ \t]+lama|sejak[ \t]+kapan|since[ \t]+when)\b", re.IGNORECASE)
_HOW_OLD: Final = re.compile(r"\b(?:how[ \t]+old|your[ \t]+age|umur|usia|berapa[ \t]+tahun)\b", re.IGNORECASE)


def _line_above(text: str, line_start: int) -> int:
    """Where the line above the line starting at ``line_start`` starts (0 at the first line)."""
    return text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else line_start


def _asked_how_long(text: str, at: int) -> bool:
    """The turn just before the answer holding ``at`` (the line before its line), or the answer's own words
    before ``at``, asked how long and not how old: "Say where you ride and for how long. / I'm Gurleen, three
    years": the number is a duration (blank lines and a transcription service's speaker-and-stamp line between the
    two are skipped). An older question ("How long have you been riding? / Two years. / And
    you? / Gurleen. Twenty-four.") says nothing of this answer."""
    line_start = text.rfind("\n", 0, at) + 1
    before = _line_above(text, line_start)
    for _ in range(3):  # a service's layout: blank lines and the answer's "Priya  0:11" line above the answer
        if before >= line_start:
            break
        line = text[before : text.find("\n", before, line_start)]  # the line at ``before`` (it ends before ours)
        if line.strip() and not MASKED_SERVICE_LINE.fullmatch(line):
            break
        before = _line_above(text, before)
    window = text[before:at]
    long_q = [m.end() for m in _HOW_LONG.finditer(window)]
    if not long_q:
        return False
    old_q = [m.end() for m in _HOW_OLD.finditer(window)]
    return not old_q or old_q[-1] < long_q[-1]


def how_long_here(text: str, start: int, said: str) -> bool:
    """Whether the number of years ``said`` at ``start`` after a person is how long, not how old: the turn before
    (or the answer's own words before it) asked how long ("how long? / Priya, four years"), or the sentence works
    or stays somewhere (``years_at_work``); never for "... old" / "... tua"."""
    if said.lower().endswith(("old", "tua")):
        return False
    return _asked_how_long(text, start) or years_at_work(text, start, said)


_CHILD_LED: Final = re.compile(
    r"(?i:\b(?:(?:my|our|his|her|their|your)[ \t]+(?:(?:little|baby|youngest|eldest|oldest)[ \t]+)?"
    r"(?:son|daughter|boy|girl|grandson|granddaughter|grandchild|kid|child|baby|youngest|eldest|little[ \t]+one)"
    r"|(?:anak|adik|adek|adiak|cucu|putra|putri|bungsu)(?:ku|mu|nya|nyo|[ \t]+(?:saya|aku|ambo|ulun|awak|kami|dia))?"
    r"|si[ \t]+(?:bungsu|kecil|ketek|adik))[ \t]*,?[ \t]+)$"
)
"""A child named by a kin noun just before (ages29): ``my son Tomasz, six,``, ``anak saya Nadia, tujuh,``: then a
bare number under ten after the name and a comma is the child's age, not a count."""


def age_after_person(
    text: str,
    end: int,
    patterns: Sequence[re.Pattern[str]] = (_AFTER_PERSON, _OWN_SENTENCE),
    start: int | None = None,
) -> re.Match[str] | None:
    """The age right after a person ending at ``end`` (the first of ``patterns`` that matches:
    :func:`agewords.after_person`, :func:`agewords.own_sentence`), or ``None``: a comma, an aspect word or a full
    stop must come between ("Rina 12" is none), a bare small number after a comma or a full stop alone is a count
    ("Rina, dua, tiga orang") unless a child kin noun leads the person who ends at ``end`` and starts at ``start``
    (``my son Tomasz, six,``: :data:`_CHILD_LED`), and a number of years in a sentence that asks how long or works
    or stays somewhere is how long (:func:`how_long_here`)."""
    m = next((m for m in (p.match(text, end) for p in patterns) if m is not None), None)
    if m is None or not _plausible(m.group("a")) or not m.group("sep").strip():
        return None
    if _bare_small(m.group("a")) and m.group("sep").strip(" \t,.") == "":
        led = start is not None and _CHILD_LED.search(text, max(0, start - 40), start) is not None
        if not led or m.group("sep").strip() != "," or _runs_into_noun(text, m.end("a")):
            return None
    return None if how_long_here(text, m.start("a"), m.group("a")) else m


def ages_after_persons(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """An age right after a PERSON found (a comma, an aspect word or a sentence between), and a later age of the
    same person after an AGE found in the same line."""
    taken = occupied(len(text), found)

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) < 0

    new: list[Detection] = []
    for det in found:
        if det.type == "PERSON":
            m = age_after_person(text, det.end, start=det.start)
            if m is None or not free(m.start("a"), m.end("a")):
                continue
            new.append(Detection(m.start("a"), m.end("a"), "AGE", 0.75, "age.after_person", m.group("a")))
        elif det.type == "AGE":
            m = _LATER_AGE.match(text, det.end)
            if m is not None and _plausible(m.group("a")) and free(m.start("a"), m.end("a")):
                new.append(Detection(m.start("a"), m.end("a"), "AGE", 0.7, "age.after_age", m.group("a")))
    yield from new
    yield from later_ages(text, [*found, *new])
