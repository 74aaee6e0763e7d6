"""A place in a file name joined by ``-`` or ``_`` gets a surrogate joined the same way: a two-word surrogate
does not put a space into ``informan-payakumbuh-01.txt``."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import makna
from makna.privacy.fields import rebuild_value
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import apply

PASS = "joiner passphrase 2026"


def test_a_label_keeps_its_joiner() -> None:
    raw = "informan-payakumbuh-stamp.txt"
    assert rebuild_value(raw, [(9, 19, "tanah datar")], label=True) == "informan-tanah-datar-stamp.txt"
    assert rebuild_value("wawancara_bukittinggi.txt", [(10, 21, "pesisir selatan")], label=True) == (
        "wawancara_pesisir_selatan.txt"
    )
    assert rebuild_value(raw, [(9, 19, "tanah datar")]) == "informan-tanah datar-stamp.txt"  # prose: as given


def test_a_spaced_name_keeps_its_spaces() -> None:
    raw = "WhatsApp Chat with Uni Rahmi.txt"
    assert rebuild_value(raw, [(23, 28, "Sri Wahyuni")], label=True) == "WhatsApp Chat with Uni Sri Wahyuni.txt"
    raw = "informan-Padang Panjang.txt"  # the original has a space of its own: the surrogate keeps its own
    assert rebuild_value(raw, [(9, 23, "Tanah Datar")], label=True) == "informan-Tanah Datar.txt"


@given(
    st.lists(st.sampled_from(["a", "b", "-", "_", "."]), min_size=1, max_size=12),
    st.text(alphabet="xy ", min_size=1, max_size=8),
)
def test_the_joined_value_is_as_long_and_holds_no_new_space(chars: list[str], new: str) -> None:
    raw = "".join(chars) + "z"
    start = len(raw) - 1
    out = rebuild_value(raw, [(start, len(raw), new)], label=True)
    assert len(out) == len(raw) - 1 + len(new)
    if raw[start - 1 : start] in {"-", "_"}:
        assert " " not in out


def test_apply_renames_with_the_joiner(project: makna.Project, tmp_path: Path) -> None:
    places = ["Payakumbuh", "Bukittinggi", "Pariaman", "Sawahlunto", "Solok", "Painan"]
    for place in places:
        text = f"Judul: Wawancara\nLokasi: {place}, Sumatera Barat\n\nP: Tinggal di mana?\nI: Di {place}.\n"
        makna.import_text(project, f"informan-{place.lower()}-01.txt", text, language="id")
    for _ in range(2):  # the second scan finds the accepted places in the file names
        scan(project)
        decide_all(project, "accepted")
    apply(project, tmp_path / "k.key", PASS, mode="surrogate")
    names = [s.name for s in makna.list_sources(project)]
    assert all(" " not in n for n in names), names
    for s in makna.list_sources(project):
        text = makna.get_source(project, s.name).text
        found = re.search(r"Lokasi: ([^,]+),", text)
        assert found is not None
        assert s.name == f"informan-{found.group(1).lower().replace(' ', '-')}-01.txt", (s.name, text)
