"""Topics worded as acts: the act a stance is about, as a gerund phrase with its doer (codebook §3).

Codebook §3 words a demand's topic on the demanded act with its actor ("Ruritania moving quickly
towards a deal") and a goal's on "the act or state the text names"; English names an act in a
nominal position by a gerund clause whose subject is the doer ("both sides sticking to the deal").
So the act of a clause is `doer + gerund + complements` (a controlled infinitive keeps its own form,
"X withdraw its troops", as the demand words it), where the doer is:
- the subject of the act's own clause when it is a noun ("Vantaria must never acquire X");
- the object of a verb of demand or expectation that controls the infinitive ("urged X to Y",
  "counted on X to Y", "expects X to Y", "wants X to Y": English object control);
- the object of a verb of judging an act ("accused X of Y", "thanked X for its help": X's act).
A pronoun is no doer (the reader cannot resolve it in a topic of a few words): the act alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import continued, gerund, noun_phrase, step_phrase, text_of, verb_phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

LIMIT = 12  # words: a topic is "a few words"
# Prepositions of an act judged ("accused X of Y", "thanked X for Y", "criticised X over Y"), the
# act's own preposition first: "for its part" is a frame, "of stalling" the accusation.
_ACT_PREPS = ("of", "over", "for")
_RESTRICTING = frozenset({"any", "no", "a", "an"})  # determiners after which a relative clause restricts
# Subordinators of condition and bound (lexicon's closed classes, and their multi-word forms).
_BOUNDS = (*sorted(lex.CONDITIONAL_MARKS | lex.BOUNDING_MARKS), "as long as", "in the event of", "only if")


def words(text: str) -> str:
    return " ".join(text.split()[:LIMIT])


def doer(doc: "Doc", noun: "Token | None") -> str:
    """The doer of an act as a topic names it: a noun's short phrase, nothing for a pronoun."""
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return ""
    phrase = noun_phrase(doc, noun, limit=LIMIT)  # whole, or the head with what precedes it: never cut mid-phrase
    return phrase if len(phrase.split()) <= 6 else text_of(doc, [t for t in noun.subtree if t.i <= noun.i])


def clause_act(doc: "Doc", verb: "Token") -> str:
    """"both sides should stick to the deal" → "both sides sticking to the deal"; without adverbial
    clauses (a condition or a time is not the act)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    who = doer(doc, subj)
    verb = continued(verb) or verb  # "X would keep striking": X striking
    phrase = verb_phrase(doc, verb, drop=("advcl",))
    if not who or verb.pos_ not in ("VERB", "AUX") or who in phrase or verb.text not in phrase.split():
        return without_condition(step_phrase(doc, verb, drop=("advcl",)))
    act = phrase.split()
    at = act.index(verb.text)
    return without_condition(" ".join([who, *act[:at], gerund(verb.lemma_.lower()), *act[at + 1:]]))


def without_condition(text: str) -> str:
    """An act without the condition or bound the parser left inside it ("stay shut as long as X",
    "respond in the event of X"): codebook §4 makes those a condition of their own, not the topic."""
    lowered = f" {text.lower()} "
    cut = min((lowered.find(f" {m} ") for m in _BOUNDS if f" {m} " in lowered), default=-1)
    return words(text[:cut].rstrip(" ,;") if cut > 0 else text)


def object_act(doc: "Doc", verb: "Token") -> str | None:
    """"urged both sides to exercise restraint", "counted on X to act", "wants X to cut off Y": the
    controlled act, done by the object (or by the subject of an infinitive clause)."""
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or (
        next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None)
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX")
                and (c.dep_ == "xcomp" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))), None)
    if obj is None and act is not None and act.dep_ != "advcl":  # "wants the bloc to act": the infinitive's subject
        obj = next((c for c in act.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or act is None or act.i < obj.i:
        return None
    return words(f"{doer(doc, obj)} {verb_phrase(doc, act)}".strip())


def judged_act(doc: "Doc", verb: "Token") -> str | None:
    """"accused X of stalling the talks" → "X stalling the talks"; "thanked X for its efforts" →
    "X's efforts" (the possessive pronoun is the object's)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _ACT_PREPS]
    for prep in sorted(preps, key=lambda p: _ACT_PREPS.index(p.lower_)):
        act = next((c for c in prep.children if c.dep_ in ("pcomp", "pobj")), None)
        if act is None or act.lower_ in ("what", "which"):
            continue
        who = doer(doc, obj)
        if any(c.tag_ in ("WP", "WDT") for c in act.children):  # "praised X for what he called Y": X's act
            return who or None
        if act.pos_ in ("VERB", "AUX"):
            return words(f"{who} {verb_phrase(doc, act)}".strip())
        phrase = noun_phrase(doc, act, limit=LIMIT)
        own = next((c for c in act.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if own is not None and who and phrase.lower().startswith(own.lower_ + " "):
            return words(f"{who}'s {phrase.split(' ', 1)[1]}")
        return words(phrase)
    return None


def light_act(doc: "Doc", verb: "Token") -> str | None:
    """"has no right/intention/authority to X" → X; "X has no place/chance here" → X: the light
    noun carries the attitude, the act or the subject is what it is about."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in lex.LIGHT_NOUNS), None)
    if obj is None:
        return None
    for child in obj.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX") and child.i > obj.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children):  # "no right to X", not "the plan that X"
            return words(verb_phrase(doc, child, drop=("advcl",)))
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "in", "for"):
            act = next((c for c in child.children if c.dep_ in ("pcomp", "pobj")), None)
            if act is not None and act.pos_ in ("VERB", "AUX"):
                return words(verb_phrase(doc, act, drop=("advcl",)))
            if act is not None and act.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() not in lex.PLACE_NOUNS \
                    and any(d.lower_ == "no" for d in obj.children):
                return noun_phrase(doc, act, limit=LIMIT)  # "no need for mediators" → mediators
    if obj.lemma_.lower() not in lex.PLACE_NOUNS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return noun_phrase(doc, subj, limit=LIMIT) if subj is not None and subj.pos_ != "PRON" else None


def adjective_act(doc: "Doc", word: "Token") -> str | None:
    """"ready to help", "committed to protecting civilians", "entitled to respond": the complement of a
    predicative adjective of attitude is the act the attitude is about (§3: the act the text names),
    not the adjective's subject."""
    participle = word.tag_ == "VBN" and (word.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in word.children))
    if not (participle or word.pos_ == "ADJ" and word.dep_ in ("acomp", "amod", "xcomp", "oprd", "ROOT")):
        return None
    for comp in word.children:
        if comp.dep_ == "xcomp" and comp.pos_ in ("VERB", "AUX"):
            return words(step_phrase(doc, comp, drop=("advcl",)))
        act = next((g for g in comp.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None) \
            if comp.dep_ == "prep" else None
        if act is not None:
            return words(step_phrase(doc, act, drop=("advcl",)))
    return None


def subject_phrase(doc: "Doc", verb: "Token") -> str | None:
    """The subject of a clause as a topic: a noun phrase, or a clausal subject's own words."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in ("this", "that", "it"):
        return None
    if subj.dep_ == "csubj":  # "discussing X without Y was ...": the clause is the topic
        return words(text_of(doc, list(subj.subtree)))
    return noun_phrase(doc, subj, limit=LIMIT) or None


def restricted_phrase(doc: "Doc", noun: "Token") -> str:
    """"rejects any timetable set under pressure", "will accept no extension that …": after a quantifier
    or an indefinite article the relative clause restricts the noun (English restrictive modification),
    so what is rejected is the noun as restricted, not every timetable."""
    quantified = any(d.dep_ == "det" and d.lower_ in _RESTRICTING for d in noun.children)
    clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i), None)
    if not quantified or clause is None:
        return noun_phrase(doc, noun)
    toks = [t for t in noun.subtree if t.dep_ != "det" or t.head.i != noun.i]
    return words(text_of(doc, toks))


def event_of(prep: "Token") -> "Token | None":
    """"in the event of X", "in case of X": the X a conditional preposition phrase names, else None."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
        if noun is not None and noun.lemma_.lower() in ("event", "case") else None
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def trigger_act(doc: "Doc", verb: "Token") -> str | None:
    """What a threat is against (codebook §5, 1.2: the stance that goes with a trigger red line takes the
    trigger): the conditional clause ("will retaliate if X closes the strait"), the clause of an indefinite
    subject ("whoever harms X will pay"), or "in the event of X" on the response or the verb above it."""
    for tok in (verb, verb.head):
        for c in tok.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.CONDITIONAL_MARKS for m in c.children):
                return clause_act(doc, c)
            if c.dep_ == "csubj" and any(s.dep_ == "nsubj" and s.lower_ in lex.ANYONE for s in c.children):
                return clause_act(doc, c)
            event = event_of(c)
            if event is not None:
                return noun_phrase(doc, event, limit=LIMIT, keep_any=True)
    return None


def extraposed_act(doc: "Doc", root: "Token") -> str | None:
    """"it is not impossible for X to join Y" → "X joining Y", "it is up to X to answer" → "X answering": a
    subject "it" stands in for the to-infinitive after the predicate (English extraposition), and that act,
    with its doer, is what the attitude is about (§3: the act the text names)."""
    kids = list(root.children)
    if root.lemma_.lower() not in lex.COPULAS or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in kids) \
            or any(c.dep_ == "attr" for c in kids):
        return None
    act = next((c for k in [root, *(c for c in kids if c.dep_ == "acomp")] for c in k.children
                if c.dep_ in ("advcl", "xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if act is None:
        return None
    if any(c.dep_ == "nsubj" for c in act.children):
        return clause_act(doc, act)
    up = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "up" for p in c.children
               if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"), None)
    return words(" ".join(filter(None, [doer(doc, up), step_phrase(doc, act, drop=("advcl",))])))
