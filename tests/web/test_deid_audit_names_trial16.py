"""The de-identification audit page names the free-text fields and the apply's mode in the page's language (trial16,
issue #11): the Indonesian page listed its fields by their columns (`sources.name`, `case_values.value`,
`code_translations.name`) and the mode as `surrogate`, while the De-identification page beside it says "nama
sumber" and "pengganti yang realistis"."""

from __future__ import annotations

import pytest
from pages_helpers import logged_in

import makna
from makna.privacy.project import decide_all

TEXT = "P: Siapa namo Uni?\nI: Namo ambo Siti Rahmawati, ambo jua kerudung di Pasar Ateh.\n"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_audit_names_fields_and_mode(
    project_location: str, tmp_path_factory: pytest.TempPathFactory, lang: str
) -> None:
    with makna.create_project(project_location, "Uji", coder="tester") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.deid_scan(proj)
        decide_all(proj, "accepted")
        makna.deid_apply(proj, tmp_path_factory.mktemp("keys") / "k.key", "kabut ngarai sawah rangkiang")
    with logged_in(project_location, lang=lang) as (_app, c, _csrf):
        html = c.get("/deid/audit").text
    fields = html[html.index('id="audit-fields"') :].split("</section>")[0]
    assert "<code>sources.name</code>" not in fields and "sources.name" not in fields, fields
    if lang == "id":
        assert "nama sumber" in fields and "nama berkas asli" in fields
        assert "pengganti yang realistis" in html and "<td>surrogate</td>" not in html
    else:
        assert "source name" in fields and "realistic substitutes" in html
