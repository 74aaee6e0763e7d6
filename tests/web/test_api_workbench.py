"""The workbench's API and pages for #13, through httpx's ASGI transport on both backends: the coding
reply the page draws from, quick codes, changing a coding, and the server side of the defects (retrieval
without sub-codes, forms that keep their input, charts by coder, search context, translated activity,
errors and agreement labels)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from web_helpers import SOURCE, TEXT, TOKEN, Client

import makna
from makna.web import close_app, create_app
from makna.web.errors_i18n import translate_error, unit_label
from makna.web.events_text import EVENT_NAMES


@pytest.fixture
def h(csrf: str) -> dict[str, str]:
    return {"X-Makna-CSRF": csrf}


def _sid(client: Client) -> str:
    return str(client.get("/api/sources").json()[0]["id"])


def test_coding_reply_has_what_the_page_draws(client: Client, h: dict[str, str], app: Any) -> None:
    start = TEXT.index("toko baju")
    r = client.post("/api/segments", json={"source": _sid(client), "start": start, "end": start + 9, "code": "kerja"},
                    headers=h)
    assert r.status_code == 201, r.text
    got = r.json()
    code = makna.get_code(app.state.project, "kerja")
    assert {k: got[k] for k in ("start", "end", "code", "code_id", "code_key", "code_name", "color", "coder", "memo")} \
        == {"start": start, "end": start + 9, "code": "kerja", "code_id": code.id, "code_key": "kerja",
            "code_name": "Pekerjaan", "color": code.color, "coder": "tester", "memo": ""}


def test_quick_codes_api(client: Client, h: dict[str, str], app: Any, sample_location: str) -> None:
    first = client.get("/api/quick-codes").json()
    ids = [n.code.id for n in makna.code_tree(app.state.project)]
    assert first == {"coder": "tester", "codes": ids + [None] * 5, "chosen": False}
    r = client.put("/api/quick-codes", json={"codes": [None, "tempat", "kerja"]}, headers=h)
    assert r.status_code == 200, r.text
    chosen = client.get("/api/quick-codes").json()
    tempat, kerja = makna.get_code(app.state.project, "tempat").id, makna.get_code(app.state.project, "kerja").id
    assert chosen["chosen"] and chosen["codes"] == [None, tempat, kerja] + [None] * 6
    # bad input: one clear error, nothing changed
    for body, status in (({"codes": ["tempat", "tempat"]}, 400), ({"codes": ["nope"]}, 404),
                         ({"codes": ["tempat"] * 10}, 422)):
        bad = client.put("/api/quick-codes", json=body, headers=h)
        assert bad.status_code == status and bad.json()["error"], bad.text
    assert client.get("/api/quick-codes").json() == chosen
    # usage and new codes do not move them; the page shows them on their keys
    makna.add_code(app.state.project, "baru", "Baru", root=True)
    html = client.get(f"/sources/{_sid(client)}").text
    assert re.search(r'data-code="' + tempat + r'"[^>]*><kbd>2</kbd>', html)
    # another coder has their own keys
    other = create_app(sample_location, token=TOKEN, coder="kedua", lang="en")
    try:
        assert makna.quick_codes(other.state.project).chosen is False
    finally:
        close_app(other)
    # deleting a code empties its key
    makna.delete_code(app.state.project, "kerja", force=True)
    assert client.get("/api/quick-codes").json()["codes"][2] is None


def test_change_a_coding(client: Client, h: dict[str, str], app: Any) -> None:
    sid = _sid(client)
    start = TEXT.index("toko baju")
    seg = client.post("/api/segments", json={"source": sid, "start": start, "end": start + 4, "code": "kerja"},
                      headers=h).json()
    r = client.post(f"/api/segments/{seg['id']}/change", json={"end": start + 9}, headers=h)
    assert r.status_code == 200, r.text
    assert (r.json()["start"], r.json()["end"], r.json()["code_key"]) == (start, start + 9, "kerja")
    r = client.post(f"/api/segments/{seg['id']}/change", json={"code": "tempat"}, headers=h)
    assert r.json()["code_name"] == "Tempat" and r.json()["color"].startswith("#")
    assert "toko baju" in [s.text for s in makna.retrieve(app.state.project, code="tempat", coder="tester")]
    assert client.post(f"/api/segments/{seg['id']}/change", json={"end": 10**6}, headers=h).status_code == 400
    other = next(s for s in makna.retrieve(app.state.project, coder="kedua"))
    assert client.post(f"/api/segments/{other.id}/change", json={"end": other.end + 1}, headers=h).status_code == 403
    dup = client.post("/api/segments", json={"source": sid, "start": start, "end": start + 4, "code": "tempat"},
                      headers=h).json()
    r = client.post(f"/api/segments/{dup['id']}/change", json={"end": start + 9}, headers=h)
    assert r.status_code == 409 and "duplicates an existing one" in r.json()["error"]
    assert makna.get_segment(app.state.project, dup["id"]).end == start + 4  # unchanged
    assert "segment.update" in [e.action for e in makna.events(app.state.project, limit=5)]


def test_retrieval_descendants_off_and_errors_keep_the_form(client: Client) -> None:
    both = client.get("/retrieve", params=[("code", "emosi"), ("descendants", "false"), ("descendants", "true")]).text
    assert both.count('class="result"') == 2
    own = client.get("/retrieve", params=[("code", "emosi"), ("descendants", "false")]).text
    assert own.count('class="result"') == 1
    assert 'name="descendants" value="false"' in own
    r = client.get("/retrieve", params={"code": "tempat", "attribute": "umur"})
    assert r.status_code == 200 and 'id="retrieve-error"' in r.text
    assert '<option value="umur" selected>' in r.text and '<option value="tempat" selected>' in r.text
    page = client.get(f"/sources/{_sid(client)}", params={"compare": "kedua"})
    assert page.status_code == 200 and 'id="filter-error"' in page.text
    assert '<option value="kedua" selected>' in page.text


def test_charts_by_coder_and_search_context_in_the_turn(client: Client) -> None:
    kedua = client.get("/analysis/charts/frequency.svg", params={"measure": "segments", "coder": "kedua"}).text
    assert "Emosi" in kedua and "Tempat" not in kedua
    assert "coder=" in client.get("/analysis", params={"view": "charts", "coder": "kedua"}).text
    html = client.get("/search", params={"q": "Sama"}).text
    row = html.split('<td class="left">', 1)[1].split("</td>", 1)[0]
    assert "cerita" not in row


def test_every_event_kind_has_a_label() -> None:
    src = Path(makna.__file__).parent
    kinds: set[str] = set()
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        kinds |= set(re.findall(r"store\.write(?:_each)?\([^,]+,\s*\"([a-z_.]+)\"", text))
        kinds |= set(re.findall(r"action=\"([a-z_.]+)\"", text))
        kinds |= set(re.findall(r"_convert\([^)]*\"([a-z_.]+)\"", text))
    kinds |= {"undo", "redo"}
    assert kinds - set(EVENT_NAMES) == set()


def test_activity_is_translated_without_ids(sample_location: str) -> None:
    with makna.open_project(sample_location, coder="tester") as p:
        makna.move_code(p, makna.get_code(p, "kerja").id, makna.get_code(p, "tempat").id)
        makna.undo(p)
        with p.store.write("tester", "something.new", {"key": "b378f97b-0000-4000-8000-000000000000"}):
            pass
    app = create_app(sample_location, token=TOKEN, coder="tester", lang="id")
    c = Client(app)
    try:
        c.get(f"/?token={TOKEN}")
        html = c.get("/").text
        events = html.split('<ol class="events">', 1)[1].split("</ol>", 1)[0]
        assert "memindahkan kode" in events and "membatalkan perubahan" in events and "Pekerjaan" in events
        assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", events)
        assert " undo" not in events and "code.move" not in events and "something.new" not in events
        assert "membuat perubahan" in events
        r = c.get("/api/retrieve", params={"code": "tidak-ada"})
        assert r.status_code == 404 and r.json()["error"] == "kode tidak dikenal 'tidak-ada'"
    finally:
        c.close()
        close_app(app)


def test_error_and_unit_translations() -> None:
    assert translate_error("unknown coder 'x'", "id") == "pengode tidak dikenal 'x'"
    assert translate_error("unknown coder 'x'", "en") == "unknown coder 'x'"
    assert translate_error("something the patterns do not know", "id") == "something the patterns do not know"
    assert unit_label("turn 6 (I)", "id") == "giliran 6 (I)"
    assert unit_label("sentence 3", "id") == "kalimat 3"
    assert unit_label("document", "id") == "dokumen"
    assert unit_label("turn 6 (I)", "en") == "turn 6 (I)"


def test_agreement_coefficients_are_named_in_the_language(sample_location: str) -> None:
    with makna.open_project(sample_location, coder="kedua") as p:
        start = TEXT.index("saya senang sekali")
        makna.code_span(p, SOURCE, start, start + 5, "emosi.senang")
    app = create_app(sample_location, token=TOKEN, coder="tester", lang="id")
    c = Client(app)
    try:
        c.get(f"/?token={TOKEN}")
        html = c.get("/agreement", params=[("run", "true"), ("unit", "turn"), ("coders", "tester"),
                                           ("coders", "kedua")]).text
        head = html.split('<table class="grid-table" id="coefficients">', 1)[1].split("</thead>", 1)[0]
        assert "alfa Krippendorff" in head and ">krippendorff_alpha<" not in head
        assert re.search(r"giliran \d+ \(I\)", html)
    finally:
        c.close()
        close_app(app)
