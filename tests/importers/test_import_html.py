"""HTML import: visible text only, entities, encodings, and no entity expansion or fetching."""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.errors import EncodingError, ImportFormatError
from makna.importers import read_document
from makna.importers.html import MAX_DEPTH, HTMLLimitError, html_to_text

PAGE = """<!DOCTYPE html>
<html><head><title>Judul tab</title><style>p { color: red }</style>
<script>document.write("jangan")</script><meta charset="utf-8"></head>
<body>
<h1>Wawancara&nbsp;1</h1>
<!-- komentar -->
<p>Pewawancara:   Apa   kabar &amp; <b>bagaimana</b>
   caf&eacute; &#8220;itu&#8221;?<br>Baris baru</p>
<script>var x = "<p>tidak</p>";</script>
<div>Informan: Baik<span> sekali</span>.</div>
<table><tr><th>Nama</th><th>Kota</th></tr><tr><td>Ani</td><td>Bandung</td></tr></table>
<ul><li>satu</li><li>dua</li></ul>
<pre>  kode   tetap
    menjorok</pre>ekor
<noscript>aktifkan JS</noscript>
</body></html>"""


def test_visible_text_only(tmp_path: Path) -> None:
    path = tmp_path / "w.html"
    path.write_text(PAGE, encoding="utf-8")
    result = read_document(path)
    assert result.text == (
        "Wawancara 1\n"
        "Pewawancara: Apa kabar & bagaimana café “itu”?\n"
        "Baris baru\n"
        "Informan: Baik sekali.\n"
        "Nama | Kota\n"
        "Ani | Bandung\n"
        "satu\n"
        "dua\n"
        "  kode   tetap\n"
        "    menjorok\n"
        "ekor"
    )
    assert result.media_type == "text/html"
    assert result.encoding == "utf-8"


def test_declared_and_external_entities_are_neither_expanded_nor_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-JANGAN-BACA", encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak SYSTEM "{secret.as_uri()}">', encoding="utf-8")
    page = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html SYSTEM "{dtd.as_uri()}" [\n'
        f'  <!ENTITY xxe SYSTEM "{secret.as_uri()}">\n'
        '  <!ENTITY lol "lollollollollol">\n'
        '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        f']>\n<html><body><p>a &xxe; b &lol2; c &leak;</p><img src="{secret.as_uri()}"></body></html>'
    )
    path = tmp_path / "xxe.htm"
    path.write_text(page, encoding="utf-8")
    text = read_document(path).text
    assert "RAHASIA" not in text and "lollol" not in text
    assert text == "a &xxe; b &lol2; c &leak;"


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "lama.html"
    path.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                     "</head><body><p>Caf\u00e9 \u201cbaru\u201d</p></body></html>".encode("cp1252"))
    result = read_document(path)
    assert result.text == "Café “baru”"
    assert result.encoding == "cp1252"
    assert result.notes == ["decoded as cp1252"]


def test_bom_wins_over_meta(tmp_path: Path) -> None:
    path = tmp_path / "u16.html"
    path.write_bytes(b"\xff\xfe" + '<meta charset="latin-1"><p>Ibu Sri \u0101</p>'.encode("utf-16-le"))
    assert read_document(path).text == "Ibu Sri \u0101"


def test_wrong_meta_charset_is_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "salah.html"
    path.write_bytes(b'<meta charset="utf-8"><p>caf\xe9</p>')
    with pytest.raises(EncodingError, match=r"salah\.html: declares charset 'utf-8' but is not valid utf-8"):
        read_document(path)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("", ""),
        ("   \n ", ""),
        ("teks saja", "teks saja"),
        ("<p>a</p><p></p><p>b</p>", "a\nb"),
        ("<p>satu<br/>dua<br><br>tiga</p>", "satu\ndua\ntiga"),
        ("<div>x<div>y</div>z</div>", "x\ny\nz"),
        ("<p>kiri</p>kanan", "kiri\nkanan"),
        ("<p>e\u0301</p>", "e\u0301"),
    ],
)
def test_fragments(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


def test_deep_nesting_keeps_all_the_text(tmp_path: Path) -> None:
    """#12: past 256 levels lxml's default parser stopped and the text after the deep part was lost."""
    depth = 1000
    markup = "<p>sebelum</p>" + "<div>" * depth + "dalam" + "</div>" * depth + "<p>sesudah</p>"
    path = tmp_path / "dalam.html"
    path.write_text(markup, encoding="utf-8")
    assert read_document(path).text == "sebelum\ndalam\nsesudah"


def test_nesting_beyond_the_parser_limit_is_refused(tmp_path: Path) -> None:
    """Deeper than the parser can go: an error saying why, never the part before the deep one."""
    markup = "<p>sebelum</p>" + "<div>" * (MAX_DEPTH + 100) + "dalam" + "</div>" * (MAX_DEPTH + 100) + "<p>sesudah</p>"
    path = tmp_path / "terlalu.html"
    path.write_text(markup, encoding="utf-8")
    with pytest.raises(ImportFormatError, match=rf"terlalu\.html: cannot be read whole, so not imported \(the parser "
                                                rf"stopped at line 1: elements nested more than {MAX_DEPTH} deep\)"):
        read_document(path)
    with pytest.raises(HTMLLimitError):
        html_to_text(markup)


def test_a_saved_pages_navigation_bar_is_no_part_of_the_transcript() -> None:
    """newuser20: a transcript page saved from a service kept its menu ("TranscribeNow | Account") as the first
    line, and the detectors then flagged the service's name as an organisation."""
    page = (
        "<html><body><nav><a href='/'>TranscribeNow</a> | <a href='/account'>Account</a></nav>"
        "<main><p>Moderator 00:00:03</p><p>Welcome, everyone.</p></main></body></html>"
    )
    assert html_to_text(page) == "Moderator 00:00:03\nWelcome, everyone."
