"""newuser18: a study of Indonesian and English interviews, as many of each, in one Indonesian province
(inferred from its places and numbers): the names and places of its Indonesian transcripts that no list
knows got English surrogates ("Yusnidar" -> "Riley", "Jam Gadang" -> "Miami"), because the study's
language, read from the most frequent language of the sources, came out English on the tie. An Indonesian
text in a study of an Indonesian province gets Indonesian names and places, whatever the other sources'
languages; its English texts are left as they were (their own region)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

import makna
from makna.privacy import gazetteers as gz
from makna.privacy.naming import name_pools
from makna.privacy.project import decide, review_entries

P = importlib.import_module("makna.privacy.pseudonymise")


def _pool(token: str, language: str) -> set[str]:
    """Every name a first name ``token`` of no list may become in a text of ``language`` in West Sumatra."""
    out: set[str] = set()
    for gender in ("m", "f", None):
        for neutral in (True, False):
            for pool in name_pools(
                token, first=True, language=language, gender=gender, region="13", tradition=None, neutral=neutral
            ):
                out.update(pool)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_an_indonesian_text_of_an_indonesian_province_gets_indonesian_surrogates(seed: int) -> None:
    key = P.KeyMapping(secret=os.urandom(32).hex() if seed else "00" * 32, region="13", language="en")
    person = key.surrogate("PERSON", "Yusnidar", language="id")
    place = key.surrogate("LOCATION", "Jam Gadang", language="id")
    assert person in _pool("Yusnidar", "id") - _pool("Yusnidar", "en"), person
    assert place not in gz.places_en() and place not in gz.places_world(), place
    # an English text of the same study still follows the study's language
    assert key.surrogate("PERSON", "Yuliandri", language="en") in _pool("Yuliandri", "en")


WA = (
    "12/10/26, 19.02 - Rahmat Hidayat: Ini grup pedagang Pasar Bawah untuk penelitian ya\n"
    "12/10/26, 19.04 - Yusnidar: Saya pakai QRIS karena anak muda tidak bawa uang tunai\n"
    "12/10/26, 19.07 - Rahmat Hidayat: Ada kendala, Bu?\n"
    "12/10/26, 19.09 - Yusnidar: Uang tertahan dua hari. Kios saya dekat Jam Gadang\n"
)
ID = "Pewawancara: Dari mana?\nInforman: Saya dari Bukittinggi, kios saya di Pasar Atas.\n"
EN = [
    "Q: How do you get to work?\nA: I drive from Headingley. My name's Gemma Holroyd. I rang 07700 900123.\n",
    "Q: And home?\nA: I cycle past Otley Road. My manager Karen Whitley knows.\n",
]


def test_the_same_in_a_project(tmp_path: Path) -> None:
    (tmp_path / "wa.txt").write_text(WA, encoding="utf-8")
    key = tmp_path / "keys" / "k.key"
    key.parent.mkdir()
    with makna.create_project(str(tmp_path / "s.makna"), "Studi", coder="sari") as p:
        makna.import_file(p, tmp_path / "wa.txt")
        makna.import_text(p, "pasar", ID, language="id")
        for i, text in enumerate(EN):
            makna.import_text(p, f"nurse-{i}", text, language="en")
        makna.deid_scan(p)
        names = {e.text for e in review_entries(p)}
        assert {"Yusnidar", "Jam Gadang", "Gemma Holroyd"} <= names  # fail, never skip
        decide(p, [e.id for e in review_entries(p)], "accepted")
        makna.deid_apply(p, key, "kopi-talua-jam-gadang-77", mode="surrogate")
        turns = makna.get_turns(p, "wa.txt")
        speakers = {t.speaker for t in turns} - {None}
        assert len(speakers) == 2 and "Yusnidar" not in speakers
        yusnidar = next(who for who in speakers if len(who.split()) == 1)
        assert yusnidar in _pool("Yusnidar", "id") - _pool("Yusnidar", "en"), yusnidar
