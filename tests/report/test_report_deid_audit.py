"""The report's de-identification section (for a methods chapter): counts and types in both languages and every
format, never an original, a surrogate or the passphrase."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import makna
from deid_audit_helpers import PASS, absent, deidentify


@pytest.mark.parametrize("lang", ["en", "id"])
def test_deid_section_in_every_format(project: makna.Project, tmp_path: Path, lang: str) -> None:
    assert "De-identifi" not in makna.write_report(project, tmp_path / "before", lang).markdown.read_text(
        encoding="utf-8"
    )
    originals, surrogates = deidentify(project, tmp_path / "k.key")
    makna.add_code(project, "c", "A code")
    makna.code_turn(project, "a.txt", 2, "c")
    files = makna.write_report(project, tmp_path / "after", lang)
    html = files.html.read_text(encoding="utf-8")
    md = files.markdown.read_text(encoding="utf-8")
    with zipfile.ZipFile(files.docx) as z:
        docx = z.read("word/document.xml").decode("utf-8")
    heading = "De-identification (for the methods chapter)" if lang == "en" else "De-identifikasi (untuk bab metode)"
    said = "were replaced" if lang == "en" else "diganti"
    assert f'<section id="deid">\n<h2>{heading}</h2>' in html and said in html
    phone = "PHONE 1" if lang == "en" else "nomor telepon 1"  # the Indonesian report names the types (trial16)
    assert f"## {heading}" in md and phone in md
    assert heading in docx and phone in docx
    # the quotes are of the de-identified text, so they hold surrogates (never a mapping); the section holds none
    html_section = html[html.index('<section id="deid">') :].split("</section>")[0]
    md_section = md[md.index(f"## {heading}") :].split("\n## ")[0]
    for where, blob, secrets in (
        ("html", html, originals | {PASS}),
        ("md", md, originals | {PASS}),
        ("docx", docx, originals | {PASS}),
        ("html section", html_section, surrogates),
        ("md section", md_section, surrogates),
    ):
        absent(secrets, blob, f"the report's {where}")
