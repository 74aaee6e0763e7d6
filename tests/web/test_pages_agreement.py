"""The agreement page: coefficients per code and pooled on the chosen units, the disagreement
listing with links to the source, and the bulk resolution under the consensus coder."""

from __future__ import annotations

import re
from typing import Any

from pages_helpers import XSS, dangerous, logged_in
from web_helpers import SOURCE, TEXT, Client

import makna


def test_form_then_results(client: Client) -> None:
    html = client.get("/agreement").text
    assert "Choose the units" in html and 'name="unit"' in html and dangerous(html) == []
    assert re.search(r'name="coders" value="kedua" checked', html) and re.search(r'value="tester" checked', html)
    html = client.get("/agreement", params={"run": "true", "unit": "sentence"}).text
    assert 'id="coefficients"' in html and "All codes (pooled)" in html and "krippendorff_alpha" in html
    assert "cohen_kappa" in html and 'id="disagreements"' in html and dangerous(html) == []
    sid = client.get("/api/sources").json()[0]["id"]
    jumps = re.findall(r'<a class="jump" href="([^"]+)"', html)
    assert jumps and all(j.startswith(f"/sources/{sid}#seg=") for j in jumps)
    start, end = map(int, jumps[0].split("=")[1].split("-"))
    assert 0 <= start < end <= len(TEXT)


def test_a_code_only_one_coder_used_says_so(client: Client) -> None:
    """A kappa of 0 for a code one coder never used read as a disagreement on where (newuser19's finding): the
    row now says who alone applied it; a code both used and the pooled row say nothing of the kind."""
    html = client.get("/agreement", params={"run": "true", "unit": "sentence"}).text
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<th scope="row">(\w+)[ <].*?</th>', html)}  # by name
    assert "Only tester applied this code" in rows["Tempat"] and "Only kedua applied this code" in rows["Emosi"]
    assert '<span class="muted small">tempat</span>' not in html  # a key that repeats the name is not shown
    assert "applied this code" not in html.split("All codes (pooled)")[1].split("</tr>")[0]


def test_errors_are_shown_on_the_page(client: Client) -> None:
    one = client.get("/agreement", params={"run": "true", "coders": ["tester"]})
    assert one.status_code == 200 and 'id="agreement-error"' in one.text
    bad = client.get("/agreement", params={"run": "true", "threshold": "x"}).text
    assert 'id="agreement-error"' in bad and "not a number" in bad
    assert client.get("/api/agreement", params={"coders": ["tester"]}).status_code == 400


def test_api_agreement_and_disagreements(client: Client) -> None:
    r = client.get("/api/agreement", params={"unit": "characters", "coders": ["tester", "kedua"]}).json()
    assert r["coders"] == ["tester", "kedua"] and r["unit"] == "characters"
    codes = [row["code"] for row in r["rows"]]
    assert "(pooled)" in codes and "tempat" in codes
    alpha = next(x for x in r["rows"] if x["code"] == "tempat" and x["coefficient"] == "percent_agreement")
    assert 0.0 <= alpha["value"] < 1.0
    dis = client.get("/api/agreement/disagreements", params={"unit": "sentence"}).json()
    assert dis["unit"] == "sentence" and dis["rows"]
    row = dis["rows"][0]
    assert row["source"] == SOURCE and TEXT[row["start"]:row["end"]] == row["text"]
    assert set(row["codes"]) == {"tester", "kedua"}


def test_resolve_in_bulk(client: Client, csrf: str, app: Any) -> None:
    body = {"unit": "characters", "rule": "union"}
    assert client.post("/api/agreement/resolve", json=body).status_code == 403
    dry = client.post("/api/agreement/resolve", json={**body, "dry_run": True}, headers={"X-Makna-CSRF": csrf})
    assert dry.status_code == 200 and dry.json()["created"] == 0 and dry.json()["segments"] > 0
    names = [c.name for c in app.state.project.coders()]
    assert "consensus" not in names or makna.retrieve(app.state.project, coder="consensus") == []
    r = client.post("/api/agreement/resolve", json=body, headers={"X-Makna-CSRF": csrf}).json()
    assert r["created"] == dry.json()["segments"] and r["consensus"] == "consensus"
    texts = {(s.code_key, s.text) for s in makna.retrieve(app.state.project, coder="consensus")}
    assert ("tempat", "warung kopi dekat pasar") in texts and ("emosi", "warung kopi") in texts
    doc = client.post("/api/agreement/resolve", json={"unit": "document"}, headers={"X-Makna-CSRF": csrf})
    assert doc.status_code == 400 and "document" in doc.json()["error"]
    coder_rule = client.post("/api/agreement/resolve", json={"unit": "sentence", "rule": "coder"},
                             headers={"X-Makna-CSRF": csrf})
    assert coder_rule.status_code == 400


def test_disagreement_text_is_escaped(project_location: str) -> None:
    text = f"I: {XSS[0]} dan {XSS[1]} selesai.\n"
    with makna.create_project(project_location, "XSS", coder="a") as p:
        makna.import_text(p, "x.txt", text, language="id")
        makna.add_code(p, "k", XSS[2])
        makna.code_span(p, "x.txt", 3, 20, "k", coder="a")
        makna.code_span(p, "x.txt", 3, 10, "k", coder="b")
    with logged_in(project_location) as (_app, c, _csrf):
        html = c.get("/agreement", params={"run": "true", "unit": "characters"}).text
        assert 'id="disagreements"' in html and dangerous(html) == []
        for payload in XSS[:3]:
            assert payload not in html


def test_codes_and_coders_lists_parse_alike(client: Client) -> None:
    """fixteam9: ``codes=a,b`` was read as one code name while ``coders=a,b`` was two (#11)."""
    joined = client.get("/api/agreement", params={"unit": "characters", "coders": "tester,kedua",
                                                  "codes": "tempat,emosi"})
    repeated = client.get("/api/agreement", params={"unit": "characters", "coders": ["tester", "kedua"],
                                                    "codes": ["tempat", "emosi"]})
    assert joined.status_code == repeated.status_code == 200, joined.text
    assert joined.json() == repeated.json()
    assert {row["code"] for row in joined.json()["rows"]} >= {"tempat", "emosi"}
    dis = client.get("/api/agreement/disagreements", params={"unit": "sentence", "codes": "tempat, emosi"}).json()
    assert dis == client.get("/api/agreement/disagreements",
                             params={"unit": "sentence", "codes": ["tempat", "emosi"]}).json()
    page = client.get("/agreement", params={"codes": "tempat,emosi"}).text
    assert re.search(r'value="tempat"[^>]*checked', page) or 'value="tempat" selected' in page
