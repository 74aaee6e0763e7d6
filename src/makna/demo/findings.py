"""findings.md: per code, the number of informants and exemplar quotes with source and turn."""

from __future__ import annotations

from pathlib import Path

from ..codebook import code_tree
from ..exemplars import exemplar_quotes
from ..project import Project
from ..queries import code_frequencies

__all__ = ["write_findings", "findings_markdown"]

_TEXT = {
    "id": {
        "title": "Temuan",
        "intro": "Dibuat oleh makna dari proyek {name}. Semua transkrip fiktif. Angka kode induk menghitung "
                 "segmen berbeda dalam subpohonnya.",
        "table": "| Kode | Nama | Informan | Segmen |",
        "informants": "{n} informan, {s} segmen",
        "none": "Belum ada segmen.",
        "turn": "giliran",
    },
    "en": {
        "title": "Findings",
        "intro": "Written by makna from the project {name}. All transcripts are fictional. A parent code "
                 "counts the distinct segments of its subtree.",
        "table": "| Code | Name | Informants | Segments |",
        "informants": "{n} informant(s), {s} segment(s)",
        "none": "No segments yet.",
        "turn": "turn",
    },
}


def _md(text: str) -> str:
    """Escape Markdown control characters in transcript text so a quote cannot format the file."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def findings_markdown(project: Project, *, lang: str = "id", quotes: int = 2) -> str:
    t = _TEXT.get(lang, _TEXT["en"])
    info = project.info()
    freq = {f.key: f for f in code_frequencies(project, descendants=True)}
    lines = [
        f"# {t['title']}: {_md(info.name)}",
        "",
        t["intro"].format(name=_md(info.name)),
        "",
        t["table"],
        "| --- | --- | ---: | ---: |",
    ]
    nodes = code_tree(project)
    parents = {n.code.parent_id for n in nodes}
    for node in nodes:
        f = freq[node.code.key]
        lines.append(
            f"| {'· ' * node.depth}`{node.code.key}` | {_md(node.code.name)} | {f.cases} | {f.segments} |"
        )
    lines.append("")
    for node in nodes:
        f = freq[node.code.key]
        if not f.segments or node.code.id in parents:
            continue
        lines += [
            f"## {_md(node.code.name)} (`{node.code.key}`)",
            "",
            f"*{t['informants'].format(n=f.cases, s=f.segments)}*",
            "",
        ]
        if node.code.definition:
            lines += [_md(node.code.definition), ""]
        for q in exemplar_quotes(project, node.code.key, quotes):
            where = f"{q.source}, {t['turn']} {q.turn}" if q.turn else f"{q.source} {q.start}:{q.end}"
            who = f"{_md(q.case)}, " if q.case else ""
            lines += [f"> \u201c{_md(q.text)}\u201d", f"> \u2014 {who}{_md(where)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def write_findings(project: Project, path: Path, *, lang: str = "id") -> Path:
    path.write_text(findings_markdown(project, lang=lang), encoding="utf-8")
    return path
