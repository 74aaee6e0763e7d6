"""A .docx uploaded in the workbench whose page header holds the informant's details (an eighth trial, #11):
the import reply says, in the interface language, that the header was not imported."""

from __future__ import annotations

import io

import docx
from test_trial_pages import logged_in

import makna


def _docx_with_header(header: str) -> bytes:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = header
    # each header its own last line: two uploads of one text are one source, refused as a duplicate (product19)
    for line in ("Pewawancara: Sejak kapan?", "Informan: Sejak menikah.", "Pewawancara: Lalu?", f"Informan: Ya ({len(header)})."):
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_an_upload_lists_the_readers_notes_in_the_interface_language(project_location: str) -> None:
    makna.create_project(project_location, "Istri nelayan", coder="tester").close()
    for lang, header, said in (
        ("id", "Ibu Contoh, 41 tahun", "header halaman (20 karakter) tidak diimpor: salin isinya ke badan dokumen"),
        ("en", "Ibu Contoh Dua", "the page header (14 characters) is not imported: copy what it says into the body"),
    ):
        with logged_in(project_location, lang) as (_app, c, csrf):
            r = c.post(
                "/api/import",
                files=[("files", (f"{lang}.docx", _docx_with_header(header), "application/octet-stream"))],
                headers={"X-Makna-CSRF": csrf},
            )
            assert r.status_code == 200, r.text
            (only,) = r.json()["imported"]
            assert len(only["notes"]) == 1 and only["notes"][0].startswith(said)
            assert header not in only["notes"][0]
