"""trial14: the notes for a Word file's footnotes and endnotes and for a WhatsApp export's attached file names are
shown in the page's language after an upload, as every other importer's are."""

from __future__ import annotations

import pytest

from makna.importers.whatsapp import parse_whatsapp
from makna.web.errors_i18n import translate_error

FOOT = (
    "left out 2 footnote(s) of the document (61 characters): copy what they say into the body if the transcript "
    "needs it (and de-identify it there)"
)
END = FOOT.replace("2 footnote(s)", "1 endnote(s)").replace("61", "13")


@pytest.mark.parametrize(
    ("note", "indonesian"),
    [
        (
            FOOT,
            "2 catatan kaki dokumen (61 karakter) tidak diimpor: salin isinya ke badan dokumen bila transkrip "
            "memerlukannya (lalu de-identifikasi di sana)",
        ),
        (
            END,
            "1 catatan akhir dokumen (13 karakter) tidak diimpor: salin isinya ke badan dokumen bila transkrip "
            "memerlukannya (lalu de-identifikasi di sana)",
        ),
    ],
)
def test_the_docx_footnote_notes_are_translated(note: str, indonesian: str) -> None:
    assert translate_error(note, "id") == indonesian
    assert translate_error(note, "en") == note


def test_the_whatsapp_attachment_note_is_translated() -> None:
    (note,) = parse_whatsapp(
        "[04/10/26 08.12.03] Uni Ami: <attached: 00000031-PHOTO-2026-10-04-08-12-03.jpg>\n"
        "[04/10/26 13.12.03] Uni Ami: Iko fotonyo\n"
    ).notes[:1]
    assert translate_error(note, "id") == (
        "1 nama berkas lampiran diganti dengan jenisnya ([photo], [file] ...): nama berkas memuat tanggal dan jam "
        "pengirimannya atau judul dokumen"
    )
    assert translate_error(note, "en") == note
