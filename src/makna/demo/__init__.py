"""``makna demo``: build a project from the bundled fictional study and write its findings.

The study (six fictional interviews in informal Indonesian, modelled on the themes of a
phenomenological study of communication through a chat app) lives in ``makna/demo/data``.
Its transcripts carry fictional identifiers on purpose: the demo de-identifies them (scan, accept
every detection, replace with surrogates) before any coding, so the findings quote surrogates. The
key goes to its own folder, ``DIR/demo-key/study.makna.key``, apart from the project as the README
advises for a real key, under the published demo-only passphrase :data:`DEMO_PASSPHRASE` (it
protects nothing: the identifiers it holds are fictional); the demo says where it put it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..cases import load_cases
from ..codebook import import_codebook, load_codebook
from ..coding import SegmentSpec, code_many
from ..errors import InputError, ProjectExistsError
from ..privacy.project import decide_all, scan
from ..privacy.project_apply import apply
from ..project import Project, create_project
from ..queries import CodeFrequency, code_frequencies
from ..report.i18n import type_name
from ..sources import get_turns, import_text
from ._folder import EXAMPLE_FILES, claim_folder, key_file, mark_folder, seal_folder
from .findings import write_findings

__all__ = ["DemoResult", "build_demo", "demo_data", "DEMO_CODER", "DEMO_PASSPHRASE", "EXAMPLE_FILES"]

DEMO_CODER = "peneliti"
DEMO_PASSPHRASE = "makna-demo-only"
"""The passphrase of the demo's key file: printed, known to everyone, fit for the fictional demo only."""


@dataclass(frozen=True)
class DemoResult:
    project_path: Path
    findings_path: Path
    sources: int
    segments: int
    frequencies: list[CodeFrequency]
    key_path: Path | None = None
    replaced: dict[str, int] = field(default_factory=dict)
    report_path: Path | None = None
    example_files: tuple[Path, ...] = ()


def demo_data() -> Any:
    """The folder of bundled demo files (an importlib Traversable)."""
    return resources.files("makna.demo") / "data"


def _read(name: str) -> str:
    return str((demo_data() / name).read_text(encoding="utf-8"))




def build_demo(directory: str | Path, *, lang: str = "id", progress: Callable[[str], None] | None = None) -> DemoResult:
    """Create ``DIR/study.makna`` from the bundled study, de-identify and code it, and write
    ``DIR/findings.md``, the report in ``DIR/report/`` and the study's :data:`EXAMPLE_FILES` (codebook,
    cases, coding) in ``DIR``. An earlier demo's files there are replaced unless someone changed them
    since (coded in its project, edited its codebook); any other file in their place (a project of
    yours, its key, a codebook of yours) is refused and left untouched
    (:class:`~makna.errors.ProjectExistsError`)."""
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise ProjectExistsError(f"{folder}: is a file, not a folder (choose another --dir)")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "study.makna"
    key_path = key_file(folder)
    claim_folder(folder)
    key_path.parent.mkdir(exist_ok=True)
    say = progress or (lambda _msg: None)
    with create_project(path, "Studi demo: komunikasi melalui MiChat (fiktif)", coder=DEMO_CODER) as project:
        project_id = project.info().id
        mark_folder(folder, project_id)
        say(_say("importing transcripts", lang))
        names = sorted(
            p.name for p in demo_data().iterdir() if p.name.startswith("informan-") and p.name.endswith(".txt")
        )
        for name in names:
            import_text(project, name, _read(name), original_name=name, language="id")
        replaced = _deidentify(project, key_path, say, lang)
        say(_say("loading codebook and cases", lang))
        import_codebook(project, load_codebook(_read("codebook.yaml"), origin="demo codebook.yaml"))
        load_cases(project, yaml.safe_load(_read("cases.yaml")), origin="demo cases.yaml")
        say(_say("coding", lang))
        n = _apply_coding(project, yaml.safe_load(_read("coding.yaml")) or [])
        freq = code_frequencies(project, descendants=True)
        say(_say("writing findings and the report", lang))
        findings = write_findings(project, folder / "findings.md", lang=lang)
        from ..report import write_report

        report = write_report(project, folder / "report", lang=lang)
    examples = []
    for name in EXAMPLE_FILES:
        (folder / name).write_text(_read(name), encoding="utf-8")
        examples.append(folder / name)
    seal_folder(folder, project_id)
    return DemoResult(path, findings, len(names), n, freq, key_path, replaced, report.html, tuple(examples))


_SAY_ID = {
    "importing transcripts": "mengimpor transkrip", "loading codebook and cases": "memuat buku kode dan kasus",
    "coding": "mengode", "writing findings and the report": "menulis temuan dan laporan",
    "de-identifying transcripts": "men-de-identifikasi transkrip", "replaced": "diganti",
}
"""The progress lines in Indonesian (``makna demo --lang id``, the default)."""


def _say(message: str, lang: str) -> str:
    return _SAY_ID.get(message, message) if lang == "id" else message


def _deidentify(project: Project, key_path: Path, say: Callable[[str], None], lang: str = "en") -> dict[str, int]:
    """Scan, accept every detection (the demo's identifiers are fictional and all meant to go), scan
    again so that confirmed identifiers are found everywhere, and replace them with surrogates."""
    say(_say("de-identifying transcripts", lang))
    scan(project)
    decide_all(project, "accepted")
    scan(project)
    decide_all(project, "accepted")
    report = apply(project, key_path, DEMO_PASSPHRASE, mode="surrogate")
    for kind, count in report.by_type.items():
        say(f"  {_say('replaced', lang)} {count} {type_name(kind, lang)}")
    if lang == "id":
        say(f"kunci: {key_path}, di foldernya sendiri, frasa sandi {DEMO_PASSPHRASE!r}: frasa sandi yang diumumkan, "
            "hanya cocok untuk penanda identitas fiktif demo ini. Untuk studi Anda sendiri pilih frasa sandi dan "
            "simpan kunci jauh dari proyek dan salinannya (misalnya makna deid apply --key ~/keys/study.key)")
        return report.by_type
    say(
        f"key: {key_path}, in a folder of its own, passphrase {DEMO_PASSPHRASE!r}: a published passphrase, "
        "fit only for the demo's fictional identifiers. For your own study choose a passphrase and keep the "
        "key away from the project and its copies (e.g. makna deid apply --key ~/keys/study.key)"
    )
    return report.by_type


def _apply_coding(project: Project, entries: list[dict[str, Any]]) -> int:
    turns: dict[str, dict[int, tuple[int, int]]] = {}
    specs: list[SegmentSpec] = []
    for entry in entries:
        source = str(entry["source"])
        if source not in turns:
            turns[source] = {t.number: (t.start, t.end) for t in get_turns(project, source)}
        number = int(entry["turn"])
        if number not in turns[source]:
            raise InputError(f"demo coding: {source} has no turn {number}")
        start, end = turns[source][number]
        specs.extend(SegmentSpec(source, start, end, str(code)) for code in entry["codes"])
    return code_many(project, specs).created
