"""What a team server's write route needs, known before its body is read (sec21, #11).

The core refuses every write a role does not allow (:mod:`makna.access`), but only once the route runs, and
FastAPI reads and parses a request's body before that: a viewer's ``makna push``, a coder's upload of
transcripts or codebook files, a large JSON document were read in full and parsed to be refused. The session
guard (:class:`~makna.web.server_guard.SessionGuard`) asks :func:`needed` for a write's least permission and
refuses a role without it before reading a byte of the body, and refuses a body over :func:`body_cap`
(by its ``Content-Length``, or as it arrives) with 413. The core's checks stay: a route not listed here is
refused there as before (the rounds' routes are left to :mod:`makna.rounds`, whose refusal names the task:
"may not open a round"); a listed route's permission is the one its core operation demands (the event
kinds' :data:`makna.access.PERMISSION`), never more.
"""

from __future__ import annotations

import re

from ..access import Permission
from ..file_imports import MAX_FILE_BYTES

__all__ = ["WRITE_RIGHTS", "needed", "body_cap", "JSON_CAP", "FORM_CAP", "FILE_JSON_CAP", "PUSH_CAP"]

#: (methods, path template, the least permission): each a route of :func:`makna.web.app.install_workbench` or
#: of the team server that writes project data.
WRITE_RIGHTS: tuple[tuple[str, str, Permission], ...] = (
    ("POST", "/api/segments", "code"),
    ("PATCH DELETE", "/api/segments/{id}", "code"),
    ("POST", "/api/segments/{id}/change", "code"),
    ("POST", "/api/memos", "code"),
    ("PATCH DELETE", "/api/memos/{id}", "code"),
    ("POST", "/api/undo", "code"),
    ("POST", "/api/redo", "code"),
    ("PUT", "/api/quick-codes", "code"),
    ("POST", "/api/suggestions/run", "code"),
    ("POST", "/api/suggestions/{id}", "code"),
    ("POST", "/api/search/autocode", "code"),
    ("POST", "/api/sync/push", "code"),
    ("POST", "/api/sync/seal", "read"),
    ("POST", "/api/import", "manage"),
    ("POST", "/api/codes/import", "manage"),
    ("POST", "/api/cases/import", "manage"),
    ("POST", "/api/codes", "manage"),
    ("PATCH DELETE", "/api/codes/{id}", "manage"),
    ("POST", "/api/codes/{id}/move", "manage"),
    ("POST", "/api/codes/{id}/merge", "manage"),
    ("POST", "/api/codes/{id}/split", "manage"),
    ("POST", "/api/cases", "manage"),
    ("DELETE", "/api/cases/{id}", "manage"),
    ("PUT", "/api/cases/{id}/values", "manage"),
    ("POST", "/api/attributes", "manage"),
    ("POST", "/api/cases/{id}/links", "manage"),
    ("DELETE", "/api/cases/{id}/links/{id}", "manage"),
    ("POST", "/api/deid/scan", "manage"),
    ("POST", "/api/deid/decide", "manage"),
    ("POST", "/api/deid/decide-all", "manage"),
    ("POST", "/api/deid/decide-same", "manage"),
    ("POST", "/api/deid/detections", "manage"),
    ("POST", "/api/deid/field-detections", "manage"),
    ("PATCH", "/api/deid/detections/{id}", "manage"),
    ("POST", "/api/deid/apply", "manage"),
    ("POST", "/api/deid/trust", "manage"),
    ("POST", "/api/deid/copies/withdraw", "manage"),
    ("POST", "/api/deid/copies/make", "manage"),
    ("POST", "/api/agreement/resolve", "manage"),
    ("PUT DELETE", "/api/sources/{id}/media", "manage"),
    ("PUT", "/api/sources/{id}/turns/{id}/time", "manage"),
    ("POST", "/api/participants/withdraw", "manage"),
    ("POST", "/api/sources/{id}/release", "manage"),
    ("POST", "/api/sources/{id}/hold", "manage"),
)

_COMPILED = tuple(
    (frozenset(methods.split()), re.compile(re.escape(path).replace(r"\{id\}", "[^/]+")), need)
    for methods, path, need in WRITE_RIGHTS
)

#: The largest body of a codebook or cases file sent as base64 in JSON (the file's limit, and the JSON around it).
FILE_JSON_CAP = (MAX_FILE_BYTES // 3 + 1) * 4 + 64 * 1024
#: The largest ``makna push`` (an offline coder's codings and memos: some hundred bytes each).
PUSH_CAP = 64 * 1024 * 1024
#: The largest body of any other write (bytes): a memo, a code, a list of decisions, a media file's path.
JSON_CAP = 4 * 1024 * 1024
#: The largest body of the login and invitation forms (a name, a password, a token).
FORM_CAP = 64 * 1024
_CAPS = {"/api/codes/import": FILE_JSON_CAP, "/api/cases/import": FILE_JSON_CAP, "/api/sync/push": PUSH_CAP}


def needed(method: str, path: str) -> Permission | None:
    """The least permission a write ``method`` on ``path`` needs in a project, or None when the route is not
    listed (the core decides, as for every route)."""
    for methods, pattern, need in _COMPILED:
        if method in methods and pattern.fullmatch(path):
            return need
    return None


def body_cap(path: str, *, public: bool = False) -> int | None:
    """The largest body a write to ``path`` may send; None for the transcripts' upload (``/api/import``, which
    has its own limit, :data:`makna.web.routes_upload.UPLOAD_LIMIT`, read as it streams)."""
    if public:
        return FORM_CAP
    if path == "/api/import":
        return None
    return _CAPS.get(path, JSON_CAP)
