"""Shape-and-cue detectors that generalise the structured types and AGE (issue 11, fifth round).

Every rule names a family of cues or a shape, never a string seen in a corpus file:

* **identity numbers after any document word**: an identity, tax, licence, residence, student or staff
  document word in either language (``SIN``, ``PPS``, ``HKID``, ``KTM``, ``SIM``, ``STR``, ``NRIC``, ``ID
  card``, ``nomor induk``...), then in the same clause a code of digits, capital letters, spaces, dashes and a
  bracketed check digit holding at least five digits (``WX458213(6)``, ``8234561TA``, ``C 4417290``).
* **plates**: Irish registrations by their shape and county codes (``191-D-40733``); a letters-and-digits
  code in the same clause after a plate word in either language (``pelat``, ``nomor polisi``, ``plates``,
  ``tags``), not only right after it.
* **handles**: a user name after a platform word with a pronoun or naming word between (``on insta I'm
  x.y``, ``IG abdi x_y``, ``LinkedIn as first-last``), hyphens allowed; a display name (two or more
  capitalised words) after a platform where people go by their names (``FB abdi Dewi Cianjur``); payment
  IDs of the ``name@bank`` shape (no top-level domain, so not an e-mail).
* **ages**: a dialect age-cue word (``umua``, ``umurnyo``, ``umurta``) or a standard one with up to two
  particles before the number (``umurku mi 52``, ``umur awak sudah 35``), the unit optional; an English
  number word that forms its own sentence right after a self-introduction (``... calls me Chi. Forty-one.``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import DIGIT_LINES, Literals, any_of, for_text, gated_finditer, trigger
from ._text import line_before
from .handles import affixed_word
from .types import Detection

__all__ = [
    "ID_WORDS_CASE",
    "ID_WORDS_FOLD",
    "detect_shapes",
    "find_ages_more",
    "find_handles_more",
    "find_ids_more",
    "find_plates_more",
    "is_document_word",
    "plate_without_tail",
]


def _lower(text: str) -> str:
    """``text`` in lower case with the same offsets (a letter whose lower case is longer stays as it is)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


@cache
def _literals(words: tuple[str, ...]) -> Literals:
    return Literals(words)


def _on_lines(
    rx: re.Pattern[str], text: str, stems: tuple[str, ...], exact: tuple[str, ...], low: str | None = None
) -> Iterator[re.Match[str]]:
    """``rx.finditer`` over the lines holding a stem (case-folded) or an exact form: one automaton pass for the
    stems and one for the exact forms (:class:`~makna.privacy._fastrx.Literals`), far cheaper than one regex
    alternation over the whole text. ``low``: :func:`_lower` of ``text``."""
    low = _lower(text) if low is None else low
    # (``low`` keeps the offsets and newlines of ``text``: its lines are those of ``text``)
    starts = _literals(stems).line_starts(low) | _literals(exact).line_starts(text)
    for line in sorted(starts):
        end = text.find("\n", line)
        yield from rx.finditer(text, line, len(text) if end < 0 else end + 1)


# --- NATIONAL_ID -----------------------------------------------------------------------------------------

ID_WORDS_FOLD = (
    r"passport|paspor|paspornya|identity[ \t]+card|identity[ \t]+number|id[ \t]+card|id[ \t]+number|"
    r"national[ \t]+id|social[ \t]+insurance(?:[ \t]+number)?|social[ \t]+security|insurance[ \t]+number|"
    r"pps(?:n|[ \t]+number)?|tax[ \t]+(?:file[ \t]+)?number|licen[cs]e[ \t]+(?:number|no\.?)|"
    r"driver['’]?s[ \t]+licen[cs]e|"
    r"driving[ \t]+licen[cs]e|licen[cs]e|residence[ \t]+(?:permit|card)|work[ \t]+permit|permit[ \t]+number|"
    r"visa[ \t]+number|student[ \t]+(?:id|number|card)|staff[ \t]+(?:id|number)|employee[ \t]+(?:id|number)|"
    r"member(?:ship)?[ \t]+number|medicare(?:[ \t]+card)?|nhs[ \t]+number|aadhaa?r|nomor[ \t]+induk|"
    r"nomor[ \t]+identitas|kartu[ \t]+(?:identitas|mahasiswa|pelajar|pekerja|keluarga|tanda[ \t]+penduduk)|"
    r"e-?ktp|ktp|nik|npwp|bpjs|paspor|kitas|kitap|nim|nip|nrp|nisn|philhealth|umid|tin|pag-?ibig|huduma|cedula"
)
ID_WORDS_CASE = (
    r"SIN|SSN|SIM|KTM|STR|KK|NRIC|FIN|HKID|ID|PAN|NIN|BVN|IRP|GNIB|TFN|NI|PIN|EID|SSS|GSIS|HDMF|CURP|DNI|NIE|CPF|"
    r"CNIC|NIC|NSS|TIN"
)
_ID_CUE_BEFORE: Final = re.compile(
    rf"(?:(?<![\w\-])(?i:{ID_WORDS_FOLD})|(?<![\w\-])(?:{ID_WORDS_CASE}))(?:-?nya|-?ku|['’]s)?(?![\w\-])"
    r"(?P<gap>[^\n.?!;\d]{0,40}?|[^\n?!;\d]{0,12}?\bno\.[^\n?!;\d]{0,12}?)$"
)
"""An identity-document word and the rest of its clause, up to where a number starts."""
_ID_VALUE: Final = re.compile(
    r"(?P<v>[A-Z\d](?<![\w+@/][A-Z\d])(?:(?<=[A-Z])[A-Z]{0,3}[ \-]?\d|(?<=\d))[\dA-Z \-/]{3,24}"
    r"(?:\(\d{1,2}\)|[\dA-Z]))(?![\w\-/@])"
)
"""A code of digits, capitals, spaces, dashes and slashes (a bracketed check digit at the end)."""
_ID_STEMS: Final = (
    "passport", "paspor", "identity", "identitas", "id card", "id number", "national id", "insurance", "security",
    "pps", "tax", "licen", "driv", "resid", "permit", "visa", "student", "staff", "employee", "member", "medicare",
    "nhs", "aadha", "induk", "kartu", "ktp", "nik", "npwp", "bpjs", "kitas", "kitap", "nim", "nip", "nrp", "nisn",
    "philhealth", "umid", "ibig", "huduma", "cedula",
)
_ID_EXACT: Final = (
    "ID", "SIN", "SSN", "SIM", "KTM", "STR", "KK", "NRIC", "FIN", "PAN", "NIN", "BVN", "IRP", "GNIB", "TFN", "NI",
    "PIN", "SSS", "GSIS", "HDMF", "CURP", "DNI", "NIE", "CPF", "NIC", "NSS", "TIN", "EID",
)
"""Lines worth a look for an identity number: a document word's stem (case-folded) or acronym (exact)."""
_ID_STEMS_RX: Final = any_of(_ID_STEMS)
_ID_EXACT_RX: Final = any_of(_ID_EXACT)
_FIVE_DIGITS: Final = re.compile(r"\d(?:[A-Z \-/()]*\d){4}")
"""Five digits with only what an :data:`_ID_VALUE` code holds between them: every code found has such a run."""


def _on_digit_lines(rx: re.Pattern[str], text: str, low: str) -> Iterator[re.Match[str]]:
    """``rx.finditer`` over the lines holding a :data:`_FIVE_DIGITS` run (one cheap scan) and a stem of
    :data:`_ID_STEMS` in ``low`` (:func:`_lower` of ``text``) or a word of :data:`_ID_EXACT` (a search of each
    such line)."""
    n = len(text)
    five = for_text(_FIVE_DIGITS, text).search
    for start, end in DIGIT_LINES.lines(text):  # (shared: a five-digit run is looked for on these lines only)
        if five(text, start, end) and (_ID_STEMS_RX.search(low, start, end) or _ID_EXACT_RX.search(text, start, end)):
            yield from rx.finditer(text, start, min(n, end + 1))


_NOT_ID_BETWEEN: Final = re.compile(
    r"(?i:\b(?:telepon|telpon|nelpon|hp|wa|whatsapp|phoned?|mobile|call(?:ed|ing|s)?|ring(?:ing|s)?|rang|"
    r"text(?:ed|ing|s)?|sms|rp|idr|usd|rupiah|dollars?|"
    r"pounds?|euros?|jam|pukul|at|tanggal|tgl|born|lahir|since|sejak|expired?|habis|until|sampai|umur|age|aged)\b)"
)


_PIN_CODE: Final = re.compile(r"(?i:pin[ \t]*code)")
_DOCUMENT_WORD: Final = re.compile(rf"(?i:{ID_WORDS_FOLD})|{ID_WORDS_CASE}")


def is_document_word(word: str) -> bool:
    """True for an identity-document word (``NIK``, ``KTP``, ``passport``): a cue, never a name."""
    return _DOCUMENT_WORD.fullmatch(word) is not None


def find_ids_more(text: str, low: str | None = None) -> Iterator[Detection]:
    """A code holding at least five digits after any identity-document word, in the same clause (``low``: the
    text in lower case, when the caller has it).

    Codes are found first, only on the lines holding five digits and a document word's stem or acronym, and
    the document word is looked for in the 64 characters before each one, so the long cue alternation only
    ever reads short windows."""
    low = _lower(text) if low is None else low
    for m in _on_digit_lines(_ID_VALUE, text, low):
        raw, start = m.group("v").rstrip(" -/"), m.start()
        if sum(ch.isdigit() for ch in raw) < 5:
            continue
        head = re.match(r"([A-Z]{1,4})[ \-]", raw)
        if head is not None and (_NOT_ID_BETWEEN.fullmatch(head.group(1)) or head.group(1) in ("RT", "RW")):
            continue  # "HP 0812 ...": a telephone after its own cue; "KTP RT 007 RW 003": an address unit
        if head is not None and (is_document_word(head.group(1)) or head.group(1) in ("TK", "MID", "KIS", "JKN")):
            raw, start = raw[head.end() :], start + head.end()  # "ID 784-...": the cue, then the code
        else:
            if head is not None and len(head.group(1)) == 4 and head.group(1).lower() in _ordinary():
                raw, start = raw[head.end() :], start + head.end()  # "NIK SAYA 1371...": a word, not the code's
            cue = _ID_CUE_BEFORE.search(line_before(text, start, 64))
            if cue is None or _NOT_ID_BETWEEN.search(cue.group("gap")) or _PIN_CODE.match(cue.group(0)):
                continue  # (an Indian "PIN code" is a postcode, found as an ADDRESS)
        if re.fullmatch(r"(?:19|20)\d\d", raw) or re.search(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$", raw):
            continue  # a year or a date, not a number
        words = raw.split()
        while words and re.fullmatch(r"[A-Z]{3,}", words[-1]):
            words.pop()  # "... 12345 THEN": a capitalised word after the code
        raw = " ".join(words)
        yield Detection(start, start + len(raw), "NATIONAL_ID", 0.94, "id.document", raw)


# --- PLATE -----------------------------------------------------------------------------------------------

_IE_COUNTIES = "C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|TN|TS|W|WD|WH|WX|WW"
_PLATE_IE: Final = re.compile(rf"(?<![\w\-])\d{{2,3}}-(?:{_IE_COUNTIES})-\d{{1,6}}(?![\w\-])")
_PLATE_IE_GATE: Final = re.compile(r"-(?<=\d-)[A-Z]{1,2}-\d")
r"""``\d-[A-Z]{1,2}-\d`` led by its dash (a literal: the regex engine skips to it), on the same lines."""
_PLATE_WORD: Final = re.compile(
    r"(?i:(?<![\w\-])(?:pelat|pelatnya|plat|platnya|plate|plates|nopol|no\.?[ \t]+pol|nomor[ \t]+polisi|"
    r"tnkb|rego|registration|reg|tags?|number[ \t]+plate|licen[cs]e[ \t]+plate)(?![\w\-]))"
    r"(?P<gap>[^\n.?!;\d]{0,30}?)(?<![\w\-])"
    r"(?P<p>(?=[A-Z0-9 \-]*\d)(?=[A-Z0-9 \-]*[A-Z])[A-Z0-9]{1,4}(?:[ \-](?:[A-Z0-9]{2,5}|\d)){0,2}|[A-Z0-9]{5,8})"
    r"(?![\w\-])"
)
_PLATE_TAIL_WORDS: Final = frozenset({"IS", "IN", "ON", "AT", "AND", "OR", "TO", "OK", "SO", "BUT", "WAS", "DAN", "YA"})
_PLATE_GATE: Final = trigger(
    ["plat", "Plat", "PLAT", "pelat", "Pelat", "plate", "Plate", "nopol", "Nopol", "polisi", "Polisi", "rego", "Rego",
     "regis", "Regis", "reg", "Reg", "tag", "Tag", "TNKB"]
)


def plate_without_tail(raw: str) -> str:
    """``raw`` less the short words a plate-shaped match took in after the plate ("JFK-4821 IS" -> "JFK-4821")."""
    parts = re.split(r"([ \-])", raw)
    while len(parts) > 2 and parts[-1] in _PLATE_TAIL_WORDS:
        parts = parts[:-2]  # "JFK-4821 IS": a word after the plate
    return "".join(parts)


def find_plates_more(text: str) -> Iterator[Detection]:
    """Irish plates by shape, and a plate-shaped code anywhere in the clause after a plate word."""
    for m in gated_finditer(_PLATE_IE, _PLATE_IE_GATE, text):
        yield Detection(m.start(), m.end(), "PLATE", 0.93, "plate.ie", m.group(0))
    for m in gated_finditer(_PLATE_WORD, _PLATE_GATE, text):
        raw = plate_without_tail(m.group("p"))
        compact = raw.replace(" ", "").replace("-", "")
        if not 4 <= len(compact) <= 10 or re.fullmatch(r"(?:19|20)\d\d", compact):
            continue
        yield Detection(m.start("p"), m.start("p") + len(raw), "PLATE", 0.9, "plate.clause", raw)


# --- HANDLE ----------------------------------------------------------------------------------------------

_PLATFORMS = (
    r"IG|ig|Insta|insta|Instagram|instagram|TikTok|Tiktok|tiktok|FB|fb|Fb|Facebook|facebook|Snapchat|snapchat|"
    r"Snap|snap|LinkedIn|Linkedin|linkedin|Twitter|twitter|Telegram|telegram|Threads|threads|YouTube|Youtube|"
    r"youtube|Discord|discord|MiChat|michat|WeChat|wechat|Line|LINE|Kik|Twitch|twitch|Shopee|shopee|"
    r"Tokopedia|tokopedia|Lazada|lazada|Bukalapak|Reddit|reddit|Bluesky|bluesky|Signal|"
    r"(?i:user[ \t]?name|user[ \t]?id|nickname|handle|akun|account)"
)
_BETWEEN = (
    r"(?:[ \t]+(?:is|was|as|I['’]m|I[ \t]+am|im|my|his|her|their|your|name|names?|handle|account|page|id|ID|saya|aku|"
    r"dia|kamu|abdi|ambo|sa|"
    r"tiang|awak|gue|gw|ku|kami|nama|namanya|namina|itu|adalah|di|sih|ya|juga|the|under|on|called|"
    r"jeung|teh|mah|nyo|e|pu|mi|ji)\b){0,3}"
)
_HANDLE_AFTER: Final = re.compile(
    rf"(?<![\w@])(?:{_PLATFORMS})(?:-?nya|-?ku|['’]s)?(?![\w@]){_BETWEEN}[ \t]*[:=,]?[ \t]+"
    r"(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{1,30})[A-Za-z0-9_])(?![\w@\-])"
)
_HANDLE_STEMS: Final = (
    "insta", "tiktok", "facebook", "snap", "linkedin", "twitter", "telegram", "threads", "youtube", "discord",
    "michat", "wechat", "line", "kik", "twitch", "shopee", "tokopedia", "lazada", "bukalapak", "reddit", "bluesky",
    "signal", "user", "nick", "handle", "akun", "account",
)
_HANDLE_EXACT: Final = ("IG", "ig", "FB", "fb", "Fb")
"""Lower-case stems (found in the lower-cased text) and exact short forms of the platform words."""


_DISPLAY_PLATFORMS = r"FB|fb|Fb|Facebook|facebook|LinkedIn|Linkedin|linkedin|YouTube|Youtube|youtube"
_DISPLAY_AFTER: Final = re.compile(
    rf"(?<![\w@])(?:{_DISPLAY_PLATFORMS})(?:-?nya|-?ku|['’]s)?(?![\w@]){_BETWEEN}[ \t]*[:=,]?[ \t]+"
    r"(?P<h>[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ0-9][\w'’\-]*){1,4})"
)
_GROUP_BEFORE: Final = re.compile(r"(?i:\b(?:grup|group|komunitas|community|forum|page|halaman)[ \t]+)$")
_DISPLAY_GATE: Final = trigger(["FB", "fb", "Fb", "acebook", "inked", "ouTube", "outube"])
_PAY_ID: Final = re.compile(r"(?<![\w.@])[A-Za-z0-9][\w.\-]{1,40}@[a-z]{2,15}(?![\w@]|\.[A-Za-z0-9])")
_AT_GATE: Final = trigger(["@"])


@cache
def _ordinary() -> frozenset[str]:
    return gz.dictionary_words() | gz.english_words() | gz.colloquial()


_ENCLITIC: Final = re.compile(r"-(?:nya|nyo|na|ku|mu|e)$")
_NAMING: Final = re.compile(r"(?i:\b(?:is|as|I['’]m|im|namanya|namina|adalah)\b|[:=])")
_ACCOUNT_NAME_WORD: Final = re.compile(r"(?i:user[ \t]?name|user[ \t]?id|nick(?:name)?)(?![\w])")
"""A word that names an account's name itself (``Username dia rinakece``): a naming word whatever comes between."""
_OWNED: Final = re.compile(r"(?i:(?:akun|account)[ \t]+\w+|\w+-?(?:nya|ku|mu))[ \t]+$")
_INVITE: Final = re.compile(r"(?i:\b(?:add|follow|find|search|dm|message|cari|ikuti|follback|folbek)\b[^.?!\n]{0,14})$")
"""An invitation to follow or add an account just before the platform word ("add me on Snap, kezrides", "follow
aku di ig rinaayu"): it names the plain word after the platform as a naming word would."""


@cache
def _named() -> frozenset[str]:
    return gz.names_and_places()


def _made_up(h: str, before: str) -> bool:
    """A user name by its shape (dots, underscores, hyphens or digits inside), or a plain lower-case word
    outside the dictionaries when a naming word or a colon introduces it."""
    if re.search(r"[a-z][._][a-z0-9]|[_]|[a-z]\d|\d[a-z]", h, re.IGNORECASE):
        return True
    if "-" in h and not re.match(r"(?:di|ke|ter|ber|se|me|pe)-", h) and (h.count("-") >= 2 or _NAMING.search(before)):
        return True  # "first-last-rn"; one hyphen only after a naming word ("di-suspend" is a verb)
    named = _NAMING.search(before) is not None or _ACCOUNT_NAME_WORD.match(before) is not None
    short_ok = named and re.search(r"(?i:\bis\b|[:=])", before) is not None  # ("my Snap is kezz", "IG: rina")
    plain = h.islower() and h.isalpha() and len(h) >= (4 if short_ok else 6) and h not in _ordinary()
    return plain and named and not affixed_word(h, _ordinary())  # ("IG-nya diblokir", "ngeblock": a verb, not a name)


def find_handles_more(text: str, low: str | None = None) -> Iterator[Detection]:
    """User names after platform words (pronouns and naming words between), display names after
    name-based platforms, and ``name@bank`` payment IDs."""
    stop = gz.stop_caps()
    for m in _on_lines(_HANDLE_AFTER, text, _HANDLE_STEMS, _HANDLE_EXACT, low):
        hit: re.Match[str] | None = m
        while hit is not None:
            m = hit
            h = m.group("h").rstrip(".-")
            before = text[m.start() : m.start("h")]
            if _INVITE.search(text, max(0, m.start() - 25), m.start()) or _OWNED.match(before):
                before += " adalah"  # (an invitation, or "her IG", "akun tiktoknya", stands for a naming word)
            if _made_up(h, before) and not _ENCLITIC.search(h):
                start = m.start("h")
                yield Detection(start, start + len(h), "HANDLE", 0.92, "handle.platform", h)
                break
            # "on Telegram, username x77": the word after the first cue may be a cue itself
            hit = _HANDLE_AFTER.match(text, m.start("h"))
    for m in gated_finditer(_DISPLAY_AFTER, _DISPLAY_GATE, text):
        if _GROUP_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "grup Facebook Ojol Bersatu": a group's name, not a user's
        words = m.group("h").split()
        while words and words[-1] in stop:
            words.pop()
        if len(words) < 2 or words[0] in stop or all(w.lower() in _ordinary() and w not in _named() for w in words):
            continue  # "FB saya Sudah Lama ...": ordinary words, not a display name
        raw = " ".join(words)
        if raw not in m.group("h"):
            continue
        start = m.start("h")
        yield Detection(start, start + len(raw), "HANDLE", 0.93, "handle.named", raw)
    for m in gated_finditer(_PAY_ID, _AT_GATE, text):
        yield Detection(m.start(), m.end(), "HANDLE", 0.85, "handle.payid", m.group(0))


# --- AGE -------------------------------------------------------------------------------------------------

_UNITS_ID = "satu|dua|tiga|tigo|empat|ampek|lima|limo|enam|anam|tujuh|tujuah|delapan|lapan|sembilan|sambilan"
_NUM_ID = (
    rf"(?:(?:{_UNITS_ID})[ \t]*(?:puluh|puluah)(?:[ \t]+(?:{_UNITS_ID}))?|(?:{_UNITS_ID}|se)[ \t]*(?:belas|baleh)"
    r"|sepuluh|sapuluah|sebelas)"
)
_TENS_EN = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM_EN = (
    rf"(?:(?:{_TENS_EN})(?:[\- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_AGE_PARTICLE_CUE: Final = re.compile(
    r"[UuAaYy](?<![\w\-][UuAaYy])(?i:(?<=u)mu[ar](?:nya|nyo|na|ta|ku|mu|e)?|(?<=u)sia(?:nya|ku|na)?|(?<=y)uswa|"
    r"(?<=a)ge)(?![\w\-])"
    r"(?P<gap>(?:[ \t]+(?!(?i:tahun|taun|thn|years?)\b)[a-z']{1,7}){0,2})[,:]?[ \t]+"
    rf"(?P<a>(?:\d{{1,3}}|(?i:{_NUM_ID}|{_NUM_EN}))(?:[ \t]*(?i:tahun|taun|thn|th|years?(?:[ \t\-]old)?)\b)?"
    rf"|(?i:{_UNITS_ID}|one|two|three|four|five|six|seven|eight|nine|ten)[ \t]+(?i:tahun|taun|years?(?:[ \t\-]old)?)\b)"
    r"(?![\w:.,/]\d|[\w\-])"
)
_KIN_EN = (
    r"daughter|son|kid|child|boy|girl|wife|husband|partner|mum|mom|mother|dad|father|brother|sister|baby|"
    r"grandson|granddaughter|nephew|niece|cousin|eldest|youngest|oldest"
)
_KIN_ID = (
    r"anak|anaknya|anakku|adik|adiknya|adikku|kakak|kakaknya|istri|istrinya|suami|suaminya|cucu|cucunya|keponakan|"
    r"dia|beliau|doi"
)
_KIN_WORDS: Final = tuple((w, w in _KIN_EN.split("|")) for w in (_KIN_EN + "|" + _KIN_ID).split("|"))
_KIN_FINDER: Final = Literals([w for w, _ in _KIN_WORDS])
_KIN_TAIL_EN: Final = re.compile(
    r"(?:[ \t]+(?:is|was|turned|turns|is[ \t]+now|just[ \t]+turned))[ \t]+"
    rf"(?P<a>(?:[1-9]\d?|(?i:{_NUM_EN}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"(?:[ \t\-]+years?(?:[ \t\-]+old)?)?)(?=[ \t]*(?:[.,;!?)]|$)|[ \t]+(?:now|next|this|last|and|but|in)\b)"
)
_KIN_TAIL_ID: Final = re.compile(
    r"(?:[ \t]+(?:saya|aku|ambo|kami|dia|gue|awak|abdi|tiang|sa))?"
    r"(?:[ \t]+yang(?:[ \t]+[a-z]+){1,2})?"
    r"[ \t]+(?:baru|sudah|udah|masih|lah|alah|umur(?:nya)?|usia(?:nya)?)[ \t]+"
    rf"(?P<a>(?:[1-9]\d?|(?i:{_NUM_ID}|{_UNITS_ID}))[ \t]*(?i:tahun|taun|thn)\b)"
    r"(?![ \t]+(?:kerja|bekerja|di|jadi|tinggal|menikah|nikah|jualan|ikut|lalu|yang|lebih|lamanya|belakangan)\b)"
)
"""After a kin noun or a third-person pronoun: "is 12", "baru 4 tahun" (a duration's next word excluded)."""
_AGE_GATE: Final = trigger(["umu", "Umu", "usia", "Usia", "yuswa", "age", "Age", "AGE"])
_AFTER_NOT_AGE: Final = re.compile(
    r"[ \t]*(?i:ribu|rb|juta|jt|%|kg|cm|km|menit|jam|hari|bulan|minggu|orang|kali|anak|x\b|minutes?|hours?|"
    r"days?|weeks?|months?|people|times)"
)
_INTRO: Final = re.compile(
    r"(?i:\b(?:I['’]m|I[ \t]+am|my[ \t]+name|call(?:s|ed)?[ \t]+me|for[ \t]+short|known[ \t]+as|saya|nama|"
    r"panggil))"
)
_WORD_AGE_SENTENCE: Final = re.compile(
    rf"(?<=[.!?][ \t])(?P<a>{_NUM_EN}(?:[ \t]+years?(?:[ \t\-]old)?)?)"
    r"(?=[ \t]*(?:[.!,;]|[ \t]+(?:in|next|this|last|come|soon)\b))",
    re.IGNORECASE,
)
_WORD_AGE_GATE: Final = re.compile(r"[TFSEN][a-z]{2,5}(?:ty|teen)\b")
_WORD_AGE_ENDS: Final = trigger(["ty", "teen"])
"""The literal ends of every :data:`_WORD_AGE_GATE` match: the lines to search for one (a capital-first scan of the
whole text costs a pass; these literals come from the shared automaton pass)."""


def _on_gate_lines(rx: re.Pattern[str], gate: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``gated_finditer(rx, gate, text)`` for :data:`_WORD_AGE_GATE`: the gate searched only on the lines holding
    one of its literal ends (:data:`_WORD_AGE_ENDS`); its matches never cross a line."""
    n = len(text)
    for start, end in _WORD_AGE_ENDS.lines(text):
        if gate.search(text, start, min(n, end + 1)) is not None:
            yield from rx.finditer(text, start, min(n, end + 1))


def find_ages_more(text: str, low: str | None = None) -> Iterator[Detection]:
    """Ages after a (dialect) age cue with particles between, and an English number word standing as a
    sentence after a self-introduction."""
    for m in gated_finditer(_AGE_PARTICLE_CUE, _AGE_GATE, text):
        raw = m.group("a")
        num = re.match(r"\d+", raw)
        if num is not None and not 1 <= int(num.group(0)) <= 110:
            continue
        if _AFTER_NOT_AGE.match(text, m.end("a")):
            continue
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.86, "age.dialect", raw)
    low = _lower(text) if low is None else low
    # every kin word found in one automaton pass (far cheaper than one case-folded alternation), then taken word
    # by word as a str.find loop over each would
    for (word, english), found in zip(_KIN_WORDS, _KIN_FINDER.starts(low), strict=True):
        for pos in found:
            end = pos + len(word)
            if (pos == 0 or not low[pos - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                tail = (_KIN_TAIL_EN if english else _KIN_TAIL_ID).match(text, end)
                if tail is not None:
                    yield Detection(tail.start("a"), tail.end("a"), "AGE", 0.8, "age.kin", tail.group("a"))
    for m in _on_gate_lines(_WORD_AGE_SENTENCE, _WORD_AGE_GATE, text):
        if not m.group("a")[0].isupper():
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _INTRO.search(text, max(line_start, m.start() - 80), m.start()) is None:
            continue
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.sentence", m.group("a"))


def detect_shapes(text: str) -> Iterator[Detection]:
    """Every detector of this module over ``text``."""
    low = _lower(text)
    yield from find_ids_more(text, low)
    yield from find_plates_more(text)
    yield from find_handles_more(text, low)
    yield from find_ages_more(text, low)
