"""Grounding indexes the article once: checking names costs one scan per distinct name, not per item."""

from __future__ import annotations

import pytest

from summarizer.extract import actors, grounding
from summarizer.text.segment import split_sentences

TEXT = "".join(f"Minister Ana Vell said on day {i} that Velmora wants a fishing treaty.\n" for i in range(2000))


def test_names_are_checked_against_an_index_not_by_rescanning_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    grounder = grounding.Grounder(TEXT, split_sentences(TEXT))
    scans: list[int] = []
    real = actors.mentions

    def counting(text: str, name: str) -> bool:
        if len(text) > 10_000:
            scans.append(1)
        return real(text, name)

    monkeypatch.setattr(actors, "mentions", counting)
    for _ in range(300):
        assert grounder.in_article("Ana Vell")
        assert not grounder.in_article("Piet Lund")  # absent: answered by the word index alone
        assert not grounder.in_article("Vell Ana")  # every word present, the name is not: one real scan
    assert len(scans) == 2
