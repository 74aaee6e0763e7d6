"""makna: qualitative data analysis of interviews, in Indonesian and English, private by default.

The library is the product; the ``makna`` command line and the web workbench sit on top of it::

    import makna
    with makna.create_project("study.makna", "My study") as project:
        makna.import_file(project, "informan-01.txt")
        makna.add_code(project, "exp.neg.fraud", "Cheated")
        makna.code_turn(project, "informan-01.txt", 4, "exp.neg.fraud")
        for seg in makna.retrieve(project, code="exp.neg.fraud", context=40):
            print(seg.source, seg.turn, seg.text)

``import makna`` is cheap: each public name is loaded from its submodule on first use (PEP 562), so
that the command line starts fast and a script pays only for what it uses.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:  # for type checkers and IDEs; at run time ``__getattr__`` below loads each name
    from .agreement import (
        AgreementScope,
        disagreements_csv,
        disagreements_html,
        list_disagreements,
        project_agreement,
        project_unitizing,
        resolve_bulk,
    )
    from .agreement import resolve as resolve_coding
    from .analysis import Cooccurrence as CooccurrenceMatrix
    from .analysis import (
        CrossTable,
        Hit,
        autocode_search,
        code_by_attribute,
        code_by_case,
        code_sequences,
        cooccurrence,
        get_summary,
        search,
        set_summary,
        summary_grid,
        word_frequencies,
    )
    from .cases import (
        add_case,
        define_attribute,
        delete_case,
        link_source,
        link_speaker,
        list_attributes,
        list_cases,
        list_links,
        load_cases,
        load_cases_file,
        set_values,
        unlink_source,
    )
    from .codebook import (
        CodebookDoc,
        add_code,
        code_tree,
        delete_code,
        dump_codebook,
        export_codebook,
        get_code,
        import_codebook,
        list_codes,
        load_codebook,
        merge_codes,
        move_code,
        read_codebook_file,
        update_code,
    )
    from .codebook_split import SplitPart, split_code
    from .coding import (
        CodingResult,
        SegmentSpec,
        autocode_pattern,
        autocode_speaker,
        code_many,
        code_span,
        code_turn,
        get_segment,
        set_segment_memo,
        uncode,
        uncode_span,
    )
    from .copying import copy_project
    from .encryption import decrypt_project, encrypt_project, is_encrypted
    from .errors import MaknaError
    from .exchange import ImportReport as ExchangeReport
    from .exchange import (
        export_qdc,
        export_qdpx,
        import_project,
        import_qdc,
        import_qdpx,
        write_codebook_csv,
        write_json,
        write_segments_csv,
        write_segments_xlsx,
    )
    from .history import NothingToUndoError, redo, redoable, undo, undoable
    from .history import Step as UndoStep
    from .live import Change, changes_after
    from .media import MediaLink, get_media, link_media, set_turn_time, unlink_media
    from .memos import add_memo, create_set, delete_memo, events, list_memos, list_sets, update_memo
    from .model import (
        Attribute,
        Case,
        CaseLink,
        Code,
        Coder,
        EntitySet,
        Event,
        Memo,
        ProjectInfo,
        Segment,
        Source,
        Turn,
        to_pandas,
    )
    from .palette import next_colour
    from .privacy import detect as detect_identifiers
    from .privacy import evaluate as evaluate_deidentification
    from .privacy.project import add_detection, decide, decide_all, deid_status, edit_detection, review_entries
    from .privacy.project import scan as deid_scan
    from .privacy.project_apply import add_known_names, reveal
    from .privacy.project_apply import apply as deid_apply
    from .privacy.project_review import add_identifier, revise_detection
    from .project import Project, create_project, find_project, open_project
    from .queries import CodeFrequency, Matrix, RetrievedSegment, code_case_matrix, code_frequencies, retrieve
    from .quickcodes import QuickCodes, quick_codes, set_quick_codes
    from .report import ReportFiles, write_report
    from .rounds import Round, close_round, join_round, list_rounds, open_round, round_consensus, round_scope
    from .segment_edit import change_segment
    from .sources import (
        ImportReport,
        SourceSummary,
        delete_source,
        get_source,
        get_turns,
        import_file,
        import_paths,
        import_text,
        list_sources,
        rename_source,
    )
    from .survey_sources import SurveyImport, import_survey

# A new public name goes in three places: the imports above, ``_LAZY`` and ``__all__`` (a test checks
# that they agree). ``_LAZY`` maps each name to its submodule, or to ``module:attribute`` when renamed.
_LAZY: dict[str, str] = {
    "copy_project": "copying",
    "decrypt_project": "encryption",
    "encrypt_project": "encryption",
    "is_encrypted": "encryption",
    "NothingToUndoError": "history",
    "redo": "history",
    "redoable": "history",
    "undo": "history",
    "undoable": "history",
    "UndoStep": "history:Step",
    "AgreementScope": "agreement",
    "disagreements_csv": "agreement",
    "disagreements_html": "agreement",
    "list_disagreements": "agreement",
    "project_agreement": "agreement",
    "project_unitizing": "agreement",
    "resolve_bulk": "agreement",
    "resolve_coding": "agreement:resolve",
    "CooccurrenceMatrix": "analysis:Cooccurrence",
    "CrossTable": "analysis",
    "Hit": "analysis",
    "autocode_search": "analysis",
    "code_by_attribute": "analysis",
    "code_by_case": "analysis",
    "code_sequences": "analysis",
    "cooccurrence": "analysis",
    "get_summary": "analysis",
    "search": "analysis",
    "set_summary": "analysis",
    "summary_grid": "analysis",
    "word_frequencies": "analysis",
    "add_case": "cases",
    "define_attribute": "cases",
    "delete_case": "cases",
    "link_source": "cases",
    "list_attributes": "cases",
    "list_cases": "cases",
    "list_links": "cases",
    "load_cases": "cases",
    "load_cases_file": "cases",
    "set_values": "cases",
    "unlink_source": "cases",
    "CodebookDoc": "codebook",
    "add_code": "codebook",
    "code_tree": "codebook",
    "delete_code": "codebook",
    "dump_codebook": "codebook",
    "export_codebook": "codebook",
    "get_code": "codebook",
    "import_codebook": "codebook",
    "list_codes": "codebook",
    "load_codebook": "codebook",
    "merge_codes": "codebook",
    "split_code": "codebook_split",
    "SplitPart": "codebook_split",
    "move_code": "codebook",
    "read_codebook_file": "codebook",
    "update_code": "codebook",
    "CodingResult": "coding",
    "SegmentSpec": "coding",
    "autocode_pattern": "coding",
    "autocode_speaker": "coding",
    "code_many": "coding",
    "code_span": "coding",
    "code_turn": "coding",
    "get_segment": "coding",
    "set_segment_memo": "coding",
    "uncode": "coding",
    "uncode_span": "coding",
    "MaknaError": "errors",
    "ExchangeReport": "exchange:ImportReport",
    "export_qdc": "exchange",
    "export_qdpx": "exchange",
    "import_project": "exchange",
    "import_qdc": "exchange",
    "import_qdpx": "exchange",
    "write_codebook_csv": "exchange",
    "write_json": "exchange",
    "write_segments_csv": "exchange",
    "write_segments_xlsx": "exchange",
    "add_memo": "memos",
    "create_set": "memos",
    "delete_memo": "memos",
    "events": "memos",
    "list_memos": "memos",
    "list_sets": "memos",
    "update_memo": "memos",
    "Attribute": "model",
    "Case": "model",
    "CaseLink": "model",
    "Code": "model",
    "Coder": "model",
    "EntitySet": "model",
    "Event": "model",
    "Memo": "model",
    "ProjectInfo": "model",
    "Segment": "model",
    "Source": "model",
    "Turn": "model",
    "to_pandas": "model",
    "detect_identifiers": "privacy:detect",
    "evaluate_deidentification": "privacy:evaluate",
    "add_detection": "privacy.project",
    "decide": "privacy.project",
    "decide_all": "privacy.project",
    "deid_status": "privacy.project",
    "edit_detection": "privacy.project",
    "review_entries": "privacy.project",
    "deid_scan": "privacy.project:scan",
    "add_known_names": "privacy.project_apply",
    "reveal": "privacy.project_apply",
    "deid_apply": "privacy.project_apply:apply",
    "Project": "project",
    "create_project": "project",
    "find_project": "project",
    "open_project": "project",
    "CodeFrequency": "queries",
    "Matrix": "queries",
    "RetrievedSegment": "queries",
    "code_case_matrix": "queries",
    "code_frequencies": "queries",
    "retrieve": "queries",
    "ReportFiles": "report",
    "write_report": "report",
    "ImportReport": "sources",
    "SourceSummary": "sources",
    "delete_source": "sources",
    "get_source": "sources",
    "get_turns": "sources",
    "import_file": "sources",
    "import_paths": "sources",
    "import_text": "sources",
    "list_sources": "sources",
    "rename_source": "sources",
    "SurveyImport": "survey_sources",
    "import_survey": "survey_sources",
    "MediaLink": "media",
    "link_media": "media",
    "unlink_media": "media",
    "get_media": "media",
    "set_turn_time": "media",
    "Change": "live",
    "changes_after": "live",
    "Round": "rounds",
    "open_round": "rounds",
    "close_round": "rounds",
    "join_round": "rounds",
    "list_rounds": "rounds",
    "round_scope": "rounds",
    "round_consensus": "rounds",
    "QuickCodes": "quickcodes",
    "quick_codes": "quickcodes",
    "set_quick_codes": "quickcodes",
    "change_segment": "segment_edit",
    "next_colour": "palette",
    "link_speaker": "cases",
    "revise_detection": "privacy.project_review",
    "add_identifier": "privacy.project_review",
}


def __getattr__(name: str) -> _typing.Any:
    target = _LAZY.get(name)
    if target is None:
        try:  # a submodule not imported yet, as ``makna.store`` after a bare ``import makna``
            return _importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(_importlib.import_module(f".{module}", __name__), attribute or name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"

__all__ = [
    "copy_project",
    "decrypt_project",
    "encrypt_project",
    "is_encrypted",
    "NothingToUndoError",
    "redo",
    "redoable",
    "undo",
    "undoable",
    "UndoStep",
    "__version__",
    "MaknaError",
    # projects
    "Project",
    "ProjectInfo",
    "create_project",
    "open_project",
    "find_project",
    # sources
    "Source",
    "SourceSummary",
    "Turn",
    "ImportReport",
    "import_file",
    "import_paths",
    "import_text",
    "import_survey",
    "SurveyImport",
    "list_sources",
    "get_source",
    "get_turns",
    "rename_source",
    "delete_source",
    # cases
    "Case",
    "Attribute",
    "CaseLink",
    "add_case",
    "define_attribute",
    "set_values",
    "link_source",
    "unlink_source",
    "list_cases",
    "list_attributes",
    "list_links",
    "delete_case",
    "load_cases_file",
    "load_cases",
    # codebook
    "Code",
    "CodebookDoc",
    "list_codes",
    "code_tree",
    "get_code",
    "add_code",
    "update_code",
    "move_code",
    "merge_codes",
    "split_code",
    "SplitPart",
    "delete_code",
    "load_codebook",
    "dump_codebook",
    "read_codebook_file",
    "import_codebook",
    "export_codebook",
    # coding
    "Coder",
    "Segment",
    "SegmentSpec",
    "CodingResult",
    "code_span",
    "code_turn",
    "code_many",
    "autocode_speaker",
    "autocode_pattern",
    "uncode",
    "uncode_span",
    "set_segment_memo",
    "get_segment",
    # memos, sets, events
    "Memo",
    "EntitySet",
    "Event",
    "add_memo",
    "update_memo",
    "delete_memo",
    "list_memos",
    "create_set",
    "list_sets",
    "events",
    # queries
    "RetrievedSegment",
    "CodeFrequency",
    "Matrix",
    "retrieve",
    "code_frequencies",
    "code_case_matrix",
    "to_pandas",
    # analysis and reports
    "CooccurrenceMatrix",
    "cooccurrence",
    "code_sequences",
    "CrossTable",
    "code_by_case",
    "code_by_attribute",
    "summary_grid",
    "set_summary",
    "get_summary",
    "Hit",
    "search",
    "autocode_search",
    "word_frequencies",
    "ReportFiles",
    "write_report",
    # de-identification
    "detect_identifiers",
    "evaluate_deidentification",
    "deid_scan",
    "decide",
    "decide_all",
    "edit_detection",
    "add_detection",
    "review_entries",
    "deid_status",
    "deid_apply",
    "reveal",
    "add_known_names",
    # exchange
    "export_qdpx",
    "import_qdpx",
    "import_project",
    "export_qdc",
    "import_qdc",
    "write_segments_csv",
    "write_segments_xlsx",
    "write_codebook_csv",
    "write_json",
    "ExchangeReport",
    # inter-coder agreement on a project
    "AgreementScope",
    "project_agreement",
    "project_unitizing",
    "list_disagreements",
    "disagreements_csv",
    "disagreements_html",
    "resolve_bulk",
    "resolve_coding",
    # recordings
    "MediaLink",
    "link_media",
    "unlink_media",
    "get_media",
    "set_turn_time",
    # live updates and coding rounds
    "Change",
    "changes_after",
    "Round",
    "open_round",
    "close_round",
    "join_round",
    "list_rounds",
    "round_scope",
    "round_consensus",
    # the workbench (#13)
    "QuickCodes",
    "quick_codes",
    "set_quick_codes",
    "change_segment",
    "next_colour",
    # a focus group's participants as cases
    "link_speaker",
    # correcting the de-identification review
    "revise_detection",
    "add_identifier",
]
