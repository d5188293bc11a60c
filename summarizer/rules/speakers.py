"""Who says what: speech attribution from the parse, carried across the sentences of an article.

English grammar of reported speech (codebook §2, §3):
- a reporting verb's subject is the speaker and its clausal complement is what is said
  ("X said (that) C", "'C,' X said", "X urged Y to C");
- "according to X, C", "in X's view, C", "X's statement that C", "a statement from X says C": X is the
  speaker of C; a verb of cognition ("X believes / expects C") states X's position (`rules.cues`);
- a verb of attitude with a participant as subject states that participant's position
  ("X rejected the plan", "X has welcomed Y"): an author_claim unless it is a speech act;
- a pronoun ("he", "she", "they") or a role noun ("the envoy", "the minister") as subject is
  the last compatible named speaker; an unnamed voice of a state ("Indian officials", "the
  Chinese Foreign Ministry", "a spokesperson for the Dutch government") is the state;
- a sentence that is only a quotation continues the last speaker's words;
- media cited as sources ("the agency reported", "state media said") are never speakers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.entities.gazetteer import state_of
from summarizer.rules import lexicon as lex
from summarizer.rules.agreement import Genders, described
from summarizer.rules.actors import Mention, in_quote, is_metadata, mention_at, quote_spans
from summarizer.rules.clauses import obligation
from summarizer.rules.cues import adjunct_source, cognition_complement, noun_clauses, speech_noun_source
from summarizer.rules.floor import Continuations, signatories
from summarizer.rules.sections import announced_sources, heading, opens_statement
from summarizer.rules.speech import GROUPS, MEMBERS, POSSESSIVE
from summarizer.rules.speech import (COMPLEMENTS, PREDICATE, SOURCE, Holder, Speech, agent_of, attribution_of,
                                     backing_conduct, certainty_complement, complement_of, content_of, depth,
                                     holder_name, holders_of, is_attitude_verb, lead_subjects, main_person,
                                     named_relative, own_clause, parenthetical_content, phrasal, plural_reference,
                                     reports_anothers_words, span_of, split_coordinated, state_inside, subject_of,
                                     unknown_name)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token
Cue = tuple[list[Holder], "Token", set[int]]  # an adjunct's holders, the word it modifies, its own tokens
__all__ = ["Holder", "SpeakerTracker", "Speech", "holder_name", "holders_of", "is_attitude_verb", "phrasal",
           "subject_of"]


class SpeakerTracker(Continuations):
    """Reads the sentences of one text in order, carrying the last speakers forward."""

    def __init__(self) -> None:
        super().__init__()
        self.last_group: Holder | None = None  # last state or organisation that spoke
        self.last_state: Holder | None = None  # last state that spoke: whose "the government" it is (§1)
        self.topic: Holder | None = None  # the person who last spoke or was a main clause's subject
        self.genders = Genders()  # what "he" and "she" may stand for
        self.bodies: list[Holder] = []  # bodies named so far, latest last: what "the court" may repeat
        self.announced: list[Holder] | None = None  # whose statement the text said it reproduces next

    # ---- resolution of a subject to actors

    def resolve(self, tok: "Token", mentions: list[Mention]) -> list[Holder]:
        if tok.lower_ in ("we", "us") and self.joint:
            return list(self.joint)  # §2 (1.2): joint statements by named ministers, one item per minister
        if len(self.last_speech) > 1 and plural_reference(tok):
            return list(self.last_speech)  # §2: "they" / "both leaders" after a joint statement: each holder
        if (source := speech_noun_source(tok)) is not None:
            found = [*self.resolve(source, mentions), *(h for c in tok.conjuncts for h in self.resolve(c, mentions))]
            return list(dict.fromkeys(found))  # "a statement from X (and Y) says", "X's statement said": X speaks
        found: list[Holder] = []
        appositive = [c for a in tok.children if a.dep_ == "appos" for c in a.conjuncts]  # "chief X, and Y said"
        for t in [tok, *tok.conjuncts, *appositive]:
            holder = self._one(t, mentions)
            if holder is not None and holder not in found:
                found.append(holder)
        if not found:  # "CITY (Agency) – Minister X said": the parser may hang the name on the dateline
            found = [h for c in tok.children if c.dep_ == "appos" for h in self.resolve(c, mentions)]
        return found

    def _one(self, t: "Token", mentions: list[Mention]) -> Holder | None:
        m = mention_at(mentions, t)
        low, lemma = POSSESSIVE.get(t.lower_, t.lower_), t.lemma_.lower()
        owner = next((mention_at(mentions, c) for c in t.children if c.dep_ == "poss"), None)
        if owner is not None and owner.actor.kind == "person" and lemma in lex.OWN_VOICES | lex.STATE_OFFICES:
            if lemma in lex.OWN_VOICES:  # "X's campaign criticised ...": X's own voice, never the object's owner
                return (owner.actor, owner.surface)
            country = owner.actor.country or next((p.actor.country for p in self.people if isinstance(p, Mention)
                                                   and p.actor.name == owner.actor.name and p.actor.country), None)
            state = state_of(country)  # §1 (1.2): "X's office / government said" -> the state
            return (state, state.name) if state is not None else (owner.actor, owner.surface)
        if lemma in lex.PERSON_ROLES and (m is None or m.actor.kind != "person"):  # "X's minister, Ann Lind"
            named = [p for c in t.children if c.dep_ == "appos" for p in [mention_at(mentions, c)]
                     if p is not None and p.actor.kind == "person"]
            if named:
                return (named[0].actor, named[0].surface)
        if m is not None and not m.demonym:
            return (m.actor, m.surface)
        if t.tag_ in ("NNS", "NNPS") and (lemma in MEMBERS or lemma in GROUPS and not state_inside(t, mentions)):
            return None  # §2 (1.2): unnamed members ("lawmakers", "Western diplomats") give no item
        if low in ("he", "she", "it"):  # a named subject before it in this sentence comes first
            for lead in (x for sub in lead_subjects(t) for x in (sub, *(c for c in sub.children if c.dep_ == "poss"))):
                before = self._one(lead, mentions)  # the subject, or its owner ("X's office said he ...": X)
                if before is not None and (before[0].kind == "person") == (low != "it") and (
                        low == "it" or self.genders.agrees(before[0].name, low)):
                    return before
        if low in ("he", "she"):
            return self._person(None, low)
        if low == "it":  # "it" is never a person; "X said it ...": a name no actor is known by gives no one
            return None if any(sub.pos_ == "PROPN" for sub in lead_subjects(t)[:1]) else self.last_group
        if low == "they":
            return self.last_group or (self.last_speech[0] if self.last_speech else None)
        if lemma in lex.MEDIA_NOUNS:
            return SOURCE
        if m is None and t.tag_ == "NN" and any(c.lower_ == "the" for c in t.children) and (
                body := described(lemma, self.bodies)):
            return body  # "the International Court of Justice ... The court said": the body so named
        if lemma in lex.PERSON_ROLES or lemma in lex.STATE_VOICES or m is not None:
            skip = {d.i for c in t.children if c.dep_ in ("relcl", "acl") for d in c.subtree}
            inner = [x for x in mentions if t.left_edge.i <= x.first and x.last <= t.right_edge.i
                     and x.first not in skip]
            if inner and lemma in lex.PERSON_ROLES and inner[0].demonym and t.tag_ == "NN" and \
                    (titled := self._titled({lemma}, inner[0].actor.country)):
                return titled[0]  # "the Finnish president says": the person introduced with that title (§2)
            if inner:
                # "the Norwegian delegation", "Iranian officials": the state by its name, not by the adjective (§1)
                return (inner[0].actor, inner[0].actor.name if inner[0].demonym else inner[0].surface)
            if lemma in lex.PERSON_ROLES and t.tag_ in ("NN", "NNP") and not unknown_name(t):
                return self._person(lemma)  # "the minister said": the minister met before
            if lemma in lex.STATE_OFFICES:  # "the Government reaffirms": the state's, never a body's (§1)
                return self.last_state or self.last_group
            if lemma in lex.STATE_VOICES and lemma != "side":
                return self.last_group
        return None

    def _person(self, role: str | None, pronoun: str | None = None) -> Holder | None:
        """The last named person; with a role noun, the last one whose role contains it; with a pronoun, the
        last speaker or subject if they agree with it, else the last named person who does."""
        for p in reversed(self.people if role else []):
            if isinstance(p, Mention) and p.role and role in p.role.lower():
                return (p.actor, p.surface)
        agree = [h for h in [self.topic] if h is not None] or [
            (p.actor, p.surface) if isinstance(p, Mention) else p for p in self.people[-1:]]
        if pronoun is not None:  # "he", "she": the last speaker or subject, else the last person, who agrees
            agree += [(p.actor, p.surface) if isinstance(p, Mention) else p for p in reversed(self.people)]
            speaking = {a for a, _ in self.floor or []}  # the one with the floor would say "I" (§2 transcripts)
            agree = [h for h in agree if self.genders.agrees(h[0].name, pronoun) and h[0] not in speaking]
            if agree:  # "Lind spoke. She said ...": the pronoun shows the gender of the person it continues
                self.genders.shown(agree[0][0].name, pronoun)
        return agree[0] if agree else None

    def _remember(self, holders: list[Holder]) -> None:
        for actor, surface in holders:
            if actor.kind == "person":  # moved to the end, keeping the role it was introduced with
                known = [p for p in self.people if isinstance(p, Mention) and p.actor == actor]
                self.people = [p for p in self.people if (p.actor if isinstance(p, Mention) else p[0]) != actor]
                self.people.append(known[-1] if known else (actor, surface))
            else:
                self.last_group = (actor, surface)
                self.last_state = (actor, surface) if actor.kind == "state" else self.last_state
        self.last_speech = holders

    # ---- the speeches of one sentence

    def speeches(self, doc: "Doc", mentions: list[Mention]) -> list[Speech]:
        text = doc.text
        if heading(text):  # §2: a heading ends a section; a statement's heading opens the words announced before
            self.floor = self.announced if opens_statement(text) else None
        if is_metadata(text) or heading(text):
            return []
        sources = [[h for h in self.resolve(s, mentions) if h != SOURCE] for s in announced_sources(doc)]
        self.announced = next((h for h in sources if h), None)  # the first statement a sentence names
        quotes = quote_spans(text)
        self.bodies += [(m.actor, m.surface) for m in mentions if m.actor.kind in ("organization",
                                                                                   "international_organization")]
        self.genders.learn(doc, mentions, {t.i for t in doc if in_quote(t.idx, quotes)})
        if text.lstrip().lower().startswith("we,") and len(named := signatories(doc, mentions)) >= 2:
            self.joint = named
        for m in mentions:
            if m.actor.kind == "person" and m.titled:
                self.people = [p for p in self.people if (p.actor if isinstance(p, Mention) else p[0]) != m.actor]
                self.people.append(m)
        found: list[Speech] = []
        covered: set[int] = set()
        for source, clause in noun_clauses(doc):  # "X's statement that C": C is X's, not its own subject's
            if holders := [h for h in self.resolve(source, mentions) if h != SOURCE]:
                start, end, tokens = content_of(doc, clause)
                found.append(Speech(holders, None, clause, start, end, attribution_of(text, start, end, None), tokens))
                covered |= tokens
        for verb in sorted((t for t in doc if t.pos_ in ("VERB", "AUX")), key=lambda t: depth(t)):
            claim = named_relative(verb) and is_attitude_verb(verb)  # §3: "X, which opposes the pipeline": a claim
            if verb.i in covered and not claim or in_quote(verb.idx, quotes):  # about X, even inside another's words
                continue
            speech = self._verb_speech(doc, verb, mentions)
            if speech is None:
                continue
            covered |= speech.tokens
            if speech.holders != [SOURCE]:
                found += split_coordinated(doc, speech)
        cue = self._adjunct(doc, mentions)
        if cue is not None:
            found = [self._attributed(doc, s, cue) for s in found]
        label = self._label(doc, mentions)
        if label is not None:
            found = [self._on_the_floor(s, label) for s in found]
        if not found:
            found = [s for s in (self._adjunct_speech(doc, cue), self._bare_quote(doc), label,
                                 self._statement(doc)) if s][:1]
        if any(sp.verb is not None and sp.verb.lemma_.lower() in lex.REPORTING and sp.holders != self.joint
               for sp in found):
            self.joint = []  # another voice reports ("he said"): the reproduced statement is over
        if self.joint and all(s.holders != self.joint for s in found) and (own := self._statement(doc)):
            found = [own]  # a "we" sentence of the statement: an attitude verb in it is the signatories' account
        if self.joint:  # §2 (1.2): a reproduced joint statement is its signatories' direct speech
            found = [Speech(s.holders, s.verb, s.root, s.start, s.end, "direct_quote", s.tokens)
                     if s.holders == self.joint else s for s in found]
        for speech in found:
            self._remember(speech.holders)
        if not self.joint:  # the signatories of a statement are no "he" or "she" of the news around it
            # a speaker on the floor says "I", never "he": "he" in their answer is someone they speak of
            own = [s for s in found if not self.floor or s.holders != self.floor]
            self.topic = main_person(doc, mentions, own) or self.topic
        return found

    def _verb_speech(self, doc: "Doc", verb: "Token", mentions: list[Mention]) -> Speech | None:
        lemma = verb.lemma_.lower()
        believed = cognition_complement(verb)  # "X believes C": C is X's position (§3)
        reporting = lemma in lex.REPORTING or lemma in lex.SOURCE_VERBS or bool(believed)
        certain = certainty_complement(verb)
        if not reporting and not is_attitude_verb(verb) and certain is None:
            return None
        subject = subject_of(verb)
        if subject is not None and subject.dep_ == "nsubjpass" and (not reporting or subject.head.i != verb.i):
            return None  # "X was condemned", "X was urged to C": X is judged or addressed, it takes no position
        if subject is not None and subject.dep_ == "nsubjpass":
            subject = agent_of(verb)  # "X was told by Y that C": Y speaks
        if subject is None:
            return None
        holders = self.resolve(subject, mentions)
        if certain is not None and holders and SOURCE not in holders:  # "we are clear that X": X is stated
            start, end, tokens = content_of(doc, certain)
            return Speech(holders, verb, certain, start, end, attribution_of(doc.text, start, end, verb), tokens)
        if lemma in lex.SOURCE_VERBS or holders and all(h == SOURCE for h in holders):
            root = next((c for c in verb.children if c.dep_ in COMPLEMENTS), None)
            inner = {t.i for t in root.subtree} if root is not None else set()
            return Speech([SOURCE], verb, root, 0, 0, "", {t.i for t in verb.subtree} - inner)
        if not holders or not reporting and backing_conduct(verb):
            return None
        complement = complement_of(verb)
        if reporting and complement is not None and reports_anothers_words(complement, holders):
            return None  # "X's office said she told them that C": C is hers (§2 reporting); the inner verb speaks
        aside = parenthetical_content(doc, verb) if reporting and complement is None else None
        if believed:
            start, end, tokens = content_of(doc, believed[-1], *believed[:-1])
            root = believed[-1]
        elif aside is not None:  # "Only then, he said, could X ...": the host clause is what is said
            start, end, tokens = aside
            root = verb.head
        elif reporting and complement is not None:
            start, end, tokens = content_of(doc, complement)
            root = complement
        else:  # an attitude or a speech act with an object: the predicate itself is the content
            kids = [c for c in verb.children if c.dep_ in PREDICATE and not own_clause(verb, c)]
            if reporting and not is_attitude_verb(verb) and not quote_spans(doc.text) \
                    and not any(c.dep_ in _OBJECTS or c.dep_ == "prep" and c.lower_ in _TARGETS for c in kids):
                return None  # "X will respond": no words reported, no act on anything (§3)
            tokens = {verb.i} | {t.i for c in kids for t in c.subtree}
            first, last = min(tokens), max(tokens)
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            root = verb
        return Speech(holders, verb, root, start, end, attribution_of(doc.text, start, end, verb), tokens)

    def _adjunct(self, doc: "Doc", mentions: list[Mention]) -> Cue | None:
        """"according to X", "in X's view": X's holders, the word the adjunct modifies, the adjunct's tokens."""
        found = adjunct_source(doc)
        if found is None:
            return None
        source, head, skip = found
        holders = [h for h in self.resolve(source, mentions) if h != SOURCE]
        return (holders, head, skip) if holders else None

    @staticmethod
    def _attributed(doc: "Doc", speech: Speech, cue: Cue) -> Speech:
        """§2: "according to X, C" / "in X's view, C": C is X's words, whole, subject included; only a speech act
        C reports of another keeps its actor ("according to Roe, the president urged Lind to sign")."""
        holders, head, skip = cue
        verb = speech.verb
        if verb is None or (head.i not in speech.tokens and head.i != verb.i) or (
                verb.lemma_.lower() in lex.REPORTING | lex.ASSENT_VERBS | lex.PLEDGE and obligation(verb) is None):
            return speech
        start, end, tokens = span_of(doc, {t.i for t in verb.subtree} - skip or {verb.i})
        return Speech(holders, None, verb, start, end, attribution_of(doc.text, start, end, None), tokens)

    @staticmethod
    def _adjunct_speech(doc: "Doc", cue: Cue | None) -> Speech | None:
        """"According to X, the talks are over": the clause the adjunct modifies, with no verb of its own."""
        if cue is None:
            return None
        holders, head, skip = cue
        start, end, tokens = span_of(doc, {t.i for t in head.subtree} - skip or {head.i})
        return Speech(holders, None, head, start, end, attribution_of(doc.text, start, end, None), tokens)

_OBJECTS = frozenset("dobj dative xcomp ccomp attr oprd".split())
_TARGETS = frozenset("to against on with about for".split())  # "respond to X", "call for X": an act on X
