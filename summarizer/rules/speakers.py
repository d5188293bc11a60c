"""Who says what: speech attribution from the parse, carried across the sentences of an article.

English grammar of reported speech (codebook §2, §3):
- a reporting verb's subject is the speaker and its clausal complement is what is said
  ("X said (that) C", "'C,' X said", "X urged Y to C");
- "according to X, C": X is the speaker of C;
- a verb of attitude with a participant as subject states that participant's position
  ("X rejected the plan", "X has welcomed Y"): an author_claim unless it is a speech act;
- a pronoun ("he", "she", "they") or a role noun ("the envoy", "the minister") as subject is
  the last compatible named speaker; an unnamed voice of a state ("Indian officials", "the
  Chinese Foreign Ministry", "a spokesperson for the Dutch government") is the state;
- a sentence that is only a quotation continues the last speaker's words;
- media cited as sources ("the agency reported", "state media said") are never speakers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.entities.gazetteer import Actor
from summarizer.rules import lexicon as lex
from summarizer.rules.actors import Mention, in_quote, is_metadata, mention_at, quote_spans

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Holder = tuple[Actor, str]  # the actor and the surface this sentence uses for it
_SOURCE = (Actor("source", "other"), "")  # a medium cited as a source: never a holder
# Verbs of standing attitude: in the perfect or simple present they ascribe a position (author_claim)
# rather than report an utterance ("India has insisted that ...", "Tehran maintains that ...").
_ATTITUDE = frozenset("insist maintain believe argue hold consider regard see view".split())
_COMPLEMENTS = ("ccomp", "xcomp", "parataxis")
# the dependents that belong to a predicate (its objects, complements and modifiers), not its subject,
# coordinated verbs, or adverbial clauses with subjects of their own
_PREDICATE = frozenset("dobj prep xcomp ccomp acomp attr oprd dative prt neg advmod aux auxpass npadvmod agent".split())


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
        if subj is not None:
            return subj
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def _content(doc: "Doc", root: "Token") -> tuple[int, int, set[int]]:
    tokens = [t for t in root.subtree if not (t.dep_ == "mark" and t.head is root and t.lower_ == "that")]
    tokens = [t for t in tokens if not t.is_punct or t.text in "“”\"'’"] or [root]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    return doc[first].idx, doc[last].idx + len(doc[last].text), {t.i for t in tokens}


def _attribution(text: str, start: int, end: int, verb: "Token | None") -> str:
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


class SpeakerTracker:
    """Reads the sentences of one text in order, carrying the last speakers forward."""

    def __init__(self) -> None:
        self.people: list[Mention | Holder] = []  # persons who spoke or were introduced, latest last
        self.last_group: Holder | None = None  # last state or organisation that spoke
        self.last_speech: list[Holder] = []
        self.floor: list[Holder] | None = None  # the speaker a transcript label gave the floor to

    # ---- resolution of a subject to actors

    def resolve(self, tok: "Token", mentions: list[Mention]) -> list[Holder]:
        found: list[Holder] = []
        for t in [tok, *tok.conjuncts]:
            holder = self._one(t, mentions)
            if holder is not None and holder not in found:
                found.append(holder)
        if not found:  # "CITY (Agency) – Minister X said": the parser may hang the name on the dateline
            found = [h for c in tok.children if c.dep_ == "appos" for h in self.resolve(c, mentions)]
        return found

    def _one(self, t: "Token", mentions: list[Mention]) -> Holder | None:
        m = mention_at(mentions, t)
        if m is not None and not m.demonym:
            return (m.actor, m.surface)
        low, lemma = t.lower_, t.lemma_.lower()
        if low in ("he", "she"):
            return self._person(None)
        if low in ("they", "it"):
            return self.last_group or (self.last_speech[0] if self.last_speech else None)
        if lemma in lex.MEDIA_NOUNS:
            return _SOURCE
        if lemma in lex.PERSON_ROLES or lemma in lex.STATE_VOICES or m is not None:
            skip = {d.i for c in t.children if c.dep_ in ("relcl", "acl") for d in c.subtree}
            inner = [x for x in mentions if t.left_edge.i <= x.first and x.last <= t.right_edge.i
                     and x.first not in skip]
            if inner:
                actor = inner[0].actor
                return (actor, inner[0].surface)
            if lemma in lex.PERSON_ROLES and t.tag_ in ("NN", "NNP"):
                return self._person(lemma)
            if lemma in lex.STATE_VOICES:
                return self.last_group
        return None

    def _person(self, role: str | None) -> Holder | None:
        """The last named person; with a role noun, the last one whose role contains it."""
        def as_holder(p: Mention | Holder) -> Holder:
            return (p.actor, p.surface) if isinstance(p, Mention) else p
        if role:
            for p in reversed(self.people):
                if isinstance(p, Mention) and p.role and role in p.role.lower():
                    return as_holder(p)
        return as_holder(self.people[-1]) if self.people else None

    def _remember(self, holders: list[Holder]) -> None:
        for actor, surface in holders:
            if actor.kind == "person":
                self.people = [p for p in self.people if (p.actor if isinstance(p, Mention) else p[0]) != actor]
                self.people.append((actor, surface))
            else:
                self.last_group = (actor, surface)
        self.last_speech = holders

    # ---- the speeches of one sentence

    def speeches(self, doc: "Doc", mentions: list[Mention]) -> list[Speech]:
        text = doc.text
        if is_metadata(text):
            return []
        for m in mentions:
            if m.actor.kind == "person" and m.titled:
                self.people = [p for p in self.people if (p.actor if isinstance(p, Mention) else p[0]) != m.actor]
                self.people.append(m)
        quotes = quote_spans(text)
        found: list[Speech] = []
        covered: set[int] = set()
        for verb in sorted((t for t in doc if t.pos_ in ("VERB", "AUX")), key=lambda t: _depth(t)):
            if verb.i in covered or in_quote(verb.idx, quotes):
                continue
            speech = self._verb_speech(doc, verb, mentions)
            if speech is None:
                continue
            covered |= speech.tokens
            if speech.holders != [_SOURCE]:
                found.append(speech)
        label = self._label(doc, mentions)
        if not found:
            found = [s for s in (self._according_to(doc, mentions), self._bare_quote(doc), label) if s][:1]
        for speech in found:
            self._remember(speech.holders)
        return found

    def _verb_speech(self, doc: "Doc", verb: "Token", mentions: list[Mention]) -> Speech | None:
        lemma = verb.lemma_.lower()
        reporting = lemma in lex.REPORTING or lemma in lex.SOURCE_VERBS
        if not reporting and not is_attitude_verb(verb):
            return None
        subject = subject_of(verb)
        if subject is None:
            return None
        holders = self.resolve(subject, mentions)
        if lemma in lex.SOURCE_VERBS or holders and all(h == _SOURCE for h in holders):
            root = next((c for c in verb.children if c.dep_ in _COMPLEMENTS), None)
            inner = {t.i for t in root.subtree} if root is not None else set()
            return Speech([_SOURCE], verb, root, 0, 0, "", {t.i for t in verb.subtree} - inner)
        if not holders:
            return None
        complement = next((c for c in verb.children if c.dep_ in _COMPLEMENTS), None)
        if reporting and complement is not None:
            start, end, tokens = _content(doc, complement)
            root = complement
        else:  # an attitude or a speech act with an object: the predicate itself is the content
            kids = [c for c in verb.children if c.dep_ in _PREDICATE]
            tokens = {verb.i} | {t.i for c in kids for t in c.subtree}
            first, last = min(tokens), max(tokens)
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            root = verb
        return Speech(holders, verb, root, start, end, _attribution(doc.text, start, end, verb), tokens)

    def _according_to(self, doc: "Doc", mentions: list[Mention]) -> Speech | None:
        for tok in doc:
            if tok.lower_ == "according":
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                holders = self.resolve(obj, mentions) if obj is not None else []
                if holders and _SOURCE not in holders:
                    root = tok.head if tok.head is not tok else next(iter(doc.sents)).root
                    skip = {t.i for t in tok.subtree}
                    tokens = {t.i for t in root.subtree} - skip
                    first, last = min(tokens or {root.i}), max(tokens or {root.i})
                    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
                    return Speech(holders, None, root, start, end, _attribution(doc.text, start, end, None), tokens)
        return None

    def _label(self, doc: "Doc", mentions: list[Mention]) -> Speech | None:  # noqa: C901
        """Transcript convention: "Name: words" gives the floor to Name until the next label; a label
        naming no actor (a reporter, "Question:") gives it to no one."""
        colon = doc.text.find(":")
        if 0 < colon <= 60 and doc.text[:colon].strip()[:1].isupper() and "\"" not in doc.text[:colon]:
            named = [m for m in mentions if m.end <= colon]
            self.floor = [(named[-1].actor, named[-1].surface)] if named and len(doc.text[:colon].split()) <= 6 \
                else None
            start = colon + 1
        elif self.floor is None:
            return None
        else:
            start = 0
        rest = [t for t in doc if t.idx >= start]
        if not self.floor or not rest or len(rest) < 3:
            return None
        root = next((t for t in rest if t.head is t or t.head.idx < start), rest[0])
        return Speech(list(self.floor), None, root, rest[0].idx, len(doc.text), "direct_quote", {t.i for t in rest})

    def _bare_quote(self, doc: "Doc") -> Speech | None:
        """A sentence that is a quotation without a reporting verb: the last speaker's words."""
        text = doc.text.strip()
        if not self.last_speech or not text or text[0] not in "“\"":
            return None
        root = next(iter(doc.sents)).root
        return Speech(list(self.last_speech), None, root, 0, len(doc.text), "direct_quote", {t.i for t in doc})


def _depth(tok: "Token") -> int:
    depth = 0
    while tok.head is not tok and depth < 50:
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
