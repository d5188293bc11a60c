"""Where a condition clause is and what it spans, however the parser hung it (codebook §4 signals).

- the clause a subordinator opens, also when the parser hung the subordinator on an auxiliary;
- a conditional clause parsed as a complement, told from an indirect question ("asked if X");
- the reported clause a cue bounds when the parser hung the cue on the reporting verb;
- the requirement's extent: clauses coordinated after a final condition clause join it, a second
  reported complement and an aside of place or time do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

FALLBACK = lex.REFUSAL_VERBS | frozenset("reject fail".split())  # "if they refuse to engage, we will seek X"
_MODALS = frozenset("will would shall should can could may might must 'll 'd".split())


def joined(clause: "Token", main: "Token") -> list["Token"]:
    """Clauses coordinated after a final condition clause, with a subject and no modal of their own, continue
    it ("ready to move if A disarms, B leaves and C are released": the parse may hang "C are released" on the
    main clause, which has its modal; a coordinated main clause would carry one too)."""
    if clause.i < main.i:
        return []
    doc, end = clause.doc, clause.right_edge.i
    for head in [main, *list(main.ancestors)[:3]]:
        nxt = next((c for c in head.children if c.dep_ in ("conj", "ccomp") and c.pos_ in ("VERB", "AUX")
                    and end < c.left_edge.i <= end + 2 and all(t.is_punct or t.dep_ == "cc" for t in doc[end + 1:c.left_edge.i])), None)
        if nxt is not None and any(k.dep_ in ("nsubj", "nsubjpass") for k in nxt.children) and not any(
                k.dep_ == "aux" and k.lower_ in _MODALS for k in nxt.children) and not any(
                k.dep_ == "mark" for k in nxt.children):
            return list(nxt.subtree)
    return []


def trimmed(req: list["Token"]) -> list["Token"]:
    """The requirement without a second reported complement (", and that Y") or an aside of place or time
    after a comma (", where X pledged ..."): they state something else."""
    cut: set[int] = set()
    for t in req:
        second = t.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
        aside = t.dep_ == "relcl" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == "," \
            and t.left_edge.lower_ in ("where", "when")
        if second or aside:
            cut |= {d.i for d in t.subtree}
    return [t for t in req if t.i not in cut]


# Verbs whose "if"-clause is an indirect question ("asked if X would sign"), not a condition.
_ASKING = lex.REPORTING | frozenset("ask wonder know see check decide doubt question determine learn".split())


def misread_condition(mark: "Token") -> bool:
    """A conditional clause the parser made a complement ("ready to help if they ask": "ask" as ccomp of
    "help"); after a verb of asking or knowing it is an indirect question instead."""
    clause = clause_of(mark)
    return mark.lower_ in lex.CONDITIONAL_MARKS and clause.dep_ == "ccomp" and clause.i > clause.head.i \
        and clause.head.lemma_.lower() not in _ASKING and clause.head.pos_ in ("VERB", "AUX", "ADJ")


def reported_content(main: "Token", cue: "Token") -> "Token":
    """The clause a condition hangs on when the parser hung it on the reporting verb ("said X was ready to
    talk, provided that Y"; "said X will talk, but only on Y"): the reported complement before the cue."""
    if main.lemma_.lower() not in lex.REPORTING:
        return main
    return next((c for c in reversed(list(main.children)) if c.dep_ in ("ccomp", "xcomp") and c.i < cue.i), main)


def clause_of(mark: "Token") -> "Token":
    """The verb a subordinator opens; the parser may hang the subordinator on an auxiliary ("as long as
    X keeps attacking": "as" on "keeps", itself an auxiliary of "attacking")."""
    head = mark.head
    return head.head if head.dep_ in ("aux", "auxpass") and head.head.dep_ == "advcl" else head
