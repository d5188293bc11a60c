"""Paired statistics for two runs over the same gold articles, by scipy.stats.

Each article is its own control: the statistic is the mean over articles of the
per-article composite difference (candidate minus reference), so article
difficulty cancels out.
- interval: scipy.stats.bootstrap(paired=True), percentile method, seeded;
- p-value: scipy.stats.permutation_test(permutation_type="samples"), which swaps
  candidate and reference within an article (a sign flip of its difference);
  exact over all 2**n swaps up to EXACT_MAX_N articles, seeded Monte Carlo above.

Verdict (docs/evaluation.md): regressed / improved only when p <= ALPHA, the
95% interval excludes 0 and |mean| >= MIN_EFFECT, all three, for any n. With
few articles p cannot reach ALPHA (n = 4: the smallest two-sided p is 2/16),
and the verdict says so instead of concluding.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Sequence

import numpy as np

ALPHA = 0.05
MIN_EFFECT = 0.02  # composite points on the 0..1 scale; smaller moves are not worth a verdict
RESAMPLES = 10_000
SEED = 20160601  # fixed: the same inputs always give the same interval and p-value
EXACT_MAX_N = 16  # exact permutation test over all 2**n within-article swaps up to here
CONFIDENCE = 0.95


def _mean_difference(candidate: np.ndarray, reference: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.mean(candidate - reference, axis=axis)


def _pair(candidate: Sequence[float], reference: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    c, r = np.asarray(candidate, dtype=float), np.asarray(reference, dtype=float)
    if c.shape != r.shape:
        raise ValueError("both runs need a score for every article")
    if c.size == 0:
        raise ValueError("no paired articles")
    return c, r


def bootstrap_ci(candidate: Sequence[float], reference: Sequence[float], resamples: int = RESAMPLES,
                 seed: int = SEED, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Percentile interval of the mean difference, articles resampled with replacement (pairs kept)."""
    from scipy.stats import bootstrap

    c, r = _pair(candidate, reference)
    result = bootstrap((c, r), _mean_difference, paired=True, vectorized=True, n_resamples=resamples,
                       confidence_level=confidence, method="percentile", rng=np.random.default_rng(seed))
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def permutation_p(candidate: Sequence[float], reference: Sequence[float], resamples: int = RESAMPLES,
                  seed: int = SEED, exact_max_n: int = EXACT_MAX_N) -> tuple[float, bool]:
    """Two-sided p of the mean difference under within-article swaps; (p, exact)."""
    from scipy.stats import permutation_test

    c, r = _pair(candidate, reference)
    exact = c.size <= exact_max_n
    result = permutation_test((c, r), _mean_difference, permutation_type="samples", vectorized=True,
                              n_resamples=np.inf if exact else resamples, alternative="two-sided",
                              rng=np.random.default_rng(seed))
    return float(result.pvalue), exact


def smallest_p(n: int, resamples: int = RESAMPLES, exact_max_n: int = EXACT_MAX_N) -> float:
    """The smallest two-sided p the permutation test can give with n articles."""
    if n <= 0:
        return 1.0
    return min(1.0, 2.0 / (1 << n)) if n <= exact_max_n else 2.0 / (1 + resamples)


@dataclass
class PairedTest:
    n: int
    mean: float
    ci_low: float
    ci_high: float
    p_value: float
    exact: bool
    p_can_reach_alpha: bool
    verdict: str  # improved | regressed | inconclusive
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def decide(n: int, mean: float, ci: tuple[float, float], p: float) -> tuple[str, str]:
    """The three-way verdict and, in words, why; no condition is waived for small n."""
    if smallest_p(n) > ALPHA:
        return "inconclusive", (f"cannot conclude: with {n} paired article(s) the smallest possible p is "
                                f"{smallest_p(n):.3g} > {ALPHA}; label more articles")
    for verdict, sign, excludes in (("regressed", -1.0, ci[1] < 0), ("improved", 1.0, ci[0] > 0)):
        if excludes and sign * mean >= MIN_EFFECT and p <= ALPHA:
            return verdict, (f"p <= {ALPHA}, the interval excludes 0 and |mean| >= the minimum effect "
                             f"{MIN_EFFECT}")
    missing = []
    if p > ALPHA:
        missing.append(f"p > {ALPHA}")
    if ci[0] <= 0 <= ci[1]:
        missing.append("the interval includes 0")
    if abs(mean) < MIN_EFFECT:
        missing.append(f"|mean| is below the minimum effect {MIN_EFFECT}")
    return "inconclusive", "; ".join(missing) or "the interval and the mean point in different directions"


def paired_test(candidate: Sequence[float], reference: Sequence[float], resamples: int = RESAMPLES,
                seed: int = SEED) -> PairedTest:
    """Compare per-article scores of two runs, listed in the same article order."""
    if len(candidate) != len(reference):
        raise ValueError("both runs need a score for every article")
    if len(candidate) == 0:
        return PairedTest(0, 0.0, 0.0, 0.0, 1.0, True, False, "inconclusive", "no paired articles")
    diffs = np.asarray(candidate, dtype=float) - np.asarray(reference, dtype=float)
    mean = float(diffs.mean())
    if diffs.size == 1:  # one article: nothing to resample or swap (scipy needs two); no verdict either way
        ci, (p, exact) = (mean, mean), (1.0, True)
    else:
        ci = bootstrap_ci(candidate, reference, resamples, seed)
        p, exact = permutation_p(candidate, reference, resamples, seed)
    verdict, reason = decide(diffs.size, mean, ci, p)
    return PairedTest(int(diffs.size), mean, ci[0], ci[1], p, exact, smallest_p(diffs.size) <= ALPHA, verdict,
                      reason)
