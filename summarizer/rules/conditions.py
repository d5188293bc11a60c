"""Conditions: requirements a participant sets on a cooperative step, from the grammar of conditionality.

Codebook §4 ("provided (that)", "if", "only if", "unless", "as long as", "until", "the only way
to ... is", "must be based on", "shall be conducted within", "the main requirement is"), read
as English grammar:
- a conditional adverbial clause (marked by if / unless / provided (that) / as long as / once,
  or "on condition that", "in exchange for") attached to a main clause that names a cooperative
  step: conditions = that step, requirement = the subordinate clause;
- "until" bounding a negated or suspended step ("no talks until X", "the embargo remains until X");
- a requirement noun as subject of "be" ("the precondition for talks is X"), "the only way to
  X is Y", verbs of dependence ("a deal depends on X"), and a modal requirement on the form of a
  cooperative step ("talks must be based on X", "shall be conducted within X").
A hostile response in the main clause ("we will respond if attacked") is a red line, not a condition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import negated, noun_phrase, text_of, verb_phrase
from summarizer.rules.speakers import Holder, Speech, holder_name, holders_of, subject_of
from summarizer.rules.stances import shorten

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Item = dict[str, Any]
Resolver = Callable[["Token"], list[Holder]]


def _clause_tokens(clause: "Token", mark: "Token | None") -> list["Token"]:
    """The subordinate clause without its subordinator and a focusing adverb before it ("only if")."""
    focus = {c.i for c in clause.children if c.dep_ == "advmod" and c.lower_ in ("only", "even", "just")
             and mark is not None and c.i < mark.i}
    return [t for t in clause.subtree if t.i not in focus and (mark is None or (t.i != mark.i
                                                                                and t not in mark.children))]


def _cooperative(doc: "Doc", main: "Token", exclude: set[int]) -> str | None:
    """The cooperative step the main clause names, as a noun phrase or a verb phrase."""
    for tok in main.subtree:
        if tok.i in exclude or tok.lemma_.lower() not in lex.COOPERATIVE:
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            return noun_phrase(doc, tok, 8)
        if tok.pos_ == "VERB":
            return verb_phrase(doc, tok, drop=("advcl", "prep"))
    return None


def _readiness(doc: "Doc", main: "Token", exclude: set[int]) -> str | None:
    """A step the holder declares itself ready for ("is ready to X if Y", "prepared to X once Y")."""
    for tok in [main, *main.ancestors][:3]:
        if tok.lemma_.lower() in ("ready", "prepared", "willing", "open", "able"):
            step = next((c for c in tok.children if c.dep_ in ("xcomp", "prep") and c.i not in exclude), None)
            if step is not None and tok is not main:
                return verb_phrase(doc, step, drop=("advcl",))
            return verb_phrase(doc, main, drop=("advcl",)) if main.pos_ == "VERB" else None
    return None


def _hostile(main: "Token") -> bool:
    return main.lemma_.lower() in lex.RESPONSE and main.lemma_.lower() not in ("meet", "lead", "return")


def _found(doc: "Doc") -> list[tuple["Token", "Token", list["Token"], bool]]:
    """(cue, main clause head, requirement tokens, bounded) for each conditional construction."""
    found = []
    for tok in doc:
        low = tok.lower_
        if tok.dep_ == "mark" and tok.head.dep_ == "advcl":
            clause, main = tok.head, tok.head.head
            while main.dep_ == "advmod" and main.head is not main:  # "as long as": the clause hangs on "long"
                main = main.head
            long_as = low == "as" and tok.i >= 2 and doc[tok.i - 1].lower_ == "long" \
                and doc[tok.i - 2].lower_ in ("as", "so")
            if low in lex.CONDITIONAL_MARKS or long_as:
                found.append((tok, main, _clause_tokens(clause, tok), False))
            elif low in lex.BOUNDING_MARKS:
                found.append((tok, main, _clause_tokens(clause, tok), True))
        elif low in ("provided", "providing") and tok.dep_ in ("advcl", "prep", "conj", "mark"):
            clause = next((c for c in tok.children if c.dep_ in ("ccomp", "advcl", "pobj", "pcomp")), None)
            if clause is not None:
                found.append((tok, tok.head, _clause_tokens(clause, None), False))
        elif low in ("until", "till") and tok.dep_ == "prep":
            obj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                found.append((tok, tok.head, list(obj.subtree), True))
        elif tok.dep_ == "prep" and tok.lower_ in ("on", "with", "under", "within", "through") and any(
                c.lower_ == "only" for c in tok.children) and (obj := next(
                    (c for c in tok.children if c.dep_ == "pobj"), None)) is not None:
            found.append((tok, tok.head, list(obj.subtree), False))  # "talks only on a footing of X"
        elif tok.lemma_.lower() in {"condition"} | lex.EXCHANGE_NOUNS and tok.dep_ == "pobj" \
                and tok.head.lower_ in ("on", "in"):
            inner = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "prep", "relcl", "appos")), None)
            if inner is not None:
                req = [t for t in inner.subtree if t.lower_ not in ("that", "for") or t.i > inner.i + 1]
                found.append((tok, tok.head.head, req, False))
    return found


def _requirement_statements(doc: "Doc") -> list[tuple["Token", str | None, list["Token"]]]:
    """(cue, conditioned, requirement tokens) for copular, dependence and modal requirements."""
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma == "be" and tok.pos_ in ("AUX", "VERB"):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            attr = next((c for c in tok.children if c.dep_ in ("attr", "acomp", "ccomp", "xcomp")), None)
            if subj is None or attr is None:
                continue
            only_way = subj.lemma_ == "way" and any(c.lower_ == "only" for c in subj.children)
            if attr.lemma_.lower() in lex.REQUIREMENT_NOUNS and attr.dep_ == "attr":
                goal = next((c for c in attr.children if c.dep_ in ("prep", "acl", "relcl")), None)
                if goal is not None:  # "X is a condition for Y"
                    out.append((tok, text_of(doc, [t for t in goal.subtree if t.i != goal.i]), list(subj.subtree)))
            elif subj.lemma_.lower() in lex.REQUIREMENT_NOUNS or only_way:
                goal = next((c for c in subj.children if c.dep_ in ("prep", "acl", "relcl")), None)
                conditioned = text_of(doc, [t for t in goal.subtree if t.i != goal.i]) if goal is not None else None
                out.append((tok, conditioned, list(attr.subtree)))
        elif (lemma in lex.DEPENDENCE and tok.pos_ in ("VERB", "ADJ")) or (
                lemma in lex.FORM_PREDICATES and any(c.lower_ in ("must", "should", "shall") for c in tok.children)):
            subj = subject_of(tok)
            if subj is None or subj.lemma_.lower() not in lex.COOPERATIVE:
                continue
            rest = [t for c in tok.children if c.dep_ in ("prep", "xcomp", "ccomp", "dobj", "advmod", "agent")
                    for t in c.subtree]
            if lemma in lex.FORM_PREDICATES:
                rest = [tok, *rest]
            if rest:
                out.append((tok, noun_phrase(doc, subj, 8), rest))
    return out


def conditions(doc: "Doc", sentence_id: int, speeches: list[Speech], resolve: Resolver, article: str) -> list[Item]:
    items: list[Item] = []
    candidates: list[tuple["Token", str | None, list["Token"], "Token"]] = []
    for cue, main, req, bounded in _found(doc):
        if _hostile(main):
            continue  # "we will respond if attacked": a trigger (red lines)
        if bounded and not (negated(main) or main.lemma_.lower() in ("stay", "remain", "continue", "suspend", "keep",
                                                                      "halt", "freeze", "hold", "pause")):
            continue
        exclude = {t.i for t in req} | {cue.i}
        conditioned = _cooperative(doc, main, exclude) or _readiness(doc, main, exclude)
        if conditioned is None and bounded:
            subj = main if main.pos_ in ("NOUN", "PROPN") else subject_of(main)
            conditioned = noun_phrase(doc, subj, 8) if subj is not None else None
        if conditioned is None:
            continue
        candidates.append((cue, conditioned, req, main))
    candidates += [(cue, conditioned, req, cue) for cue, conditioned, req in _requirement_statements(doc)]
    for cue, conditioned, req, anchor in candidates:
        requirement = text_of(doc, req)
        if len(requirement.split()) < 2 or not conditioned:
            continue
        holders = holders_of(cue, speeches)
        if holders is None:
            subj = subject_of(anchor)
            holders = resolve(subj) if subj is not None else []
        if not holders and speeches:
            holders = speeches[0].holders
        for actor, surface in holders or []:
            items.append({"holder": holder_name(actor, surface, article), "conditions": shorten(conditioned, 80),
                          "requirement": shorten(requirement, 200), "sentences": [sentence_id]})
    return items
