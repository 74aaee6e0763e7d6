"""The Indonesian report's de-identification paragraph (for a thesis's methods chapter) names the identifier types
and the apply's mode in Indonesian (trial16, issue #11): it read "... di-de-identifikasi (surrogate) ... diganti
(ACCOUNT 1, ADDRESS 1, PERSON 58, PHONE 4 ...)", the codes of the command line, although the Indonesian audit
page names them ("nama orang", "nomor telepon"); the English report keeps the codes."""

from __future__ import annotations

from pathlib import Path

import makna
from deid_audit_helpers import deidentify


def _section(project: makna.Project, folder: Path, lang: str) -> str:
    md = makna.write_report(project, folder, lang).markdown.read_text(encoding="utf-8")
    heading = "## De-identifikasi (untuk bab metode)" if lang == "id" else "## De-identification (for the methods"
    return md[md.index(heading) :].split("\n## ")[0]


def test_the_indonesian_methods_paragraph_names_types_and_mode_in_indonesian(
    project: makna.Project, tmp_path: Path
) -> None:
    deidentify(project, tmp_path / "k.key")
    makna.add_code(project, "c", "A code")
    makna.code_turn(project, "a.txt", 2, "c")
    said = _section(project, tmp_path / "id", "id")
    assert "nomor telepon 1" in said and "PHONE" not in said, said
    assert "(nama dan data pengganti)" in said and "(surrogate)" not in said, said
    english = _section(project, tmp_path / "en", "en")
    assert "PHONE 1" in english and "(surrogate)" in english, english
