"""Sources: importing transcripts into a project and reading them back.

Stored text is NFC with ``"\\n"`` line endings and never changes after import; turns are detected
at import (or taken from the format, for subtitles and chat exports).
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from .errors import DuplicateSourceError, ImportFormatError, InputError, MaknaError
from .importers import ImportedText, read_document, supported_suffixes
from .model import Source, Turn, new_id, utcnow
from .project import Project
from .store import as_utc, tables
from .text import TurnSpan, detect_turns, normalize_text

__all__ = [
    "SourceSummary",
    "ImportReport",
    "import_file",
    "import_text",
    "import_paths",
    "list_sources",
    "get_source",
    "get_turns",
    "rename_source",
    "delete_source",
    "set_language",
]

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class SourceSummary:
    """A source without its text, for listings."""

    id: str
    name: str
    length: int
    turns: int
    language: str
    media_type: str
    original_name: str
    sha256: str
    imported_at: Any


@dataclass
class ImportReport:
    """What importing several files did: imported sources, skipped duplicates, failures."""

    imported: list[Source] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, existing source name)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def _detect_language(text: str) -> str:
    from .importers.language import detect_language

    return detect_language(text)


def _row_to_source(r: Any) -> Source:
    return Source(
        id=r.id, name=r.name, text=r.text, original_name=r.original_name, sha256=r.sha256,
        media_type=r.media_type, language=r.language, imported_at=as_utc(r.imported_at),
        encoding=r.encoding, has_original=bool(r.has_original),
    )


def _check_language(language: str | None) -> None:
    if language is not None and not (2 <= len(language) <= 16 and language.replace("-", "").isalnum()):
        raise InputError(f"language {language!r}: use a code such as 'id' or 'en'")


def import_text(
    project: Project,
    name: str,
    text: str,
    *,
    original_name: str | None = None,
    media_type: str = "text/plain",
    language: str | None = None,
    turns: Sequence[TurnSpan] | None = None,
    turn_pattern: str | None = None,
    original: bytes | None = None,
    keep_original: bool = True,
    encoding: str | None = None,
    source_id: str | None = None,
    allow_duplicate: bool = False,
) -> Source:
    """Store ``text`` (normalised here) as a new source called ``name``.

    ``turns`` index into the normalised text; when None they are detected with ``turn_pattern``.
    A source with the same content (sha256 of ``original`` bytes, else of the text) is refused
    unless ``allow_duplicate``; ``original`` is stored only with ``keep_original``.
    """
    _check_language(language)
    norm = normalize_text(text)
    if not norm.strip():
        raise ImportFormatError(f"{name}: the text is empty")
    if not name.strip():
        raise InputError("a source needs a non-empty name")
    digest = hashlib.sha256(original if original is not None else norm.encode("utf-8")).hexdigest()
    spans = list(turns) if turns is not None else detect_turns(norm, turn_pattern)
    for t in spans:
        if not (0 <= t.start < t.end <= len(norm)):
            raise ImportFormatError(f"{name}: turn {t.start}:{t.end} lies outside the text")
    sid = source_id or new_id()
    lang = language or _detect_language(norm)
    imported_at = utcnow()
    payload: dict[str, Any] = {"id": sid, "name": name, "sha256": digest, "length": len(norm), "turns": len(spans)}
    c = tables.sources.c
    with project.store.write(project.actor, "source.import", payload) as conn:
        if not allow_duplicate:
            same = conn.execute(select(c.name).where(c.sha256 == digest)).scalar()
            if same is not None:
                raise DuplicateSourceError(f"{original_name or name}: identical to source {same!r}, imported already")
        if conn.execute(select(c.id).where(c.name == name)).first() is not None:
            raise DuplicateSourceError(f"{name}: a source with this name exists already (choose another with --name)")
        conn.execute(
            insert(tables.sources).values(
                id=sid, name=name, text=norm, length=len(norm), original_name=original_name or name,
                sha256=digest, media_type=media_type, language=lang, encoding=encoding,
                imported_at=imported_at, original=original if keep_original else None,
            )
        )
        if spans:
            project.store.bulk_insert(conn, tables.turns, [
                {"source_id": sid, "number": i, "speaker": t.speaker[:200], "start": t.start, "end": t.end,
                 "time_start": t.time_start, "time_end": t.time_end}
                for i, t in enumerate(spans, start=1)
            ])
    return Source(id=sid, name=name, text=norm, original_name=original_name or name, sha256=digest,
                  media_type=media_type, language=lang, imported_at=imported_at, encoding=encoding,
                  has_original=original is not None and keep_original)


def import_file(
    project: Project,
    path: str | Path,
    *,
    name: str | None = None,
    language: str | None = None,
    turn_pattern: str | None = None,
    keep_original: bool = True,
    allow_duplicate: bool = False,
) -> Source:
    """Import one transcript file (see :func:`makna.importers.supported_suffixes`).

    Identity for duplicate detection is the sha256 of the file's bytes; ``keep_original`` also
    stores those bytes in the project."""
    p = Path(path)
    return _store_document(project, p, read_document(p), name or p.name, language=language,
                           turn_pattern=turn_pattern, keep_original=keep_original, allow_duplicate=allow_duplicate)


def _store_document(project: Project, path: Path, doc: ImportedText, name: str, *, language: str | None,
                    turn_pattern: str | None, keep_original: bool, allow_duplicate: bool = False) -> Source:
    media = doc.media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return import_text(
        project, name, doc.text, original_name=path.name, media_type=media, language=language,
        turns=doc.turns if doc.turns is not None and turn_pattern is None else None,
        turn_pattern=turn_pattern, original=path.read_bytes(), keep_original=keep_original,
        encoding=doc.encoding, allow_duplicate=allow_duplicate,
    )


def _expand(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files to import with their source names; folders are walked (sorted), unsupported files in
    folders are passed over, names are paths relative to the folder given."""
    suffixes = set(supported_suffixes())
    out: list[tuple[Path, str]] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            for f in sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")):
                if f.suffix.lower() in suffixes:
                    out.append((f, f.relative_to(p).as_posix()))
        else:
            out.append((p, p.name))
    return out


_GROUP_FILES = 64
_GROUP_CHARS = 32_000_000


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    *,
    language: str | None = None,
    turn_pattern: str | None = None,
    keep_original: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    stop_on_error: bool = False,
) -> ImportReport:
    """Import files and folders of files. Identical files already in the project are skipped and
    reported; a file that fails is reported (or raised with ``stop_on_error``) and the rest go on.

    Files are read first, then stored in groups, one transaction per group (each file still logs
    its own event); a group that meets a refusal is stored again file by file, so that every
    refusal is reported against its own file."""
    report = ImportReport()
    todo = _expand(paths)
    group: list[tuple[Path, str, ImportedText]] = []
    options: dict[str, Any] = {"language": language, "turn_pattern": turn_pattern, "keep_original": keep_original}

    def refused(path: Path, exc: MaknaError) -> None:
        if stop_on_error:
            raise exc
        target = report.duplicates if isinstance(exc, DuplicateSourceError) else report.failed
        target.append((str(path), str(exc)))

    def flush() -> None:
        try:
            with project.store.batch():
                stored = [_store_document(project, p, doc, n, **options) for p, n, doc in group]
            report.imported.extend(stored)
        except MaknaError:
            for p, n, doc in group:
                try:
                    report.imported.append(_store_document(project, p, doc, n, **options))
                except MaknaError as exc:
                    refused(p, exc)
        group.clear()

    for i, (path, name) in enumerate(todo, start=1):
        if progress:
            progress(i, len(todo), str(path))
        try:
            group.append((path, name, read_document(path)))
        except MaknaError as exc:
            refused(path, exc)
            continue
        if len(group) >= _GROUP_FILES or sum(len(d.text) for _, _, d in group) > _GROUP_CHARS:
            flush()
    if group:
        flush()
    return report


def list_sources(project: Project) -> list[SourceSummary]:
    s, t = tables.sources.c, tables.turns.c
    n_turns = select(func.count()).where(t.source_id == s.id).scalar_subquery()
    with project.store.read() as conn:
        rows = conn.execute(
            select(s.id, s.name, s.length, n_turns.label("turns"), s.language, s.media_type, s.original_name,
                   s.sha256, s.imported_at).order_by(s.name)
        ).all()
    return [SourceSummary(r.id, r.name, r.length, r.turns, r.language, r.media_type, r.original_name, r.sha256,
                          as_utc(r.imported_at)) for r in rows]


def get_source(project: Project, name_or_id: str) -> Source:
    s = tables.sources.c
    with project.store.read() as conn:
        sid = project.source_row(conn, name_or_id).id
        row = conn.execute(
            select(s.id, s.name, s.text, s.original_name, s.sha256, s.media_type, s.language, s.imported_at,
                   s.encoding, (s.original.is_not(None)).label("has_original")).where(s.id == sid)
        ).one()
    return _row_to_source(row)


def get_turns(project: Project, name_or_id: str) -> list[Turn]:
    t = tables.turns.c
    with project.store.read() as conn:
        sid = project.source_row(conn, name_or_id).id
        rows = conn.execute(select(tables.turns).where(t.source_id == sid).order_by(t.number)).all()
    return [Turn(r.source_id, r.number, r.speaker, r.start, r.end, r.time_start, r.time_end) for r in rows]


def rename_source(project: Project, name_or_id: str, new_name: str) -> Source:
    if not new_name.strip():
        raise InputError("a source needs a non-empty name")
    s = tables.sources.c
    with project.store.write(project.actor, "source.rename", {}) as conn:
        row = project.source_row(conn, name_or_id)
        if conn.execute(select(s.id).where(s.name == new_name, s.id != row.id)).first():
            raise DuplicateSourceError(f"{new_name}: a source with this name exists already")
        conn.execute(update(tables.sources).where(s.id == row.id).values(name=new_name))
    return get_source(project, row.id)


def set_language(project: Project, name_or_id: str, language: str) -> None:
    _check_language(language)
    with project.store.write(project.actor, "source.language", {"language": language}) as conn:
        row = project.source_row(conn, name_or_id)
        conn.execute(update(tables.sources).where(tables.sources.c.id == row.id).values(language=language))


def delete_source(project: Project, name_or_id: str) -> int:
    """Delete a source with its turns, case links and codings; returns the codings removed."""
    seg = tables.segments.c
    payload: dict[str, Any] = {}
    with project.store.write(project.actor, "source.delete", payload) as conn:
        row = project.source_row(conn, name_or_id)
        payload.update(id=row.id)
        from .analysis.search_index import unindex_source

        unindex_source(conn, row.id)
        n = conn.execute(delete(tables.segments).where(seg.source_id == row.id)).rowcount
        conn.execute(delete(tables.turns).where(tables.turns.c.source_id == row.id))
        conn.execute(delete(tables.case_links).where(tables.case_links.c.source_id == row.id))
        conn.execute(delete(tables.sources).where(tables.sources.c.id == row.id))
        payload.update(segments_removed=n)
    return int(n)
