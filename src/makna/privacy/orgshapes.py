"""Organisations by who works there, by a business name's shape in chat, and by the same name elsewhere (issue
#11, round ten).

Four families of cue, none naming a string seen in a corpus file; :mod:`makna.privacy.orgcues` merges the
first three with its own candidates and runs the last after them:

* **a job and where it is done**: a job noun before ``at``/``for``/``di``/``ka`` and a capitalised name
  (``a cashier at Quillfield Foods``, ``Barista at ...``, ``Motorcycle rider for ...``, ``sopir travel di
  ...``, ``kasir di ...``), a piece of work done for someone (``does accounts for ...``, ``do parcels for ...``),
  a workplace named after its kind and a comma (``a care home, ...``, ``the farm, ...``) and a gig platform one
  does or is on (``used to do ...``, ``was doing ...``, ``mostly on ...``; one coined word, no listed or ordinary
  word). The name is the employer (ORG) unless a venue's type word opens or ends it (``Hotel``, ``Kos``,
  ``Karaoke``, ``Kafe``...: venues stay as the earlier stages typed them, the corpus's convention). Never in a
  line typed in capitals;
* **a business name in a chat line typed in lower case**: a business's kind word and one to three words that
  read as a shop's name (``laundry wangi bersih``, ``toko sumber rezeki``, ``wisma anggrek biru``): a word of
  the Indonesian naming vocabulary of shops (:data:`BUSINESS_WORDS`: ``jaya``, ``makmur``, ``berkah``, flowers
  and bright words) among them; particles, goods and places end the name. The kind word stays outside the
  span; ORG for a firm's kind (``toko``, ``laundry``, ``salon``, ``konter``, ``pt``...), LOCATION for a venue
  (``kos``, ``wisma``, ``hotel``, ``kafe``, ``karaoke``, ``warung``...). Low confidence (review);
* **a brand's shape** (round eleven): one capitalised word made of an ordinary English verb and an ``r``
  without the ``e`` of ``-er`` (``Grabr``, ``Pickr``), no name, place or stop list's word: an app or a firm;
* **the same name elsewhere** (:func:`same_name_orgs`): once an organisation is found with some confidence,
  its other mentions, and its name without its kind word (``Sinar Makmur Jaya`` after ``Toko Sinar Makmur
  Jaya``), become ORG where nothing, or only an unsure guess (a capital-letter guess, a place list's
  look-up below 0.8), covered them. A name of two words or more that a cue (not the learned model) typed ORG
  also wins over the learned model's or a bare preposition's reading of its repeat, however sure (``kasir di
  X`` ... ``Di X itu berapa lama?``: one name, one sense); one a cue typed only faintly (0.45 to 0.7) types
  its repeats where nothing or a guess below 0.5 covers them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._orgheads import JOB_NOUNS, JOB_WORDS
from ._text import HONORIFICS, occupied
from .orgcontext import KEEP_DETECTORS
from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS
from .types import Detection

__all__ = ["BUSINESS_WORDS", "find_shaped_orgs", "lower_case_lines", "same_name_orgs"]

BUSINESS_WORDS: Final[frozenset[str]] = frozenset(
    (
        # wishes and virtues (Indonesian shop names: "Sinar Jaya", "Berkah Abadi", "Sumber Rezeki")
        "jaya makmur abadi sejahtera sentosa santoso berkah barokah berkat rezeki rezki rejeki mulia indah permai "
        "sari lestari mandiri utama prima sukses maju bersama harapan sinar cahaya bintang mentari surya pelangi "
        "sehati sehat bersih wangi ceria asri bahagia damai murni kencana gemilang nusantara mekar tunas amanah "
        "sakinah rahmat karya mitra setia sumber agung sakti perkasa megah lancar jujur rukun idaman kasih "
        "harmoni family fresh clean ekspres express mart seluler cell "
        # Minang and regional words of the same use
        "bundo saiyo kito basamo sapakek rang mudo ranah minang andalas "
        # flowers, stones and bright things
        "melati mawar anggrek kenanga cempaka kemuning teratai flamboyan dahlia seroja tulip lily kamboja "
        "intan permata mutiara zamrud berlian pelita purnama nirwana samudera"
    ).split()
)
"""Words Indonesian businesses are named with (hand-compiled from the naming habits of shops, laundries, kos and
wisma; no corpus string): a lower-case word after a kind word reads as a name when one of them is among it."""

# --- a job and where it is done --------------------------------------------------------------------------

_ACTIVITIES = r"nursing|teach(?:es|ing)?|taught|lectur(?:es|ing)|studying|picking|packing|stacking"
"""What is done at a workplace besides a job noun of :data:`makna.privacy._orgheads.JOB_NOUNS`."""
_PREPS = r"at|for|with|di|ka|ke|pada|buat|untuk|untuak"
_JOB_AT: Final = re.compile(
    rf"(?<![\w\-])(?i:{JOB_NOUNS}|{_ACTIVITIES})(?:[ \t]+[a-z]+)?[ \t]+(?:{_PREPS})[ \t]+(?:the[ \t]+)?\Z"
)
"""A job noun (one word may follow: ``sopir travel di``) and a preposition, ending where a name starts."""
_WORK_FOR: Final = re.compile(
    r"(?<![\w\-])(?i:do|does|did|doing|done)[ \t]+(?:the[ \t]+|some[ \t]+|a[ \t]+few[ \t]+)?"
    r"(?i:accounts|books|bookkeeping|deliveries|parcels|drops|runs|orders|nights|shifts|days|hours|cleaning|"
    r"admin|payroll|security|maintenance|repairs|installs|jobs|work)[ \t]+(?:for|at)[ \t]+\Z"
)
"""A piece of work done for a firm: ``does accounts for``, ``do parcels for``."""
_KIND_COMMA: Final = re.compile(
    r"(?<![\w\-])(?i:(?:care|nursing|residential|retirement|children['’]s)[ \t]+home|farm|mill|quarry|brewery|"
    r"cannery|hatchery|workshop|takeaway|abattoir|sawmill|dairy)[ \t]*,[ \t]*\Z"
)
"""A workplace's kind, a comma and its name: ``a care home, ...``, ``the bakery, ...``."""
_PLATFORM: Final = re.compile(
    r"(?<![\w\-])(?i:used[ \t]+to[ \t]+do|(?:was|were|been|started|am|i['’]m|also)[ \t]+doing|i[ \t]+also[ \t]+do|"
    r"(?:mostly|mainly|only|also|usually)[ \t]+on)[ \t]+\Z"
)
"""Doing or being on a gig platform: the name that follows is one coined word."""
_BEFORE_NAME: Final = re.compile(
    rf"[ \t](?:{_PREPS}|do|doing|on)[ \t]+(?:the[ \t]+)?(?=[A-ZÀ-ÖØ-Þ])|,[ \t]*(?=[A-ZÀ-ÖØ-Þ])"
)
"""Where one of the cues above may end: a preposition, ``do``/``on`` or a comma before a capital (one fast scan;
the cue patterns then read only the few dozen characters before it)."""
_LOOK_BACK: Final = 56
_RUN: Final = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÀ-ÖØ-Þ0-9][\w'’\-]*){0,4}")
_ONE_WORD: Final = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?![\w\-'’])")
_VENUES: Final = frozenset(w.split()[0] for w in LOCATION_TYPE_WORDS) - {
    "Warung",
    "Kedai",
    "Warkop",
    "Restoran",
    "Resto",
    "Rumah",
}
"""A venue's type word opening a name: the earlier stages' type stands (eateries are employers, venues not)."""
_VENUE_TAILS: Final = frozenset(
    "Hotel Motel Inn Hostel Lodge Pub Bar Club Cafe Café Lounge Tavern Arms Karaoke KTV Wisma Kos Homestay".split()
)
"""A venue's type word ending a name (``the Crestmoor Hotel``): the earlier stages' type stands."""


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return (
        gz.all_places(),
        gz.first_names("en") | gz.first_names("id"),
        gz.stop_caps() | HONORIFICS,
        gz.ordinary_words(),
    )


def _name_at(text: str, at: int) -> tuple[int, int] | None:
    """The capitalised run at ``at`` less trailing common capitalised words; None when it is no firm's name (a
    listed place, a first name alone, a common capitalised word, one ordinary word, a venue)."""
    m = _RUN.match(text, at)
    if m is None:
        return None
    places, names, stop, ordinary = _lists()
    words = m.group(0).split()
    while words and (words[-1].rstrip(".,") in stop or words[-1] == "&"):
        words.pop()
    if not words or words[0] in stop or words[0] in _VENUES or words[0] in names or words[-1] in _VENUE_TAILS:
        return None
    joined = " ".join(words)
    if joined in places or all(w in places or w in stop for w in words):
        return None
    if len(words) == 1:
        w = words[0]
        if w in names or len(w) < 3 or (w.lower() in ordinary and not w.isupper()):
            return None
    end = at + m.group(0).find(words[-1], len(" ".join(words[:-1]))) + len(words[-1])
    return at, end


def _capitals_line(text: str, at: int, seen: dict[int, bool]) -> bool:
    """Whether the line holding ``at`` has no lower-case letter (``seen``: the verdict per line start, so a
    long line with many cues is read once, not once per cue)."""
    start = text.rfind("\n", 0, at) + 1
    got = seen.get(start)
    if got is None:
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)]
        got = seen[start] = line.upper() == line
    return got


_JOB_WORDS: Final = JOB_WORDS | frozenset(
    "lectures lecturing nursing packing picking stacking studying taught teach teaches teaching".split()
)
"""The words of the job nouns (a cheap look-up before :data:`_JOB_AT` is tried)."""
_WORK_WORDS: Final = frozenset(
    "accounts books bookkeeping deliveries parcels drops runs orders nights shifts days hours cleaning admin payroll "
    "security maintenance repairs installs jobs work".split()
)
_PLATFORM_WORDS: Final = frozenset("to was were been started am i'm i’m also i mostly mainly only usually".split())
_KIND_WORDS: Final = frozenset(
    "home farm mill quarry brewery cannery hatchery workshop takeaway abattoir sawmill dairy".split()
)


def _cues_at(text: str, hit: re.Match[str]) -> tuple[tuple[re.Pattern[str], float, str], ...]:
    """The cue patterns worth trying before ``hit`` (a match of :data:`_BEFORE_NAME`), by the words before it."""
    prev = text[max(0, hit.start() - 32) : hit.start()].lower().split()[-2:]
    if not prev:
        return ()
    if hit.group(0)[0] == ",":
        return ((_KIND_COMMA, 0.7, "org.kindcomma"),) if prev[-1] in _KIND_WORDS else ()
    prep = hit.group(0).split()[0]
    if prep in {"do", "doing", "on"}:
        return ((_PLATFORM, 0.6, "org.platform_use"),) if prev[-1] in _PLATFORM_WORDS else ()
    out: list[tuple[re.Pattern[str], float, str]] = []
    if any(w in _JOB_WORDS for w in prev):
        out.append((_JOB_AT, 0.72, "org.jobat"))
    if prev[-1] in _WORK_WORDS and prep in {"for", "at"}:
        out.append((_WORK_FOR, 0.72, "org.workfor"))
    return tuple(out)


def _work_places(text: str) -> Iterator[Detection]:
    places, names, stop, ordinary = _lists()
    seen: dict[int, bool] = {}
    for hit in _BEFORE_NAME.finditer(text):
        cues = _cues_at(text, hit)
        if not cues:
            continue  # (most hits: no job, work, platform or kind word before them)
        at, lo = hit.end(), max(0, hit.start() - _LOOK_BACK)
        for rx, conf, name in cues:
            if rx.search(text, lo, at) is None or _capitals_line(text, at, seen):
                continue  # no cue, or a line typed in capitals: no case to read a name by
            if name != "org.platform_use":
                got = _name_at(text, at)
                if got is not None:
                    yield Detection(got[0], got[1], "ORG", conf, name, text[got[0] : got[1]])
                break
            w = _ONE_WORD.match(text, at)
            if w is None:
                break
            word = w.group(0)
            if word in places or word in names or word in stop or len(word) < 4:
                break
            if word.lower() in ordinary or word.lower().rstrip("s") in ordinary:
                break
            yield Detection(w.start(), w.end(), "ORG", conf, name, word)


# --- a business name in a chat line typed in lower case ----------------------------------------------------

_ORG_KINDS: Final = frozenset(
    "toko laundry salon bengkel konter counter apotek apotik klinik koperasi yayasan butik percetakan pt cv ud "
    "distro studio travel catering katering".split()
)
_VENUE_KINDS: Final = frozenset(
    "kos kost kosan wisma hotel penginapan losmen homestay kafe cafe karaoke ktv warung kedai warkop".split()
)


def _by_first_letter(words: frozenset[str]) -> str:
    """An alternation of ``words`` grouped by their first letter (``k(?:os|ost|...)|t(?:oko|...)``): the scan
    then tries one branch per letter instead of every word at every position."""
    first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in sorted(first.items()))


_CHAT_SHAPE: Final = re.compile(
    rf"(?P<kind>{_by_first_letter(_ORG_KINDS | _VENUE_KINDS)})(?:[ \t]+hp)?"
    r"(?P<name>(?:[ \t]+[a-z0-9][a-z0-9'&\-]*){1,3})"
)
"""A kind word and up to three lower-case words after it (the kind word at a word's start: checked after)."""
_GOODS_AND_PARTICLES: Final = frozenset(
    (
        "di ke ka dari yg yang dan tp tapi kak bang uni da ni mas mbak bu pak sih deh dong aja sajo saja lah kok juga "
        "jg udah sdh dah sama samo dekat deket dkt depan belakang samping sebelah situ sana sini itu ini tuh nih "
        "punya punyo milik orang urang shift malam siang pagi sore bagian jadi sbg sebagai kerja gaji sekarang skrg "
        "dulu lagi lg terus trus abis habis cuma cm ya iya gitu ga gak nggak ndak tidak indak bukan online lama "
        "baju kelontong sembako kue roti bangunan obat pulsa sepatu tas kosmetik besi kayu plastik sayur buah "
        "ikan daging ayam kopi nasi mie bakso sate pupuk parfum sarung kain batik pakaian buku mainan listrik "
        "material perabot sepeda mobil ban cat kaca beras gas air es kiloan murah mahal putra putri campur "
        "padang minang gede gadang besar kecil ketek kecik kk bg bgt banget wkwk haha hehe kan kah pun mah nya nyo "
        "ko kamu aku ambo gue lu kau bos boss owner tempat the a an and or but now then in at on to of from lol "
        "tbh dl dulu td tadi trs mampir kawan teman temen tinggal disitu disana disini situ no nomor sudah waktu kini "
        "kemarin nanti jam tiap setiap buat untuk untuak dengan dgn"
    ).split()
)
"""Words that end (or are) no shop's name: particles, goods, kinds (``kos putri``, ``laundry kiloan``), places."""


_LINKED: Final = frozenset(".@:/_")
_STARS: Final = frozenset("satu dua tiga empat lima 1 2 3 4 5".split())


def lower_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` with no capital letter (a chat line typed in lower case): the chat
    patterns never match across a line, so they read only these."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line and line.lower() == line:
            out.append((pos, end))
        pos = end + 1
    return out


def _chat_shapes(text: str) -> Iterator[Detection]:
    for first, last in lower_case_lines(text):
        m = _CHAT_SHAPE.search(text, first, last)
        while m is not None:
            at = m.start()
            if at and (text[at - 1].isalnum() or text[at - 1] in "_-"):
                m = _CHAT_SHAPE.search(text, at + 1, last)
                continue  # inside a word ("ngekos", "e-kos"): a kind word may start a little later
            got = _chat_shape(text, m)
            if got is not None:
                yield got
            # after a name, or right after a kind word that names nothing ("kos ngekos di kos anggrek putih")
            m = _CHAT_SHAPE.search(text, got.end if got is not None else m.end("kind"), last)


def _chat_shape(text: str, m: re.Match[str]) -> Detection | None:
    """The name after the kind word of ``m`` (a match of :data:`_CHAT_SHAPE`), if it reads as a shop's name."""
    kept: list[re.Match[str]] = []
    for w in re.finditer(r"\S+", m.group("name")):
        if w.group(0) in _GOODS_AND_PARTICLES:
            break
        kept.append(w)
    words = [k.group(0) for k in kept]
    if not any(w in BUSINESS_WORDS for w in words):
        return None  # no word reads as a shop's name: "laundry kiloan", "kos putri", "toko emas"
    s, e = m.start("name") + kept[0].start(), m.start("name") + kept[-1].end()
    if text[e : e + 1] in _LINKED and text[e + 1 : e + 2].isalnum():
        return None  # part of an address or a link: "koperasi sarigading.koperasi@..."
    if m.group("kind") == "hotel" and len(words) > 1 and words[0] == "bintang" and words[1] in _STARS:
        return None  # "hotel bintang lima": a hotel's class, not its name
    kind = "ORG" if m.group("kind") in _ORG_KINDS else "LOCATION"
    return Detection(s, e, kind, 0.5, "org.chatshape" if kind == "ORG" else "location.chatshape", text[s:e])


# --- a brand's shape ---------------------------------------------------------------------------------------

_DROPPED_E: Final = re.compile(r"(?<![\w'’@.\-])[A-Z][a-z]{2,}[b-df-hj-np-tv-xz]r(?![\w'’@\-])")
"""A capitalised word ending in a consonant and ``r`` (``Grabr``, ``Pickr``): an app's or a start-up's name made
from an English verb without its ``-er``'s ``e``."""


@cache
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    names = gz.first_names("en") | gz.first_names("id") | gz.world_first_names() | gz.surnames()
    return gz.english_words(), names | gz.all_places() | gz.stop_caps()


def _brand_shapes(text: str) -> Iterator[Detection]:
    """ORG for each word of :data:`_DROPPED_E`'s shape whose stem is an ordinary English word and that no name,
    place or stop list holds: no person or place is named so (``Petr`` is a first name and stays one)."""
    words, known = _word_lists()
    for m in _DROPPED_E.finditer(text):
        w = m.group(0)
        if w not in known and w[:-1].lower() in words and w.lower() not in words:
            yield Detection(m.start(), m.end(), "ORG", 0.75, "org.brandshape", w)


def find_shaped_orgs(text: str) -> list[Detection]:
    """The ORG (and lower-case venue LOCATION) candidates of this module's first two cue families in ``text``
    (labels masked), for :func:`makna.privacy.orgcues.apply_org_cues` to merge."""
    out = list(_work_places(text))
    out.extend(_brand_shapes(text))
    if any(c.islower() for c in text):
        out.extend(_chat_shapes(text))
    return out


# --- the same name elsewhere -------------------------------------------------------------------------------

_KIND_HEADS: Final = tuple(
    sorted({w for w in ORG_TYPE_WORDS if w[0].isupper() and not w.isupper() and " " not in w}, key=len, reverse=True)
)
_SURE_SOURCE: Final = 0.7
_FAINT_SOURCE: Final = 0.45
_FAINT_BELOW: Final = 0.5
"""A name of two words or more that a cue typed ORG below :data:`_SURE_SOURCE` (at :data:`_FAINT_SOURCE` or more)
types its other mentions only where nothing or a guess below :data:`_FAINT_BELOW` covers them."""
_WEAK_BELOW: Final = 0.8
_GUESSES: Final = frozenset({"learned", "location.preposition", "unknown.capitalised", "person.repeat", "person.did"})
"""Detectors that type a name by the words right around it or by the learned model alone (``di X itu``): for a
name of two words or more that a cue typed ORG elsewhere in the text, that cue's reading wins however sure they
are (one name, one sense in a document)."""
_NOT_CUES: Final = frozenset({"learned", "org.samename", "org.contextmodel"})


def _bare(det: Detection) -> str | None:
    """``det``'s name without its opening kind word (``Toko Sinar Makmur Jaya`` -> ``Sinar Makmur Jaya``), when
    what is left is two words or more."""
    head, _, rest = det.text.partition(" ")
    if head in _KIND_HEADS and len(rest.split()) >= 2:
        return rest
    return None


def _distinct(name: str) -> bool:
    places, names, stop, ordinary = _lists()
    words = name.split()
    if len(name) < 4 or name in places or words[0] in stop:
        return False
    return not (len(words) == 1 and (name in names or name.lower() in ordinary))


def same_name_orgs(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with the other mentions of each organisation it holds (at :data:`_SURE_SOURCE` or more) typed
    ORG where nothing or only an unsure PERSON or LOCATION guess covered them (module docstring)."""
    sure = [d for d in found if d.type == "ORG" and d.confidence >= _SURE_SOURCE]
    sources = {d.text for d in sure} | {b for d in sure if (b := _bare(d))}
    cued = {n for d in sure if d.detector not in _NOT_CUES for n in (d.text, _bare(d)) if n and " " in n}
    faint = {
        d.text
        for d in found
        if d.type == "ORG"
        and _FAINT_SOURCE <= d.confidence < _SURE_SOURCE
        and " " in d.text
        and d.detector not in _NOT_CUES
    }
    sources = {s for s in sources | faint if _distinct(s)}
    if not sources or text.upper() == text:  # a text typed in capitals: no case to tell a name by
        return sorted(found, key=lambda d: d.start)
    old = sorted(found, key=lambda d: d.start)
    starts = [d.start for d in old]
    longest = max((d.end - d.start for d in old), default=0)
    gone: set[int] = set()
    added: list[Detection] = []
    taken = occupied(len(text), [d for d in found if d.type == "ORG"])
    for name in sorted(sources, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            s, e = at, at + len(name)
            at = text.find(name, at + 1)
            if (s and (text[s - 1].isalnum() or text[s - 1] in "_-@.")) or (
                e < len(text) and (text[e].isalnum() or text[e] in "_-@")
            ):
                continue  # inside a longer word, an address or a handle
            if taken.find(1, s, e) >= 0:
                continue
            hits = [
                i
                for i in range(bisect_left(starts, s - longest), bisect_left(starts, e))
                if old[i].end > s and i not in gone
            ]
            if any(old[i].end > e or old[i].start < s for i in hits):
                continue  # a longer span runs past the name: leave it
            weak_below = _FAINT_BELOW if name in faint and name not in cued else _WEAK_BELOW
            if any(
                (old[i].confidence >= weak_below and not (name in cued and old[i].detector in _GUESSES))
                or old[i].detector in KEEP_DETECTORS
                for i in hits
            ):
                continue
            gone.update(hits)
            added.append(Detection(s, e, "ORG", 0.7, "org.samename", text[s:e]))
            taken[s:e] = b"\x01" * (e - s)
    if not added:
        return old
    out = [d for i, d in enumerate(old) if i not in gone] + added
    out.sort(key=lambda d: d.start)
    return out
