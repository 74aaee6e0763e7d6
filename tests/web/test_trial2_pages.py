"""What a second new user's trial found in the browser (review, #11): the workbench's Apply wrote the key
file into the project's folder, and took a weak passphrase for a new key, saying so only afterwards, in
English on the Indonesian page, where ``makna deid apply`` refuses both unless given ``--force``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_helpers import build_private, logged_in

PASS = "kata sandi rahasia 123"


def _reviewed(c: object, csrf: str) -> dict[str, str]:
    h = {"X-Makna-CSRF": csrf}
    assert c.post("/api/deid/scan", json={}, headers=h).status_code == 200  # type: ignore[attr-defined]
    assert c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h).status_code == 200  # type: ignore[attr-defined]
    return h


def test_apply_refuses_a_key_in_the_projects_folder_unless_forced(project_location: str, tmp_path: Path) -> None:
    if not project_location.endswith(".makna"):
        pytest.skip("a server project has no folder for the key to travel with")
    build_private(project_location)
    key = Path(project_location).parent / "keys" / "study.key"
    with logged_in(project_location) as (_app, c, csrf):
        h = _reviewed(c, csrf)
        body = {"key_path": str(key), "passphrase": PASS, "passphrase_repeat": PASS}
        r = c.post("/api/deid/apply", json=body, headers=h)
        assert r.status_code == 400, r.text
        error = r.json()["error"]
        assert "inside the project's folder" in error and "Apply anyway" in error and PASS not in r.text
        assert not key.exists() and c.get("/api/deid/status").json()[0]["applied"] is False
        forced = c.post("/api/deid/apply", json={**body, "force": True}, headers=h)
        assert forced.status_code == 200, forced.text
        assert key.is_file() and any("inside the project's folder" in w for w in forced.json()["warnings"])


def test_apply_refuses_a_weak_passphrase_for_a_new_key(project_location: str,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    build_private(project_location)
    key = tmp_path_factory.mktemp("keys") / "study.key"
    with logged_in(project_location) as (_app, c, csrf):
        h = _reviewed(c, csrf)
        for weak in ("rahasia1", "password1234"):
            r = c.post("/api/deid/apply", json={"key_path": str(key), "passphrase": weak}, headers=h)
            assert r.status_code == 400 and "passphrase" in r.json()["error"] and weak not in r.text
            assert not key.exists()
        assert c.post("/api/deid/apply", json={"key_path": str(key), "passphrase": PASS}, headers=h).status_code == 200


def test_the_refusal_and_the_warnings_are_in_the_pages_language(project_location: str, tmp_path: Path) -> None:
    if not project_location.endswith(".makna"):
        pytest.skip("a server project has no folder for the key to travel with")
    build_private(project_location)
    key = Path(project_location).parent / "study.key"
    with logged_in(project_location, lang="id") as (_app, c, csrf):
        h = _reviewed(c, csrf)
        body = {"key_path": str(key), "passphrase": PASS, "passphrase_repeat": PASS}
        error = c.post("/api/deid/apply", json=body, headers=h).json()["error"]
        assert "berkas kunci" in error and "folder proyek" in error and "Tetap terapkan" in error, error
        assert "inside the project's folder" not in error
        warnings = c.post("/api/deid/apply", json={**body, "force": True}, headers=h).json()["warnings"]
        assert any("folder proyek" in w for w in warnings) and not any("project's folder" in w for w in warnings)
    html = ""
    with logged_in(project_location, lang="id") as (_app, c, _csrf):
        html = c.get("/deid").text
    assert 'name="force"' in html


def test_apply_names_the_sources_by_their_new_names(project_location: str,
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    """A source named after its informant is renamed by apply; the workbench said it had de-identified
    'rahasia-siti.txt', an original the page must not show again."""
    import makna

    with makna.create_project(project_location, "Uji", coder="tester") as p:
        makna.import_text(p, "wawancara-rahmawati.txt", "P: Siapa namamu?\nI: Saya Rahmawati, tinggal di Padang.\n",
                          language="id")
    key = tmp_path_factory.mktemp("keys") / "study.key"
    with logged_in(project_location) as (_app, c, csrf):
        h = _reviewed(c, csrf)
        r = c.post("/api/deid/apply", json={"key_path": str(key), "passphrase": PASS}, headers=h)
        assert r.status_code == 200, r.text
        out = r.json()
        [name] = out["sources"]
        assert "rahmawati" not in name.lower() and name.startswith("wawancara-") and name.endswith(".txt"), out


def test_the_warning_of_fields_left_unscanned_is_in_the_pages_language(
        project_location: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A memo written after the scan is left as it is by apply, which says so; the Indonesian page said it
    in English, naming a command instead of the page's own Scan."""
    import makna

    build_private(project_location)
    key = tmp_path_factory.mktemp("keys") / "study.key"
    with logged_in(project_location, lang="id") as (app, c, csrf):
        h = _reviewed(c, csrf)
        makna.add_memo(app.state.project, "project", None, "catatan lapangan sesudah pemindaian")
        r = c.post("/api/deid/apply", json={"key_path": str(key), "passphrase": PASS}, headers=h)
        assert r.status_code == 200, r.text
        warnings = r.json()["warnings"]
        assert any(w.startswith("1 nilai isian yang ditambahkan atau diubah sejak pemindaian terakhir dibiarkan")
                   and "pindai lagi" in w for w in warnings), warnings
        assert not any("were left as they are" in w for w in warnings)
