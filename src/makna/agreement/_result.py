"""Typed results of the agreement coefficients."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["AgreementResult", "BootstrapResult"]


@dataclass(frozen=True)
class AgreementResult:
    """One agreement coefficient computed on one set of units.

    ``value`` is ``None`` exactly when the coefficient is undefined for these data (for example
    alpha when every rating is the same: expected disagreement 0, alpha = 0/0); ``undefined_reason``
    then says why. ``units`` counts the units that entered the agreement (the units rated by at least
    two coders, or by both coders for the two-coder coefficients); ``coders`` the coders compared;
    ``observed`` and ``expected`` are the coefficient's observed and chance terms (p_a and p_e for
    the kappa family, D_o and D_e for alpha).
    """

    coefficient: str
    value: float | None
    units: int
    coders: int
    observed: float | None = None
    expected: float | None = None
    categories: int = 0
    level: str | None = None
    weights: str | None = None
    undefined_reason: str | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BootstrapResult:
    """Krippendorff's alpha with a bootstrapped confidence interval (Hayes & Krippendorff 2007).

    ``q_below[a_min]`` is the bootstrapped probability that alpha is below ``a_min``.
    """

    alpha: AgreementResult
    ci_low: float | None
    ci_high: float | None
    confidence: float
    n_boot: int
    seed: int | None
    q_below: dict[float, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
