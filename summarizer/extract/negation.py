"""Negation scope read from the parse: which predicate a claim makes, and whether a cited clause negates it.

A word-level test ("is there a 'not' anywhere?") cannot tell "not" inside a complement
or a neighbouring clause from a negated statement, so it threw away correct items
("will not stop fighting" for "will continue to fight"). Here a negation counts only for
the predicate it governs (English grammar, as spaCy parses it):
- its own marks: `neg` ("not", "n't", "never"), "no longer", a negative object or subject
  ("accepts no quotas", "there will be no deal", "nobody accepts"), and for a copular
  complement the copula's ("is not ready");
- a controlling verb over an infinitive or gerund (`xcomp`): a verb of not doing ("refused
  to accept", "stopped fighting") negates it, a negated volition ("does not want to accept")
  negates it, any other controller ("denied attacking", "hesitated to") decides nothing;
- a clause is asserted only as a main clause, a coordinated one, or the complement of a
  verb of saying ("said it will never accept"); anywhere else ("dismissed claims that X",
  "until X", "if X") its negation says nothing about the speaker's position: no verdict;
- a negation bounded by a condition ("will not sign until X" is "will sign once X") or on a
  comparative ("has never been closer") is not the opposite of the plain word: no verdict;
- a controller is the same predicate only with the same complement ("wants to stay" is not
  the opposite of "does not want to leave").
Every "no verdict" keeps the item: a flip is reported only when the parse is sure.
The spaCy pipeline is the rules' (`rules.nlp`), loaded on the first check that needs it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional

from summarizer.rules import lexicon as lex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

NEGATIVE_WORDS = frozenset({"not", "n't", "never"})
NEGATIVE_PRONOUNS = frozenset({"nothing", "none", "nobody", "neither", "noone", "no-one"})
# Verbs of not doing: their infinitive or gerund complement does not happen ("refused to sign").
NOT_DOING = frozenset({"refuse", "decline", "fail", "stop", "cease", "quit", "avoid", "neglect"})
# Controllers whose plain negation negates the complement ("does not want to sign", "is not ready to talk").
CONTROL = lex.PLEDGE | frozenset("""
want wish plan intend agree try continue keep seek hope need mean expect manage dare choose decide like aim
attempt prepare begin start plan ready willing prepared able eager keen determined committed open set likely
""".split())
# Verbs of saying whose complement is what the speaker holds ("said it will never accept"); verbs that
# deny or doubt their complement are not among them.
SAYING = (lex.REPORTING | frozenset("think believe feel hope")) - frozenset(
    "deny question counter protest complain accuse charge ask allege claim doubt".split())
_BOUNDS = lex.CONDITIONAL_MARKS | lex.BOUNDING_MARKS | frozenset({"without", "till"})
_CUES = re.compile(r"\b(?:not|never|no|none|nobody|nothing|neither|nor|longer|cannot|refus\w*|declin\w*|fail\w*|"
                   r"stop\w*|ceas\w*|quit\w*|avoid\w*|neglect\w*)\b|n't", re.I)


def has_cue(text: str) -> bool:
    """A word that could negate something: without one on either side there is no flip to look for."""
    return bool(_CUES.search(text))


def _negative_noun(tok: "Token") -> bool:
    return tok.lower_ in NEGATIVE_PRONOUNS or any(
        d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither") for d in tok.children)


def _marks(tok: "Token", skip: int = -1) -> int:
    """Negations attached to the word itself (not to the child `skip`, counted on its own)."""
    count = 0
    for c in tok.children:
        if c.i == skip:
            continue
        if c.dep_ == "neg" or c.lower_ in NEGATIVE_WORDS:
            count += 1
        elif c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children):  # "no longer"
            count += 1
        elif c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and _negative_noun(c):
            count += 1
    return count


def _with_copula(tok: "Token", skip: int = -1) -> int:
    """The word's marks, and for a copular complement ("is not ready") its copula's."""
    count = _marks(tok, skip)
    if tok.dep_ in ("acomp", "attr") and tok.head.i != tok.i:
        count += _marks(tok.head, skip=tok.i)
    return count


def _bounded(tok: "Token") -> bool:
    """A condition or bound on the predicate ("will not sign until X", "never unless Y"): the negation is
    the condition's, and "will sign once X" says the same (codebook §4)."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _BOUNDS for m in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in _BOUNDS:
            return True
    return False


def negation(tok: "Token") -> Optional[int]:
    """Parity of the negations scoping over an asserted predicate; None when it is not asserted or unclear."""
    if tok.tag_ in ("JJR", "RBR") or _bounded(tok) or (tok.dep_ in ("acomp", "attr") and _bounded(tok.head)):
        return None  # "had never been closer", "will not sign until": not the opposite of the plain word
    count = _with_copula(tok) + int(tok.pos_ in ("NOUN", "PROPN") and _negative_noun(tok))
    if tok.dep_ in ("acomp", "attr"):
        tok = tok.head
    for _ in range(12):
        dep, head = tok.dep_, tok.head
        if dep == "ROOT" or head.i == tok.i:
            return count % 2
        if dep == "xcomp":
            marks = _with_copula(head, skip=tok.i)
            if head.lemma_.lower() in NOT_DOING:
                count += 1 + marks
            elif head.lemma_.lower() in CONTROL:
                count += marks
            else:
                return None  # "denied attacking", "hesitated to", "is not afraid to": entailment unknown
            if head.dep_ in ("acomp", "attr"):
                head = head.head
        elif dep in ("ccomp", "parataxis"):
            if head.lemma_.lower() not in SAYING or _marks(head, skip=tok.i):
                return None  # "dismissed claims that", "did not say that"
        elif dep != "conj":  # a coordinated predicate carries its own negation, not its partner's
            return None  # adverbial, relative and noun-complement clauses are not asserted
        tok = head
    return None


def predicates(doc: "Doc") -> list["Token"]:
    """The claim's predicate chain: the main predicate (inside a verb of saying), then its infinitives."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return []
    for _ in range(3):
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if root.lemma_.lower() not in SAYING or inner is None:
            break
        root = inner
    chain: list["Token"] = []
    tok: Optional["Token"] = root
    while tok is not None and len(chain) < 4:
        if tok.lemma_.lower() in lex.COPULAS:
            tok = next((c for c in tok.children if c.dep_ in ("acomp", "attr")), None)
            continue
        chain.append(tok)
        tok = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    return [t for t in chain if t.pos_ in ("VERB", "ADJ", "NOUN", "AUX")]


def _complement(tok: "Token") -> Optional[str]:
    """The lemma of what a controller controls ("want *to leave*"): "wants to stay" is not "wants to leave"."""
    inner = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    return None if inner is None else inner.lemma_.lower()


def flipped(claim: "Doc", cited: Iterable["Doc"]) -> Optional[str]:
    """The predicate the claim states and every asserted occurrence in the cited clauses negates the
    other way (or the reverse); None when they agree, the predicate is absent, or the parse is unsure."""
    docs = list(cited)
    for pred in predicates(claim):
        if pred.dep_ == "ROOT" and pred.tag_ in ("VB", "VBG") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in pred.children):
            return None  # a fragment ("accept quotas", polarity against) asserts nothing to contradict
        lemma = pred.lemma_.lower()
        wants = _complement(pred)
        found = [t for d in docs for t in d if t.lemma_.lower() == lemma and _complement(t) == wants]
        if not found:
            continue  # paraphrased: the next predicate of the chain, if any, decides
        mine = negation(pred)
        theirs = [negation(t) for t in found]
        if mine is None or any(r is None or r == mine for r in theirs):
            return None
        return pred.text
    return None
