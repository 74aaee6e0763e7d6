"""Sources: importing transcripts into a project and reading them back.

Stored text is NFC with ``"\\n"`` line endings and never changes after import; turns are detected
at import (or taken from the format, for subtitles and chat exports).
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, delete, func, or_, select, update

from .errors import DuplicateSourceError, ImportFormatError, InputError, MaknaError
from .holds import mark_held, shown_sources
from .importers import ImportedText, convertible, read_bytes, read_document, supported_suffixes, unsupported_reason
from .importers.survey import SURVEY_SUFFIXES, is_survey
from .memos import forget
from .model import Source, Turn, new_id, utcnow
from .paging import decode_cursor, encode_cursor
from .project import Project
from .store import LONG_TEXT, TURN_COLUMNS, as_utc, bulk_insert, check_text_size, tables, write_long_text
from .text import TurnSpan, normalize_text, refuse_unstorable
from .turn_table import TurnTable

__all__ = [
    "SourceSummary",
    "any_deidentified",
    "has_deidentified",
    "ImportReport",
    "DuplicateFile",
    "import_file",
    "import_text",
    "import_paths",
    "list_sources",
    "get_source",
    "get_turns",
    "rename_source",
    "delete_source",
    "purge_source",
    "set_language",
    "get_original",
    "import_upload",
    "upload_name",
    "source_cursor",
    "count_sources",
    "not_deidentified",
    "count_not_deidentified",
]

_TELEGRAM_JSON = "application/x-telegram-json"
"""``importers.telegram_json.MEDIA_TYPE``, spelt here so that listing sources imports no reader (lxml)."""

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
    #: imported into a de-identified project and not de-identified yet (:mod:`makna.holds`)
    held: bool = False


class DuplicateFile(NamedTuple):
    """A file not imported because it duplicates a source: ``same_content`` when its bytes or its text are a
    source's already (``allow_duplicate`` imports it as a second source), false when its name is taken."""

    path: str
    reason: str
    same_content: bool


@dataclass
class ImportReport:
    """What importing several files did: imported sources, skipped duplicates, failures, and the files
    in the folders given that were passed over (not transcripts makna reads), each with the reason."""

    imported: list[Source] = field(default_factory=list)
    duplicates: list[DuplicateFile] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    passed_over: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    # what a reader left out or assumed in a file it imported (a .docx page header, an encoding...)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, note)


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


@dataclass
class _Prepared:
    """A source ready to store: checked, normalised, with its turns; no database touched yet."""

    source: Source
    stored_original: bytes | None
    spans: TurnTable
    allow_duplicate: bool
    label: str
    text_sha256: str  # of the normalised text: the same content read from other bytes (a folder, its .zip)


def _is_blank(text: str) -> bool:
    """True for empty or white-space-only text (without the copy that ``text.strip()`` makes)."""
    return not text or text.isspace()


def _is_utf8_of(data: bytes, text: str, digest: str) -> bool:
    """Whether ``data`` (whose sha256 is ``digest``) is ``text`` in UTF-8; encodes ``text`` a
    million characters at a time instead of holding a second copy of a large file."""
    if len(data) < len(text) or len(data) > 4 * len(text):
        return False
    h = hashlib.sha256()
    size = 0
    for i in range(0, len(text), _ENCODE_CHUNK):
        piece = text[i : i + _ENCODE_CHUNK].encode("utf-8")
        size += len(piece)
        if size > len(data):
            return False
        h.update(piece)
    return size == len(data) and h.hexdigest() == digest


_ENCODE_CHUNK = 1 << 20
_TURN_BATCH = 10_000  # turn rows per insert batch


def _prepare(name: str, text: str, *, original_name: str | None, media_type: str, language: str | None,
             turns: Sequence[TurnSpan] | None, turn_pattern: str | None, original: bytes | None,
             keep_original: bool, encoding: str | None, source_id: str | None, allow_duplicate: bool) -> _Prepared:
    _check_language(language)
    norm = normalize_text(text)
    del text  # a caller's copy may go; this function keeps the normalised one
    if _is_blank(norm):
        raise ImportFormatError(f"{name}: the text is empty")
    if not name.strip():
        raise InputError("a source needs a non-empty name")
    refuse_unstorable(name, name, norm)
    check_text_size(norm, name)
    digest = hashlib.sha256(original if original is not None else norm.encode("utf-8")).hexdigest()
    try:
        spans = TurnTable.of(turns, length=len(norm)) if turns is not None else TurnTable.detect(norm, turn_pattern)
    except ValueError as exc:
        raise ImportFormatError(f"{name}: {exc}") from None
    same = original is None or _is_utf8_of(original, norm, digest)
    stored_original = original if keep_original and not same else None
    source = Source(
        id=source_id or new_id(), name=name, text=norm, original_name=original_name or name, sha256=digest,
        media_type=media_type, language=language or _detect_language(norm), imported_at=utcnow(),
        encoding=encoding, has_original=stored_original is not None or same,
    )
    text_digest = digest if original is None or same else hashlib.sha256(norm.encode("utf-8")).hexdigest()
    return _Prepared(source, stored_original, spans, allow_duplicate, original_name or name, text_digest)


def _store_prepared(project: Project, items: Sequence[_Prepared]) -> list[Source]:
    """Store prepared sources in one transaction, one ``source.import`` event each. Refused whole
    when any of them duplicates a stored source (or another in ``items``) by name, or by content: the
    same file (its bytes' sha256) or the same text read from other bytes (a chat's export folder and
    its .zip, a file saved again with other line ends)."""
    c = tables.sources.c
    payloads = [{"id": it.source.id, "name": it.source.name, "sha256": it.source.sha256,
                 "length": it.source.length, "turns": len(it.spans)} for it in items]
    with project.store.write_each(project.actor, "source.import", payloads) as conn:
        names = [it.source.name for it in items]
        checked = [it for it in items if not it.allow_duplicate]
        shas = [it.source.sha256 for it in checked]
        taken = conn.execute(select(c.name, c.sha256).where(or_(c.name.in_(names), c.sha256.in_(shas)))).all()
        by_sha = {sha: name for name, sha in taken}
        by_name = {name for name, _ in taken}
        by_text = _stored_texts(conn, {it.source.length for it in checked})
        for it in items:
            src = it.source
            if not it.allow_duplicate and src.sha256 in by_sha:
                raise DuplicateSourceError(f"{it.label}: identical to source {by_sha[src.sha256]!r}, imported already",
                                           same_content=True)
            if not it.allow_duplicate and it.text_sha256 in by_text:
                raise DuplicateSourceError(f"{it.label}: the same text as source {by_text[it.text_sha256]!r}, "
                                           "imported already", same_content=True)
            if src.name in by_name:
                raise DuplicateSourceError(f"{src.name}: a source with this name exists already "
                                           "(choose another with --name)")
            by_name.add(src.name)
            if not it.allow_duplicate:
                by_sha[src.sha256] = src.name
                by_text[it.text_sha256] = src.name
        held_at = mark_held(conn)  # a de-identified project: held until applied or released (makna.holds)
        if held_at is not None:
            for p in payloads:
                p["held"] = True
        bulk_insert(conn, tables.sources, [
            {"id": it.source.id, "name": it.source.name, "length": it.source.length,
             "text": "" if it.source.length >= LONG_TEXT else it.source.text,
             "original_name": it.source.original_name, "sha256": it.source.sha256,
             "media_type": it.source.media_type, "language": it.source.language, "encoding": it.source.encoding,
             "imported_at": it.source.imported_at, "original": it.stored_original, "held_at": held_at}
            for it in items
        ])
        for it in items:
            if it.source.length >= LONG_TEXT:  # a megabyte at a time, not as one more copy
                write_long_text(conn, tables.sources, "text", it.source.id, it.source.text)
        for it in items:  # in batches: a transcript can have millions of turns
            for first in range(0, len(it.spans), _TURN_BATCH):
                bulk_insert(conn, tables.turns, it.spans.rows(it.source.id, first=first, count=_TURN_BATCH),
                            TURN_COLUMNS, per_statement=50)
    return [it.source for it in items]


def _stored_texts(conn: Connection, lengths: set[int]) -> dict[str, str]:
    """sha256 of the text -> name, of the stored sources whose text has one of ``lengths`` (only
    those can hold the same text: their texts are read, one at a time, not the whole table's)."""
    c = tables.sources.c
    out: dict[str, str] = {}
    if not lengths:
        return out
    for sid, name in conn.execute(select(c.id, c.name).where(c.length.in_(sorted(lengths)))).all():
        text = conn.execute(select(c.text).where(c.id == sid)).scalar_one()
        out.setdefault(hashlib.sha256(text.encode("utf-8")).hexdigest(), name)
    return out


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
    item = _prepare(name, text, original_name=original_name, media_type=media_type, language=language,
                    turns=turns, turn_pattern=turn_pattern, original=original, keep_original=keep_original,
                    encoding=encoding, source_id=source_id, allow_duplicate=allow_duplicate)
    return _store_prepared(project, [item])[0]


def get_original(project: Project, name_or_id: str) -> bytes | None:
    """The bytes of the file the source was imported from, if the project kept them."""
    s = tables.sources.c
    with project.store.read() as conn:
        sid = project.source_row(conn, name_or_id).id
        row = conn.execute(select(s.original, s.text, s.sha256).where(s.id == sid)).one()
    return _original_bytes(row.original, row.text, row.sha256)


def _original_bytes(stored: bytes | None, text: str, sha256: str) -> bytes | None:
    """The imported file's bytes: those stored, or the text itself when it is the file (same hash)."""
    if stored is not None:
        return bytes(stored)
    data = text.encode("utf-8")
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def import_file(
    project: Project,
    path: str | Path,
    *,
    name: str | None = None,
    language: str | None = None,
    turn_pattern: str | None = None,
    keep_original: bool = True,
    allow_duplicate: bool = False,
    on_note: Callable[[str], None] | None = None,
) -> Source:
    """Import one transcript file (see :func:`makna.importers.supported_suffixes`).

    Identity for duplicate detection is the sha256 of the file's bytes; ``keep_original`` also
    stores those bytes in the project. ``on_note`` gets, once the source is stored, each note of the
    reader about what it left out or assumed (a .docx page header, an encoding)."""
    p = Path(path)
    doc = read_document(p)
    item = _prepare_document(p, doc, name or _file_name(p), language=language, turn_pattern=turn_pattern,
                             keep_original=keep_original, allow_duplicate=allow_duplicate)
    stored = _store_prepared(project, [item])[0]
    if on_note is not None:
        for note in doc.notes:
            on_note(note)
    return stored


_MAX_NAME = 255


def upload_name(filename: str) -> str:
    """The source name for an uploaded file: the last part of the name the browser sent (never a
    path), without control characters; refused when nothing usable is left."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if not base or base in (".", "..") or base.startswith("."):
        raise InputError(f"upload {filename[:80]!r}: not a usable file name")
    if len(base) > _MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[: _MAX_NAME - len(suffix) - 1] + dot + suffix) if dot and len(suffix) < 16 else base[:_MAX_NAME]
    return base


def import_upload(project: Project, filename: str, data: bytes, *, language: str | None = None,
                  keep_original: bool = True, max_bytes: int | None = None, allow_duplicate: bool = False,
                  on_note: Callable[[str], None] | None = None) -> Source:
    """Import the bytes of an uploaded file (read as a file of that name would be, with the same
    readers and limits; nothing is written to disk). The source is named after the file; ``on_note``
    and ``allow_duplicate`` as in :func:`import_file`."""
    name = upload_name(filename)
    path = Path(name)
    doc = read_bytes(path, data, max_bytes=max_bytes)
    if doc.media_type == _TELEGRAM_JSON:  # every export is result.json; a browser sends no folder
        from .importers.telegram_json import source_name as telegram_json_name  # lxml: not for a listing

        name = telegram_json_name(name, data=data)
    item = _prepare_document(path, doc, name, language=language, turn_pattern=None, keep_original=keep_original,
                             allow_duplicate=allow_duplicate)
    stored = _store_prepared(project, [item])[0]
    if on_note is not None:
        for note in doc.notes:
            on_note(note)
    return stored


def _file_name(path: Path, rel: str | None = None) -> str:
    """The source name of a file imported on its own (``rel``: its path in a folder given): its name, except a
    Telegram JSON export's ``result.json``, named after its folder (:func:`.importers.telegram_json.source_name`)."""
    name = rel if rel is not None else path.name
    if path.suffix.lower() != ".json" or "/" in name:
        return name
    from .importers.telegram_json import source_name as telegram_json_name  # lxml: not for a listing

    return telegram_json_name(name, path.resolve().parent.name)


def _prepare_document(path: Path, doc: ImportedText, name: str, *, language: str | None, turn_pattern: str | None,
                      keep_original: bool, allow_duplicate: bool = False) -> _Prepared:
    media = doc.media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return _prepare(
        name, doc.text, original_name=path.name, media_type=media, language=language,
        turns=doc.turns if doc.turns is not None and turn_pattern is None else None,
        turn_pattern=turn_pattern, original=doc.raw, keep_original=keep_original,
        encoding=doc.encoding, source_id=None, allow_duplicate=allow_duplicate,
    )


def _expand(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[tuple[str, str]]]:
    """Files to import with their source names, and the files passed over with the reason. Folders
    are walked (sorted; hidden files and folders left out); a file in a folder whose type makna does
    not read is passed over, except a format makna knows how to convert (.doc), which is kept so that
    its import fails with that advice; names are paths relative to the folder given. A Telegram Desktop
    chat export's folder (given, or met in the walk) is one item: its pages make one source."""
    from .importers.telegram import is_export_folder
    from .importers.telegram_json import is_chat_json

    suffixes = set(supported_suffixes()) | set(SURVEY_SUFFIXES)
    out: list[tuple[Path, str]] = []
    passed: list[tuple[str, str]] = []
    taken: set[Path] = set()
    for item in paths:
        p = Path(item)
        if p.is_dir() and is_export_folder(p):
            out.append((p, p.name))
        elif p.is_dir():
            exports = sorted(q.parent for q in p.rglob("messages.html") if is_export_folder(q.parent))
            for f in sorted(q for q in p.rglob("*") if q.is_file()):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                export = next((e for e in exports if f.is_relative_to(e)), None)
                if export is not None:  # a Telegram export in the folder: one source, its files left to it
                    if export not in taken:
                        taken.add(export)
                        out.append((export, export.relative_to(p).as_posix()))
                elif f.suffix.lower() == ".json" and not is_chat_json(f):
                    passed.append((str(f), "a .json that is no Telegram Desktop chat export (result.json)"))
                elif f.suffix.lower() in suffixes or convertible(f.suffix):
                    out.append((f, _file_name(f, rel.as_posix())))
                else:
                    passed.append((str(f), unsupported_reason(f)))
        else:
            out.append((p, _file_name(p)))
    return out, passed


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
    allow_duplicate: bool = False,
) -> ImportReport:
    """Import files and folders of files. Identical files already in the project are skipped and
    reported; a file that fails is reported (or raised with ``stop_on_error``) and the rest go on;
    files in the folders that are not transcripts makna reads are listed in ``passed_over``.
    ``allow_duplicate`` imports a file whose content is a stored source's (or another file's) as a
    source of its own, as :func:`import_file`'s does; a name taken is still refused.

    Files are read first, then stored in groups, one transaction per group (each file still logs
    its own event); a group that meets a refusal is stored again file by file, so that every
    refusal is reported against its own file."""
    paths = list(paths)
    given = {Path(p) for p in paths}
    todo, passed = _expand(paths)
    report = ImportReport(passed_over=passed)
    group: list[tuple[Path, _Prepared, list[str]]] = []
    options: dict[str, Any] = {"language": language, "turn_pattern": turn_pattern, "keep_original": keep_original,
                               "allow_duplicate": allow_duplicate}

    def refused(path: Path, exc: MaknaError) -> None:
        if stop_on_error:
            raise exc
        if isinstance(exc, DuplicateSourceError):
            report.duplicates.append(DuplicateFile(str(path), str(exc), exc.same_content))
        else:
            report.failed.append((str(path), str(exc)))

    def flush() -> None:
        try:
            report.imported.extend(_store_prepared(project, [item for _, item, _ in group]))
            report.notes.extend((str(path), note) for path, _, notes in group for note in notes)
        except MaknaError:
            for path, item, notes in group:
                try:
                    report.imported.extend(_store_prepared(project, [item]))
                    report.notes.extend((str(path), note) for note in notes)
                except MaknaError as exc:
                    refused(path, exc)
        group.clear()

    size = 0
    for i, (path, name) in enumerate(todo, start=1):
        if progress:
            progress(i, len(todo), str(path))
        if is_survey(path) and path.is_file():  # a questionnaire: a source and a case per respondent
            _import_survey(project, path, report, language=language, refused=refused, walked=path not in given)
            continue
        try:
            doc = read_document(path)
            item = _prepare_document(path, doc, name, **options)
        except MaknaError as exc:
            refused(path, exc)
            continue
        group.append((path, item, list(doc.notes)))
        size += item.source.length
        if len(group) >= _GROUP_FILES or size > _GROUP_CHARS:
            flush()
            size = 0
    if group:
        flush()
    return report


def _import_survey(project: Project, path: Path, report: ImportReport, *, language: str | None,
                   refused: Callable[[Path, MaknaError], None], walked: bool) -> None:
    """Import the survey ``path`` into ``report``; one met in a folder's walk (``walked``) that is no survey (a
    cases.csv beside the transcripts) is passed over with the reason, as a file of a type makna does not read."""
    from .importers.survey import NotSurveyError
    from .survey_sources import import_survey, survey_columns

    try:
        done = import_survey(project, path, language=language)
    except NotSurveyError as exc:
        if not walked:
            refused(path, exc)
        else:
            report.passed_over.append((str(path), str(exc).removeprefix(f"{path}: ")))
        return
    except MaknaError as exc:
        refused(path, exc)
        return
    report.imported.extend(done.sources)
    report.notes.extend((str(path), note) for note in [*survey_columns(done.survey), *done.survey.notes])


def _not_applied() -> ColumnElement[bool]:
    """Sources whose de-identification was not applied yet (scanned or not)."""
    d = tables.deid_sources.c
    return tables.sources.c.id.not_in(select(d.source_id).where(d.applied_at.is_not(None)))


def not_deidentified(conn: Connection) -> list[str]:
    """The names of the sources whose de-identification was not applied yet (scanned or not), by name: they read
    as they were imported (names, phone numbers...)."""
    s = tables.sources.c
    return [str(n) for n in conn.execute(select(s.name).where(_not_applied()).order_by(s.name)).scalars()]


def count_not_deidentified(conn: Connection) -> int:
    """How many sources :func:`not_deidentified` names (one row read, not every name)."""
    return int(conn.execute(select(func.count()).select_from(tables.sources).where(_not_applied())).scalar() or 0)


def any_deidentified(conn: Connection) -> bool:
    """Whether a de-identification was applied to any source of the project (one row read)."""
    d = tables.deid_sources.c
    return conn.execute(select(d.source_id).where(d.applied_at.is_not(None)).limit(1)).first() is not None


def has_deidentified(project: Project) -> bool:
    """:func:`any_deidentified`, in a read of its own."""
    with project.store.read() as conn:
        return any_deidentified(conn)


def list_sources(project: Project, *, limit: int | None = None, after: str | None = None) -> list[SourceSummary]:
    """The sources by name, without their texts: all, or ``limit`` after the cursor ``after`` (from
    :func:`source_cursor`; keyset pagination over the index on the name)."""
    s, t = tables.sources.c, tables.turns.c
    n_turns = select(func.count()).where(t.source_id == s.id).scalar_subquery()
    q = select(s.id, s.name, s.length, n_turns.label("turns"), s.language, s.media_type, s.original_name,
               s.sha256, s.imported_at, s.held_at).where(*shown_sources(project)).order_by(s.name)
    if after is not None:
        q = q.where(s.name > decode_cursor("sources", after, (str,))[0])
    if limit is not None:
        q = q.limit(max(0, limit))
    with project.store.read() as conn:
        rows = conn.execute(q).all()
    return [SourceSummary(r.id, r.name, r.length, r.turns, r.language, r.media_type, r.original_name, r.sha256,
                          as_utc(r.imported_at), r.held_at is not None) for r in rows]


def source_cursor(source: SourceSummary) -> str:
    """The cursor that makes :func:`list_sources` start after ``source``."""
    return encode_cursor("sources", [source.name])


def count_sources(project: Project, *, after: str | None = None) -> int:
    """How many sources the project holds (after the cursor ``after``: how many later pages list)."""
    q = select(func.count()).select_from(tables.sources).where(*shown_sources(project))
    if after is not None:
        q = q.where(tables.sources.c.name > decode_cursor("sources", after, (str,))[0])
    with project.store.read() as conn:
        return int(conn.execute(q).scalar_one())


def get_source(project: Project, name_or_id: str) -> Source:
    s = tables.sources.c
    with project.store.read() as conn:
        sid = project.source_row(conn, name_or_id).id
        row = conn.execute(
            select(s.id, s.name, s.text, s.original_name, s.sha256, s.media_type, s.language, s.imported_at,
                   s.encoding, (s.original.is_not(None)).label("has_original")).where(s.id == sid)
        ).one()
    source = _row_to_source(row)
    if not source.has_original and _original_bytes(None, source.text, source.sha256) is not None:
        source = replace(source, has_original=True)
    return source


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
    """Delete a source with its turns, case links and codings; returns the codings removed. The
    delete can be undone, so the undo journal keeps the source whole: :func:`purge_source` deletes
    it for good."""
    return _delete_source(project, name_or_id, purge=False)


def purge_source(project: Project, name_or_id: str) -> tuple[int, bool]:
    """Delete a source for good (an informant who withdraws): as :func:`delete_source`, but the step
    forgets the undo journal (nothing before it can be undone), freed pages are zeroed and the
    storage compacted (SQLite: ``VACUUM``, WAL truncated; PostgreSQL: ``VACUUM FULL``), so that
    neither the project nor a copy made afterwards holds its text; the event log forgets its names and its
    import's checksum. Returns the codings removed and
    whether the compaction completed (not while another program reads the project; freed pages are
    zeroed all the same, and SQLite writes them over the old ones when the last program closes it)."""
    from .store import maintenance

    n = _delete_source(project, name_or_id, purge=True)
    return n, maintenance.compact(project.store.engine, tables.metadata.tables)


#: What a purged source's name becomes in the event log.
_PURGED_NAME = "[source deleted for good]"


def _forget_in_events(conn: Connection, sid: str, name: str) -> None:
    """A purged source's names (a file name may name her) and its import's checksum (a verifier of a guessed copy of
    her transcript) leave the event log."""
    from .privacy._scrub import rewrite_events

    e = tables.events.c
    names = {name} | {
        str(p["name"])
        for p in conn.execute(select(e.payload).where(e.action == "source.import")).scalars()
        if isinstance(p, dict) and p.get("id") == sid and isinstance(p.get("name"), str)
    }
    rewrite_events(conn, {}, dict.fromkeys(names, _PURGED_NAME), {sid})


def _delete_source(project: Project, name_or_id: str, *, purge: bool) -> int:
    seg = tables.segments.c
    payload: dict[str, Any] = {"purged": True} if purge else {}
    with project.store.write(project.actor, "source.delete", payload) as conn:
        if purge:
            from .store import journal, maintenance

            rec = journal.current(conn)
            if rec is not None:
                rec.barrier = "a source deleted for good (an informant withdrew)"
            maintenance.secure_delete(conn)
        row = project.source_row(conn, name_or_id)
        payload.update(id=row.id)
        from .textindex.index import unindex_source

        unindex_source(conn, row.id)
        forget(conn, "segment", select(seg.id).where(seg.source_id == row.id))
        forget(conn, "source", [row.id])
        n = conn.execute(delete(tables.segments).where(seg.source_id == row.id)).rowcount
        conn.execute(delete(tables.turns).where(tables.turns.c.source_id == row.id))
        conn.execute(delete(tables.case_links).where(tables.case_links.c.source_id == row.id))
        from .privacy.claims import CLAIM_PREFIX

        # an unverified de-identification claim the source came with (trust22) goes with it (undone with it too)
        conn.execute(delete(tables.meta).where(tables.meta.c.key == f"{CLAIM_PREFIX}{row.id}"))
        conn.execute(delete(tables.sources).where(tables.sources.c.id == row.id))
        if purge:
            _forget_in_events(conn, row.id, row.name)
        payload.update(segments_removed=n)
    return int(n)
