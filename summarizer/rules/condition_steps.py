"""What step a condition names (codebook §4 `conditions`): a cooperative step of the main clause, a step
the holder declares itself ready for, a response in kind; and a hostile response, which makes the
sentence a threat (a red line), no condition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import noun_phrase, step_phrase, text_of, verb_phrase
from summarizer.rules.requirements import STEP_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Verbs of leaving or stopping: with them a cooperative noun names what is abandoned ("leave the treaty
# if X", "halt the arrangements if X"), a hostile step (§4: a threat is a red line, not a condition).
_EXIT = frozenset("leave quit exit abandon halt suspend cancel scrap end terminate break withdraw".split())


def cooperative(doc: "Doc", main: "Token", exclude: set[int], hostile_ok: bool = True) -> str | None:
    """The cooperative step the main clause names, as a noun phrase or a verb phrase; without
    `hostile_ok`, not a step the holder would leave or stop ("leave the treaty")."""
    own = {t.i for c in main.children if c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX")
           for t in c.subtree}  # a coordinated clause states something else
    for tok in main.subtree:
        if tok.i in exclude | own or tok.lemma_.lower() not in lex.COOPERATIVE | lex.SETTLEMENT_STEPS:
            continue
        if not hostile_ok and tok.dep_ in ("dobj", "pobj") and any(
                a.lemma_.lower() in _EXIT for a in [tok.head, tok.head.head][:1 + (tok.dep_ == "pobj")]):
            return None  # "quit the deal if X": a threat to leave, not a step conditioned on X
        if tok.pos_ in ("NOUN", "PROPN"):
            return noun_phrase(doc, tok, STEP_WORDS)
        if tok.pos_ == "VERB":
            return step_phrase(doc, tok, drop=("advcl",), exclude=frozenset(exclude))
    return None


READY = frozenset("ready prepared willing open able".split())  # a declared readiness ("remains open to X")


def readiness(doc: "Doc", main: "Token", exclude: set[int]) -> str | None:
    """A step the holder declares itself ready for ("is ready to X if Y", "prepared to X once Y")."""
    for tok in [main, *main.ancestors][:3]:
        if tok.lemma_.lower() in READY:
            step = next((c for c in tok.children if c.dep_ in ("xcomp", "prep") and c.i not in exclude), None)
            step = step if step is not None and tok is not main else main if main.pos_ == "VERB" else None
            if step is None:
                return None  # the step as a gerund phrase, without the bound or condition hung on it
            return step_phrase(doc, step, drop=("advcl",), exclude=frozenset(exclude)) if step.pos_ == "VERB" \
                else verb_phrase(doc, step, drop=("advcl",), exclude=frozenset(exclude))
    return None


def hostile(main: "Token") -> bool:
    """A hostile response in the main clause ("we will respond", "ships would be targets"): §4 says a
    threat is a red line, not a condition."""
    if main.lemma_.lower() in lex.RESPONSE and main.lemma_.lower() not in ("meet", "lead", "return"):
        return True
    return any(c.dep_ == "attr" and c.lemma_.lower() in lex.RESPONSE_NOUNS | {"target"}
               for c in main.children)


_EASING = frozenset("reciprocal reduction easing relief drawdown pullback pullout goodwill".split())


def reciprocal(doc: "Doc", main: "Token") -> str | None:
    """ "will respond with reciprocal measures, including a reduction of its troops": a response in kind to a
    cooperative step is itself a step conditioned on it, no threat (§4); the measures, else None."""
    if main.lemma_.lower() not in lex.RESPONSE:
        return None
    obj = next((g for c in main.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj"), None)
    easing = _EASING | lex.COOPERATIVE | lex.SETTLEMENT_STEPS
    if obj is None or not any(t.lemma_.lower() in easing or t.lower_ in easing for t in obj.subtree):
        return None
    return text_of(doc, [t for t in obj.subtree if t.dep_ not in ("relcl", "appos")])
