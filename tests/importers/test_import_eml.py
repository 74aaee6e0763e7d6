"""E-mail messages saved as .eml: the body (plain text, else HTML), transfer encodings and charsets
decoded, headers and attachments left out with notes, a file that is no message refused; and a folder
import that takes an .eml beside the transcripts."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

import makna
from makna.errors import ImportFormatError
from makna.importers import read_document

PLAIN = (
    "From: Wren Talbot <wren.t@example.org>\n"
    "To: Researcher <r@example.ac.uk>\n"
    "Subject: Re: our interview\n"
    "Date: Tue, 8 Apr 2025 21:14:05 +0100\n"
    "MIME-Version: 1.0\n"
    'Content-Type: text/plain; charset="utf-8"\n'
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "Hi,\n"
    "\n"
    "The agency takes =C2=A340 a week for the uniform, and the caf=C3=A9 shift =\n"
    "ends after midnight.\n"
    "\n"
    "Thanks\n"
)


def test_eml_plain_body_decoded_headers_left_out(tmp_path: Path) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes(PLAIN.encode("ascii"))
    doc = read_document(path)
    assert doc.media_type == "message/rfc822"
    assert doc.text == (
        "Hi,\n\nThe agency takes £40 a week for the uniform, and the café shift ends after midnight.\n\nThanks"
    )
    assert "Wren" not in doc.text and "example.org" not in doc.text
    assert doc.notes == [
        "left out the e-mail's headers (From, To, Date, Subject): copy a line into the text if it is needed"
    ]


def test_eml_html_only_and_attachment(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Someone <s@example.com>"
    msg["Subject"] = "Night shifts"
    msg.set_content("<p>First night: <b>no</b> lift home.</p><p>Second: the same.</p>", subtype="html")
    msg.add_attachment(b"%PDF-1.4 rota", maintype="application", subtype="pdf", filename="rota-Wren.pdf")
    path = tmp_path / "html.eml"
    path.write_bytes(msg.as_bytes())
    doc = read_document(path)
    assert "First night: no lift home." in doc.text and "Second: the same." in doc.text
    assert "<p>" not in doc.text and "rota" not in doc.text
    assert "read the e-mail's HTML part (it has no plain-text part)" in doc.notes
    assert "left out 1 attachment(s) of the e-mail: import each file on its own" in doc.notes
    assert not any("rota-Wren" in note for note in doc.notes)


def test_eml_base64_latin1(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Date"] = "Mon, 7 Apr 2025 09:00:00 +0000"
    msg.set_content("Siân rang from the depot.\n", charset="iso-8859-1", cte="base64")
    path = tmp_path / "latin.eml"
    path.write_bytes(msg.as_bytes())
    assert read_document(path).text == "Siân rang from the depot."


def test_eml_not_a_message_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.eml"
    path.write_bytes(b"just some words\nwithout any header\n")
    with pytest.raises(ImportFormatError, match="not an e-mail message"):
        read_document(path)


def test_folder_import_takes_an_eml(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "reply.eml").write_bytes(PLAIN.encode("ascii"))
    (tmp_path / "in" / "informan.txt").write_text("Pewawancara: Halo.\nInforman: Halo juga.\n", encoding="utf-8")
    with makna.create_project(str(tmp_path / "p.makna"), "E-mail", coder="ana") as project:
        result = makna.import_paths(project, [tmp_path / "in"])
        names = sorted(s.name for s in makna.list_sources(project))
    assert names == ["informan.txt", "reply.eml"], result
