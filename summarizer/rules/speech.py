"""A statement of a sentence and the grammar that finds its parts: subject, content, attribution.

Used by `rules.speakers` (which finds the statements) and by every list's rules (which read them).
Codebook §3 attribution: direct_quote when the clause itself is in quotation marks, reported_speech
for a reporting verb's complement, author_claim for an attitude ascribed without reported words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.entities.gazetteer import Actor
from summarizer.rules import lexicon as lex
from summarizer.rules.actors import Mention, quote_spans

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Holder = tuple[Actor, str]  # the actor and the surface this sentence uses for it
SOURCE = (Actor("source", "other"), "")  # a medium cited as a source: never a holder
# Verbs of standing attitude: in the perfect or simple present they ascribe a position (author_claim)
# rather than report an utterance ("India has insisted that ...", "Tehran maintains that ...").
_ATTITUDE = frozenset("insist maintain believe argue hold consider regard see view".split())
COMPLEMENTS = ("ccomp", "xcomp", "parataxis")
_RELATIVES = frozenset("which who that".split())
# the dependents that belong to a predicate (its objects, complements and modifiers), not its subject,
# coordinated verbs, or adverbial clauses with subjects of their own
PREDICATE = frozenset("dobj prep xcomp ccomp acomp attr oprd dative prt neg advmod aux auxpass npadvmod agent".split())

# Members of a body, and observers: never its voice (§2 1.2: "lawmakers are not the government").
MEMBERS = frozenset("lawmaker legislator deputy senator mp parliamentarian analyst expert observer "
                    "mediator protester critic commentator scholar".split())
# Plural voices that speak for a state only when the state is named in them ("Iranian officials" but
# not "officials", "Western diplomats"); "the Ukrainian side" is Ukraine, "the other side" no one.
GROUPS = frozenset("official diplomat source side".split())
# "in his view", "for him": the possessive and object pronouns stand for the same person as "he"
POSSESSIVE = {"his": "he", "him": "he", "her": "she", "its": "it", "their": "they", "them": "they"}


@dataclass
class Speech:
    """One statement of a sentence: its holders, the head of what is said, and how it is attributed."""

    holders: list[Holder]
    verb: "Token | None"  # the reporting or attitude verb (None: a bare quotation, "according to")
    root: "Token | None"  # the head of the content (the verb itself for an attitude verb)
    start: int  # content, as char offsets into the sentence
    end: int
    attribution: str  # direct_quote | reported_speech | author_claim
    tokens: set[int] = field(default_factory=set)  # token indices of the content


def phrasal(tok: "Token") -> tuple[str, str] | None:
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt" or c.dep_ == "advmod"
                     and c.lower_ in ("away", "out", "down", "off", "up") and c.i == tok.i + 1), None)
    return (tok.lemma_.lower(), particle) if particle else None


def is_attitude_verb(tok: "Token") -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ == "VERB" and (lemma in lex.FAVOR_VERBS or lemma in lex.AGAINST_VERBS
                                   or phrasal(tok) in lex.PHRASAL_AGAINST | lex.PHRASAL_FAVOR)


def subject_of(verb: "Token") -> "Token | None":
    """The grammatical subject; a coordinated verb or an '-ing' adjunct shares its head's subject."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and named_relative(tok):
            return tok.head  # "Borduria, which opposes the pipeline": the relative pronoun stands for its noun
        if subj is not None:
            return subj
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
            tok = tok.head
        elif finite_after_relative(tok):
            return tok.head
        else:
            return None
    return None


def span_of(doc: "Doc", tokens: set[int]) -> tuple[int, int, set[int]]:
    """Char offsets of the first to the last of `tokens` and the tokens, without punctuation at either edge
    (quotation marks stay: they decide the attribution)."""
    kept = sorted(tokens)
    while len(kept) > 1 and doc[kept[0]].is_punct and doc[kept[0]].text not in "“”\"'’":
        kept.pop(0)
    while len(kept) > 1 and doc[kept[-1]].is_punct and doc[kept[-1]].text not in "“”\"'’":
        kept.pop()
    first, last = doc[kept[0]], doc[kept[-1]]
    return first.idx, last.idx + len(last.text), set(kept)


def agent_of(verb: "Token") -> "Token | None":
    """The doer of a passive verb, the object of its "by" phrase ("was condemned by X"), else None."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def named_relative(verb: "Token") -> bool:
    """"Borduria, which opposes the pipeline", "Lind, who welcomed the deal": a relative clause whose subject is
    the relative pronoun of a name or of a state's voice ("Iranian leaders, who warned ...": codebook §1, §3)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # active: "who was confirmed" says nothing
    head = verb.head
    return verb.dep_ == "relcl" and subj is not None and subj.lower_ in _RELATIVES and (
        head.pos_ == "PROPN" or head.lemma_.lower() in lex.STATE_VOICES | lex.PERSON_ROLES)


def finite_after_relative(verb: "Token") -> bool:
    """"A, whose son B died in the war, called on C": a finite verb after a noun and its relative clause or
    apposition is that noun's predicate (English grammar), though the parser may hang it on the noun as a modifier;
    so the subject is A, never a name inside the relative clause. A past participle counts only where the noun
    is the root (the parse left the sentence without a verb)."""
    head = verb.head
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and head.dep_ == "ROOT"
    return verb.dep_ == "acl" and finite and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
        and any(c.dep_ in ("relcl", "appos") and c.i < verb.i for c in head.children)


def own_clause(verb: "Token", child: "Token") -> bool:
    """A clause that ends in a semicolon or a colon before the verb is a sentence of its own, though the parser may
    hang it on the verb as a complement ("A rejects the plan; B supports it", "X addressed them: he said C")."""
    return child.dep_ in COMPLEMENTS and child.i < verb.i and any(
        t.text in (";", ":") for t in verb.doc[child.right_edge.i + 1:verb.i])


def complement_of(verb: "Token") -> "Token | None":
    """The clause a reporting verb reports: its first clausal complement that is not a sentence of its own."""
    return next((c for c in verb.children if c.dep_ in COMPLEMENTS and not own_clause(verb, c)), None)


def content_of(doc: "Doc", root: "Token", *more: "Token") -> tuple[int, int, set[int]]:
    """The clause under `root` (and the subtrees of `more`), without its "that" and its punctuation."""
    tokens = [t for r in (root, *more) for t in r.subtree
              if not (t.dep_ == "mark" and t.head.i == root.i and t.lower_ == "that")]
    tokens = [t for t in tokens if not t.is_punct or t.text in "“”\"'’"] or [root]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    return doc[first].idx, doc[last].idx + len(doc[last].text), {t.i for t in tokens}


def parenthetical_content(doc: "Doc", verb: "Token") -> tuple[int, int, set[int]] | None:
    """"Only then, he said, could X ...": a reporting clause set off inside the clause it reports has
    no complement of its own; what is said is the host clause without the reporting clause."""
    host = verb.head
    if verb.dep_ != "parataxis" or host.i == verb.i or host.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in COMPLEMENTS for c in verb.children):
        return None
    own = {t.i for t in verb.subtree}
    tokens = {t.i for t in host.subtree if t.i not in own and not t.is_punct}
    return span_of(doc, tokens) if tokens else None


def attribution_of(text: str, start: int, end: int, verb: "Token | None") -> str:
    quotes = quote_spans(text)
    inside = sum(max(0, min(e, end) - max(s, start)) for s, e in quotes)
    opens = any(s <= start <= s + 2 or s < start < e for s, e in quotes)
    if end > start and inside / (end - start) >= 0.6 and opens:
        return "direct_quote"  # §3: the clause itself is in quotation marks, not a fragment inside it
    if verb is None:
        return "reported_speech"
    lemma = verb.lemma_.lower()
    if lemma not in lex.REPORTING:
        return "author_claim"
    tenses = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if lemma in _ATTITUDE and (tenses & {"has", "have"} or verb.tag_ in ("VBZ", "VBP")):
        return "author_claim"
    return "reported_speech"


def split_coordinated(doc: "Doc", speech: Speech) -> list[Speech]:
    """"X said that A and that B", "X said A and B would follow": one statement per coordinated clause
    with a named subject or a "that" of its own (codebook §6: one item per distinct claim); an attitude
    verb's own predicate stays one statement."""
    root = speech.root
    if root is None or speech.verb is None or root.i == speech.verb.i or root.pos_ not in ("VERB", "AUX"):
        return [speech]
    parts = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i in speech.tokens
             and any(d.dep_ in ("nsubj", "nsubjpass") and d.pos_ != "PRON"
                     or (d.dep_ == "mark" and d.lower_ == "that") for d in c.children)]
    if not parts:
        return [speech]
    out = []
    inner = {t.i for p in parts for t in p.subtree}
    pieces = [(root, speech.tokens - inner), *((p, {t.i for t in p.subtree} & speech.tokens) for p in parts)]
    for head, tokens in pieces:
        tokens = {i for i in tokens if doc[i].text in "“”\"'’"
                  or not (doc[i].dep_ in ("mark", "cc", "punct") and doc[i].head.i in (head.i, root.i))} or {head.i}
        first, last = doc[min(tokens)], doc[max(tokens)]
        start, end = first.idx, last.idx + len(last.text)
        out.append(Speech(speech.holders, speech.verb, head, start, end,
                          attribution_of(doc.text, start, end, speech.verb), tokens))
    return out


def lead_subjects(pron: "Token") -> list["Token"]:
    """"X answered ..., it said", "X addressed the assembly: he said ...": the named subjects before a pronoun
    of the same sentence, the main clause's first, then the nearest; not one inside a relative clause, which
    describes its noun rather than carrying the sentence."""
    root = pron.sent.root
    found = [t for t in pron.sent if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
             and not any(a.dep_ in ("relcl", "acl") for a in t.ancestors)]
    return sorted(found, key=lambda t: (t.head.i != root.i or pron.head.i == root.i, -t.i))


def main_person(doc: "Doc", mentions: list, speeches: list[Speech]) -> Holder | None:
    """The person a following "he"/"she" continues: the sentence's speaker, else its main subject, else the subject
    of what a medium or a body reports ("The agency says X oversaw the test. He described it as ...")."""
    for speech in speeches:
        for actor, surface in speech.holders:
            if actor.kind == "person":
                return (actor, surface)
    roots = {s.root.i for s in doc.sents}
    roots |= {c.i for r in list(roots) if doc[r].lemma_.lower() in lex.REPORTING | lex.SOURCE_VERBS
              for c in doc[r].children if c.dep_ == "ccomp"}

    def subject(tok: "Token") -> bool:
        return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i in roots

    for m in mentions:  # the subject, a name in apposition to it ("President John X, ..., visited") or its owner
        if m.actor.kind == "person" and any(subject(doc[i]) or (doc[i].dep_ in ("appos", "poss")
                                                                and subject(doc[i].head))
                                            for i in range(m.first, m.last + 1)):
            return (m.actor, m.surface)
    return None


def depth(tok: "Token") -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def holder_name(actor: Actor, surface: str, text: str) -> str:
    """The canonical name when the article uses it, else the form it does use ('Washington')."""
    import re

    if actor.kind == "person" or re.search(r"(?<!\w)" + re.escape(actor.name) + r"(?!\w)", text, re.I):
        return actor.name
    return surface or actor.name


def holders_of(tok: "Token", speeches: list[Speech]) -> list[Holder] | None:
    """The holders of the innermost speech whose content holds the token."""
    owning = [s for s in speeches if tok.i in s.tokens]
    return min(owning, key=lambda s: len(s.tokens)).holders if owning else None


def certainty_complement(verb: "Token") -> "Token | None":
    """"X is clear / convinced / confident that C": a copula with an adjective of certainty states C as the
    subject's own position (a cognition construction the codebook counts as a stance, §3); C, else None."""
    if verb.lemma_ != "be":
        return None
    adj = next((c for c in verb.children if c.dep_ == "acomp" and (c.lemma_.lower() in lex.CERTAINTY
                                                                or c.lower_ in lex.CERTAINTY)), None)
    if adj is None:
        return None
    return next((c for c in [*adj.children, *verb.children] if c.dep_ == "ccomp"), None)


def backing_conduct(verb: "Token") -> bool:
    """"X supports these groups", "X arms the militias": backing armed actors is conduct the article
    ascribes, not an attitude to a topic (§3: an accusation of conduct is the outlet's, no stance)."""
    return verb.lemma_.lower() in lex.BACKING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.ARMED_GROUPS for c in verb.children)


def state_inside(tok: "Token", mentions: list[Mention]) -> bool:
    return any(tok.left_edge.i <= m.first and m.last <= tok.i and m.actor.kind != "person" for m in mentions)


def plural_reference(tok: "Token") -> bool:
    """"they", "both leaders", "the two ministers": a plural that names no one refers back to a group."""
    if tok.lower_ == "they":
        return True
    return tok.tag_ == "NNS" and tok.lemma_.lower() in lex.PERSON_ROLES | {"side", "country", "government"} \
        and any(c.lower_ in ("both", "two") for c in tok.children)


def unknown_name(role: "Token") -> bool:
    """"Deputy Minister for X Ann Lind said": a title with a name after it that the actor finder did not take is
    someone new, not the last person with that title."""
    return any(t.i > role.i and t.pos_ == "PROPN" and t.lower_ not in lex.TITLE_WORDS | lex.PORTFOLIOS
               and t.ent_type_ in ("PERSON", "") for t in role.subtree)


def reports_anothers_words(complement: "Token", holders: list[Holder]) -> bool:
    """A body's report that "he" or "she" said something: a person spoke, and the body is not that person."""
    subject = subject_of(complement)
    return complement.lemma_.lower() in lex.REPORTING and subject is not None and subject.lower_ in ("he", "she") \
        and not any(actor.kind == "person" for actor, _ in holders)
