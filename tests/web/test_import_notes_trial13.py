"""The notes the importers met in trial13 leave (an e-mail's headers, HTML body and attachments; a Word file's
comments) are shown in the page's language after an upload, as every other importer's are."""

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


def test_the_docx_comment_note_is_translated() -> None:
    note = (
        "left out 2 comment(s) of the document (61 characters): copy what they say into the body if the "
        "transcript needs it (and de-identify it there)"
    )
    assert translate_error(note, "id") == (
        "2 komentar dokumen (61 karakter) tidak diimpor: salin isinya ke badan dokumen bila transkrip "
        "memerlukannya (lalu de-identifikasi di sana)"
    )
    assert translate_error(note, "en") == note
