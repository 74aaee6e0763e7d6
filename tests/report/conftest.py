"""A small coded project whose transcripts hold HTML, Markdown and script, on each backend."""

from __future__ import annotations

from typing import Any

import pytest

import makna

EVIL = "<script>alert('x')</script> **bold** [link](http://example.com) # heading | pipe"


@pytest.fixture
def coded(project: Any) -> Any:
    text = ("P: Bagaimana pengalamannya?\n"
            f"I: Saya pernah ditipu pelanggan. {EVIL} Dia kabur.\n"
            "P: Lalu?\n"
            "I: Saya senang karena dibelikan HP baru oleh pelanggan tetap.\n")
    makna.import_text(project, "informan-01.txt", text, language="id")
    makna.import_text(project, "informan-02.txt", text.replace("Saya", "Aku"), language="id")
    makna.add_code(project, "exp", "Pengalaman", definition="Pengalaman <b>informan</b>.")
    makna.add_code(project, "exp.neg", "Ditipu", parent="exp", definition="Ditipu pelanggan.")
    makna.add_code(project, "exp.pos", "Hadiah", parent="exp")
    makna.add_code(project, "unused", "Tidak dipakai")
    makna.define_attribute(project, "usia", "text")
    for i, name in enumerate(("informan-01.txt", "informan-02.txt"), start=1):
        makna.add_case(project, f"Informan {i}", values={"usia": "20-24" if i == 1 else "25-29"})
        makna.link_source(project, f"Informan {i}", name)
        makna.code_turn(project, name, 2, "exp.neg")
        makna.code_turn(project, name, 4, "exp.pos")
    return project
