"""One hierarchy for every failure a user can cause.

The CLI turns any :class:`MaknaError` into a one-line message and a non-zero exit code.
Anything else that escapes is a bug in makna.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "MaknaError",
    "ProjectError",
    "NotAProjectError",
    "ProjectExistsError",
    "ProjectBusyError",
    "PermissionDeniedError",
    "InputError",
    "ImportFormatError",
    "UnsupportedFormatError",
    "EncodingError",
    "DuplicateSourceError",
    "NotFoundError",
    "UnknownCodeError",
    "UnknownSourceError",
    "UnknownCaseError",
    "OffsetError",
    "DuplicateCodingError",
    "CodebookError",
    "ConflictError",
    "StaleEditError",
    "AgreementError",
    "PrivacyError",
    "KeyFileError",
    "ExchangeError",
    "excerpt",
    "reason",
    "MissingExtraError",
    "require_extra",
    "LLMError",
    "SyncError",
    "ServerUnreachableError",
    "ServerRefusedError",
]

#: How much of the offending input an error message quotes.
EXCERPT_CHARS = 80
#: How much of a library's own message an error message passes on (it may quote the input too).
REASON_CHARS = 160


class MaknaError(Exception):
    """Base class of every error makna reports to a user."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ProjectError(MaknaError):
    """The project cannot be opened or created."""


class NotAProjectError(ProjectError):
    """A path or URL does not hold a makna project."""


class ProjectExistsError(ProjectError):
    """A project already exists where a new one was asked for."""


class ProjectBusyError(ProjectError):
    """The project stayed locked by another writer for longer than makna waits; nothing was changed."""

    exit_code = 75  # EX_TEMPFAIL: trying again later may work


class PermissionDeniedError(MaknaError):
    """The acting coder may not change this (another coder's coding)."""

    exit_code = 3


class InputError(MaknaError):
    """An argument or file given by the user is invalid."""

    exit_code = 2


class ImportFormatError(InputError):
    """A file could not be read as the format it claims to be."""


class UnsupportedFormatError(ImportFormatError):
    """No importer handles this kind of file."""


class EncodingError(ImportFormatError):
    """The text encoding of a file could not be determined or decoded."""


class DuplicateSourceError(InputError):
    """An identical file (or the same text) has already been imported, or a source has the name.
    ``same_content`` is true for the first two: ``allow_duplicate`` (``makna import --allow-duplicate``)
    imports such a file as a second source; a name stays one source's."""

    def __init__(self, message: str, *, same_content: bool = False) -> None:
        super().__init__(message)
        self.same_content = same_content


class NotFoundError(InputError):
    """A named entity does not exist in the project."""


class UnknownCodeError(NotFoundError):
    """A code key or id that the codebook does not hold."""


class UnknownSourceError(NotFoundError):
    """A source name or id that the project does not hold."""


class UnknownCaseError(NotFoundError):
    """A case name or id that the project does not hold."""


class OffsetError(InputError):
    """Offsets outside a text, or start not before end."""


class DuplicateCodingError(InputError):
    """The same coder already applied the same code to the same span. ``existing``: the refused row's
    fields (coder, source, span and code ids), where one coding was refused."""

    existing: dict[str, Any] | None = None


class CodebookError(InputError):
    """A codebook file or operation is invalid."""


class ConflictError(InputError):
    """The operation would break the project's consistency (e.g. deleting a code in use)."""


class StaleEditError(ConflictError):
    """An edit made from a stale copy: someone changed the code or case since it was read. Nothing was
    written; ``detail`` says what it is now (``version``, ``changed_by``, ``current`` values)."""

    def __init__(self, message: str, *, version: int, changed_by: str | None, current: dict[str, object]) -> None:
        super().__init__(message)
        self.detail: dict[str, object] = {"version": version, "changed_by": changed_by, "current": current}


class AgreementError(InputError):
    """Agreement cannot be computed from the data given."""


class PrivacyError(MaknaError):
    """De-identification failed or was refused."""


class KeyFileError(PrivacyError):
    """A re-identification key is missing, of another project, or the passphrase is wrong."""


class ExchangeError(InputError):
    """A project or codebook exchange file (REFI-QDA, CSV, JSON) is invalid."""


def excerpt(value: str | bytes, limit: int = EXCERPT_CHARS) -> str:
    """``value`` quoted for an error message (its ``repr``), cut to ``limit`` characters with the
    full length said: an error names what was wrong, it does not repeat a 2 KB line."""
    if len(value) <= limit:
        return repr(value)
    unit = "bytes" if isinstance(value, bytes) else "characters"
    return f"{value[:limit]!r}... ({len(value):,} {unit})"


def reason(exc: BaseException, limit: int = REASON_CHARS) -> str:
    """A library's exception as the reason in a one-line error: its message on one line (its type
    when it has none), cut to ``limit`` characters."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else f"{text[:limit]}..."
class MissingExtraError(MaknaError):
    """An optional part of makna is used whose dependencies are not installed (``pip install 'makna[web]'``)."""


def require_extra(extra: str, what: str, *modules: str) -> None:
    """Raise :class:`MissingExtraError` ("the workbench needs: pip install 'makna[web]'") unless every
    module in ``modules`` imports. Parts whose libraries a user may not need are installed as extras
    (pyproject.toml): ``web`` (the workbench) and ``postgres`` (a team server); ``all`` has both."""
    import importlib

    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise MissingExtraError(f"{what} needs: pip install 'makna[{extra}]'") from None


class LLMError(MaknaError):
    """The local language model named with ``--llm`` could not be reached or gave no usable answer."""

    exit_code = 3


class SyncError(MaknaError):
    """Pulling a project from a team server or pushing offline work back failed: not logged in, the
    server unreachable, another project or version, or a file that was not pulled (``makna pull``)."""

    exit_code = 4


class ServerUnreachableError(SyncError):
    """The team server could not be reached (no network, a wrong address, a server that is down)."""


class ServerRefusedError(SyncError):
    """The team server answered a request with an error; ``detail``: what it said (one line)."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail
