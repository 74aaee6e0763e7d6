"""The messages of the new pages' scripts are translated (the templates' messages are checked by
test_i18n through messages_in_use), and the new pages render in Indonesian."""

from __future__ import annotations

from web_helpers import TOKEN, Client

from makna.web import close_app, create_app, routes_agreement, routes_analysis, routes_deid, routes_search
from makna.web.i18n import LOCALE_DIR, parse_po


def test_script_messages_have_indonesian_translations() -> None:
    catalogue = parse_po((LOCALE_DIR / "id" / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8"))
    english = parse_po((LOCALE_DIR / "en" / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8"))
    for module in (routes_search, routes_analysis, routes_deid, routes_agreement):
        for m in module.JS_MESSAGES:
            assert catalogue.get(m) and english.get(m), (module.__name__, m)


def test_new_pages_in_indonesian(sample_location: str) -> None:
    app = create_app(sample_location, token=TOKEN, coder="tester")
    c = Client(app)
    try:
        c.get(f"/?token={TOKEN}")
        h = {"Accept-Language": "id-ID,id;q=0.9"}
        expected = {"/search": "Kata atau frasa", "/analysis": "Frekuensi kode", "/deid": "Pindai sumber",
                    "/agreement": "Kesepakatan antarpengode", "/export": "Proyek REFI-QDA (.qdpx)"}
        for path, phrase in expected.items():
            html = c.get(path, headers=h).text
            assert phrase in html and 'lang="id"' in html, path
    finally:
        c.close()
        close_app(app)
