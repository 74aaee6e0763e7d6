"""One hierarchy for every failure a user can cause.

The CLI turns any :class:`MaknaError` into a one-line message and a non-zero exit code.
Anything else that escapes is a bug in makna.
"""

from __future__ import annotations

__all__ = [
    "MaknaError",
    "ProjectError",
    "NotAProjectError",
    "ProjectExistsError",
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
    "AgreementError",
    "PrivacyError",
    "KeyFileError",
    "ExchangeError",
    "MissingExtraError",
    "require_extra",
]


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
    """An identical file has already been imported."""


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
    """The same coder already applied the same code to the same span."""


class CodebookError(InputError):
    """A codebook file or operation is invalid."""


class ConflictError(InputError):
    """The operation would break the project's consistency (e.g. deleting a code in use)."""


class AgreementError(InputError):
    """Agreement cannot be computed from the data given."""


class PrivacyError(MaknaError):
    """De-identification failed or was refused."""


class KeyFileError(PrivacyError):
    """A re-identification key is missing, of another project, or the passphrase is wrong."""


class ExchangeError(InputError):
    """A project or codebook exchange file (REFI-QDA, CSV, JSON) is invalid."""


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
