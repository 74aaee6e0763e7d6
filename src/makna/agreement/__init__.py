"""Inter-coder agreement: coefficients on rating matrices, unitizing alphas, character units.

Pure statistics on numpy; nothing here reads a project. Every function raises
:class:`makna.errors.AgreementError` on input that cannot be compared (fewer than two coders, no unit
rated by two coders, ratings outside the declared categories ...) and returns an
:class:`AgreementResult` whose ``value`` is ``None`` with an ``undefined_reason`` when the coefficient is
0/0 for the data (for example alpha when all ratings are identical).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ._matrix import Ratings, as_ratings
from ._result import AgreementResult, BootstrapResult
from ._segments import Span
from .bootstrap import krippendorff_alpha_bootstrap
from .characters import character_agreement, character_patterns
from .coefficients import (
    brennan_prediger,
    cohen_kappa,
    conger_kappa,
    fleiss_kappa,
    gwet_ac1,
    gwet_ac2,
    percent_agreement,
    randolph_free_marginal_kappa,
    scott_pi,
)
from .consensus import RULES, Resolution, resolve, resolve_bulk
from .cu_alpha import UnitizingFamilyResult, unitizing_alpha_family
from .disagreements import (
    Disagreement,
    DisagreementListing,
    disagreements_csv,
    disagreements_html,
    list_disagreements,
)
from .krippendorff import LEVELS, coincidence_matrix, krippendorff_alpha
from .project_report import (
    POOLED,
    AgreementScope,
    CodeAgreement,
    ProjectAgreement,
    ProjectUnitizing,
    project_agreement,
    project_unitizing,
)
from .project_units import CONSENSUS, UNIT_KINDS
from .unitizing import UnitizingResult, krippendorff_u_alpha

__all__ = [
    "AgreementResult",
    "BootstrapResult",
    "COEFFICIENTS",
    "COEFFICIENT_INFO",
    "CoefficientInfo",
    "LEVELS",
    "Ratings",
    "Span",
    "UnitizingFamilyResult",
    "UnitizingResult",
    "as_ratings",
    "brennan_prediger",
    "character_agreement",
    "character_patterns",
    "cohen_kappa",
    "coincidence_matrix",
    "conger_kappa",
    "fleiss_kappa",
    "gwet_ac1",
    "gwet_ac2",
    "krippendorff_alpha",
    "krippendorff_alpha_bootstrap",
    "krippendorff_u_alpha",
    "percent_agreement",
    "randolph_free_marginal_kappa",
    "scott_pi",
    "unitizing_alpha_family",
    # agreement on a project's coding
    "AgreementScope",
    "CONSENSUS",
    "CodeAgreement",
    "Disagreement",
    "DisagreementListing",
    "POOLED",
    "ProjectAgreement",
    "ProjectUnitizing",
    "RULES",
    "Resolution",
    "UNIT_KINDS",
    "disagreements_csv",
    "disagreements_html",
    "list_disagreements",
    "project_agreement",
    "project_unitizing",
    "resolve",
    "resolve_bulk",
]

@dataclass(frozen=True)
class CoefficientInfo:
    """What a coefficient of :data:`COEFFICIENTS` takes: ``weights`` (linear/quadratic agreement
    weights, with ``weight_scores``), and whether its value depends on the number of categories
    (``category_count``: declare every possible category, used or not) or on their order
    (``ordered``: weights and the ordinal level use the declared order)."""

    name: str
    function: Callable[..., AgreementResult]
    weights: bool = False
    category_count: bool = False
    level: bool = False


#: Coefficient name (as used by ``makna agreement table --coefficient``) -> function.
COEFFICIENTS: dict[str, Callable[..., AgreementResult]] = {
    "percent_agreement": percent_agreement,
    "cohen_kappa": cohen_kappa,
    "scott_pi": scott_pi,
    "fleiss_kappa": fleiss_kappa,
    "conger_kappa": conger_kappa,
    "brennan_prediger": brennan_prediger,
    "randolph_free_marginal_kappa": randolph_free_marginal_kappa,
    "gwet_ac1": gwet_ac1,
    "gwet_ac2": gwet_ac2,
    "krippendorff_alpha": krippendorff_alpha,
}

#: Coefficient name -> what it takes (a record per coefficient: interfaces read these, never the names).
COEFFICIENT_INFO: dict[str, CoefficientInfo] = {
    info.name: info for info in (
        CoefficientInfo("percent_agreement", percent_agreement, weights=True),
        CoefficientInfo("cohen_kappa", cohen_kappa, weights=True),
        CoefficientInfo("scott_pi", scott_pi, weights=True),
        CoefficientInfo("fleiss_kappa", fleiss_kappa, weights=True),
        CoefficientInfo("conger_kappa", conger_kappa, weights=True),
        CoefficientInfo("brennan_prediger", brennan_prediger, weights=True, category_count=True),
        CoefficientInfo("randolph_free_marginal_kappa", randolph_free_marginal_kappa, category_count=True),
        CoefficientInfo("gwet_ac1", gwet_ac1, weights=True, category_count=True),
        CoefficientInfo("gwet_ac2", gwet_ac2, weights=True, category_count=True),
        CoefficientInfo("krippendorff_alpha", krippendorff_alpha, level=True),
    )
}
