"""Statements the speaker finder leaves inside another statement: a second verb of demand or attitude
coordinated with the first ("X welcomed A and pressed for B") and a participle of saying ("..., adding that C").
Codebook §6: one item per distinct claim; used by `rules.stances`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.speech import Speech, attribution_of, content_of, is_attitude_verb, phrasal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


def _act_verb(tok: "Token", own: bool) -> bool:
    """A verb that states a demand of its own ("pressed for X", "called on Y to Z"), or, coordinated with the
    attitude or reporting verb itself (`own`), any attitude ("welcomed A and rejected B"); not a verb of the
    demanded or reported content ("urged X to stop and withdraw"), nor a characterisation ("calling it X")."""
    if tok.pos_ != "VERB" or any(c.dep_ == "oprd" for c in tok.children):
        return False
    demand = tok.lemma_.lower() in lex.DEMAND_VERBS or phrasal(tok) in lex.PHRASAL_FAVOR
    return demand or own and is_attitude_verb(tok)


def coordinated_acts(doc: "Doc", speeches: list[Speech]) -> list[Speech]:
    """Codebook §6 (one item per distinct claim) on English coordination: in "X welcomed A and pressed for B",
    "X urged A to C and called on B to D" the second verb shares the first one's subject and states a second
    attitude; it is read as a statement of its own, for the same holders (a verb that already heads a
    statement of the sentence is left to it)."""
    taken = {t.i for s in speeches for t in (s.verb, s.root) if t is not None}
    out: list[Speech] = []
    for speech in speeches:
        if speech.verb is None or speech.root is None:
            continue
        heads = [speech.verb, speech.root, *(c for c in speech.root.children if c.dep_ in ("xcomp", "ccomp")),
                 *(t for t in speech.root.subtree if t.tag_ in ("VB", "VBG") and any(  # a finite verb cannot join an
                     c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ") for c in t.children))]  # infinitive: it joins above
        for head in {h.i: h for h in heads}.values():  # the parser hangs the verb on the first one's complement
            for conj in head.conjuncts:
                if conj.i in taken or conj.i < head.i or not _act_verb(conj, head.i == speech.verb.i) or any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                    continue
                tokens = {t.i for t in conj.subtree if not (t.dep_ in ("cc", "punct") and t.head.i == conj.i)} - {
                    t.i for c in conj.children if c.dep_ == "conj" for t in c.subtree}
                first, last = doc[min(tokens)], doc[max(tokens)]
                start, end = first.idx, last.idx + len(last.text)
                said = speech.verb if speech.verb.i != speech.root.i and conj.i in speech.tokens else conj
                taken.add(conj.i)
                out.append(Speech(speech.holders, conj, conj, start, end, attribution_of(doc.text, start, end, said),
                                  tokens))
        out += _added(doc, speech, taken)
    return out


def _added(doc: "Doc", speech: Speech, taken: set[int]) -> list[Speech]:
    """"X said Y welcomed A and urged B, adding that C": a participle of saying inside the statement, with a
    clause of its own, reports a further statement of the same holders (English participial adjunct)."""
    out = []
    for verb in speech.root.subtree:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if verb.i in taken or verb.dep_ != "advcl" or verb.tag_ != "VBG" or clause is None or \
                verb.lemma_.lower() not in lex.REPORTING:
            continue
        taken.add(verb.i)
        start, end, tokens = content_of(doc, clause)
        out.append(Speech(speech.holders, verb, clause, start, end, attribution_of(doc.text, start, end, verb), tokens))
    return out
