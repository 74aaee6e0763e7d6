"""The source page counts a transcript's speaker turns as turns (review): a new user's trial read
"13 blok" for a chat of 12 messages, the heading line above them counted as a block like each message."""

from __future__ import annotations

from pages_helpers import logged_in
from web_helpers import TOKEN, Client, login

import makna
from makna.web import close_app, create_app

CHAT = "Obrolan dengan Dewi, Maret 2025\n\n" + "".join(
    f"{'Dewi' if i % 2 else 'Peneliti'}: pesan nomor {i}\n" for i in range(1, 13))


def test_turns_are_counted_as_turns(project_location: str) -> None:
    with makna.create_project(project_location, "Uji", coder="tester") as p:
        chat = makna.import_text(p, "chat.txt", CHAT, language="id")
        plain = makna.import_text(p, "catatan.txt", "Satu paragraf.\n\nDua paragraf.\n", language="id")
        assert len(makna.get_turns(p, chat.id)) == 12 and makna.get_turns(p, plain.id) == []
    with logged_in(project_location) as (_app, c, _csrf):
        html = c.get(f"/sources/{chat.id}").text
        assert "12 speaker turns" in html and "1 paragraphs outside the turns" in html and "blocks" not in html
        assert "2 blocks" in c.get(f"/sources/{plain.id}").text
    app = create_app(project_location, token=TOKEN, lang="id", coder="tester")
    c = Client(app)
    try:
        login(c)
        assert "12 giliran bicara · bahasa id · 1 paragraf di luar giliran bicara" in c.get(f"/sources/{chat.id}").text
    finally:
        c.close()
        close_app(app)
