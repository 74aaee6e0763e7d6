"""Detectors driven by cue-word families and by what was already found around a word (issue 11).

Each rule names a family of cues, never one string seen in a corpus:

* **display-name handles**: a platform or account word (``IG``, ``TikTok``, ``Facebook``, ``Shopee``,
  ``akun``, ``account``, ``page``) followed in the same clause by a naming word (``is``, ``was``,
  ``namanya``, ``namina``, ``my name there is``) or a comma, then a run of capitalised words or digits
  ("her TikTok is Nurse Ayu Stories", "akunnya Toko Berkah 88"): a HANDLE, not a PERSON. A dotted or
  underscored user name after the same cues ("Di IG namina toko.abc") is a HANDLE too.
* **identity numbers after a document cue**: any code of letters and at least five digits after an identity
  word (passport, paspor, PIN, licence/registration number, seaman's book, buku pelaut, ID card, PAN, voter
  ID...); Indian PAN and Ghana Card numbers by their fixed shapes.
* **dates**: chat-export day/month stamps before a clock time at a line start ("03/09 20:11 -"); a day in
  number words before a month ("dua puluh Februari", "twenty-first of May").
* **ages**: an age-cue word with a suffix or dialect particle before the number ("umurna tos 61", "umua
  ambo tigo puluah"); the number that opens the answer to an age question, and a relative's number in that
  answer ("33 kak, suami 36"); a number in apposition to a name already found ("Jane Doe, 44,").
* **organisations**: an acronym after a work, study or membership phrase or an org preposition ("trained at
  KNUST", "account at XYZ", "union from ABC", "kuliah di UNPAD"), low confidence (review); a name after
  "an agency called", "perusahaan bernama".
* **persons**: a name in apposition to a person noun ("another girl, Ana,", "a guy called Tom").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._ci import FOLDS
from ._fastrx import DIGIT_RUN_LINES, any_of, dispatch, for_text, gated_finditer, lines_finditer, split_top, trigger
from ._text import HONORIFICS, CapRun, line_before
from .patterns import find_urls
from .types import Detection
from .url_forms import under_registry

__all__ = ["detect_context", "detect_context_after"]

def _line_of(text: str, index: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, len(text) if end < 0 else end


def _lines_at(text: str, indices: Iterable[int]) -> list[tuple[int, int]]:
    """The lines (start, end) holding the given offsets (ascending), in order and without repeats."""
    lines: dict[int, int] = {}
    last_end = -1
    for i in indices:
        if i <= last_end:
            continue
        start, last_end = _line_of(text, i)
        lines[start] = last_end
    return list(lines.items())


def _keys(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern for lower-case key words, searched on a candidate line (a space put before it)."""
    return any_of(words)


class _Lowered:
    """The lower-cased text, for :meth:`having` (one per text)."""

    __slots__ = ("low", "spaced")

    def __init__(self, text: str) -> None:
        self.low = text.lower()
        # " " + the text in lower case with its newlines as spaces: each line, with the space (or newline)
        # before it, is a slice, so a line is searched in place (only when lower() kept every offset).
        self.spaced = " " + self.low.replace("\n", " ") if len(self.low) == len(text) else None

    def having(self, lines: Iterable[tuple[int, int]], keys: re.Pattern[str]) -> list[tuple[int, int]]:
        """The lines whose lower-cased text, a space put before it, holds a key: a short search on each
        candidate line, where a search of the whole text for each key would cost one pass per key."""
        search = keys.search
        spaced = self.spaced
        if spaced is None:
            low = self.low
            return [(s, e) for s, e in lines if search(" " + low[s:e])]
        return [(s, e) for s, e in lines if search(spaced, s, e + 1)]


def _on_lines(rx: re.Pattern[str], text: str, lines: Sequence[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``rx.finditer`` over the given lines only (for patterns that never cross a newline)."""
    n = len(text)
    for start, end in lines:
        yield from rx.finditer(text, start, min(n, end + 1))


# --- HANDLE ---------------------------------------------------------------------------------------------

_PLATFORMS = (
    "IG|Ig|ig|Insta|insta|Instagram|instagram|TikTok|Tiktok|tiktok|Tik Tok|FB|Fb|fb|Facebook|facebook|"
    "Messenger|messenger|Snapchat|snapchat|Snap|Telegram|telegram|Twitter|twitter|Threads|YouTube|Youtube|"
    "youtube|Shopee|shopee|Tokopedia|tokopedia|Lazada|lazada|Meesho|meesho|Etsy|eBay|Depop|Vinted|Carousell|"
    "Bukalapak|MiChat|michat|LinkedIn|Discord|Twitch|OnlyFans|Line|LINE|"
    "akun|akunnya|akunna|akunku|akunnyo|account|page|channel|profile|kanal|halaman|lapak|olshop|toko online"
)
_NAMING = (
    r"(?:is|was|'s|’s|are|called|named|:|=|adalah|yaitu|itu|namanya|namina|namana|namae|namonyo|namaku|"
    r"nama(?:[ \t]+(?:akun|toko|page|di[ \t]+(?:sana|situ|dinya|ditu)))?|name(?:[ \t]+(?:there|on it|is))*|"
    r"pakai|pake|make|ngangge|teh|mah|tuh|nya)"
)
_GLUE = r"(?:[ \t]*[,:=]|[ \t]+[a-z’'\-]+)"
_PLATFORM_FIRST: Final = dispatch(split_top(_PLATFORMS), not_after=r"\w@")
_DISPLAY: Final = re.compile(
    rf"{_PLATFORM_FIRST}(?:-?(?:nya|na|ku|mu|nyo|e)|['’]s)?\b(?P<glue>{_GLUE}{{0,5}}?)"
    rf"[ \t]*(?:{_NAMING}[ \t]*[,:]?|,)?[ \t]+@?"
    r"(?P<h>(?:[A-Z0-9][\w.'’\-]*)(?:[ \t]+(?:[A-Z0-9][\w.'’\-]*|of|the|dan|and|&)){1,5})"
)
_PLATFORM_WORD: Final = re.compile(rf"(?:{_PLATFORMS})(?:-?(?:nya|na|ku|mu|nyo|e)|['’]s)?[,:]?")
_DISPLAY_KEYS: Final = tuple(
    sorted({p.lower().split()[0][:5] for p in _PLATFORMS.split("|") if len(p) > 3} | {"akun", "accou", "chann"})
) + tuple(f"{sep}{w}" for w in ("ig", "fb", "line", "page", "snap", "etsy", "ebay") for sep in " (")
"""Lower-case prefixes of the platform words (short ones after a space or bracket): every
display-name match holds one (a cheap line gate)."""
_DISPLAY_RX: Final = _keys(_DISPLAY_KEYS)
_DOTTED: Final = re.compile(
    rf"{_PLATFORM_FIRST}(?:-?(?:nya|na|ku|mu|nyo|e)|['’]s)?\b(?:{_GLUE}{{0,4}}?)[ \t]*"
    rf"(?:{_NAMING}[ \t]*[,:]?)?[ \t]+@?(?P<h>[A-Za-z0-9_]+(?:[._][A-Za-z0-9_]+)+|[A-Za-z]+_[A-Za-z0-9_]*|"
    r"[A-Za-z]+\d{2,}[A-Za-z0-9_]*)(?![\w@])"
)
_WEB_DOMAIN: Final = re.compile(
    r"(?:[a-z0-9\-]+\.){2,}(?:com|net|org|co\.id|co\.uk|com\.au|my\.id|web\.id|or\.id|ac\.id|id|uk|au|io|site|info)",
    re.IGNORECASE,
)
"""A web address of three labels or more without a scheme (the URL rule reads it as a bare domain)."""
_GROUP_BEFORE: Final = re.compile(r"(?i:\b(?:grup|group|komunitas|community|forum)[ \t]+)$")
_HANDLE_SHAPE: Final = re.compile(r"[._](?:(?<=[A-Za-z0-9][._])(?=[A-Za-z0-9])|(?<=_))")
"""A dot or underscore inside a word, or any underscore: the lines a dotted user name can be on (a dot or
underscore first, a cheap scan)."""
_TRAIL_WORDS: Final = frozenset({"of", "the", "dan", "and", "&"})
_PRONOUNS: Final = frozenset({"I'm", "I’m", "Im", "I", "Saya", "Aku", "Ambo", "Gue", "Gw"})
_OWNED_THING: Final = re.compile(r"[A-Z]{2,5}-(?:nya|nyo|ku|mu)")
"""An acronym owned by the name after it ("MiChat itu HP-nya Yosina", "KTP-nya Rina"): a thing, no part of a
display name."""
_MADE_UP: Final = re.compile(r"(?=[\w.]*\d|[A-Za-z]+[a-z][A-Z])[A-Za-z][\w.]{2,29}")
"""A one-word user name after a pronoun: with a digit or a capital inside (``RiderRaj99``, ``BikeLifeTom``)."""


_LONG_NUMBER: Final = 7
"""Digits a display name never holds as a word of its own: seven or more are an identity, phone or account number,
for their own detectors (trial16: ``NIK 1375024508990003`` after "daftar akun" was a HANDLE, its surrogate a name)."""


@cache
def _plain_words() -> frozenset[str]:
    return gz.dictionary_words() | gz.english_words()


@cache
def _named() -> frozenset[str]:
    """Words the name and place lists know (a display name may be made of words that are also ordinary)."""
    return gz.names_and_places()


def _display_handles(text: str, low: _Lowered, runs: Sequence[CapRun]) -> Iterator[Detection]:
    stop = gz.stop_caps()
    multi = _lines_at(text, (r[0] for r in runs if " " in r[2] or "\t" in r[2]))
    for m in _on_lines(_DISPLAY, text, low.having(multi, _DISPLAY_RX)):
        glue = m.group("glue") or ""
        if any(c in glue for c in ".!?;") or _GROUP_BEFORE.search(line_before(text, m.start(), 20)):
            continue  # "grup Facebook Ojol Bersatu": a group's name (an ORG), not a user name
        raw = m.group("h")
        stop_at = re.search(r"[.!?][ \t]", raw)
        raw = raw[: stop_at.start() + 1] if stop_at else raw  # a display name ends with its sentence
        toks = raw.split()
        while toks and (toks[-1].rstrip(".,'’") in _TRAIL_WORDS or not toks[-1].rstrip(".,'’")):
            toks.pop()
        lead = offset = 0
        while lead < len(toks) - 1 and (
            toks[lead] in _PRONOUNS or _PLATFORM_WORD.fullmatch(toks[lead]) or _OWNED_THING.fullmatch(toks[lead])
        ):
            lead += 1
        if lead:  # "Twitter, I'm RiderRaj99", "akun FB-nya Rina Kue": the pronoun or platform is no part of it
            toks = toks[lead:]
            if len(toks) == 1 and not _MADE_UP.fullmatch(toks[0].rstrip(".,'’")):
                continue
            offset = raw.index(toks[0])
            raw = raw[offset:]
        elif len(toks) < 2 or ((toks[0] in HONORIFICS or toks[0].rstrip(".") in stop) and len(toks) < 3):
            continue
        bare = [t.rstrip(".,'’") for t in toks]
        if all(b.lower() in _plain_words() and b not in _named() for b in bare):
            continue  # "FB saya Sudah Lama ...": ordinary words in capitals, not a display name
        if any(b.isdigit() and len(b) >= _LONG_NUMBER for b in bare):
            continue  # "daftar akun, masuakan NIK 1375...": a number of its own (an identity, a phone), no name's
        value = raw[: raw.rfind(toks[-1]) + len(toks[-1])].rstrip(".,'’")
        start = m.start("h") + offset
        yield Detection(start, start + len(value), "HANDLE", 0.8, "handle.display", value)
    dotted = _lines_at(text, (m.start() for m in _HANDLE_SHAPE.finditer(text)))
    urls: set[tuple[int, int]] | None = None
    for m in _on_lines(_DOTTED, text, low.having(dotted, _DISPLAY_RX)):
        value = m.group("h").rstrip(".")
        start = m.start("h")
        if (start > 0 and text[start - 1] == "@") or under_registry(value):
            continue  # (a host under a registry's second level, "auntiesbakery.co.nz": a web address; shapes28)
        if _WEB_DOMAIN.fullmatch(value):
            if urls is None:
                urls = {(u.start, u.end) for u in find_urls(text)}
            if (start, start + len(value)) in urls:
                continue  # a web address after "page" ("a page, shop.example.org") the URL rule finds: a URL
        yield Detection(start, start + len(value), "HANDLE", 0.85, "handle.dotted", value)


# --- NATIONAL_ID -------------------------------------------------------------------------------------

_ID_WORDS = (
    r"passport|paspor|PIN|licen[cs]e|registration|reg\.?|rego number|seaman['’]?s book|buku pelaut|"
    r"seafarer|ID card|id card|identity card|kartu identitas|Ghana Card|voter(?:['’]s)? (?:ID|card)|PAN|"
    r"pan card|member(?:ship)? (?:number|no\.?)|nomor (?:anggota|paspor|SIM|registrasi)|SIM|NMC|GMC|"
    r"employee (?:ID|number|no\.?)|staff (?:ID|number)|student (?:ID|number)|NIM|NIP|NRP|KITAS|IC|NRIC|MyKad"
)
_ID_VALUE = r"(?P<v>(?:[A-Z]{1,5}[ \-]?)?\d[\dA-Z]*(?:[ \-/]\d[\dA-Z]*)*)"
_CUED_CODE: Final = re.compile(
    dispatch(split_top(_ID_WORDS), not_after=r"\w")
    + rf"(?:-?nya|-?ku|-?na|['’]s)?\b[^\d\n.?!;]{{0,28}}?(?<![\w@\-+]){_ID_VALUE}(?![\w\-])"
)
_ID_KEYS: Final = (
    "passport", "paspor", "PIN", "licen", "registration", "reg", "seaman", "pelaut", "seafarer", "id card",
    "identity card", "ghana card", "pan card", "kartu identitas", "voter", "PAN", "member", "nomor anggota",
    "nomor paspor", "nomor sim", "nomor registrasi", "SIM", "NMC", "GMC", "employee", "staff", "student", "NIM",
    "NIP", "NRP", "KITAS", "IC", "NRIC", "MyKad",
)
_ID_RX: Final = _keys(k.lower() for k in _ID_KEYS)
_DIGITS4: Final = re.compile(r"\d{4}[^\n]*")
"""Four digits in a row, and the rest of their line (one match a line: only the lines matter)."""
_PHONE_BETWEEN: Final = re.compile(
    r"(?i:\b(?:phone|mobile|call|nomor hp|hp|wa|whatsapp|telepon|telp|number's)\b)"
)
_CUE_PREFIX: Final = re.compile(r"([A-Z]{2,5})[ \-](?=\d)")
_ID_CUE_KEYS: Final = frozenset({k.lower() for k in _ID_KEYS} | {"nik", "ktp", "kk", "no", "nomor", "npwp", "bpjs"})
"""Document words that can stand between a cue and its number (never a letter prefix of the number)."""
_PAN: Final = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]{2}[ABCFGHLJPT][A-Z]\d{4}[A-Z](?!\w)")
_GHANA: Final = re.compile(r"GHA(?<![\w]GHA)-\d{9}-\d(?!\d)")


def _ids(text: str, low: _Lowered) -> Iterator[Detection]:
    four = for_text(_DIGITS4, text).search
    lines = low.having([(s, e) for s, e in DIGIT_RUN_LINES.lines(text) if four(text, s, e)], _ID_RX)
    for m in _on_lines(_CUED_CODE, text, lines):
        value = m.group("v")
        digits = sum(c.isdigit() for c in value)
        between = text[m.start() : m.start("v")]
        if digits < 5 or _PHONE_BETWEEN.search(between) or re.fullmatch(r"(?:19|20)\d\d", value):
            continue
        start = m.start("v")
        word = _CUE_PREFIX.match(value)
        if word is not None and word.group(1).lower() in _ID_CUE_KEYS:
            start += word.end()  # "nomor SIM 9105 ...": the second cue word is no letter prefix of the number
        yield Detection(start, m.end("v"), "NATIONAL_ID", 0.85, "id.cued_code", text[start : m.end("v")])
    for rx, name in ((_PAN, "id.pan"), (_GHANA, "id.ghana_card")):  # (each holds four digits in a row)
        for m in lines_finditer(rx, DIGIT_RUN_LINES, text):
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.9, name, m.group(0))


# --- DATE ----------------------------------------------------------------------------------------------

_CHAT_STAMP: Final = re.compile(
    r"\n[ \t]*\[?(?P<d>(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2]))(?![/.\d]),?[ \t]+\d{1,2}[:.]\d{2}\b"
)
_DAY_ID = (
    r"(?:(?:dua|tiga)[ \t]+puluh(?:[ \t]+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?|"
    r"(?:se|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)[ \t]*belas|sepuluh|sebelas|satu|dua|tiga|empat|"
    r"lima|enam|tujuh|delapan|sembilan)"
)
_DAY_EN = (
    r"(?:(?:twenty|thirty)[\- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)"
)
_MONTHS = (
    r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember|"
    r"January|February|March|May|June|July|August|October|December)"
)
_SPOKEN_DAYS: Final = (
    # ``(?i:{_DAY_ID}|(?:the[ \t]+)?{_DAY_EN})`` as a list of literal-first alternatives, in its own order
    *(rf"{w}[ \t]+puluh(?:[ \t]+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?" for w in ("dua", "tiga")),
    *(rf"{w}[ \t]*belas" for w in "se dua tiga empat lima enam tujuh delapan sembilan".split()),
    *"sepuluh sebelas satu dua tiga empat lima enam tujuh delapan sembilan".split(),
    rf"the[ \t]+{_DAY_EN}",
    *(rf"{w}[\- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)" for w in ("twenty", "thirty")),
    *split_top(_DAY_EN[_DAY_EN.index(")|") + 2 : -1]),
)


def _folded_dispatch(alternatives: tuple[str, ...]) -> str:
    """``(?<![\\w])(?i:alt1|alt2|...)`` with its first character consumed by a plain set (every character the
    case-folded first letters match) and the alternatives picked by a look-behind at it, their order kept:
    the same matches, found with the regex engine's fast scan (a pattern led by a look-behind is tried at
    every position)."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0].lower(), []).append(alt[1:])
    branches, firsts = [], ""
    for letter, rests in groups.items():
        chars = FOLDS.get(letter, letter + letter.upper())
        firsts += chars
        branches.append(f"(?<=[{chars}])(?i:{'|'.join(rests)})")
    return f"[{firsts}](?<![\\w][\\s\\S])(?:{'|'.join(branches)})"


_SPOKEN_DATE: Final = re.compile(
    rf"(?P<d>{_folded_dispatch(_SPOKEN_DAYS)}(?:[ \t]+of)?[ \t]+{_MONTHS}"
    r"(?:[ \t]+(?:19|20)\d\d)?)(?!\w)"
)
"""A spoken date: ``(?<![\\w])(?P<d>(?i:{_DAY_ID}|(?:the[ \\t]+)?{_DAY_EN})(?:[ \\t]+of)?[ \\t]+{_MONTHS}...)``,
dispatched on its first letter."""
_MONTH_GATE: Final = trigger(
    ["Januari", "Februari", "Pebruari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
     "November", "Nopember", "Desember", "January", "February", "March", "May", "June", "July", "August",
     "October", "December"]
)


def _dates(text: str) -> Iterator[Detection]:
    if "/" in text or "." in text:
        for m in _CHAT_STAMP.finditer("\n" + text):  # a newline before the first line too
            m_start, m_end = m.start("d") - 1, m.end("d") - 1
            yield Detection(m_start, m_end, "DATE", 0.85, "date.chat_stamp", m.group("d"))
    for m in gated_finditer(_SPOKEN_DATE, _MONTH_GATE, text):
        yield Detection(m.start("d"), m.end("d"), "DATE", 0.85, "date.spoken", m.group("d"))


# --- AGE -----------------------------------------------------------------------------------------------

_UNITS = (
    r"satu|se|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|ciek|duo|tigo|ampek|limo|anam|tujuah|salapan|"
    r"sambilan|hiji|tilu|opat|genep|dalapan|siji|loro|telu|papat|enem|pitu|wolu|songo"
)
_AGE_WORDS = (
    rf"(?:(?:{_UNITS})[ \t]*(?:puluh|puluah|poloh)(?:[ \t]+(?:{_UNITS}))?|"
    rf"(?:{_UNITS})[ \t]*(?:belas|baleh|las))"
)
_AGE_UNIT = r"(?:[ \t]*(?:tahun|taun|thn|th|tahunan|taon)\b)?"
_AGE_PARTICLED: Final = re.compile(
    r"(?<![\w])(?i:umur|usia|umua|yuswa|umure|umurna|umurnya|umurnyo|usianya|usiana|usiano)"
    r"(?:[ \t]+(?:[a-z’'\-]{2,8})){0,2}?[ \t]+"
    rf"(?P<a>(?:[1-9]\d?|(?i:{_AGE_WORDS})){_AGE_UNIT})(?![\w.,/:]\d|\w)"
)
_AGE_GATE: Final = trigger(["umur", "Umur", "usia", "Usia", "umua", "Umua", "yuswa", "Yuswa"])
_AGE_QUESTION: Final = re.compile(
    r"(?i:\b(?:umur|usia|umua|how[ \t]+old|your[ \t]+age|berapa[ \t]+tahun|age\?))[^\n]*\?[ \t]*$", re.M
)
_QUESTION_MARK: Final = re.compile(r"\?")
_AGE_QUESTION_KEYS: Final = ("umur", "usia", "umua", "old", "age", "tahun")
_AGE_QUESTION_RX: Final = _keys(_AGE_QUESTION_KEYS)
_ANSWER_AGE: Final = re.compile(
    r"[ \t.]*(?:\[[^\]\n]{0,30}\][ \t.]*)?(?P<a>[1-9]\d?)(?P<unit>[ \t]*(?:tahun|taun|thn|years?(?: old)?))?"
    r"(?![\d\w]|[.,:/]\d)"
)
_RELATIVE = (
    r"suami|istri|isteri|bini|laki|anak|adik|adek|kakak|abang|ibu|bapak|ayah|mama|papa|husband|wife|son|"
    r"daughter|brother|sister|mum|mom|dad|partner"
)
_RELATIVE_AGE: Final = re.compile(
    rf"\b(?:{_RELATIVE})(?:[ \t]+(?:saya|aku|ku|my))?[ \t]+(?P<a>[1-9]\d?)(?![\d\w]|[.,:/]\d)"
)
_APPOS_AFTER: Final = re.compile(
    r"(?:[ \t]+(?:dari|asal|from)[ \t]+[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+)?)?,[ \t]+"
    r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?,[ \t]+)?(?P<a>[1-9]\d?)(?=[ \t]*(?:,|\.|;|$|\n|[ \t]+(?:tahun|years)))"
)


def _ages(text: str, low: _Lowered) -> Iterator[Detection]:
    for m in gated_finditer(_AGE_PARTICLED, _AGE_GATE, text):
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.particle", m.group("a"))
    questions = _lines_at(text, (m.start() for m in _QUESTION_MARK.finditer(text)))
    for q in _on_lines(_AGE_QUESTION, text, low.having(questions, _AGE_QUESTION_RX)):
        nl = text.find("\n", q.end())
        if nl < 0:
            continue
        a = _ANSWER_AGE.match(text, nl + 1)  # the next turn, its label blanked out
        if a is None:
            continue
        value = a.group("a") + (a.group("unit") or "")
        yield Detection(a.start("a"), a.start("a") + len(value), "AGE", 0.75, "age.answer", value)
        line_end = text.find("\n", a.end())
        line_end = len(text) if line_end < 0 else line_end
        for r in _RELATIVE_AGE.finditer(text, a.end(), min(line_end, a.end() + 80)):
            yield Detection(r.start("a"), r.end("a"), "AGE", 0.7, "age.answer", r.group("a"))


# --- ORG and PERSON ---------------------------------------------------------------------------------

_ACRONYM_BEFORE: Final = re.compile(
    r"(?:\b(?:at|from|with|for|joined|join|di|dari|ke|dengan|untuk|ikut|gabung|kuliah[ \t]+di|kerja[ \t]+di)"
    r"|account[ \t]+(?:at|with)|union|serikat|bank|lulusan|alumni|committee[ \t]+of|member[ \t]+of|anggota|"
    r"nyebut|disebut|dipanggil|called|known[ \t]+as|alias|aka)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_ACRONYM: Final = re.compile(r"(?P<o>[A-Z](?<![\w@./\-][A-Z])[A-Z&]{2,5}(?:[ \t]+[A-Z]{2,4})?)(?![\w@\-/])")
_CALLED: Final = re.compile(
    r"(?<![\w])(?:agency|company|firm|outfit|shop|store|business|charity|group|organi[sz]ation|NGO|church|union|"
    r"perusahaan|agensi|agen|toko|usaha|yayasan|lembaga|komunitas|grup|gereja|PT)[ \t]+(?:called|named|"
    r"bernama|namanya)[ \t]+(?P<o>[A-Z][\w&'’\-]*(?:[ \t]+(?:[A-Z][\w&'’\-]*|of|&)){0,5})"
)
_NOUNS = (
    "girl|boy|woman|man|lady|guy|client|customer|worker|friend|colleague|neighbour|neighbor|cewek|cowok|perempuan|"
    "laki-laki|teman|kawan|pelanggan|tamu"
)
_NAMING_WORD: Final = trigger(["called", "named", "bernama", "namanya"])
_COMMA_NAME: Final = re.compile(r",[ \t]+[A-Z]")
_NOUN_KEYS: Final = tuple(f" {w}{end}" for w in _NOUNS.split("|") for end in " ,")
_NOUN_RX: Final = _keys(_NOUN_KEYS)
_DETERMINER_BEFORE: Final = re.compile(r"\b(?i:another|one|a|this|that|the|other|seorang|satu)[ \t]+$")
_PERSON_NOUN: Final = re.compile(
    dispatch(split_top(_NOUNS), not_after=r"\w")
    + r"(?:[ \t]+(?:called|named|bernama|namanya))?,?[ \t]+(?P<n>[A-Z][a-z]{1,20}(?:-[A-Z][a-z]+)?)"
    r"(?=[ \t]*[,.;]|[ \t]+[a-z])"
)


@cache
def _not_acronyms() -> frozenset[str]:
    return gz.stop_caps() | gz.places_world() | gz.places_admin() | gz.places_en() | HONORIFICS


def _orgs_and_persons(text: str, low: _Lowered) -> Iterator[Detection]:
    skip = _not_acronyms()
    for m in _ACRONYM.finditer(text):
        word = m.group("o")
        first = word.split()[0]
        if first in skip or word in skip or len(first.strip("&")) < 2:
            continue
        if _ACRONYM_BEFORE.search(line_before(text, m.start(), 40)) is None:
            continue
        yield Detection(m.start(), m.end(), "ORG", 0.45, "org.acronym", word)
    stop = gz.stop_caps()
    named = _NAMING_WORD.lines(text)
    for m in _on_lines(_CALLED, text, named):
        toks = m.group("o").split()
        while toks and (toks[-1] in {"of", "&"} or toks[-1] in stop):
            toks.pop()
        if toks:
            value = m.group("o")[: m.group("o").rfind(toks[-1]) + len(toks[-1])]
            yield Detection(m.start("o"), m.start("o") + len(value), "ORG", 0.95, "org.called", value)
    apposed = _lines_at(text, (m.start() for m in _COMMA_NAME.finditer(text)))
    for m in _on_lines(_PERSON_NOUN, text, low.having(sorted({*apposed, *named}), _NOUN_RX)):
        name = m.group("n")
        if _DETERMINER_BEFORE.search(text, max(0, m.start() - 10), m.start()) is None:
            continue
        ordinary = name.lower() in gz.english_words() and name not in gz.first_names("en")
        if name in stop or name in HONORIFICS or ordinary:
            continue
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.7, "person.noun", name)


def detect_context(text: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    """The cue-family detectors over ``text`` (speaker labels already blanked), given its capitalised runs."""
    low = _Lowered(text)
    yield from _display_handles(text, low, runs)
    yield from _ids(text, low)
    yield from _dates(text)
    yield from _ages(text, low)
    yield from _orgs_and_persons(text, low)


def detect_context_after(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """Ages in apposition to a name found in the first pass ("Jane Doe, 44," / "Ana, Filipina, 26")."""
    for det in found:
        if det.type != "PERSON" or det.confidence < 0.7:
            continue
        m = _APPOS_AFTER.match(text, det.end)
        if m is not None:
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.75, "age.apposition", m.group("a"))
