"""One Indonesian term per de-identification concept (review, #11): a new user's trial found "pengenal",
"identitas" and "penanda identitas" for the same thing on different pages, and "temuan" beside "deteksi".
The glossary in docs/glossary.md is the reference; the Indonesian catalogue must follow it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from makna.web.i18n import LOCALE_DIR, messages_in_use, parse_po

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"


def _forms(cell: str) -> list[str]:
    return [f.strip() for f in re.split(r"[/,]", cell) if f.strip()]


def glossary() -> list[tuple[list[str], list[str], list[str]]]:
    """(English forms, Indonesian forms, words to avoid) per row of the glossary's table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0].startswith(("English", "---")):
            continue
        rows.append((_forms(cells[0]), _forms(cells[1]), _forms(cells[2])))
    return rows


def _words(forms: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.I)


def _catalogue() -> dict[str, str]:
    return parse_po((LOCALE_DIR / "id" / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8"))


def test_the_glossary_is_read() -> None:
    rows = glossary()
    assert len(rows) >= 12
    english = {f for en, _, _ in rows for f in en}
    assert {"identifier", "detection", "review", "surrogate", "passphrase"} <= english


@pytest.mark.parametrize("row", glossary(), ids=lambda r: r[0][0])
def test_one_indonesian_term_per_concept(row: tuple[list[str], list[str], list[str]]) -> None:
    english, indonesian, avoid = row
    catalogue = _catalogue()
    singles, _plurals = messages_in_use()
    used = [m for m in catalogue if m in set(singles) and _words(english).search(m)]
    assert used, f"no message uses {english[0]!r}: the glossary row is stale"
    # a whole word, or the start of one with a suffix (deteksinya, pengodeannya)
    want = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in indonesian) + r")", re.I)
    missing = {m: catalogue[m] for m in used if not want.search(catalogue[m])}
    assert missing == {}, f"{english[0]!r} should read {indonesian[0]!r}"
    if avoid:  # e.g. "temuan" stays right for a search hit, wrong where the English says "detection"
        wrong = {m: catalogue[m] for m in used if _words(avoid).search(catalogue[m])}
        assert wrong == {}, f"avoid {avoid} (use {indonesian[0]!r})"


def test_the_avoided_words_are_found_when_present() -> None:
    """The check is not blind: the words it forbids are seen in a sentence made to hold them."""
    rows = {en[0]: (idn, avoid) for en, idn, avoid in glossary()}
    assert _words(rows["identifier"][1]).search("Tidak ada pengenal ditemukan")
    assert not _words(rows["identifier"][0]).search("Tidak ada pengenal ditemukan")
    assert _words(rows["coding"][1]).search("Mulai koding")
