"""Shared by the de-identification audit's tests (core, report, workbench): a project de-identified by a review
that accepts every detection, and the check that an output holds none of the strings it must never show."""

from __future__ import annotations

import re
from pathlib import Path

import makna
from makna.privacy.project import decide_all, review_entries, scan
from makna.privacy.project_apply import apply, open_key

TEXT = (
    "P: Boleh kenalan dulu?\n"
    "I: Nama saya Ratna Kusumawardani, umur 31 tahun, tinggal di Bukittinggi. Nomor HP-ku 0813-6620-4471.\n"
    "P: Bagaimana pengalaman Ibu?\n"
    "I: Pak Darmawel yang membantu saya di pasar.\n"
)
PASS = "an audit passphrase nobody guesses"
MEMO = "Follow up with Ratna Kusumawardani about the clinic visit; her number is 0813-6620-4471."


def memo_applied(project: makna.Project, key: Path) -> None:
    """A source without identifiers and a project memo with a name and a phone number, scanned, every detection
    accepted and applied: the memo's review is emptied by the apply (teamtrust25)."""
    makna.import_text(project, "a.txt", "P: Apa kabar?\nI: Baik, terima kasih.\n", language="id")
    makna.add_memo(project, "project", None, MEMO, title="Plan")
    scan(project)
    decide_all(project, "accepted")
    apply(project, key, PASS, mode="surrogate")


def surrogates_of(project: makna.Project, key: Path) -> set[str]:
    """The key's replacements (of four characters or more) that differ from their originals."""
    return {
        str(r["replacement"])
        for r in open_key(project, key, PASS).replacements()
        if len(str(r["replacement"])) >= 4 and r["replacement"] != r["original"]
    }


def deidentify(project: makna.Project, key: Path, name: str = "a.txt") -> tuple[set[str], set[str]]:
    """Import :data:`TEXT` as ``name``, scan, accept everything, apply; returns (originals, surrogates)."""
    makna.import_text(project, name, TEXT, language="id")
    scan(project)
    decide_all(project, "accepted")
    originals = {e.text for e in review_entries(project) if len(e.text) >= 4}
    apply(project, key, PASS, mode="surrogate")
    surrogates = surrogates_of(project, key)
    assert {"Ratna Kusumawardani", "0813-6620-4471"} <= originals and surrogates
    return originals, surrogates


def absent(secrets: set[str], blob: str, where: str) -> None:
    """Fail when ``blob`` holds any of ``secrets`` as a whole word (any case)."""
    found = sorted(s for s in secrets if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", blob, re.IGNORECASE))
    assert not found, f"{where} holds {found}"
