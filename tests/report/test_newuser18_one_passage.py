"""newuser18: the English draft conclusions said "Biaya with Pengalaman baik (1 passages)"; one passage is
one passage (Indonesian has no plural: "1 bagian teks")."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from makna.report.conclusions import draft_conclusions


@dataclass(frozen=True)
class C:
    key: str
    name: str
    depth: int
    informants: int
    sources: int
    segments: int


EXP = C("exp", "Experience", 0, 2, 2, 3)
MOT = C("mot", "Motive", 0, 2, 2, 3)
CODES = {"exp": [EXP, C("exp.pos", "Good", 1, 2, 2, 2)], "mot": [MOT, C("mot.cost", "Cost", 1, 2, 2, 2)]}


@pytest.mark.parametrize(
    ("n", "lang", "said"),
    [
        (1, "en", "(1 passage)."),
        (2, "en", "(2 passages)."),
        (1, "id", "(1 bagian teks)."),
        (2, "id", "(2 bagian teks)."),
    ],
)
def test_the_link_sentence_counts_passages_in_good_grammar(n: int, lang: str, said: str) -> None:
    out = draft_conclusions(
        [(EXP, CODES["exp"]), (MOT, CODES["mot"])],
        informants=2,
        sources=2,
        pairs=[("exp.pos", "mot.cost", n)],
        lang=lang,
    )
    assert out[0].sentences[-1].endswith(said), out[0].sentences[-1]
    assert out[1].sentences[-1].endswith(said), out[1].sentences[-1]
