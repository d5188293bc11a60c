"""Narration and questions that hold no stance, on invented sentences. Codebook §3 / §0: an act the outlet tells
in its own voice with a verb of conduct ("Chile suspended the licences") is an event, not an attitude
(`rules.stances._narrated_conduct`); §2 (1.2): "Asked about X, ..." reports a journalist's question, whose
premise X is not the holder's words (`_put_to`)."""

from __future__ import annotations

import pytest

from tests.rulecases import items


@pytest.mark.parametrize("text", [
    "Chile suspended its fishing licences for Peruvian trawlers in March.\n",
    "The rebels attacked a supply convoy near the border town on Sunday.\n",
    "Peru halved the port fee and withdrew its patrol boats from the reef.\n",
], ids=["suspended", "attacked", "coordinated-withdrew"])
def test_narrated_conduct_is_no_stance(text: str) -> None:
    assert items(text, "stances") == []


@pytest.mark.parametrize("text", [
    "Foreign Minister Ana Ruiz said Chile had suspended the licences to punish illegal fishing.\n",
    "The Chilean government announced that Chile was suspending its fishing accord with Peru.\n",
], ids=["reported-by-the-holder", "announced-clause"])
def test_conduct_a_holder_reports_stays_a_stance(text: str) -> None:
    assert len(items(text, "stances")) == 1


def test_a_question_premise_is_not_the_holders_stance() -> None:
    text = ("Asked about the Peruvian demand that the fishing fleet be recalled, Foreign Minister Ana Ruiz "
            "said Chile would not recall it.\n")
    assert [s["topic"] for s in items(text, "stances")] == ["Chile recalling it"]


def test_an_answer_taking_up_a_yes_no_question_stays() -> None:
    text = "Asked whether Chile would sign the accord, Foreign Minister Ana Ruiz said she hoped so.\n"
    assert items(text, "stances")


TRANSCRIPT = """Ana Ruiz: fishing talks with Peru stall over the reef
Date: 2024-02-01

Transcript of the press conference given by Chilean Foreign Minister Ana Ruiz after the talks with Peru in Lima.
"""
STATEMENT = """Peru welcomes fishing accord text agreed with Chile
Date: 2024-02-01

The following is the statement released on Monday by the Ministry of Foreign Affairs of Peru, followed by remarks
 made later by its spokesperson.
""".replace("\n made", " made")


@pytest.mark.parametrize("text, note", [(TRANSCRIPT, "Transcript of"), (STATEMENT, "The following")],
                         ids=["transcript-of", "the-following-is"])
def test_an_editors_note_on_the_document_is_no_stance(text: str, note: str) -> None:
    found = items(text, "stances")
    assert found  # the headline's stance stays
    assert all(note not in s["position"] and not s["topic"].startswith(note.split()[-1]) for s in found)
    assert all(s["sentences"] == [1] for s in found)
