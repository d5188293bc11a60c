"""Holder attribution of the rule extractor (codebook §2, §3) on invented sentences."""

from __future__ import annotations

from summarizer.rules.extractor import analyse
from summarizer.text.segment import split_sentences


def holders(text: str) -> dict[str, list[list[str]]]:
    """Sentence text (first 20 chars) -> the holder names of each of its statements."""
    sentences = tuple(split_sentences(text))
    analysis = analyse(sentences)
    return {s.text[:20]: [[a.name for a, _ in sp.holders] for sp in analysis.speeches[s.id]] for s in sentences}


def test_role_label_names_the_one_person_introduced_with_it() -> None:
    text = ("Transcript of the weekly briefing\n"
            "Foreign ministry spokesperson Oskar Valdmaa told reporters in Tallinn that talks would resume.\n"
            "Question: Will Estonia send a delegation to Vienna next week?\n"
            "Spokesperson: We will send our delegation once the agenda is agreed.\n")
    found = holders(text)
    assert found["Spokesperson: We wil"] == [["Oskar Valdmaa"]]


def test_role_label_shared_by_two_people_names_no_one() -> None:
    text = ("Two briefings on Monday\n"
            "Government spokesperson Oskar Valdmaa said on Monday that talks would resume.\n"
            "Army spokesperson Liisa Tamm told reporters that the border was calm.\n"
            "Spokesperson: Our delegation will travel once the agenda is agreed.\n")
    found = holders(text)
    assert ["Oskar Valdmaa"] not in found["Spokesperson: Our de"]
    assert ["Liisa Tamm"] not in found["Spokesperson: Our de"]


def test_reporting_verb_without_complement_is_no_speech() -> None:
    text = ("Norway weighs its options\n"
            "Norwegian Foreign Minister Eirik Sande said on Monday that Oslo wants a fair deal.\n"
            "The Danish government will respond in due course.\n")
    found = holders(text)
    assert found["The Danish governmen"] == []


def test_demonym_side_is_that_state() -> None:
    text = ("Talks in Oslo\n"
            "After the talks, the Finnish side said it was ready to accept a new schedule for the inspections.\n")
    found = holders(text)
    assert ["Finland"] in found["After the talks, the"]


def test_unnamed_members_are_not_holders() -> None:
    text = ("Debate in Oslo\n"
            "Norwegian Foreign Minister Eirik Sande said on Monday that Oslo wants a fair deal.\n"
            "Norwegian lawmakers said the deal would hurt fishermen.\n"
            "Western diplomats said the deal was unlikely to survive.\n")
    found = holders(text)
    assert found["Norwegian lawmakers "] == []
    assert found["Western diplomats sa"] == []


def test_named_state_officials_speak_for_it() -> None:
    text = ("Debate in Oslo\n"
            "Swedish officials said the deal would hurt fishermen.\n")
    assert ["Sweden"] in holders(text)["Swedish officials sa"]


def test_surname_missed_by_the_tagger_is_still_the_person() -> None:
    text = ("Leaders meet in Bern\n"
            "Estonian Prime Minister Kaarel Ruutel met Latvian President Andris Ozols in Bern.\n"
            "Ruutel said the corridor would stay under Estonian law.\n")
    found = holders(text)
    assert found["Ruutel said the corr"] == [["Kaarel Ruutel"]]
