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
_EXIT = frozenset("leave quit exit abandon halt suspend cancel scrap end terminate break withdraw stop".split())



def cooperative(doc: "Doc", main: "Token", exclude: set[int], hostile_ok: bool = True) -> str | None:
    """The cooperative step the main clause names, as a noun phrase or a verb phrase; without
    `hostile_ok`, not a step the holder would leave or stop ("leave the treaty")."""
    own = {t.i for c in main.children if c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX")
           for t in c.subtree}  # a coordinated clause states something else
    for tok in main.subtree:
        if tok.i in exclude | own or tok.lemma_.lower() not in lex.COOPERATIVE | lex.SETTLEMENT_STEPS:
            continue
        governors = [tok.head, tok.head.head][:1 + (tok.dep_ == "pobj")]
        governors += [g.head for g in governors[-1:] if g.dep_ == "xcomp"]  # "stop valuing the truce"
        if not hostile_ok and tok.dep_ in ("dobj", "pobj") and any(a.lemma_.lower() in _EXIT for a in governors):
            return None  # "quit the deal if X": a threat to leave, not a step conditioned on X
        if tok.pos_ in ("NOUN", "PROPN"):
            while tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
                tok = tok.head  # "the peace agreement": a compound modifier names a kind of its head noun
            return noun_phrase(doc, tok, STEP_WORDS)
        if tok.pos_ == "VERB":
            return step_phrase(doc, tok, drop=("advcl",), exclude=frozenset(exclude))
    return None


READY = frozenset("ready prepared willing open able".split())  # a declared readiness ("remains open to X")


def readiness(doc: "Doc", main: "Token", exclude: set[int]) -> tuple[str, bool] | None:
    """A step the holder declares itself ready for ("is ready to X if Y", "prepared to X once Y", "remained
    open to X as long as Y"): the phrase, and whether a verb names it (the holder's own act, "ready to host
    talks": `hosting talks`, not the bare `talks` inside it)."""
    adjectives = [c for c in main.children if c.dep_ == "acomp" and c.lemma_.lower() in READY]
    for tok in [main, *main.ancestors][:3] + adjectives:
        # "was prepared to share X": the parser may read "prepared" as a passive verb (lemma "prepare")
        if tok.lemma_.lower() in READY or tok.lower_ in READY and any(c.dep_ == "auxpass" for c in tok.children):
            step = next((c for c in tok.children if c.dep_ in ("xcomp", "prep") and c.i not in exclude), None)
            step = step if step is not None and tok is not main else main if main.pos_ == "VERB" else None
            if step is None:
                return None  # the step as a gerund phrase, without the bound or condition hung on it
            if step.pos_ == "VERB":
                return _without_examples(step, step_phrase(doc, step, drop=("advcl",), exclude=frozenset(exclude))), True
            obj = next((c for c in step.children if c.dep_ == "pobj"), None) if step.dep_ == "prep" else None
            if obj is not None and tok in adjectives:  # "open to trade with X": the step is what it is open to
                return _open_to(doc, obj, exclude), True
            return verb_phrase(doc, step, drop=("advcl",), exclude=frozenset(exclude)), False
    return None


def coordinated(doc: "Doc", noun: "Token") -> str:
    """A noun phrase with the nouns coordinated with it ("trade and free movement with its neighbours")."""
    words = [noun_phrase(doc, noun, STEP_WORDS)]
    # "dialogue and trade with its neighbours": a phrase after the last conjunct already spans them
    spanned = max((t.i for c in noun.children if c.dep_ == "prep" and c.i > noun.i for t in c.subtree), default=noun.i)
    for conj in (c for c in noun.conjuncts if c.i > spanned):
        phrase = noun_phrase(doc, conj, STEP_WORDS)
        if phrase in words[0]:
            continue  # `noun_phrase` keeps a noun coordinated with its head: the conjunct is there already
        cc = next((c.text for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i), ",")
        words += [cc, phrase]
    return " ".join(words).replace(" ,", ",")


def _open_to(doc: "Doc", obj: "Token", exclude: set[int]) -> str:
    """What a holder is open or ready to, with a phrase the parser hung on the verb right after it
    ("remained open to trade and free movement with its neighbours")."""
    words, end = coordinated(doc, obj), obj.right_edge.i
    for prep in obj.head.head.head.children:
        if prep.dep_ == "prep" and prep.i == end + 1 and not {t.i for t in prep.subtree} & exclude:
            words, end = f"{words} {text_of(doc, prep.subtree)}", prep.right_edge.i
    return words


def _without_examples(step: "Token", phrase: str) -> str:
    """The step without an aside of examples after a comma ("deepen cooperation, including joint exercises"):
    it illustrates the step, it does not name it."""
    doc = step.doc
    aside = next((t for t in step.subtree if t.lower_ in ("including", "notably") and t.i > 0
                  and doc[t.i - 1].text == ","), None)
    return phrase if aside is None else phrase.split(f", {aside.text} ")[0]


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
