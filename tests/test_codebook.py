"""The codebook: operations and the YAML format."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import makna
from makna.codebook import CodebookDoc, code_use, dump_codebook, load_codebook
from makna.errors import CodebookError, ConflictError, InputError, UnknownCodeError
from makna.model import Code


def _tree(project: makna.Project) -> list[tuple[str, int]]:
    return [(n.code.key, n.depth) for n in makna.code_tree(project)]


def test_add_nested_and_order(project: makna.Project) -> None:
    makna.add_code(project, "exp", "Pengalaman")
    makna.add_code(project, "exp.neg", "Negatif", parent="exp")
    makna.add_code(project, "exp.pos", "Positif", parent="exp")
    makna.add_code(project, "motive", "Motif")
    assert _tree(project) == [("exp", 0), ("exp.neg", 1), ("exp.pos", 1), ("motive", 0)]
    colours = {c.color for c in makna.list_codes(project)}
    assert len(colours) == 4


def test_dotted_key_goes_under_its_parent(project: makna.Project) -> None:
    """#12: 'codebook add exp.neg.scam2' made a top-level code that retrieval of exp.neg left out."""
    makna.add_code(project, "exp")
    makna.add_code(project, "exp.neg")
    makna.add_code(project, "exp.neg.scam2")
    makna.add_code(project, "x.y", root=True)
    makna.add_code(project, "a.b", parent="exp")
    assert _tree(project) == [("exp", 0), ("exp.neg", 1), ("exp.neg.scam2", 2), ("a.b", 1), ("x.y", 0)]
    events = len(makna.events(project, limit=100))
    with pytest.raises(CodebookError, match=r"its parent 'no.such' does not exist; add it first "
                                            r"\(makna codebook add no.such\).*--parent KEY.*--root"):
        makna.add_code(project, "no.such.code")
    assert len(makna.list_codes(project)) == 5
    assert len(makna.events(project, limit=100)) == events


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"key": "has space"}, "without spaces"), ({"key": "ok", "color": "red"}, "#RRGGBB"),
     ({"key": "ok", "parent": "missing"}, "unknown code")],
)
def test_add_bad_input(project: makna.Project, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(makna.MaknaError, match=message):
        makna.add_code(project, **kwargs)
    assert makna.list_codes(project) == []


def test_rename_recolour_redefine(project: makna.Project) -> None:
    makna.add_code(project, "a", "A")
    makna.update_code(project, "a", name="Alpha", color="#aabbcc", definition="def", keywords=["x", " "])
    code = makna.update_code(project, "a", new_key="alpha")
    assert (code.key, code.name, code.color, code.definition, code.keywords) == ("alpha", "Alpha", "#AABBCC", "def", ("x",))
    makna.add_code(project, "b")
    with pytest.raises(CodebookError, match="exists already"):
        makna.update_code(project, "b", new_key="alpha")


def test_move(project: makna.Project) -> None:
    for key, parent in (("a", None), ("b", None), ("a1", "a"), ("a2", "a")):
        makna.add_code(project, key, parent=parent)
    makna.move_code(project, "a2", None, position=0)
    assert _tree(project) == [("a2", 0), ("a", 0), ("a1", 1), ("b", 0)]
    makna.move_code(project, "a", "b")
    assert _tree(project) == [("a2", 0), ("b", 0), ("a", 1), ("a1", 2)]
    with pytest.raises(ConflictError, match="descendants"):
        makna.move_code(project, "b", "a1")


def _coded(project: makna.Project) -> None:
    makna.import_text(project, "s", "P: one\nI: two\nP: three\nI: four")
    for key in ("a", "b"):
        makna.add_code(project, key)
    makna.code_turn(project, "s", 2, "a")
    makna.code_turn(project, "s", 4, "a")
    makna.code_turn(project, "s", 2, "b")


def test_merge_reassigns_and_logs(project: makna.Project) -> None:
    _coded(project)
    assert makna.merge_codes(project, "a", "b") == 1  # turn 2 duplicated b's coding and was dropped
    assert [c.key for c in makna.list_codes(project)] == ["b"]
    assert sorted(s.start for s in makna.retrieve(project, code="b")) == [7, 23]
    event = makna.events(project, limit=1)[0]
    assert event.action == "code.merge" and event.payload["reassigned"] == 1 and event.payload["dropped_duplicates"] == 1


def test_delete_refused_while_used(project: makna.Project) -> None:
    _coded(project)
    with pytest.raises(ConflictError, match=r"2 coding\(s\) by 1 coder\(s\) in 1 source\(s\) and 0 child"):
        makna.delete_code(project, "a")
    assert makna.delete_code(project, "a", force=True) == 2
    with pytest.raises(UnknownCodeError):
        makna.get_code(project, "a")


def test_delete_with_children_moves_them_up(project: makna.Project) -> None:
    makna.add_code(project, "p")
    makna.add_code(project, "c", parent="p")
    with pytest.raises(ConflictError, match="child"):
        makna.delete_code(project, "p")
    makna.delete_code(project, "p", force=True)
    assert _tree(project) == [("c", 0)]


def test_code_use_counts_codings_coders_sources_and_the_subtree(project: makna.Project) -> None:
    _coded(project)
    makna.import_text(project, "t", "P: five\nI: six")
    makna.code_turn(project, "t", 2, "a", coder="budi")
    makna.add_code(project, "a.kid", parent="a")
    makna.code_turn(project, "t", 1, "a.kid")
    use = code_use(project, "a")
    assert (use.key, use.codings, use.coders, use.sources, use.children, use.subtree_codings) == ("a", 3, 2, 2, 1, 1)
    assert code_use(project, "b").codings == 1 and code_use(project, "a.kid").children == 0


def test_delete_moving_the_codings_to_another_code(project: makna.Project) -> None:
    """Every coder's codings of the deleted code end under the chosen one (one that the target has
    already is dropped); its children move up to its parent; memos on the code follow the codings."""
    _coded(project)
    makna.code_turn(project, "s", 1, "a", coder="budi")
    makna.add_code(project, "a.kid", parent="a")
    makna.add_memo(project, "code", "a", "about a")
    with pytest.raises(InputError, match="choose one"):
        makna.delete_code(project, "a", force=True, move_to="b")
    with pytest.raises(ConflictError, match="itself"):
        makna.delete_code(project, "a", move_to="a")
    assert makna.delete_code(project, "a", move_to="b") == 2  # turn 2 was coded with b already: dropped
    assert sorted(_tree(project)) == [("a.kid", 0), ("b", 0)]
    segs = makna.retrieve(project, code="b")
    assert sorted((s.turn, s.coder) for s in segs) == [(1, "budi"), (2, "tester"), (4, "tester")]
    assert [m.text for m in makna.list_memos(project, "code", "b")] == ["about a"]
    event = makna.events(project, limit=1)[0]
    assert event.action == "code.delete" and event.payload["moved"] == 2 and event.payload["dropped_duplicates"] == 1


def test_yaml_round_trip_through_project(project: makna.Project, tmp_path: Path) -> None:
    makna.add_code(project, "exp", "Pengalaman", definition="Apa yang dialami\ninforman.", keywords=["tipu"])
    makna.add_code(project, "exp.neg", "Negatif: ditipu", parent="exp", inclusion="'quoted' #hash", example="“Aku ditipu.”")
    text = makna.export_codebook(project)
    doc = load_codebook(text)
    assert dump_codebook(doc) == text
    path = tmp_path / "cb.yaml"
    path.write_text(text, encoding="utf-8")
    loc2 = str(tmp_path / "other.makna")
    with makna.create_project(loc2) as other:
        result = makna.import_codebook(other, makna.read_codebook_file(path))
        assert (result.added, result.updated) == (2, 0)
        assert makna.export_codebook(other).split("codes:")[1] == text.split("codes:")[1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("codes: [", "not valid YAML"),
        ("- a\n- b", "expected a mapping"),
        ("format: other/9\ncodes: []", "unsupported format"),
        ("codes:\n  - name: no key", "needs a 'key'"),
        ("codes:\n  - key: a\n  - key: a", "appears twice"),
        ("codes:\n  - key: a\n    color: blue", "#RRGGBB"),
        ("codes:\n  - key: a\n    keywords: tipu", "must be a list"),
    ],
)
def test_bad_codebook_files(text: str, message: str) -> None:
    with pytest.raises(CodebookError, match=message):
        load_codebook(text)


def test_import_updates_existing_keys(project: makna.Project) -> None:
    makna.add_code(project, "a", "Old")
    doc = load_codebook("codes:\n  - key: a\n    name: New\n    children:\n      - key: b\n")
    result = makna.import_codebook(project, doc)
    assert (result.added, result.updated) == (1, 1)
    assert makna.get_code(project, "a").name == "New"
    assert _tree(project) == [("a", 0), ("b", 1)]


printable = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
keys = st.text("abcdefghij._-", min_size=1, max_size=12)


@st.composite
def codebooks(draw: st.DrawFn) -> CodebookDoc:
    n = draw(st.integers(0, 8))
    used = draw(st.lists(keys, min_size=n, max_size=n, unique=True))
    codes: list[Code] = []
    for i, key in enumerate(used):
        parent = draw(st.sampled_from([None, *[c.id for c in codes]]))
        codes.append(Code(id=f"00000000-0000-4000-8000-{i:012d}", key=key, name=draw(printable) or key, parent_id=parent,
                          color=draw(st.sampled_from(["#000000", "#ABCDEF"])), definition=draw(printable),
                          inclusion=draw(printable), exclusion=draw(printable), example=draw(printable),
                          keywords=tuple(draw(st.lists(printable, max_size=3)))))
    return CodebookDoc(name=draw(printable), language=draw(st.sampled_from(["id", "en", ""])), codes=codes)


@settings(max_examples=60)
@given(codebooks())
def test_yaml_round_trip_property(doc: CodebookDoc) -> None:
    text = dump_codebook(doc)
    again = load_codebook(text)
    assert dump_codebook(again) == text
    strip = lambda c: (c.id, c.key, c.name.strip() or c.key, c.parent_id, c.color, c.definition, c.inclusion,  # noqa: E731
                       c.exclusion, c.example, c.keywords)
    assert sorted(map(strip, again.codes)) == sorted(map(strip, doc.codes))


def test_a_nul_character_is_refused_on_both_backends(project: makna.Project) -> None:
    """PostgreSQL text holds no NUL: a code's text with one is one clear error on every backend (it was a
    driver DataError on PostgreSQL), and nothing changes."""
    from makna.errors import InputError

    with pytest.raises(InputError, match="NUL"):
        makna.add_code(project, "a", "nama\x00")
    makna.add_code(project, "a", "Nama")
    with pytest.raises(InputError, match="code name: contains a NUL"):
        makna.update_code(project, "a", name="\x00")
    assert makna.get_code(project, "a").name == "Nama"
