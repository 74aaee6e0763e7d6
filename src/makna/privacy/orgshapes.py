"""Organisations by who works there, by a business name's shape in chat, and by the same name elsewhere (issue
#11, round ten).

Three families of cue, none naming a string seen in a corpus file; :mod:`makna.privacy.orgcues` merges the
first two with its own candidates and runs the third after them:

* **a job and where it is done**: a job noun before ``at``/``for``/``di``/``ka`` and a capitalised name
  (``a cashier at Valley Fresh Market``, ``Barista at ...``, ``Motorcycle rider for ...``, ``sopir travel di
  ...``, ``kasir di ...``), a piece of work done for someone (``does accounts for ...``, ``do parcels for ...``),
  a workplace named after its kind and a comma (``a care home, ...``, ``the farm, ...``) and a gig platform one
  does or is on (``used to do ...``, ``was doing ...``, ``mostly on ...``; one coined word, no listed or ordinary
  word). The name is the employer (ORG) unless a venue's type word opens or ends it (``Hotel``, ``Kos``,
  ``Karaoke``, ``Kafe``...: venues stay as the earlier stages typed them, the corpus's convention). Never in a
  line typed in capitals;
* **a business name written in lower case** (in a chat line typed in lower case; two words or more in any
  line): a business's kind word and one to three words that read as a shop's name (``laundry wangi bersih``,
  ``toko sumber rezeki``, ``wisma anggrek biru``): a word of the Indonesian naming vocabulary of shops
  (:data:`BUSINESS_WORDS`: ``jaya``, ``makmur``, ``berkah``, flowers and bright words) among them; particles,
  goods and places end the name. The kind word stays outside the span; ORG for a firm's kind (``toko``,
  ``laundry``, ``salon``, ``konter``, ``pt``...), LOCATION for a venue (``kos``, ``wisma``, ``hotel``,
  ``kafe``, ``karaoke``, ``warung``...). Low confidence (review);
* **the same name elsewhere** (:func:`same_name_orgs`): once an organisation is found with some confidence,
  its other mentions, and its name without its kind word (``Sinar Makmur Jaya`` after ``Toko Sinar Makmur
  Jaya``), become ORG where nothing, or only an unsure guess (a capital-letter guess, a place list's
  look-up below 0.8), covered them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS, occupied
from .orgcontext import KEEP_DETECTORS
from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS
from .types import Detection

__all__ = ["BUSINESS_WORDS", "find_shaped_orgs", "same_name_orgs"]

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

_JOBS_EN = (
    r"barista|cashier|nurse|carer|caregiver|care[ \t]+worker|cleaner|chef|cook|driver|rider|courier|waiter|"
    r"waitress|receptionist|porter|picker|packer|guard|mechanic|manager|supervisor|assistant|apprentice|trainee|"
    r"accountant|bartender|stylist|hairdresser|barber|technician|labourer|laborer|warehouseman|storeman|"
    r"dispatcher|clerk|teller|baker|butcher|nanny|housekeeper|kitchen[ \t]+porter|dishwasher|sales[ \t]+assistant|"
    r"nursing|teach(?:es|ing)?|taught|lectur(?:es|ing)|studying|shucked|shucking|picking|packing|stacking"
)
_JOBS_ID = (
    r"sopir|supir|kurir|kasir|pelayan|koki|satpam|karyawan|karyawati|pegawai|perawat|montir|mandor|buruh|kuli|"
    r"kapster|terapis|pramuniaga|spg|admin|staf|staff|cleaning[ \t]+service|tukang[ \t]+(?:masak|cuci|parkir|jahit)"
)
_JOB_AT: Final = re.compile(
    rf"(?<![\w\-])(?i:{_JOBS_EN}|{_JOBS_ID})(?:[ \t]+[a-z]+)?[ \t]+(?i:at|for|with|di|ka|ke|pada|buat|untuk|untuak)"
    r"[ \t]+(?:the[ \t]+)?(?=[A-ZÀ-ÖØ-Þ])"
)
"""A job noun (one word may follow: ``sopir travel di``) and a preposition before a capitalised name."""
_WORK_FOR: Final = re.compile(
    r"(?<![\w\-])(?i:do|does|did|doing|done)[ \t]+(?:the[ \t]+|some[ \t]+|a[ \t]+few[ \t]+)?"
    r"(?i:accounts|books|bookkeeping|deliveries|parcels|drops|runs|orders|nights|shifts|days|hours|cleaning|"
    r"admin|payroll|security|maintenance|repairs|installs|jobs|work)[ \t]+(?i:for|at)[ \t]+(?=[A-ZÀ-ÖØ-Þ])"
)
"""A piece of work done for a firm: ``does accounts for``, ``do parcels for``."""
_KIND_COMMA: Final = re.compile(
    r"(?<![\w\-])(?i:(?:care|nursing|residential|retirement|children['’]s)[ \t]+home|farm|mill|quarry|brewery|"
    r"cannery|hatchery|workshop|takeaway|abattoir|sawmill|dairy)[ \t]*,[ \t]*(?=[A-ZÀ-ÖØ-Þ])"
)
"""A workplace's kind, a comma and its name: ``a care home, ...``, ``the pearl farm, ...``."""
_PLATFORM: Final = re.compile(
    r"(?<![\w\-])(?i:used[ \t]+to[ \t]+do|(?:was|were|been|started|am|i['’]m|also)[ \t]+doing|i[ \t]+also[ \t]+do|"
    r"(?:mostly|mainly|only|also|usually)[ \t]+on)[ \t]+(?=[A-Z])"
)
"""Doing or being on a gig platform: the name that follows is one coined word."""
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


def _capitals_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` has no lower-case letter."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return line.upper() == line


def _work_places(text: str) -> Iterator[Detection]:
    for rx, conf, name in (
        (_JOB_AT, 0.72, "org.jobat"),
        (_WORK_FOR, 0.72, "org.workfor"),
        (_KIND_COMMA, 0.7, "org.kindcomma"),
    ):
        for m in rx.finditer(text):
            if _capitals_line(text, m.start()):
                continue  # a line typed in capitals: no case to read a name by
            got = _name_at(text, m.end())
            if got is not None:
                yield Detection(got[0], got[1], "ORG", conf, name, text[got[0] : got[1]])
    places, names, stop, ordinary = _lists()
    for m in _PLATFORM.finditer(text):
        w = _ONE_WORD.match(text, m.end())
        if w is None:
            continue
        word = w.group(0)
        if word in places or word in names or word in stop or word.lower() in ordinary or len(word) < 4:
            continue
        if word.lower().rstrip("s") in ordinary:
            continue
        yield Detection(w.start(), w.end(), "ORG", 0.6, "org.platform_use", word)


# --- a business name in a chat line typed in lower case ----------------------------------------------------

_ORG_KINDS = (
    "toko|laundry|salon|bengkel|konter|counter|apotek|apotik|klinik|koperasi|yayasan|butik|percetakan|"
    "pt|cv|ud|distro|studio|travel|catering|katering"
)
_VENUE_KINDS = "kos|kost|kosan|wisma|hotel|penginapan|losmen|homestay|kafe|cafe|karaoke|ktv|warung|kedai|warkop"
_CHAT_SHAPE: Final = re.compile(
    rf"(?<![\w\-])(?:(?P<org>{_ORG_KINDS})|(?P<venue>{_VENUE_KINDS}))(?:[ \t]+hp)?"
    r"(?P<name>(?:[ \t]+[a-z0-9][a-z0-9'&\-]*){1,3})"
)
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


def _lower_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return line.lower() == line


def _chat_shapes(text: str) -> Iterator[Detection]:
    for m in _CHAT_SHAPE.finditer(text):
        kept: list[re.Match[str]] = []
        for w in re.finditer(r"\S+", m.group("name")):
            if w.group(0) in _GOODS_AND_PARTICLES:
                break
            kept.append(w)
        words = [k.group(0) for k in kept]
        if not any(w in BUSINESS_WORDS for w in words):
            continue  # no word reads as a shop's name: "laundry kiloan", "kos putri", "toko emas"
        s, e = m.start("name") + kept[0].start(), m.start("name") + kept[-1].end()
        if text[e : e + 1] in _LINKED and text[e + 1 : e + 2].isalnum():
            continue  # part of an address or a link: "koperasi sarigading.koperasi@..."
        if m.group("venue") == "hotel" and len(words) > 1 and words[0] == "bintang" and words[1] in _STARS:
            continue  # "hotel bintang lima": a hotel's class, not its name
        if len(words) < 2 and not _lower_line(text, m.start()):
            continue  # one lower-case word makes a name only in a chat line typed wholly in lower case
        kind = "ORG" if m.group("org") else "LOCATION"
        yield Detection(s, e, kind, 0.5, "org.chatshape" if kind == "ORG" else "location.chatshape", text[s:e])


def find_shaped_orgs(text: str) -> list[Detection]:
    """The ORG (and lower-case venue LOCATION) candidates of this module's first two cue families in ``text``
    (labels masked), for :func:`makna.privacy.orgcues.apply_org_cues` to merge."""
    out = list(_work_places(text))
    if any(c.islower() for c in text):
        out.extend(_chat_shapes(text))
    return out


# --- the same name elsewhere -------------------------------------------------------------------------------

_KIND_HEADS: Final = tuple(
    sorted({w for w in ORG_TYPE_WORDS if w[0].isupper() and not w.isupper() and " " not in w}, key=len, reverse=True)
)
_SURE_SOURCE: Final = 0.7
_WEAK_BELOW: Final = 0.8


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
    sources = {d.text for d in found if d.type == "ORG" and d.confidence >= _SURE_SOURCE and _distinct(d.text)}
    sources |= {b for d in found if d.type == "ORG" and d.confidence >= _SURE_SOURCE and (b := _bare(d))}
    sources = {s for s in sources if _distinct(s)}
    if not sources or text.upper() == text:  # a text typed in capitals: no case to tell a name by
        return list(found)
    out = list(found)
    taken = occupied(len(text), [d for d in found if d.type == "ORG"])
    for name in sorted(sources, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w\-@.]){re.escape(name)}(?![\w\-@])", text):
            s, e = m.start(), m.end()
            if taken.find(1, s, e) >= 0:
                continue
            hits = [d for d in out if d.start < e and s < d.end]
            if any(d.end > e or d.start < s for d in hits):
                continue  # a longer span runs past the name: leave it
            if any(d.confidence >= _WEAK_BELOW or d.detector in KEEP_DETECTORS for d in hits):
                continue
            out = [d for d in out if not (d.start < e and s < d.end)]
            out.append(Detection(s, e, "ORG", 0.7, "org.samename", m.group(0)))
            taken[s:e] = b"\x01" * (e - s)
    out.sort(key=lambda d: d.start)
    return out
