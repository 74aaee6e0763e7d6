"""trial15: a WhatsApp group's sender ``Andi Baso Pawelloi`` (a Bugis title before the name), addressed later as
``Pak Andi``. The apply wrote his turns' text as ``Andi Mappiare Sakka: ...`` but his turns' speaker label as
``Hamzah Mappiare Sakka``: the label was rewritten one replacement after another, so the surrogate of the whole
name was rewritten again by the surrogate of ``Andi`` alone. ``makna cases link --speaker`` and ``makna sources
withdraw`` with the name the text shows were refused ("no turn of speaker ...")."""

from __future__ import annotations

from pathlib import Path

import makna
from makna.privacy.project_apply import _relabel

CHAT = (
    "14/10/26 19.03 - Togar Simanjuntak: Selamat malam, rapat arisan minggu depan ya\n"
    "14/10/26 19.07 - Andi Baso Pawelloi: Saya izin tidak hadir, ada urusan di luar kota\n"
    "14/10/26 19.13 - Andi Baso Pawelloi: Saya kurang setuju iurannya naik\n"
    "14/10/26 19.15 - Togar Simanjuntak: Baik Pak Andi, nanti kita bahas\n"
)


def test_a_label_is_replaced_once_never_inside_a_surrogate() -> None:
    pairs = {"Andi Baso Pawelloi": "Andi Mappiare Sakka", "Andi": "Hamzah"}
    assert _relabel("Andi Baso Pawelloi", pairs) == "Andi Mappiare Sakka"
    assert _relabel("Pak Andi", pairs) == "Pak Hamzah"
    # a surrogate that is another original is not replaced again either
    assert _relabel("Rina", {"Rina": "Sari", "Sari": "Dewi"}) == "Sari"


def test_each_turns_label_is_the_one_its_text_shows_after_the_apply(project: makna.Project, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Arisan.txt"
    path.write_text(CHAT, encoding="utf-8")
    makna.import_file(project, path)
    makna.deid_scan(project)
    makna.decide_all(project, "accepted")
    makna.deid_apply(project, tmp_path / "k.makna-key", "kopi hujan sepeda jendela")
    (source,) = makna.list_sources(project)
    text = makna.get_source(project, source.name).text
    turns = makna.get_turns(project, source.name)
    assert len(turns) == 4
    for turn in turns:
        assert text[turn.start : turn.end].startswith(f"{turn.speaker}: "), (turn.speaker, text[turn.start : turn.end])
    assert "Pawelloi" not in text
