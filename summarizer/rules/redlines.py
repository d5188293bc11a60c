"""Red lines of one sentence (codebook §5): triggers (`rules.triggers`, `rules.prohibitions`) and refusals
(`rules.refusals`) with their holders (§2), and the same red line stated again (§6).

- the holder is the speaker whose statement holds the cue; an agentive cue (the subject refuses or
  threatens) may name it by its subject, a barred actor never does; a subject that is no actor ("prices
  will not recover") refuses nothing;
- "C1, he has said, and C2": a clause coordinated after a parenthetical frame is the same speaker's;
- "X is a red line and we will not discuss it": one refusal on X;
- a pronoun taking up the red line of the sentence before ("There can be no concessions on that") restates it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from summarizer.entities.gazetteer import Actor, state_of
from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import red_line_side
from summarizer.rules.modality import SELF as _SELF
from summarizer.rules.modality import Found
from summarizer.rules.refusals import ANIMATE, refusals
from summarizer.rules.speakers import Holder, Speech, holder_name, holders_of, subject_of
from summarizer.rules.stances import shorten
from summarizer.rules.triggers import triggers

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Item = dict[str, Any]
Resolver = Callable[["Token"], list[Holder]]
# "our X" and "the country's X" in a line: the holder's state (`_own_state`)
_OWN = re.compile(r"(?<![\w'])(?:[Oo]ur|[Tt]he country's)(?=\s)")
# Object pronouns that can take up the red line named earlier in the sentence.
_ANAPHORS = frozenset("it them this that".split())


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


def _second_content(anchor: "Token", speeches: list[Speech]) -> list[Holder] | None:
    """ "X said that C1 and that C2": a that-clause coordinated with a reported clause is reported by the same
    verb (English coordination of complements, codebook §2)."""
    clause = next((a for a in [anchor, *anchor.ancestors] if a.dep_ == "conj"), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    first = clause.head
    return next((s.holders for s in speeches if s.verb is not None and s.verb.i < clause.i and (
        first.dep_ == "ccomp" and first.head.i == s.verb.i or s.root is not None and s.root.i == first.i)), None)


def _reporter(pronoun: "Token", holders: list[Holder] | None) -> bool:
    """ "Egypt and Sudan said they would not be bound by it": the subject pronoun of a reported clause that
    agrees in number and kind with the reporting holders takes them up (English reference, codebook §2)."""
    if not holders:
        return False
    persons = all(actor.kind == "person" for actor, _ in holders)
    low = pronoun.lower_
    return (low == "they" and len(holders) > 1) or (len(holders) == 1 and (
        low == "it" and not persons or low in ("he", "she") and persons))


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


def _own_state(line: str, actor: Actor) -> str:
    """ "negotiating our sovereignty", "any attack on the country's ports" said by a state or by one of its
    people: the line names the state ("negotiating Chile's sovereignty"), as a reader of the item alone needs
    (§5 line worded on its own; English first-person plural of a state's voice)."""
    state = actor if actor.kind == "state" else state_of(actor.country) if actor.kind == "person" else None
    if state is None:
        return line
    return _OWN.sub(f"{state.name}'s", line)


def red_lines(doc: "Doc", sentence_id: int, speeches: list[Speech], resolve: Resolver, article: str) -> list[Item]:
    """§5 items of one sentence. The holder is the speaker whose statement holds the cue (§2); only an
    agentive cue (the subject refuses or threatens) may name the holder by its subject; a barred actor
    ("Hamas will not be allowed to ...") never does. One item per cue and per line."""
    items: list[Item] = []
    seen: set[int | str] = set()
    for anchor, line, kind, consequence, agentive in _refusing_the_red_line(triggers(doc) + refusals(doc)):
        explicit = red_line_side(anchor) is not None  # "enrichment is our red line": one word is enough
        if len(line.split()) < 2 and not explicit or anchor.i in seen or line in seen:
            continue
        holders = holders_of(anchor, speeches) or _framed_conjunct(anchor, speeches) or _second_content(
            anchor, speeches)
        subj = subject_of(anchor) if agentive else None
        if kind == "refusal" and subj is not None and subj.pos_ == "PRON" and subj.lower_ not in _SELF \
                and holders is None:
            continue  # a pronoun outside any attributed statement: no holder can be named safely
        if kind == "refusal" and subj is not None and subj.lower_ not in _SELF:
            own = resolve(subj)
            if not own and subj.pos_ == "PRON" and line.startswith("being ") and not _reporter(
                    subj, holders or (speeches[0].holders if speeches else None)):
                continue  # "it will not be ratified": a pronoun undergoing a passive may be a thing, not an actor
            if not own and subj.pos_ != "PRON" and subj.lemma_.lower() not in ANIMATE and subj.ent_type_ not in (
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
            worded = _own_state(line, actor)
            items.append({"holder": holder_name(actor, surface, article), "line": shorten(worded, 200), "kind": kind,
                          "consequence": shorten(consequence, 200) if consequence else None,
                          "sentences": [sentence_id]})
    return items


def restated(items: list[Item]) -> list[Item]:
    """§6: a refusal or trigger that takes up the one its holder stated in the sentence before by a pronoun
    ("we do not accept any talk of limiting it. 'There can be no concessions on that'") is the same item,
    one more statement of it."""
    out: list[Item] = []
    for item in items:
        earlier = next((o for o in reversed(out) if o["holder"] == item["holder"] and o["kind"] == item["kind"]
                        and 0 < item["sentences"][0] - o["sentences"][-1] <= 1), None)
        if earlier is not None and item["line"].lower().split()[-1] in _ANAPHORS and len(earlier["sentences"]) < 4:
            earlier["sentences"].append(item["sentences"][0])
            continue
        out.append(item)
    return out

