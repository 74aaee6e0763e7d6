"""Pages and listings a member's role may not read, refused as what they are (trial17 #10, issue #11).

A coder who opened the de-identification audit saw the error page's heading ("Something is not right", "Ada
yang tidak beres") and the refusal of a write (``editing the codebook, cases, sources and de-identification
needs the manager role``), where she had only opened a page to read. Here a page or listing that only some roles
may read says, under its own title (no error's heading), what it is, who may read it and what the member can
do instead, in the interface's language: the de-identification audit (``/deid/audit``, ``/api/deid/audit``),
the list of coders' copies (``/api/deid/copies``) and the download of the whole project (``/export/...``).
The reply is still 403."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..access import Permission, can, role_of
from ..errors import PermissionDeniedError
from ..project import Project
from .deps import lang_of, page
from .i18n import translations

__all__ = ["MESSAGES", "READ_REFUSALS", "ReadRefusedError", "ReadRefusal", "refuse_reading", "refused_reply"]


@dataclass(frozen=True)
class ReadRefusal:
    """What a refused page is (its ``title``, ``what`` it shows), ``who`` may read it, what to do ``instead``."""

    title: str
    what: str
    who: str
    instead: str


READ_REFUSALS: Final[dict[str, ReadRefusal]] = {
    "audit": ReadRefusal(
        "De-identification audit",
        "This page counts what de-identification did in this project: the identifiers found, accepted, rejected "
        "and replaced, by type, with its events and the key's id.",
        "It is for the project's managers and owner to read.",
        "You can read each source's de-identification review on the De-identification page; ask a manager if you "
        "need the audit.",
    ),
    "copies": ReadRefusal(
        "Coders' copies",
        "This list shows each coder's copy of the project file and whether it may still seal de-identification claims.",
        "It is for the project's managers and owner to read.",
        "You can make your own copy with 'makna pull'; ask a manager about the other copies.",
    ),
    "export": ReadRefusal(
        "Export of the whole project",
        "This download holds the whole project: every member's work, the event log and the original files.",
        "It is for the project's managers and owner.",
        "You can export the codebook and the coded segments on the Export page; ask a manager for the whole project.",
    ),
}
"""The pages and listings refused as such, by key."""
_LEAD: Final = "Not open to your role (%(role)s)"
MESSAGES: Final[tuple[str, ...]] = (
    _LEAD,
    "your role",
    *(text for r in READ_REFUSALS.values() for text in (r.title, r.what, r.who, r.instead)),
)
"""The messages of the refusals, for the catalogues (:func:`makna.web.i18n.messages_in_use`)."""


class ReadRefusedError(PermissionDeniedError):
    """A page or listing of :data:`READ_REFUSALS` that the member's role may not read."""

    def __init__(self, key: str, role: str | None) -> None:
        r = READ_REFUSALS[key]
        super().__init__(f"{r.title}: {r.what} {r.who} {r.instead}")
        self.key = key
        self.role = role


def refuse_reading(project: Project, permission: Permission, key: str) -> None:
    """Refuse (:class:`ReadRefusedError`) the page or listing ``key`` unless the acting member holds
    ``permission``."""
    if not can(project, permission):
        raise ReadRefusedError(key, role_of(project))


def refused_reply(request: Request, exc: ReadRefusedError) -> Response:
    """The 403 reply of a refused page (its title as heading, then what it is, who may read it and what to do
    instead) or listing (one line: ``{"error": ...}``), in the request's language."""
    tr = translations(lang_of(request)).gettext
    r = READ_REFUSALS[exc.key]
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": f"{tr(r.title)}: {tr(r.who)} {tr(r.instead)}"}, status_code=403)
    role = tr(exc.role) if exc.role else tr("your role")
    html: HTMLResponse = page(
        request,
        "refused.html",
        {
            "title": tr(r.title),
            "lead": tr(_LEAD) % {"role": role},
            "what": tr(r.what),
            "who": tr(r.who),
            "instead": tr(r.instead),
        },
        status=403,
    )
    return html
