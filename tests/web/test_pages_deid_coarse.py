"""The de-identification page's choice for provinces, countries and large islands (round deidsurr6): the
select, in English and Indonesian, and the web API's ``coarse_places`` field, checked by the core."""

from __future__ import annotations

import pytest
from pages_helpers import build_private, logged_in
from test_pages_deid import PASS, _scan
from web_helpers import TOKEN, Client

from makna.privacy.keyfile import read_key
from makna.web import close_app, create_app


def test_apply_with_coarse_places(project_location: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    build_private(project_location)
    key = tmp_path_factory.mktemp("keys") / "study.key"
    with logged_in(project_location) as (_app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        _scan(c, csrf)
        html = c.get("/deid").text
        assert 'name="coarse_places"' in html and "Provinces, countries and large islands" in html
        c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h)
        body = {"key_path": str(key), "passphrase": PASS, "passphrase_repeat": PASS, "mode": "surrogate"}
        bad = c.post("/api/deid/apply", json={**body, "coarse_places": "sometimes"}, headers=h)
        assert bad.status_code == 400 and "coarse places" in bad.json()["error"] and not key.exists()
        r = c.post("/api/deid/apply", json={**body, "coarse_places": "replace"}, headers=h)
        assert r.status_code == 200, r.text
        assert r.json()["coarse_places"] == "replace"
        mapping, _records = read_key(key, PASS)
        assert mapping.coarse == "replace"


def test_the_choice_in_indonesian(sample_location: str) -> None:
    app = create_app(sample_location, token=TOKEN, coder="tester")
    c = Client(app)
    try:
        c.get(f"/?token={TOKEN}")
        html = c.get("/deid", headers={"Accept-Language": "id-ID,id;q=0.9"}).text
        assert "Provinsi, negara, dan pulau besar" in html and "ganti juga (kota-kotanya mengikuti)" in html
    finally:
        c.close()
        close_app(app)
