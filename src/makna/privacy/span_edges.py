"""Close the edges of ages, dates, addresses and names that stop a few words short (issue #11, round seventeen).

Leak counts the characters of an identifier that no detection covers. On the sets opened in round seventeen more
than half of the leaked characters sat in spans that were found but cut short: an age without the words that make
it exact ("38 and a half years old", "tigo puluah ampek tahun duo bulan"), a month without the word that places the
day in it ("akhir Mei 2023", "mid-May 2023"), a date without its weekday ("Kamis sore, 4 Juli 2024"), an
address whose administrative units came out as separate places. This pass, run after every detector and filter,
reads only the words right at a span's edge:

- an age takes its unit and the words that qualify it after it ("years of age", "and a bit", "going on
  forty-two"; "tahun lebih", "taun jalan", "lewat dua bulan", "kurang ciek", "anam bulan"); since round eighteen
  also its unit alone ("I am forty-one years, I came ..."), when it became true ("fifty-one this past spring",
  "forty-eight last birthday", "tahun ini", "pas") and the age to come after a linking word
  ("thirty-four, going thirty-five", "36 taun, masuak 37"), which joins two ages into one;
- a date that starts at a month takes the word before it that places the day in the month ("awal", "akhir",
  "pertengahan", "pengujung", "late", "mid-"), and a date that starts at a number the weekday before it (Minang's
  "Sanayan", "Kamih" too), with a part of the day and a comma ("Sabtu malam, ");
- an address takes the parts of it the detectors left apart (:mod:`makna.privacy.address_extent`: a postcode
  after a province's code, a house number before it). An Indonesian administrative unit written after it
  (``, Kelurahan Sungai Sapih``, ``, Dusun Koto Tuo``) and the places after that are NOT joined to it: the corpus
  README and every open set since round twenty-five (loc25 re-marked the sets of rounds sixteen to twenty-three,
  which joined them) make each its own LOCATION. Until round twenty-six (edges26) this pass joined them and the
  pipeline's last pass cut them off again. A town alone after a house number ("Jl. Kenanga No. 9, Lubuk
  Begalung") or before a postcode ("14 Mill Lane, Ashby, Leeds LS9 8QT") stays a place;
- two spans of one name type one space apart, or an Irish particle apart, are one name ("Nurlaila" and "Tanjung",
  a surname that a place list knows; "Orla" and "Ní Bhriain"), never more than five words together.

A span grows only over words that hold no other detection (an address swallows the places it joins whole).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .address_extent import address_extent, house_number_heads
from .address_units import unit_numeral_end, units_joined
from .date_forms import PASARAN, WEEKS, near_month, weekday_words
from .numwords import EN_NUM, EN_UNITS, ID_NUM, ID_UNITS, TEENS_WORD, TENS_WORD, parse_number
from .types import Detection

__all__ = ["EN_WHEN", "ID_MONTH", "MONTHS", "close_edges"]

_SP: Final = r"[ \t]+"
_EN_UNIT: Final = r"(?:years?|yrs?\.?)"
_ID_UNIT: Final = r"(?:tahun|taun|taon|taong|taung|thn)"
_ANY_NUM: Final = rf"(?:\d{{1,2}}|{EN_NUM}|{ID_NUM})"
_SEASON: Final = r"(?:spring|summer|autumn|fall|winter)"
_EN_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_HOLIDAY: Final = (
    r"(?:Christmas|Easter|Diwali|Eid|Ramadan|Boxing[ \t]+Day|Thanksgiving|Hanukkah|Lunar[ \t]+New[ \t]+Year"
    r"|New[ \t]+Year)"
)
_EN_NOW: Final = (
    rf"(?:this{_SP}(?:past{_SP})?(?:year|{_SEASON})|since{_SP}the{_SP}{_SEASON}|last{_SP}birthday|young"
    rf"|since{_SP}(?:{_EN_MONTH}|{_HOLIDAY}|last{_SP}(?:year|month|week))|in{_SP}{_EN_MONTH}{_SP}just{_SP}gone)"
)
"""When an English age became true ("fifty-one this past spring", "forty-eight last birthday", "57 years young"):
part of the age."""
_EN_TO_COME: Final = (
    rf"(?:in{_SP}{_EN_MONTH}|(?:at|by|this|on){_SP}{_HOLIDAY}|in{_SP}a{_SP}fortnight|in{_SP}a{_SP}couple(?:{_SP}of)?{_SP}(?:weeks|months)"
    rf"|come{_SP}(?:{_EN_MONTH}|{_HOLIDAY}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?-i:[A-Z][a-z]+)))"
)
"""When the age to come will be true ("forty-eight at Christmas"): part of the age only with the age to come right
after the age now ("Forty-seven, forty-eight at Christmas"), which no detector found apart. An age to come found on
its own keeps its date out ("I'll be fifty-one in October", "26 next month"), as the age tests of rounds twelve to
fourteen read it."""
EN_WHEN: Final = (
    rf"(?:(?:in|come)(?:{_SP}the)?{_SP}{_SEASON}|(?:next|last){_SP}(?:year|month|{_SEASON})|last{_SP}{_EN_MONTH}"
    rf"|this{_SP}(?:year|month|week)|last{_SP}week|next{_SP}(?:week|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    rf"|{_EN_TO_COME})"
)
"""When the age said of a person now turns or turned ("eighty-one in April", "ninety-two come May", "thirty-one
last month", "ninety-four in the spring", "Forty-three last March"): since round sixteen every open set marks it
with the age (25 spans to 4 across the open corpus, the older sets of rounds three to fifteen kept it out). Not
after "will be", "turn" or "turning" (the age to come, whose date the age tests of rounds twelve to fourteen keep
out). Since round twenty-two also "last week", "this week", "this month" (the sets since round twenty-one mark them
in, 5 spans to 0)."""
_EN_TAIL: Final = re.compile(
    rf"(?i:(?:{_SP}{_EN_UNIT})?(?:{_SP}(?:of{_SP}age|old)"
    rf"|{_SP}and{_SP}(?:a{_SP}(?:half|bit|quarter)|three[ \t\-]+quarters?)"
    rf"(?:{_SP}{_EN_UNIT}(?:{_SP}(?:of{_SP}age|old))?)?"
    rf"|,?{_SP}going(?:{_SP}(?:on|into|onto|towards?|for|to|past))?{_SP}{_ANY_NUM}(?:{_SP}{_EN_TO_COME})?)(?:{_SP}{_EN_NOW})?"
    rf"|{_SP}{_EN_UNIT}(?:{_SP}{_EN_NOW})?|{_SP}{_EN_NOW}|,{_SP}{_ANY_NUM}{_SP}{_EN_TO_COME}"
    rf"|{_SP}or{_SP}{_ANY_NUM}(?:{_SP}{_EN_UNIT})?|,{_SP}I{_SP}(?:think|reckon|guess|believe)"
    rf"|,?{_SP}or{_SP}(?:so|thereabouts)|(?<=ty)[ \t]+(?:{EN_UNITS})(?:{_SP}{_EN_UNIT}(?:{_SP}old)?)?)(?![\w'’-])"
)
"""What follows an English age and belongs to it: its unit ("I am forty-one years, I came..."; every open set
marks the unit with the age) and "of age"/"old", a fraction, the next birthday ("going on forty-two", ", going
thirty-five at Easter": the age to come that no detector found, which tells the age as well), and when the
age became true ("this year"), or the age to come and its date ("Forty-seven, forty-eight at Christmas")."""
_EN_WHEN_TAIL: Final = re.compile(rf"{_SP}(?i:{EN_WHEN})(?![\w'’-])(?=[ \t]*(?:[.,;:!?)\n]|$|(?i:and|but|so)\b))")
_TO_COME_AT: Final = re.compile(rf"{_SP}(?i:{_EN_TO_COME})(?![\w'’-])")
_TO_COME_BEFORE: Final = re.compile(
    r"(?i:\b(?:will|['’]ll|gonna|going[ \t]+to)[ \t]+be|\bturns?|\bturning|\bpas|\bbe)[ \t]+"
    r"(?:(?:about|around|nearly)[ \t]+)?$"
)
"""Right before an age: the age to come ("I'll be fifty-one in October", "turning nine"), whose date stays out."""
_ID_MORE: Final = rf"(?:sedikit|saketek|dikit|sebulan|sabulan|seminggu|{_ANY_NUM}{_SP}bulan)"
ID_MONTH: Final = (
    r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|Agustuih|September|Oktober|November|Nopember|"
    r"Desember)"
)
_ID_WHEN: Final = (
    rf"(?:(?:{_SP}(?:pas|baru))?{_SP}bulan{_SP}(?:kemarin|kemaren|kapatang|lalu"
    rf"|{ID_MONTH}(?:{_SP}(?:kemarin|kemaren|kapatang|lalu))?)"
    rf"|{_SP}{ID_MONTH}{_SP}(?:kemarin|kemaren|kapatang|lalu)|{_SP}(?:sejak|sajak){_SP}bulan{_SP}(?:lalu|kemarin)"
    rf"|{_SP}(?:minggu|pekan|pakan){_SP}(?:lalu|kemarin|kapatang|depan|dapan)"
    rf"|{_SP}(?:bulan|tahun|taun){_SP}(?:depan|dapan|ko|iko)"
    rf"|(?:(?<=tahun)|(?<=taun)|(?<=taon)){_SP}(?:kemarin|kemaren))"
)
"""When an Indonesian or Minang age turned ("sembilan belas tahun kemarin", "bulan lalu") or turns in a named month
("empat puluh tujuh bulan Desember"): part of the age. Since round twenty-two also "bulan depan", "tahun depan",
"minggu depan", "taun ko" (the sets written since round twenty-one mark them in, 6 spans to 1; the older sets kept
them out), but not after an age to come found apart ("25, 26 bulan depan"). "kemarin" alone only after the unit
("Milad saya ke 32 kemarin": a birthday's count, said yesterday)."""
_ID_TAIL: Final = re.compile(
    rf"(?i:(?:{_SP}{_ID_UNIT})?(?:{_SP}(?:(?:lebih|labiah|lebi)(?:{_SP}{_ID_MORE})?|jalan(?:{_SP}{_ANY_NUM})?|tepat"
    rf"|setengah|satengah|stengah|pas(?!{_SP}bulan)"
    rf"|lewat(?:{_SP}{_ID_MORE})?|kurang{_SP}(?:ciek|satu|sataun|setahun|sedikit|saketek|{_ANY_NUM}"
    rf"(?:{_SP}(?:bulan|tahun|taun))?))"
    rf"|{_SP}{_ANY_NUM}{_SP}bulan)|{_SP}{_ID_UNIT}(?:{_SP}ini)?"
    rf"|,?{_SP}(?:atau|ato|mau|mo|mao|nak|ka|ke|masuk|masuak|menuju|manuju|menjelang|jelang|jadi|otw){_SP}{_ANY_NUM}"
    rf"(?:{_SP}{_ID_UNIT})?)(?![\w'’-])"
)
"""What follows an Indonesian or Minang age and belongs to it: its unit (and "ini": "63 tahun ini"), "lebih" or
"lebih lima bulan", "jalan" or "jalan tigo", "tepat", "pas" (not "pas bulan depan": the age to come), "lewat dua
bulan", "kurang ciek", "kurang sataun", "anam bulan"."""
_ID_WHEN_TAIL: Final = re.compile(rf"(?i:{_ID_WHEN})(?![\w'’-])(?=[ \t]*(?:[.,;:!?)\n]|$))")
_UNIT_END: Final = re.compile(r"(?i:years?|yrs?\.?|old|age|tahun|taun|taon|thn)$")
"""An English age that ends in its unit ("fifty-five years old", "twenty-five years of age"): the open sets keep
when it turns out of it (4 spans to 0), as against a bare number (25 in, 4 out since round sixteen)."""
_PAST: Final = re.compile(r"(?i:last|kemarin|kemaren|kapatang|lalu|since|sejak|sajak)\b")
"""The word of a when-tail that places the turn in the past ("thirty-one last month", "bulan kemarin"): no age to
come, so it belongs to the age even after an earlier one."""
_AGE_LINK: Final = re.compile(
    rf",?{_SP}(?i:(?:going(?:{_SP}(?:on|into|onto|towards?|for|to|past))?|turning|nearly|almost|or|jalan|masuak|masuk|mau|menuju|manuju|hampir|atau|ato){_SP})?"
)
"""Between an age and the next one that is the age to come ("thirty-four, going thirty-five", "36 taun, masuak 37",
"tiga puluh dua, jalan tiga puluh tiga"): one age. Without the linking word two ages stay two ("25, 26 next
month")."""
_JALAN_AGE: Final = re.compile(r"[ \t]+(?i:jalan)[ \t]+\d{1,2}")
"""Lower-case "jalan" and a two-digit number right after an age ("46 jalan 47"): the age to come, which the street
pattern took for an address."""
_WHEN_GAP: Final = re.compile(
    rf",?{_SP}(?i:(?:bulan|taun|tahun){_SP}(?:depan|dapan|muko|ini|ko)|(?:bulan{_SP})?{ID_MONTH}{_SP}(?:nanti|ko|iko)"
    rf"|next{_SP}(?:month|year)|come{_SP}{_EN_MONTH}|in{_SP}{_EN_MONTH}),?{_SP}"
)
"""When the age to come comes, said between the age now and it: one age."""
_LINK_WORD: Final = re.compile(r"(?i:going|turning|nearly|jalan|masuak|masuk|mau|menuju|manuju)$")
_DANGLING: Final = re.compile(r"[ \t]+(?i:at|on|in|by|pas|di|pada|waktu)$")
"""A preposition that ends an age span (the learned layer's edge, "going thirty-five at"): the words after it are
read as the age's tail again ("at Easter")."""
_LINK_START: Final = re.compile(
    r"(?i:going|turning|nearly|jalan|masuak|masuk|mau|menuju|manuju|and[ \t]+(?:a[ \t]+(?:half|quarter|bit)|"
    r"three[ \t\-]quarters)|setengah|satangah|satengah)\b"
)
"""A learned span that opens with a linking word or a fraction's tail ("going thirty-five", "and three-quarters")
after an age with only a space between: one age."""


_REPAIR_MARKERS: Final = frozenset(
    "no nope nah sorry wait well actually mean rather oops almost nearly or eh ehh ah ay bukan salah maaf sori "
    "ndak nda nggak enggak gak indak tunggu maksud maksudnya atau ato hampir ora dudu keliru".split()
)
"""The words that mark a self-repair or a bracket between two ages, in English, Indonesian and regional speech."""
_REPAIR_WORDS: Final = _REPAIR_MARKERS | frozenset(
    "hang on i i'm im um uh er erm oh hmm make that saya ambo aku beta tiang awak itu yang bener benar betul "
    "lho lah kok ko sudah udah".split()
)
"""The words a self-repair may hold besides its marker ("no, hang on", "eh salah, itu", "yang bener")."""
_REPAIR_NUM: Final = re.compile(
    rf"(?P<gap>[^\n\d]{{1,40}}?)(?<![\w'’-])(?P<num>(?i:\d{{1,2}}|{EN_NUM}|{ID_NUM}))(?![\w'’-])"
)
"""A self-repair's words and the number it corrects an age to, where no detector found that number."""
_GAP_WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_AGE_BEFORE: Final = re.compile(r"(?<![\w'’\-])(?i:hampir|hampia|nyaris|almost|nearly|just|barely)[ \t]+$")
"""A qualifier right before an age ("hampir lima puluh sembilan", "nearly eighteen", "just twenty-three"): part of
the age, as the sets since round twenty mark it. Not "about", "around", "sekitar", "kira-kira": the open sets keep
an estimate's word out (4 to 0)."""
_NUM_AT: Final = re.compile(rf"{_SP}(?i:{_ANY_NUM})(?![\w'’-])")
_WORD: Final = re.compile(r"\w")


MONTHS: Final = (
    r"(?:Jan|Feb|Mar|Apr|May|Mei|Jun|Jul|Aug|Agu|Agt|Sep|Oct|Okt|Nov|Dec|Des|January|February|March|April|June|July|"
    r"August|September|October|November|December|Januari|Februari|Maret|Juni|Juli|Agustus|Oktober|Desember|"
    r"Pebruari|Nopember|Agustuih|Agusuih)\b"
)
_MONTH_START: Final = re.compile(MONTHS)
_PART_OF_MONTH: Final = re.compile(
    r"(?i:\b(?:(?:awal|akhir|akhia|akhie|pertengahan|penghujung|pengujung|ujung|ujuang|tengah|tangah)(?:[ \t]+bulan)?"
    r"|late|early"
    r"|(?:the[ \t]+)?(?:end|beginning|start|middle)[ \t]+of"
    r"|(?:minggu|pekan|pakan)[ \t]+(?:pertama|kedua|ketiga|keempat|terakhir|patamo|kaduo|katigo|kaampek|tarakhia)"
    r"|the[ \t]+(?:first|second|third|fourth|last)[ \t]+week[ \t]+of)[ \t]+|\bmid-?)$"
)
"""A word that places a day in the month right before the month ("awal Maret", "akhir bulan Mei", "late March",
"mid-March", "the end of May": the open sets mark "pertengahan bulan ..." and "the end of ..." as the date's), or
the week of the month ("minggu kedua Agustus 2024", Minang "pakan patamo Oktober 2024", "the first week of May")."""
_DAY_WORDS_BEFORE: Final = re.compile(
    rf"(?<![\w'’\-])(?i:(?:dua|duo|tiga|tigo)[ \t]+{TENS_WORD}(?:[ \t]+(?:{ID_UNITS}))?"
    rf"|sepuluh|sapuluah|sebelas|sabaleh|(?:{ID_UNITS})[ \t]+{TEENS_WORD})[ \t]+$"
)
"""A day of the month in Indonesian or regional words of ten and more right before the month ("duo puluah duo Juli
2024", "sabaleh Mei"): the date detectors read the standard words; a single unit word ("duo Juli") is as often a
count."""
_WEEKDAY_BEFORE: Final = re.compile(
    rf"\b(?:{weekday_words(WEEKS[0], WEEKS[2], WEEKS[4])})(?:[ \t]+(?:{weekday_words(PASARAN)}))?(?:[ \t]+(?i:malam|"
    r"pagi|siang|sore|subuh|morning|afternoon|evening|night))?,?[ \t]+$"
)
"""A weekday, perhaps with a part of the day and a comma, right before a date that starts at its number."""
_DAY_WORD_BEFORE: Final = re.compile(r"(?<![\w'’\-])(?i:tanggal|tgl\.?|tanggalnya)[ \t]+$")
"""The word "tanggal" right before a date's day ("tanggal 17 Februari 2023"): the sets written since round nineteen
mark it with the date (45 spans to 14; the older sets kept it out), as they mark the weekday and its "hari" or
"malam" before it."""
_MONTH_WORD_BEFORE: Final = re.compile(r"(?<![\w'’\-])(?i:bulan|bulen)[ \t]+$")
"""The word "bulan" right before a month's name ("sejak bulan Juli 2022")."""
_DAY_PART_BEFORE: Final = re.compile(
    r"(?<![\w'’\-])(?i:hari|malam|malem|pagi|siang|sore|subuh)[ \t]+$"
)
"""The word before a weekday that opens a date ("hari Rabu, tanggal 12 Juni", "malam Sabtu, 9 November")."""
_WEEKDAY_WORD: Final = re.compile(rf"(?:{weekday_words(WEEKS[2], WEEKS[4], PASARAN)})")
"""A weekday or a Javanese market day (``pasaran``) that a name detector took for a name right before a date."""
_NAME_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_PATRONYMIC: Final = r"(?:bin|binti|binte|bte|ibn|d/o|s/o|a/l|a/p)"
_NAME_GAP: Final = re.compile(
    rf"[ \t](?:(?:Ó|Ní|Nic|Mac|Ua|Uí|(?:Nic|Mac)[ \t]a['’]|wa|Daeng|{_PATRONYMIC})[ \t])?|[ \t]a['’][ \t]"
)
"""Between two halves of one name: a space, an Irish or Scottish surname's particle ("Orla Ní Bhriain", "Mairi Nic
a' Phì"), a Kikuyu "wa", a Bugis or Makassar "Daeng" ("Hasnah Daeng Ngai"), or a patronymic's word ("Nurul Ain
binte Kassim", "Saravanan a/l Muniandy"): every open set marks these as one name."""
_PATRONYMIC_GAP: Final = re.compile(rf"[ \t]{_PATRONYMIC}[ \t]")
"""A patronymic's word between two names: one person's name, whatever type the halves were given."""
_NAME_WORDS: Final = 5
"""The most words two joined halves of a name may have: a run of capitalised words is no one name."""


def _age_end(text: str, det: Detection, language: str, limit: int, *, to_come: bool = False) -> int:
    """Where the age ``det`` ends: past its unit and the words that qualify it, and, unless it is an age to come
    (``to_come``, or "will be"/"turning" right before it), past when it turns; past when it turned in any case."""
    tail = _ID_TAIL if language == "id" else _EN_TAIL
    to_come = to_come or bool(_TO_COME_BEFORE.search(text, max(0, det.start - 24), det.start))
    end = det.end
    for at in [det.end] + [det.start + k for k, c in enumerate(det.text) if c in " \t" and k > 0]:
        if at < det.end and _NUM_AT.match(text, at):
            continue  # inside the number itself ("duo puluah ampek" + "bulan" is no "ampek bulan")
        m = tail.match(text, at, limit)  # from the span's end, or from inside it (a learned "tahun lebih")
        if m is None and language == "id":
            m = _EN_TAIL.match(text, at, limit)
        stop = m.end() if m else at
        w = _ID_WHEN_TAIL.match(text, stop, limit) if language == "id" else None
        if w is None and not _UNIT_END.search(text, det.start, stop):
            w = _EN_WHEN_TAIL.match(text, stop, limit)  # "fifty-five years old in August": a unit closes the age
        if w and (not to_come or _PAST.search(w.group(0))):
            stop = w.end()
        if stop > end and (at == det.end or _WORD.search(text, det.end, stop)):
            end = stop
    return end


def _joined_name(text: str, det: Detection, nxt: Detection) -> str | None:
    """The type of the one name that ``det`` and the name span ``nxt`` after it are halves of, or None: the same
    type across a space or a particle, or a PERSON across a patronymic's word whatever their types."""
    if nxt.type not in _NAME_TYPES or not _NAME_GAP.fullmatch(text, det.end, nxt.start):
        return None
    if len(det.text.split()) + len(nxt.text.split()) > _NAME_WORDS:
        return None
    if text[det.end : nxt.start].strip() in {"a'", "a’"} and not det.text.endswith((" Nic", " Mac")):
        return None  # "a'" joins only after "Nic" or "Mac"
    if _PATRONYMIC_GAP.fullmatch(text, det.end, nxt.start):
        return "PERSON"
    return det.type if nxt.type == det.type else None


def _after_age(text: str, dets: Sequence[Detection], i: int) -> bool:
    """Whether ``dets[i]`` follows an AGE in the same line, at most 60 characters before it ("25, 26 next month",
    "tiga satu, eh, tiga dua bulan depan", "kepala tigo lah, 34 taun bulan depan"): the age to come."""
    if i == 0 or dets[i - 1].type != "AGE":
        return False
    gap = text[dets[i - 1].end : dets[i].start]
    return "\n" not in gap and len(gap) <= 60


def _joins_to_come(text: str, dets: Sequence[Detection], j: int) -> bool:
    """Whether the AGE ``dets[j]`` is the age to come said with its date right after the age ``dets[j - 1]`` and a
    comma ("Twenty-nine, thirty in January", "Forty-seven, forty-eight at Christmas"): one age, as the tail rule
    reads it when the second number was not found apart."""
    if j >= len(dets) or dets[j].type != "AGE" or not re.fullmatch(r",[ \t]+", text[dets[j - 1].end : dets[j].start]):
        return False
    second = dets[j]
    for at in [second.end] + [second.start + k for k, c in enumerate(second.text) if c in " \t" and k > 0]:
        if _TO_COME_AT.match(text, at):  # after the span, or inside a learned "thirty-seven on Boxing Day"
            return True
    return False


def _linked(text: str, first: Detection, second: Detection) -> bool:
    """Whether ``second`` is the age to come after the age ``first``: a linking word between them, or when it comes
    ("enam puluh delapan, bulan depan enam puluh sembilan", "tiga puluh satu, Juli nanti tiga puluh dua"), or at
    the end of ``first`` and only a space between."""
    gap = text[first.end : second.start]
    if _WHEN_GAP.fullmatch(gap):
        return True
    if _AGE_LINK.fullmatch(gap) and gap.strip(" \t,"):
        return True
    if _AGE_LINK.fullmatch(gap) and "\n" not in gap and _LINK_START.match(second.text):
        return True  # the linking word opens the second span (a learned "going thirty-five")
    return bool(_LINK_WORD.search(first.text)) and gap.isspace() and "\n" not in gap


def _repaired(text: str, first: Detection, second: Detection) -> bool:
    return _repair_gap(text[first.end : second.start])


def _value(words: str) -> int | None:
    """The value of the number an age's words open with ("tiga puluh dua tahun": 32), or None."""
    parts = words.split()
    for k in range(min(len(parts), 4), 0, -1):
        value = parse_number(" ".join(parts[:k]).strip(",.…"))
        if value is not None:
            return value
    return None


def _repair_end(text: str, det: Detection, language: str, end: int, limit: int) -> int:
    """The end of the corrected age said right after the age ``det`` (which ends at ``end``) when no detector found
    it ("Thirty-eight. No, wait, thirty-nine since March"): a self-repair's words, then a number within five of
    the first, read with its own tail."""
    first = _value(det.text)
    m = _REPAIR_NUM.match(text, end, limit)
    if first is None or m is None or not _repair_gap(m.group("gap")):
        return end
    second = parse_number(m.group("num"))
    if second is None or abs(second - first) > 5:
        return end
    num = Detection(m.start("num"), m.end("num"), "AGE", det.confidence, det.detector, m.group("num"))
    return max(_age_end(text, num, language, limit), m.end())


def _repair_gap(gap: str) -> bool:
    """Whether ``second`` corrects or brackets the age ``first`` ("thirty-four, no, thirty-five", "Empat puluh
    satu. Eh salah, empat puluh dua", "tiga puluh satu... eh, tiga puluh dua", "ninety-four, almost ninety-five"):
    one span, as every set since round twenty marks a self-correction. Only punctuation and the words of a
    self-repair may lie between, one of them a marker; a sentence's end only before a marker."""
    if "\n" in gap or len(gap) > 40:
        return False
    words = _GAP_WORD.findall(gap)
    if not words or any(w.lower() not in _REPAIR_WORDS for w in words):
        return False
    return any(w.lower() in _REPAIR_MARKERS for w in words)


def _date_start(text: str, det: Detection, floor: int) -> int:
    window = max(floor, det.start - 40)
    start = det.start
    if _MONTH_START.match(text, det.start):
        m = (
            _PART_OF_MONTH.search(text, window, det.start)
            or _DAY_WORDS_BEFORE.search(text, window, det.start)
            or _MONTH_WORD_BEFORE.search(text, window, det.start)
        )
        return m.start() if m else start
    m = _DAY_WORD_BEFORE.search(text, window, start)  # "tanggal 17 Februari", "Selasa tanggal dua puluh tiga Juli"
    if m:
        start = m.start()
        part = _DAY_PART_BEFORE.search(text, window, start)  # "malam tanggal dua belas April"
        start = part.start() if part else start
    if m or text[start : start + 1].isdigit() or text[start : start + 1].islower() or text.startswith("the", start):
        m = _WEEKDAY_BEFORE.search(text, window, start)
        start = m.start() if m else start
    if _WEEKDAY_WORD.match(text, start):
        m = _DAY_PART_BEFORE.search(text, window, start)  # "malam Sabtu, 9 November", "hari Rabu, ..."
        start = m.start() if m else start
    return start


_YEAR_AFTER: Final = re.compile(r",?[ \t]+(?:19|20)\d\d(?![\w/]|[.\-]\d)")


def _month_with_year(text: str, det: Detection, limit: int) -> int:
    """The end of the year after ``det`` when ``det`` is a month's name or its one-letter misspelling
    (``Agustuih``, ``Oktobar``) and a four-digit year follows it; 0 otherwise."""
    if not (_MONTH_START.fullmatch(det.text) or (det.text[:1].isupper() and near_month(det.text))):
        return 0
    m = _YEAR_AFTER.match(text, det.end, limit)
    return m.end() if m else 0


def close_edges(text: str, found: Sequence[Detection], language: str = "en") -> list[Detection]:
    """``found`` (non-overlapping) with ages, dates and addresses closed over the words at their edges."""
    dets = house_number_heads(text, sorted(found, key=lambda d: (d.start, d.end)))  # round 24: "12" of "12 X Rd"
    out: list[Detection] = []
    i = 0
    while i < len(dets):
        det = dets[i]
        floor = out[-1].end if out else 0
        limit = dets[i + 1].start if i + 1 < len(dets) else len(text)
        start, end, j, kind = det.start, det.end, i + 1, det.type
        if det.type == "AGE":
            while j < len(dets) and dets[j].type == "AGE" and (
                _linked(text, dets[j - 1], dets[j]) or _repaired(text, dets[j - 1], dets[j])
            ):
                j += 1  # "thirty-four, going thirty-five", "thirty-four, no, thirty-five": one age
            before = _AGE_BEFORE.search(text, max(floor, det.start - 16), det.start)
            start = before.start() if before else start
            if _joins_to_come(text, dets, j):
                j += 1  # "Twenty-nine, thirty in January": the age now and the age to come with its date
            if j < len(dets) and dets[j].type == "ADDRESS" and _JALAN_AGE.fullmatch(text, dets[j - 1].end, dets[j].end):
                j += 1  # "46 jalan 47": the age to come after "jalan", no street
            limit = dets[j].start if j < len(dets) else len(text)
            to_come = j - 1 == i and _after_age(text, dets, i)  # "25, 26 next month": the age to come
            last = dets[j - 1]
            dangling = _DANGLING.search(last.text)
            if dangling is not None and dangling.start() > 0:  # a learned "going thirty-five at": its tail is read anew
                cut = last.start + dangling.start()
                last = Detection(last.start, cut, last.type, last.confidence, last.detector, text[last.start : cut])
            end = max(_age_end(text, last, language, limit, to_come=to_come), dets[j - 1].end)
            end = _repair_end(text, dets[j - 1], language, end, limit)  # "Thirty-eight. No, wait, thirty-nine"
        elif det.type == "DATE":
            if out and out[-1].type in _NAME_TYPES and _WEEKDAY_WORD.fullmatch(out[-1].text):
                floor = out[-2].end if len(out) > 1 else 0  # "Kamih" or "Pahing" taken for a name: the date's
            start = _date_start(text, det, floor)
            if out and start <= out[-1].start and out[-1].type in _NAME_TYPES:
                out.pop()
        elif det.type == "ADDRESS":
            j, end = units_joined(text, dets, i)  # "RT 01 Dusun Sipora Jaya": a unit the address holds
            while True:  # the parts left apart (round 24), each with the units it holds
                k, end = address_extent(text, dets, j, end)
                if k == j:
                    break
                j, end = units_joined(text, dets, k - 1)
        elif det.type in _NAME_TYPES and _month_with_year(text, det, limit):
            kind = "DATE"  # "ujuang Agustuih 2024": a month's regional or misspelt form a name detector took
            start = _date_start(text, det, floor)
            end = _month_with_year(text, det, limit)
        elif unit_numeral_end(text, det, limit) > det.end:
            end = unit_numeral_end(text, det, limit)  # "Lingkungan IV": a unit's word and its number
        elif det.type in _NAME_TYPES:
            nxt = dets[j] if j < len(dets) else None
            joined = _joined_name(text, det, nxt) if nxt else None
            if joined:
                j += 1  # two halves of one name, split at a word a list knows ("Nurlaila" + "Tanjung")
                kind = joined
            end = dets[j - 1].end
        if (start, end, kind) != (det.start, det.end, det.type):
            confidence = max(d.confidence for d in dets[i:j])
            det = Detection(start, end, kind, confidence, det.detector + "+edges", text[start:end])
        out.append(det)
        i = j
    return out
