"""Make the Taguette test fixtures with the real Taguette package (issue #16).

Taguette pins SQLAlchemy < 1.5 while makna needs 2.x, so Taguette cannot be a test dependency in
makna's environment. This script runs in a separate virtual environment and writes the fixtures next
to it, which are committed::

    python -m venv /tmp/tagvenv && /tmp/tagvenv/bin/pip install taguette==1.5.2
    /tmp/tagvenv/bin/python tests/exchange/taguette_fixtures/make_fixtures.py

Taguette's own code makes everything: ``database.connect`` creates the database (its schema, Alembic
stamp and application id), ``convert.get_html_body`` / ``convert.to_html`` turn an HTML page and a
WebVTT file (ASCII: Taguette guesses a subtitle file's encoding with chardet, which
misreads a short UTF-8 one) into document contents as uploading does, ``extract.extract`` makes each highlight's
snippet as Taguette's API does, ``Command.highlight_add`` records who highlighted what, and
``export.highlights_csv`` / ``highlights_xslx`` write the highlights exports. Offsets are computed as
Taguette's JavaScript does: UTF-8 bytes of the document's text nodes before the selection.

``expected.json`` lists, for every highlight, the text it covers (the document's text between its
offsets, as Taguette's html5lib parse gives it) and its tags; the tests check makna lands on it.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import sys
from pathlib import Path

import bs4
from bs4 import Comment, NavigableString
from taguette import convert, database, export, extract

HERE = Path(__file__).resolve().parent

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Wawancara 1</title><style>p { color: red }</style></head>
<body>
<h1>Wawancara dengan Informan A</h1>
<p>P: Sejak kapan Kakak pakai MiChat?</p>
<p>I: Sejak 2021, Kak. Awalnya dari teman di <strong>Padang</strong> 😀.</p>
<p>P: Bagaimana rasanya?</p>
<p>I: Kadang senang 👍🏽, kadang takut. Kami ngobrol di <em>café</em> — Cafe\u0301 Nusantara &amp; warung.</p>
<ul>
<li>uang sekolah anak</li>
<li>biaya kos</li>
</ul>
<p>P: Terima kasih.<br>I: Sama-sama.</p>
</body></html>
"""

# no whitespace between block elements (as converters often write): the importer inserts line breaks
HTML_TIGHT = ("<p>Catatan lapangan: hari pertama.</p><p>Informan B datang terlambat 🙏, lalu bercerita "
              "tentang ibunya.</p><p>Hari kedua: ʻōlelo, Ελληνικά, 中文 — semua baik.</p>")

VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Pewawancara>Apa kabar hari ini?

00:00:05.000 --> 00:00:09.000
<v Informan>Baik, Kak. Saya baru pulang kerja.
"""


def text_of(html: str) -> str:
    """The text Taguette counts offsets in: every text node of the html5lib parse, in order."""
    soup = bs4.BeautifulSoup(html, "html5lib")
    return "".join(str(s) for s in soup.descendants if isinstance(s, NavigableString) and not isinstance(s, Comment))


def offsets(contents: str, quote: str, nth: int = 0) -> tuple[int, int, str]:
    """(start, end) in UTF-8 bytes of the ``nth`` occurrence of ``quote`` in the document's text."""
    text = text_of(contents)
    at = -1
    for _ in range(nth + 1):
        at = text.index(quote, at + 1)
    start = len(text[:at].encode("utf-8"))
    return start, start + len(quote.encode("utf-8")), quote


def main() -> None:
    db_path = HERE / "study.sqlite3"
    for p in (db_path, HERE / "highlights.csv", HERE / "highlights.xlsx"):
        if p.exists():
            p.unlink()
    Session = database.connect("sqlite:///" + str(db_path))
    db = Session()
    when = datetime.datetime(2024, 5, 6, 7, 8, 9)

    users = {login: database.User(login=login, created=when) for login in ("admin", "sari", "budi")}
    db.add_all(users.values())
    project = database.Project(name="Studi MiChat Padang", description="Proyek uji: wawancara fiktif 🙂.",
                               created=when)
    db.add(project)
    db.flush()
    for login, priv in (("admin", database.Privileges.ADMIN), ("sari", database.Privileges.TAG),
                        ("budi", database.Privileges.TAG)):
        db.add(database.ProjectMember(project=project, user_login=login, privileges=priv))
    other = database.Project(name="Proyek lain", description="", created=when)
    db.add(other)
    db.flush()
    db.add(database.ProjectMember(project=other, user_login="admin", privileges=database.Privileges.ADMIN))

    tags = {}
    for path, description in (("interesting", "Further review required"),
                              ("pengalaman", "Pengalaman informan"),
                              ("pengalaman.negatif", "Pengalaman buruk"),
                              ("pengalaman.positif 😀", ""),
                              ("alasan.ekonomi", "Alasan ekonomi (tanpa induk sendiri)")):
        tag = database.Tag(project=project, path=path, description=description)
        db.add(tag)
        db.flush()
        db.add(database.Command.tag_add("admin", tag))
        tags[path] = tag
    db.add(database.Tag(project=other, path="lain", description=""))

    contents = {
        "Wawancara A": convert.get_html_body(HTML_PAGE),
        "Catatan lapangan": convert.get_html_body(HTML_TIGHT),
        "Rekaman 1": asyncio.run(convert.to_html(VTT.encode("utf-8"), "text/vtt", "rekaman.vtt", None)),
    }
    docs = {}
    for name, html in contents.items():
        doc = database.Document(name=name, description=f"Deskripsi {name}", filename=name.lower() + ".html",
                                project=project, contents=html, text_direction=database.TextDirection.LEFT_TO_RIGHT,
                                created=when)
        db.add(doc)
        db.flush()
        db.add(database.Command.document_add("admin", doc))
        docs[name] = doc
    doc = database.Document(name="Lain", description="", filename="lain.html", project=other,
                            contents="<p>Bukan proyek ini.</p>", text_direction=database.TextDirection.LEFT_TO_RIGHT)
    db.add(doc)

    wanted = [  # (document, quote, occurrence, tags, user)
        ("Wawancara A", "Sejak 2021, Kak. Awalnya dari teman di Padang 😀.", 0, ["pengalaman.positif 😀"], "sari"),
        ("Wawancara A", "Padang", 0, ["interesting"], "budi"),  # overlapping the first, by another coder
        ("Wawancara A", "Kadang senang 👍🏽, kadang takut.", 0, ["pengalaman.positif 😀", "pengalaman.negatif"], "sari"),
        ("Wawancara A", "café — Cafe\u0301 Nusantara & warung", 0, ["interesting"], "budi"),
        ("Wawancara A", "uang sekolah anak", 0, ["alasan.ekonomi"], "sari"),
        ("Wawancara A", "Terima kasih.I: Sama", 0, ["pengalaman"], "admin"),  # across a <br>
        ("Wawancara A", "Bagaimana", 0, [], "sari"),  # a highlight without tags
        ("Catatan lapangan", "hari pertama.Informan B datang terlambat 🙏", 0, ["interesting"], "budi"),
        ("Catatan lapangan", "ʻōlelo, Ελληνικά, 中文", 0, ["pengalaman"], "sari"),
        ("Rekaman 1", "Saya baru pulang kerja", 0, ["pengalaman.negatif"], "budi"),
    ]
    expected = []
    for name, quote, nth, tag_paths, user in wanted:
        document = docs[name]
        start, end, covered = offsets(document.contents, quote, nth)
        snippet = extract.extract(document.contents, start, end)
        assert text_of(snippet) == covered, (text_of(snippet), covered)
        hl = database.Highlight(document=document, start_offset=start, end_offset=end, snippet=snippet)
        db.add(hl)
        db.flush()
        for path in tag_paths:
            db.execute(database.highlight_tags.insert(), [dict(highlight_id=hl.id, tag_id=tags[path].id)])
        db.add(database.Command.highlight_add(user, document, hl, [tags[p].id for p in tag_paths]))
        expected.append({"id": hl.id, "document": name, "text": covered, "tags": tag_paths, "user": user,
                         "start_offset": start, "end_offset": end})
    db.commit()

    with open(HERE / "highlights.csv", "w", newline="", encoding="utf-8") as fh:
        export.highlights_csv(db, project.id, "", fh)
    export.highlights_xslx(db, project.id, "", str(HERE / "highlights.xlsx"))
    texts = {name: text_of(d.contents) for name, d in docs.items()}
    (HERE / "expected.json").write_text(json.dumps(
        {"taguette": os.environ.get("TAGUETTE_VERSION") or __import__("taguette").__version__,
         "project": project.name, "highlights": expected, "texts": texts}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    db.close()
    print(f"wrote {db_path} ({db_path.stat().st_size} bytes) and the exports", file=sys.stderr)


if __name__ == "__main__":
    main()
