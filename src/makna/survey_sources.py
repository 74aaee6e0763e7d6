"""Importing a survey (.csv, .xlsx with open questions): a source and a case per respondent.

:func:`makna.importers.survey.read_survey` reads the file; here each respondent's answers become a
source (turns headed by the question) and a case of the same name linked to it, with the other columns
as the case's attribute values (attributes a project lacks are defined, as text). Everything is stored in
one transaction: one ``source.import`` event per respondent and one ``cases.import`` event; a refusal
(a source's name taken, a value that is not of its attribute's type) stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .cases import CasesImport, load_cases
from .errors import DuplicateSourceError, InputError
from .importers import MAX_FILE_BYTES
from .importers.survey import Survey, read_survey
from .model import Source
from .project import Project
from .sources import _prepare, _store_prepared

__all__ = ["SurveyImport", "import_survey", "import_survey_bytes", "survey_columns"]


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
    cases = {
        "attributes": [{"name": name} for name in survey.attribute_columns],
        "cases": [{"name": r.name, "values": r.attributes, "sources": [r.name]} for r in survey.respondents],
    }
    try:
        with project.store.batch():
            sources = _store_prepared(project, items)
            loaded = load_cases(project, cases, origin=str(path))
    except DuplicateSourceError as exc:  # a respondent's name is a source's already: the survey imported before?
        why = str(exc).replace(" (choose another with --name)", "")
        raise DuplicateSourceError(
            f"{path}: respondent {why} (imported before? a respondent's source is named by the id column: --survey-id)"
        ) from None
    return SurveyImport(sources, loaded, survey)


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
