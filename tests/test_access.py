"""Roles enforced in the core (#14): every operation against every role, as a matrix. A refused
operation raises PermissionDeniedError naming the role it needs and leaves the project unchanged;
an allowed one succeeds. Every kind of write also goes through the store's check, and every event
a write logs is a listed kind (makna.event_kinds)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.access import PERMISSION, PERMISSIONS, ROLES, Access, Permission, Role, allows, can, require, role_of
from makna.errors import PermissionDeniedError
from makna.event_kinds import EVENT_KINDS, is_event_kind
from makna.privacy.seal_copies import revoke_sealer
from makna.privacy.seals import seal_key

USERS: dict[Role, str] = {"owner": "ana", "manager": "dewi", "coder": "budi", "viewer": "citra"}
ROLE_OF = {name: role for role, name in USERS.items()}
TEXT = "P: Apa kabar hari ini?\nI: Baik, saya senang di Padang.\nP: Kerja di mana?\nI: Di warung kopi.\n"


def _seed(path: Path) -> None:
    with makna.create_project(path, "Matriks", coder="ana") as p:
        makna.import_text(p, "s1", TEXT, language="id")
        makna.import_text(p, "s2", "P: Halo.\nI: Halo juga.\n", language="id")
        for key in ("a", "b", "c"):
            makna.add_code(p, key, key.upper())
        makna.define_attribute(p, "kota", "text")
        makna.add_case(p, "Ani", values={"kota": "Padang"})
        makna.link_source(p, "Ani", "s1")
        makna.create_set(p, "semua", "sources", ["s1"])
        for name in USERS.values():  # each user has a coding, a memo and a step to undo of their own
            p.coder_name = name
            makna.code_span(p, "s1", 0, 2, "a")
            makna.add_memo(p, "source", "s1", f"memo {name}")
        makna.analysis.ensure_index(p)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("matrix") / "seed.makna"
    _seed(path)
    return path


def _own_segment(p: Any) -> str:
    return next(s.id for s in makna.retrieve(p, coder=p.actor))


def _others_segment(p: Any) -> str:
    return next(s.id for s in makna.retrieve(p) if s.coder != p.actor)


def _memo(p: Any, own: bool) -> str:
    coder = {c.name: c.id for c in p.coders()}[p.actor]
    return next(m.id for m in makna.list_memos(p) if (m.coder_id == coder) == own)


def _undo_unchecked(p: Any) -> None:
    access, p.store.access = p.store.access, None
    makna.undo(p)  # as the user, unchecked: a step to redo
    p.store.access = access


def _deid_scan(p: Any) -> None:
    from makna.privacy.project import scan

    scan(p, sources=["s2"])


def _deid_add(p: Any) -> None:
    from makna.privacy.project import add_detection

    add_detection(p, "s1", TEXT.index("Padang"), TEXT.index("Padang") + 6, "LOCATION")


def _consensus(p: Any) -> None:
    from makna.agreement.consensus import resolve

    resolve(p, "s1", 3, 6, ["b"])


def _codebook(p: Any) -> None:
    makna.import_codebook(p, makna.load_codebook("codes:\n  - key: d\n    name: D\n"))


#: operation -> (the permission it needs, what it does as the acting user)
OPERATIONS: dict[str, tuple[Permission, Callable[[Any], object]]] = {
    "read sources": ("read", lambda p: makna.list_sources(p)),
    "retrieve": ("read", lambda p: makna.retrieve(p)),
    "search (refreshes the index)": ("read", lambda p: makna.search(p, "kabar")),
    "import a source": ("manage", lambda p: makna.import_text(p, "s3", "P: Baru.\n")),
    "rename a source": ("manage", lambda p: makna.rename_source(p, "s2", "s2b")),
    "set a source's language": ("manage", lambda p: makna.sources.set_language(p, "s2", "en")),
    "delete a source": ("manage", lambda p: makna.delete_source(p, "s2")),
    "add a code": ("manage", lambda p: makna.add_code(p, "d", "D")),
    "update a code": ("manage", lambda p: makna.update_code(p, "b", name="Bee")),
    "move a code": ("manage", lambda p: makna.move_code(p, "c", "b")),
    "merge codes": ("manage", lambda p: makna.merge_codes(p, "c", "b")),
    "delete a code": ("manage", lambda p: makna.delete_code(p, "c")),
    "import a codebook": ("manage", _codebook),
    "code a span": ("code", lambda p: makna.code_span(p, "s1", 3, 6, "b")),
    "code a turn": ("code", lambda p: makna.code_turn(p, "s1", 2, "b")),
    "autocode a speaker": ("code", lambda p: makna.autocode_speaker(p, "I", "b")),
    "autocode a pattern": ("code", lambda p: makna.autocode_pattern(p, "Padang", "b")),
    "autocode search hits": ("code", lambda p: makna.autocode_search(p, "kabar", "b")),
    "remove an own coding": ("code", lambda p: makna.uncode(p, _own_segment(p))),
    "remove own codings of a span": ("code", lambda p: makna.uncode_span(p, "s1", 0, 2)),
    "edit an own coding's memo": ("code", lambda p: makna.set_segment_memo(p, _own_segment(p), "ok")),
    "code in another coder's name": ("others", lambda p: makna.code_span(p, "s1", 3, 6, "b", coder="lain")),
    "remove every coder's codings of a span": ("others", lambda p: makna.uncode_span(p, "s1", 0, 2, all_coders=True)),
    "write a memo": ("code", lambda p: makna.add_memo(p, "project", None, "catatan")),
    "edit an own memo": ("code", lambda p: makna.update_memo(p, _memo(p, True), "baru")),
    "delete an own memo": ("code", lambda p: makna.delete_memo(p, _memo(p, True))),
    "edit another's memo": ("others", lambda p: makna.update_memo(p, _memo(p, False), "baru")),
    "delete another's memo": ("others", lambda p: makna.delete_memo(p, _memo(p, False))),
    "create a set": ("manage", lambda p: makna.create_set(p, "kode", "codes", ["a"])),
    "delete a set": ("manage", lambda p: makna.memos.delete_set(p, "semua")),
    "define an attribute": ("manage", lambda p: makna.define_attribute(p, "umur", "integer")),
    "add a case": ("manage", lambda p: makna.add_case(p, "Budi")),
    "set case values": ("manage", lambda p: makna.set_values(p, "Ani", {"kota": "Solok"})),
    "link a case": ("manage", lambda p: makna.link_source(p, "Ani", "s2")),
    "unlink a case": ("manage", lambda p: makna.unlink_source(p, "Ani", "s1")),
    "delete a case": ("manage", lambda p: makna.delete_case(p, "Ani")),
    "import cases": ("manage", lambda p: makna.load_cases(p, {"cases": [{"name": "Citra"}]})),
    "undo an own step": ("code", lambda p: makna.undo(p)),
    "redo an own step": ("code", lambda p: makna.redo(p)),
    "scan for identifiers": ("manage", _deid_scan),
    "mark a missed identifier": ("manage", _deid_add),
    "record consensus": ("manage", _consensus),
    # trust23: the seal key is made by an export of the whole project (a manager's), not by any reader
    "make the seal key of exported claims": ("export", lambda p: seal_key(p, needed=True)),
    "withdraw a member's right to seal": ("manage", lambda p: revoke_sealer(p, "budi")),
}

def _a_copy_for_budi(p: Any) -> None:
    """trust24: a member's right to seal is withdrawn from their copies, so budi needs one (as the project logs it)."""
    payload = {"origin": "file", "coder": "budi", "copy_token": "ab" * 16, "copy": "budi.makna", "seal": None}
    with p.store.write(p.actor, "sync.pull", payload):
        pass


#: what an operation needs done first, unchecked (a step to redo)
PREPARE: dict[str, Callable[[Any], None]] = {"redo an own step": _undo_unchecked,
                                             "withdraw a member's right to seal": _a_copy_for_budi}


def _open(seeded: Path, tmp_path: Path, user: str) -> Any:
    path = tmp_path / "p.makna"
    shutil.copy(seeded, path)
    p = makna.open_project(path, coder=user)
    p.store.access = Access({name: ROLE_OF[name] for name in USERS.values()})
    return p


def _event_count(p: Any) -> int:
    return len(makna.events(p, limit=100_000))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_every_operation_for_every_role(seeded: Path, tmp_path: Path, operation: str, role: Role) -> None:
    permission, run = OPERATIONS[operation]
    with _open(seeded, tmp_path, USERS[role]) as p:
        if operation in PREPARE:
            PREPARE[operation](p)
        before = _event_count(p)
        if allows(role, permission):
            run(p)
            assert all(is_event_kind(e.action) for e in makna.events(p, limit=100_000))
        else:
            # the message names the role the first missing permission needs (a viewer lacks 'code' first)
            with pytest.raises(PermissionDeniedError, match=rf"is a {role} of this project: .* needs the "
                                                            rf"({_least(permission)}|coder) role"):
                run(p)
            assert _event_count(p) == before  # nothing was written


def _least(permission: Permission) -> str:
    return next(r for r in reversed(ROLES) if allows(r, permission))


def test_the_matrix_covers_every_permission_an_event_kind_needs() -> None:
    assert {perm for perm, _ in OPERATIONS.values()} >= set(PERMISSION.values()) - {"own"}


@pytest.mark.parametrize("role", [*ROLES, None])
def test_every_event_kind_is_checked_by_the_store(project: Any, role: Role | None) -> None:
    """The store refuses any kind of write the actor's role does not allow (None: not a member)."""
    project.store.access = Access({"x": role} if role else {})
    project.coder_name = "x"
    for kind in EVENT_KINDS:
        if allows(role, PERMISSION[kind]):
            with project.store.write("x", kind, {}):
                pass
        else:
            with pytest.raises(PermissionDeniedError), project.store.write("x", kind, {}):
                pass
    project.store.access = None


def test_roles_are_ordered_and_local_projects_have_an_owner(project: Any) -> None:
    assert [sum(allows(r, perm) for perm in PERMISSIONS) for r in ROLES] == [9, 6, 2, 1]
    assert not allows(None, "read")
    assert role_of(project) == "owner" and can(project, "delete")
    require(project, "members")  # nothing refused in a project opened locally
    project.store.access = Access({"tester": "coder"})
    assert role_of(project) == "coder" and not can(project, "manage") and can(project, "code")
    with pytest.raises(PermissionDeniedError, match="'tester' is a coder of this project: .* needs the manager"):
        require(project, "reveal")
    project.store.access = None


def test_every_listed_kind_is_unique_and_has_a_permission() -> None:
    assert len(set(EVENT_KINDS)) == len(EVENT_KINDS)
    assert set(PERMISSION) == set(EVENT_KINDS)
    assert not is_event_kind("code.everything")


def test_every_write_in_the_source_names_a_listed_kind() -> None:
    """No write passes a kind built at run time: each ``store.write``/``write_each`` call and each
    ``action=`` of ``code_many`` names a listed literal, or a variable mypy checks as EventKind."""
    import ast

    root = Path(makna.__file__).parent
    literals: list[tuple[str, str]] = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args: list[ast.expr] = []
            if name in ("write", "write_each") and len(node.args) >= 2:
                args.append(node.args[1])
            args += [k.value for k in node.keywords if k.arg == "action"]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    literals.append((f"{path.relative_to(root)}:{node.lineno}", arg.value))
                else:
                    assert isinstance(arg, ast.Name | ast.Call), f"{path}:{node.lineno}: a kind built at run time"
    assert len(literals) > 40
    unknown = [(where, kind) for where, kind in literals if not is_event_kind(kind)]
    assert not unknown, unknown
