"""The resolution step: record the agreed coding under a consensus coder.

* :func:`resolve` records what the team agreed on for one span: the given codes, coded by the consensus
  coder (default :data:`~makna.agreement.project_units.CONSENSUS`, a coder of kind ``person``). It only
  adds codings; remove a consensus coding with :func:`makna.coding.uncode_span` (``coder="consensus"``).
* :func:`resolve_bulk` applies one rule to every unit of a scope, per code, among the coders who coded
  the unit's source:

  - ``agreed``: every such coder applied the code (with two coders: X's coding where Y agrees);
  - ``union``: at least one applied it;
  - ``majority``: more than half applied it (a tie is not a majority);
  - ``coder``: coder ``accept`` applied it and at least one other coder agrees.

  The consensus segment is the unit (sentence, paragraph, turn, excerpt); with character units it is
  each maximal stretch of characters where the rule holds, so the consensus keeps the coders' boundaries.
  Document units are refused (a code's presence in a document has no span to record). A typical round:
  ``agreed`` in bulk, then :func:`resolve` for each row of the disagreement listing. Codings the consensus
  coder holds already are skipped, never duplicated. Everything is written with
  :func:`makna.coding.code_many` in one transaction (event ``agreement.resolve``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..coding import CodingResult, SegmentSpec, code_many
from ..errors import AgreementError
from ..project import Project
from ._matrix import IntArray
from .project_report import AgreementScope
from .project_units import CONSENSUS, candidate_units, code_ratings

__all__ = ["RULES", "Resolution", "Rule", "resolve", "resolve_bulk"]

Rule = Literal["agreed", "union", "majority", "coder"]
RULES: tuple[str, ...] = ("agreed", "union", "majority", "coder")


@dataclass(frozen=True)
class Resolution:
    """What a bulk resolution recorded (or, with ``dry_run``, would record)."""

    rule: str
    consensus: str
    segments: tuple[SegmentSpec, ...]
    created: int
    skipped_duplicates: int


def resolve(
    project: Project,
    source: str,
    start: int,
    end: int,
    codes: Sequence[str],
    *,
    consensus: str = CONSENSUS,
    memo: str = "",
) -> CodingResult:
    """Record that the team agreed ``codes`` apply to ``start:end`` of ``source`` (one transaction)."""
    if not codes:
        raise AgreementError("no code given: name the code(s) the team agreed on for this span")
    if len(set(codes)) != len(codes):
        raise AgreementError("a code is given twice")
    specs = [SegmentSpec(source, start, end, code, memo) for code in codes]
    return code_many(project, specs, coder=consensus, on_duplicate="skip", action="agreement.resolve")


def resolve_bulk(
    project: Project,
    scope: AgreementScope | None = None,
    *,
    rule: Rule | str = "agreed",
    accept: str | None = None,
    consensus: str = CONSENSUS,
    dry_run: bool = False,
) -> Resolution:
    """Apply ``rule`` to every unit of ``scope`` (see the module docstring) and record the result under
    the coder ``consensus``; ``accept`` names the coder whose coding the ``coder`` rule accepts."""
    scope = scope or AgreementScope()
    if rule not in RULES:
        raise AgreementError(f"unknown rule {rule!r}: expected one of {', '.join(RULES)}")
    if (rule == "coder") != (accept is not None):
        raise AgreementError("the rule 'coder' needs the coder whose coding is accepted (and only that rule does)")
    if scope.unit == "document":
        raise AgreementError("document units cannot be resolved in bulk: a code's presence in a document has no span")
    if scope.coders is not None and consensus in scope.coders:
        raise AgreementError(f"the consensus coder {consensus!r} cannot be one of the compared coders")
    data, units = scope.load(project)
    target = -1
    if accept is not None:
        if accept not in data.coders:
            raise AgreementError(f"coder {accept!r} is not among the compared coders ({', '.join(data.coders)})")
        target = data.coders.index(accept)
    specs: list[SegmentSpec] = []
    for k, code in enumerate(data.codes):
        rows = candidate_units(data, units, k)  # a rule keeps only units some coder coded with the code
        r = code_ratings(data, units, k, threshold=scope.threshold, rows=rows)
        n_present = (r >= 0).sum(axis=1)
        n_yes = (r == 1).sum(axis=1)
        if rule == "agreed":
            keep = (n_yes == n_present) & (n_yes >= 1)
        elif rule == "union":
            keep = n_yes >= 1
        elif rule == "majority":
            keep = 2 * n_yes > n_present
        else:
            keep = (r[:, target] == 1) & (n_yes >= 2)
        sel = rows[keep]
        for u in _runs(units.kind == "characters", units.source[sel], units.start[sel], units.end[sel]):
            s, a, b = u
            specs.append(SegmentSpec(data.sources[s].id, a, b, code))
    if dry_run or not specs:
        return Resolution(str(rule), consensus, tuple(specs), 0, 0)
    res = code_many(project, specs, coder=consensus, on_duplicate="skip", action="agreement.resolve")
    return Resolution(str(rule), consensus, tuple(specs), res.created, res.skipped_duplicates)


def _runs(
    merge: bool,
    source: IntArray,
    start: IntArray,
    end: IntArray,
) -> list[tuple[int, int, int]]:
    """The units as (source, start, end), contiguous ones of a source merged when ``merge``."""
    out: list[tuple[int, int, int]] = []
    for u in range(source.size):
        s, a, b = int(source[u]), int(start[u]), int(end[u])
        if merge and out and out[-1][0] == s and out[-1][2] == a:
            out[-1] = (s, out[-1][1], b)
        else:
            out.append((s, a, b))
    return out
