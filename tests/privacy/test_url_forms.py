"""Web addresses in every shape people write one (url27, issue #11): a host under any public suffix with a path
or a port, a bare host under a two-label suffix or a new generic top-level domain, capitals, IPv4 with a port,
addresses said aloud and addresses a chat export wrapped at the line's end; the look-alikes (file names,
versions, times, abbreviations, e-mail addresses, a sentence typed without its space) stay undetected.

The open case table of ``tests/privacy/url27cases`` (`` / `` is a line break) must be found whole; the sealed
third is scored only in aggregate, by ``benchmarks/url27_cases.py --sealed``.
"""

from __future__ import annotations

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.url_forms import find_url_forms, public_suffixes

_FOLDER = _TABLE.CASES.parent / "url27cases"


@open_cases("url27cases")
def test_open_case(case: _TABLE.Case) -> None:
    assert _TABLE.check(case, rules_only=True, alarms=frozenset({"URL"}), whole=True) == []


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def test_suffix_list_holds_country_second_levels_and_wildcards() -> None:
    suffixes = public_suffixes()
    assert {"com", "id", "co.id", "ac.id", "go.id", "co.uk", "com.au", "co.za", "com.ng", "shop", "app"} <= suffixes
    assert "jm" in suffixes and "*.jm" in suffixes  # the list's "*.jm": any name under jm
    assert "docx" not in suffixes and "pdf" not in suffixes


def _urls(text: str) -> set[str]:
    return {d.text for d in find_url_forms(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Daftarnya di koperasiguru.or.id/anggota saja, Bu.", "koperasiguru.or.id/anggota"),
        ("My cousin applied at islandworks.org.jm/apply last spring.", "islandworks.org.jm/apply"),
        ("Websitenya rumahjahit.co.ke, punya teman saya.", "rumahjahit.co.ke"),
        ("The cooperative moved to ridercoop.studio last year.", "ridercoop.studio"),
        ("Di spanduk tertulis PASARTANI.OR.ID/INFO besar sekali.", "PASARTANI.OR.ID/INFO"),
        ("The sign said FARMHANDS.CO.NZ in red.", "FARMHANDS.CO.NZ"),
        ("Servernya di 10.20.3.15:3000/dashboard, cuma di kantor.", "10.20.3.15:3000/dashboard"),
        ("The camera was on 192.168.10.24:8080 all night.", "192.168.10.24:8080"),
        (
            "Search was jobsboard.com.au/search?q=night%20shift#top, I saved it.",
            "jobsboard.com.au/search?q=night%20shift#top",
        ),
    ],
)
def test_host_forms_are_urls(text: str, value: str) -> None:
    assert value in _urls(text)


@pytest.mark.parametrize(
    ("text", "value", "language"),
    [
        ("They said go to example dot org slash kontak and fill it in.", "example dot org slash kontak", "en"),
        ("Webnya kopiteman titik com, ada menunya.", "kopiteman titik com", "id"),
        ("Alamatnya rumahsinggah titik or titik id ya.", "rumahsinggah titik or titik id", "id"),
        ("It's w w w dot nightnurses dot org, all one word.", "w w w dot nightnurses dot org", "en"),
        ("Ketik lapakibu titik com garis miring pesan.", "lapakibu titik com garis miring pesan", "id"),
        ("Alamatnya rumah strip singgah titik or titik id.", "rumah strip singgah titik or titik id", "id"),
    ],
)
def test_spoken_addresses_are_urls(text: str, value: str, language: str) -> None:
    assert value in _urls(text)
    assert any(d.type == "URL" and d.text == value for d in detect(text, language=language))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Rina: ini linknya https://dukungan.or.id/layanan/konseling-\nonline-gratis\nRina: sudah?",
            "https://dukungan.or.id/layanan/konseling-\nonline-gratis",
        ),
        (
            "A: the link https://www.riderrights.org/stories/\nsubmit-yours\nB: thanks",
            "https://www.riderrights.org/stories/\nsubmit-yours",
        ),
    ],
)
def test_wrapped_address_is_joined(text: str, value: str) -> None:
    assert value in _urls(text)


@pytest.mark.parametrize(
    "text",
    [
        "The link is https://help.example.org/claims.\nInterviewer: And then?",
        "Linknya www.example.id/riset-soe\n12/08/25 Peneliti: oke",
        "Kirim ke https://example.org/\nok nanti saya buka",
    ],
)
def test_a_sentence_or_next_turn_is_not_joined(text: str) -> None:
    assert not any("\n" in d.text for d in find_url_forms(text))


@pytest.mark.parametrize(
    "text",
    [
        "I sent notes.docx and budget.xlsx to the coordinator.",
        "Saya kirim laporan_akhir.pdf sama rekaman.mp4 lewat WA.",
        "The script was export.py and the notes readme.md.",
        "The app was on version 4.12.3, Windows 10.0.19045.",
        "We met at 10.30 and left at 3.15; rating 4.8.",
        "Bawa KTP, KK, dll. ke kantor, a.n. Ibu Sari, e.g. tomorrow.",
        "Kirim ke rina.handayani@contohmail.com saja.",
        "He said it was fine.now I know it wasn't.",
        "I booked it on Booking.com because it was cheaper.",
        "Back in the dot com days my dad lost money.",
        "Kita kumpul di titik kumpul dekat masjid.",
        "Nilainya delapan titik lima, lalu sembilan titik nol.",
        "Her IG is rosi.tanna.vu, she posts every day.",
        "We used Socket.io and Node.js for the app.",
        "Saya belanja di Tokopedia.com sama Shopee.co.id saja.",
    ],
)
def test_look_alikes_are_no_url(text: str) -> None:
    assert _urls(text) == set()


def test_a_long_run_of_address_starts_is_read_in_linear_time() -> None:
    """review27: the wrapped-address pattern tried every ``www.`` of a run to its end (100,000 characters: several seconds);
    it now reads each run that ends a line once. A bound for a loaded machine, not a benchmark."""
    import time

    from makna.privacy.url_forms import find_url_forms

    for text in ("www." * 25_000, "http://" * 14_000, "see " + "www." * 25_000 + "\nkontak-"):
        started = time.perf_counter()
        list(find_url_forms(text))
        assert time.perf_counter() - started < 1.0


def test_an_address_wrapped_at_a_line_end_is_still_found_whole() -> None:
    from makna.privacy.url_forms import find_url_forms

    text = "Link-nya https://forms.example.org/daftar-\nrelawan ya kak"
    assert [d.text for d in find_url_forms(text) if d.detector == "url.wrapped"] == [
        "https://forms.example.org/daftar-\nrelawan"
    ]
    assert not [d for d in find_url_forms("www.\nkontak sini") if d.detector == "url.wrapped"]
