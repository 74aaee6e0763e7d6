"""Two shapes of an age said without an age word (ages29, #11).

* **A kin noun and a number of years** (Indonesian): ``punya anak 7 tahun.``, ``cucunya tiga taun,``, ``janda
  dengan anak tujuh tahun.``: a child, grandchild or other kin said with a number of years closing its clause is
  that person's age. Not when the number says how much younger or older (``adiknya dua tahun lebih muda``) or
  how long ago (``tujuh tahun lalu``, ``yang lalu``, ``silam``), nor when the clause goes on (``tinggal sama anak 7
  tahun di Batam``: how long); :func:`agespans.drop_spans_of_time` still reads the verbs of working or staying
  around what is found.
* **Oneself in a list of a household** (English and Indonesian): ``Respondent: me, forty-one, my husband,
  forty-five``, ``saya, tiga puluh dua, suami saya...``: a first-person pronoun opening a line, a turn or a list
  item, a comma, then a number of 10 to 99 and a clause end. A count (``me, two, three``) is under ten.

Nothing here comes from a corpus: kin nouns, pronouns and the grammar of apposition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import gated_finditer, trigger
from .agecues import WHEN_TAIL_ID
from .numwords import EN_TENS_TEENS, ID_NUM, ID_TENS_TEENS, parse_number
from .types import Detection

__all__ = ["find_kin_ages"]

_KIN_ID: Final = (
    r"anak|adik|adek|adiak|kakak|cucu|keponakan|ponakan|sepupu|abang|putra|putri|bungsu|sulung|"
    r"ibu|bapak|ayah|mama|mamak|amak|apak|abak|nenek|kakek|suami|istri|bini|mertua"
)
_POSSESSOR: Final = r"(?:ku|mu|nya|na|nyo|ne|e)|[ \t]+(?:saya|aku|ambo|ulun|awak|kulo|gue|beta|kami|kita|dia|beliau)"
_ID_AFTER: Final = (
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?:dan|tapi|sudah|udah|baru|masih|kelas|sekolah|sekarang|kini|genap|"
    rf"jalan(?=[ \t]*[,.;!?]))\b|[ \t]+{WHEN_TAIL_ID})"
)
_KIN_YEARS: Final = re.compile(
    rf"(?<![\w\-])(?i:{_KIN_ID})(?:{_POSSESSOR})?[ \t]+"
    rf"(?P<a>(?:[1-9]\d?|(?i:{ID_NUM}))[ \t]*(?i:tahun|taun|taon|thn))(?![\w])"
    rf"(?![ \t]+(?i:lebih|lalu|yang[ \t]+lalu|silam|lagi|kurang))"
    rf"{_ID_AFTER}"
)
_KIN_YEARS_GATE: Final = trigger(["tahun", "taun", "taon", "thn", "Tahun", "Taun"])
_SELF: Final = re.compile(
    r"(?:^|(?<=[:,.])|(?<=\band)|(?<=\bdan))[ \t]*(?P<who>(?i:me|myself|saya|aku|ambo|ulun))[ \t]*,[ \t]*"
    rf"(?P<a>(?:[1-9]\d|(?i:{EN_TENS_TEENS}(?:[ \-](?:one|two|three|four|five|six|seven|eight|nine))?)"
    rf"|(?i:{ID_TENS_TEENS}))(?:[ \t]+(?i:tahun|taun|years?(?:[ \t]+old)?))?)"
    r"(?=[ \t]*(?:[,;.!?)\n]|$))",
    re.MULTILINE,
)
_SELF_GATE: Final = trigger(["me,", "Me,", "myself,", "saya,", "Saya,", "aku,", "Aku,", "ambo,", "Ambo,", "ulun,"])


def find_kin_ages(text: str) -> Iterator[Detection]:
    """Ages said by a kin noun and a number of years, and one's own age in a list of a household."""
    for m in gated_finditer(_KIN_YEARS, _KIN_YEARS_GATE, text):
        value = parse_number(re.sub(r"(?i)[ \t]*(?:tahun|taun|taon|thn)$", "", m.group("a")))
        if value is not None and 1 <= value <= 110:
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.74, "age.kin_years", m.group("a"))
    for m in gated_finditer(_SELF, _SELF_GATE, text):
        value = parse_number(re.sub(r"(?i)[ \t]*(?:tahun|taun|years?(?:[ \t]+old)?)$", "", m.group("a")))
        if value is not None and 10 <= value <= 99:
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.74, "age.self_listed", m.group("a"))
