"""User names by their shape near a platform word, on either side of it, and quoted display names (#11).

* **a made-up token** (letters with dots or underscores inside, letters and digits mixed, or a camel-case
  mix such as ``xXdarkangelXx``) on a line that names a platform or an account word, before it
  (``jess_moore on insta``, ``tokobaju_murah88 on Shopee``) or after it (``TikTok-nya "dapur.mama.ani"``);
* **a gamer or user name** after a naming cue (``gamertag is ShadowFox77``, ``goes by BigMike254``);
* **a quoted name** next to a platform word (``nama FB-nya 'Mawar Berduri'``, ``search 'Bunda Rina Official'
  on YouTube``): quotes mark a display name the speaker spells out;
* **a plain lower-case word outside the dictionaries** after a naming word when a platform is named in the
  clause (``di IG, namanya rinaayu``).

* **a user name as a speaker label**: a chat copied from direct messages starts each turn with the sender's
  account (``kopi.senja_22: boleh kak``, ``@jay_the_baker: no worries``); a line-initial token of a user
  name's shape (lower case with a dot, underscore or digit, or led by ``@``) before a colon that starts two
  or more lines is that account, found in every turn, like a name label (``makna.privacy.speakers``).

Domains, file names, versions, ordinals and units (``example.com``, ``foto.jpg``, ``v2.1``, ``3rd``, ``4G``) are
never user names here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import SharedLines, dispatch, gated_finditer, split_top, trigger
from ._find import WordStarts, lowered
from .types import Detection
from .url_forms import under_registry

__all__ = [
    "PLATFORM",
    "affixed_word",
    "find_handles_near_platforms",
    "find_label_handles",
    "inflected_word",
    "made_up",
]

_PLATFORM_WORDS: Final = (
    r"ig|insta(?:gram)?|tik[ \t]?tok|fb|facebook|snap(?:chat)?|twitter|x|threads|telegram|tele|line|wechat|whatsapp|"
    r"wa|michat|discord|twitch|youtube|yt|linkedin|reddit|bluesky|tumblr|pinterest|kik|steam|xbox|psn|playstation|"
    r"roblox|shopee|tokopedia|lazada|bukalapak|tinder|bumble|hinge|grindr|onlyfans|patreon|spotify|soundcloud|akun|"
    r"account|username|user[ \t]?name|handle|gamertag|profile|profil|channel|kanal|page|halaman|dm"
)
PLATFORM: Final = re.compile(
    dispatch(split_top(_PLATFORM_WORDS), fold=True, not_after=r"\w@")
    + r"(?:-?nya|-?ku|-?mu|['’]s)?(?![\w@])"
)
"""A platform or account word (any case), found with the fast first-character scan of ``_fastrx``."""
_TOKEN: Final = re.compile(
    r"(?<![\w@/.\-#])(?=@?[A-Za-z0-9._]*(?:[A-Za-z0-9][._][A-Za-z0-9]|\d|[a-z][A-Z]))@?[A-Za-z0-9](?:[A-Za-z0-9]|[._](?=[A-Za-z0-9])){2,30}(?![\w@/\-]|\.\w)"
)
_DOMAIN_END: Final = re.compile(
    r"\.(?:com|net|org|id|co|uk|au|io|me|info|biz|edu|gov|jpg|jpeg|png|gif|pdf|docx?|xlsx?|pptx?|mp[34]|txt|zip|"
    r"html?|php|apk|exe)$",
    re.IGNORECASE,
)
_NOT_HANDLE: Final = re.compile(
    r"\d+(?i:st|nd|rd|th|am|pm|s|k|m|g|gb|mb|kg|km|cm|mm|x|rb|jt|an)?|[A-Za-z]{1,3}\d{1,3}[A-Za-z]?|\d+[A-Za-z]{1,3}"
    r"|[vV]?\d+(?:\.\d+)+|(?:[A-Za-z]\.){1,4}[A-Za-z]?|[A-Z]{2,}\d*"
)
"""Counts, ordinals, units, model codes (``B12``, ``4G``, ``iPhone12`` is not), versions, initials, acronyms."""
_CAMEL: Final = re.compile(r"[a-z][A-Z]")
_NAMING_CUE: Final = re.compile(
    r"(?i:(?<![\w@])(?:gamertag|gamer[ \t]?tag|screen[ \t]?name|user[ \t]?name|username|handle|nick(?:name)?|"
    r"goes[ \t]+by|went[ \t]+by|go[ \t]+by|dipanggil|id[ \t]+(?:game|ml|ff|pubg))"
    r"(?:[ \t]+(?:is|was|itu|adalah|:|online)|['’]s)?)[ \t]*[:=]?[ \t]+(?P<h>[A-Za-z][A-Za-z0-9]{3,24})(?![\w@\-]|\.\w)"
)
_NAMING_GATE: Final = trigger(
    ["gamer", "Gamer", "GAMER", "screen", "Screen", "name", "Name", "NAME", "handle", "Handle", "nick", "Nick",
     "goes by", "went by", "go by", "Goes by", "Go by", "dipanggil", "Dipanggil", "id ", "ID ", "Id "]
)
_QUOTED: Final = re.compile(r"(?<![\w])['\"“‘](?P<q>[^'\"“”‘’\n.?!;]{3,40}?)['\"”’](?![\w])")
_GROUP_BEFORE: Final = re.compile(r"(?i:\b(?:grup|group|komunitas|community|forum|chat|obrolan|room)\b)")
_PLAIN_AFTER_NAMING: Final = re.compile(
    r"(?i:\b(?:namanya|nama(?:[ \t]+akun)?nya|name[ \t]+is|called|named|cari(?:[ \t]+aja)?|search(?:[ \t]+for)?|"
    r"is|was|itu|adalah)[ \t]*[:,]?|:)[ \t]+(?P<h>[a-z][a-z0-9]{4,24})(?![\w@\-]|\.\w)"
)


_DISPLAY_NAME: Final = re.compile(
    r"(?i:\b(?:namanya|namonyo|namina|nami|nama(?:[ \t]+(?:akun|page|halaman|grup|group))?(?:nya)?|"
    r"namo(?:[ \t]+(?:ambo|awak))?|(?:page|account|group|profile)?[ \t]*name[ \t]+is|called|named)"
    r"(?:[ \t]+(?:ambo|saya|aku|awak|kami|abdi|kulo|aing))?)[ \t]*[:,]?[ \t]*[\"“'‘]?"
    r"(?P<h>(?-i:[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|\d{1,4})){1,5}))"
)
"""A display, page or group name (two to six capitalised words) after a naming word, on a line that names a
platform (``on Facebook the page name is Kofi Cuts Tamale``, ``halaman Facebook ambo namonyo Asep Bengkel Cibiru``): the
corpus annotates an account's shown name as a HANDLE, whoever it names."""


def _display_names(text: str, start: int, end: int, near: list[tuple[int, int]]) -> Iterator[Detection]:
    low = lowered(text)
    if low.find("nam", start, end) < 0 and low.find("called", start, end) < 0:
        return  # every naming word holds one of them (in any case): the pattern, tried at every word, finds none
    for m in _DISPLAY_NAME.finditer(text, start, end):
        if not any(0 <= m.start() - e <= 40 and text[s:e].lower() not in _COMMON_PLATFORM_WORDS for s, e in near):
            continue  # the naming word belongs to a platform's clause ("my line lead was a man named ...": not)
        h = m.group("h")
        words = h.split()
        while words and words[-1].lower() in _ordinary() and not words[-1][:1].isupper():
            words.pop()
        if len(words) < 2:
            continue
        h = " ".join(words)
        yield Detection(m.start("h"), m.start("h") + len(h), "HANDLE", 0.96, "handle.display_name", h)


_COMMON_PLATFORM_WORDS: Final = frozenset(
    {"line", "x", "threads", "steam", "channel", "kanal", "handle", "profile", "profil", "dm", "tele", "wa", "psn"}
)
"""Platform words that are also everyday words: not enough to make a name after "named" an account's."""
_ON_PLATFORM: Final = re.compile(r"[ \t]+(?i:on|di|at|in|pada|via|lewat)[ \t]+")
_SELF_BEFORE: Final = re.compile(
    r"(?i:\b(?:I['’]m|I[ \t]+am|cari(?:[ \t]+aja)?|search(?:[ \t]+for)?|look[ \t]+up|find[ \t]+me[ \t]+as|follow|add))"
    r"[ \t]+(?P<h>[a-z][a-z0-9]{3,29})[ \t]+(?i:on|di|in|at)[ \t]+(?:(?i:the)[ \t]+)?$"
)
"""A plain lower-case word the speaker gives as their own or someone's account, then the platform ("I'm
kezrides on snap", "cari aja rinaayu di IG", "look up kezrides on Snapchat")."""
_PLACEHOLDER: Final = re.compile(r"(?:([A-Za-z])\1{0,3}[._/])+([A-Za-z])\2{0,3}")
"""A format's placeholder (``dd.mm.yy``, ``jj.mm.dd``): every part one letter repeated."""


def inflected_word(word: str, ordinary: frozenset[str], *, least: int = 3) -> bool:
    """An inflected form of an ordinary word (``called``, ``dibuat``, ``ditutup``, ``waiting``). ``least``: the
    fewest letters of an Indonesian root, and (where above 3) of an English one (``nias`` is no plural of ``nia``)."""
    for suffix in ("ed", "d", "ing", "s", "es"):
        root = word[: -len(suffix)]
        if word.endswith(suffix) and root in ordinary and (least <= 3 or len(root) >= least):
            return True
    stems = {word, *(word[: -len(x)] for x in _ID_SUFFIXES if word.endswith(x) and len(word) - len(x) >= least)}
    return any(
        stem.startswith(p) and len(stem) - len(p) >= least and stem[len(p) :] in ordinary
        for stem in stems
        for p in _ID_PREFIXES
    ) or any(stem != word and stem in ordinary for stem in stems)


_ID_PREFIXES: Final = ("di", "ter", "ber", "ke", "se", "pe", "pem", "pen", "peng", "per", "me", "mem", "men", "meng")
_ID_SUFFIXES: Final = ("an", "kan", "i", "nya", "lah", "kah")
"""Indonesian affixes: a word they make of an ordinary root (``pelanggan``, ``diblokir``) is no user name."""
_SPOKEN_PREFIXES: Final = (*_ID_PREFIXES, "nge", "ng", "ny")
_SPOKEN_SUFFIXES: Final = (*_ID_SUFFIXES, "in", "nyo", "nye", "ku", "mu")
"""The affixes of spoken Indonesian as well (``ngeblock``, ``diblokirin``, ``namonyo``)."""


def _english_form(word: str, ordinary: frozenset[str]) -> bool:
    """An ordinary English word or one of its inflected forms (``ban``, ``banned``, ``locking``, ``resets``)."""
    if word in ordinary:
        return True
    for suffix in ("ed", "d", "ing", "s", "es"):
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3:
            continue
        if base in ordinary or (base[-1] == base[-2] and base[:-1] in ordinary):  # "banned": "ban"
            return True
    return False


def affixed_word(word: str, ordinary: frozenset[str] | None = None) -> bool:
    """A word of the language with an affix, never a user name: an Indonesian prefix or suffix of speech on an
    ordinary Indonesian or English stem, itself inflected or not (``disuspend``, ``dibanned``, ``ngeblock``,
    ``kesuspendan``, ``diblokirin``, ``kawannya``). A handle needs a handle's shape (a digit, ``_``, ``.``) or
    is a word no dictionary splits so. ``ordinary``: the words to split by (default: the dictionaries)."""
    ordinary = _ordinary() if ordinary is None else ordinary
    if inflected_word(word, ordinary):
        return True
    stems = {word, *(word[: -len(x)] for x in _SPOKEN_SUFFIXES if word.endswith(x) and len(word) - len(x) >= 3)}
    for stem in stems:
        if stem != word and _english_form(stem, ordinary):
            return True
        for p in _SPOKEN_PREFIXES:
            if stem.startswith(p) and len(stem) - len(p) >= 3 and _english_form(stem[len(p) :], ordinary):
                return True
    return False


@cache
def _ordinary() -> frozenset[str]:
    return gz.dictionary_words() | gz.english_words() | gz.colloquial()


def made_up(token: str) -> bool:
    """A token people make up for an account, not a word, number, unit, domain or file name."""
    bare = token.lstrip("@")
    if _DOMAIN_END.search(bare) or _NOT_HANDLE.fullmatch(bare) or under_registry(bare):
        return False  # (a host under a registry's second level, "auntiesbakery.co.nz": a web address; shapes28)
    letters = sum(c.isalpha() for c in bare)
    digits = sum(c.isdigit() for c in bare)
    if re.search(r"[A-Za-z0-9][._][A-Za-z0-9]", bare):
        return letters >= 3
    if letters >= 3 and digits >= 2:
        return True
    # two or more case switches ("xXdarkangelXx"); one is a brand's spelling ("WhatsApp", "iPhone", "McDonald")
    return len(_CAMEL.findall(bare)) >= 2 and bare.lower() not in _ordinary() and letters >= 5


_STEMS = sorted({re.sub(r"[(\[].*", "", w) for w in split_top(_PLATFORM_WORDS)} - {""})
_PLATFORM_STEMS: Final = tuple(w for w in _STEMS if not any(w != v and w.startswith(v) for v in _STEMS))
"""The literal beginning of each platform word (``insta`` of ``insta(?:gram)?``): found with ``str.find``."""


_SHORT_WORDS: Final = frozenset({"wa", "x", "dm", "yt", "ig", "fb", "kik", "psn"})
_PLATFORM_AT: Final = WordStarts(
    [w for w in _PLATFORM_STEMS if w not in _SHORT_WORDS], [w for w in _PLATFORM_STEMS if w in _SHORT_WORDS]
)
"""Where a platform word starts ("wa", "x", "dm", "ig"...: whole words, with an enclitic, only)."""


def _platform_lines(text: str) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """(start, end, platform word spans) of each line naming a platform or account word: each word's literal
    beginning comes from the shared word-start pass (:class:`._find.WordStarts`) over the lower-cased text, and the
    platform pattern is only matched there (a regex pass over the whole text cost several times more)."""
    n = len(text)
    spans = {m.span() for pos in _PLATFORM_AT.starts(lowered(text)) if (m := PLATFORM.match(text, pos)) is not None}
    start = end = -1
    near: list[tuple[int, int]] = []
    for span in sorted(spans):
        if span[0] > end:
            if near:
                yield start, end, near
            start = text.rfind("\n", 0, span[0]) + 1
            end = text.find("\n", span[1])
            end = n if end < 0 else end
            near = []
        near.append(span)
    if near:
        yield start, end, near


def _tokens_near(text: str, start: int, end: int, near: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Tokens within 60 characters of a platform word on its line (each window read once)."""
    last = start
    for s, e in near:
        lo, hi = max(last, s - 60, start), min(end, e + 60)
        if lo < hi:
            for m in _TOKEN.finditer(text, lo, hi):
                whole = _TOKEN.match(text, m.start()) if m.end() == hi else m  # (not cut at the window's end)
                yield whole if whole is not None else m
            last = hi


_MULTI_PART: Final = re.compile(
    r"[A-Za-z0-9](?<![\w@/.\-][A-Za-z0-9])"
    r"(?:[A-Za-z0-9]+(?:[._][A-Za-z0-9]{2,}){2,5}(?![\w@/\-]|\.\w)|[A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w@/\-]|\.\w))"
)
"""Three or more parts joined by dots or underscores (``acil.ilah.lokbaintan``), or any underscore inside a word
(``tokobaju_murah``): a user name wherever it stands, unless it ends as a domain or a file name."""
_MULTI_GATE: Final = SharedLines(re.compile(r"[._](?<=[A-Za-z0-9][._])[A-Za-z0-9]"))
"""The lines of both shapes, found once."""


_TWO_PART: Final = re.compile(r"[a-z](?<![\w@/.\-][a-z])[a-z0-9]{2,}\.[a-z][a-z0-9]{2,}(?![\w@/\-]|\.\w)")
"""Two lower-case parts joined by a dot (``zamrud.btm27``, ``faisal.wayhalim``): a user name when a digit is in it
or neither part is a word (``jam.menit``, a typo's ``pulang.terus`` or a domain is not)."""
_FORMAT_WORDS: Final = frozenset(
    "jam menit detik hari bulan tahun tanggal hour hours minute minutes second seconds day month year hh mm ss dd "
    "yy yyyy".split()
)


_CODE_TALK: Final = re.compile(
    r"(?i:\b(?:variables?|variabel(?:nya)?|columns?|kolom(?:nya)?|fields?|functions?|fungsi(?:nya)?|methods?|"
    r"config(?:uration)?|settings?|scripts?|skrip(?:nya)?|code|kode(?:nya)?|database|spreadsheet|excel|sheet|"
    r"parameters?|param|json|yaml|csv|sql|python|tabel(?:nya)?|folders?|direktori|director(?:y|ies)|"
    r"repo(?:sitory)?|git|npm|pip|modules?|modul|librar(?:y|ies)|terminal|compiled?|deploy(?:ed)?)\b)"
)
"""Words of talk about code, a spreadsheet, a database or a project's folders, where words joined by underscores
name a field, a variable or a folder (``node_modules``, ``build_output``)."""


def _line_of(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : len(text) if end < 0 else end]


def _word_or_stop(part: str, ordinary: frozenset[str], stops: frozenset[str]) -> bool:
    plural = part.endswith("ies") and part[:-3] + "y" in ordinary  # "retries"
    return part in ordinary or inflected_word(part, ordinary) or part.capitalize() in stops or plural


def _snake_words(token: str) -> bool:
    """Every part of ``token`` (split at underscores and dots) is a lower-case dictionary word, its inflection or a
    stop word, but for one short abbreviation, with no digit: how programmers name a variable, a field or a column
    (``date_of_visit``, ``max_retries``); a user name too (``kabut_agam``), so only on a line of code talk."""
    ordinary, stops = _ordinary(), gz.stop_caps()
    parts = re.split(r"[._]", token)
    if not all(p.islower() and p.isalpha() for p in parts):
        return False
    unknown = [p for p in parts if not _word_or_stop(p, ordinary, stops)]
    return not unknown or len(unknown) == 1 < len(parts) and len(unknown[0]) <= 3  # one short "max", "num", "str"


def _standalone(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_MULTI_PART, _MULTI_GATE, text):
        token = m.group(0)
        if _DOMAIN_END.search(token) or sum(c.isalpha() for c in token) < 5 or token.isupper():
            continue
        if _PLACEHOLDER.fullmatch(token) or all(p.lower() in _FORMAT_WORDS for p in re.split(r"[._]", token)):
            continue  # "[dd.mm.yy hh:mm]", "(jam.menit.detik)": a format described, not a user name
        if "_" in token and _snake_words(token) and _CODE_TALK.search(_line_of(text, m.start())):
            continue  # "max_retries", "tanggal_lahir": a variable's or a column's name in code talk
        yield Detection(m.start(), m.end(), "HANDLE", 0.75, "handle.shape", token)
    ordinary = _ordinary()
    for m in gated_finditer(_TWO_PART, _MULTI_GATE, text):
        token = m.group(0)
        parts = token.split(".")
        if _DOMAIN_END.search(token) or _NOT_HANDLE.fullmatch(token) or sum(c.isalpha() for c in token) < 8:
            continue
        words = [p.rstrip("0123456789") for p in parts]
        digit = any(c.isdigit() for c in token)
        if (digit and not all(w in ordinary for w in words)) or not any(w in ordinary or inflected_word(w, ordinary)
                                                                        for w in words):
            yield Detection(m.start(), m.end(), "HANDLE", 0.72, "handle.two_part", token)


def _chained(rx: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``rx`` and, after each, the match that starts at its name (``was called x``: "called" is the
    name of the match at "was", and a naming word itself)."""
    for m in rx.finditer(text, start, end):
        hit: re.Match[str] | None = m
        while hit is not None:
            yield hit
            nxt = rx.match(text, hit.start("h"), end)
            hit = nxt if nxt is not None and nxt.start("h") > hit.start("h") else None


_MY_AT: Final = re.compile(
    r"(?i:\b(?:my|his|her|their|your|our|the)[ \t]+@[ \t]*(?:is|was|['’]s|:|=|on[ \t]+\w+[ \t]+(?:is|was)))"
    r"[ \t]*@?(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29}[A-Za-z0-9_])?)(?![\w@])"
)
"""A user name given as someone's "@" (``my @ is samdelivers_``, ``her @ on insta is x``)."""
_DISCORD_TAG: Final = re.compile(r"(?<![\w@#/])[A-Za-z0-9_.]{2,32}#\d{4}(?![\w#])")
"""A Discord-style tag (``raj#4471``): a user name, a hash and four digits."""


_SPACED_AT: Final = re.compile(r"[ \t]@")
_HASH_DIGITS: Final = re.compile(r"#\d{4}")


def _tagged(text: str) -> Iterator[Detection]:
    if " @" in text or "\t@" in text:
        for m in gated_finditer(_MY_AT, _SPACED_AT, text):
            h = m.group("h")
            if h.lower() not in _ordinary() or made_up(h):
                yield Detection(m.start("h"), m.end("h"), "HANDLE", 0.9, "handle.my_at", h)
    if "#" in text:
        for m in gated_finditer(_DISCORD_TAG, _HASH_DIGITS, text):
            name = m.group(0).split("#")[0]
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].lower()
            if any(c.isalpha() for c in name) and ("discord" in line or made_up(name)):
                yield Detection(m.start(), m.end(), "HANDLE", 0.85, "handle.tag", m.group(0))


def find_handles_near_platforms(text: str) -> Iterator[Detection]:
    """Made-up tokens, quoted names and plain unknown words near a platform word; user names after a naming cue."""
    ordinary = _ordinary()
    for start, end, near in _platform_lines(text):
        for m in _tokens_near(text, start, end, near):
            if m.group(0).startswith("@") or not made_up(m.group(0)):
                continue  # an @name: the @ rule finds it
            if any(-60 <= m.start() - e <= 60 or -40 <= s - m.end() <= 40 for s, e in near):
                yield Detection(m.start(), m.end(), "HANDLE", 0.86, "handle.near_platform", m.group(0))
        for m in _QUOTED.finditer(text, start, end):
            q = m.group("q").strip()
            words = q.split()
            if not 1 <= len(words) <= 5 or not (all(w[:1].isupper() or w[:1].isdigit() for w in words) or made_up(q)):
                continue  # a quoted remark ("okay then"), not a display name
            if _GROUP_BEFORE.search(text, max(start, m.start() - 40), m.start()):
                continue  # a group's or a chat's name, not a person's account
            if len(words) == 1 and q.lower() in ordinary:
                continue  # ("tampil sebagai "Anda""): a role or a word in a note on the export, not a name
            if any(0 <= m.start() - e <= 25 or 0 <= s - m.end() <= 12 for s, e in near):
                s0 = m.start("q") + (len(m.group("q")) - len(m.group("q").lstrip()))
                yield Detection(s0, s0 + len(q), "HANDLE", 0.85, "handle.quoted", q)
        yield from _display_names(text, start, end, near)
        for m in _chained(_PLAIN_AFTER_NAMING, text, start, end):
            h = m.group("h")
            if h in ordinary or re.sub(r"(?:nya|ku|mu|lah)$", "", h) in ordinary or inflected_word(h, ordinary):
                continue
            if any(0 <= m.start() - e <= (40 if m.group(0)[:1].isalpha() and len(m.group(0).split()[0]) > 5 else 2)
                   or m.start() <= s < e <= m.start("h") for s, e in near):
                # "page is x", "IG: x": a short naming word right after the platform; longer ones may sit apart
                yield Detection(m.start("h"), m.end("h"), "HANDLE", 0.8, "handle.named_plain", h)
            elif len(h) >= 8 and any(_ON_PLATFORM.fullmatch(text, m.end("h"), s) for s, _e in near):
                # "the group online is gaspecoastlobstermen on facebook": the platform right after the name
                yield Detection(m.start("h"), m.end("h"), "HANDLE", 0.8, "handle.named_plain", h)
        for s, _e in near:
            self_named = _SELF_BEFORE.search(text, max(start, s - 60), s)
            if self_named is not None:
                h = self_named.group("h")
                if h not in ordinary and not inflected_word(h, ordinary) and _NOT_HANDLE.fullmatch(h) is None:
                    yield Detection(self_named.start("h"), self_named.end("h"), "HANDLE", 0.8, "handle.self_named", h)
    for m in gated_finditer(_NAMING_CUE, _NAMING_GATE, text):
        h = m.group("h")
        if made_up(h):
            yield Detection(m.start("h"), m.end("h"), "HANDLE", 0.92, "handle.naming", h)
        elif (
            h.islower() and len(h) >= 6 and h not in _ordinary() and _NOT_HANDLE.fullmatch(h) is None
            and not affixed_word(h)
        ):
            # "handle's shearwithgwenno": words run together in lower case, right after the naming word
            yield Detection(m.start("h"), m.end("h"), "HANDLE", 0.8, "handle.naming_plain", h)
    yield from _standalone(text)
    yield from _tagged(text)


_STAMP: Final = (
    r"(?:\[[^\]\n]{4,32}\][ \t]*|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?"
    r"(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*[\-–—][ \t]*(?:~[ \t]?)?"
    r"|\d{1,2}[.:]\d{2}(?:[ \t]?[AaPp][Mm])?[ \t]+(?:[\-–—][ \t]*)?)?"
)
"""A chat export's stamp before the sender (``[12/03/24 10.15.33] ``, ``12/03/24 10.15 - ~ ``, ``21:04 ``)."""
_LABEL_HANDLE: Final = re.compile(
    rf"^[ \t]*{_STAMP}(?P<h>@[A-Za-z0-9_][\w.]{{1,29}}|[a-z0-9_][a-z0-9_.]{{1,29}}[a-z0-9_])[ \t]*:[ \t]", re.MULTILINE
)
"""A line-initial user-name-shaped token and its colon (``kopi.senja_22: ``, ``@Jay_Bakes: ``), after the line's
chat-export stamp when it has one."""
_SENDER_LINE: Final = re.compile(
    r"^[ \t]*(?P<h>@[A-Za-z0-9_][\w.]{1,29}|[a-z0-9_][a-z0-9_.]{1,29}[a-z0-9_])[ \t]*,?[ \t]*"
    r"(?:\[[^\]\n]{4,32}\]|\d{1,2}[.:]\d{2}(?:[ \t]?[AaPp][Mm])?"
    r"|[—–][ \t]*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[.:]\d{2}(?:[ \t]?[AaPp][Mm])?)[ \t]*$",
    re.MULTILINE,
)
"""A sender's line above the message (``kopi.senja, [12.02.25 19:53]``, ``kopi.senja 10:14``, ``kopi.senja —
04/02/2025 19:07``), as Telegram Desktop, Instagram and Discord copies write it."""
_HANDLE_MARK: Final = re.compile(r"[._0-9]")


def find_label_handles(text: str) -> Iterator[Detection]:
    """User names used as speaker labels: the same handle-shaped label starting two or more lines (a lone
    ``note.txt:`` or ``10.30:`` is not a speaker); a label needs a letter, and a dot, underscore or digit
    unless it is led by ``@``."""
    if ":" not in text:
        return
    found: dict[str, list[re.Match[str]]] = {}
    for m in (*_LABEL_HANDLE.finditer(text), *_SENDER_LINE.finditer(text)):
        token = m.group("h")
        if not any(c.isalpha() for c in token) or not (token[0] == "@" or _HANDLE_MARK.search(token)):
            continue
        found.setdefault(token, []).append(m)
    for token, matches in found.items():
        bare = token.lstrip("@")
        if len(matches) < 2 or _NOT_HANDLE.fullmatch(bare) or _DOMAIN_END.search(bare):
            continue
        for m in matches:
            yield Detection(m.start("h"), m.end("h"), "HANDLE", 0.9, "handle.speaker", token)
