"""Speaker labels: transcript structure, not content (issue 11).

A turn may start with a label and a colon: a generic role (``P:``, ``Informan:``, ``Interviewer:``, ``Q:``,
``Int:``, ``R1:``, ``Moderator:``, ``Peserta 2:``, ``PARTICIPANT 3:``..., a role cut short with a full stop,
``Int.:``, and a participant's initials without a vowel that start two turns or more, ``HT:``), or a person's
name (``Sari:``, ``Tunde:``, a chat export's ``12/03/2024, 10:15 - Adaeze Nwosu:``). :func:`find_labels` finds both.

* A generic label is never an identifier and never a cue: the detectors see it blanked out
  (:func:`mask_labels`), so the word after it is simply the first word of a sentence.
* A name label is a PERSON (``person.speaker``), found in every turn it starts, so a surrogate replaces it
  the same way everywhere; the name also counts as found for its mentions inside the turns.

A line-initial label counts as a name when every word is capitalised, it is not a generic role, and it
starts a chat-export line, starts two or more turns of the text, or its first word is a known first name.
A transcription service's line of a speaker and a time stamp only (``Farid  0:09``, ``Priya00:00:11``), when
the speaker starts two lines or more, is a label too, generic or a name by the same tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import Folded, gated_finditer
from ._orgheads import JOB_WORDS
from ._text import HONORIFICS
from .legend import read_legend
from .types import Detection

__all__ = [
    "GENERIC_LABELS",
    "MASKED_SERVICE_LINE",
    "SpeakerLabel",
    "export_senders",
    "find_labels",
    "is_generic_label",
    "is_role_noun",
    "label_persons",
    "mask_labels",
]

_ROLE_WORDS = """
p i q a r t s j int intv inter resp res ans iv ie ir mod fac
interviewer interviewee respondent respondents informant participant participants researcher researchers
moderator facilitator speaker interpreter translator observer host guest note notes question answer
transcriber narrator all everyone group unknown unidentified inaudible team research staff admin
tim riset penelitian enumerator surveyor kader
pw pwc inf infm anda me you partner spouse istri suami wife husband daughter son mother father
pewawancara terwawancara informan narasumber peneliti responden peserta partisipan penanya penjawab
pembicara fasilitator pengamat penerjemah pendamping pertanyaan jawaban catatan keterangan ket semua
bersama tanya jawab
lokasi tempat tanggal waktu durasi topik tema judul transkrip rekaman ringkasan konteks kode
date time place location duration topic theme title transcript recording summary context code setting
dari kepada subjek perihal tembusan cc bcc from to subject sent re fwd
"""
_ROLE_PHRASES = (
    "catatan peneliti",
    "catatan lapangan",
    "catatan transkrip",
    "researcher's note",
    "researcher’s note",
    "interviewer's note",
    "interviewer’s note",
    "field note",
    "field notes",
    "transcriber's note",
    "transcriber’s note",
    "focus group",
)
GENERIC_LABELS: Final[frozenset[str]] = frozenset(_ROLE_WORDS.split()) | frozenset(_ROLE_PHRASES)
"""Generic speaker roles and note headers, lower case (numbered forms such as ``P1``, ``Peserta 2`` too)."""

_TIMESTAMP = (
    r"\[?\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]?[APap]\.?[Mm]\.?)?\]?"
    r"(?:[ \t]*-)?[ \t]*"
)
_CLOCK = (  # "9:31 PM – ", "[2025-01-16 20:41] ", "06.40 ", "[00:01:10] "
    r"(?:\d{1,2}:\d{2}[ \t]*[APap]\.?[Mm]\.?[ \t]*[-–—]?[ \t]*"
    r"|\[?\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*(?:-[ \t]*)?"
    r"|\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?[ \t]*|\d{1,2}\.\d{2}[ \t]+(?:-[ \t]+)?)"
)
_LINE_LABEL: Final = re.compile(
    rf"[ \t]*(?P<ts>{_TIMESTAMP}|{_CLOCK})?(?P<label>[^\s:\d][^\n:]{{0,39}}?)[ \t]*:(?=[ \t\n]|$)"
)
_NEXT_LINE_LABEL: Final = re.compile(
    rf"\n[ \t]*(?P<ts>{_TIMESTAMP}|{_CLOCK})?(?P<label>[^\s:\d][^\n:]{{0,39}}?)[ \t]*:(?=[ \t\n]|$)"
)
_NUMBERED: Final = re.compile(r"(?P<base>.*?)[ \t]*[-#.]?[ \t]*(?:\d{1,3}|[A-Z])", re.DOTALL)
_SHORT_CODE: Final = re.compile(r"[A-Za-z]{1,3}\d{1,3}(?:[-_][A-Za-z]{1,3}\d{1,3})?")
_NAME_WORD: Final = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*")
_INITIALS: Final = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,3}")
"""Two or three capitals with no vowel ("HT", "MR", "PWC"): starting two or more turns, a participant's initials or
a role's code, which transcripts use in place of a name (no open set marks one as an identifier; "HUW", a name, has
its vowel); once, a form's field ("TFN: 191284529"), whose cue the detectors must read."""
# A generic one-letter or role label after the end of a sentence on the same line ("... ya? I: Ada").
_MID_LABEL: Final = re.compile(
    r"[.?!…\"”][ \t]+(?P<label>[PIQAR]|Int|Resp|Interviewer|Respondent|Informan|Pewawancara|Peneliti)"
    r"[ \t]*:(?=[ \t])"
)


def legend_codes(text: str) -> frozenset[str]:
    """The label codes the legend of ``text`` declares as roles (:func:`makna.privacy.legend.read_legend`),
    lower case."""
    return frozenset(c.lower() for c in read_legend(text).codes)


@dataclass(frozen=True, slots=True)
class SpeakerLabel:
    """One speaker label: the span of the label and its colon, and the PERSON span when it names someone."""

    start: int
    end: int
    label: str
    person: tuple[int, int] | None


@lru_cache(maxsize=4096)
def is_generic_label(label: str) -> bool:
    """True for a role label (``P``, ``Informan``, ``Interviewer``, ``R1``, ``Peserta 2``...) in any case."""
    low = " ".join(label.split()).lower()
    if low in GENERIC_LABELS or _SHORT_CODE.fullmatch(label.strip()):
        return True
    if low.endswith(".") and low[:-1] in GENERIC_LABELS:
        return True  # a role cut short with a full stop ("Int.", "Resp.", "Mod.")
    numbered = _NUMBERED.fullmatch(label.strip())
    if numbered and numbered.group("base").lower() in GENERIC_LABELS:
        return True
    words = low.split()
    return len(words) > 1 and all(w in GENERIC_LABELS for w in words)


@lru_cache(maxsize=4096)
def _name_span(label: str) -> tuple[int, int] | None:
    """The name inside a label (honorifics before it left out), or None when it is not a name."""
    words = list(re.finditer(r"\S+", label))
    while len(words) > 1 and not any(c.isalnum() for c in words[-1].group(0)):
        words.pop()  # an emoji after a contact's name in a chat export ("Ani 🌸")
    if not 1 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w.group(0)) for w in words):
        return None
    stop = gz.stop_caps()
    i = 0
    while i < len(words) - 1 and words[i].group(0) in HONORIFICS:
        i += 1
    rest = [w.group(0) for w in words[i:]]
    if rest[0] in stop or rest[0] in HONORIFICS:
        return None
    return words[i].start(), words[-1].end()


_ROLE_NAME: Final = re.compile(
    r"(?P<role>[^()\[\]]+?)[ \t]*(?:[(\[][ \t]*(?P<n1>[^()\[\]]+?)[ \t]*[)\]]"
    r"|[ \t]+(?P<n2>[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’.\-]*)?))"
)


@lru_cache(maxsize=4096)
def _role_name(label: str) -> tuple[int, int] | None:
    """The name in a label that joins a generic role and a name ("Peneliti Dewi", "Peserta 2 (Tiur)",
    "Researcher (Jo)"), or None."""
    m = _ROLE_NAME.fullmatch(label)
    if m is None:
        return None
    if m.group("n1") is not None and is_generic_label(m.group("n1")) and not is_generic_label(m.group("role")):
        return _name_span(m.group("role"))  # "Vikram (P3)": a name, then the participant's code
    if not is_generic_label(m.group("role")) and not _role_word(m.group("role"), m.group("n1") is not None):
        return None
    group = "n1" if m.group("n1") is not None else "n2"
    inner = _name_span(m.group(group))
    if inner is None or not any(c.islower() for c in m.group(group)):
        return None  # initials ("Pewawancara (AR)") stand for the researcher, not a name
    return m.start(group) + inner[0], m.start(group) + inner[1]


_AGENT_EN: Final = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|man)")
_SELF_LAST: Final = frozenset({"saya", "aku", "gue", "me", "ambo", "beta"})
_OCCUPATIONS: Final = frozenset(
    "nelayan petani pedagang guru dosen bidan dokter ojol ojek mahasiswa mahasiswi pelajar siswa siswi pensiunan "
    "wiraswasta pengusaha tki tkw farmer fisherman fishermen trader teacher student midwife doctor vendor worker "
    "owner tenant landlord neighbour neighbor".split()
)
"""Occupations and positions a speaker label may name instead of a person (with the job nouns of
:data:`~makna.privacy._orgheads.JOB_WORDS`): hand-compiled vocabulary, no corpus string."""


@lru_cache(maxsize=4096)
def is_role_noun(label: str) -> bool:
    """True for a label that names a role by an occupation ("Nelayan", "Sopir", "Nurse"), an agent noun
    ("Penambang", "Pemandu", "Conductor") or ends with
    the writer's own pronoun (an SMS export's "Keluar Saya"): one word, capitalised then lower case, no known
    first name, surname or name that is a word, and an Indonesian pe- or ter- noun of a dictionary root
    (penambang: tambang, pemandu: pandu, pengemudi: kemudi, pelapor and terlapor: lapor) or a common English word
    ending like an agent noun."""
    words = label.split()
    if len(words) == 2 and words[1].lower() in _SELF_LAST and words[0].isalpha():
        return True
    if len(words) != 1 or not label.isalpha() or not label[1:].islower():
        return False
    if label in gz.first_names("id") or label in gz.ambiguous_names() or label in gz.surnames():
        return False
    low = label.lower()
    if low in JOB_WORDS or low in _OCCUPATIONS:  # "Nelayan:", "Sopir:", "Nurse:" (trial7's finding)
        return True
    if any(len(r) >= 4 and r in gz.dictionary_words() for r in _affixed_roots(low)):
        return True
    return _AGENT_EN.fullmatch(low) is not None and low in gz.english_words()


_ROLE_PREFIXES: Final = ("peng", "peny", "pem", "pen", "per", "pel", "pe", "ter")


def _affixed_roots(low: str) -> set[str]:
    """The roots a pe- noun (the agent: ``pelapor``, ``penggugat``, ``penambang``) or a ter- noun (the one the
    act is done to: ``terlapor``, ``tergugat``, ``tersangka``) may come from, every way its prefix can be read
    (``pelapor`` is pe- + ``lapor``, not pel- + ``apor``), with the nasal's dropped first letter put back
    (``pemandu``: ``pandu``, ``penambang``: ``tambang``, ``pengemudi``: ``kemudi``, ``penyewa``: ``sewa``)."""
    roots: set[str] = set()
    for prefix in _ROLE_PREFIXES:
        if not low.startswith(prefix) or len(low) - len(prefix) < 3:
            continue
        root = low[len(prefix) :]
        roots.add(root)
        roots.add({"pem": "p" + root, "pen": "t" + root, "peng": "k" + root}.get(prefix, root))
        if prefix == "peny":
            roots.update({"s" + root, "ny" + root})
    return roots


def _role_word(role: str, bracketed: bool) -> bool:
    """A one-word role or function written before a bracketed name ("Penabuh (Ucup)", "Ketua (Jaelani)",
    "Interpreter [Joana]"): a word that is not a known first name or surname."""
    word = role.strip()
    if not bracketed or " " in word or not word.isalpha() or not word[1:].islower():
        return False
    return word not in gz.first_names("id") and word not in gz.surnames()


_TIMED_LABEL: Final = re.compile(
    r"^(?P<label>[A-Za-z]+[ \t]*\d{1,3})[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$", re.MULTILINE
)
"""A label on its own line with the turn's time and no colon ("Speaker 1  2:08", from transcription apps)."""


_SERVICE_LABEL: Final = re.compile(
    r"[ \t]*(?P<label>[^\W\d_][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,3}?)(?:[ \t]+|(?<=[^\W\d_]))"
    r"[(\[]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[)\]]?[ \t]*$",
    re.MULTILINE,
)
"""A transcription service's speaker line: one to four words and the turn's time stamp, nothing else (``Farid
Hasibuan  0:09``, ``Interviewer (01:03:15)``; a service's web page puts the two in adjacent elements, so a name
that ends in a letter may touch its stamp: ``Priya00:00:11``). The layout of :data:`makna.text.STAMPED_TURN_PATTERN`,
by which such a text is split into turns."""
_SERVICE_GATE: Final = re.compile(r"\d:\d\d(?::\d\d)?(?:[.,]\d{1,3})?[)\]]?[ \t]*$", re.MULTILINE)
"""The end of every :data:`_SERVICE_LABEL` line, led by a digit: the label pattern is tried once at the start of
each such line, not at every position of the text."""


def _service_labels(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every transcription-service speaker line's label, when one label starts two
    lines or more (compared without case), as :func:`makna.text.detect_turns` reads such a text: a lone "Pukul
    10:30" line is something said, not a speaker."""
    found: list[tuple[int, int, str]] = []
    last = -1
    for stamp in _SERVICE_GATE.finditer(text):
        line = text.rfind("\n", 0, stamp.start()) + 1
        if line == last:
            continue
        last = line
        m = _SERVICE_LABEL.match(text, line)
        if m is not None and m.end() == stamp.end():
            found.append((m.start("label"), m.end("label"), m.group("label")))
    keys = {" ".join(label.split()).casefold() for _s, _e, label in found}
    if len(keys) == len(found):
        return []
    # a speaker's line is followed by what was said; a schedule's times follow one another ("Sarapan 07:00 /
    # Senam 08:00 / Sarapan 07:30" is no one's turn: review20)
    gaps = (text[a[1] : b[0]] for a, b in zip(found, found[1:], strict=False))
    listed = sum(1 for gap in gaps if not gap.strip(_STAMP_GAP))
    return [] if 2 * listed >= len(found) - 1 else found


MASKED_SERVICE_LINE: Final = re.compile(
    r"[ \t]*\.+[ \t]*[(\[]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[)\]]?[ \t]*$", re.MULTILINE
)
"""A transcription service's speaker-and-stamp line as the detectors read it: its label masked with dots by
:func:`mask_labels`, then the stamp (``.....  0:11``). The answer under it belongs to the question above it."""
_STAMP_GAP: Final = " \t\n\r0123456789:.,()[]"
"""What lies between a stamp line's label and the next one's when no words are said between them."""


_LOWER_SENDER: Final = re.compile(r"[a-z][a-z'’.\-]{2,}(?:[ \t]+[a-z][a-z'’.\-]+){0,2}")
_SELF_SENDERS: Final = frozenset({"aku", "saya", "gue", "gw", "ambo", "me", "you", "kamu", "anda", "admin", "system"})


def _lower_sender(m: re.Match[str]) -> tuple[int, int] | None:
    """The sender of a chat-export line written in lower case, as contacts often are ("12/03/2024, 10:15 -
    yosefina: ..."): the label's span, when a dated stamp opens the line and the label is one to three
    lower-case words, none the writer's own pronoun or a role."""
    ts = m.group("ts")
    if ts is None or not re.search(r"\d[/.\-]\d{1,2}[/.\-]\d", ts):
        return None
    label = m.group("label").strip()
    if not _LOWER_SENDER.fullmatch(label) or any(w in _SELF_SENDERS for w in label.split()):
        return None
    if is_generic_label(label):
        return None
    at = m.group("label").index(label)
    return at, at + len(label)


def _line_labels(text: str) -> Iterator[re.Match[str]]:
    """The label match at the start of each line that has one: the first line by ``match``, the others by
    one scan for a newline followed by a label."""
    first = _LINE_LABEL.match(text)
    if first is not None:
        yield first
    yield from _NEXT_LINE_LABEL.finditer(text)


_DECLARED: Final = re.compile(
    r"(?<![\w\-])(?i:(?:memakai|pakai|pake|menggunakan|dengan)[ \t]+nama|namanya|namonyo|dipanggil|called|"
    r"known[ \t]+as|pseudonym|the[ \t]+name)[ \t]+(?P<name>[A-ZÀ-ÖØ-Þ][\w'’\-]+)"
)
"""A name the text declares (``informan memakai nama Umi``, ``she asked to be called Mama``): a label of that one
word is that person, even when the word is also a kin or address word (``Umi``, ``Mama``)."""
_DECLARED_LINES: Final = Folded(("nama", "namonyo", "dipanggil", "called", "known", "pseudonym", "name"), _DECLARED)
"""The lines :data:`_DECLARED` is run on (the shared word-start pass): those where a word starts with a naming word,
which every match holds after a blank or as its first word (``nama`` also starts ``namanya``); the pattern, led by a
look-behind and a case-folded alternation, is otherwise tried at every position of a text."""


def _declared_span(label: str, declared: Collection[str]) -> tuple[int, int] | None:
    """The span of a one-word label the text declares a name (:data:`_DECLARED`), or None."""
    word = label.strip()
    if word not in declared or " " in word:
        return None
    start = label.index(word)
    return start, start + len(word)


def find_labels(text: str, known_names: Collection[str] = ()) -> list[SpeakerLabel]:
    """Every speaker label of ``text`` (generic and named), sorted by start.

    ``known_names``: the project's own names, which count as names in a label that starts only one turn.
    """
    found: list[tuple[re.Match[str], bool]] = []
    counts: Counter[str] = Counter()
    legend = legend_codes(text)
    initials = Counter(
        m.group("label").strip() for m in _line_labels(text) if _INITIALS.fullmatch(m.group("label").strip())
    )
    declared = frozenset(m.group("name") for m in gated_finditer(_DECLARED, _DECLARED_LINES, text))
    for m in _line_labels(text):
        label = m.group("label")
        generic = is_generic_label(label) or " ".join(label.split()).lower() in legend or is_role_noun(label.strip())
        generic = generic or initials[label.strip()] > 1  # initials that start two turns or more
        if (
            not generic
            and _name_span(label) is None
            and _role_name(label) is None
            and _lower_sender(m) is None
            and _declared_span(label, declared) is None
        ):
            continue
        found.append((m, generic))
        if not generic:
            counts[" ".join(label.split())] += 1
    names = gz.first_names("id")
    out: list[SpeakerLabel] = []
    for m, generic in found:
        label = m.group("label")
        if generic:
            out.append(SpeakerLabel(m.start("label"), m.end(), label, None))
            continue
        role_name = _role_name(label)
        if role_name is not None:  # the role word shows it is a label: no repeat needed
            start = m.start("label")
            out.append(SpeakerLabel(start, m.end(), label, (start + role_name[0], start + role_name[1])))
            continue
        span = _name_span(label) or _lower_sender(m) or _declared_span(label, declared)
        assert span is not None
        first = label[span[0] : span[1]].split()[0]
        once = counts[" ".join(label.split())] < 2
        if m.group("ts") is None and once and first not in names and label.strip() not in known_names:
            continue  # a one-off "Word:" that is not a known name: leave it to the detectors
        start = m.start("label")
        out.append(SpeakerLabel(start, m.end(), label, (start + span[0], start + span[1])))
    taken = {s.start for s in out}
    for m in _MID_LABEL.finditer(text):
        if m.start("label") not in taken:
            out.append(SpeakerLabel(m.start("label"), m.end(), m.group("label"), None))
    for m in _TIMED_LABEL.finditer(text):
        if m.start("label") not in taken and is_generic_label(m.group("label")):
            out.append(SpeakerLabel(m.start("label"), m.end("label"), m.group("label"), None))
    taken = {s.start for s in out}
    for start, end, label in _service_labels(text):
        if start in taken:
            continue
        if is_generic_label(label) or is_role_noun(label):
            out.append(SpeakerLabel(start, end, label, None))
        elif (span := _role_name(label) or _name_span(label)) is not None:
            out.append(SpeakerLabel(start, end, label, (start + span[0], start + span[1])))
    out.sort(key=lambda s: s.start)
    return out


def mask_labels(text: str, labels: Iterable[SpeakerLabel]) -> str:
    """``text`` with every label and its colon replaced by dots (same length), so no detector reads them
    and the word after a label starts a sentence."""
    parts: list[str] = []
    pos = 0
    for lab in labels:
        parts.append(text[pos : lab.start])
        parts.append("." * (lab.end - lab.start))
        pos = lab.end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def label_persons(text: str, labels: Iterable[SpeakerLabel]) -> list[Detection]:
    """The PERSON detections of the name labels, and every other mention of a label's name that is also a kin or
    address word (``Umi``): the text declared it a name (:data:`_DECLARED`), and no detector reads such a word
    as one."""
    labels = list(labels)
    out = [
        Detection(lab.person[0], lab.person[1], "PERSON", 0.9, "person.speaker", text[lab.person[0] : lab.person[1]])
        for lab in labels
        if lab.person is not None
    ]
    words = {d.text for d in out if d.text in HONORIFICS}
    taken = [(lab.start, lab.end) for lab in labels]
    for word in sorted(words):
        for m in re.finditer(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", text):
            if not any(s <= m.start() < e for s, e in taken):
                out.append(Detection(m.start(), m.end(), "PERSON", 0.85, "person.speaker", word))
    return out


_SENDER_LINE: Final = re.compile(
    r"^(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’.\-]*){0,3})[ \t]*,?[ \t]*"
    r"\[?\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]?[ \t]*$",
    re.MULTILINE,
)
_SENDER_GATE: Final = re.compile(r"[:.](?<=\d[:.])\d\d\]?[ \t]*$", re.MULTILINE)
r"""``\d[:.]\d\d\]?[ \t]*$``, the end of every :data:`_SENDER_LINE` match, led by its colon or dot (fewer than
digits), one match a line at most."""


def export_senders(text: str) -> Iterator[Detection]:
    """Senders in a chat export whose header line holds only a name and a stamp (``Yaw Mensah, [21.07.23
    18:20]``, Telegram desktop's plain-text export): a PERSON, a role word after the name left out
    (``Kojo Researcher, [...]``)."""
    stop = gz.stop_caps()
    # Each header line ends with a stamp (the gate): the pattern is tried once at the start of each such line,
    # not at every position of the text (a pattern led by ``^`` gets no fast scan); the same matches.
    for stamp in _SENDER_GATE.finditer(text):
        m = _SENDER_LINE.match(text, text.rfind("\n", 0, stamp.start()) + 1)
        if m is None:
            continue
        words = list(re.finditer(r"\S+", m.group("name")))
        while words and words[-1].group(0).lower().rstrip(".") in GENERIC_LABELS:
            words.pop()
        if not words or words[0].group(0) in stop or is_generic_label(m.group("name")):
            continue
        start = m.start("name") + words[0].start()
        end = m.start("name") + words[-1].end()
        yield Detection(start, end, "PERSON", 0.85, "person.sender", text[start:end])
