"""De-identification messages a researcher reads, in both languages (issue #11, round twenty-seven; trial16 #8, #9):
the audit page's event list said `deid.apply_fields` and `mode: surrogate; key_id ...; case_links_followed: 0`; the
report's methods paragraph listed its fields by their columns ("Isian teks bebas juga dicakup
(attributes.description, ...)"); the De-identification page's second-scan result ("12 ditemukan lagi di tempat
penanda identitas ... muncul lagi") said neither what they are nor what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_helpers import logged_in

import makna
from makna.privacy.audit import deid_audit
from makna.privacy.audit_render import audit_methods
from makna.privacy.project import decide_all

TEXT = "P: Siapa namo Uni?\nI: Namo ambo Siti Rahmawati, ambo jua kerudung di Pasar Ateh.\n"


def _applied(location: str, keys: Path) -> None:
    with makna.create_project(location, "Uji", coder="tester") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.deid_scan(proj)
        decide_all(proj, "accepted")
        makna.deid_apply(proj, keys / "k.key", "kabut ngarai sawah rangkiang")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_audit_events_in_words(project_location: str, tmp_path_factory: pytest.TempPathFactory, lang: str) -> None:
    _applied(project_location, tmp_path_factory.mktemp("keys"))
    with logged_in(project_location, lang=lang) as (_app, c, _csrf):
        html = c.get("/deid/audit").text
    events = html[html.index('id="audit-events"') :].split("</section>")[0]
    for code in ("<code>deid.", "key_id:", "mode: surrogate", "by_type:", "case_links_followed"):
        assert code not in events, (code, events)
    assert 'data-action="deid.apply"' in events  # the code stays for a script, out of sight
    if lang == "id":
        assert "men-de-identifikasi sumber" in events and "menerima semua penanda identitas yang menunggu" in events
        assert "id kunci: " in events and "mode: pengganti yang realistis" in events
        assert "keputusan: diterima" in events and "dibiarkan seperti tertulis" in events
    else:
        assert "de-identified the sources" in events and "accepted every pending identifier" in events
        assert "key id: " in events and "mode: realistic substitutes" in events
        assert "decision: accepted" in events and "kept as written" in events
    assert "made a change" not in events and "membuat perubahan" not in events


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_second_scan_says_what_found_again_means(sample_location: str, lang: str) -> None:
    with logged_in(sample_location, lang=lang) as (_app, c, _csrf):
        html = c.get("/deid").text
    assert "found or accepted elsewhere recurs" not in html and "di tempat lain muncul lagi" not in html
    if lang == "id":
        assert "Semuanya menunggu tinjauan Anda di bawah: terima setiap yang juga mengenali seseorang di sini" in html
    else:
        assert "They wait for your review below: accept each one that identifies someone here too" in html
    script = (Path(makna.__file__).parent / "web" / "static" / "deid.js").read_text(encoding="utf-8")
    assert '(r.propagated ? " · " + r.propagated' in script  # said only when the scan found some again


@pytest.mark.parametrize(
    ("lang", "want", "code"), [("en", "source name", "sources.name"), ("id", "nama sumber", "sources.name")]
)
def test_the_methods_paragraph_names_the_fields(
    project_location: str, tmp_path_factory: pytest.TempPathFactory, lang: str, want: str, code: str
) -> None:
    _applied(project_location, tmp_path_factory.mktemp("keys"))
    with makna.open_project(project_location) as proj:
        paragraphs = audit_methods(deid_audit(proj), lang)
    fields = next(p for p in paragraphs if p.startswith(("Free-text fields", "Isian teks bebas")))
    assert want in fields and code not in fields, fields
