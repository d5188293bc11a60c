"""Events and their adjuncts, on invented sentences. Codebook §3: events are no stance ("the two envoys
are expected to meet", "a naval group is heading to the gulf"): verbs of motion, meeting and perception
heading a statement (`rules.stances._event`), a counted passive with no agent (`_counted`), and the
outlet's own "X would have to accept Y" (§0, `_obliged`); a date or time adjunct is no topic (`rules.topics`)."""

from __future__ import annotations

import pytest

from tests.rulecases import items


@pytest.mark.parametrize("text", [
    "Foreign Minister Ana Ruiz said the coast guard cutter had returned to Lima on Tuesday.\n",  # motion
    "Foreign Minister Ana Ruiz said she met the Bolivian envoy in La Paz last month.\n",  # meeting
    "Foreign Minister Ana Ruiz said Chile had heard the complaints of the fishing towns.\n",  # perception
    "Foreign Minister Ana Ruiz said at least 40 fishermen were detained in the raid on the harbour.\n",  # a count
    "Any settlement is hard: Chile would have to accept a shared fishing zone along the maritime border.\n",
    "Foreign Minister Ana Ruiz said Chile held municipal elections in the border towns on Sunday.\n",  # held
    "Foreign Minister Ana Ruiz announced a new timetable for the ferry service to Arica.\n",  # announcement
], ids=["journey", "meeting", "hearing", "casualty-count", "outlet-says-would-have-to", "event-held", "announced"])
def test_a_reported_fact_is_no_stance(text: str) -> None:
    assert items(text, "stances") == []


@pytest.mark.parametrize("text, polarity", [
    ("Foreign Minister Ana Ruiz said Chile would return to the negotiations with Peru next week.\n", "favor"),
    ("After the ministers met in Quito, Chile said it supported a joint fishing patrol.\n", "favor"),
    ("Foreign Minister Ana Ruiz said Peru must visit the disputed reef with Chilean inspectors.\n", "favor"),
    ("Chile has accepted a shared fishing zone along the maritime border.\n", "favor"),
    ("Foreign Minister Ana Ruiz said 40 fishermen were detained by the Peruvian navy in Chilean waters.\n", "against"),
    ("Foreign Minister Ana Ruiz announced that Chile would sign the fishing accord with Peru.\n", "favor"),
], ids=["return-to-talks", "meeting-in-adverbial-clause", "demanded-visit", "accepted-by-the-actor",
        "passive-with-agent", "announced-step"])
def test_an_attitude_near_an_event_stays_a_stance(text: str, polarity: str) -> None:
    assert [s["polarity"] for s in items(text, "stances")] == [polarity]


@pytest.mark.parametrize("text, topic", [
    ("Foreign Minister Ana Ruiz said Chile had agreed in March on a joint patrol plan with Peru.\n",
     "a joint patrol plan with Peru"),
    ("Foreign Minister Ana Ruiz said Chile would agree in recent weeks to the patrol plan.\n", "the patrol plan"),
], ids=["date", "time-span"])
def test_a_date_or_time_adjunct_is_not_the_topic(text: str, topic: str) -> None:
    """English puts a date in an adjunct ("agreed in March on X"): what the holder agreed on is X."""
    assert [s["topic"] for s in items(text, "stances")] == [topic]
