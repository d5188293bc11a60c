"""Paired statistics for two runs over the same gold articles.

Each article is its own control: we look at per-article differences of the
composite (candidate minus reference), so article difficulty cancels out.

Verdict rule (docs/evaluation.md explains why):
- fewer than MIN_ARTICLES paired articles: inconclusive, whatever the numbers;
- regressed: the 95% bootstrap interval lies wholly below 0, the mean difference
  is at most -MIN_EFFECT, and the sign-flip p-value is at most ALPHA, the last
  required only when n is large enough for p to reach ALPHA at all (with n = 4
  the smallest possible two-sided p is 2/16 = 0.125);
- improved: the mirror image; anything else is inconclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Sequence

import numpy as np

ALPHA = 0.05
MIN_EFFECT = 0.02  # composite points on the 0..1 scale; smaller moves are not worth a verdict
MIN_ARTICLES = 3
RESAMPLES = 10_000
SEED = 20160601  # fixed: the same inputs always give the same interval
EXACT_MAX_N = 20  # exact sign-flip enumeration up to 2**20 patterns
_CHUNK = 1 << 15
_TOLERANCE = 1e-12  # floating-point ties count as "at least as extreme"


def bootstrap_ci(diffs: Sequence[float], resamples: int = RESAMPLES, seed: int = SEED,
                 confidence: float = 0.95) -> tuple[float, float]:
    """Percentile interval of the mean difference over articles resampled with replacement."""
    d = np.asarray(diffs, dtype=float)
    if d.size == 0:
        raise ValueError("no paired differences")
    rng = np.random.default_rng(seed)
    means = np.empty(resamples)
    for start in range(0, resamples, _CHUNK):
        stop = min(resamples, start + _CHUNK)
        means[start:stop] = d[rng.integers(0, d.size, size=(stop - start, d.size))].mean(axis=1)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return float(low), float(high)


def _sign_patterns(codes: np.ndarray, n: int) -> np.ndarray:
    bits = (codes[:, None] >> np.arange(n)) & 1
    return 1.0 - 2.0 * bits


def sign_flip_p(diffs: Sequence[float], resamples: int = RESAMPLES, seed: int = SEED,
                exact_max_n: int = EXACT_MAX_N) -> tuple[float, bool]:
    """Two-sided p of the mean difference under random sign flips; (p, exact).

    Exact enumeration of all 2**n patterns when n <= exact_max_n, otherwise a
    seeded Monte Carlo estimate (1 + hits) / (1 + resamples), which is never 0.
    """
    d = np.asarray(diffs, dtype=float)
    n = d.size
    if n == 0:
        raise ValueError("no paired differences")
    observed = abs(d.mean()) - _TOLERANCE
    if n <= exact_max_n:
        total, hits = 1 << n, 0
        for start in range(0, total, _CHUNK):
            codes = np.arange(start, min(total, start + _CHUNK), dtype=np.int64)
            hits += int(np.count_nonzero(np.abs(_sign_patterns(codes, n) @ d) / n >= observed))
        return hits / total, True
    rng = np.random.default_rng(seed)
    hits = 0
    for start in range(0, resamples, _CHUNK):
        size = min(resamples, start + _CHUNK) - start
        signs = rng.choice((-1.0, 1.0), size=(size, n))
        hits += int(np.count_nonzero(np.abs(signs @ d) / n >= observed))
    return (1 + hits) / (1 + resamples), False


def smallest_p(n: int) -> float:
    """The smallest two-sided p an exact sign-flip test can give with n articles."""
    return min(1.0, 2.0 / (1 << n)) if n <= EXACT_MAX_N else 1.0 / (1 + RESAMPLES)


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
    """The three-way verdict and, in words, why."""
    if n < MIN_ARTICLES:
        return "inconclusive", f"only {n} paired article(s); a verdict needs at least {MIN_ARTICLES}"
    p_gate = smallest_p(n) <= ALPHA
    p_ok = p <= ALPHA or not p_gate
    p_note = (f"p <= {ALPHA}" if p_ok else f"p > {ALPHA}") if p_gate else \
        f"p cannot reach {ALPHA} with {n} articles, so it is not required"
    for verdict, sign, inside in (("regressed", -1.0, ci[1] < 0), ("improved", 1.0, ci[0] > 0)):
        if inside and sign * mean >= MIN_EFFECT and p_ok:
            return verdict, f"the interval excludes 0, |mean| >= the minimum effect {MIN_EFFECT}, {p_note}"
    if abs(mean) < MIN_EFFECT:
        return "inconclusive", f"|mean| is below the minimum effect {MIN_EFFECT}"
    if ci[0] <= 0 <= ci[1]:
        return "inconclusive", "the interval includes 0"
    return "inconclusive", f"{p_note}"


def paired_test(candidate: Sequence[float], reference: Sequence[float], resamples: int = RESAMPLES,
                seed: int = SEED) -> PairedTest:
    """Compare per-article scores of two runs, listed in the same article order."""
    if len(candidate) != len(reference):
        raise ValueError("both runs need a score for every article")
    diffs = np.asarray(candidate, dtype=float) - np.asarray(reference, dtype=float)
    if diffs.size == 0:
        return PairedTest(0, 0.0, 0.0, 0.0, 1.0, True, False, "inconclusive", "no paired articles")
    mean = float(diffs.mean())
    ci = bootstrap_ci(diffs, resamples, seed)
    p, exact = sign_flip_p(diffs, resamples, seed)
    verdict, reason = decide(diffs.size, mean, ci, p)
    return PairedTest(int(diffs.size), mean, ci[0], ci[1], p, exact, smallest_p(diffs.size) <= ALPHA, verdict,
                      reason)
