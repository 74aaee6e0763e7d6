"""The team server's core: accounts (Argon2 password hashes), login sessions, projects held as
PostgreSQL schemas of one database, and each project's members with their roles
(:mod:`makna.access`). No web framework here: :mod:`makna.web.server_app` serves it and
``makna server`` (:mod:`makna.cli.server_cmds`) administers it.

Submodules load on first use: :mod:`.registry` (:class:`~makna.server.registry.Registry`),
:mod:`.passwords`, :mod:`.ratelimit`, :mod:`.transfer`, :mod:`.tables` (the registry's tables and
upgrades), :mod:`.invitations` (one-time links to join projects), :mod:`.audit` (the registry's audit log
read back) and :mod:`.keys` (where a web apply keeps a project's de-identification key).
"""

from __future__ import annotations

__all__: list[str] = []
