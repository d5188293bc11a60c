"""Holders in transcripts and of offices (codebook §1, §2) on invented sentences: a speaker on the floor
says "I", so "he" in their answer is someone they speak of."""

from __future__ import annotations

from rulecases import holders


def test_he_in_an_answer_on_the_floor_is_the_person_spoken_of_not_the_speaker() -> None:
    # grammar: whoever has the floor refers to themself as "I"; "he" in the answer takes up the last
    # person the answer names as a subject
    text = ("Remarks after the round of talks\n"
            "Foreign Minister Ilse Varga of Ruritania spoke to the press in Graz after the talks.\n"
            "VARGA: We made real progress on the water clause.\n"
            "President Oren Dahl was ready to accept our draft.\n"
            "Prime Minister Piet Kask was not.\n"
            "He insisted that the river commission must be set up first.\n")
    found = holders(text)
    assert ["Piet Kask"] in found["He insisted that the"]
    assert ["Ilse Varga"] not in found["He insisted that the"]


def test_he_outside_any_transcript_still_continues_the_last_speaker() -> None:
    text = ("Talks in Graz\n"
            "Mediator Ilse Varga said on Monday that the talks had made progress.\n"
            "Minister Piet Kask arrived later in the day.\n"
            "He said the river commission must be set up first.\n")
    assert holders(text)["He said the river co"] == [["Piet Kask"]]


def test_a_place_before_a_colon_in_a_headline_gives_no_one_the_floor() -> None:
    # a speaker label names who speaks; "Vienna: text finalised" is a headline, so the sentences after it
    # keep their own holders
    text = ("Vienna: border text with Slovenia finalised, signing set for spring\n"
            "Date: 2025-03-13\n\n"
            "Slovenia has accepted the wording of the last two articles.\n")
    assert holders(text)["Slovenia has accepte"] == [["Slovenia"]]


STATEMENT_TEXT = ("Border text finalised\n\n"
                  "The following is the statement released on Monday by the Foreign Ministry of Austria, followed "
                  "by remarks by its spokesman, Karl Moser.\n\n"
                  "STATEMENT\n\n"
                  "The Slovenian side has accepted the wording proposed by Austria.\n\n"
                  "REMARKS OF THE SPOKESMAN\n\n"
                  "Asked about the timing, Moser said the text was complete.\n"
                  "Slovenia has accepted the new wording.\n")


def test_a_statement_section_is_the_announced_bodys_direct_speech() -> None:
    # codebook §2 (1.2): a reproduced statement of a government is the state's direct speech
    found = holders(STATEMENT_TEXT)
    assert found["The Slovenian side h"] == [["Austria"]]


def test_the_next_heading_ends_the_statement_section() -> None:
    found = holders(STATEMENT_TEXT)
    assert found["Slovenia has accepte"] == [["Slovenia"]]
    assert found["Asked about the timi"][0] == ["Karl Moser"]


def test_it_after_a_name_no_actor_is_known_by_is_that_name_not_the_last_state() -> None:
    # grammar: "X said that it ...": "it" takes up the subject of its own sentence; when the rules know no
    # actor by that name, the statement has no holder rather than the state that spoke last
    text = ("Austria said on Monday that it backed the plan.\n"
            "The Quartet, of which Slovenia is a member, said in a statement that it stood firmly behind Slovenia "
            "and called on Hungary to comply.\n")
    assert holders(text)["The Quartet, of whic"] == []


def test_it_with_no_name_before_it_still_continues_the_last_state() -> None:
    text = ("Austria said on Monday that it backed the plan.\n"
            "It also called on Hungary to comply with the ruling.\n")
    assert holders(text)["It also called on Hu"] == [["Austria"]]
