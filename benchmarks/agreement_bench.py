"""Agreement benchmarks (issue 5).

1. Krippendorff's alpha, nominal, 3 coders x 1,000,000 units, 10 categories, 5% missing: makna against
   the ``krippendorff`` PyPI package in the same run (ratio = makna / package; target <= 1.0).
2. Character units: 2 coders over 10,000,000 characters, 300 codes: per-code binary alpha and Cohen's
   kappa from segment lists (target <= 5 s in all).

Run: ``python benchmarks/agreement_bench.py`` (needs the test extra for ``krippendorff``).
"""

from __future__ import annotations

import time

import numpy as np

from makna.agreement import character_agreement, character_patterns, krippendorff_alpha


def _best(fn, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def bench_alpha() -> None:
    import krippendorff

    rng = np.random.default_rng(0)
    units, coders, cats = 1_000_000, 3, 10
    truth = rng.integers(0, cats, size=units)
    noise = rng.integers(0, cats, size=(units, coders))
    data = np.where(rng.random((units, coders)) < 0.7, truth[:, None], noise).astype(np.float64)
    data[rng.random((units, coders)) < 0.05] = np.nan
    t_ours, result = _best(lambda: krippendorff_alpha(data, level="nominal"))
    ours = float(result.value)  # type: ignore[attr-defined]
    reliability = data.T.copy()  # the package wants coders x units
    t_pkg, theirs = _best(lambda: krippendorff.alpha(reliability, level_of_measurement="nominal"))
    print(f"alpha nominal 3x1e6, 10 cats, 5% missing: makna {t_ours:.3f} s (alpha={ours:.6f}), "
          f"krippendorff {t_pkg:.3f} s (alpha={theirs:.6f}), ratio {t_ours / t_pkg:.2f}")


def bench_characters() -> None:
    rng = np.random.default_rng(1)
    length, n_codes, per_code = 10_000_000, 300, 200
    segs: list[tuple[str, int, int, str]] = []
    for k in range(n_codes):
        starts = np.sort(rng.choice(length - 2000, size=per_code, replace=False))
        lens = rng.integers(20, 2000, size=per_code)
        for coder in ("ana", "budi"):
            jitter = rng.integers(-30, 30, size=per_code)
            keep = rng.random(per_code) < 0.9
            s = np.clip(starts + jitter, 0, length - 1)
            e = np.clip(s + lens + rng.integers(-30, 30, size=per_code), s + 1, length)
            rows = zip(s.tolist(), e.tolist(), keep.tolist(), strict=True)
            segs.extend((coder, a, b, f"code{k}") for a, b, kp in rows if kp)
    t0 = time.perf_counter()
    character_patterns(segs, length)
    t_patterns = time.perf_counter() - t0
    t0 = time.perf_counter()
    alpha = character_agreement(segs, length, coefficient="krippendorff_alpha")
    kappa = character_agreement(segs, length, coefficient="cohen_kappa")
    t_total = time.perf_counter() - t0
    mean_alpha = float(np.mean([r.value for r in alpha.values() if r.value is not None]))
    mean_kappa = float(np.mean([r.value for r in kappa.values() if r.value is not None]))
    print(f"characters: 2 coders, {length:,} chars, {n_codes} codes, {len(segs):,} segments: "
          f"patterns {t_patterns:.2f} s; alpha + kappa per code {t_total:.2f} s "
          f"(mean alpha {mean_alpha:.3f}, mean kappa {mean_kappa:.3f})")


if __name__ == "__main__":
    bench_alpha()
    bench_characters()
