"""newuser15: the home page's Codebook card listed a parent code whose codings are all on its subcodes
with 0 ("Harm and loss 0" beside "Fraud 5"), while the analysis page gave it 7; it now writes "0 / 7"
as the codebook page does (codings of this code / with its descendants), and ranks codes by the second
figure (#11)."""

from __future__ import annotations

import re
from pathlib import Path

from pages_helpers import logged_in

import makna

TEXT = "P: Ada masalah?\nI: Ada yang transfer palsu.\nP: Lalu?\nI: Pesanan fiktif juga, dan boiler mati.\n"


def test_a_parent_code_on_the_home_page_counts_its_subcodes(tmp_path: Path) -> None:
    location = str(tmp_path / "study.makna")
    with makna.create_project(location, "Uji", coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
        makna.add_code(p, "harm", "Kerugian")
        makna.add_code(p, "harm.fraud", "Penipuan", parent="harm")
        makna.add_code(p, "support", "Dukungan")
        for phrase in ("transfer palsu", "Pesanan fiktif"):
            start = TEXT.index(phrase)
            makna.code_span(p, "a.txt", start, start + len(phrase), "harm.fraud")
        start = TEXT.index("boiler mati")
        makna.code_span(p, "a.txt", start, start + len("boiler mati"), "support")
    with logged_in(location, lang="id") as (_app, c, _csrf):
        html = c.get("/").text
    card = html[html.index('<ul class="codes">') :]
    card = card[: card.index("</ul>")]
    shown = re.findall(r'<a href="/retrieve\?code=([^"]+)">[^<]*</a><span class="count"[^>]*>([^<]*)</span>', card)
    assert shown[:3] == [("harm", "0 / 2"), ("harm.fraud", "2"), ("support", "1")], shown
