"""Full-text search with stemming, KWIC, Boolean queries, autocoding, and the index lifecycle."""

from __future__ import annotations

from typing import Any

import pytest

import makna
import makna.queries
from makna.analysis import autocode_search, count_passages, ensure_index, search, search_cursor, search_page
from makna.errors import InputError
from makna.textindex.query import parse_query
from makna.textindex.stemming import stem

ID_TEXT = ("P: Pernah ditipu?\n"
           "I: Iya. Saya pernah ditipu orang, dia menipu saya. Itu penipuan besar.\n"
           "P: Terus?\n"
           "I: Dia blokir nomor saya. Saya tidak mau tertipu lagi.\n")
EN_TEXT = ("P: What happened?\n"
           "I: A customer cheated me. Cheating happens a lot, and then he blocked my number.\n"
           "P: And the tips?\n"
           "I: Tipping is rare <script>alert(1)</script>.\n")


@pytest.fixture
def searchable(project: Any) -> Any:
    makna.import_text(project, "wawancara.txt", ID_TEXT, language="id")
    makna.import_text(project, "interview.txt", EN_TEXT, language="en")
    return project


def test_stems() -> None:
    assert {stem(w, "id") for w in ("ditipu", "tipu", "menipu", "penipuan", "tertipu")} == {"tipu"}
    assert {stem(w, "en") for w in ("cheated", "cheating", "cheat")} == {"cheat"}


def test_indonesian_stemming_finds_word_forms(searchable: Any) -> None:
    hits = search(searchable, "ditipu")
    assert [h.keyword.lower() for h in hits] == ["ditipu", "ditipu", "menipu", "penipuan", "tertipu"]
    assert {h.source for h in hits} == {"wawancara.txt"}
    h = hits[2]
    assert ID_TEXT[h.start:h.end] == "menipu" and h.turn == 2 and h.speaker == "I"
    assert h.left.endswith("orang, dia ") and h.right.startswith(" saya")
    assert "[menipu]" in h.kwic


def test_no_stem_matches_exact_words(searchable: Any) -> None:
    assert [h.keyword for h in search(searchable, "ditipu", stem=False)] == ["ditipu", "ditipu"]


def test_english_stemming(searchable: Any) -> None:
    assert [h.keyword for h in search(searchable, "cheat")] == ["cheated", "Cheating"]
    assert [h.keyword for h in search(searchable, "tip*")] == ["tips", "Tipping"]


def test_boolean_and_phrases(searchable: Any) -> None:
    assert count_passages(searchable, "tipu AND blokir") == (1, 1)  # the last turn only
    assert count_passages(searchable, "ditipu AND cheated") == (0, 0)  # never in one turn
    assert count_passages(searchable, "tipu OR blokir") == (3, 1)
    assert [h.keyword for h in search(searchable, "saya NOT blokir")] == ["Saya", "saya"]
    assert count_passages(searchable, "saya NOT (tipu OR blokir)") == (0, 0)
    assert [h.keyword for h in search(searchable, '"blokir nomor"')] == ["blokir nomor"]
    assert [h.keyword for h in search(searchable, '"blocked my number"')] == ["blocked my number"]
    assert search(searchable, '"nomor blokir"') == []


def test_limit_offset_and_sources(searchable: Any) -> None:
    all_hits = search(searchable, "saya", limit=None)
    assert len(all_hits) == 4
    assert search(searchable, "saya", limit=2, offset=1) == all_hits[1:3]
    assert search(searchable, "saya", sources=["interview.txt"]) == []


def test_pages_by_cursor(searchable: Any) -> None:
    # "saya": four hits, two of them in one passage (a cursor can stop between them)
    all_hits = search(searchable, "saya OR tipu", limit=None)
    assert len(all_hits) >= 6 and len({h.passage for h in all_hits}) < len(all_hits)
    for size in (1, 2, 3, 4):
        seen: list[Any] = []
        page = search_page(searchable, "saya OR tipu", limit=size)
        while True:
            assert len(page.items) <= size
            seen += page.items
            if page.next is None:
                break
            page = search_page(searchable, "saya OR tipu", limit=size, after=page.next)
        assert seen == all_hits
    assert search(searchable, "saya OR tipu", limit=2, after=search_cursor(all_hits[2])) == all_hits[3:5]
    assert search(searchable, "saya OR tipu", after=search_cursor(all_hits[-1])) == []
    assert search_page(searchable, "saya OR tipu", limit=len(all_hits)).next is None
    with pytest.raises(InputError, match="not a cursor"):
        search(searchable, "saya", after="bm90IGEgY3Vyc29y")
    with pytest.raises(InputError, match="not a cursor"):  # a retrieval cursor is not a search cursor
        search(searchable, "saya", after=makna.queries.retrieval_cursor(_any_segment(searchable)))


def _any_segment(project: Any) -> Any:
    makna.add_code(project, "k", "K")
    makna.code_span(project, "wawancara.txt", 0, 2, "k")
    return makna.retrieve(project)[0]


@pytest.mark.parametrize("bad", ["", "   ", "NOT tipu", "tipu AND", '"tipu', "(tipu", "tipu)", "!!!", "ab* cd*x*"])
def test_bad_queries(searchable: Any, bad: str) -> None:
    with pytest.raises(InputError, match="search"):
        search(searchable, bad)


def test_markup_in_text_is_just_text(searchable: Any) -> None:
    hits = search(searchable, "script")
    assert hits and all("<script>" in h.left + h.keyword + h.right or h.keyword == "script" for h in hits)


def test_autocode_from_hits(searchable: Any) -> None:
    makna.add_code(searchable, "fraud", "Cheated")
    res = autocode_search(searchable, "ditipu", "fraud", scope="sentence")
    texts = sorted(s.text for s in makna.retrieve(searchable, code="fraud"))
    assert res.created == len(texts) == 4
    assert "Saya pernah ditipu orang, dia menipu saya." in texts
    again = autocode_search(searchable, "ditipu", "fraud", scope="sentence")
    assert again.created == 0 and again.skipped_duplicates == 4
    makna.add_code(searchable, "turns")
    assert autocode_search(searchable, "cheat", "turns", scope="turn").created == 1
    with pytest.raises(makna.MaknaError):
        autocode_search(searchable, "cheat", "no-such-code")


def test_index_follows_changes(searchable: Any) -> None:
    ensure_index(searchable)  # at import once makna.sources calls index_source; until then lazily here
    assert ensure_index(searchable) == 0
    makna.import_text(searchable, "baru.txt", "I: Penipu itu kabur.\n", language="id")
    assert [h.source for h in search(searchable, "tipu") if h.source == "baru.txt"] == ["baru.txt"]
    makna.delete_source(searchable, "baru.txt")
    assert all(h.source != "baru.txt" for h in search(searchable, "tipu"))
    makna.import_text(searchable, "lagi.txt", "I: Menipu lagi.\n", language="id")
    assert any(h.source == "lagi.txt" for h in search(searchable, "tipu"))


def test_parse_query_shapes() -> None:
    node = parse_query('ditipu "dia block" OR tip*', languages=("id",))
    assert type(node).__name__ == "Or"


def test_empty_project_search(project: Any) -> None:
    assert search(project, "apa") == []


def test_autocode_skips_a_passage_coded_by_hand_and_starts_past_the_label(project: Any) -> None:
    # trial11: five passages coded with the mouse (without their full stop) were coded again one character
    # longer by a sentence-scope autocode ("0 coded already"), and its sentences began with "Senja Kris:"
    text = (
        "Pewawancara: Ada potongan gaji?\n"
        "Senja Kris: Seven months salary deduction. Then the agency fee.\n"
        "Narasumber: Potongan agen tujuh bulan, totalnya besar. Saya sabar saja.\n"
    )
    makna.import_text(project, "hk.txt", text, language="id")
    makna.add_code(project, "utang", "Debt")
    hand = text.index("Potongan agen")
    makna.code_span(project, "hk.txt", hand, text.index(", totalnya"), "utang")  # part of the sentence, by hand
    res = autocode_search(project, '"potongan agen" OR deduction', "utang", scope="sentence")
    assert (res.created, res.skipped_duplicates) == (1, 1)
    texts = sorted(s.text for s in makna.retrieve(project, code="utang"))
    assert texts == ["Potongan agen tujuh bulan", "Seven months salary deduction."]
    again = autocode_search(project, "deduction", "utang", scope="sentence")
    assert (again.created, again.skipped_duplicates) == (0, 1)
    makna.add_code(project, "other")  # another code: the hand-made coding of "utang" is no reason to skip
    assert autocode_search(project, '"potongan agen"', "other", scope="sentence").created == 1
    assert [s.text for s in makna.retrieve(project, code="other")] == ["Potongan agen tujuh bulan, totalnya besar."]
