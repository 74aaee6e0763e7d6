"""Agreement on a project's coding: every coefficient per code and pooled, and unitizing alphas.

Per code, each unit gets a 0/1 rating from each coder (see :mod:`makna.agreement.project_units`) and
the chosen coefficients are computed on that units x coders matrix with categories ``[0, 1]`` (identical
rows collapsed into frequency weights, which gives exactly the result of the full matrix). *Pooled*
stacks the matrices of all codes: every (unit, code) pair is one binary decision. Units are counted
with their weights (characters for character units).

Default coefficients: Krippendorff's alpha (nominal) and percent agreement; Cohen's kappa as well for two
coders; Brennan-Prediger's kappa as well for document units (MAXQDA's code-presence kappa, q = 2).
A coefficient that cannot be computed for a code is reported as undefined with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from ..errors import AgreementError
from ..project import Project
from ._matrix import FloatArray, IntArray, Ratings, as_ratings
from ._result import AgreementResult
from .cu_alpha import UnitizingFamilyResult, unitizing_alpha_family
from .project_units import (
    Absent,
    CodingData,
    Int8Array,
    Units,
    build_units,
    candidate_units,
    code_ratings,
    load_coding,
)
from .unitizing import UnitizingResult, krippendorff_u_alpha

__all__ = [
    "POOLED",
    "AgreementScope",
    "CodeAgreement",
    "ProjectAgreement",
    "ProjectUnitizing",
    "default_coefficients",
    "project_agreement",
    "project_unitizing",
]

#: The label of the pooled row (every code together).
POOLED = "(pooled)"


@dataclass(frozen=True)
class AgreementScope:
    """What to compare: units, coders, codes and sources (see :mod:`makna.agreement.project_units`)."""

    unit: str = "characters"
    coders: Sequence[str] | None = None
    codes: Sequence[str] | None = None
    descendants: bool = False
    sources: Sequence[str] | None = None
    threshold: float | None = None
    unitizer: str | None = None
    excerpts: Sequence[tuple[str, int, int]] | None = None
    absent: Absent = "missing"
    made_between: tuple[dt.datetime, dt.datetime | None] | None = None  # a round's codings only

    def coding(self, project: Project) -> CodingData:
        return load_coding(
            project,
            coders=self.coders,
            codes=self.codes,
            descendants=self.descendants,
            sources=self.sources,
            absent=self.absent,
            made_between=self.made_between,
        )

    def load(self, project: Project) -> tuple[CodingData, Units]:
        if self.threshold is not None and not 0.0 < self.threshold <= 1.0:
            raise AgreementError(f"threshold {self.threshold}: expected a share of the unit in (0, 1]")
        if self.threshold is not None and self.unit in ("characters",):
            raise AgreementError("a threshold does not apply to character units")
        data = self.coding(project)
        units = build_units(project, data, self.unit, unitizer=self.unitizer, excerpts=self.excerpts)
        return data, units


@dataclass(frozen=True)
class CodeAgreement:
    """The coefficients for one code (or :data:`POOLED`), with the units compared and each coder's count
    of units coded with it."""

    code: str
    units: float
    coders: int
    coded: dict[str, float]
    results: dict[str, AgreementResult]


@dataclass(frozen=True)
class ProjectAgreement:
    """Agreement on a project's coding, per code and pooled."""

    unit: str
    threshold: float | None
    coders: tuple[str, ...]
    sources: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    coefficients: tuple[str, ...]
    per_code: tuple[CodeAgreement, ...]
    pooled: CodeAgreement

    def rows(self) -> list[dict[str, Any]]:
        """One row per code and coefficient (pooled last): code, coefficient, value, units, coders, note."""
        out: list[dict[str, Any]] = []
        for ca in (*self.per_code, self.pooled):
            for name in self.coefficients:
                r = ca.results[name]
                out.append(
                    {
                        "code": ca.code,
                        "coefficient": name,
                        "value": r.value,
                        "units": _num(ca.units),
                        "coders": ca.coders,
                        "note": r.undefined_reason or "",
                    }
                )
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ProjectUnitizing:
    """Krippendorff's u-alpha (2004) and the 2016 family on the coders' own boundaries, over the
    concatenated texts of the sources every compared coder coded."""

    coders: tuple[str, ...]
    sources: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    length: int
    u_alpha: UnitizingResult
    family: UnitizingFamilyResult | None
    family_reason: str | None = None
    domains: dict[str, str] = field(default_factory=dict)

    def rows(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []

        def add(code: str, r: AgreementResult | None) -> None:
            if r is not None:
                out.append(
                    {
                        "code": code,
                        "coefficient": r.coefficient,
                        "value": r.value,
                        "units": r.units,
                        "coders": r.coders,
                        "note": r.undefined_reason or "",
                    }
                )

        for code, r in self.u_alpha.per_category.items():
            add(code, r)
        add(POOLED, self.u_alpha.overall)
        if self.family is not None:
            for code, r in self.family.binary_per_code.items():
                add(code, r)
            for dom in self.family.u_alpha_per_domain:
                add(f"domain {dom}", self.family.binary_per_domain[dom])
                add(f"domain {dom}", self.family.u_alpha_per_domain[dom])
                add(f"domain {dom}", self.family.cu_alpha_per_domain[dom])
            add(POOLED, self.family.Cu_alpha)
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else float(x)


def default_coefficients(unit: str, n_coders: int) -> tuple[str, ...]:
    """Krippendorff's alpha and percent agreement; plus Cohen's kappa for two coders, Brennan-Prediger
    for document units."""
    names = ["krippendorff_alpha", "percent_agreement"]
    if n_coders == 2:
        names.append("cohen_kappa")
    if unit == "document":
        names.append("brennan_prediger")
    return tuple(names)


def check_coefficients(names: Sequence[str], n_coders: int) -> tuple[str, ...]:
    from . import COEFFICIENTS

    for name in names:
        if name not in COEFFICIENTS:
            raise AgreementError(f"unknown coefficient {name!r}: expected one of {', '.join(COEFFICIENTS)}")
        if name == "cohen_kappa" and n_coders != 2:
            raise AgreementError(
                f"cohen_kappa compares exactly two coders; {n_coders} are compared "
                "(choose two with --coders, or use fleiss_kappa, conger_kappa or krippendorff_alpha)"
            )
    if len(set(names)) != len(names):
        raise AgreementError("a coefficient is named twice")
    return tuple(names)


def collapse(ratings: Int8Array, weight: FloatArray) -> tuple[Int8Array, FloatArray]:
    """Identical rating rows merged: (distinct rows, summed weights)."""
    if ratings.shape[0] == 0:
        return ratings, weight
    _, first, inv = np.unique(_keys(ratings), return_index=True, return_inverse=True)
    counts = np.bincount(inv.reshape(-1), weights=weight, minlength=first.size)
    return ratings[first], np.asarray(counts, dtype=np.float64)


class CodePatterns:
    """Per code, the collapsed rating patterns of all units, computing ratings only for the units a segment
    of the code touches (every other unit is 0 for the coders who coded its source, missing for the rest)."""

    def __init__(self, data: CodingData, units: Units, threshold: float | None) -> None:
        self.data, self.units, self.threshold = data, units, threshold
        m = len(data.coders)
        present = np.asarray([s.present for s in data.sources], dtype=bool).reshape(-1, m)[units.source]
        base = np.where(present, 0, -1).astype(np.int8)
        key = _keys(base)
        _, first, inv = np.unique(key, return_index=True, return_inverse=True)
        self.base_rows: Int8Array = base[first]
        self.group = inv.reshape(-1)
        self.total = np.bincount(self.group, weights=units.weight, minlength=first.size)

    def __call__(self, code: int) -> tuple[Int8Array, FloatArray]:
        rows = candidate_units(self.data, self.units, code)
        r = code_ratings(self.data, self.units, code, threshold=self.threshold, rows=rows)
        w = self.units.weight[rows]
        rest = self.total - np.bincount(self.group[rows], weights=w, minlength=self.total.size)
        pat, cnt = collapse(np.concatenate([r, self.base_rows]), np.concatenate([w, rest]))
        keep = cnt > 0
        return pat[keep], cnt[keep]


def _keys(ratings: Int8Array) -> IntArray:
    m = ratings.shape[1]
    key = (ratings.astype(np.int64) + 1) * (np.int64(3) ** np.arange(m, dtype=np.int64))
    return np.asarray(key.sum(axis=1), dtype=np.int64)


def binary_ratings(patterns: Int8Array, counts: FloatArray, coders: Sequence[str]) -> Ratings:
    """A :class:`Ratings` on categories [0, 1] from -1/0/1 patterns with frequency weights."""
    arr = patterns.astype(np.float64)
    arr[patterns < 0] = np.nan
    return as_ratings(arr, categories=[0, 1], coders=list(coders), freq=counts)


def _compute(name: str, ratings: Ratings) -> AgreementResult:
    from . import COEFFICIENTS

    try:
        return COEFFICIENTS[name](ratings)
    except AgreementError as exc:
        return AgreementResult(
            coefficient=name, value=None, units=0, coders=ratings.n_coders, undefined_reason=str(exc)
        )


def _code_agreement(
    code: str, patterns: Int8Array, counts: FloatArray, coders: Sequence[str], names: Sequence[str]
) -> CodeAgreement:
    rated = (patterns >= 0).sum(axis=1) >= 2
    coded = {c: _num(float(counts[patterns[:, i] == 1].sum())) for i, c in enumerate(coders)}
    ratings = binary_ratings(patterns, counts, coders)
    return CodeAgreement(
        code=code,
        units=_num(float(counts[rated].sum())),
        coders=len(coders),
        coded=coded,
        results={name: _compute(name, ratings) for name in names},
    )


def project_agreement(
    project: Project,
    scope: AgreementScope | None = None,
    *,
    coefficients: Sequence[str] | None = None,
) -> ProjectAgreement:
    """Agreement per code and pooled on the units of ``scope`` (default: character units, every coder
    and code), with ``coefficients`` (names of :data:`makna.agreement.COEFFICIENTS`; default:
    :func:`default_coefficients`)."""
    scope = scope or AgreementScope()
    data, units = scope.load(project)
    names = check_coefficients(
        coefficients if coefficients else default_coefficients(units.kind, len(data.coders)), len(data.coders)
    )
    per_code: list[CodeAgreement] = []
    all_p: list[Int8Array] = []
    all_c: list[FloatArray] = []
    patterns = CodePatterns(data, units, scope.threshold)
    for k, code in enumerate(data.codes):
        pat, cnt = patterns(k)
        all_p.append(pat)
        all_c.append(cnt)
        per_code.append(_code_agreement(code, pat, cnt, data.coders, names))
    if not per_code:
        raise AgreementError("no code to compare: the compared coders applied no code in the chosen sources")
    pooled_p, pooled_c = collapse(np.concatenate(all_p), np.concatenate(all_c))
    return ProjectAgreement(
        unit=units.kind,
        threshold=scope.threshold,
        coders=data.coders,
        sources=tuple(s.name for s in data.sources),
        skipped=data.skipped,
        coefficients=names,
        per_code=tuple(per_code),
        pooled=_code_agreement(POOLED, pooled_p, pooled_c, data.coders, names),
    )


def project_unitizing(project: Project, scope: AgreementScope | None = None) -> ProjectUnitizing:
    """Krippendorff's u-alpha per code and overall, and the 2016 family (binary, u-, cu-, Cu-alpha; the
    semantic domain of a code is its parent code), from the coders' own segment boundaries. The texts of
    the sources coded by every compared coder are concatenated into one continuum; other sources are
    skipped. A coder's overlapping segments of one code are merged."""
    scope = scope or AgreementScope()
    data = scope.coding(project)
    keep = [i for i, s in enumerate(data.sources) if all(s.present)]
    skipped = list(data.skipped) + [
        (data.sources[i].name, "not coded by every compared coder")
        for i in range(len(data.sources))
        if i not in keep
    ]
    if not keep:
        raise AgreementError("no source was coded by every compared coder: unitizing alpha needs one")
    ends = np.cumsum([s.length for s in data.sources])
    src = np.searchsorted(ends, data.seg_start, side="right")
    shift = np.zeros(len(data.sources), dtype=np.int64)
    new_off = 0
    for i in keep:
        shift[i] = new_off - data.sources[i].offset
        new_off += data.sources[i].length
    use = np.isin(src, keep)
    segs = [
        (data.coders[int(c)], int(a + shift[i]), int(b + shift[i]), data.codes[int(k)])
        for c, a, b, k, i in zip(
            data.seg_coder[use], data.seg_start[use], data.seg_end[use], data.seg_code[use], src[use], strict=True
        )
    ]
    continuum = (0, new_off)
    u = krippendorff_u_alpha(segs, continuum, coders=data.coders, merge_overlaps=True)
    domains = {code: data.parents.get(code) or code for code in data.codes}
    family: UnitizingFamilyResult | None = None
    reason: str | None = None
    try:
        family = unitizing_alpha_family(segs, continuum, domains=domains, coders=data.coders, merge_overlaps=True)
    except AgreementError as exc:
        reason = f"2016 family not computed: {exc}"
    return ProjectUnitizing(
        coders=data.coders,
        sources=tuple(data.sources[i].name for i in keep),
        skipped=tuple(skipped),
        length=new_off,
        u_alpha=u,
        family=family,
        family_reason=reason,
        domains=domains,
    )
