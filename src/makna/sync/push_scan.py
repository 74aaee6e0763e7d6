"""What a coder's push may not carry into a de-identified project: free text that names someone (trial18 #13).

A coder types memos and coding memos on her copy, offline, as she knows the informants: "Teh Yanti said ...,
0819-...". Pushed as they are, they reach the team server (or the project file a copy was made of) unscanned, for
every member to read, in a project whose manager de-identified its texts. So when the project has a
de-identification applied and the pusher does not de-identify it (a coder or a viewer on a team server, the coder
of a copy pushed into its project file), each memo and coding memo the push would write is scanned with the
project's detectors (:func:`makna.privacy.detect.detect`, in the fields' language). One with an identifier is not
written: the change is a conflict (``names_identifier``), stays in the coder's copy, and the message names the kinds
found (never the text) and what to do: write it without them and push again. Nothing of it reaches the server, so
no other coder or viewer can read it; a manager's or the owner's push is not scanned (they scan the project).

What is no identifier here: a guess below 0.5 (as ``deid accept --min-confidence 0.5`` leaves it), a surrogate
the apply wrote into a text (a memo naming an informant as the de-identified transcript does), a word of a person's
surrogate that no original of the project shares, where the applies vouch for it (``Lynne`` of ``Lynne
Cunningham``: :func:`makna.privacy.field_surrogates.free_parts`), a team member's name, and in a title a guess
made of ordinary words (as the field review of titles does).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from sqlalchemy import Connection, select

from ..privacy.detect import detect
from ..privacy.field_surrogates import free_parts, name_words, text_surrogates
from ..privacy.fields import field_spec, ordinary_guess
from ..privacy.project import fields_language
from ..privacy.types import Detection
from ..store import tables

__all__ = ["NAMES_IDENTIFIER", "PushScan", "THRESHOLD", "deidentified", "what_found"]

#: The reason of a push's conflict for a memo held back because it names someone.
NAMES_IDENTIFIER = "names_identifier"
#: Detections below this are guesses a review leaves pending: not enough to hold a memo back.
THRESHOLD = 0.5

_WORDS = {
    "PERSON": "a person's name",
    "LOCATION": "a place",
    "ORG": "an organisation",
    "ADDRESS": "an address",
    "PHONE": "a phone number",
    "EMAIL": "an e-mail address",
    "URL": "a web address",
    "HANDLE": "an account name",
    "NATIONAL_ID": "an ID number",
    "ACCOUNT": "an account number",
    "PLATE": "a number plate",
    "DATE": "a date",
    "AGE": "an age",
}


def deidentified(conn: Connection) -> bool:
    """Whether a de-identification was applied in the project (to a source or a field value)."""
    d, f = tables.deid_sources.c, tables.deid_fields.c
    return (
        conn.execute(select(d.source_id).where(d.applied_at.is_not(None)).limit(1)).first() is not None
        or conn.execute(select(f.number).where(f.applied_at.is_not(None)).limit(1)).first() is not None
    )


def what_found(types: Iterable[str]) -> str:
    """The kinds found, in words: "a person's name and a phone number"."""
    words = list(dict.fromkeys(_WORDS.get(t, "an identifier") for t in types))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class PushScan:
    """The scan of one push's free text, inside its transaction. The surrogates and members' names are read once,
    at the first detection: a push that carries no memo, or only memos with nothing found, reads no transcript."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.language = fields_language(conn)

    @cached_property
    def safe(self) -> frozenset[str]:
        """The surrogates the applies wrote into the texts and the team members' names, case-folded."""
        safe = set(text_surrogates(self.conn))
        safe |= {str(n).casefold() for n in self.conn.execute(select(tables.coders.c.name)).scalars()}
        return frozenset(x for x in safe if x.strip())

    @cached_property
    def parts(self) -> frozenset[str]:
        """The words of person surrogates no original of the project shares, where the applies vouch for the key
        (:func:`makna.privacy.field_surrogates.free_parts`): ``Nathan`` of ``Nathan Cannon``."""
        return free_parts(self.conn)

    def _kept(self, det: Detection) -> bool:
        if det.confidence < THRESHOLD or det.text.strip().casefold() in self.safe:
            return False
        return not (det.type == "PERSON" and (words := name_words(det.text)) and words <= self.parts)

    def found(self, text: str = "", title: str = "") -> list[str]:
        """The types of the identifiers in a memo's ``text`` and ``title`` (empty: none)."""
        out = [d.type for d in detect(text, language=self.language) if self._kept(d)] if text.strip() else []
        if title.strip():
            spec = field_spec("memos.title")
            out += [
                d.type
                for d in detect(title.replace("_", " "), language=self.language)
                if self._kept(d) and not (spec.vocabulary and ordinary_guess(d, self.language))
            ]
        return out
