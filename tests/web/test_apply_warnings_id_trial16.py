"""The de-identification page's apply says, in the page's language, that a source's name still holds a
replaced identifier (trial16, issue #11): on the Indonesian page the warning came in English and named a
command-line step ('makna deid scan'), although the page itself scans."""

from __future__ import annotations

import pytest
from pages_helpers import logged_in

import makna
from makna.privacy.project import decide, review_entries
from makna.web.errors_i18n import translate_error

SOURCE = "wawancara Siti Rahmawati.txt"
TEXT = "P: Siapa namo Uni?\nI: Namo ambo Siti Rahmawati, ambo jua kerudung di pasa.\n"
PASS = "kabut ngarai sawah rangkiang"
WARNING = (
    f"the name of source {SOURCE!r} contains a replaced identifier (PERSON, LOCATION): review it "
    "('makna deid scan') or rename it"
)


def test_the_warning_has_an_indonesian_form() -> None:
    said = translate_error(WARNING, "id")
    assert said != WARNING and SOURCE in said and "nama orang, tempat" in said, said
    assert "makna deid scan" not in said
    assert translate_error(WARNING, "en") == WARNING


def test_the_apply_on_the_indonesian_page_warns_in_indonesian(
    project_location: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with makna.create_project(project_location, "Uji", coder="tester") as proj:
        makna.import_text(proj, SOURCE, TEXT, language="id")
        makna.deid_scan(proj)
        entries = review_entries(proj)
        decide(proj, [e.id for e in entries if e.field == "sources.text"], "accepted")
        decide(proj, [e.id for e in entries if e.field != "sources.text"], "rejected")  # the file name left as it is
    key = tmp_path_factory.mktemp("keys") / "study.key"  # apart from the project's folder
    with logged_in(project_location, lang="id") as (_app, c, csrf):
        r = c.post(
            "/api/deid/apply",
            json={"key_path": str(key), "passphrase": PASS, "passphrase_repeat": PASS},
            headers={"X-Makna-CSRF": csrf},
        )
        assert r.status_code == 200, r.text
        warnings = r.json()["warnings"]
    named = [w for w in warnings if SOURCE in w]
    assert named, warnings
    assert all("contains a replaced identifier" not in w and "nama orang" in w for w in named), named


@pytest.fixture(autouse=True)
def _quiet_key_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
