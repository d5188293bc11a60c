"""Events and their adjuncts, on invented sentences. Codebook §3: events are no stance ("the two envoys
are expected to meet", "a naval group is heading to the gulf"): verbs of motion, meeting and perception
heading a statement (`rules.stances._event`); a date or time adjunct is no topic (`rules.topics`)."""

from __future__ import annotations

from tests.rulecases import items


def _topics(text: str) -> list[str]:
    return [str(s["topic"]) for s in items(text, "stances")]


def test_a_reported_journey_is_no_stance() -> None:
    assert _topics("Foreign Minister Ana Ruiz said the coast guard cutter had returned to Lima on Tuesday.\n") == []


def test_a_reported_meeting_is_no_stance() -> None:
    assert _topics("Foreign Minister Ana Ruiz said she met the Bolivian envoy in La Paz last month.\n") == []


def test_what_a_speaker_heard_is_no_stance() -> None:
    assert _topics("Foreign Minister Ana Ruiz said Chile had heard the complaints of the fishing towns.\n") == []


def test_a_return_to_talks_is_a_stance() -> None:
    text = "Foreign Minister Ana Ruiz said Chile would return to the negotiations with Peru next week.\n"
    assert [s["polarity"] for s in items(text, "stances")] == ["favor"]


def test_a_meeting_in_an_adverbial_clause_leaves_the_statement_a_stance() -> None:
    text = "After the ministers met in Quito, Chile said it supported a joint fishing patrol.\n"
    assert {s["polarity"] for s in items(text, "stances")} == {"favor"}


def test_a_demanded_visit_is_a_stance() -> None:
    text = "Foreign Minister Ana Ruiz said Peru must visit the disputed reef with Chilean inspectors.\n"
    assert [s["polarity"] for s in items(text, "stances")] == ["favor"]


def test_a_date_adjunct_is_not_the_topic() -> None:
    """English puts a date in an adjunct ("agreed in March on X"): what the holder agreed on is X."""
    text = "Foreign Minister Ana Ruiz said Chile had agreed in March on a joint patrol plan with Peru.\n"
    assert [s["topic"] for s in items(text, "stances")] == ["a joint patrol plan with Peru"]


def test_a_time_span_adjunct_is_not_the_topic() -> None:
    text = "Foreign Minister Ana Ruiz said Chile would agree in recent weeks to the patrol plan.\n"
    assert [s["topic"] for s in items(text, "stances")] == ["the patrol plan"]


def test_what_the_outlet_says_an_actor_would_have_to_accept_is_no_stance() -> None:
    """Codebook §0, §3: the outlet's own analysis of what a party must concede is not the party's attitude."""
    text = "Any settlement is hard: Chile would have to accept a shared fishing zone along the maritime border.\n"
    assert items(text, "stances") == []


def test_an_actor_that_has_accepted_a_plan_holds_a_stance() -> None:
    text = "Chile has accepted a shared fishing zone along the maritime border.\n"
    assert [s["polarity"] for s in items(text, "stances")] == ["favor"]


def test_a_casualty_count_is_no_stance() -> None:
    text = "Foreign Minister Ana Ruiz said at least 40 fishermen were detained in the raid on the harbour.\n"
    assert items(text, "stances") == []


def test_a_passive_with_its_agent_stays_an_accusation() -> None:
    text = "Foreign Minister Ana Ruiz said 40 fishermen were detained by the Peruvian navy in Chilean waters.\n"
    assert [s["polarity"] for s in items(text, "stances")] == ["against"]
