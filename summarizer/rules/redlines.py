"""Red lines from modality and threat structure (codebook §5).

- refusal: negated future or volition about the holder's own act — "will not", "won't",
  "would never", "cannot accept", "is not prepared to", "refuses to", "has no intention of",
  "rules out", "X is off the table", "under no circumstances"; the line is the act, worded
  without the negation;
- "will not allow / tolerate / permit X (to) Y": decided by who performs the barred act; another
  actor -> trigger with line "X Y", the holder itself -> refusal;
- trigger: a conditional threat ("if X, we will respond") with the line taken from the
  conditional clause and the consequence from the main clause; a generic threat ("any attack
  will be met with force", "X would be treated as an act of war"); a response aimed at an act
  ("respond firmly to any repetition"); "the red line is X" / "X is a red line".
A subject that is no actor ("prices will not recover") gives no refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import noun_phrase, text_of, verb_phrase
from summarizer.rules.speakers import Holder, Speech, holder_name, holders_of, phrasal, subject_of
from summarizer.rules.stances import shorten

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Item = dict[str, Any]
Resolver = Callable[["Token"], list[Holder]]
_MODALS = frozenset("will would shall can could 'll wo ca".split())
_SELF = frozenset("we us i me ourselves itself myself themselves".split())
# collective agents that can refuse although the article does not name them as participants
_AGENTS = frozenset("opposition party side country bloc alliance coalition group leadership union".split())
# idioms of categorical refusal about the subject (§5: "X is off the table")
_IDIOMS = ("off the table", "out of the question", "up for negotiation", "up for discussion", "not negotiable",
           "non-negotiable")
_IDIOM_ENDS = frozenset(i.split()[-1] for i in _IDIOMS)
Found = tuple["Token", str, str, "str | None"]  # (anchor, line, kind, consequence)


def _modal_negation(verb: "Token") -> bool:
    kids = list(verb.children)
    neg = any(c.dep_ == "neg" or c.lower_ == "never" for c in kids)
    modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids)
    return neg and (modal or any(c.lower_ == "never" for c in kids))


def negated_future(tok: "Token") -> bool:
    return any(c.dep_ == "neg" for c in tok.children) and any(c.lemma_ == "be" for c in tok.children)


def _refusals(doc: "Doc") -> list[Found]:
    out: list[Found] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and _modal_negation(tok):
            if lemma in lex.PERMISSION:
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
                if obj is not None and obj.lower_ not in _SELF:
                    barred = [t for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp") for t in c.subtree]
                    out.append((tok, text_of(doc, barred), "trigger", None))
                    continue
            out.append((tok, verb_phrase(doc, tok), "refusal", None))
        elif lemma in lex.REFUSAL_VERBS and (x := next((c for c in tok.children if c.dep_ == "xcomp"), None)):
            out.append((tok, verb_phrase(doc, x), "refusal", None))
        elif phrasal(tok) == ("rule", "out"):
            ruled = [t for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp", "pcomp") for t in c.subtree]
            out.append((tok, text_of(doc, ruled), "refusal", None))
        elif tok.lemma_.lower() in lex.REFUSAL_NOUNS and any(c.lower_ == "no" for c in tok.children):
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
            inner = next((c for c in of.children if c.dep_ in ("pcomp", "pobj")), None) if of is not None else None
            if inner is not None:
                out.append((tok.head, verb_phrase(doc, inner) if inner.pos_ == "VERB" else noun_phrase(doc, inner),
                            "refusal", None))
        elif tok.lower_ in _IDIOM_ENDS and any(doc[max(0, tok.i - len(i.split()) + 1):tok.i + 1].text.lower() == i
                                               for i in _IDIOMS):
            verb = next((a for a in tok.ancestors if a.lemma_ == "be"), None)
            subj = subject_of(verb) if verb is not None else None
            if subj is not None and verb is not None:
                line = noun_phrase(doc, subj, keep_any=True) if subj.pos_ in ("NOUN", "PROPN") else text_of(
                    doc, subj.subtree)
                out.append((verb, line, "refusal", None))
        elif lemma == "go" and negated_future(tok) and (x := next((c for c in tok.children if c.dep_ == "xcomp"),
                                                                 None)) is not None:
            out.append((tok, verb_phrase(doc, x), "refusal", None))  # "is not going to X": negated future
        elif tok.lower_ in ("prepared", "willing", "ready") and tok.dep_ == "acomp" and \
                any(c.dep_ == "neg" for c in tok.head.children):
            x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if x is not None:
                out.append((tok.head, verb_phrase(doc, x), "refusal", None))
    return out


def _threat_verb(verb: "Token") -> bool:
    lemma = verb.lemma_.lower()
    if lemma in lex.RESPONSE:
        return True
    return any(c.lemma_.lower() in lex.RESPONSE_NOUNS for c in verb.subtree if c.dep_ in ("dobj", "pobj", "attr"))


def _triggers(doc: "Doc") -> list[Found]:
    out: list[Found] = []
    for tok in doc:
        if tok.dep_ == "mark" and tok.lower_ in ("if", "should") and tok.head.dep_ == "advcl":
            clause, main = tok.head, tok.head.head
            if _threat_verb(main) and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in main.children):
                line = text_of(doc, [t for t in clause.subtree if t.i != tok.i])
                out.append((main, line, "trigger", verb_phrase(doc, main, drop=("advcl",))))
        elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and (
                any(c.lower_ == "any" for c in tok.children) or tok.lemma_.lower() in lex.HOSTILE_ACTS):
            verb = tok.head
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) and _threat_verb(verb) \
                    and (any(c.lower_ == "any" for c in tok.children) or tok.lemma_.lower() in lex.HOSTILE_ACTS):
                line = text_of(doc, tok.subtree)
                out.append((verb, line, "trigger", verb_phrase(doc, verb)))
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("to", "against") and tok.head.head.lemma_.lower() in (
                "respond", "retaliate", "react", "answer") and (any(c.lower_ == "any" for c in tok.children)
                                                                or tok.lemma_.lower() in lex.HOSTILE_ACTS):
            verb = tok.head.head
            consequence = text_of(doc, [verb, *[c for c in verb.children if c.dep_ == "advmod"]])
            out.append((verb, noun_phrase(doc, tok, keep_any=True), "trigger", consequence))
        elif tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children) \
                and _threat_verb(tok) and not any(c.dep_ == "neg" for c in tok.children):
            target = next((t for t in tok.subtree if t.pos_ == "NOUN" and t.dep_ not in ("nsubj", "nsubjpass")
                           and any(c.lower_ == "any" for c in t.children)), None)
            if target is not None:  # "we will take measures to counter any provocation"
                aimed = {t.i for t in target.subtree}
                consequence = text_of(doc, [t for t in tok.subtree if t.i not in aimed and t.dep_ not in (
                    "nsubj", "aux", "punct") and t.i >= tok.i and t.i < target.i])
                out.append((tok, noun_phrase(doc, target, keep_any=True), "trigger", consequence or None))
        elif tok.lower_ == "line" and any(c.lower_ == "red" for c in tok.children):
            cop = tok.head
            inside = {t.i for t in tok.subtree}
            other = next((c for c in cop.children if c.dep_ in ("attr", "nsubj", "ccomp") and c.i not in inside), None)
            if cop.lemma_ == "be" and other is not None:
                out.append((cop, text_of(doc, other.subtree), "trigger", None))
    return out


def red_lines(doc: "Doc", sentence_id: int, speeches: list[Speech], resolve: Resolver, article: str) -> list[Item]:
    items: list[Item] = []
    for anchor, line, kind, consequence in _triggers(doc) + _refusals(doc):
        if len(line.split()) < 2:
            continue
        holders = holders_of(anchor, speeches)
        subj = subject_of(anchor)
        if kind == "refusal" and subj is not None and subj.pos_ == "PRON" and holders is None:
            continue  # a pronoun outside any attributed statement: no holder can be named safely
        if kind == "refusal" and subj is not None and subj.lower_ not in _SELF:
            own = resolve(subj)
            animate = lex.STATE_VOICES | lex.PERSON_ROLES | _AGENTS
            if not own and subj.pos_ != "PRON" and subj.lemma_.lower() not in animate and subj.ent_type_ not in (
                    "ORG", "NORP", "GPE", "PERSON"):
                continue  # "prices will not recover": no actor refuses anything
            holders = holders or own
        if not holders and subj is not None:
            holders = resolve(subj)
        if not holders and speeches:
            holders = speeches[0].holders
        for actor, surface in holders or []:
            items.append({"holder": holder_name(actor, surface, article), "line": shorten(line, 200), "kind": kind,
                          "consequence": shorten(consequence, 200) if consequence else None,
                          "sentences": [sentence_id]})
    return items
