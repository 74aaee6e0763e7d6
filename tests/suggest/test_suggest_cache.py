"""The suggester's trained model kept in the project (makna.suggest.cache): a second run on an unchanged
project does not train again and suggests as the first would; any change (a coding, a review decision)
makes it train afresh; the stored model reads back without pickle and scores as before; cross-validation
that analyses each text once scores as models trained fold by fold would."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from synth import build

from makna import suggest
from makna.coding import code_span
from makna.store import tables
from makna.suggest import cache, features
from makna.suggest.classifier import CodeText, Example, Model, cross_scores, train
from makna.suggest.training import load


def _examples() -> tuple[list[Example], list[CodeText]]:
    rows = [("aku ditipu pakai bukti transfer palsu", "id", {"fraud"}, "a"),
            ("nomorku diblokir habis ketemu", "id", {"blocked"}, "a"),
            ("kami ngobrol soal cuaca", "id", set(), "a"),
            ("he sent a fake receipt and left without paying", "en", {"fraud"}, "b"),
            ("she blocked my number after the chat", "en", {"blocked"}, "b"),
            ("we talked about football", "en", set(), "b"),
            ("transfer palsu lagi, uangnya nggak masuk", "id", {"fraud"}, "c"),
            ("akunnya ngeblok aku", "id", {"blocked"}, "c"),
            ("dia suka makan sate", "id", set(), "c")]
    book = [CodeText("fraud", (("en", "Cheated: a fake transfer receipt"),)),
            CodeText("blocked", (("id", "Diblokir: nomor diblokir pelanggan"),))]
    return [Example(t, lang, frozenset(c), g) for t, lang, c, g in rows], book


def test_a_stored_model_reads_back_and_scores_the_same() -> None:
    examples, book = _examples()
    model = train(examples, book)
    back = Model.from_bytes(model.to_bytes())
    texts, langs = ["bukti transfer palsu", "my number got blocked"], ["id", "en"]
    assert back.codes == model.codes and back.id == model.id
    assert np.allclose(back.raw(texts, langs), model.raw(texts, langs), atol=1e-5)
    with pytest.raises(ValueError):
        Model.from_bytes(b"not a model")


def test_cross_scores_match_models_trained_fold_by_fold() -> None:
    examples, book = _examples()
    codes = train(examples, book).codes
    raw, truth, known = cross_scores(examples, book, codes)
    assert known.all() and truth.sum() == 6
    for group in ("a", "b", "c"):
        rows = [i for i, e in enumerate(examples) if e.group == group]
        fold = train([e for e in examples if e.group != group], book)
        expect = fold.raw([examples[i].text for i in rows], [examples[i].language for i in rows])
        assert np.allclose(raw[rows][:, [codes.index(c) for c in fold.codes]], expect, atol=1e-3)  # solver order aside


def _stored(project: Any) -> int:
    with project.store.read() as conn:
        return len(conn.execute(tables.suggest_models.select()).all())


def test_a_second_run_does_not_train_again_until_the_project_changes(project: Any) -> None:
    build(project)
    first = suggest.run(project)
    assert first.retrained and _stored(project) == 1
    with project.store.read() as conn:
        mark = cache.training_key(conn)
        kept = cache.get(conn, "turn", mark)
        assert kept is not None and cache.get(conn, "turn", mark - 1) is None
    again = suggest.run(project)
    assert not again.retrained and again.model == first.model
    assert again.reliability is not None and first.reliability is not None
    assert again.reliability.as_dict() == first.reliability.as_dict()
    assert again.created == 0  # nothing new to suggest: the same model made the same suggestions
    # a review decision is new training data: the next run trains afresh
    suggest.reject(project, suggest.pending(project)[0].id)
    assert suggest.run(project).retrained
    assert not suggest.run(project).retrained
    # so is a coding
    data = load(project)
    cand = data.candidates[0]
    code_span(project, cand.source, cand.start, cand.end, sorted(data.code_ids)[0])
    assert suggest.run(project).retrained
    # another kind of unit has a model of its own
    assert suggest.run(project, unit="sentence").retrained and _stored(project) == 2


def _commit_event(project: Any, offset: int) -> None:
    """An event with id (highest so far at the start of the test + ``offset``), as a transaction that drew its
    id from PostgreSQL's sequence earlier or later than another commits; far enough above the sequence's
    next ids that the test's own writes never meet it."""
    from makna.model import utcnow

    e = tables.events
    with project.store.engine.begin() as conn:
        conn.execute(e.insert().values(id=project.test_top + offset, at=utcnow(), actor="someone",
                                       action="code.apply", payload={}))


def test_the_training_key_changes_with_a_late_commit_and_with_the_data_files(project: Any,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import func, select

    build(project)
    with project.store.read() as conn:
        project.test_top = int(conn.execute(select(func.max(tables.events.c.id))).scalar() or 0)
    _commit_event(project, 1000)  # the later-numbered transaction commits first
    assert suggest.run(project).retrained and not suggest.run(project).retrained
    with project.store.read() as conn:
        before = cache.training_key(conn)
        top = conn.execute(select(func.max(tables.events.c.id))).scalar()
    _commit_event(project, 500)  # the earlier-numbered one commits late: the highest id does not move
    with project.store.read() as conn:
        assert conn.execute(select(func.max(tables.events.c.id))).scalar() == top
        late = cache.training_key(conn)
    assert late != before
    assert suggest.run(project).retrained and not suggest.run(project).retrained
    # other word lists: another model
    monkeypatch.setattr(features, "data_digest", lambda: "other lists")
    with project.store.read() as conn:
        assert cache.training_key(conn) != late
    assert suggest.run(project).retrained
