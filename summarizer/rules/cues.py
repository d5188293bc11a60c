"""Reporting cues that are not verbs of saying: a preposition, a noun of speech, a verb of cognition.

Codebook §2 (reporting versus assessing): "according to X, C", "for X, C", "in X's view, C", "X's statement that
C" and "a statement from X says C" attribute C to X; §3: a verb of cognition ("X believes / expects C") ascribes C to
its subject as the subject's own position. Used by `rules.speakers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_SOURCE_PREPS = ("from", "by", "of")
# Verbs of judgment with a small clause ("X considers / deems Y unlawful"); "considers Y" alone is no judgment.
_JUDGING = frozenset(("consider", "deem"))


def cognition_complement(verb: "Token") -> list["Token"]:
    """"X believes C", "X expects Y to C": the tokens that head what is believed (the clause, and for an
    infinitive the object before it, which is the clause's own subject); [] for any other verb."""
    lemma = verb.lemma_.lower()
    if lemma in _JUDGING and verb.pos_ == "VERB":  # "X considers Y unfounded": the small clause is X's judgment
        return [c for c in verb.children if c.dep_ in ("ccomp", "oprd") and c.pos_ in ("ADJ", "NOUN")][:1]
    if lemma not in lex.COGNITION or verb.pos_ != "VERB" or any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []  # "X is expected to C" says nothing of what X thinks
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is None:
        return []
    subject = next((c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i), None)
    return [clause] if subject is None or clause.dep_ != "xcomp" else [subject, clause]


def adjunct_source(doc: "Doc") -> tuple["Token", "Token", set[int]] | None:
    """"according to X, C" / "in X's view, C" / "For X, C": (X, the word the adjunct modifies, its tokens)."""
    for tok in doc:
        obj = None
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        elif tok.dep_ == "prep" and tok.lower_ == "in":
            view = next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in lex.VIEW_NOUNS), None)
            obj = next((c for c in view.children if c.dep_ == "poss"), None) if view is not None else None
        elif tok.dep_ == "prep" and tok.lower_ == "for" and tok.i == 0:  # "For X, C": fronted and set off
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            obj = obj if obj is not None and obj.right_edge.i + 1 < len(doc) and doc[obj.right_edge.i + 1].text == "," \
                else None
        if obj is not None:
            return obj, tok.head, {t.i for t in tok.subtree}
    return None


def speech_noun_source(tok: "Token") -> "Token | None":
    """"X's statement", "a Kremlin readout", "a statement from / by X": the speaker X of a noun of speech."""
    if tok.lemma_.lower() not in lex.SPEECH_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if owner is not None:
        return owner  # "X's statement", "a Kremlin readout"
    heads = [tok, *(o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                    if o.dep_ == "pobj")]  # "a readout of the call from X": the parser hangs "from X" on "call"
    for word in _SOURCE_PREPS:  # "from X" and "by X" name the source before "of X" does
        for prep in (p for head in heads for p in head.children if p.dep_ == "prep" and p.lower_ == word):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def noun_clauses(doc: "Doc") -> list[tuple["Token", "Token"]]:
    """"X's statement / claim / assurance that C": (the speaker X, the head of C) for each noun of speech with a
    that-clause of its own (English noun complement clause)."""
    out = []
    for tok in doc:
        source = speech_noun_source(tok)
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if source is not None and clause is not None:
            out.append((source, clause))
    return out
