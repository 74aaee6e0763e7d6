"""trial9: an edit from a stale copy of a code or case, refused with 409, names the code by its key
and the case by its name (the workbench sends ids: the refusal said "code '8ffd319d-...'"), and reads
in the interface's language (it stayed English in an Indonesian page) (#11)."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import Client

import makna


def test_a_stale_code_edit_names_the_code_in_english(client: Client, csrf: str, sample_location: str) -> None:
    code = next(c for c in client.get("/api/codes").json() if c["key"] == "emosi")
    with makna.open_project(sample_location, coder="ani") as ani:
        makna.update_code(ani, "emosi", name="Perasaan", expected_version=code["version"])
    r = client.patch(
        f"/api/codes/{code['id']}", json={"name": "Rasa", "version": code["version"]}, headers={"X-Makna-CSRF": csrf}
    )
    assert r.status_code == 409
    error = r.json()["error"]
    assert error.startswith("code 'emosi' was changed by ani since you read it") and code["id"] not in error
    moved = client.post(
        f"/api/codes/{code['id']}/move",
        json={"parent": None, "version": code["version"]},
        headers={"X-Makna-CSRF": csrf},
    )
    assert moved.status_code == 409 and moved.json()["error"].startswith("code 'emosi' was changed by ani")


def test_stale_code_and_case_edits_in_indonesian(
    id_client: tuple[Client, dict[str, str]], sample_location: str
) -> None:
    client, h = id_client
    code = next(c for c in client.get("/api/codes").json() if c["key"] == "emosi")
    case = next(c for c in client.get("/api/cases").json() if c["name"] == "Ani")
    with makna.open_project(sample_location, coder="ani") as ani:
        makna.update_code(ani, "emosi", name="Perasaan", expected_version=code["version"])
        makna.set_values(ani, "Ani", {"umur": 25}, expected_version=case["version"])
    r = client.patch(f"/api/codes/{code['id']}", json={"name": "Rasa", "version": code["version"]}, headers=h)
    assert r.status_code == 409
    assert r.json()["error"] == (
        f"kode 'emosi' sudah diubah oleh ani sejak Anda membacanya (kini versi "
        f"{code['version'] + 1}, salinan Anda versi {code['version']}): tidak ada yang "
        "disimpan; muat ulang lalu ulangi perubahan Anda"
    )
    r = client.put(
        f"/api/cases/{case['id']}/values", json={"values": {"umur": 30}, "version": case["version"]}, headers=h
    )
    assert r.status_code == 409
    assert r.json()["error"].startswith("kasus 'Ani' sudah diubah oleh ani sejak Anda membacanya")
    assert case["id"] not in r.json()["error"]


def test_the_workbench_writes_one_coders_report(
    client: Client, csrf: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analysis page's report takes a coder, as ``makna report --coder`` does: a supervisor on the
    team server writes each student's report and the combined one without a command line."""
    monkeypatch.chdir(tmp_path)  # a PostgreSQL project's report goes to the working folder
    page = client.get("/analysis", params={"view": "report"}).text
    form = page[page.index('id="write-report"') : page.index("</form>", page.index('id="write-report"'))]
    assert '<option value="kedua">kedua</option>' in form and 'name="coder"' in form
    h = {"X-Makna-CSRF": csrf}
    assert client.post("/api/report", json={"lang": "en", "coder": "kedua"}, headers=h).status_code == 200
    one = client.get("/analysis/report/en/report.md").text
    assert "Only the codings of kedua are counted and quoted here." in one
    assert client.post("/api/report", json={"lang": "id", "coder": "kedua"}, headers=h).status_code == 200
    assert (
        "Hanya pengodean kedua yang dihitung dan dikutip di sini." in client.get("/analysis/report/id/report.md").text
    )
    assert client.post("/api/report", json={"lang": "en"}, headers=h).status_code == 200
    assert "Only the codings of" not in client.get("/analysis/report/en/report.md").text
    r = client.post("/api/report", json={"lang": "en", "coder": "nobody"}, headers=h)
    assert r.status_code in (400, 404) and "nobody" in r.json()["error"]


def test_removing_a_coding_with_anothers_memo_is_refused_in_indonesian(
    id_client: tuple[Client, dict[str, str]], sample_location: str
) -> None:
    client, h = id_client
    sid = client.get("/api/sources").json()[0]["id"]
    seg = client.post("/api/segments", json={"source": sid, "start": 0, "end": 5, "code": "emosi"}, headers=h).json()
    with makna.open_project(sample_location, coder="kedua") as kedua:
        makna.add_memo(kedua, "segment", seg["id"], "saya membacanya lain")
    r = client.delete(f"/api/segments/{seg['id']}", headers=h)
    assert r.status_code == 409
    assert r.json()["error"] == (
        "pengodean ini membawa memo dari kedua: menghapusnya akan ikut menghapus memo itu; "
        "minta mereka memindahkan atau menghapus memonya dulu (tidak ada yang dihapus)"
    )
    assert client.get(f"/api/segments/{seg['id']}").status_code == 200
