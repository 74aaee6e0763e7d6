"""sec19: the Members page's audit log of a project made under the name of one deleted earlier (PostgreSQL)."""

from __future__ import annotations

from makna.server.audit import audit_log
from makna.server.registry import Registry


def test_a_project_made_under_a_deleted_ones_name_shows_none_of_its_steps(team: Registry) -> None:
    """Audit rows name projects by name: the new project's manager read who had been invited to, and set in,
    the deleted project of the same name (another team's people)."""
    team.add_project("Rahasia", owner="ana")
    team.set_role("Rahasia", "budi", "coder")
    team.invite(["Rahasia"], "viewer", actor="ana", note="untuk Budi")
    team.delete_project("Rahasia")
    team.add_project("Rahasia", owner="dewi")
    seen = audit_log(team, project="Rahasia", actor="dewi")
    assert not any(e.detail.get("user") == "budi" or e.action == "invite.create" for e in seen), seen
    assert all(e.actor != "ana" for e in seen), seen
