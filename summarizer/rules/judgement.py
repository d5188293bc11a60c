"""Words that judge what they are said of, and responses threatened against a trigger (rules.polarity).

Codebook §3: blame and hostile conduct are against, praise is favor; an accusation of another actor's
conduct is against that conduct; §5 1.2: a threatened response carries a stance against what triggers it.
English grammar decides where a judging word judges: a copula's or a verb of characterisation's
predicate judges the subject or object, an attributive adjective its noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.acts import event_of
from summarizer.rules.clauses import clause_subject, word_polarity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# Verbs of breaking an obligation and the obligations they break (codebook §3: an accusation of
# another actor's conduct is against it): "broke its commitments", "flouted the order".
_BREACH = frozenset({"break", "flout", "disregard", "renege", "dishonour", "dishonor", "trample", "betray"})
_OBLIGATIONS = frozenset({"commitment", "promise", "pledge", "obligation", "word", "law", "rule", "order",
                          "resolution", "norm", "principle", "ruling", "undertaking", "assurance"})


def hyphen_part(tok: "Token") -> bool:
    """A part of a hyphenated compound ("post-war order", "anti-war rally"): English word formation
    gives the compound its own sense, so its parts judge nothing on their own."""
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].text == "-") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-")


def breach_noun(tok: "Token") -> bool:
    """"non-compliance", "non-performance of its commitments": the negative prefix on a noun of keeping an
    obligation names its breach (codebook §3: an accusation of another actor's conduct is against it)."""
    doc, lemma = tok.doc, tok.lemma_.lower()
    if tok.pos_ != "NOUN":
        return False
    if lemma.startswith("non") and lemma[3:] in lex.OBSERVANCE:
        return True
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "non" and lemma in lex.OBSERVANCE


def evaluation(tok: "Token") -> str | None:
    """A word that judges what it is said of: hostile conduct or a negative judgement is against,
    a positive judgement is favor ("the raids destabilise the region", "the plan is historic")."""
    lemma = tok.lemma_.lower()
    if breach_noun(tok):
        return "against"
    if hyphen_part(tok):
        return None
    if tok.pos_ == "VERB" and lemma in _BREACH and any(  # "broke its commitments", "reneged on the deal"
            c.lemma_.lower() in _OBLIGATIONS | lex.COOPERATIVE for c in tok.subtree if c.dep_ in ("dobj", "pobj")):
        return "against"
    if tok.pos_ in ("VERB", "NOUN") and lemma in lex.HOSTILE_CONDUCT:  # not "strike a deal", "target a truce"
        cooperative = any(c.dep_ == "dobj" and c.lemma_.lower() in lex.COOPERATIVE for c in tok.children)
        return None if cooperative else "against"
    if tok.pos_ in ("ADJ", "ADV", "NOUN") and lemma in lex.NEGATIVE_JUDGEMENT:
        return "against"
    if tok.pos_ in ("ADJ", "ADV", "NOUN") and lemma in lex.POSITIVE_JUDGEMENT:
        return "favor"
    return None


def judged_predicate(verb: "Token", allowed: set[int] | None) -> str | None:
    """A copula's or a verb of characterisation's predicate judges its subject or object ("X was a
    road to nowhere", "called the move a breach", "considers the plan entirely unacceptable"): its
    adjectives, adverbs and words of hostile conduct or threat, not the thing judged (the subject,
    the first object of a verb of characterisation)."""
    judged = verb.lemma_.lower() in lex.CHARACTERISE
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "advcl", "mark", "punct", "cc", "conj", "relcl"):
            continue
        skip = {t.i for t in child.subtree} if judged and child.dep_ == "dobj" else set()
        if judged and child.dep_ == "dobj":
            judged = False
        for tok in _heads_first(child):  # the head noun before its modifiers: "a historic mistake" is a mistake
            if allowed is not None and tok.i not in allowed:
                continue
            lemma = tok.lemma_.lower()
            if tok.i in skip and tok.pos_ != "ADJ":
                continue
            word = tok.pos_ in ("ADJ", "NOUN") and lemma in lex.AGAINST_WORDS and not hyphen_part(tok)
            found = evaluation(tok) or ("against" if word else None) or ("against" if threat(tok) else None)
            if found is not None:
                return found
    return None


def _heads_first(tok: "Token") -> list["Token"]:
    """The phrase's words breadth first: each head before its modifiers ("in serious non-compliance")."""
    out, frontier = [tok], [tok]
    while frontier:
        frontier = [c for t in frontier for c in t.children]
        out += frontier
    return out


def threat(tok: "Token") -> bool:
    """A response threatened against the subject or a condition: "any attack will be met with force",
    "whoever harms us will pay a price", "we will retaliate if attacked", "X is a red line" (codebook
    §5: a red line carries a stance against)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in lex.RESPONSE and any(c.dep_ == "auxpass" for c in tok.children):
        return True
    if tok.pos_ == "VERB" and lemma in lex.RETALIATION and any(c.dep_ == "aux" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in ("to", "against") for c in tok.children):
        return True  # "would respond to the step": a response threatened against it
    if tok.pos_ == "VERB" and lemma in lex.RETALIATION and any(  # "will respond if attacked / in the event of X"
            c.dep_ == "advcl" and any(m.lower_ in lex.CONDITIONAL_MARKS for m in c.children) or event_of(c) is not None
            for c in tok.children):
        return True
    subj = clause_subject(tok) if tok.pos_ == "VERB" and lemma in lex.RESPONSE else None
    if subj is not None and any(c.dep_ == "aux" for c in tok.children) and (
            subj.lemma_.lower() in lex.HOSTILE_ACTS or any(c.lower_ == "any" for c in subj.children)):
        return True  # "any attack would ignite a war": the response is threatened against the act
    if tok.pos_ == "VERB" and lemma in lex.RESPONSE_CARRIERS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.RESPONSE_NOUNS for c in tok.children):
        return lemma != "take" or not any(c.dep_ == "xcomp" for c in tok.children)
    return lemma == "line" and any(c.lower_ == "red" for c in tok.children)


def judged(tok: "Token") -> str | None:
    """The evaluation a predicative word carries itself or through its modifiers ("a grave provocation");
    an object only by its own head word ("put pressure on X", not "return the seized rifles")."""
    if tok.dep_ == "dobj":
        return "against" if tok.lemma_.lower() in lex.HOSTILE_CONDUCT else None
    for word in [tok, *(c for c in tok.children if c.dep_ in ("amod", "advmod", "compound"))]:
        found = evaluation(word)
        if found is not None:
            return found
    return None
