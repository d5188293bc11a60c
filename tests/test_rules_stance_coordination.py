"""Coordinated predicates, on invented sentences (codebook §6: one item per distinct claim). A second verb of
demand or attitude sharing the first one's subject ("welcomed A and pressed for B", "urged A to C and called
for B") states a second stance of the same holder (`rules.stances.coordinated_acts`); a verb of the demanded
or reported content ("urged X to stop and withdraw") and a characterisation ("calling it X") do not."""

from __future__ import annotations

import pytest

from tests.rulecases import items


@pytest.mark.parametrize("text, topic", [
    ("The Chilean foreign minister Ana Ruiz welcomed the fishing accord and pressed for the patrol boats "
     "to be withdrawn from the reef.\n", "patrol boats"),
    ("Foreign Minister Ana Ruiz urged both navies to respect the maritime line and called for restraint along the coast.\n",
     "restraint"),
    ("Foreign Minister Ana Ruiz said the government expected Peru to release the trawlers and called on Bolivia to reopen its ports.\n",
     "Bolivia"),
    ("Foreign Minister Ana Ruiz wrote that Peru had no right to close the strait and called on Lima to reopen "
     "the ports.\n", "Lima"),
], ids=["attitude-then-demand", "demand-hung-on-the-demanded-act", "demand-hung-on-the-reported-clause",
        "finite-verb-hung-on-an-infinitive"])
def test_a_coordinated_demand_is_a_second_stance(text: str, topic: str) -> None:
    stances = items(text, "stances")
    assert len(stances) == 2
    assert {s["holder"] for s in stances} == {"Ana Ruiz"}
    assert topic in stances[1]["topic"] and stances[1]["polarity"] == "favor"


@pytest.mark.parametrize("text", [
    "Ana Ruiz called on Peru to respect the maritime line and withdraw its patrol boats from the reef.\n",
    "Ana Ruiz said Chile would close the harbour to Peruvian trawlers, calling it a warning to Lima.\n",
], ids=["demanded-act-coordinated", "characterisation"])
def test_a_verb_of_the_content_is_no_second_stance(text: str) -> None:
    assert len(items(text, "stances")) <= 1


def test_a_participle_of_saying_inside_a_statement_is_a_further_stance() -> None:
    text = ("Chile's foreign ministry said the government welcomed the fishing accord and urged Peru to sign it, "
            "adding that Chile was ready to host talks in Arica.\n")
    topics = [s["topic"] for s in items(text, "stances")]
    assert len(topics) == 3 and "talks in Arica" in topics[2]
