"""The report's draft conclusions: a paragraph per theme from the counts, in Indonesian and English."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.report.conclusions import draft_conclusions


@dataclass(frozen=True)
class C:
    key: str
    name: str
    depth: int
    informants: int
    sources: int
    segments: int


EXP = C("exp", "Pengalaman", 0, 7, 7, 40)
EXP_CODES = [
    EXP,
    C("exp.neg", "Ditipu", 1, 6, 6, 20),
    C("exp.block", "Diblokir", 1, 4, 4, 8),
    C("exp.kept", "Dijadikan pacar", 1, 1, 1, 2),
    C("exp.drugs", "Diajak narkoba", 1, 0, 0, 0),
    C("exp.money", "Uang", 1, 5, 5, 10),
]
MOT = C("mot", "Motif", 0, 7, 7, 30)
MOT_CODES = [MOT, C("mot.safe", "Lebih aman", 1, 6, 6, 12), C("mot.quick", "Cepat", 1, 3, 3, 5)]


def test_a_theme_paragraph_counts_shares_limits_and_links() -> None:
    pairs = [("exp.neg", "exp.block", 9), ("exp.neg", "mot.safe", 4), ("exp.money", "mot.quick", 2)]
    out = draft_conclusions([(EXP, EXP_CODES), (MOT, MOT_CODES)], informants=8, sources=8, pairs=pairs, lang="id")
    assert [c.key for c in out] == ["exp", "mot"]
    assert out[0].sentences == (
        "7 dari 8 informan (87,5%) menuturkan Pengalaman.",
        "Yang paling banyak dituturkan: Ditipu (6), Uang (5) dan Diblokir (4).",
        "Hanya dituturkan oleh satu informan: Dijadikan pacar.",
        "Tidak ditemukan dalam transkrip mana pun: Diajak narkoba.",
        # the pair inside one theme is no link between themes
        "Paling sering dikode bersama tema lain: Ditipu dengan Lebih aman (4 bagian teks).",
    )
    assert out[1].sentences[-1] == "Paling sering dikode bersama tema lain: Lebih aman dengan Ditipu (4 bagian teks)."


def test_english_and_sources_when_there_are_no_cases() -> None:
    out = draft_conclusions([(MOT, MOT_CODES)], informants=0, sources=10, lang="en")
    assert out[0].sentences == (
        "Motif was coded in 7 of 10 sources (70.0%).",
        "Most widely shared: Lebih aman (6) and Cepat (3).",
    )
    empty = C("x", "Unused", 0, 0, 0, 0)
    assert draft_conclusions([(empty, [empty])], informants=3, sources=3, lang="en")[0].sentences == (
        "No informant's words were coded with Unused yet.",
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_report_format_has_the_draft(coded: Any, tmp_path: Path, lang: str) -> None:
    makna.add_code(coded, "exp.name", "<b>Nama</b> lain", parent="exp")
    files = makna.write_report(coded, tmp_path, lang)
    heading = "Kesimpulan (draf dari angka)" if lang == "id" else "Conclusions (a draft from the counts)"
    told = ("2 dari 2 informan (100,0%) menuturkan Pengalaman." if lang == "id"
            else "2 of 2 informants (100.0%) spoke of Pengalaman.")  # fmt: skip
    html = files.html.read_text(encoding="utf-8")
    assert f'<section id="conclusions">\n<h2>{heading}</h2>' in html and told in html
    assert "&lt;b&gt;Nama&lt;/b&gt; lain" in html and "<b>Nama</b> lain" not in html  # a code's name is escaped
    md = files.markdown.read_text(encoding="utf-8")
    assert f"## {heading}" in md and told in md
    with zipfile.ZipFile(files.docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert heading in body and told in body
