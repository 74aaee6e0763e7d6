"""The analysis page: code frequencies, code x case / attribute matrices with percentages,
co-occurrence with the c-coefficient, charts served as SVG images, and the report written next to
the project and offered for download."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pages_helpers import XSS, dangerous, logged_in
from web_helpers import Client

import makna
from makna.web.routes_analysis import report_folder


def _cells(html: str, table_id: str) -> list[list[str]]:
    body = html[html.index(f'id="{table_id}"'):]
    body = body[:body.index("</table>")]
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_frequencies(client: Client) -> None:
    html = client.get("/analysis").text
    assert 'aria-current="true">Code frequencies' in html and dangerous(html) == []
    rows = {r[0].split()[0]: r[1:] for r in _cells(html, "frequencies")[1:]}
    assert rows["Emosi"] == ["2", "1", "1"]  # with its sub-code Senang
    assert rows["Senang"] == ["1", "1", "1"] and rows["Pekerjaan"] == ["0", "0", "0"]
    apart = {r[0].split()[0]: r[1:] for r in _cells(client.get("/analysis?descendants=false").text,
                                                    "frequencies")[1:]}
    assert apart["Emosi"] == ["1", "1", "1"]
    kedua = client.get("/api/analysis/frequencies", params={"coder": "kedua"}).json()
    assert {f["key"]: f["segments"] for f in kedua} == {"emosi": 1, "emosi.senang": 0, "tempat": 0, "kerja": 0}


def test_code_by_case_and_attribute(client: Client) -> None:
    html = client.get("/analysis", params={"view": "matrix"}).text
    table = _cells(html, "matrix")
    assert table[0] == ["Code", "Ani", "Total"]
    assert ["Tempat", "1", "1"] in table and ["Emosi", "2", "2"] in table  # a parent counts its subtree
    assert ["Total", "3", ""] in table  # of the top codes: Senang's segment is not counted twice
    pct = _cells(client.get("/analysis", params={"view": "matrix", "percent": "row"}).text, "matrix")
    assert ["Tempat", "100.0%", "1"] in pct
    by_city = client.get("/api/analysis/matrix", params={"by": "kota", "measure": "cases", "percent": "column"}).json()
    assert by_city["columns"] == ["Padang"] and by_city["column_bases"] == [1]
    assert {r["code"]: r["Padang"] for r in by_city["records"]}["tempat"] == 100.0
    presence = client.get("/api/analysis/matrix", params={"measure": "presence"}).json()
    assert {r["code"]: r["Ani"] for r in presence["records"]} == {"emosi": 1, "emosi.senang": 1, "tempat": 1,
                                                                  "kerja": 0}
    bad = client.get("/analysis", params={"view": "matrix", "by": "no-such-attribute"})
    assert bad.status_code == 200 and 'id="analysis-error"' in bad.text
    assert client.get("/api/analysis/matrix", params={"by": "no-such-attribute"}).status_code == 404


def test_cooccurrence(client: Client) -> None:
    html = client.get("/analysis", params={"view": "cooccurrence"}).text
    rows = _cells(html, "cooccurrence")
    assert rows[0] == ["Code 1", "Code 2", "n1", "n2", "n12", "c"]
    assert ["Emosi", "Tempat", "1", "1", "1", "1.00"] in rows
    api = client.get("/api/analysis/cooccurrence", params={"mode": "turn"}).json()
    pairs = {(p["code1"], p["code2"]): (p["n12"], p["c"]) for p in api["pairs"]}
    assert pairs[("emosi", "emosi.senang")] == (1, 1.0) and api["mode"] == "turn"
    far = client.get("/api/analysis/cooccurrence", params={"mode": "distance", "distance": 100}).json()
    assert len(far["pairs"]) == 3
    assert client.get("/api/analysis/cooccurrence", params={"mode": "nope"}).status_code == 400


def test_charts_are_svg_images(client: Client) -> None:
    html = client.get("/analysis", params={"view": "charts"}).text
    srcs = re.findall(r'<img class="chart" src="([^"]+)"', html)
    assert len(srcs) == 4 and dangerous(html) == []
    for src in srcs:
        r = client.get(src.replace("&amp;", "&"))
        assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
        assert r.text.startswith("<svg") and "<script" not in r.text
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/analysis/charts/pie.svg").status_code == 404


def test_chart_labels_are_escaped(project_location: str) -> None:
    with makna.create_project(project_location, "XSS", coder="tester") as p:
        makna.import_text(p, "a.txt", "I: halo semua\n", language="id")
        makna.add_code(p, "x", XSS[0])
        makna.code_span(p, "a.txt", 3, 7, "x")
    with logged_in(project_location) as (_app, c, _csrf):
        svg = c.get("/analysis/charts/hierarchy.svg").text
        assert XSS[0] not in svg and "&lt;script&gt;" in svg
        html = c.get("/analysis").text
        assert XSS[0] not in html and dangerous(html) == []


def test_write_the_report_and_download_it(project_location: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from web_helpers import build_sample

    monkeypatch.chdir(tmp_path)  # a PostgreSQL project's report goes to the working folder
    build_sample(project_location)
    with logged_in(project_location) as (app, c, csrf):
        folder = report_folder(app.state.project)
        if project_location.startswith("postgresql"):
            assert folder.parent == tmp_path / "makna-report"  # one folder per database and schema
        else:
            assert folder == Path(project_location).with_name("study-report")
        page = c.get("/analysis", params={"view": "report"}).text
        assert str(folder) in page and "No report written yet." in page
        assert c.get("/analysis/report/en/report.html").status_code == 404
        assert c.post("/api/report", json={"lang": "en"}).status_code == 403
        r = c.post("/api/report", json={"lang": "en"}, headers={"X-Makna-CSRF": csrf})
        assert r.status_code == 200, r.text
        assert [f["name"] for f in r.json()["files"]] == ["report.html", "report.md", "report.docx"]
        assert (folder / "en" / "report.html").is_file()
        dl = c.get("/analysis/report/en/report.html")
        assert dl.status_code == 200 and dl.headers["content-type"].startswith("text/html")
        assert dl.headers["content-disposition"].startswith("attachment") and "<html" in dl.text.lower()
        assert 'href="/analysis/report/en/report.docx"' in c.get("/analysis", params={"view": "report"}).text
        assert c.get("/analysis/report/en/..%2Fstudy.makna").status_code == 404
        assert c.get("/analysis/report/..%2F..%2Fstudy.makna/report.html").status_code == 404
        assert c.get("/analysis/report/en/other.txt").status_code == 404
        assert c.post("/api/report", json={"lang": "fr"}, headers={"X-Makna-CSRF": csrf}).status_code == 422


def test_analysis_pages_on_an_empty_project(project_location: str) -> None:
    makna.create_project(project_location, "Kosong", coder="tester").close()
    with logged_in(project_location) as (_app, c, _csrf):
        for view in ("frequencies", "matrix", "cooccurrence", "charts", "report"):
            r = c.get("/analysis", params={"view": view})
            assert r.status_code == 200, (view, r.text[:500])
        for kind in ("frequency", "heatmap", "network", "hierarchy"):
            assert c.get(f"/analysis/charts/{kind}.svg").status_code == 200, kind


