"""The suggester's proposals are a coder of their own: analyses, the report and the codebook's counts
leave them out until a person accepts one (then it counts as that person's coding), on both backends."""

from __future__ import annotations

import datetime as dt

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


def test_proposals_are_not_counted_until_accepted(project: makna.Project) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_code(project, "aman", "Safer")
    makna.add_code(project, "tipu", "Cheated")
    makna.code_turn(project, "a.txt", 2, "aman")
    _propose(project, "a.txt", 0, 20, "tipu")
    _propose(project, "a.txt", 30, 40, "tipu")
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
