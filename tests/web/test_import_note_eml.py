"""The notes an e-mail's import leaves (headers, an HTML body, attachments left out) are shown in the page's
language after an upload, as every other importer's are."""

from __future__ import annotations

from makna.web.errors_i18n import translate_error


def test_the_email_notes_are_translated() -> None:
    headers = "left out the e-mail's headers (From, To, Date, Subject): copy a line into the text if it is needed"
    assert translate_error(headers, "id") == (
        "kepala surel (From, To, Date, Subject) tidak diambil: salin barisnya ke dalam teks bila diperlukan"
    )
    assert translate_error(headers, "en") == headers
    assert translate_error("read the e-mail's HTML part (it has no plain-text part)", "id") == (
        "dibaca dari bagian HTML surel (surel ini tidak punya bagian teks biasa)"
    )
    assert translate_error("left out 2 attachment(s) of the e-mail: import each file on its own", "id") == (
        "2 lampiran surel tidak diambil: impor setiap berkas tersendiri"
    )
