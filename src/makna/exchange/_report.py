"""What an import did, and everything it could not carry over."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Problem", "ImportReport", "UNVERIFIED_CLAIMS", "UNVERIFIED_WHY"]

#: The one line an import says when sources carried a de-identification claim that did not verify (translated in the
#: workbench's catalogues).
UNVERIFIED_CLAIMS = ("Warning: %(n)d source(s) carried a de-identification claim that was not verified: they are "
                     "imported as not de-identified and will be scanned (name the exporting project with "
                     "--verify-with, or accept a source's claim after checking its text: 'makna deid trust SOURCE').")

#: Why a claim was not verified, as the import report counts them (trust24).
UNVERIFIED_WHY = {
    "malformed": "malformed or of another text",
    "unsealed": "unsealed",
    "unknown": "sealed by a project not given (--verify-with)",
    "retired": "sealed with a key the project has retired (reseal) and never recorded by it before",
    "withdrawn": "sealed by a copy or member whose right to seal was withdrawn, or a copy the project never made",
    "altered": "its seal does not match it (altered)",
}


@dataclass(frozen=True)
class Problem:
    """Something in the file that was not imported: ``what`` (selection, coding, note, ...), ``where``
    (which source or element) and ``reason``."""

    what: str
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.what} {self.where}: {self.reason}"


@dataclass
class ImportReport:
    """Counts of what was imported, the selections and codings that could not be placed (``unmapped``:
    never dropped silently) and notes on conversions and unsupported parts."""

    path: str
    origin: str = ""
    offsets: str = ""
    project: str = ""
    coders: int = 0
    codes: int = 0
    codes_updated: int = 0
    attributes: int = 0
    cases: int = 0
    sources: int = 0
    segments: int = 0
    memos: int = 0
    sets: int = 0
    unverified_claims: int = 0  # sources whose de-identification claim did not verify: imported as not de-identified
    verified_by: dict[str, int] = field(default_factory=dict)  # verified claims by who sealed them ("project", a name)
    unverified_why: dict[str, int] = field(default_factory=dict)  # claims not verified, by why (trust24)
    fields_reviewed: int = 0  # free-text values imported as a verifying project reviewed them, with its review
    unmapped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.sources} source(s)", f"{self.codes} code(s)", f"{self.segments} coding(s)",
                 f"{self.cases} case(s)", f"{self.attributes} attribute(s)", f"{self.memos} memo(s)",
                 f"{self.sets} set(s)", f"{self.coders} coder(s)"]
        head = f"Imported {', '.join(parts)} from {self.path}"
        if self.origin:
            head += f" (made by {self.origin}; offsets read as {self.offsets})"
        return head + "."

    def lines(self) -> list[str]:
        """The summary, then one line per unmapped selection or coding, then the notes."""
        out = [self.summary()]
        if self.unmapped:
            out.append(f"{len(self.unmapped)} selection(s)/coding(s) could not be imported:")
            out.extend(f"  - {p}" for p in self.unmapped)
        out.extend(f"Note: {n}" for n in self.notes)
        if self.verified_by:
            who = ", ".join(f"{'the project' if k == 'project' else k} ({n})"
                            for k, n in sorted(self.verified_by.items()))
            out.append(f"Verified {sum(self.verified_by.values())} de-identification claim(s), sealed by {who}.")
        if self.unverified_claims:
            out.append(UNVERIFIED_CLAIMS % {"n": self.unverified_claims})
        if self.unverified_why:
            why = "; ".join(f"{n} {UNVERIFIED_WHY.get(k, k)}" for k, n in sorted(self.unverified_why.items()))
            out.append(f"Not verified: {why}.")
        if self.fields_reviewed:
            out.append(f"Kept the review of {self.fields_reviewed} free-text field value(s) imported as the verifying "
                       "project reviewed them (scanned, de-identified).")
        return out
