"""Paired bootstrap, sign-flip permutation test and the verdict, on inputs worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.evaluation.stats import (ALPHA, MIN_ARTICLES, MIN_EFFECT, RESAMPLES, bootstrap_ci, decide, paired_test,
                              sign_flip_p, smallest_p)


def test_at_least_ten_thousand_resamples_by_default():
    assert RESAMPLES >= 10_000


def test_bootstrap_of_constant_differences_is_a_point():
    assert bootstrap_ci([0.25] * 4) == (0.25, 0.25)


def test_bootstrap_of_two_articles_by_hand():
    # resampled means of [0, 1] are 0, 0.5, 1 with chance 1/4, 1/2, 1/4: the 2.5% and 97.5% points are 0 and 1
    assert bootstrap_ci([0.0, 1.0]) == (0.0, 1.0)


def test_bootstrap_is_seeded_and_agrees_with_the_normal_interval_on_many_articles():
    diffs = np.random.default_rng(1).normal(0.3, 1.0, size=400)
    low, high = bootstrap_ci(diffs)
    assert (low, high) == bootstrap_ci(diffs)
    half = 1.96 * diffs.std(ddof=1) / np.sqrt(diffs.size)
    assert low == pytest.approx(diffs.mean() - half, abs=0.02)
    assert high == pytest.approx(diffs.mean() + half, abs=0.02)


def test_exact_sign_flip_by_hand():
    # 8 sign patterns of [1, 2, 3]: only +++ and --- reach |sum| = 6
    assert sign_flip_p([1.0, 2.0, 3.0]) == (0.25, True)
    # [1, 1, 1, 1, -1]: |sum| >= 3 needs four or five equal signs: 1 + 5 + 5 + 1 of 32 patterns
    assert sign_flip_p([1.0, 1.0, 1.0, 1.0, -1.0]) == (12 / 32, True)
    assert sign_flip_p([0.5, -0.5]) == (1.0, True)


def test_four_articles_can_never_reach_five_percent():
    assert sign_flip_p([-0.1, -0.2, -0.3, -0.4]) == (0.125, True)
    assert smallest_p(4) == 0.125 and smallest_p(6) < ALPHA


def test_monte_carlo_above_twenty_articles_is_seeded_and_never_zero():
    p, exact = sign_flip_p([1.0] * 25)
    assert not exact and p == pytest.approx(1 / (RESAMPLES + 1))
    noisy = list(np.random.default_rng(2).normal(0.0, 1.0, size=30))
    assert sign_flip_p(noisy) == sign_flip_p(noisy)
    assert sign_flip_p(noisy)[0] > 0.05


@pytest.mark.parametrize("n, mean, ci, p, verdict", [
    (MIN_ARTICLES - 1, -0.5, (-0.6, -0.4), 0.5, "inconclusive"),  # too few articles
    (4, -0.10, (-0.20, -0.05), 0.125, "regressed"),  # p cannot reach ALPHA with n = 4: not required
    (4, 0.10, (0.05, 0.20), 0.125, "improved"),
    (4, -MIN_EFFECT, (-0.03, -0.01), 0.125, "regressed"),  # the minimum effect is inclusive
    (4, -0.019, (-0.03, -0.01), 0.125, "inconclusive"),  # smaller than the minimum effect
    (4, -0.10, (-0.20, 0.01), 0.125, "inconclusive"),  # interval includes 0
    (10, -0.10, (-0.20, -0.05), 0.20, "inconclusive"),  # with 10 articles p must reach ALPHA
    (10, -0.10, (-0.20, -0.05), 0.01, "regressed"),
    (10, 0.0, (0.0, 0.0), 1.0, "inconclusive"),
])
def test_verdict_thresholds(n, mean, ci, p, verdict):
    assert decide(n, mean, ci, p)[0] == verdict


def test_a_run_against_itself_is_inconclusive():
    scores = [0.31, 0.52, 0.18, 0.44]
    test = paired_test(scores, scores)
    assert (test.verdict, test.mean, test.ci_low, test.ci_high, test.p_value) == ("inconclusive", 0, 0, 0, 1.0)


def test_a_uniformly_worse_run_is_a_regression():
    test = paired_test([0.20, 0.40, 0.10, 0.30], [0.30, 0.55, 0.20, 0.45])
    assert test.verdict == "regressed" and test.mean == pytest.approx(-0.125) and test.ci_high < 0


def test_runs_of_different_length_cannot_be_paired():
    with pytest.raises(ValueError):
        paired_test([0.1, 0.2], [0.1])
