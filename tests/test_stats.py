"""Paired bootstrap, permutation test (scipy.stats) and the verdict, on inputs worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.evaluation.stats import (ALPHA, MIN_EFFECT, RESAMPLES, bootstrap_ci, decide, paired_test,
                                         permutation_p, smallest_p)

ZEROS = [0.0] * 40


def test_at_least_ten_thousand_resamples_by_default():
    assert RESAMPLES >= 10_000


def test_bootstrap_of_constant_differences_is_a_point():
    assert bootstrap_ci([0.75, 0.5, 1.0, 0.25], [0.5, 0.25, 0.75, 0.0]) == (0.25, 0.25)


def test_bootstrap_of_two_articles_by_hand():
    # resampled means of [0, 1] are 0, 0.5, 1 with chance 1/4, 1/2, 1/4: the 2.5% and 97.5% points are 0 and 1
    assert bootstrap_ci([0.0, 1.0], [0.0, 0.0]) == (0.0, 1.0)


def test_bootstrap_keeps_pairs_together():
    # the differences are all 0.1 although both runs vary widely over articles: an unpaired resample would not be a point
    reference = [0.1, 0.9, 0.3, 0.7, 0.5]
    assert bootstrap_ci([r + 0.1 for r in reference], reference) == pytest.approx((0.1, 0.1))


def test_bootstrap_is_seeded_and_agrees_with_the_normal_interval_on_many_articles():
    diffs = np.random.default_rng(1).normal(0.3, 1.0, size=400)
    low, high = bootstrap_ci(diffs, np.zeros(400))
    assert (low, high) == bootstrap_ci(diffs, np.zeros(400))
    half = 1.96 * diffs.std(ddof=1) / np.sqrt(diffs.size)
    assert low == pytest.approx(diffs.mean() - half, abs=0.02)
    assert high == pytest.approx(diffs.mean() + half, abs=0.02)


def test_exact_permutation_by_hand():
    # 8 within-article swaps of [1, 2, 3]: only +++ and --- reach |sum| = 6
    assert permutation_p([1.0, 2.0, 3.0], [0.0, 0.0, 0.0]) == (0.25, True)
    # [1, 1, 1, 1, -1]: |sum| >= 3 needs four or five equal signs: 1 + 5 + 5 + 1 of 32 patterns
    assert permutation_p([1.0, 1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 1.0]) == (pytest.approx(12 / 32), True)
    assert permutation_p([0.5, 0.0], [0.0, 0.5]) == (1.0, True)


def test_four_articles_can_never_reach_five_percent():
    assert permutation_p([0.0] * 4, [0.1, 0.2, 0.3, 0.4]) == (0.125, True)
    assert smallest_p(4) == 0.125 and smallest_p(5) > ALPHA and smallest_p(6) < ALPHA


def test_monte_carlo_above_the_exact_limit_is_seeded_and_never_zero():
    p, exact = permutation_p([1.0] * 25, [0.0] * 25)
    assert not exact and 0 < p <= 2 / (RESAMPLES + 1)
    noisy = list(np.random.default_rng(2).normal(0.0, 1.0, size=40))
    assert permutation_p(noisy, ZEROS) == permutation_p(noisy, ZEROS)
    assert permutation_p(noisy, ZEROS)[0] > 0.05


@pytest.mark.parametrize("n, mean, ci, p, verdict", [
    (4, -0.10, (-0.20, -0.05), 0.125, "inconclusive"),  # p cannot reach ALPHA with n = 4: no waiver
    (5, 0.10, (0.05, 0.20), 0.0625, "inconclusive"),
    (28, -0.10, (-0.20, -0.05), 0.01, "regressed"),
    (28, 0.10, (0.05, 0.20), 0.01, "improved"),
    (28, -MIN_EFFECT, (-0.03, -0.01), 0.01, "regressed"),  # the minimum effect is inclusive
    (28, -0.019, (-0.03, -0.01), 0.01, "inconclusive"),  # smaller than the minimum effect
    (28, -0.10, (-0.20, 0.01), 0.01, "inconclusive"),  # interval includes 0
    (28, -0.10, (-0.20, -0.05), 0.06, "inconclusive"),  # p above ALPHA
    (28, -0.10, (-0.20, -0.05), ALPHA, "regressed"),  # ALPHA itself is enough
    (28, 0.0, (0.0, 0.0), 1.0, "inconclusive"),
])
def test_verdict_thresholds(n, mean, ci, p, verdict):
    assert decide(n, mean, ci, p)[0] == verdict


def test_small_n_says_it_cannot_conclude():
    verdict, reason = decide(4, -0.5, (-0.6, -0.4), 0.125)
    assert verdict == "inconclusive" and "cannot conclude" in reason and "0.125" in reason


def test_a_run_against_itself_is_inconclusive():
    scores = [0.31, 0.52, 0.18, 0.44, 0.27, 0.61, 0.05]
    test = paired_test(scores, scores)
    assert (test.verdict, test.mean, test.ci_low, test.ci_high, test.p_value) == ("inconclusive", 0, 0, 0, 1.0)


def test_a_uniformly_worse_run_is_a_regression_once_p_can_reach_alpha():
    reference = [0.30, 0.55, 0.20, 0.45, 0.60, 0.35]
    worse = [r - 0.125 for r in reference]
    test = paired_test(worse, reference)
    # all six differences negative: exact two-sided p = 2 / 2**6
    assert test.verdict == "regressed" and test.mean == pytest.approx(-0.125) and test.ci_high < 0
    assert test.p_value == pytest.approx(2 / 64) and test.exact
    assert paired_test(worse[:4], reference[:4]).verdict == "inconclusive"


def test_runs_of_different_length_cannot_be_paired():
    with pytest.raises(ValueError):
        paired_test([0.1, 0.2], [0.1])
