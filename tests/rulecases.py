"""Invented sentences through the rule extractor's real parse: what the rule tests read."""

from __future__ import annotations

from typing import Any

from summarizer.rules.extractor import Analysis, analyse, participants
from summarizer.text.segment import split_sentences


def analysed(text: str) -> Analysis:
    return analyse(tuple(split_sentences(text)))


def items(text: str, field: str) -> list[dict[str, Any]]:
    """The items of one list ("stances", "conditions", "red_lines") before the item cap and grounding."""
    return analysed(text).items[field]


def named(text: str) -> dict[str, dict[str, Any]]:
    """The participants, by name."""
    return {p["name"]: p for p in participants(analysed(text))}


def the_stance(text: str) -> dict[str, Any]:
    """The one stance a sentence gives (a test fails when it gives none or several)."""
    [stance] = items(text, "stances")
    return stance


def holders(text: str) -> dict[str, list[list[str]]]:
    """Sentence text (first 20 chars) -> the holder names of each of its statements."""
    sentences = tuple(split_sentences(text))
    analysis = analyse(sentences)
    return {s.text[:20]: [[a.name for a, _ in sp.holders] for sp in analysis.speeches[s.id]] for s in sentences}
