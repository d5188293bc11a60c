"""Prohibitions: what must not happen, from the grammar of obligation and judgement (codebook §5 triggers).

- "X must never / should not Y", "should take no step", "X will not be allowed to Y", "launches like this
  cannot be tolerated", "No X is going to Y", "nobody will Y";
- an order to refrain ("ordered X to refrain from Y", "X must refrain from Y"); an appeal to refrain ("we
  call on X to refrain") is a demand, a stance (§3);
- "unacceptable" about a general or future act (1.2): "would be unacceptable", "considers X unacceptable".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import noun_phrase, step_phrase, text_of, verb_phrase
from summarizer.rules.modality import SELF, Found, backshifted, modal
from summarizer.rules.modality import negated_act as _neg
from summarizer.rules.speakers import subject_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_JUDGE = frozenset("consider deem find call regard view see".split())
# Verbs of appeal: what they ask another actor to refrain from is a demand (§3), not a red line.
_APPEAL = frozenset("call urge ask appeal encourage invite".split())
# who can be barred from acting in "No X will Y" (an actor, not "no amount of words")
_ACTORS = lex.PERSON_ROLES | lex.STATE_VOICES | frozenset("court power country state force one side party".split())


def act_phrase(doc: "Doc", noun: "Token") -> str:
    """A line named by a noun: its phrase keeping "any", and, after "any", the restrictive relative clause
    that says which acts cross the line ("any provocation that infringes on X": not every provocation)."""
    base = noun_phrase(doc, noun, keep_any=True)
    rel = next((c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i), None)
    if rel is None or not any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return base
    clause = text_of(doc, rel.subtree)
    return base if clause in base else f"{base} {clause}"  # `noun_phrase` may keep a defining clause itself


def prohibitions(doc: "Doc", tok: "Token") -> list[Found]:
    """Every prohibition the token anchors."""
    return _prohibition(doc, tok) + _unacceptable(doc, tok) + _refrain(doc, tok)


def _prohibition(doc: "Doc", tok: "Token") -> list[Found]:
    """ "X must never Y", "X will not be allowed to Y", "cannot be tolerated", "No X is going to Y"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    subj = subject_of(tok)
    if subj is not None and subj.lower_ in ("they", "it") and tok.dep_ == "conj":
        first = subject_of(tok.head)  # "launches like this threaten us, and they cannot be tolerated"
        subj = first if first is not None and first.pos_ == "NOUN" else subj
    if subj is None or subj.lower_ in ("it", "this", "that", "which", "who", "they"):
        return []
    owner = noun_phrase(doc, subj, keep_any=True) if subj.pos_ in ("NOUN", "PROPN") else subj.text
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    obliged = any(c.dep_ == "aux" and c.lower_ in lex.OBLIGATION for c in tok.children)
    if _neg(tok) and passive and modal(tok) and tok.lemma_.lower() in lex.PERMISSION | {"accept"}:
        barred = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        line = f"{owner} {verb_phrase(doc, barred)}" if barred is not None else owner
        return [(tok, line, "trigger", None, False)]
    # "must not / must never / should never", "should not be squandered", "should take no step": a ban
    no_object = any(c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children) for c in tok.children)
    banned = _neg(tok) or no_object
    strong = any(c.dep_ == "aux" and c.lower_ in ("must", "shall") for c in tok.children) or passive or any(
        c.lower_ == "never" for c in tok.children) or no_object
    if banned and obliged and strong and subj.lower_ not in SELF:
        return [(tok, f"{owner} {verb_phrase(doc, tok, keep_conj=True)}", "trigger", None, False)]
    agent = subj.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or subj.lemma_.lower() in _ACTORS
    nobody = subj.lower_ in ("nobody", "noone") or (subj.lower_ == "one" and any(
        c.lower_ == "no" for c in subj.children)) or (agent and any(c.dep_ == "det" and c.lower_ == "no"
                                                                  for c in subj.children))
    # "a red line that no one should test": a relative clause describes its noun, it bars nothing of its own
    if nobody and (modal(tok) or (tok.lemma_ == "go" and tok.tag_ == "VBG")) and tok.lemma_ != "be" \
            and tok.dep_ != "relcl":
        verb = next((c for c in tok.children if c.dep_ == "xcomp"), tok) if tok.lemma_ == "go" else tok
        if not agent and (not obliged or verb.lemma_ == "expect"):  # "nobody should use force": a norm for all
            return _nobody_will(doc, verb) or [(tok, f"{owner} {verb_phrase(doc, verb)}", "trigger", None, False)]
        return [(tok, f"{owner} {verb_phrase(doc, verb)}", "trigger", None, False)]
    return []


def _nobody_will(doc: "Doc", verb: "Token") -> list[Found]:
    """ "Nobody would wait for X's permission", "nobody should expect a deal that Y": a statement of what no
    one, the holder first, will do is the holder's refusal (§5 "nobody should expect us to X"); one that acts
    on the holder ("no one will strip us of X") stays a trigger, others' act."""
    if any(t.lower_ in ("us", "me") for t in verb.subtree if t.i > verb.i):
        return []
    if verb.lemma_.lower() == "expect":
        done = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if done is not None and done.pos_ == "VERB":
            return [(verb, step_phrase(doc, done), "refusal", None, False)]
        return [(verb, f"accepting {text_of(doc, obj.subtree)}", "refusal", None, False)] if obj else []
    return [(verb, step_phrase(doc, verb), "refusal", None, False)]


def _refrain(doc: "Doc", tok: "Token") -> list[Found]:
    """ "ordered X to refrain from Y", "X must refrain from Y": Y must not happen (a trigger)."""
    if tok.lemma_.lower() != "refrain":
        return []
    frm = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    act = next((c for c in frm.children if c.dep_ in ("pcomp", "pobj")), None) if frm is not None else None
    if act is None:
        return []
    if tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in _APPEAL:
        return []  # "we call on X to refrain from Y": a demand on another actor, a stance (§3), not a bar
    on = next((c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "on"), None)  # "call on X to"
    actor = next((c for c in [*tok.head.children, *(on.children if on is not None else [])]
                  if c.dep_ in ("dobj", "pobj")), None) if tok.dep_ in ("xcomp", "advcl") else subject_of(tok)
    actor = None if actor is not None and actor.lower_ in SELF else actor
    who = f"{text_of(doc, actor.subtree)} " if actor is not None else ""
    anchor, agentive = (tok.head, True) if tok.dep_ in ("xcomp", "advcl") else (tok, False)
    return [(anchor, who + text_of(doc, act.subtree), "trigger", None, agentive)]


def _generic_act(act: "Token") -> bool:
    """An act named generically, not a particular event: a bare or "any" noun, or an action noun whose "of"
    object is a bare noun ("the use of force", "deployment of troops"), not "the seizure of the ship"."""
    dets = [c.lower_ for c in act.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0] in ("any", "such"):
        return True
    of = next((c for c in act.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj is not None and obj.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in obj.children)


def _unacceptable(doc: "Doc", tok: "Token") -> list[Found]:
    """§5 1.2: "unacceptable" about a general or future act is a trigger; about a past one, a stance."""
    lemma = tok.lemma_.lower()
    if not (lemma in lex.UNACCEPTABLE or (lemma == "acceptable" and _neg(tok.head))):
        return []
    head = tok.head
    if tok.dep_ == "acomp" and head.lemma_ == "be":
        act = subject_of(head)
        present = head.tag_ in ("VBZ", "VBP") or modal(head)
    elif tok.dep_ in ("oprd", "ccomp", "xcomp") and head.lemma_.lower() in _JUDGE:
        act = next((c for c in [*tok.children, *head.children] if c.dep_ in ("nsubj", "dobj") and c.i < tok.i
                    and c.i > head.i), None)
        present = head.tag_ in ("VBZ", "VBP", "VBG") or modal(head)
    elif tok.dep_ == "amod" and tok.right_edge.i == tok.head.right_edge.i and (obj := next(
            (a for a in tok.ancestors if a.dep_ == "dobj" and a.head.lemma_.lower() in _JUDGE), None)) is not None:
        head, act = obj.head, obj  # a parse that hangs a postposed "unacceptable" on the object's last noun
        present = head.tag_ in ("VBZ", "VBP", "VBG") or modal(head)
    else:
        return []
    judged = head.lemma_.lower() in _JUDGE and head.tag_ == "VBD"  # "considered the use of force unacceptable":
    # a judgement of a general act holds beyond the moment it was made
    if act is not None and act.lower_ == "anything" and modal(head):  # "anything short of X would be unacceptable"
        return [(head, text_of(doc, act.subtree), "trigger", None, True)]
    if act is None or act.pos_ not in ("NOUN", "PROPN") or not (
            present or (backshifted(head) or judged) and _generic_act(act)):
        return []
    if any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in act.children):
        return []  # "that situation is unacceptable": something that exists, a stance against only (§5 1.2)
    return [(head, act_phrase(doc, act), "trigger", None, True)]
