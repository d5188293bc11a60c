"""Which dependents of a noun belong to its phrase (English grammar), read by `clauses.noun_phrase`.

A topic names its thing whole (codebook §3 "the act or state the text names"): a noun coordinated with
the head, a to-infinitive complement and a defining clause restrict or complete the noun and stay; a
clause set off by a comma, or after a definite determiner, only describes it and goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Participles that work as conjunctions ("talks provided that X", "given that X"): they open a condition,
# not a clause that restricts the noun before them.
_PARTICIPIAL_CONJUNCTIONS = frozenset({"provided", "providing", "given", "assuming", "supposing"})
_INDEFINITE = frozenset({"a", "an", "any", "no", "some", "every", "each", "such", "another"})


def coordinated(noun: "Token", child: "Token") -> bool:
    """"Hamas and the Palestinian Authority", "trade and free movement": a noun coordinated with the head after
    it is part of one coordinated noun phrase (English coordination), and so is its conjunction."""
    if child.i < noun.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") or child.dep_ == "cc" and any(
        c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in noun.children)


def defining_clause(doc: "Doc", child: "Token") -> bool:
    """"a code that only freezes the status quo", "alliances aimed at encircling it": a relative or participle
    clause right after its noun, not set off by a comma, restricts it (an English defining clause); one after
    a comma only describes it, and so does one on a definite noun, the thing already known ("the plan that X
    tabled"), unless it is the noun's content ("the fact that X")."""
    if child.dep_ not in ("relcl", "acl") or child.i < child.head.i or child.lower_ in _PARTICIPIAL_CONJUNCTIONS:
        return False
    if doc[child.left_edge.i - 1].is_punct:
        return False
    content = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)  # "the fact that X"
    return content or not any(c.dep_ in ("det", "poss") and c.lower_ not in _INDEFINITE for c in child.head.children)


def infinitive_complement(noun: "Token", child: "Token") -> bool:
    """A to-infinitive after a noun ("the decision to withdraw", "an attempt to block X") completes the
    noun (English noun complement), unlike a relative clause, which only describes it."""
    return child.dep_ == "acl" and child.i > noun.i and child.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
