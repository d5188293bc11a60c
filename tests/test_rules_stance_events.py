"""Events reported as fact are no stance (codebook §3: "the two envoys are expected to meet", "a naval
group is heading to the gulf"): verbs of motion, meeting and perception heading a statement
(`rules.stances._event`), on invented sentences; a cooperative step as their goal stays a stance."""

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
