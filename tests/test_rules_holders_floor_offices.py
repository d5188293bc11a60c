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
