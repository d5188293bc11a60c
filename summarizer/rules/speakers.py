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


from typing import TYPE_CHECKING

from summarizer.entities.gazetteer import state_of
from summarizer.rules import lexicon as lex
from summarizer.rules.actors import Mention, in_quote, is_metadata, mention_at, quote_spans
from summarizer.rules.speech import (COMPLEMENTS, PREDICATE, SOURCE, Holder, Speech, attribution_of, backing_conduct,
                                     certainty_complement, content_of, depth, holder_name, holders_of, is_attitude_verb,
                                     lead_subject, main_person, parenthetical_content, phrasal, plural_reference,
                                     split_coordinated, state_inside, subject_of)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token
__all__ = ["Holder", "SpeakerTracker", "Speech", "holder_name", "holders_of", "is_attitude_verb", "phrasal",
           "subject_of"]


class SpeakerTracker:
    """Reads the sentences of one text in order, carrying the last speakers forward."""

    def __init__(self) -> None:
        self.people: list[Mention | Holder] = []  # persons who spoke or were introduced, latest last
        self.last_group: Holder | None = None  # last state or organisation that spoke
        self.last_speech: list[Holder] = []
        self.floor: list[Holder] | None = None  # the speaker a transcript label gave the floor to
        self.topic: Holder | None = None  # the person who last spoke or was a main clause's subject
        self.joint: list[Holder] = []  # "We, the foreign ministers of A and B, X and Y, ...": who "we" is

    # ---- resolution of a subject to actors

    def resolve(self, tok: "Token", mentions: list[Mention]) -> list[Holder]:
        if tok.lower_ in ("we", "us") and self.joint:
            return list(self.joint)  # §2 (1.2): joint statements by named ministers, one item per minister
        if len(self.last_speech) > 1 and plural_reference(tok):
            return list(self.last_speech)  # §2: "they" / "both leaders" after a joint statement: each holder
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
        low, lemma = t.lower_, t.lemma_.lower()
        owner = next((mention_at(mentions, c) for c in t.children if c.dep_ == "poss"), None)
        if owner is not None and owner.actor.kind == "person" and lemma in lex.OWN_VOICES | {"office"}:
            if lemma != "office":  # "X's campaign criticised ...": X's own voice, never the object's owner
                return (owner.actor, owner.surface)
            country = owner.actor.country or next((p.actor.country for p in self.people if isinstance(p, Mention)
                                                   and p.actor.name == owner.actor.name and p.actor.country), None)
            state = state_of(country)  # §1 (1.2): "the office of Prime Minister X said" -> the state
            return (state, state.name) if state is not None else (owner.actor, owner.surface)
        if lemma in lex.PERSON_ROLES and (m is None or m.actor.kind != "person"):  # "X's minister, Ann Lind"
            named = [p for c in t.children if c.dep_ == "appos" for p in [mention_at(mentions, c)]
                     if p is not None and p.actor.kind == "person"]
            if named:
                return (named[0].actor, named[0].surface)
        if m is not None and not m.demonym:
            return (m.actor, m.surface)
        if t.tag_ in ("NNS", "NNPS") and (lemma in _MEMBERS or lemma in _GROUPS and not state_inside(t, mentions)):
            return None  # §2 (1.2): unnamed members ("lawmakers", "Western diplomats") give no item
        if low in ("he", "she", "it"):  # an earlier main-clause subject of this sentence comes first
            before = self._one(lead, mentions) if (lead := lead_subject(t)) is not None else None
            if before is not None and (before[0].kind == "person") == (low != "it"):
                return before
        if low in ("he", "she"):
            return self._person(None)
        if low == "it":  # "it" is never a person
            return self.last_group
        if low == "they":
            return self.last_group or (self.last_speech[0] if self.last_speech else None)
        if lemma in lex.MEDIA_NOUNS:
            return SOURCE
        if lemma in lex.PERSON_ROLES or lemma in lex.STATE_VOICES or m is not None:
            skip = {d.i for c in t.children if c.dep_ in ("relcl", "acl") for d in c.subtree}
            inner = [x for x in mentions if t.left_edge.i <= x.first and x.last <= t.right_edge.i
                     and x.first not in skip]
            if inner and lemma in lex.PERSON_ROLES and inner[0].demonym and t.tag_ == "NN" and \
                    (titled := self._titled({lemma}, inner[0].actor.country)):
                return titled[0]  # "the Finnish president says": the person introduced with that title (§2)
            if inner:
                return (inner[0].actor, inner[0].surface)
            if lemma in lex.PERSON_ROLES and t.tag_ in ("NN", "NNP"):
                return self._person(lemma)
            if lemma in lex.STATE_VOICES and lemma != "side":
                return self.last_group
        return None

    def _titled(self, roles: set[str], country: str | None = "") -> list[Holder]:
        """The one person introduced with one of these role words (of `country`; "" for any), else no one."""
        found = {p.actor: p for p in self.people if isinstance(p, Mention) and p.role
                 and roles & {w.strip(".,()").lower() for w in p.role.split()}
                 and (country == "" or country is not None and p.actor.country == country)}
        return [(p.actor, p.surface) for p in found.values()] if len(found) == 1 else []

    def _person(self, role: str | None) -> Holder | None:
        """The last named person; with a role noun, the last one whose role contains it."""
        for p in reversed(self.people if role else []):
            if isinstance(p, Mention) and p.role and role in p.role.lower():
                return (p.actor, p.surface)
        if self.topic is not None or not self.people:  # "he", "she" continue the last speaker or subject
            return self.topic
        last = self.people[-1]
        return (last.actor, last.surface) if isinstance(last, Mention) else last

    def _remember(self, holders: list[Holder]) -> None:
        for actor, surface in holders:
            if actor.kind == "person":  # moved to the end, keeping the role it was introduced with
                known = [p for p in self.people if isinstance(p, Mention) and p.actor == actor]
                self.people = [p for p in self.people if (p.actor if isinstance(p, Mention) else p[0]) != actor]
                self.people.append(known[-1] if known else (actor, surface))
            else:
                self.last_group = (actor, surface)
        self.last_speech = holders

    # ---- the speeches of one sentence

    def speeches(self, doc: "Doc", mentions: list[Mention]) -> list[Speech]:
        text = doc.text
        if is_metadata(text):
            return []
        named = [(m.actor, m.surface) for m in mentions if m.actor.kind == "person"]
        if text.lstrip().lower().startswith("we,") and len(named) >= 2:
            self.joint = list(dict.fromkeys(named))
        for m in mentions:
            if m.actor.kind == "person" and m.titled:
                self.people = [p for p in self.people if (p.actor if isinstance(p, Mention) else p[0]) != m.actor]
                self.people.append(m)
        quotes = quote_spans(text)
        found: list[Speech] = []
        covered: set[int] = set()
        for verb in sorted((t for t in doc if t.pos_ in ("VERB", "AUX")), key=lambda t: depth(t)):
            if verb.i in covered or in_quote(verb.idx, quotes):
                continue
            speech = self._verb_speech(doc, verb, mentions)
            if speech is None:
                continue
            covered |= speech.tokens
            if speech.holders != [SOURCE]:
                found += split_coordinated(doc, speech)
        label = self._label(doc, mentions)
        if label is not None:
            found = [self._on_the_floor(s, label) for s in found]
        if not found:
            found = [s for s in (self._according_to(doc, mentions), self._bare_quote(doc), label,
                                 self._statement(doc)) if s][:1]
        if any(sp.verb is not None and sp.verb.lemma_.lower() in lex.REPORTING and sp.holders != self.joint
               for sp in found):
            self.joint = []  # another voice reports ("he said"): the reproduced statement is over
        if self.joint:  # §2 (1.2): a reproduced joint statement is its signatories' direct speech
            found = [Speech(s.holders, s.verb, s.root, s.start, s.end, "direct_quote", s.tokens)
                     if s.holders == self.joint else s for s in found]
        for speech in found:
            self._remember(speech.holders)
        if not self.joint:  # the signatories of a statement are no "he" or "she" of the news around it
            self.topic = main_person(doc, mentions, found) or self.topic
        return found

    def _verb_speech(self, doc: "Doc", verb: "Token", mentions: list[Mention]) -> Speech | None:
        lemma = verb.lemma_.lower()
        reporting = lemma in lex.REPORTING or lemma in lex.SOURCE_VERBS
        certain = certainty_complement(verb)
        if not reporting and not is_attitude_verb(verb) and certain is None:
            return None
        subject = subject_of(verb)
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
        complement = next((c for c in verb.children if c.dep_ in COMPLEMENTS), None)
        aside = parenthetical_content(doc, verb) if reporting and complement is None else None
        if aside is not None:  # "Only then, he said, could X ...": the host clause is what is said
            start, end, tokens = aside
            root = verb.head
        elif reporting and complement is not None:
            start, end, tokens = content_of(doc, complement)
            root = complement
        else:  # an attitude or a speech act with an object: the predicate itself is the content
            kids = [c for c in verb.children if c.dep_ in PREDICATE]
            if reporting and not is_attitude_verb(verb) and not quote_spans(doc.text) \
                    and not any(c.dep_ in _OBJECTS or c.dep_ == "prep" and c.lower_ in _TARGETS for c in kids):
                return None  # "X will respond": no words reported, no act on anything (§3)
            tokens = {verb.i} | {t.i for c in kids for t in c.subtree}
            first, last = min(tokens), max(tokens)
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            root = verb
        return Speech(holders, verb, root, start, end, attribution_of(doc.text, start, end, verb), tokens)

    def _according_to(self, doc: "Doc", mentions: list[Mention]) -> Speech | None:
        for tok in doc:
            if tok.lower_ == "according":
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                holders = self.resolve(obj, mentions) if obj is not None else []
                if holders and SOURCE not in holders:
                    root = tok.head if tok.head.i != tok.i else next(iter(doc.sents)).root
                    skip = {t.i for t in tok.subtree}
                    tokens = {t.i for t in root.subtree} - skip
                    first, last = min(tokens or {root.i}), max(tokens or {root.i})
                    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
                    return Speech(holders, None, root, start, end, attribution_of(doc.text, start, end, None), tokens)
        return None

    def _label(self, doc: "Doc", mentions: list[Mention]) -> Speech | None:  # noqa: C901
        """Transcript convention: "Name: words" gives the floor to Name until the next label; a label
        naming no actor (a reporter, "Question:") gives it to no one."""
        text = doc.text  # built from the tokens on every access: read it once
        colon = text.find(":")
        led = next((t.pos_ for t in doc if not t.is_space), "")  # "Beyond X: Y" is a heading: a label is a name
        if 0 < colon <= 60 and text[:colon].strip()[:1].isupper() and "\"" not in text[:colon] and led not in (
                "ADP", "SCONJ", "ADV") and not any(t.pos_ in ("VERB", "AUX") and t.idx < colon for t in doc):  # "X told us:"
            known, tagged = self._known_person(text[:colon]), [(m.actor, m.surface) for m in mentions if m.end <= colon]
            named = (text[:colon].isupper() and known) or tagged or known  # "LIND:" names a person met before
            if {w.strip(".,()").lower() for w in text[:colon].split()} & lex.QUESTION_LABELS:
                named = []  # §2 (1.2): the asking journalist or outlet is never a holder
            self.floor = [named[-1]] if named and len(text[:colon].split()) <= 6 else None
            start = colon + 1
        elif self.floor is None:
            return None
        else:
            start = 0
        rest = [t for t in doc if t.idx >= start]
        if not self.floor or not rest or len(rest) < 3:
            return None
        root = next((t for t in rest if t.head.i == t.i or t.head.idx < start), rest[0])
        return Speech(list(self.floor), None, root, rest[0].idx, len(text), "direct_quote", {t.i for t in rest})

    def _known_person(self, label: str) -> list[Holder]:
        """A label in capitals or by surname ("BORRELL:") names a person introduced before."""
        words = {w.strip(".,()").lower() for w in label.split()}
        for p in reversed(self.people):
            actor, surface = (p.actor, p.surface) if isinstance(p, Mention) else p
            if actor.kind == "person" and actor.name.split()[-1].lower() in words:
                return [(actor, surface)]
        return self._titled(words & lex.PERSON_ROLES)  # "Spokesperson:" names the one so introduced

    @staticmethod
    def _on_the_floor(speech: Speech, label: Speech) -> Speech:
        """§2 transcripts: an answer under a speaker label is that speaker's direct speech, so what it
        says of a state or body ("China opposes X", "we reject Y") is the speaker's own stance; only
        another person's reported words stay theirs ("Minister Lind told me that ...")."""
        if any(a.kind == "person" for a, _ in speech.holders):
            return speech
        return Speech(list(label.holders), speech.verb, speech.root, speech.start, speech.end, "direct_quote",
                      speech.tokens)

    def _statement(self, doc: "Doc") -> Speech | None:
        """§2 (1.2): a joint statement by named ministers ("We, the foreign ministers of A and B, X and Y, ...")
        is their direct speech throughout, also in sentences that report no one."""
        if not self.joint or len(doc) < 4 or not any(t.lower_ in ("we", "our", "us") for t in doc):
            return None  # only what the signatories say of themselves: the narrative between is theirs too,
            # but it rarely states a position (measured on the dev set)
        root = next(iter(doc.sents)).root
        return Speech(list(self.joint), None, root, 0, len(doc.text), "direct_quote", {t.i for t in doc})

    def _bare_quote(self, doc: "Doc") -> Speech | None:
        """A sentence that is a quotation without a reporting verb: the last speaker's words."""
        text = doc.text.strip()
        if not self.last_speech or not text or text[0] not in "“\"":
            return None
        root = next(iter(doc.sents)).root
        return Speech(list(self.last_speech), None, root, 0, len(doc.text), "direct_quote", {t.i for t in doc})


_OBJECTS = frozenset("dobj dative xcomp ccomp attr oprd".split())
_TARGETS = frozenset("to against on with about".split())  # "respond to X": an act on X
# Members of a body, and observers: never its voice (§2 1.2: "lawmakers are not the government").
_MEMBERS = frozenset("lawmaker legislator deputy senator mp parliamentarian analyst expert observer "
                     "mediator protester critic commentator scholar".split())
# Plural voices that speak for a state only when the state is named in them ("Iranian officials" but
# not "officials", "Western diplomats"); "the Ukrainian side" is Ukraine, "the other side" no one.
_GROUPS = frozenset("official diplomat source side".split())
