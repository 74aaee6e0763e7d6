"""Fixtures for the exchange tests: a second project location on the same backend, a rich project,
and a snapshot of everything a round trip must keep."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import makna
from makna.store import tables


@pytest.fixture
def fresh_location(project_location: str, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes further new-project locations on the backend of ``project_location``."""
    made: list[str] = []
    pg = os.environ.get("MAKNA_TEST_PG_URL", "").replace("postgresql+psycopg://", "postgresql://")

    def make() -> str:
        if not project_location.startswith("postgres"):
            return str(tmp_path / f"copy-{len(made)}-{uuid.uuid4().hex[:6]}.makna")
        import psycopg

        schema = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        made.append(schema)
        sep = "&" if "?" in pg else "?"
        return f"{pg}{sep}options=-csearch_path%3D{schema}"

    yield make
    if made:
        import psycopg

        with psycopg.connect(pg, autocommit=True) as conn:
            for schema in made:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


TEXTS = {
    "informan-01.txt": "P: Apa kabar? 😀\r\nI: Baik-baik saja, terima kasih.\r\nP: Cafe\u0301 di sana?\r\nI: Ya, 👍🏽 enak.\r\n",
    "informan-02.txt": "P: Kenapa pakai aplikasi itu?\nI: Karena teman saya pakai, jadi saya ikut 🙂.\nP: Oke.\n",
    "notes.md": "Catatan lapangan tanpa giliran bicara.\n\nHari kedua: wawancara di warung.\n",
}


def build_rich(project: makna.Project) -> None:
    """Every kind of entity exchange must carry: nested codes with all fields, typed attributes, cases
    linked to whole sources and to spans, codings by two coders, memos on every target, sets."""
    from makna.cases import add_case, define_attribute, link_source
    from makna.coding import SegmentSpec, code_many

    for name, text in TEXTS.items():
        makna.import_text(project, name, text, language="id")
    makna.add_code(project, "exp", "Pengalaman", color="#4E79A7", definition="Experiences.\nTwo lines.",
                   inclusion="Stories", exclusion="Motives", example="'saya ditipu'", keywords=["tipu", "bohong"])
    makna.add_code(project, "exp.neg", "Negatif", parent="exp", definition="makna-data: {} tricky")
    makna.add_code(project, "exp.pos", "Positif 😀", parent="exp", color="#59A14F")
    makna.add_code(project, "motif", "Motif & <alasan>")
    makna.add_code(project, "a.b", "first", parent="motif")
    makna.move_code(project, "exp.pos", "exp", position=0)
    define_attribute(project, "umur", "integer", "Age in years")
    define_attribute(project, "tinggi", "float")
    define_attribute(project, "lahir", "date")
    define_attribute(project, "menikah", "boolean")
    define_attribute(project, "kota", "text")
    add_case(project, "Ani", "Informan pertama", values={"umur": 31, "tinggi": 1.55e-05, "lahir": "1990-02-03",
                                                        "menikah": True, "kota": "Jakarta"})
    add_case(project, "Budi", values={"umur": 40})
    link_source(project, "Ani", "informan-01.txt")
    link_source(project, "Budi", "informan-02.txt", 0, 30)
    link_source(project, "Budi", "informan-02.txt", 30, 60)
    t1 = makna.get_source(project, "informan-01.txt").text
    s1 = t1.index("😀")
    r = code_many(project, [SegmentSpec("informan-01.txt", s1, s1 + 1, "exp.pos", memo="segment's own memo\nline 2"),
                            SegmentSpec("informan-01.txt", 0, 10, "exp"),
                            SegmentSpec("informan-01.txt", 0, 10, "exp.neg", memo="overlap")], coder="ani")
    code_many(project, [SegmentSpec("informan-01.txt", 0, 10, "exp"),
                        SegmentSpec("informan-02.txt", 3, 20, "motif")], coder="budi")
    with project.store.write("test", "coder.kind", {}) as conn:
        conn.execute(tables.coders.update().where(tables.coders.c.name == "budi").values(kind="suggester"))
    makna.add_memo(project, "project", None, "Project memo", title="Overview")
    makna.add_memo(project, "source", "notes.md", "About the notes")
    makna.add_memo(project, "case", "Ani", "Ani was late")
    makna.add_memo(project, "code", "exp", "Code memo")
    makna.add_memo(project, "segment", r.segment_ids[1], "Segment memo row")
    makna.create_set(project, "Interviews", "sources", ["informan-01.txt", "informan-02.txt"], description="2")
    makna.create_set(project, "Core codes", "codes", ["exp", "motif"])
    makna.create_set(project, "Empty sources", "sources", [])


def snapshot(project: makna.Project) -> dict[str, Any]:
    """Everything a makna -> qdpx -> makna round trip must keep, in comparable form."""
    from makna.store import as_utc

    out: dict[str, Any] = {"project_id": project.store.meta()["project_id"]}
    with project.store.read() as conn:
        def rows(table: Any, *cols: str, order: tuple[str, ...] = ("id",)) -> list[tuple[Any, ...]]:
            q = select(*[table.c[c] for c in cols]).order_by(*[table.c[o] for o in order])
            return [tuple(as_utc(v) if hasattr(v, "tzinfo") and hasattr(v, "hour") else v for v in r)
                    for r in conn.execute(q)]

        out["coders"] = rows(tables.coders, "id", "name", "kind")
        out["sources"] = rows(tables.sources, "id", "name", "text", "length", "language", "media_type",
                              "original_name", "sha256", "encoding", "imported_at")
        out["turns"] = rows(tables.turns, "source_id", "number", "speaker", "start", "end", "time_start", "time_end",
                            order=("source_id", "number"))
        out["segments"] = rows(tables.segments, "id", "source_id", "start", "end", "code_id", "coder_id", "memo",
                               "created_at")
        out["attributes"] = rows(tables.attributes, "id", "name", "type", "description")
        out["cases"] = rows(tables.cases, "id", "name", "description")
        out["values"] = rows(tables.case_values, "case_id", "attribute_id", "value", order=("case_id", "attribute_id"))
        links = rows(tables.case_links, "id", "case_id", "source_id", "start", "end")
        out["links"] = sorted((r[1], r[2], r[3], r[4]) for r in links)
        out["span_link_ids"] = sorted(r[0] for r in links if r[3] is not None)
        out["memos"] = rows(tables.memos, "id", "target_kind", "target_id", "title", "text", "coder_id", "created_at")
        out["sets"] = rows(tables.sets, "id", "name", "kind", "description")
        out["members"] = rows(tables.set_members, "set_id", "member_id", order=("set_id", "member_id"))
    out["codes"] = [(c.id, c.key, c.name, c.parent_id, c.color, c.definition, c.inclusion, c.exclusion, c.example,
                     c.keywords) for c in makna.list_codes(project)]
    return out


@pytest.fixture
def rich() -> Callable[[makna.Project], None]:
    return build_rich


@pytest.fixture
def snap() -> Callable[[makna.Project], dict[str, Any]]:
    return snapshot
