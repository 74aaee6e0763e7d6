"""The export page: one download per format of makna.exchange, streamed from a temporary file that
is removed afterwards."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from pages_helpers import dangerous
from web_helpers import SOURCE, TEXT, Client

from makna.web.routes_export import FORMATS, download_name


def test_export_page_lists_the_formats(client: Client) -> None:
    html = client.get("/export").text
    assert dangerous(html) == []
    for key in ("qdpx", "qdc", "csv", "json"):
        assert key in FORMATS
        assert f'href="/export/{key}" download' in html
    assert [f["key"] for f in client.get("/api/export").json()] == list(FORMATS)


def _leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("makna-export-*")}


@pytest.mark.parametrize("key", list(FORMATS))
def test_downloads(client: Client, key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a temporary folder of this test's own: parallel workers export into the shared one at the same time
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    before = _leftovers()
    r = client.get(f"/export/{key}")
    assert r.status_code == 200, r.text[:300]
    fmt = FORMATS[key]
    assert r.headers["content-type"].startswith(fmt.media_type)
    assert r.headers["content-disposition"] == f'attachment; filename="{download_name("Uji workbench", fmt)}"'
    data = r.content
    assert data
    if key == "qdpx":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            assert "project.qde" in names
            texts = [zf.read(n).decode("utf-8") for n in names if n.startswith("sources/")]
        assert TEXT in texts
    elif key == "qdc":
        assert b"CodeBook" in data and b"Emosi" in data
    elif key == "csv":
        text = data.decode("utf-8-sig")
        assert text.startswith("segment_id,") and "saya senang sekali" in text and SOURCE in text
    elif key == "json":
        doc = json.loads(data)
        assert any(s.get("text") == TEXT for s in doc["sources"])
    elif key == "xlsx":
        assert data[:2] == b"PK"
    assert _leftovers() <= before  # the temporary folder is gone


def test_unknown_format_and_token(client: Client, anon: Client) -> None:
    r = client.get("/export/docx")
    assert r.status_code == 404 and "export format" in r.text
    assert anon.get("/export/qdpx").status_code == 401
    assert anon.get("/export").status_code == 401


def test_download_name_is_safe() -> None:
    fmt = FORMATS["qdpx"]
    assert download_name('../evil "name"\r\n', fmt) == "evil-name.qdpx"
    assert download_name("Studi Ojol 2024", fmt) == "Studi-Ojol-2024.qdpx"
    assert download_name("???", fmt) == "project.qdpx"
