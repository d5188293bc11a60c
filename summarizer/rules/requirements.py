"""Requirement statements: a condition worded as a requirement on a cooperative step, not as a clause.

Codebook §4 signals ("the only way to ... is", "must be based on", "shall be conducted within",
"the main requirement is", "demands ... tied to") and its 1.2 rules (scope limits; "only after X
can we sign"), read as English grammar:
- a requirement noun as subject or predicate of "be" ("the precondition for talks is X");
- a verb or adjective of dependence ("a deal depends on X", "a summit, contingent on X");
- a modal of obligation on a cooperative step ("any agreement must guarantee X", "talks have to
  start from X") and a scope limit ("our engagement will be limited to X");
- a requirement stated for the holder's own wish ("if you want peace, you must X"), before its
  own step ("X has to happen before we sign"), or for a purpose ("for the deal to be signed, X").
Each returns (cue, conditioned, requirement tokens); the cue's speech gives the holder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import gerund, negated, noun_phrase, obligation, step_phrase, text_of
from summarizer.rules.speakers import subject_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Req = tuple["Token", "str | None", list["Token"]]
STEP_WORDS = 12  # a conditioned step named in full ("a follow-up summit between A and B in C"), not cut mid-phrase
_WANT = frozenset("want wish seek desire".split())
_DEMAND = frozenset("want expect insist demand require need".split())
# Focusing adverbs of exclusiveness after a noun: "a matter for the court alone", "for the two sides only"
# (§4 1.2 scope limits: "the border is a matter for the court alone").
_ALONE = frozenset("alone only solely exclusively".split())
# Verbs of compliance with a step already agreed: "the accord must be honoured" demands compliance (§4: a
# demand with no step of the holder's conditioned on it is a stance).
_COMPLY = frozenset("honour honor implement respect observe uphold apply enforce fulfil fulfill".split())


def _cooperative_subject(subj: "Token | None") -> bool:
    """The subject names a cooperative step: its head, or the head of its "of" complement ("any
    resumption of cooperation")."""
    if subj is None:
        return False
    heads = [subj, *[g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]]
    return any(h.lemma_.lower() in lex.COOPERATIVE | lex.SETTLEMENT_STEPS for h in heads)


def _predicate(verb: "Token", also: "Token | None" = None) -> list["Token"]:
    """A predicate without its subject, auxiliaries and adverbial clauses."""
    skip = ("nsubj", "nsubjpass", "aux", "auxpass", "punct", "advcl", "mark")
    out = [verb]
    for c in verb.children:
        if c.dep_ not in skip:
            out += list(c.subtree)
    return out + ([also] if also is not None else [])


def _copular(doc: "Doc", tok: "Token") -> list[Req]:
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in tok.children if c.dep_ in ("attr", "acomp", "ccomp", "xcomp")), None)
    if subj is None or attr is None:
        return []
    only_way = subj.lemma_ == "way" and any(c.lower_ == "only" for c in subj.children)
    if attr.lemma_.lower() in lex.REQUIREMENT_NOUNS and attr.dep_ == "attr":
        goals = [c for c in attr.children if c.dep_ in ("prep", "acl", "relcl")]
        if goals:  # "X is a condition for Y", "X is a condition for Y to Z"
            inner = [t for g in goals[:2] for t in g.subtree if t.i != goals[0].i]
            return [(tok, text_of(doc, inner), list(subj.subtree))]
    elif subj.lemma_.lower() in lex.REQUIREMENT_NOUNS or only_way:
        goal = next((c for c in subj.children if c.dep_ in ("prep", "acl", "relcl")), None)
        conditioned = text_of(doc, [t for t in goal.subtree if t.i != goal.i]) if goal is not None else None
        return [(tok, conditioned, list(attr.subtree))]
    return []


def _dependence(doc: "Doc", tok: "Token") -> list[Req]:
    """ "X depends on Y" with X a step or a pronoun for one; "X, contingent on Y" as an adjunct."""
    lemma = tok.lemma_.lower()
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")), None)
    if lemma in lex.DEPENDENT_ADJS and tok.pos_ in ("ADJ", "VERB", "NOUN") and prep is not None \
            and tok.dep_ not in ("acomp", "ROOT", "nsubj", "dobj", "pobj"):
        host = tok.head
        subj = host if host.pos_ in ("NOUN", "PROPN") else subject_of(host)
        if subj is not None:
            return [(tok, noun_phrase(doc, subj, STEP_WORDS), [t for t in prep.subtree if t.i != prep.i])]
    if lemma in lex.DEPENDENCE and (tok.pos_ in ("VERB", "ADJ") or lemma in lex.DEPENDENT_ADJS):
        subj = subject_of(tok)
        if subj is None and tok.dep_ == "acomp":  # "the summit was under discussion, contingent on X"
            subj = subject_of(tok.head)
        # "the army's ability to move forward depends on X": a subject naming an act is a step too
        acting = subj is not None and any(c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" for c in subj.children)
        if subj is None or not (_cooperative_subject(subj) or acting or subj.lower_ in ("that", "this")):
            return []
        rest = [t for c in tok.children if c.dep_ in ("prep", "xcomp", "ccomp", "dobj", "advmod", "agent")
                for t in c.subtree if not (c.dep_ == "prep" and t.i == c.i)]  # "depends on X": X, not "on X"
        if rest:
            return [(tok, noun_phrase(doc, subj, STEP_WORDS) if subj.pos_ != "PRON" else subj.text, rest)]
    return []


def _obliged_step(doc: "Doc", tok: "Token") -> list[Req]:
    """ "any agreement must guarantee X", "the dialogue has to lead to X", "talks will be limited to X"."""
    pred = obligation(tok)
    limit = tok.lemma_.lower() in lex.LIMITS and tok.tag_ == "VBN" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    if pred is None and not limit:
        return _limited(doc, tok)
    subj = subject_of(tok)
    if not _cooperative_subject(subj) or (pred is not None and pred.lemma_.lower() in lex.RESPONSE - {"lead", "meet"}):
        return []
    if pred is not None and any(c.lower_ == "first" for c in pred.children):
        return []  # "X must come first": the sequence gives the step that waits for it (`_sequence`)
    if pred is not None and pred.lemma_.lower() in _COMPLY and any(c.dep_ == "auxpass" for c in pred.children):
        return []  # "the agreement has to be honoured": a demand to comply (§3 stance), no step conditioned on it
    body = _predicate(pred if pred is not None else tok)
    return [(tok, noun_phrase(doc, subj, STEP_WORDS), body)] if subj is not None else []


def _limited(doc: "Doc", cop: "Token") -> list[Req]:
    """A scope limit as a predicative adjective ("our engagement will be bilateral and limited to X"; the
    tagger reads "limited" as an adjective) or an exclusive "for X alone" ("the border is a matter for the
    court alone"): conditions = the subject, requirement = the predicate (§4 1.2 scope limits)."""
    if cop.lemma_ != "be":
        return []
    preds = [p for c in cop.children if c.dep_ in ("acomp", "attr") for p in [c, *c.conjuncts]]
    limited = any(p.lower_ in ("limited", "confined", "restricted") and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in p.children) for p in preds)
    alone = any(t.lower_ in _ALONE and t.dep_ == "advmod" and t.head.dep_ == "pobj" and t.head.head.lower_ == "for"
                for p in preds for t in p.subtree) or (any(c.lower_ in _ALONE and c.dep_ == "advmod" for c in cop.children)
                                                      and any(c.dep_ == "prep" and c.lower_ == "for" for c in cop.children))
    subj = subject_of(cop)
    if not (limited or alone) or subj is None or subj.pos_ == "PRON":
        return []
    if limited and not _cooperative_subject(subj):
        return []
    return [(cop, noun_phrase(doc, subj, STEP_WORDS), [t for t in _predicate(cop) if t.i != cop.i])]


def _own_step(doc: "Doc", tok: "Token") -> list[Req]:
    """ "if it wants X, it must Y" (X conditioned on Y); "Y must happen before we X"; "for X to happen, Y"."""
    if tok.dep_ == "mark" and tok.head.dep_ == "advcl":
        clause, main = tok.head, tok.head.head
        demand = obligation(main) is not None or main.lemma_.lower() in _DEMAND or (
            main.dep_ == "xcomp" and main.head.lemma_.lower() in ("have", "need"))  # "X would have to Y before"
        inside = {t.i for t in clause.subtree}
        rest = [t for t in main.subtree if t.i not in inside and t.dep_ not in ("punct",)]
        if tok.lower_ == "if" and clause.lemma_.lower() in _WANT and demand:
            goal = next((c for c in clause.children if c.dep_ in ("dobj", "xcomp", "ccomp")), None)
            if goal is not None:
                return [(tok, text_of(doc, goal.subtree), rest)]
        if tok.lower_ == "before" and demand and not negated(main):  # "they want X before they pay": paying, on X
            wanted = next((c for c in main.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
            if main.lemma_.lower() in _DEMAND and wanted is not None:
                rest = list(wanted.subtree)
            return [(tok, _assented(doc, clause) or step_phrase(doc, clause), rest)]
        step = subject_of(clause)
        if tok.lower_ == "for" and obligation(main) is not None and (clause.lemma_.lower() in lex.COOPERATIVE or (
                step is not None and step.lemma_.lower() in lex.COOPERATIVE)):  # "for the deal to be signed, X"
            return [(tok, step_phrase(doc, clause), rest)]
    if tok.lower_ == "for" and tok.dep_ in ("prep", "mark") and obligation(tok.head) is not None:
        obj = next((c for c in tok.children if c.dep_ in ("pobj", "nsubj")), None)
        verb = next((c for c in obj.children if c.dep_ in ("relcl", "acl") and any(
            a.lower_ == "to" for a in c.children)), None) if obj is not None else None
        if verb is not None and (obj.lemma_.lower() in lex.COOPERATIVE or verb.lemma_.lower() in lex.COOPERATIVE):
            purpose = {t.i for t in tok.subtree}
            rest = [t for t in tok.head.subtree if t.i not in purpose]
            passive = any(c.dep_ == "auxpass" for c in verb.children)  # "for the deal to be signed" -> signing it
            step = f"{gerund(verb.lemma_.lower())} {noun_phrase(doc, obj, STEP_WORDS)}" if passive else text_of(
                doc, [t for t in tok.subtree if t.i != tok.i])
            return [(tok, step, rest)]
    return []


def _assented(doc: "Doc", verb: "Token") -> str | None:
    """ "before Moscow would agree to a ceasefire": the step agreed to is the thing conditioned (§4 `a ceasefire`)."""
    if verb.lemma_.lower() not in ("agree", "consent"):
        return None
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if to is not None else None
    return text_of(doc, obj.subtree) if obj is not None else None


def _framework(doc: "Doc", tok: "Token") -> list[Req]:
    """A step limited to a means or framework, in the passive with a modal (§4 "must be based on", "shall be
    conducted within", 1.2 scope limits): "the border would be settled through bilateral bodies" (a verb of
    settling names the step: conditions `settling the border`, requirement `through bilateral bodies`);
    "talks will be conducted within X" (a verb of form: the subject is the step, the predicate the requirement)."""
    lemma = tok.lemma_.lower()
    # "is to be settled": the obligation of "be to", with the subject on "is"
    be_to = tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(c.lower_ == "to" for c in tok.children)
    if tok.pos_ != "VERB" or lemma not in lex.SETTLING | lex.FORM_PREDICATES or not any(
            c.dep_ == "auxpass" for c in tok.children) or not (be_to or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)):
        return []
    preps = lex.FRAME_PREPS | ({"on", "upon"} if lemma in lex.FORM_PREDICATES else {"between"})
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps), None)
    subj = next((c for c in [*tok.children, *(tok.head.children if be_to else [])]
                 if c.dep_ in ("nsubjpass", "nsubj")), None)
    if prep is None or subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return []
    if lemma in lex.SETTLING:  # "settled between A and B bilaterally": the manner adverb limits it too
        manner = [c for c in tok.children if c.dep_ == "advmod" and c.lower_.endswith("ly") and c.i > prep.i]
        return [(tok, f"{gerund(lemma)} {noun_phrase(doc, subj, STEP_WORDS)}", [*prep.subtree, *manner])]
    if not _cooperative_subject(subj):
        return []
    return [(tok, noun_phrase(doc, subj, STEP_WORDS), [tok, *prep.subtree])]


_LATER = frozenset("afterwards afterward then later thereafter".split())


def _sequence(doc: "Doc", tok: "Token") -> list[Req]:
    """ "X must come first, and Y only afterwards", "X first; only then will we Y": the later step is conditioned
    on the one put first (§4: a requirement before the holder's own step)."""
    if tok.lower_ not in _LATER or tok.dep_ != "advmod" or not (
            doc[tok.i - 1].lower_ == "only" or any(c.lower_ == "only" for c in tok.head.children)):
        return []
    later = tok.head
    first = next((v for v in reversed(doc[:tok.i]) if v.i != later.i and v.pos_ in ("VERB", "AUX")
                  and any(c.lower_ == "first" and c.dep_ == "advmod" for c in v.children)), None)
    if first is None or later.pos_ not in ("VERB", "AUX"):
        return []
    inside = {t.i for t in later.subtree}
    req = [t for t in first.subtree if t.i not in inside and t.dep_ not in ("mark", "cc")]
    only = {c.i for c in [*later.children, *tok.children] if c.lower_ == "only"} | {tok.i, tok.i - 1}
    return [(tok, step_phrase(doc, later, drop=("advcl",), exclude=frozenset(only)), req)]


def _offer(doc: "Doc", tok: "Token") -> list[Req]:
    """A demand made while offering a step ("asks for X while offering to Y"): Y is conditioned on X (§4
    "demands ... tied to")."""
    if tok.lemma_.lower() != "offer" or tok.dep_ != "advcl" or tok.head.lemma_.lower() not in _DEMAND | {"ask", "seek", "press"}:
        return []
    step = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    demand = tok.head
    asked = next((c for c in demand.children if c.dep_ == "dobj"), None) or next(
        (g for c in demand.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"), None)
    if step is None or asked is None:
        return []
    return [(tok, step_phrase(doc, step, drop=("advcl",)), list(asked.subtree))]


def requirement_statements(doc: "Doc") -> list[Req]:
    """(cue, conditioned, requirement tokens) for every requirement statement of the sentence."""
    out: list[Req] = []
    for tok in doc:
        if tok.lemma_.lower() == "be" and tok.pos_ in ("AUX", "VERB"):
            out += _copular(doc, tok)
        out += _dependence(doc, tok) or (_obliged_step(doc, tok) if tok.pos_ in ("VERB", "AUX") else [])
        out += _own_step(doc, tok)
        out += _framework(doc, tok) + _sequence(doc, tok) + _offer(doc, tok)
    return out
