"""Sentences are exact slices of the text, split where a reader would split them."""

from __future__ import annotations

from summarizer.text.segment import chunk_sentences, split_sentences

TEXT = (
    "BRASILIA (Wire) – Brazil's foreign minister said talks with the U.S. Trade Representative would resume. "
    "“We are ready,” he said. Mr. Silva added that Jan. talks failed!\n"
    "\n"
    "Headline without a period\n"
    "The E.U. and U.N. welcomed it. J. Smith disagreed?  Yes.\r\n"
)


def test_every_sentence_is_the_text_slice() -> None:
    sentences = split_sentences(TEXT)
    assert [s.id for s in sentences] == list(range(1, len(sentences) + 1))
    for s in sentences:
        assert TEXT[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_splits_and_abbreviations() -> None:
    texts = [s.text for s in split_sentences(TEXT)]
    assert texts == [
        "BRASILIA (Wire) – Brazil's foreign minister said talks with the U.S. Trade Representative would resume.",
        "“We are ready,” he said.",
        "Mr. Silva added that Jan. talks failed!",
        "Headline without a period",
        "The E.U. and U.N. welcomed it.",
        "J. Smith disagreed?",
        "Yes.",
    ]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n \n") == []


def test_chunks_keep_order_and_bound_size() -> None:
    sentences = split_sentences(" ".join(f"Sentence number {i} is here." for i in range(200)))
    chunks = chunk_sentences(sentences, 500)
    assert [s for c in chunks for s in c] == sentences
    assert all(sum(len(s.text) + 8 for s in c) <= 500 for c in chunks)
    assert len(chunks) > 1
