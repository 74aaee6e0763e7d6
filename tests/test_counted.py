"""The suggester's proposals are a coder of their own: analyses, the report and the codebook's counts
leave them out until a person accepts one (then it counts as that person's coding), on both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import makna
from makna.analysis.cooccurrence import cooccurrence
from makna.model import new_id
from makna.queries import code_frequencies
from makna.report.model import build_report
from makna.store import tables
from makna.suggest import MACHINE_CODER
from makna.views import code_usage

TEXT = "P: Kenapa pakai aplikasi?\nI: Gratis, Kak. Lebih aman dari jalan.\nP: Pernah ditipu?\nI: Pernah, tamu kabur.\n"


def _propose(project: makna.Project, source: str, start: int, end: int, code: str) -> None:
    """A pending proposal as `makna suggest` stores it: the suggester's coding and its suggestion row."""
    src, cid, now = makna.get_source(project, source), makna.get_code(project, code).id, dt.datetime.now(dt.UTC)
    with project.store.write(project.actor, "suggest.run", {}) as conn:
        machine = project.coder_id(conn, MACHINE_CODER, kind="suggester")
        seg = new_id()
        conn.execute(tables.segments.insert().values(id=seg, source_id=src.id, start=start, end=end, code_id=cid,
                                                     coder_id=machine, memo="", created_at=now))
        conn.execute(tables.suggestions.insert().values(id=new_id(), source_id=src.id, start=start, end=end,
                                                        code_id=cid, segment_id=seg, confidence=0.9, model="test",
                                                        state="pending", created_at=now))


def _coded(project: makna.Project) -> None:
    """a.txt: a person's coding of turn 2 (aman), two pending proposals of tipu (0:20, 30:40)."""
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_code(project, "aman", "Safer")
    makna.add_code(project, "tipu", "Cheated")
    makna.code_turn(project, "a.txt", 2, "aman")
    _propose(project, "a.txt", 0, 20, "tipu")
    _propose(project, "a.txt", 30, 40, "tipu")


def test_proposals_are_not_counted_until_accepted(project: makna.Project) -> None:
    _coded(project)
    _propose(project, "a.txt", 30, 40, "aman")

    freq = {f.key: f.segments for f in code_frequencies(project)}
    assert freq == {"aman": 1, "tipu": 0}
    assert {f.key: f.segments for f in code_frequencies(project, coder=MACHINE_CODER)} == {"aman": 1, "tipu": 2}
    usage = code_usage(project)
    assert usage[makna.get_code(project, "aman").id].segments == 1
    assert makna.get_code(project, "tipu").id not in usage
    cooc = cooccurrence(project)
    assert cooc.totals.tolist() == [1, 0] and int(cooc.counts[0][1]) == 0  # only the proposals overlapped
    report = build_report(project, lang="en", charts=False)
    quoted = [q.text for t in report.themes for s in t.sections for q in s.quotes]
    assert quoted and all("Pernah" not in q and "Kenapa" not in q for q in quoted)
    assert {t.stats.key: t.stats.segments for t in report.themes}.get("tipu", 0) == 0


def _pending_ids(project: makna.Project) -> list[str]:
    from makna import suggest

    return [s.id for s in sorted(suggest.pending(project), key=lambda s: (s.start, s.code))]


def test_home_counts_and_code_usage_count_as_the_analyses_do(project: makna.Project) -> None:
    """Codings per source (the home page) leave the suggester's proposals out, as code_frequencies does;
    code_usage counts the suggester's when it is the coder named, as counted_where does."""
    from makna.views import segments_per_source

    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.import_text(project, "b.txt", TEXT + "P: Lagi?\nI: Tidak.\n", language="id")
    makna.add_code(project, "aman", "Safer")
    makna.add_code(project, "tipu", "Cheated")
    makna.code_turn(project, "a.txt", 2, "aman")
    _propose(project, "a.txt", 0, 20, "tipu")
    _propose(project, "b.txt", 30, 40, "tipu")
    a, b = makna.get_source(project, "a.txt").id, makna.get_source(project, "b.txt").id
    assert segments_per_source(project) == {a: 1}
    assert segments_per_source(project, [b]) == {}
    assert sum(f.segments for f in code_frequencies(project)) == sum(segments_per_source(project).values())
    tipu, aman = makna.get_code(project, "tipu").id, makna.get_code(project, "aman").id
    machine = code_usage(project, coder=MACHINE_CODER)
    assert machine[tipu].by_coder == 2 and machine[tipu].segments == 0  # the total still leaves proposals out
    assert machine[aman].by_coder == 0 and machine[aman].segments == 1
    assert {k: f.segments for k, f in ((f.key, f) for f in code_frequencies(project, coder=MACHINE_CODER))} == \
        {"aman": 0, "tipu": 2}
    # accepted: the person's coding counts once, the proposal still only under the suggester
    from makna import suggest

    first = _pending_ids(project)[0]
    suggest.accept(project, first)
    assert segments_per_source(project) == {a: 2}
    # rejected: not counted under the suggester either
    suggest.reject(project, _pending_ids(project)[0])
    assert code_usage(project, coder=MACHINE_CODER)[tipu].by_coder == 1
    assert {f.key: f.segments for f in code_frequencies(project, coder=MACHINE_CODER)}["tipu"] == 1


def test_rejected_proposals_are_not_listed_or_exported(project: makna.Project, tmp_path: Path) -> None:
    """A rejected suggestion stays recorded (suggestions.state, the suggester's segment kept for
    agreement) but is no coding: retrieval, the source's codings and the exports leave it out."""
    import json

    from makna import suggest
    from makna.agreement.project_units import load_coding
    from makna.exchange.flat import write_json, write_segments_csv
    from makna.exchange.qdpx_write import export_qdpx
    from makna.views import source_segments

    _coded(project)
    kept, gone = _pending_ids(project)
    suggest.reject(project, gone)
    by_machine = [(g.start, g.end) for g in makna.retrieve(project, coder=MACHINE_CODER)]
    assert by_machine == [(0, 20)]
    assert sorted(g.coder for g in makna.retrieve(project)) == sorted([MACHINE_CODER, project.coder_name])
    assert [(v.coder, v.start) for v in source_segments(project, "a.txt") if v.coder == MACHINE_CODER] == [(MACHINE_CODER, 0)]
    assert write_segments_csv(project, tmp_path / "s.csv") == 2
    write_json(project, tmp_path / "p.json")
    dumped = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert sorted(s["start"] for s in dumped["segments"]) == sorted([0, makna.retrieve(project, code="aman")[0].start])
    export_qdpx(project, tmp_path / "p.qdpx")
    import zipfile

    with zipfile.ZipFile(tmp_path / "p.qdpx") as z:
        xml = z.read("project.qde").decode("utf-8")
    assert xml.count("<Coding ") == 2 and 'startPosition="30"' not in xml
    # agreement compares the suggester's proposals as made, the rejected one included (its disagreement)
    data = load_coding(project, coders=[project.coder_name, MACHINE_CODER])
    assert len(data.seg_start) == 3
    assert [s.id for s in suggest.pending(project, state="rejected")] == [gone] and _pending_ids(project) == [kept]
