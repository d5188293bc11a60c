"""Refusals (codebook §5): negated future or volition about the holder's own act.

- "will not", "won't", "would never", "cannot accept", "would accept no X", "is not prepared to",
  "refuses to", "has no intention of", "rules out", "is not going to"; the line is the act, worded
  without the negation;
- "will not allow / tolerate / permit X (to) Y": decided by who performs the barred act; another
  actor -> trigger with line "X Y", the holder itself -> refusal;
- idioms of the negotiating table: "X is off the table / not on the table / not up for
  negotiation / out of the question / non-negotiable" (§5 "X is off the table");
- "there will be no X" (1.2): X a concession or talks -> refusal, else (others' presence) -> trigger;
- "X is not something we are going to Y"; "pledged not to X" (1.2); "we do not accept / bow to X";
- "never at the cost of X"; "will continue X with or without a deal" / "regardless" / "whatever Y says"
  (line: halting X);
- a negated modal passive of the holder's own ("we will not be bought", "it would not be dragged into X"):
  the holder refuses to undergo it, line "being dragged into X"; "we will not be a party to X" (a role the
  holder refuses, line "being a party to X"). Passives of permission stay triggers (`rules.prohibitions`).
The holder and the check that the subject is an actor are `rules.redlines`'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import noun_phrase, step_phrase, text_of, verb_phrase
from summarizer.rules.modality import MODALS as _MODALS
from summarizer.rules.modality import SELF as _SELF
from summarizer.rules.modality import Found, backshifted, modal
from summarizer.rules.speakers import phrasal, subject_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Verbs of cognition and memory: negated, they state no volition ("we will not forget X"), so no refusal.
_STATIVE = frozenset("forget remember know believe think understand doubt feel expect wonder".split())
# Nouns of "no way of X" / "no basis to X": the holder sees no path to its own act X (§5 refusal).
_NO_WAY = frozenset("way basis".split())
# Nouns that name the negotiating itself: "talks on X are off the table" needs no verb added (§5).
_TALKS = frozenset("talk negotiation dialogue discussion".split())
# Collective agents that can refuse although the article does not name them as participants.
_AGENTS = frozenset("""opposition party side country bloc alliance coalition group leadership union movement
resistance faction militia organisation organization nation people confederation federation community junta
""".split())
# Subject nouns that name who acts: never the thing a refused step is worded on ("the opposition would not
# negotiate" -> "negotiating", not "negotiating the opposition").
ANIMATE = lex.STATE_VOICES | lex.PERSON_ROLES | _AGENTS
# Modals of will: "we will not be bought" refuses; "X cannot / could not be left alone" judges (§5).
_VOLITION = frozenset("will would shall 'll wo".split())
# Modals of possibility: "a backlash it might not survive" is a guess, no categorical refusal (§5).
_EPISTEMIC = frozenset("may might".split())


def _modal_negation(verb: "Token") -> bool:
    """ "will not X", "would never X", "would accept no X": negated modality on the verb or its object."""
    kids = list(verb.children)
    neg = any(c.dep_ == "neg" or c.lower_ == "never" for c in kids) or any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in kids)
    modal = any(c.dep_ == "aux" and c.lower_ in _MODALS - lex.OBLIGATION - _EPISTEMIC for c in kids)
    if any(c.dep_ == "aux" and c.lower_ in lex.OBLIGATION for c in kids):
        return False  # "X must not Y" is a prohibition (rules.prohibitions)
    # "we never negotiate under fire": a habitual present; "has never accepted" only reports the past
    habitual = verb.tag_ in ("VBP", "VBZ", "VB") and any(c.lower_ == "never" for c in kids)
    return neg and (modal or habitual) and verb.dep_ != "relcl"  # a relative clause describes, it does not refuse


def _without_stray_clause(doc: "Doc", verb: "Token", line: str) -> str:
    """ "would not accept any deal that X, and that an attack on Y would be answered": a "that" clause with
    its own subject coordinated after a relative clause whose "that" is the subject is no second relative
    (it would lack its subject); it is a second reported clause the parse hung there, no part of the line."""
    for rel in (t for t in verb.subtree if t.dep_ == "relcl"):
        if not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in rel.children):
            continue
        for conj in (c for c in rel.children if c.dep_ == "conj" and c.i > rel.i):
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in conj.children) and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                start = min(t.i for t in rel.children if t.dep_ == "cc" and t.i < conj.i) \
                    if any(t.dep_ == "cc" and t.i < conj.i for t in rel.children) else conj.left_edge.i
                cut = line.find(" ".join(doc[start:conj.right_edge.i + 1].text.split()))
                return line[:cut].rstrip(" ,;") if cut > 0 else line
    return line


def _future_rejection(verb: "Token") -> bool:
    """A rejection announced for the future with "will"/"would" ("would turn down X", "will reject any deal
    that ..."): a categorical refusal to accept X, not the plain "rejects" of a stance (§5)."""
    rejecting = phrasal(verb) == ("turn", "down") or verb.lemma_.lower() in ("reject", "decline")
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children)
    return verb.pos_ == "VERB" and rejecting and future and not _modal_negation(verb) and any(
        c.dep_ == "dobj" for c in verb.children) and verb.dep_ != "relcl"


def _conditional_inability(verb: "Token") -> bool:
    """ "cannot X without Y": an inability tied to a cost, an assessment rather than a categorical refusal."""
    if verb.lemma_.lower() in lex.CONCESSION:
        return False  # "we cannot accept promises without controls": §5 "cannot accept" is a refusal cue
    return any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "without" for c in verb.children)


def negated_future(tok: "Token") -> bool:
    return any(c.dep_ == "neg" for c in tok.children) and any(c.lemma_ == "be" for c in tok.children)


def _table_idiom(doc: "Doc", tok: "Token") -> list[Found]:
    """ "X is off the table", "not on the table/agenda", "not up for negotiation", "out of the question"."""
    if tok.dep_ not in ("prep", "prt", "acomp") or tok.lower_ not in ("off", "on", "up", "out"):
        return []
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if tok.lower_ == "off" and tok.head.lemma_ != "be" and obj is not None and obj.lemma_.lower() in lex.TABLE_NOUNS:
        # "took X off the agenda": the parse may hang "off" on a verb inside the object
        verb = next((a for a in tok.ancestors if a.lemma_.lower() in ("take", "remove", "put")), None)
        taken = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
        return [(verb, noun_phrase(doc, taken), "refusal", None, True)] if verb and taken is not None else []
    if tok.head.lemma_ != "be":
        return []
    cop, low = tok.head, tok.lower_
    negated = any(c.dep_ == "neg" for c in cop.children)
    inner = next((c for c in tok.children if c.dep_ == "prep"), None)
    table = obj is not None and obj.lemma_.lower() in lex.TABLE_NOUNS
    hit = (low == "off" and table) or (low == "on" and table and negated) or (
        low == "up" and negated and inner is not None and inner.lower_ == "for") or (
        low == "out" and inner is not None and any(g.lemma_ == "question" for g in inner.children))
    subj = subject_of(cop) or next((c for c in cop.children if c.dep_ == "csubj"), None)
    if not hit or subj is None:
        return []
    line = noun_phrase(doc, subj, keep_any=True) if subj.pos_ in ("NOUN", "PROPN") else text_of(doc, subj.subtree)
    negotiating = low == "up" or (table and obj.lemma_.lower() == "table")  # the negotiating table
    if negotiating and subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() not in lex.COOPERATIVE:
        line = f"negotiating {line}"  # §5 "talks on our missiles are off the table": negotiating on them
    elif table and subj.pos_ == "NOUN" and subj.lemma_.lower() in lex.COOPERATIVE | lex.CONCESSION_NOUNS \
            and subj.lemma_.lower() not in _TALKS:
        line = f"accepting {line}"  # "mediation is not on the table": the holder's act is to accept it
    return [(cop, line, "refusal", None, False)]


def _existential(doc: "Doc", tok: "Token") -> list[Found]:
    """ "there will be no X" / "there can be no X" (1.2): concessions or talks are the holder's own act."""
    if tok.lemma_ != "be" or not any(c.dep_ == "expl" for c in tok.children):
        return []
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
        return []  # "there is no alternative": a present statement of fact; §5 1.2 is "there will / can be no X"
    attr = next((c for c in tok.children if c.dep_ == "attr" and any(d.lower_ == "no" for d in c.children)), None)
    if attr is None or attr.lemma_.lower() in lex.REFUSAL_NOUNS:
        return []
    own = attr.lemma_.lower() in lex.CONCESSION_NOUNS or any(c.lower_ in ("our", "my") for c in attr.children)
    line = noun_phrase(doc, attr)
    if attr.conjuncts or attr.pos_ == "PROPN":  # "no Hamas and no Palestinian Authority in post-war Gaza"
        place = [t for c in tok.children if c.dep_ == "prep" for t in c.subtree]
        line = " ".join(w for w in text_of(doc, [*attr.subtree, *place]).split() if w.lower() != "no")
    return [(tok, line, "refusal" if own else "trigger", None, False)] if len(line.split()) >= 1 else []


def _categorical(doc: "Doc", tok: "Token") -> list[Found]:
    """ "X is not something / one we will Y"; "pledged not to X"; "we do not accept X"; "never at the cost of X";
    "will go on X with or without a deal", "whatever Y says"."""
    lemma = tok.lemma_.lower()
    if lemma in ("something", "thing", "one") and tok.dep_ == "attr":
        rel = next((c for c in tok.children if c.dep_ == "relcl"), None)
        # "signing X before Y is something we cannot accept": a clausal subject names the refused act
        subj = subject_of(tok.head) or next((c for c in tok.head.children if c.dep_ == "csubj"), None)
        denied = rel is not None and any(c.dep_ == "neg" for c in rel.children) and any(
            c.dep_ == "aux" and c.lower_ in _MODALS - lex.OBLIGATION for c in rel.children)  # "we cannot accept"
        # "X is not something we will discuss / we accept"; "X is not something we appreciate" is a judgement
        volition = rel is not None and (rel.lemma_ in ("go", "want") or rel.lemma_.lower() in lex.CONCESSION or any(
            c.dep_ == "aux" and c.lower_ in _MODALS for c in rel.children))
        if rel is not None and subj is not None and (any(c.dep_ == "neg" for c in tok.head.children) and volition
                                                     or denied or _modal_negation(rel) or negated_future(rel)):
            act = next((c for c in rel.children if c.dep_ == "xcomp"), rel) if rel.lemma_ == "go" else rel
            what = noun_phrase(doc, subj) if subj.pos_ in ("NOUN", "PROPN") else text_of(doc, subj.subtree)
            if subj.pos_ == "VERB" and act.lemma_.lower() in lex.CONCESSION:
                return [(rel, what, "refusal", None, True)]  # "signing X is something we cannot accept": signing X
            return [(rel, f"{step_phrase(doc, act)} {what}", "refusal", None, True)]
    if lemma in lex.PLEDGE and tok.pos_ == "VERB":
        x = next((c for c in tok.children if c.dep_ == "xcomp" and any(
            d.dep_ == "neg" or d.lower_ == "never" for d in c.children)), None)
        if x is not None:
            return [(tok, step_phrase(doc, x, keep_conj=True), "refusal", None, True)]
    if lemma in lex.CONCESSION and tok.pos_ == "VERB" and any(c.dep_ == "neg" for c in tok.children) and any(
            c.dep_ == "aux" and c.lower_ in ("do", "does") for c in tok.children):
        return [(tok, step_phrase(doc, tok, drop=("dep",)), "refusal", None, True)]  # "dep": a transcript label
    if tok.lower_ == "at" and tok.dep_ in ("prep", "conj") and any(c.lower_ in ("never", "not") for c in tok.children):
        cost = next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_ in ("cost", "expense", "price")), None)
        if cost is not None:
            return [(tok.head, text_of(doc, [t for t in tok.subtree if t.lower_ not in ("never", "not")]),
                     "refusal", None, True)]
    if tok.lower_ == "without" and tok.dep_ == "conj" and tok.head.lower_ == "with" or (
            tok.lower_ == "regardless" and tok.dep_ == "advmod"):
        verb = tok.head.head if tok.lower_ == "without" else tok.head
        if verb.pos_ == "VERB":
            return [_halting(doc, verb, frozenset())]
    if tok.lower_ == "whatever" and tok.head.dep_ in ("ccomp", "advcl") and tok.head.lemma_.lower() in lex.REPORTING \
            and tok.head.head.pos_ == "VERB" and tok.head.i > tok.head.head.i:
        # "we will keep X whatever they say": a concessive free relative, the act goes on regardless (§5)
        verb = tok.head.head
        while verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":  # "would continue to train X whatever Y said"
            verb = verb.head
        return [_halting(doc, verb, frozenset(t.i for t in tok.head.subtree))] if modal(verb) else []
    return []


def _halting(doc: "Doc", verb: "Token", exclude: frozenset[int]) -> Found:
    """ "will continue X regardless": the refused act is halting X, its verb as a gerund ("keep training the
    troops" -> "halting training the troops", never "halting train")."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None) \
        if verb.lemma_.lower() in ("continue", "keep", "go") else None
    drop = ("prep", "advmod", "advcl", "npadvmod")
    return (verb, f"halting {step_phrase(doc, act or verb, drop=drop, exclude=exclude)}", "refusal", None, True)


def _undergone(doc: "Doc", tok: "Token") -> list[Found]:
    """ "We will not be bought", "it would not be dragged into a war": a negated modal passive of the holder's
    own (whether the subject is an actor is `rules.redlines`' check); "we will not be a party to X"."""
    subj = subject_of(tok)
    if subj is None or not _modal_negation(tok) or tok.dep_ == "relcl":
        return []
    if not any(c.dep_ == "aux" and c.lower_ in _VOLITION for c in tok.children):
        return []  # "X could not be left without water": a judgement of what may happen to X, no refusal by X
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children) and subj.dep_ == "nsubjpass" \
            and tok.lemma_.lower() not in lex.PERMISSION | {"accept"} | _STATIVE:
        return [(tok, f"being {verb_phrase(doc, tok)}", "refusal", None, True)]
    attr = next((c for c in tok.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if tok.lemma_ == "be" and attr is not None and subj.lower_ in _SELF:
        return [(tok, f"being {text_of(doc, attr.subtree)}", "refusal", None, True)]
    return []


def refusals(doc: "Doc") -> list[Found]:
    out: list[Found] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        out += _table_idiom(doc, tok) + _existential(doc, tok) + _categorical(doc, tok)
        if tok.pos_ in ("VERB", "AUX") and (found := _undergone(doc, tok)):
            out += found
        elif tok.pos_ == "VERB" and _modal_negation(tok):
            if lemma in lex.PERMISSION:
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
                if obj is not None and obj.lower_ not in _SELF:
                    barred = [t for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp") for t in c.subtree]
                    out.append((tok, text_of(doc, barred), "trigger", None, True))
                    continue
            if _conditional_inability(tok):
                continue
            if not any(c.dep_ == "auxpass" for c in tok.children) and lemma not in _STATIVE:  # passives: triggers
                actor = {s.i for s in tok.children if s.dep_ == "nsubj" and s.lemma_.lower() in ANIMATE}
                line = _without_stray_clause(doc, tok, step_phrase(doc, tok, exclude=frozenset(actor)))
                out.append((tok, line.replace(" no ", " "), "refusal", None, True))
        elif lemma in lex.REFUSAL_VERBS and (x := next((c for c in tok.children if c.dep_ == "xcomp"), None)):
            if phrasal(x) != ("rule", "out"):  # "declined to rule out force": two negations keep force open
                out.append((tok, step_phrase(doc, x), "refusal", None, True))
        elif _future_rejection(tok):  # "would turn down the grants": the holder will not accept them (§5)
            obj = next(c for c in tok.children if c.dep_ == "dobj")
            out.append((tok, f"accepting {text_of(doc, obj.subtree)}", "refusal", None, True))
        elif phrasal(tok) == ("rule", "out") and not (
                tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.REFUSAL_VERBS):
            ruled = [t for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp", "pcomp") for t in c.subtree]
            out.append((tok, text_of(doc, ruled), "refusal", None, True))
        elif lemma in lex.REFUSAL_NOUNS | _NO_WAY and any(c.lower_ == "no" for c in tok.children):
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
            inner = next((c for c in of.children if c.dep_ in ("pcomp", "pobj")), None) if of is not None else None
            if lemma in _NO_WAY:  # "no way of signing", "no basis to lift them": only an act, not a thing
                inner = inner or next((c for c in tok.children if c.dep_ in ("acl", "relcl") and any(
                    a.lower_ == "to" for a in c.children)), None)
                inner = inner if inner is not None and inner.pos_ == "VERB" and inner.lemma_ not in _STATIVE else None
            if inner is not None:
                out.append((tok.head, verb_phrase(doc, inner) if inner.pos_ == "VERB" else noun_phrase(doc, inner),
                            "refusal", None, tok.head.lemma_ != "be"))
        elif lemma == "go" and negated_future(tok) and (x := next((c for c in tok.children if c.dep_ == "xcomp"),
                                                                 None)) is not None:
            out.append((tok, step_phrase(doc, x), "refusal", None, True))  # "is not going to X": negated future
        elif tok.lower_ in ("prepared", "willing", "ready") and tok.dep_ == "acomp" and \
                any(c.dep_ == "neg" for c in tok.head.children) and (tok.head.tag_ != "VBD" or backshifted(tok.head)):
            # "X was not prepared to Y" outside reported speech describes past conduct, it refuses nothing
            x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if x is not None:
                out.append((tok.head, step_phrase(doc, x), "refusal", None, True))
    return out
