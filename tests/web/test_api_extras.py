"""The API behind the recording, memo panel and import (#13): range requests on a recording, refusal
of paths outside the project folder, upload limits and defensive reading, memos listed and searched,
and every transcript or memo string escaped in the page."""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import pytest
from web_helpers import SOURCE, TEXT, Client

import makna
from makna.errors import InputError


@pytest.fixture
def h(csrf: str) -> dict[str, str]:
    return {"X-Makna-CSRF": csrf}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project folder: the SQLite file's (tmp_path), or $MAKNA_MEDIA_DIR for PostgreSQL."""
    monkeypatch.setenv("MAKNA_MEDIA_DIR", str(tmp_path))
    return tmp_path


def wav(path: Path, frames: int = 4000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(bytes(range(256)) * (frames * 2 // 256) + b"\0" * (frames * 2 % 256))
    return path


def _sid(client: Client) -> str:
    return str(client.get("/api/sources").json()[0]["id"])


# ----------------------------------------------------------------------------- recordings
def test_recording_is_served_with_range_requests(client: Client, h: dict[str, str], folder: Path) -> None:
    sid = _sid(client)
    assert client.get(f"/media/{sid}").status_code == 404
    data = wav(folder / "ani.wav").read_bytes()
    r = client.put(f"/api/sources/{sid}/media", json={"path": "ani.wav"}, headers=h)
    assert r.status_code == 200 and r.json()["url"] == f"/media/{sid}" and r.json()["kind"] == "audio"
    full = client.get(f"/media/{sid}")
    assert full.status_code == 200 and full.content == data and full.headers["content-type"] == "audio/wav"
    assert full.headers["accept-ranges"] == "bytes"
    part = client.get(f"/media/{sid}", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == data[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(data)}"
    assert part.headers["content-length"] == "100"
    tail = client.get(f"/media/{sid}", headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == data[-10:]
    assert tail.headers["content-range"] == f"bytes {len(data) - 10}-{len(data) - 1}/{len(data)}"
    open_end = client.get(f"/media/{sid}", headers={"Range": f"bytes={len(data) - 5}-"})
    assert open_end.status_code == 206 and open_end.content == data[-5:]
    bad = client.get(f"/media/{sid}", headers={"Range": f"bytes={len(data) + 10}-"})
    assert bad.status_code == 416 and bad.headers["content-range"] == f"bytes */{len(data)}"


def test_recording_paths_outside_the_folder_are_refused(client: Client, h: dict[str, str], folder: Path,
                                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    sid = _sid(client)
    away = tmp_path_factory.mktemp("away")
    wav(away / "x.wav")
    for path in (f"../{away.name}/x.wav", str(away / "x.wav"), "../../../../etc/passwd", "nope.wav"):
        r = client.put(f"/api/sources/{sid}/media", json={"path": path}, headers=h)
        assert r.status_code in (400, 404), path
        assert client.get(f"/api/sources/{sid}/media").json()["linked"] is False
    (folder / "sneaky.wav").symlink_to(away / "x.wav")
    r = client.put(f"/api/sources/{sid}/media", json={"path": "sneaky.wav"}, headers=h)
    assert r.status_code == 400 and "inside the project folder" in r.json()["error"]
    # a link made while the file was inside, then replaced by a symlink out, is not followed
    wav(folder / "ok.wav")
    assert client.put(f"/api/sources/{sid}/media", json={"path": "ok.wav"}, headers=h).status_code == 200
    (folder / "ok.wav").unlink()
    (folder / "ok.wav").symlink_to(away / "x.wav")
    assert client.get(f"/media/{sid}").status_code == 400


def test_turn_times_by_hand_and_from_subtitles(client: Client, h: dict[str, str], folder: Path) -> None:
    sid = _sid(client)
    r = client.put(f"/api/sources/{sid}/turns/2/time", json={"start": "00:01.5"}, headers=h)
    assert r.status_code == 200 and r.json()["turns"] == [{"n": 2, "start": 1.5, "end": None}]
    assert client.put(f"/api/sources/{sid}/turns/99/time", json={"start": "1"}, headers=h).status_code == 404
    assert client.put(f"/api/sources/{sid}/turns/2/time", json={"start": "soon"}, headers=h).status_code == 400
    r = client.put(f"/api/sources/{sid}/turns/2/time", json={"start": None}, headers=h)
    assert r.json()["turns"] == []
    vtt = b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v P>Halo\n\n00:00:02.000 --> 00:00:04.500\n<v I>Baik\n"
    got = client.post("/api/import", files=[("files", ("talk.vtt", vtt, "text/vtt"))], headers=h).json()
    vid = got["imported"][0]["id"]
    assert client.get(f"/api/sources/{vid}/media").json()["turns"] == [
        {"n": 1, "start": 0.0, "end": 2.0}, {"n": 2, "start": 2.0, "end": 4.5}]


# ----------------------------------------------------------------------------- upload
def test_upload_imports_with_the_cli_readers(client: Client, h: dict[str, str]) -> None:
    body = b"P: Siapa namamu?\nI: <script>alert(1)</script> Siti\n"
    files = [("files", ("C:\\Users\\x\\..\\informan-02.txt", body, "text/plain")),
             ("files", ("informan-02-copy.txt", body, "text/plain")),
             ("files", ("notes.exe", b"MZ...", "application/octet-stream")),
             ("files", ("empty.txt", b"", "text/plain")),
             ("files", ("broken.docx", b"PK\x03\x04 not a zip", "application/octet-stream"))]
    r = client.post("/api/import", files=files, data={"language": "id"}, headers=h)
    assert r.status_code == 200
    got = r.json()
    assert [s["name"] for s in got["imported"]] == ["informan-02.txt"]
    assert got["imported"][0]["language"] == "id"
    assert [d["file"] for d in got["duplicates"]] == ["informan-02-copy.txt"]
    failed = {f["file"]: f["error"] for f in got["failed"]}
    assert set(failed) == {"notes.exe", "empty.txt", "broken.docx"}
    assert "unsupported file type" in failed["notes.exe"] and "empty" in failed["empty.txt"]
    page = client.get(f"/sources/{got['imported'][0]['id']}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_upload_limits(app: Any, client: Client, h: dict[str, str]) -> None:
    app.state.upload_limit = 2000
    big = [("files", ("big.txt", b"P: " + b"a" * 5000, "text/plain"))]
    r = client.post("/api/import", files=big, headers=h)
    assert r.status_code == 413 and "limit" in r.json()["error"]

    async def chunks() -> Any:  # no Content-Length: the cap holds while streaming
        yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nP: '
        for _ in range(10):
            yield b"x" * 1000

    r = client.post("/api/import", content=chunks(), headers={**h, "Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413
    assert client.post("/api/import", json={"files": []}, headers=h).status_code == 400
    r = client.post("/api/import", content=b"--b\r\nnonsense", headers={**h, "Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 400
    r = client.post("/api/import", data={"language": "id"}, files=[], headers=h)
    assert r.status_code == 400
    assert client.post("/api/import", files=big).status_code == 403  # no CSRF header
    assert len(client.get("/api/sources").json()) == 1


def test_upload_names_are_never_paths() -> None:
    from makna.sources import upload_name

    assert upload_name("../../etc/passwd") == "passwd"
    assert upload_name("C:\\a\\b\\w.docx") == "w.docx"
    assert upload_name("a\x00b\x1f.txt") == "ab.txt"
    assert len(upload_name("x" * 400 + ".txt")) == 255 and upload_name("x" * 400 + ".txt").endswith(".txt")
    for bad in ("", "..", "dir/", ".hidden"):
        with pytest.raises(InputError):
            upload_name(bad)


# ----------------------------------------------------------------------------- memos
def test_memo_panel_lists_searches_and_edits(client: Client, h: dict[str, str], app: Any) -> None:
    sid = _sid(client)
    proj = app.state.project
    seg = makna.retrieve(proj, code="tempat")[0]
    assert client.post("/api/memos", json={"kind": "project", "text": "Catatan proyek"}, headers=h).status_code == 201
    assert client.post("/api/memos", json={"kind": "source", "target": sid, "text": "Ani <b>ramah</b>"},
                       headers=h).status_code == 201
    assert client.post("/api/memos", json={"kind": "code", "target": "tempat", "text": "Tempat bertemu"},
                       headers=h).status_code == 201
    r = client.post("/api/memos", json={"kind": "segment", "target": seg.id, "text": "Warung sebagai ruang aman"},
                    headers=h)
    assert r.status_code == 201
    memo_id = r.json()["id"]
    client.patch(f"/api/segments/{seg.id}", json={"memo": "memo koding"}, headers=h)
    listed = client.get(f"/api/memos?source={sid}").json()
    assert [m["kind"] for m in listed] == ["project", "source", "code", "segment", "coding"]
    segment = listed[3]
    assert segment["target"] == f"Tempat · {SOURCE}" and segment["excerpt"] == "warung kopi dekat pasar"
    assert (segment["start"], segment["end"]) == (TEXT.index("warung kopi"), TEXT.index("warung kopi") + 23)
    assert [m["kind"] for m in client.get(f"/api/memos?source={sid}&q=WARUNG").json()] == ["segment"]
    assert [m["text"] for m in client.get("/api/memos?q=ramah").json()] == ["Ani <b>ramah</b>"]
    assert client.patch(f"/api/memos/{memo_id}", json={"text": "baru"}, headers=h).status_code == 204
    assert client.get("/api/memos?q=baru").json()[0]["id"] == memo_id
    assert client.delete(f"/api/memos/{memo_id}", headers=h).status_code == 204
    assert client.delete(f"/api/memos/{memo_id}", headers=h).status_code == 404
    assert client.post("/api/memos", json={"kind": "code", "text": "no target"}, headers=h).status_code == 400
    assert client.post("/api/memos", json={"kind": "code", "target": "nope", "text": "x"}, headers=h).status_code in (400, 404)


def test_source_page_scripts_data_is_escaped(client: Client, h: dict[str, str]) -> None:
    sid = _sid(client)
    page = client.get(f"/sources/{sid}").text
    assert 'id="extras-data"' in page and "</script><script" not in page.split('id="extras-data"')[1][:400]
    assert 'src="/static/media.js"' in page and 'src="/static/memos.js"' in page and 'src="/static/stripes.js"' in page
    assert "media-src 'self'" in client.get("/").headers["content-security-policy"]
