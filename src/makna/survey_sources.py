"""Importing a survey (.csv, .xlsx with open questions): a source and a case per respondent.

:func:`makna.importers.survey.read_survey` reads the file; here each respondent's answers become a
source (turns headed by the question) and a case of the same name linked to it, with the other columns
as the case's attribute values (attributes a project lacks are defined, as text). Everything is stored in
one transaction: one ``source.import`` event per respondent and one ``cases.import`` event; a refusal
(a source's name taken, a value that is not of its attribute's type) stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from .cases import CasesImport, encode_value, load_cases
from .errors import DuplicateSourceError, InputError
from .importers import MAX_FILE_BYTES
from .importers.survey import Respondent, Survey, read_survey
from .model import Source, new_id
from .project import Project
from .sources import _prepare, _store_prepared
from .store import bulk_insert, tables

__all__ = ["SurveyImport", "answer_list", "import_survey", "import_survey_bytes", "survey_columns"]


@dataclass(frozen=True)
class SurveyImport:
    """What importing a survey did: the sources stored (one per respondent), the cases' import, and the
    survey as read (which column was the id, which were answers and attributes, the notes)."""

    sources: list[Source]
    cases: CasesImport
    survey: Survey


def survey_columns(survey: Survey) -> list[str]:
    """One line for each role, saying which columns the import took for it (shown to the user)."""
    lines = [
        f"id column: {survey.id_column}" if survey.id_column else "id column: none (respondent-N)",
        f"open answers: {', '.join(survey.answer_columns)}",
    ]
    lines.append(f"attributes: {', '.join(survey.attribute_columns) or 'none'}")
    return lines


def answer_list(text: str | None, option: str = "--survey-answers") -> list[str] | None:
    """The open answers' columns named in ``text`` (separated by commas; None: not given, makna chooses); naming
    none is refused (the CLI's ``--survey-answers``, the web import's field)."""
    if text is None:
        return None
    answers = [a.strip() for a in text.split(",") if a.strip()]
    if not answers:
        raise InputError(f"{option}: name at least one column")
    return answers


def _refuse_own_export(path: Path, survey: Survey) -> None:
    """A table makna itself exports (the codebook CSV, the coded segments' CSV or XLSX) is no survey: kept beside
    the transcripts, a folder's import read its definitions or quotes as respondents' answers. By the exporters'
    own column names (:mod:`makna.exchange.flat`)."""
    from .exchange.flat import CODEBOOK_COLUMNS, SEGMENT_COLUMNS
    from .importers.survey import NotSurveyError

    columns = {c.casefold() for c in [*survey.answer_columns, *survey.attribute_columns, survey.id_column or ""]}
    for kind, own, how in (
        ("codebook", CODEBOOK_COLUMNS, "a codebook comes in as YAML or a .qdc: 'makna codebook import'"),
        ("coded segments' table", SEGMENT_COLUMNS, "makna reads coded segments back from a .qdpx"),
    ):
        if {c.casefold() for c in own} <= columns:
            raise NotSurveyError(f"{path}: no survey: makna's own {kind} export ({how})")


def import_survey_bytes(
    project: Project,
    path: Path,
    data: bytes,
    *,
    id_column: str | None = None,
    answer_columns: Sequence[str] | None = None,
    language: str | None = None,
    max_bytes: int | None = None,
) -> SurveyImport:
    """Import the survey ``data`` (a file called ``path``, which need not exist: an upload)."""
    limit = max_bytes or MAX_FILE_BYTES
    if not data:
        raise InputError(f"{path}: the file is empty")
    if len(data) > limit:
        raise InputError(f"{path}: {len(data):,} bytes is over the {limit:,}-byte limit for one file")
    survey = read_survey(path, data, id_column=id_column, answer_columns=answer_columns)
    _refuse_own_export(path, survey)
    items = [
        _prepare(
            r.name,
            r.text,
            original_name=path.name,
            media_type=survey.media_type,
            language=language,
            turns=r.turns,
            turn_pattern=None,
            original=None,
            keep_original=False,
            encoding=survey.encoding,
            source_id=None,
            allow_duplicate=True,
        )  # two respondents may answer alike; names stay unique
        for r in survey.respondents
    ]
    try:
        with project.store.batch() as conn:
            sources = _store_prepared(project, items)
            names = [r.name for r in survey.respondents]
            c = tables.cases.c
            taken = {
                n
                for chunk in range(0, len(names), 500)
                for n in conn.execute(select(c.name).where(c.name.in_(names[chunk : chunk + 500]))).scalars()
            }
            # cases named already (a cases.yaml imported before): updated and linked as a cases file would be
            loaded = load_cases(
                project,
                {
                    "attributes": [{"name": name} for name in survey.attribute_columns],
                    "cases": [
                        {"name": r.name, "values": r.attributes, "sources": [r.name]}
                        for r in survey.respondents
                        if r.name in taken
                    ],
                },
                origin=str(path),
            )
            fresh = [(r, s) for r, s in zip(survey.respondents, sources, strict=True) if r.name not in taken]
            added = _add_cases(project, fresh, origin=path.name)
    except DuplicateSourceError as exc:  # a respondent's name is a source's already: the survey imported before?
        why = str(exc).replace(" (choose another with --name)", "")
        raise DuplicateSourceError(
            f"{path}: respondent {why} (imported before? a respondent's source is named by the id column: --survey-id)"
        ) from None
    return SurveyImport(sources, replace(loaded, added=loaded.added + added), survey)


def _add_cases(project: Project, fresh: Sequence[tuple[Respondent, Source]], *, origin: str) -> int:
    """A new case per respondent, linked to its source, with its attribute values: inserted in bulk (a survey can
    hold thousands of respondents; :func:`load_cases` goes case by case). One ``cases.import`` event."""
    if not fresh:
        return 0
    a = tables.attributes.c
    payload: dict[str, Any] = {"origin": origin, "added": len(fresh), "updated": 0, "unchanged": 0, "attributes": 0}
    with project.store.write(project.actor, "cases.import", payload) as conn:
        types = {r.name: (r.id, r.type) for r in conn.execute(select(a.id, a.name, a.type))}
        cases, values, links = [], [], []
        for respondent, source in fresh:
            cid = new_id()
            cases.append({"id": cid, "name": respondent.name, "description": ""})
            links.append({"id": new_id(), "case_id": cid, "source_id": source.id, "start": None, "end": None})
            for name, value in respondent.attributes.items():
                aid, kind = types[name]
                values.append({"case_id": cid, "attribute_id": aid, "value": encode_value(kind, value, attribute=name)})
        bulk_insert(conn, tables.cases, cases)
        bulk_insert(conn, tables.case_values, values)
        bulk_insert(conn, tables.case_links, links)
    return len(fresh)


def import_survey(
    project: Project,
    path: str | Path,
    *,
    id_column: str | None = None,
    answer_columns: Sequence[str] | None = None,
    language: str | None = None,
) -> SurveyImport:
    """Import the survey file at ``path`` (see :func:`import_survey_bytes`)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"{p}: {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for one file")
    return import_survey_bytes(
        project, p, p.read_bytes(), id_column=id_column, answer_columns=answer_columns, language=language
    )
