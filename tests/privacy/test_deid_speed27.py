"""Round twenty-seven's throughput step (#11): the document words of the asked-for identity numbers found with the
fast scan (:func:`makna.privacy._fastrx.dispatch_words`), the same matches as the plain alternation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy._fastrx import dispatch_words, split_top
from makna.privacy.asked import _DOC
from makna.privacy.shapes import ID_WORDS_CASE, ID_WORDS_FOLD

_WORDS = ("tin", "sin", "ktp", "nomor", "nik", "kk", "pas")


def _plain(alternatives: list[tuple[str, bool]], not_after: str, not_folded: tuple[str, ...]) -> re.Pattern[str]:
    parts: list[str] = []
    for alt, folded in alternatives:
        if folded:
            guard = f"(?!(?:{'|'.join(not_folded)})(?![{not_after}]))" if not_folded else ""
            parts.append(f"{guard}(?i:{alt})")
        else:
            parts.append(alt)
    return re.compile(f"(?<![{not_after}])(?:{'|'.join(parts)})(?:-?nya)?(?![{not_after}])")


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="tinsTINSkKpaPA\u212a\u017f\u0130\u0131- \n.1", max_size=60),
    chosen=st.lists(st.tuples(st.sampled_from(_WORDS), st.booleans()), min_size=1, max_size=6),
    refuse=st.booleans(),
)
def test_dispatch_words_matches_plain_alternation(text: str, chosen: list[tuple[str, bool]], refuse: bool) -> None:
    alts = [(w if folded else w.upper(), folded) for w, folded in chosen]
    not_folded = ("tin", "sin") if refuse else ()
    plain = _plain(alts, r"\w\-", not_folded)
    fast = re.compile(dispatch_words(alts, not_after=r"\w\-", not_folded=not_folded) + r"(?:-?nya)?(?![\w\-])")
    for pos in (0, len(text) // 2):
        assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)]


_OLD_DOC = re.compile(  # asked._DOC as round twenty-six wrote it
    rf"(?<![\w\-])(?:(?!(?:tin|sin|nin|nino|kis|psn|pcn)(?![\w\-]))(?i:{ID_WORDS_FOLD}|ssn|sin|itin|nin|bvn|tfn|ird|"
    r"nino|nric|mykad|philsys|psn|pcn|ni[ \t]+(?:card|number|no\.?)|national[ \t]+insurance|ghana[ \t]+card|"
    r"health[ \t]+card|kis|social(?=[ \t]*(?:[?.,!:]|$|number|no\b|is\b|was\b|are\b|were\b))|"
    r"(?:nomor|no\.?)[ \t]+(?:sim|kk|kis|ktp|paspor|passport))"
    rf"|{ID_WORDS_CASE}|RUT|CPF|CURP|DNI|NIE|HKID|(?i:hkid|residen(?:ce|t)[ \t]+(?:card|permit)|green[ \t]+card))"
    r"(?:-?nya|-?ku|-?mu|['’]s)?(?![\w\-])"
)


def test_document_words_match_as_before() -> None:
    words = [
        *split_top(ID_WORDS_CASE),
        "tin",
        "Tin",
        "sin",
        "Sin",
        "nino",
        "NINO",
        "kis",
        "KIS",
        "e-KTP",
        "nomor ktp",
        "No. KTP",
        "no kk",
        "NI number",
        "social",
        "social number",
        "hkid",
        "Residence permit",
        "green card",
        "K\u212aTP",
        "\u017fsn",
        "\u0130D card",
        "\u0131d card",
        "passport's",
        "NIK-nya",
        "nikku",
        "pag-ibig",
    ]
    for word in words:
        for before in ("", " ", "a", "-", "\n"):
            for after in ("", " ", ".", "-", "x", "nya", "\n", " 3174"):
                text = f"{before}{word}{after}"
                assert [m.span() for m in _DOC.finditer(text)] == [m.span() for m in _OLD_DOC.finditer(text)], text
    text = "Nomor KTP saya? Eh, tin kaleng. TIN-nya 3174, sin? SIN saya, e-KTP juga; Kartu Keluarga dan NIK."
    assert [m.group() for m in _DOC.finditer(text)] == [m.group() for m in _OLD_DOC.finditer(text)]
    assert [m.group() for m in _DOC.finditer(text)][:3] == ["Nomor KTP", "TIN-nya", "SIN"]
