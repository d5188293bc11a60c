"""Triggers: lines others must not cross, from the grammar of threats and prohibitions (codebook §5).

- a conditional threat: "if X / should X, we will respond" -> line X, consequence the main clause
  (the main clause names a hostile response: a response verb, a response noun, "there would be war");
- a generic threat: "any attack will be met with force", "such strikes will not go unanswered",
  "whoever attacks us will pay a price"; a response aimed at an act ("respond firmly to any repetition",
  "take measures to counter any provocation");
- an ultimatum: "X must stop or face consequences" -> line X; "X must free Y or face Z" -> failing to free Y;
- "the red line is X" / "X is a red line";
- prohibitions, read in `rules.prohibitions`: "X must never Y", "X will not be allowed to Y", an order to
  refrain, "unacceptable" about a general or future act (1.2).
Each returns a `rules.modality.Found`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import clause_subject, inverted_conditional, text_of, verb_phrase
from summarizer.rules.modality import Found, modal, threat_verb
from summarizer.rules.modality import negated_act as _neg
from summarizer.rules.prohibitions import act_phrase, prohibitions
from summarizer.rules.speakers import subject_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Free relatives of time and place that read as universal conditions ("we strike wherever they rebuild").
_UNIVERSAL = frozenset("whenever wherever".split())
# Verbs of walking out of a body or agreement: in a main clause with "if X", a threat, not a step.
_LEAVE = frozenset("leave quit exit abandon".split())
# Verbs of ceasing: "X must stop or face Y" draws the line at X going on.
_CEASE = frozenset("stop cease end halt".split())
# Verbs of holding a right in reserve ("keeps the right to respond if X", §5 trigger).
_RESERVE = frozenset("keep reserve retain have maintain".split())
# Heads of an infinitival promise of response ("vowed to retaliate", "a pledge to fight", "threatens to").
_PROMISE = lex.PLEDGE | frozenset("threaten threat warning warn".split())


def fronted_conditional(clause: "Token") -> "Token | None":
    """An inverted conditional the parser labels a clausal complement ("Should X agree, we will ..." with
    the clause as `ccomp` of the main verb): the fronted auxiliary, else None. English grammar: the
    inverted clause opens the sentence and comes before its main clause."""
    if clause.dep_ == "advcl":
        return inverted_conditional(clause)
    first = clause.left_edge
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if clause.dep_ == "ccomp" and clause.i < clause.head.i and first.head.i == clause.i \
            and (first.i == 0 or clause.doc[first.i - 1].is_punct) \
            and first.dep_ in ("aux", "auxpass") and first.lower_ in lex.INVERSION_AUX and subj is not None \
            and first.i < subj.i and any(t.text == "," for t in clause.doc[clause.right_edge.i:clause.head.i]):
        return first
    return None


def _threatening(main: "Token") -> bool:
    """The main clause states a hostile response: a modal response verb ("will retaliate"), or a response
    promised by a verb or noun of pledging or threat ("vowed to retaliate", "a pledge to fight", §5)."""
    if threat_verb(main) and modal(main):
        return True
    subj = subject_of(main)
    if subj is not None and subj.lemma_.lower() == "option" and any(  # "all options remain on the table"
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() == "table" for g in c.children)
            for c in main.children):
        return True
    if _reserved_right(main) or main.head.lemma_.lower() == "right" and _reserved_right(main.head.head):
        return True  # "keeps the right to resume fighting should X": a response held in reserve (§5 trigger)
    if main.lemma_.lower() in _LEAVE and modal(main) and any(c.dep_ in ("dobj", "prep") for c in main.children):
        return True  # "his party would leave the government if X": a threat to walk out (§5 trigger)
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in main.children)
    if to and main.dep_ in ("xcomp", "acl") and threat_verb(main) and main.head.lemma_.lower() in _PROMISE:
        return True
    # "answered each step with a pledge to fight if X": the promise is a noun inside the main clause
    return any(_to_infinitive(t) and threat_verb(t) and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in _PROMISE
               for c in main.children if c.dep_ in ("dobj", "prep", "ccomp") for t in c.subtree)


def _postposed_inversion(clause: "Token") -> "tuple[Token, Token] | None":
    """ "X keeps the right to fight should the talks fail", parsed as two complements of one reporting verb:
    a clause opened by an inverted auxiliary before its subject is no statement but a conditional (English
    grammar), and its main clause is the complement just before it. (auxiliary, main clause), else None."""
    first = clause.left_edge
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if clause.dep_ != "ccomp" or clause.i < clause.head.i or first.head.i != clause.i or first.dep_ != "aux" \
            or first.lower_ not in lex.INVERSION_AUX or subj is None or subj.i < first.i:
        return None
    main = next((c for c in reversed(list(clause.head.children)) if c.dep_ == "ccomp" and c.i < clause.i), None)
    return (first, main) if main is not None and main.right_edge.i == first.i - 1 else None


def _reserved_right(verb: "Token") -> bool:
    """ "keeps / reserves / retains the right to respond": the holder holds a hostile response in reserve; the
    right's infinitive names a response verb or noun ("the right to resume fighting", "to defend itself")."""
    if verb.lemma_.lower() not in _RESERVE:
        return False
    right = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "right"), None)
    act = next((c for c in right.children if _to_infinitive(c)), None) if right is not None else None
    return act is not None and any(t.lemma_.lower() in lex.RESPONSE | lex.RESPONSE_NOUNS for t in act.subtree)


def _to_infinitive(tok: "Token") -> bool:
    return tok.dep_ in ("acl", "relcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _conditional(doc: "Doc", tok: "Token") -> list[Found]:
    """ "If X, we will respond": the clause is the line, the main clause the consequence; "whenever /
    wherever X" (a universal conditional) likewise."""
    if tok.dep_ == "mark" and tok.lower_ in ("if", "should") and tok.head.dep_ == "advcl":
        clause, mark = tok.head, tok
    elif tok.lower_ in _UNIVERSAL and tok.dep_ in ("advmod", "mark") and (clause := next(
            (a for a in [tok.head, tok.head.head] if a.dep_ == "advcl"), None)) is not None:
        mark = tok  # "wherever X tries to rebuild": the word may hang on a verb inside the clause
    elif tok.dep_ in ("advcl", "ccomp") and (aux := fronted_conditional(tok)) is not None:
        clause, mark = tok, aux
    elif (found := _postposed_inversion(tok)) is not None:
        clause, mark = tok, found[0]
    else:
        return []
    main = clause.head if clause.dep_ != "ccomp" or clause.i < clause.head.i else _postposed_inversion(clause)[1]
    # "warned of severe consequences if X": the warning's own object names the response
    warns = main.lemma_.lower() in ("warn", "threaten") and (threat_verb(main) or any(
        g.lemma_.lower() in lex.RESPONSE_NOUNS for c in main.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"))
    hostile = lex.RESPONSE_NOUNS | lex.HOSTILE_ACTS
    existential = any(c.dep_ == "expl" for c in main.children) and (any(
        c.dep_ == "attr" and c.lemma_.lower() in hostile for c in main.children) or main.lower_ in hostile)
    if not (warns or existential or _threatening(main)):
        return []
    line = text_of(doc, [t for t in clause.subtree if t.i != mark.i])
    if clause.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
            and (subj := subject_of(main)) is not None:
        # "will defend its land if attacked": a reduced conditional takes the main clause's subject (English
        # ellipsis of subject and "be"), so the line is that subject undergoing the act
        line = f"{text_of(doc, subj.subtree)} being {line}"
    return [(main, line, "trigger", verb_phrase(doc, main, drop=("advcl",)), True)]


def _generic(doc: "Doc", tok: "Token") -> list[Found]:
    """ "Any attack will be met with force"; "whoever attacks us will pay"; "respond to any X"."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.REPORTING:  # "warned any attack would ignite X":
        clause = next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i  # the subject parsed
                       and getattr(clause_subject(c), "i", -1) == tok.i), None)  # as the object
        if clause is not None and modal(clause) and threat_verb(clause) and (
                any(c.lower_ == "any" for c in tok.children) or tok.lemma_.lower() in lex.HOSTILE_ACTS):
            return [(clause, act_phrase(doc, tok), "trigger", verb_phrase(doc, clause), False)]
    if tok.dep_ in ("nsubj", "nsubjpass", "csubj") and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        anyone = tok.dep_ == "csubj" and any(c.lemma_.lower() in lex.ANYONE for c in tok.children) or \
            tok.lemma_.lower() in lex.ANYONE
        generic = tok.pos_ == "NOUN" and (any(c.lower_ == "any" for c in tok.children)
                                          or tok.lemma_.lower() in lex.HOSTILE_ACTS)
        if (generic or anyone) and modal(verb) and threat_verb(verb):
            line = act_phrase(doc, tok) if generic else text_of(doc, tok.subtree)
            return [(verb, line, "trigger", verb_phrase(doc, verb), False)]
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "against") and tok.head.head.lemma_.lower() in (
            "respond", "retaliate", "react", "answer") and (any(c.lower_ == "any" for c in tok.children)
                                                            or tok.lemma_.lower() in lex.HOSTILE_ACTS):
        verb = tok.head.head
        consequence = text_of(doc, [verb, *[c for c in verb.children if c.dep_ == "advmod"]])
        return [(verb, act_phrase(doc, tok), "trigger", consequence, True)]
    if tok.pos_ == "VERB" and modal(tok) and threat_verb(tok) and not _neg(tok):
        target = next((t for t in tok.subtree if t.pos_ == "NOUN" and t.dep_ not in ("nsubj", "nsubjpass")
                       and any(c.lower_ == "any" for c in t.children)), None)
        if target is not None:  # "we will take measures to counter any provocation"
            lead = target  # and the prepositional phrase that names it ("in the event of X", "to X") is no response
            while lead.head.i != tok.i and lead.head.dep_ in ("prep", "pobj", "pcomp"):
                lead = lead.head
            aimed = {t.i for t in (lead.head if lead.head.dep_ == "prep" else lead).subtree}
            consequence = text_of(doc, [t for t in tok.subtree if t.i not in aimed and t.dep_ not in (
                "nsubj", "aux", "punct") and tok.i <= t.i < target.i])
            return [(tok, act_phrase(doc, target), "trigger", consequence or None, True)]
    return []


def _ultimatum(doc: "Doc", tok: "Token") -> list[Found]:
    """ "X must stop the raids or face consequences": the line is failing to do the demanded act."""
    if tok.dep_ != "conj" or not any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.head.children):
        return []
    demanded = tok.head
    imperative = demanded.dep_ == "ROOT" and demanded.tag_ == "VB" and subject_of(demanded) is None
    if not threat_verb(tok) or demanded.pos_ != "VERB" or not (modal(demanded) or imperative):
        return []
    subj = subject_of(demanded)
    if demanded.lemma_.lower() in _CEASE and subj is not None and subj.pos_ == "NOUN":
        # "the raids must stop or ...": the line is the raids themselves (§5 1.2 "the group's raids")
        return [(demanded, act_phrase(doc, subj), "trigger", verb_phrase(doc, tok), False)]
    act = verb_phrase(doc, demanded, drop=("advcl",))
    return [(demanded, f"failing to {act}", "trigger", verb_phrase(doc, tok), False)]


def _red_line(doc: "Doc", tok: "Token") -> list[Found]:
    if tok.lower_ == "line" and any(c.lower_ == "red" for c in tok.children):
        cop = tok.head
        inside = {t.i for t in tok.subtree}
        other = next((c for c in cop.children if c.dep_ in ("attr", "nsubj", "ccomp") and c.i not in inside),
                     None) or subject_of(cop)
        if cop.lemma_ == "be" and other is not None:
            return [(cop, text_of(doc, other.subtree), "trigger", None, False)]
    return []


def _in_the_event(doc: "Doc", tok: "Token") -> list[Found]:
    """ "a strong response in the event of any attack", "will retaliate in case of X": X is the trigger;
    "would expand its fleet in response to any build-up of X": a step announced as the response to an act
    (any such act, or a hostile one) makes that act the trigger whatever the step (§5)."""
    if tok.lower_ not in ("event", "case", "response") or tok.head.lower_ != "in" or tok.dep_ != "pobj":
        return []
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == ("to" if tok.lower_ == "response"
                                                                             else "of")), None)
    act = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    host = tok.head.head
    hostile = host.lemma_.lower() in lex.RESPONSE_NOUNS or (host.pos_ == "VERB" and threat_verb(host))
    if tok.lower_ == "response":  # the phrase names the response; the act must be one to come, the step announced
        hostile = act is not None and host.pos_ == "VERB" and modal(host) and not _neg(host) and (
            any(c.lower_ == "any" for c in act.children) or act.lemma_.lower() in lex.HOSTILE_ACTS)
    if act is None or not hostile:
        return []
    anchor = host if host.pos_ == "VERB" else next((a for a in host.ancestors if a.pos_ == "VERB"), host)
    response = text_of(doc, [t for t in host.subtree if t.i < tok.head.i and t.dep_ not in ("nsubj", "punct")])
    return [(anchor, act_phrase(doc, act), "trigger", response or None, True)]


def triggers(doc: "Doc") -> list[Found]:
    """Every trigger construction of the sentence (a red-line statement or a conditional threat first)."""
    out: list[Found] = []
    for tok in doc:
        out += _red_line(doc, tok) or _conditional(doc, tok) or _generic(doc, tok)
        out += _ultimatum(doc, tok) + prohibitions(doc, tok) + _in_the_event(doc, tok)
    return out
