"""One scan for bare web hosts (shapes28, issue #11): :func:`host_starts` is found once per text and both the
bare-domain pattern of :mod:`makna.privacy.web_addresses` and the host pattern of :mod:`makna.privacy.url_forms`
are tried only there. The matches must be exactly those each pattern finds scanning the text alone."""

from __future__ import annotations

import random
import re

import pytest

from makna.privacy import url_forms, web_addresses
from makna.privacy._fastrx import gated_finditer, trigger
from makna.privacy.structured import detect_structured
from makna.privacy.web_addresses import find_bare_domains, host_starts, matches_from

_OLD_BARE_GATE = trigger(sorted({"." + s.rsplit(".", 1)[-1] for s in web_addresses.PUBLIC_SUFFIXES}))
"""The gate the bare-domain pattern ran under before the shared scan (round twenty-three)."""

_PIECES = (
    "a", "Z", "7", "0", ".", ".", "-", "/", "@", "%", "_", ":", "?", "#", "=", " ", " ", "\n", "é", "(", ")",
    "com", "co", "id", "or", "web", "org", "jm", "studio", "www", "WWW", "COM", "ID", "nya", "-nya", "8080",
    "docx", "py", "v2", "e.g.", "http://", "https://", "toko", "Warung", "dot", "{", "}", "'", '"',
)  # fmt: skip


def _old_and_new(rx: re.Pattern[str], gate: object, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    old = [m.span() for m in gated_finditer(rx, gate, text)]  # type: ignore[arg-type]
    new = [m.span() for m in matches_from(rx, text, host_starts(text))]
    return old, new


@pytest.mark.parametrize("seed", range(6))
def test_the_shared_scan_finds_what_each_pattern_finds_alone(seed: int) -> None:
    rng = random.Random(2026_1207_28 + seed)
    for _ in range(400):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        old, new = _old_and_new(web_addresses._BARE, _OLD_BARE_GATE, text)
        assert old == new, text
        old, new = _old_and_new(url_forms._HOST, web_addresses.HOST_GATE, text)
        assert old == new, text


@pytest.mark.parametrize(
    "text",
    [
        "Cek warungsari.id ya, atau tokobunda.com-nya, atau PASARTANI.OR.ID/INFO kemarin.",
        "See islandworks.org.jm/apply?x=bar.com (and foo.com:8080/a?b=baz.co.uk) or 50%off.com.",
        "Versi 4.12.3, file notes.docx, e.g. ini, selesai.Id lalu, a.k.a. Budi, 3.id, v2.io, x_a.com",
        "https://example.com/?u=foo.com dan www.kopiteman.co.id/menu",
    ],
)
def test_the_shared_scan_on_written_cases(text: str) -> None:
    assert _old_and_new(web_addresses._BARE, _OLD_BARE_GATE, text)[0] == list(
        m.span() for m in matches_from(web_addresses._BARE, text, host_starts(text))
    )
    old, new = _old_and_new(url_forms._HOST, web_addresses.HOST_GATE, text)
    assert old == new


def test_both_detectors_take_the_scan_or_make_it() -> None:
    text = "Toko online kami di batikkuning.com, cabang islandworks.org.jm/apply."
    starts = host_starts(text)
    assert list(find_bare_domains(text)) == list(find_bare_domains(text, starts))
    assert list(url_forms.find_url_forms(text)) == list(url_forms.find_url_forms(text, starts))
    urls = {(d.text, d.detector) for d in detect_structured(text) if d.type == "URL"}
    assert ("batikkuning.com", "url.bare") in urls and ("islandworks.org.jm/apply", "url.suffix") in urls


def test_a_start_is_never_inside_a_host() -> None:
    text = "alamat: sub.toko-kita.co.id/a.b dan 1.500 rupiah\nharganya 2.500.000 rupiah"
    starts = host_starts(text)
    assert [text[p : p + 3] for p in starts] == ["sub", "1.5"]  # the second line holds no host's "x.ab"
