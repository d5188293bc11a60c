"""The topic of a stance: what the attitude is about, read from the construction that decided it.

Codebook §3: the topic is the object of the attitude worded without negation; "word the topic as
the act or state the text names and let polarity carry the attitude". So:
- a judgement by a copula or a verb of characterisation is about its subject or object ("X was a
  road to nowhere", "called the move a provocation" → X, the move), not about the judging noun;
- an accusation or praise "of/for" an act is about the actor's act ("accused X of stalling" →
  "X stalling");
- a demand is about the demanded act ("urged X to withdraw its troops" → "X withdraw its troops");
- otherwise the noun phrase of `topic_of` (below), or the predicate itself when that phrase is only
  a name (an actor is no topic: "ready to help Moldova" is about helping Moldova).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.acts import LIMIT as _LIMIT
from summarizer.rules.acts import adjective_act, clause_act, extraposed_act, judged_act, light_act, object_act, restricted_phrase, \
    subject_phrase, trigger_act, words
from summarizer.rules.clauses import clause_subject, noun_phrase, object_complement, step_phrase, text_of, verb_phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Nouns of purpose: in "the goal is to reopen the route" the copula specifies the goal, so the
# predicate is what the holder wants (English specificational copula; §3 word the act the text names).
_PURPOSE_NOUNS = frozenset({"goal", "aim", "objective", "purpose", "priority", "task", "target", "intention",
                            "job", "mission", "duty", "role"})
# "be in favour of X": the attitude noun of the prepositional predicate points at its "of" object.
_FAVOUR_NOUNS = frozenset({"favour", "favor", "support"})
_EXISTENTIAL = ("expl", "aux", "mark", "neg", "punct")  # the frame of "there be (no) X", not X
_ATTITUDE = ("attitude", "judged")  # an attitude or characterisation verb: its "as" phrase predicates
# Fixed adverbial "as" phrases ("business as usual", "as planned"): no secondary predicate.
_ADVERBIAL_AS = frozenset({"usual", "planned", "expected", "before", "well", "always", "ever", "such"})


def _judged_thing(doc: "Doc", word: "Token") -> str | None:
    verb = word if word.lemma_.lower() in lex.COPULAS | lex.CHARACTERISE else word.head
    if verb.lemma_.lower() in lex.CHARACTERISE:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return noun_phrase(doc, obj, limit=_LIMIT) if obj is not None and obj.pos_ != "PRON" else None
    if verb.lemma_.lower() in lex.COPULAS or word.dep_ in ("attr", "acomp"):
        return subject_phrase(doc, verb)
    return None


def stance_topic(doc: "Doc", root: "Token", word: "Token | None", how: str, allowed: set[int] | None,
                 verb: "Token | None" = None) -> str | None:
    """The topic for a stance whose polarity was decided by `word` in the way `how` names
    (rules.polarity: attitude, demand, judged, threat, plain, mention)."""
    found: str | None = _purpose_topic(doc, root) or extraposed_act(doc, root) or (
        _copular_topic(doc, root) if how == "plain" else None)
    if how == "plain" and not found and root.pos_ == "VERB":  # "counted on X to act": X's act
        found = object_act(doc, root) or (clause_act(doc, root) if _announced(root) and _named_doer(root) else None)
    if found:
        return found
    if how == "attitude" and word is not None and word.pos_ == "NOUN" and word.lemma_.lower() in lex.LIGHT_NOUNS:
        found = light_act(doc, word.head)  # "has no intention of lifting X": the act, not the intention
    if how == "attitude" and word is not None:
        found = found or _characterised(doc, word) or adjective_act(doc, word)
    if found:
        return found
    if how == "judged" and word is not None and word.dep_ == "prep":  # "no alternative to X" → X
        obj = next((c for c in word.children if c.dep_ == "pobj"), None)
        found = noun_phrase(doc, obj, limit=_LIMIT) if obj is not None else None
    elif how == "judged" and word is not None:
        found = _judged_thing(doc, word)
    elif how == "red line" and word is not None:  # the side of "X is our red line" that is not the line
        found = words(verb_phrase(doc, word)) if word.pos_ in ("VERB", "AUX") else noun_phrase(
            doc, word, limit=_LIMIT, keep_any=True)
    elif how == "threat" and word is not None and trigger_act(doc, word):
        found = trigger_act(doc, word)  # §5 1.2: a threat's stance is against its trigger
    elif how == "threat" and word is not None:
        aimed = next((g for c in word.children if c.dep_ == "prep" and c.lower_ in ("to", "against")
                      for g in c.children if g.dep_ == "pobj"), None)  # "respond to the step" -> the step
        found = noun_phrase(doc, aimed, limit=_LIMIT) if aimed is not None and word.lemma_.lower() in \
            lex.RETALIATION else subject_phrase(doc, word if word.pos_ in ("VERB", "AUX") else word.head)
        subj = clause_subject(word) if not found and word.pos_ == "VERB" else None
        found = found or (noun_phrase(doc, subj, limit=_LIMIT, keep_any=True) if subj is not None else None)
    elif how == "attitude" and word is not None and word.lemma_.lower() in lex.ACT_JUDGING:
        found = judged_act(doc, word)
    elif how == "demand" and any(c.dep_ == "expl" for c in root.children):  # "demanded there be no X on Y"
        found = words(text_of(doc, [t for t in root.subtree if t.i != root.i and t.dep_ not in _EXISTENTIAL
                                    and not (t.dep_ == "det" and t.lower_ in ("no", "any"))]))
    elif how == "demand" and root.pos_ in ("VERB", "AUX") and (verb is None or root.i != verb.i):
        addressed = object_act(doc, verb) if verb is not None and root.head.i == verb.i else None  # "called on X to Y"
        found = object_act(doc, root) or addressed or clause_act(doc, root)  # "expects X to Y"; "both sides must Y"
    elif how == "demand" and word is not None:
        found = object_act(doc, word)
    elif how == "attitude" and word is not None:
        found = object_act(doc, word)
    if not found and (word or root).lemma_.lower() in lex.CHARACTERISE:
        obj = next((c for c in (word or root).children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
        found = noun_phrase(doc, obj, limit=_LIMIT).split(" as ")[0] if obj is not None else None
    if not found:
        found = light_act(doc, word or root)
    if found:
        return _without_predicative_as(doc, word, found) if word is not None and how in _ATTITUDE else found
    topic = topic_of(doc, root, word, allowed)
    topic = _without_predicative_as(doc, word, topic) if topic and word is not None and how in _ATTITUDE else topic
    if topic is not None and root.pos_ == "VERB" and _only_a_name(doc, topic):
        phrase = words(verb_phrase(doc, root))
        return phrase if len(phrase.split()) > len(topic.split()) else topic
    return topic


def _only_a_name(doc: "Doc", topic: str) -> bool:
    """The phrase is a bare proper name (an actor or place), not a thing one can be for or against."""
    words = [w for w in topic.split() if w.lower() not in ("the", "a", "an")]
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def _characterised(doc: "Doc", word: "Token") -> str | None:
    """"called the vote a sham", "called the strikes an act of war": the attitude noun is the
    predicate of a verb of characterisation, so the topic is the thing characterised (§3)."""
    if object_complement(word):  # "called the move reckless": the object is what is judged
        obj = word.head
        while obj.dep_ in ("pobj", "prep"):
            obj = obj.head
        return noun_phrase(doc, obj, limit=_LIMIT)
    tok, steps = word, 0
    while tok.dep_ in ("oprd", "attr", "pobj", "prep", "conj", "appos") and steps < 4:
        tok, steps = tok.head, steps + 1
    if tok.i == word.i or tok.lemma_.lower() not in lex.CHARACTERISE:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ != "PRON" and c.i < word.i), None)
    return noun_phrase(doc, obj, limit=_LIMIT).split(" as ")[0] if obj is not None else None


def _without_predicative_as(doc: "Doc", verb: "Token", topic: str) -> str:
    """"dismissed the remarks as predictable" → "the remarks": an "as" phrase after a verb's object
    is a secondary predicate on the object (English grammar), not part of the topic."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in (c for c in [*obj.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i):
            cut = text_of(doc, list(prep.subtree))
            if any(c.lower_ in _ADVERBIAL_AS for c in prep.children):
                continue
            if cut and f" {cut}" in topic and topic.split(f" {cut}")[0].strip():
                return topic.split(f" {cut}")[0].strip()
    return topic


def _announced(verb: "Token") -> bool:
    """A step announced or refused ("the army will stay", "the group would not hand over its arms"): a modal
    of prospect or a negation on the verb; the topic is the act with its doer (§3: the act the text names)."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in lex.PROSPECTIVE for c in verb.children)


def _ranked(noun: "Token") -> bool:
    """A noun ranked by an ordinal or a superlative ("the first guarantee", "the best way") names a role."""
    return any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.tag_ == "JJS") for c in noun.children)


def _named_doer(verb: "Token") -> bool:
    """The act's subject is a noun: a pronoun is most often the holder, whose stance is on the act's object."""
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _purpose_topic(doc: "Doc", root: "Token") -> str | None:
    """"the goal is to reopen the route", "Europe's job is to keep X strong": the act the purpose names."""
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if root.lemma_.lower() not in lex.COPULAS or subj is None or subj.lemma_.lower() not in _PURPOSE_NOUNS:
        return None
    pred = next((c for c in root.children if c.dep_ in ("xcomp", "attr", "ccomp")), None)
    if pred is None:
        return None
    return words(step_phrase(doc, pred, drop=("advcl",))) if pred.pos_ in ("VERB", "AUX") else noun_phrase(
        doc, pred, limit=_LIMIT)


def _copular_topic(doc: "Doc", root: "Token") -> str | None:
    """A plain copula: "the goal is to X" → X; "X is in favour of Y" → Y; "X remains in place" → X
    (a preposition with a bare noun is an idiomatic state of the subject, so the subject is the topic)."""
    if root.lemma_.lower() not in lex.COPULAS:
        return None
    kids = list(root.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    attr = next((c for c in kids if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    due = next((g for c in attr.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                if g.dep_ == "pobj"), None) if attr is not None and attr.lemma_.lower() == "time" else None
    if due is not None:  # "it is time for a change": what it is time for
        return noun_phrase(doc, due, limit=_LIMIT)
    if attr is not None and subj is not None and _ranked(subj):  # "the first guarantee is a strong army": the
        return noun_phrase(doc, attr, limit=_LIMIT)  # subject is a role the predicate fills (specificational)
    if attr is not None and not any(c.dep_ == "expl" for c in kids):
        return subject_phrase(doc, root)  # "the deal was the fruit of X", "X is a commitment": X is the topic
    if any(c.dep_ in ("attr", "acomp", "xcomp", "ccomp", "expl") for c in kids):
        return None
    for prep in (c for c in kids if c.dep_ == "prep"):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.lemma_.lower() in _FAVOUR_NOUNS:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return noun_phrase(doc, obj, limit=_LIMIT) if obj is not None else None
    if subj is None or subj.pos_ == "PRON" or root.lemma_.lower() not in ("be", "remain", "stay"):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("on", "off") and any(  # "X is not on the table" (§5): X
            n.dep_ == "pobj" and n.lemma_.lower() in lex.TABLE_NOUNS for n in c.children) for c in kids):
        return subject_phrase(doc, root)
    if not any(c.dep_ == "prep" and any(n.dep_ == "pobj" and n.pos_ == "NOUN" and not any(  # "in place",
            d.dep_ in ("det", "poss") for d in n.children) for n in c.children) for c in kids):  # "on hold"
        return None  # a bare noun after the preposition: an idiomatic state, not a place or a thing
    phrase = subject_phrase(doc, root)
    return phrase if phrase and not _only_a_name(doc, phrase) else None


def _is_content_noun(tok: "Token") -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and not tok.is_stop and len(tok.text) > 2


def _objective(tok: "Token") -> bool:
    """A noun the attitude can be about: not a date or a time, which English puts in adjuncts ("agreed in
    July on X", "in recent days"), never as what one is for or against."""
    return _is_content_noun(tok) and tok.ent_type_ not in ("DATE", "TIME")


def topic_of(doc: "Doc", root: "Token", word: "Token | None", allowed: set[int] | None = None) -> str | None:
    """The object of the attitude word, else of the predicate, else the content's first noun phrase."""
    for head in [w for w in (word, root) if w is not None]:
        if head.pos_ in ("NOUN", "PROPN") and head is word and head.dep_ != "ROOT":
            return noun_phrase(doc, head)
        patient = next((c for c in head.children if c.dep_ == "nsubjpass" and _objective(c)), None)
        if head is word and patient is not None:  # "access will be restored": what the attitude acts on
            return noun_phrase(doc, patient)
        for child in head.children:
            if child.dep_ in ("dobj", "attr", "oprd") and _objective(child):
                return restricted_phrase(doc, child) if child.dep_ == "dobj" else noun_phrase(doc, child)
            if child.dep_ == "prep":
                obj = next((c for c in child.children if c.dep_ == "pobj" and _objective(c)), None)
                if obj is not None and child.lower_ in ("to", "for", "on", "with", "against", "from", "of", "in"):
                    return noun_phrase(doc, obj)
            if child.dep_ == "xcomp" and child.pos_ == "VERB" and head.pos_ == "VERB" and any(
                    c.dep_ in ("dobj", "prep", "prt") for c in child.children):
                return " ".join(step_phrase(doc, child, drop=("advcl",)).split()[:12])  # "agreed to halt X": the act
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
                inner = next((c for c in child.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                              and _objective(c)), None)
                if inner is not None:
                    return noun_phrase(doc, inner)
    for chunk in doc.noun_chunks:
        if (allowed is None or chunk.root.i in allowed) and _is_content_noun(chunk.root) \
                and chunk.root.ent_type_ not in ("PERSON", "DATE", "TIME", "CARDINAL"):
            return noun_phrase(doc, chunk.root)
    return None
