"""Offline coders (#14): a copy of a team-server project on a coder's laptop, and their work sent back.

``makna pull`` asks the server (:mod:`makna.web.routes_sync`, ``GET /api/sync/pull``) for what the
coder may see (:func:`makna.sync.server.snapshot`) and writes it to a local project file
(:mod:`makna.sync.local`); the file is an ordinary project, usable offline with every command and the
workbench, in which the coder may code and write memos (not edit the codebook). ``makna push`` sends
the coder's own changes since the pull, by their stable ids, and the server applies those that do not
conflict with what changed there meanwhile (:func:`makna.sync.server.apply_push`), listing the rest.
:mod:`makna.sync.client` speaks to the server over HTTP(S) with the coder's login session.

Submodules load on first use: :mod:`.rows` (what both sides share), :mod:`.server`, :mod:`.local`,
:mod:`.client`.
"""

from __future__ import annotations

__all__: list[str] = []
