"""The suggester's trained model, kept in the project so that a second ``makna suggest`` on an unchanged
project does not train again.

A model is stored per kind of unit with its cross-validated held-out scores (from which reliability and
calibration are recomputed in milliseconds for any threshold) and a *training key* (:func:`training_key`,
kept in the table's ``watermark`` column): a 63-bit digest of the number, the highest id and the sum of
the ids of the events that may change what the suggester learns (all but ``suggest.run``), of the
model's name and of the suggester's data files (:func:`makna.suggest.features.data_digest`). Every
change to a project leaves an event, so a stored model whose key is not the project's current one (a
coding, a codebook edit, a review decision, an undo since; an event committed late with an id below the
highest, as PostgreSQL's sequences allow; another version of the word lists or of the model) is stale
and is trained afresh. Models are plain arrays and JSON (:meth:`Model.to_bytes`), read without pickle.
De-identification deletes them (privacy.project_apply): a model holds stemmed words of the texts it was
trained on.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, delete, func, select

from ..model import utcnow
from ..store import tables
from .classifier import MODEL_NAME, Model

__all__ = ["Trained", "training_key", "get", "put"]

#: Events that do not change what the suggester learns from.
_NEUTRAL = ("suggest.run",)


@dataclass
class Trained:
    """A model and its held-out (cross-validated) raw scores, truth and known-label mask, units x codes."""

    model: Model
    raw: npt.NDArray[np.float64]
    truth: npt.NDArray[np.bool_]
    known: npt.NDArray[np.bool_]


def training_key(conn: Connection) -> int:
    """A digest (0 to 2**63 - 1) of what the suggester learns from: the count, highest id and sum of ids
    of the events that may change it, the model's name and the data files' digest. A late commit (an id
    below the highest) changes the count and the sum; a new version of the word lists changes the digest."""
    from .features import data_digest

    e = tables.events.c
    n, top, total = conn.execute(select(func.count(), func.max(e.id), func.sum(e.id))
                                 .where(e.action.not_in(_NEUTRAL))).one()
    text = f"{MODEL_NAME}\0{data_digest()}\0{int(n or 0)}\0{int(top or 0)}\0{int(total or 0)}"
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") >> 1


def _arrays(t: Trained) -> bytes:
    buf = io.BytesIO()
    raw = np.where(np.isfinite(t.raw), t.raw, np.nan)  # -inf (not scored) kept as NaN
    np.savez_compressed(buf, raw=raw, truth=t.truth, known=t.known)
    return buf.getvalue()


def get(conn: Connection, unit: str, key: int) -> Trained | None:
    """The stored model for ``unit`` if it was trained at training key ``key`` (else None)."""
    m = tables.suggest_models.c
    row = conn.execute(select(m.watermark, m.model, m.held_out).where(m.unit == unit)).first()
    if row is None or int(row.watermark) != key:
        return None
    try:
        model = Model.from_bytes(bytes(row.model))
        with np.load(io.BytesIO(bytes(row.held_out)), allow_pickle=False) as z:
            raw = np.asarray(z["raw"], dtype=np.float64)
            held = Trained(model, np.where(np.isnan(raw), -np.inf, raw), np.asarray(z["truth"], dtype=bool),
                           np.asarray(z["known"], dtype=bool))
    except (ValueError, KeyError, TypeError, OSError):
        return None  # unreadable (another version's layout): train afresh
    if model.name != MODEL_NAME or held.raw.shape != (held.truth.shape[0], len(model.codes)):
        return None
    return held


def put(conn: Connection, unit: str, key: int, trained: Trained) -> None:
    """Store ``trained`` for ``unit`` at training key ``key``, replacing the one before (inside the caller's
    write transaction)."""
    row: dict[str, Any] = {"unit": unit, "watermark": key, "model": trained.model.to_bytes(),
                           "held_out": _arrays(trained), "created_at": utcnow()}
    conn.execute(delete(tables.suggest_models).where(tables.suggest_models.c.unit == unit))
    conn.execute(tables.suggest_models.insert().values(**row))

