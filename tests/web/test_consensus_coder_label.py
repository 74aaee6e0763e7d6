"""The consensus coders (``consensus``, ``consensus.ROUND``) are named in the page's language: "konsensus" in the
Indonesian coder menus, the agreement page's columns and its consensus hint (trial12 #13 read ``consensus``); other
coders' names are shown as they are."""

from __future__ import annotations

import re

from web_helpers import SOURCE, TEXT, Client

import makna
from makna.web.render import coder_label


def _options(html: str) -> list[str]:
    return re.findall(r'<option value="(consensus[^"]*)"[^>]*>([^<]*)</option>', html)


def test_consensus_coders_in_indonesian(id_client: tuple[Client, dict[str, str]], sample_location: str) -> None:
    client, _ = id_client
    at = TEXT.index("warung kopi")
    with makna.open_project(sample_location, coder="consensus") as proj:
        makna.code_span(proj, SOURCE, at, at + 11, "tempat")
    with makna.open_project(sample_location, coder="consensus.putaran-1") as proj:
        makna.code_span(proj, SOURCE, at, at + 11, "tempat")
    for path in ("/analysis", "/retrieve"):
        shown = dict(_options(client.get(path).text))
        assert shown == {"consensus": "konsensus", "consensus.putaran-1": "konsensus (putaran putaran-1)"}, path
    page = client.get("/agreement").text
    assert "> konsensus</label>" in page and "> consensus</label>" not in page


def test_the_label_in_english() -> None:
    assert coder_label("consensus", lambda s: s) == "consensus"
    assert coder_label("consensus.r1", lambda s: s) == "consensus (round r1)"
    assert coder_label("sari", lambda s: s) == "sari"
