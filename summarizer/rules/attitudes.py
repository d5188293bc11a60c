"""Attitude words and idioms the polarity reader adds to `clauses.word_polarity` (rules.polarity).

Codebook §3: being against, fear and alarm, prohibition and accusation of conduct are against; seeking and
satisfaction are favor; §5: the idioms of refusal ("out of the question", "off the table") are against their
subject. English grammar decides where each reads: a predicative adjective's preposition names what the
emotion is about; a copula or a verb of characterisation links only with a predicate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import word_polarity
from summarizer.rules.modality import modal, negated_act

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def attitude(tok: "Token") -> str | None:
    """The attitude a word states (`clauses.word_polarity`), and the constructions it leaves out: conduct
    "in violation of X" is accused; "be against X"; predicative adjectives of concern or satisfaction."""
    if tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in lex.HOSTILE_CONDUCT for g in c.children) for c in tok.children):
        return "against"  # "opened fire in violation of the truce": §3 an accusation of conduct
    found = word_polarity(tok)
    if found is not None or tok.dep_ == "amod":
        return found
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.PROHIBITION:  # "the treaty forbids ceding land"
        return "against"
    if tok.dep_ == "prep" and tok.lower_ == "against" and tok.head.lemma_.lower() in lex.COPULAS:
        return "against"  # "Ruritania is (not) against X"
    predicative = tok.dep_ in ("acomp", "oprd") or any(c.dep_ == "auxpass" for c in tok.children)
    if tok.lower_ in lex.CONCERN_WORDS and predicative:  # "is deeply concerned about X"
        return "against"
    if tok.lower_ in lex.PLEASED_WORDS and predicative:
        return "favor"
    seeking = tok.lemma_.lower() in ("look", "search") and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
    return "favor" if seeking else None  # "is (not) looking for a war": seeking X is favor X


def about(tok: "Token") -> "Token | None":
    """The preposition naming what an adjective of emotion is about ("concerned about X", "pleased with X")."""
    if tok.lower_ not in lex.CONCERN_WORDS | lex.PLEASED_WORDS or attitude(tok) is None:
        return None
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "at", "by", "with")),
                None)


def linking(tok: "Token") -> bool:
    """A copula or a verb of characterisation used as one: "be", "call X Y", "looks fragile", not "look for X"."""
    lemma = tok.lemma_.lower()
    return lemma == "be" or lemma in lex.CHARACTERISE or any(
        c.dep_ in ("acomp", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ in ("like", "as")) for c in tok.children)


def resisted(tok: "Token") -> bool:
    """"we will not be intimidated / coerced": hostile conduct refused in a modal negated passive is still
    against (the holder refuses to yield to it); the negation does not undo the judgement."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lex.HOSTILE_CONDUCT and any(
        c.dep_ == "auxpass" for c in tok.children) and modal(tok) and negated_act(tok)


def off_the_table(cop: "Token") -> bool:
    """"X is out of the question", "X is off the table": idioms of refusal (§5), against X."""
    for prep in (c for c in cop.children if c.dep_ in ("prep", "acomp", "prt")):
        objs = [g for g in prep.subtree if g.dep_ == "pobj"]
        if (prep.lower_ == "out" and any(g.lemma_.lower() == "question" for g in objs)) or (
                prep.lower_ == "off" and any(g.lemma_.lower() in lex.TABLE_NOUNS for g in objs)):
            return True
    return False


def relinquished(clause: "Token") -> str | None:
    """"X is not something we are going to change / give up": a verb of giving X up is against X."""
    verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
    give_up = any(v.lemma_.lower() == "give" and any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children)
                  for v in verbs)
    return "against" if give_up or any(v.lemma_.lower() in lex.RELINQUISH for v in verbs) else None
