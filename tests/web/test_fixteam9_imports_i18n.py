"""fixteam9: codebook and cases import refusals and notes stayed English on an Indonesian page
("code key 'a b': use 1-200 characters ...", "attribute tahun_dagang (integer) defined"); they go through the
interface's language now, and stay as the core wrote them in English (#11)."""

from __future__ import annotations

import base64

from web_helpers import Client

from makna.web.errors_i18n import translate_note


def _upload(name: str, text: str) -> dict[str, str]:
    return {"filename": name, "content": base64.b64encode(text.encode()).decode()}



BAD_KEY = "format: makna-codebook/1\ncodes:\n  - key: a b\n    name: Salah\n"
CASES = (
    "attributes:\n  - name: tahun_dagang\n    type: integer\ncases:\n  - name: Ibu A\n    values: {tahun_dagang: 43}\n"
)
CASES_AGAIN = "cases:\n  - name: Ibu A\n    description: pedagang ikan\n    values: {tahun_dagang: 44}\n"


def test_codebook_and_cases_imports_in_indonesian(id_client: tuple[Client, dict[str, str]]) -> None:
    client, h = id_client
    r = client.post("/api/codes/import", json=_upload("kode.yaml", BAD_KEY), headers=h)
    assert r.status_code == 400, r.text
    assert r.json()["error"].startswith("kunci kode 'a b': gunakan 1-200 karakter"), r.json()
    twice = "format: makna-codebook/1\ncodes:\n  - key: x\n  - key: x\n"
    r = client.post("/api/codes/import", json=_upload("kode.yaml", twice), headers=h)
    assert r.json()["error"] == "kode.yaml: kunci kode 'x' muncul dua kali"
    r = client.post("/api/cases/import", json=_upload("kasus.yaml", CASES), headers=h)
    assert r.status_code == 201 and r.json()["notes"] == ["atribut tahun_dagang (integer) didefinisikan"], r.json()
    r = client.post("/api/cases/import", json=_upload("kasus.yaml", CASES_AGAIN), headers=h)
    assert r.json()["notes"] == ["Ibu A: deskripsi, tahun_dagang 43 -> 44"], r.json()
    bad = "cases:\n  - name: Ibu B\n    values: {tinggi: 3}\n"
    r = client.post("/api/cases/import", json=_upload("kasus.yaml", bad), headers=h)
    assert r.json()["error"].startswith("kasus.yaml: kasus 'Ibu B': atribut 'tinggi' tidak dikenal"), r.json()


def test_english_keeps_the_cores_words(client: Client, csrf: str) -> None:
    h = {"X-Makna-CSRF": csrf}
    r = client.post("/api/codes/import", json=_upload("kode.yaml", BAD_KEY), headers=h)
    assert r.json()["error"].startswith("code key 'a b': use 1-200 characters without spaces or slashes")
    r = client.post("/api/cases/import", json=_upload("kasus.yaml", CASES), headers=h)
    assert r.json()["notes"] == ["attribute tahun_dagang (integer) defined"]


def test_a_changed_case_note_part_by_part() -> None:
    assert (
        translate_note("Ibu A: umur (none) -> 44, linked s1", "id") == "Ibu A: umur (tidak ada) -> 44, ditautkan ke s1"
    )
    assert translate_note("something else", "id") == "something else"
