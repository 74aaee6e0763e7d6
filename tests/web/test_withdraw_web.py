"""The Cases page's "Withdraw a participant": a manager removes every turn of one focus-group participant for good,
with the same checks as ``makna sources withdraw`` (#11, trial14 problem 2). Fictional text."""

from __future__ import annotations

from pages_helpers import logged_in

import makna

FOCUS = (
    "Diskusi kelompok, pasar pagi\n"
    "Sari: Saya mulai jualan kue lapis legit di Gang Kenari Tujuh.\n"
    "Budi: Saya jualan es dawet keliling.\n"
    "Sari: Pelanggan saya ibu arisan Melati Putih.\n"
    "Dewi: Saya titip dagangan di warung tetangga.\n"
)


def _build(location: str) -> None:
    with makna.create_project(location, "Uji penarikan", coder="tester") as p:
        makna.import_text(p, "fg1.txt", FOCUS, language="id")
        makna.add_code(p, "jual")
        makna.code_turn(p, "fg1.txt", 1, "jual")
        makna.code_turn(p, "fg1.txt", 2, "jual")
        makna.add_case(p, "P-Sari")
        makna.link_speaker(p, "P-Sari", "fg1.txt", "Sari")


def test_the_cases_page_offers_the_withdrawal_in_both_languages(project_location: str) -> None:
    _build(project_location)
    with logged_in(project_location, lang="id") as (_app, c, _csrf):
        html = c.get("/cases").text
    assert "Tarik seorang partisipan" in html and '<option value="Sari">Sari</option>' in html
    with logged_in(project_location, lang="en") as (_app, c, _csrf):
        assert "Withdraw a participant" in c.get("/cases").text


def test_a_manager_withdraws_her_after_typing_her_label_again(project_location: str) -> None:
    _build(project_location)
    with logged_in(project_location, lang="id") as (_app, c, csrf):
        h = {"x-makna-csrf": csrf}
        r = c.post("/api/participants/withdraw", json={"speaker": "Sari", "confirm": "Sar"}, headers=h)
        assert r.status_code == 400 and "ketik label pembicara" in r.text
        r = c.post("/api/participants/withdraw", json={"speaker": "Rina", "confirm": "rina"}, headers=h)
        assert r.status_code in (400, 404) and "tidak ada giliran bicara" in r.text
        r = c.post("/api/participants/withdraw", json={"speaker": "Sari", "confirm": "sari"}, headers=h)
        assert r.status_code == 200, r.text
        got = r.json()
        assert (got["turns"], got["codings_deleted"], got["cases"], got["recordings"]) == (2, 1, ["P-Sari"], [])
    with makna.open_project(project_location, coder="tester") as p:
        text = makna.get_source(p, "fg1.txt").text
        assert "Melati" not in text and "Budi: Saya jualan es dawet keliling." in text
        assert [s.text for s in makna.retrieve(p)] == ["Budi: Saya jualan es dawet keliling."]
