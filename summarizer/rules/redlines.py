"""Red lines from modality and threat structure (codebook §5); triggers are read in `rules.triggers`.

Refusals — negated future or volition about the holder's own act:
- "will not", "won't", "would never", "cannot accept", "would accept no X", "is not prepared to",
  "refuses to", "has no intention of", "rules out", "is not going to"; the line is the act, worded
  without the negation;
- "will not allow / tolerate / permit X (to) Y": decided by who performs the barred act; another
  actor -> trigger with line "X Y", the holder itself -> refusal;
- idioms of the negotiating table: "X is off the table / not on the table / not up for
  negotiation / out of the question / non-negotiable" (§5 "X is off the table");
- "there will be no X" (1.2): X a concession or talks -> refusal, else (others' presence) -> trigger;
- "X is not something we are going to Y"; "pledged not to X" (1.2); "we do not accept / bow to X";
- "never at the cost of X"; "will continue X with or without a deal" / "regardless" (line: halting X).
A subject that is no actor ("prices will not recover") gives no refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import noun_phrase, red_line_side, step_phrase, text_of, verb_phrase
from summarizer.rules.speakers import Holder, Speech, holder_name, holders_of, phrasal, subject_of
from summarizer.rules.stances import shorten
from summarizer.rules.modality import MODALS as _MODALS
from summarizer.rules.modality import SELF as _SELF
from summarizer.rules.modality import Found, backshifted, threat_verb
from summarizer.rules.triggers import triggers

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Item = dict[str, Any]
Resolver = Callable[["Token"], list[Holder]]
# collective agents that can refuse although the article does not name them as participants
# Verbs of cognition and memory: negated, they state no volition ("we will not forget X"), so no refusal.
_STATIVE = frozenset("forget remember know believe think understand doubt feel expect wonder".split())
# Nouns of "no way of X" / "no basis to X": the holder sees no path to its own act X (§5 refusal).
_NO_WAY = frozenset("way basis".split())
# Nouns that name the negotiating itself: "talks on X are off the table" needs no verb added (§5).
_TALKS = frozenset("talk negotiation dialogue discussion".split())
# Modals of possibility: "a backlash it might not survive" is a guess, no categorical refusal (§5).
_EPISTEMIC = frozenset("may might".split())
# Object pronouns that can take up the red line named earlier in the sentence.
_ANAPHORS = frozenset("it them this that".split())
_AGENTS = frozenset("""opposition party side country bloc alliance coalition group leadership union movement
resistance faction militia organisation organization nation people""".split())


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
    """ "X is not something we will Y"; "pledged not to X"; "we do not accept X"; "never at the cost of X";
    "will go on X with or without a deal"."""
    lemma = tok.lemma_.lower()
    if lemma in ("something", "thing") and tok.dep_ == "attr":
        rel = next((c for c in tok.children if c.dep_ == "relcl"), None)
        # "signing X before Y is something we cannot accept": a clausal subject names the refused act
        subj = subject_of(tok.head) or next((c for c in tok.head.children if c.dep_ == "csubj"), None)
        denied = rel is not None and any(c.dep_ == "neg" for c in rel.children) and any(
            c.dep_ == "aux" and c.lower_ in _MODALS - lex.OBLIGATION for c in rel.children)  # "we cannot accept"
        if rel is not None and subj is not None and (any(c.dep_ == "neg" for c in tok.head.children) or denied
                                                     or _modal_negation(rel) or negated_future(rel)):
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
            return [(verb, f"halting {verb_phrase(doc, verb, drop=('prep', 'advmod', 'advcl'))}", "refusal",
                     None, True)]
    return []


def _refusals(doc: "Doc") -> list[Found]:
    out: list[Found] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        out += _table_idiom(doc, tok) + _existential(doc, tok) + _categorical(doc, tok)
        if tok.pos_ == "VERB" and _modal_negation(tok):
            if lemma in lex.PERMISSION:
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
                if obj is not None and obj.lower_ not in _SELF:
                    barred = [t for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp") for t in c.subtree]
                    out.append((tok, text_of(doc, barred), "trigger", None, True))
                    continue
            if _conditional_inability(tok):
                continue
            if not any(c.dep_ == "auxpass" for c in tok.children) and lemma not in _STATIVE:  # passives: triggers
                out.append((tok, step_phrase(doc, tok).replace(" no ", " "), "refusal", None, True))
        elif lemma in lex.REFUSAL_VERBS and (x := next((c for c in tok.children if c.dep_ == "xcomp"), None)):
            out.append((tok, step_phrase(doc, x), "refusal", None, True))
        elif _future_rejection(tok):  # "would turn down the grants": the holder will not accept them (§5)
            obj = next(c for c in tok.children if c.dep_ == "dobj")
            out.append((tok, f"accepting {text_of(doc, obj.subtree)}", "refusal", None, True))
        elif phrasal(tok) == ("rule", "out"):
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


def _in_the_event(doc: "Doc", tok: "Token") -> list[Found]:
    """ "a strong response in the event of any attack", "will retaliate in case of X": X is the trigger."""
    if tok.lower_ not in ("event", "case") or tok.head.lower_ != "in" or tok.dep_ != "pobj":
        return []
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    act = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    host = tok.head.head
    hostile = host.lemma_.lower() in lex.RESPONSE_NOUNS or (host.pos_ == "VERB" and threat_verb(host))
    if act is None or not hostile:
        return []
    anchor = host if host.pos_ == "VERB" else next((a for a in host.ancestors if a.pos_ == "VERB"), host)
    response = text_of(doc, [t for t in host.subtree if t.i < tok.head.i and t.dep_ not in ("nsubj", "punct")])
    return [(anchor, noun_phrase(doc, act, keep_any=True), "trigger", response or None, True)]


def _framed_conjunct(anchor: "Token", speeches: list[Speech]) -> list[Holder] | None:
    """ "C1, he has said, and C2": a clause coordinated after a reporting frame that follows its own content
    is said by the same speaker (English coordination under one parenthetical frame, codebook §2)."""
    clause = next((a for a in [anchor, *anchor.ancestors] if a.dep_ == "conj"), None)
    if clause is None:
        return None
    for speech in speeches:
        verb, root = speech.verb, speech.root
        if verb is None or root is None or not root.i < verb.i < clause.i:
            continue
        if clause.head.i in (verb.i, root.i) or verb.dep_ == "parataxis" and clause.head.i == verb.head.i:
            return speech.holders
    return None


def _refusing_the_red_line(found: list[Found]) -> list[Found]:
    """ "X is a red line and we will not discuss it": one red line, the refusal of the act on X (§5, §6);
    the pronoun that closes the refused act names X."""
    out = list(found)
    for drawn in [f for f in found if f[2] == "trigger" and red_line_side(f[0]) is not None]:
        refusal = next((f for f in out if f[2] == "refusal" and f[1].split()[-1].lower() in _ANAPHORS
                        and f[0].i > drawn[0].i and f[0].sent == drawn[0].sent), None)
        if refusal is not None:
            line = " ".join([*refusal[1].split()[:-1], drawn[1]])
            out = [(refusal[0], line, *refusal[2:]) if f is refusal else f for f in out if f is not drawn]
    return out


def red_lines(doc: "Doc", sentence_id: int, speeches: list[Speech], resolve: Resolver, article: str) -> list[Item]:
    """§5 items of one sentence. The holder is the speaker whose statement holds the cue (§2); only an
    agentive cue (the subject refuses or threatens) may name the holder by its subject; a barred actor
    ("Hamas will not be allowed to ...") never does. One item per cue and per line."""
    items: list[Item] = []
    seen: set[int | str] = set()
    events = [f for tok in doc for f in _in_the_event(doc, tok)]
    for anchor, line, kind, consequence, agentive in _refusing_the_red_line(triggers(doc) + events + _refusals(doc)):
        explicit = red_line_side(anchor) is not None  # "enrichment is our red line": one word is enough
        if len(line.split()) < 2 and not explicit or anchor.i in seen or line in seen:
            continue
        holders = holders_of(anchor, speeches) or _framed_conjunct(anchor, speeches)
        subj = subject_of(anchor) if agentive else None
        if kind == "refusal" and subj is not None and subj.pos_ == "PRON" and subj.lower_ not in _SELF \
                and holders is None:
            continue  # a pronoun outside any attributed statement: no holder can be named safely
        if kind == "refusal" and subj is not None and subj.lower_ not in _SELF:
            own = resolve(subj)
            animate = lex.STATE_VOICES | lex.PERSON_ROLES | _AGENTS
            if not own and subj.pos_ != "PRON" and subj.lemma_.lower() not in animate and subj.ent_type_ not in (
                    "ORG", "NORP", "GPE", "PERSON"):
                continue  # "prices will not recover": no actor refuses anything
            # §2: a pledge is the pledger's own act of speech, whoever reports it
            holders = (own or holders) if anchor.lemma_.lower() in lex.PLEDGE else (holders or own)
        if not holders and subj is not None:
            holders = resolve(subj)
        if not holders and speeches:
            holders = speeches[0].holders
        first_person = next((c for c in anchor.sent.root.children if c.dep_ == "nsubj" and c.lower_ == "we"), None)
        if not holders and first_person is not None:  # "We are clear that X must never Y": the speakers
            holders = resolve(first_person)
        if kind == "trigger" and not agentive:  # the barred actor never holds the line drawn against it
            holders = [h for h in holders or [] if not h[1] or not line.startswith(h[1])]
        seen |= {anchor.i, line}
        for actor, surface in holders or []:
            items.append({"holder": holder_name(actor, surface, article), "line": shorten(line, 200), "kind": kind,
                          "consequence": shorten(consequence, 200) if consequence else None,
                          "sentences": [sentence_id]})
    return items
