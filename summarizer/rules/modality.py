"""Modality shared by the red-line readers (codebook §5): modal and "going to" futures, negation of a
predicate, predicates of hostile response, and the sequence of tenses under a past reporting verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

MODALS = frozenset("will would shall can could may might must should 'll wo ca".split())
SELF = frozenset("we us i me ourselves itself myself themselves".split())
# (anchor, line, kind, consequence, agentive): agentive when the anchor's subject is the one who threatens
# or refuses (it may name the holder), not the actor or act that is barred.
Found = tuple["Token", str, str, "str | None", bool]


def modal(verb: "Token") -> bool:
    """A modal or a "going to" future on the verb ("will", "would", "is going to")."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    return verb.head.lemma_ == "go" and verb.dep_ == "xcomp" and verb.head.tag_ == "VBG"


def negated_act(tok: "Token") -> bool:
    """"not" or "never" on the predicate itself."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children)


def threat_verb(verb: "Token") -> bool:
    """The predicate names a hostile response, on the verb, its objects, or its "to"-complement."""
    for v in [verb, *[c for c in verb.children if c.dep_ == "xcomp"]]:
        if v.lemma_.lower() in lex.RESPONSE:
            return True
        carrier = v.lemma_.lower() in lex.RESPONSE_CARRIERS | {"be"}
        if carrier and any(c.lemma_.lower() in lex.RESPONSE_NOUNS for c in v.subtree
                           if c.dep_ in ("dobj", "pobj", "attr") and c.head.dep_ != "advcl"):
            return True
    return any(c.dep_ == "acomp" and c.lemma_.lower() in lex.IMPUNITY for c in verb.children) and negated_act(verb)


def backshifted(verb: "Token") -> bool:
    """A past tense in the clause a past reporting verb reports ("she said the use of force was not
    acceptable"): English sequence of tenses, the speaker's own words were in the present. The clause is
    the verb's complement itself, or coordinated with it, not one embedded under another verb."""
    tok = verb
    for _ in range(3):
        if tok.dep_ != "conj":
            break
        tok = tok.head
    head = tok.head
    return verb.tag_ == "VBD" and tok.dep_ == "ccomp" and head.lemma_.lower() in lex.REPORTING and head.tag_ == "VBD"
