"""Holder attribution of the rule extractor (codebook §2, §3): parenthetical reporting clauses, subject pronouns and "it" in an aside, on invented sentences."""

from __future__ import annotations

from rulecases import items

from summarizer.rules.extractor import analyse
from summarizer.text.segment import split_sentences


def holders(text: str) -> dict[str, list[list[str]]]:
    """Sentence text (first 20 chars) -> the holder names of each of its statements."""
    sentences = tuple(split_sentences(text))
    analysis = analyse(sentences)
    return {s.text[:20]: [[a.name for a, _ in sp.holders] for sp in analysis.speeches[s.id]] for s in sentences}


def test_parenthetical_reporting_clause_reports_its_host_clause() -> None:
    # grammar: "Only then, she said, could X ..." -- the reporting clause has no complement of its own;
    # what is said is the clause it interrupts
    text = ("Ruritania sets terms\n"
            "Ruritanian Foreign Minister Ann Lind spoke in Oslo on Monday.\n"
            "Only after a full ceasefire, she said, could Ruritania return to the talks.\n")
    found = holders(text)
    assert found["Only after a full ce"] == [["Ann Lind"]]


def test_subject_pronoun_continues_the_previous_subject_not_a_later_object() -> None:
    # grammar: a subject pronoun in a reporting clause continues the last speaker or main-clause
    # subject, not a person named only as an object ("met ... Piotr Kay")
    text = ("Talks in Oslo\n"
            "Ruritanian Foreign Minister Ann Lind said on Monday that talks would go on.\n"
            "She later met Vostokian envoy Piotr Kay in the capital.\n"
            "She said Ruritania would not sign the draft.\n")
    found = holders(text)
    assert found["She said Ruritania w"] == [["Ann Lind"]]


def test_it_in_an_aside_is_the_main_subject_of_its_sentence_never_a_person() -> None:
    # grammar: "X answered ..., it said": "it" takes the sentence's non-person main subject, and
    # never resolves to a person
    text = ("Trade dispute\n"
            "Ruritanian Trade Minister Ann Lind said on Monday that tariffs would rise.\n"
            "Norway's trade ministry answered each step with a pledge to resist, while leaving a door open: "
            "talks were possible, it said, but only on equal terms.\n")
    found = holders(text)
    assert found["Norway's trade minis"] == [["Norway"]]


def test_he_continues_a_titled_subject_named_in_apposition() -> None:
    # "President John X, whom ..., visited Y. He said ...": the parser makes the title the subject and the
    # name its apposition; the name is still the main subject "he" continues, not an earlier speaker
    text = ("The chair of the commission, Omar Eli Tann, told reporters that the bloc respected the decision. "
            "Ghana's President Kofi Adom, whom the bloc asked to mediate, visited Bamako in March. "
            "He said afterwards that he would not push the three countries to return.\n")
    assert [s["holder"] for s in items(text, "stances")][-1] == "Kofi Adom"


def test_the_demonym_and_title_name_the_person_introduced_with_that_title() -> None:
    # "the Finnish president says": the one Finnish person introduced as president, not the state (§2)
    text = ("Ana Lind is speaking in Oslo with Finnish President Matti Koski. "
            "The Finnish president says Europe's job is to keep the alliance strong.\n")
    assert [s["holder"] for s in items(text, "stances")] == ["Matti Koski"]


def test_a_speaker_label_in_capitals_names_the_person_met_before() -> None:
    # the tagger may read a label in capitals as an organisation; the label names the person introduced before
    text = ("Speakers: Foreign Minister Ana Lind; Secretary-General Kao Vann Hour.\n"
            "KAO VANN HOUR: Yes. The envoy has conveyed our views, and we support the peace plan.\n")
    assert {s["holder"] for s in items(text, "stances")} == {"Kao Vann Hour"}
