"""Which stances the item cap keeps, and who may hold one, on invented sentences. Codebook §1: a medium cited as
a source is never a holder; §3: a topic is the object of the attitude in a few words, so a plain statement
whose topic only points back ("its closure"), or that no verb of saying marks as a position (a transcript
answer's plain sentence), is the first the cap (`extractor._most_telling`) drops."""

from __future__ import annotations

from summarizer.extract.drafts import MAX_ITEMS
from summarizer.rules.extractor import _most_telling
from tests.rulecases import items

QUESTION = """Weekly press conference of President Ana Ruiz, Lima.
PRESIDENT RUIZ: Good morning.
Question (Harbour Radio): Madam President, the Foreign Ministry of Peru announced last night that Peruvian trawlers
 would now fish in Chilean waters without a licence, and said your government had agreed.
Is that true?
""".replace("\n would", " would")


def test_a_source_cited_in_a_question_holds_no_stance() -> None:
    found = items(QUESTION, "stances")
    assert found and all(s["holder"] != "source" for s in found)
    assert any(s["holder"] == "Peru" for s in found)  # the ministry the question reports still holds its stance


def test_a_plain_statement_with_a_pointing_topic_ranks_below_a_named_one() -> None:
    [pointing] = items("Foreign Minister Ana Ruiz said its closure was a matter of weeks.\n", "stances")
    [named] = items("Foreign Minister Ana Ruiz said the ferry line would reopen in May.\n", "stances")
    assert pointing["weak"] > named["weak"] > 0


def test_the_cap_drops_pointing_topics_first() -> None:
    def stance(n: int, topic: str, weak: int) -> dict:
        return {"holder": "Ana Ruiz", "topic": topic, "polarity": "favor", "position": "p", "sentences": [n],
                "attribution": "reported_speech", "weak": weak}
    kept = _most_telling([stance(1, "its closure", 2)] + [stance(n + 2, f"ferry line {n}", 1)
                                                          for n in range(MAX_ITEMS)], "stances")
    assert len(kept) == MAX_ITEMS and all(s["topic"] != "its closure" for s in kept)


def test_a_plain_sentence_under_a_transcript_label_ranks_below_a_reported_one() -> None:
    [answer] = items("Foreign Minister Ana Ruiz spoke to reporters in Lima on Monday.\n"
                     "RUIZ: The ferry line to Arica reopened in May.\n", "stances")
    [reported] = items("Foreign Minister Ana Ruiz said the ferry line would reopen in May.\n", "stances")
    assert answer["attribution"] == "direct_quote" and answer["weak"] > reported["weak"] > 0
