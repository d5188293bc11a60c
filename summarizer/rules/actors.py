"""Actors in parsed sentences: named entities (PERSON, ORG, GPE, NORP) plus the gazetteer.

Codebook §1: states and international organisations come from the gazetteer (names,
capitals, demonyms -> ISO3); people and organisations from spaCy's named entities; a
person's role and country from the noun phrase around the name (`rules.roles`; the
article-wide sources of a country are `rules.countries`); a name in apposition to a role
is a person whatever the tagger says; a lone surname is the full name used elsewhere. Outlets (the "Source:" line,
the agency in a dateline, names headed by a media noun) are never actors, and lines of
metadata (date, source, byline, timestamps) name no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.entities.gazetteer import Actor, find_cities, find_places, lookup, seats
from summarizer.rules import lexicon as lex
from summarizer.rules.lines import dateline_end, in_quote, is_media, is_metadata, outlets, quote_spans
from summarizer.rules.roles import RANKS as _RANKS
from summarizer.rules.roles import apposed_names, country_in, joint_roles, role_of, titled_names
from summarizer.rules.tagged import NAME_PARTICLES, entities
from summarizer.text.segment import Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["ActorFinder", "Mention", "dateline_end", "in_quote", "is_metadata", "mention_at", "outlets",
           "quote_spans"]

# Codebook §1: seats of government and their metonyms are aliases of the state.
_SEATS = {"State Department": "United States", "Pentagon": "United States", "Foggy Bottom": "United States",
          "Quai d'Orsay": "France", "Zhongnanhai": "China", "Blue House": "South Korea"}
@dataclass
class Mention:
    """An actor named in one sentence: char offsets into the sentence text, token span [first, last]."""

    start: int
    end: int
    surface: str
    actor: Actor
    first: int
    last: int
    role: str | None = None
    titled: bool = False  # introduced with a title, role or apposition
    demonym: bool = False  # 'Iranian', 'Israeli': the state as a modifier


def _strip_possessive(text: str) -> str:
    return re.sub(r"[’']s?$", "", text)


class ActorFinder:
    """The mentions of every sentence of one chunk, with surnames linked to full names; `known` carries
    the full names an earlier chunk of the same article introduced (surname -> full name)."""

    def __init__(self, sentences: list[Sentence], docs: list["Doc"], known: dict[str, str] | None = None) -> None:
        self.outlets = outlets(sentences)
        self.full: dict[str, str] = dict(known or {})  # surname (or the given name of "X bin Y") -> full name
        self.persons: set[str] = set()  # every name the tagger calls a person somewhere in the chunk
        self.acronyms: dict[str, str] = {}  # "Rapid Support Forces (RSF)": RSF -> the expansion
        for doc in docs:
            places, skip = find_cities(doc.text), dateline_end(doc.text)
            for ent in entities(doc):
                name = _strip_possessive(ent.text)
                if ent.start_char < skip or any(s < ent.end_char and ent.start_char < e for s, e in places):
                    continue
                if ent.label_ == "PERSON":
                    self.persons.add(name)
                if (ent.label_ == "PERSON" or _titled_name(doc, ent)) and len(name.split()) >= 2:
                    self._learn(name)
            for first, last in apposed_names(doc) + titled_names(doc) + [j[:2] for j in joint_roles(doc)]:
                self._learn(doc[first:last + 1].text)
        for doc in docs:  # "Ann Maria Lind signed ... Maria Lind said": a name the tagger called an ORG once
            for ent in doc.ents:
                if ent.label_ == "ORG" and len(ent) <= 4 and any(ent.text.endswith(" " + p) for p in self.persons):
                    self.persons.add(ent.text)
                    self._learn(ent.text)
            for ent in doc.ents:  # "the Joint Chiefs of Staff ... the JCS": an acronym of a name met in the chunk
                words = [w for w in ent.text.split() if w[:1].isupper() and w not in ("The", "the")]
                if ent.label_ == "ORG" and len(words) >= 2:
                    self.acronyms.setdefault("".join(w[0] for w in words), re.sub(r"^the\s+", "", ent.text, flags=re.I))
            for m in _ACRONYM.finditer(doc.text):
                words = [w for w in m.group(1).split() if w[0].isupper() and w != "The"]
                for k in range(len(words)):  # "South Korea's Joint Chiefs of Staff (JCS)": a suffix expands it
                    if "".join(w[0] for w in words[k:]) == m.group(2).rstrip("s"):
                        start = m.group(1).index(words[k])
                        self.acronyms.setdefault(m.group(2), m.group(1)[start:])
                        break
        self.mentions: dict[int, list[Mention]] = {}
        for sentence, doc in zip(sentences, docs):
            self.mentions[sentence.id] = [] if is_metadata(sentence.text) else self._mentions(doc)
        _join_variants(self.mentions)

    def _learn(self, name: str) -> None:
        """Short forms of a full name: the surname; the given name of "X bin Y"; the family name of a
        short-surname-first name ("Xi Jinping", "Lai Ching-te"); and a shorter tail of a longer name."""
        words = name.split()
        while len(words) > 2 and words[0].lower() in lex.TITLE_WORDS:
            words = words[1:]  # "Spokesman Ivo Marek" tagged as one name
        name = " ".join(words)
        self.full.setdefault(words[-1], name)
        self.full.setdefault(words[-1].lower(), name)
        bare = re.sub(r"^(?:al|el|ad|ash|as|at|az)-(?=[A-Z])", "", words[-1])
        if bare != words[-1]:
            self.full.setdefault(bare, name)  # "al-Burhan" is also "Burhan"
        if len(words) == 3 and words[1][:1].isupper() and words[1].lower() not in NAME_PARTICLES:
            self.full.setdefault(words[1], name)  # a double family name used alone ("Lars Ulf Berg" -> "Ulf")
        if len(words) >= 3 and words[1].lower() in _PATRONYMIC:
            self.full.setdefault(words[0], name)  # "Sheikh Mohammed" for "Mohammed bin X"
        if len(words) == 2 and (len(words[0]) <= 4 or "-" in words[1]) and words[0][:1].isupper():
            self.full.setdefault(words[0], name)
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            if len(self.full.get(tail, tail)) < len(name):
                self.full[tail] = name

    def _mentions(self, doc: "Doc") -> list[Mention]:
        text = doc.text
        skip = dateline_end(text)
        found: list[Mention] = []
        venues: list[tuple[int, int]] = []
        for first, last, role, country, state in joint_roles(doc):  # §2: "the Ministers of A and B, X and Y"
            venues.append(state)  # the state is part of the minister's role
            name = doc[first:last + 1].text
            found.append(Mention(doc[first].idx, doc[first].idx + len(name), name,
                                 Actor(self.full.get(name, name), "person", country), first, last, role, True))
        names = [(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "PERSON" and len(e) >= 2]
        for hit in find_places(text):
            if hit.start < skip or any(s <= hit.start and hit.end < e for s, e in names) \
                    or any(s <= hit.start and hit.end <= e for s, e in venues):
                continue  # "Israel Katz", "Jordan Bardella": a state's name opening a person's name is a given name
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is not None and _venue(doc, span, hit.surface):
                venues.append((hit.start, hit.end))
            elif span is not None:
                found.append(Mention(hit.start, hit.end, hit.surface, hit.actor, span.start, span.end - 1,
                                     demonym=hit.demonym))
        places = find_cities(text) + venues  # §1: places used as places are no actors
        for ent in entities(doc):
            if ent.start_char < skip or any(m.first <= ent.end - 1 and ent.start <= m.last for m in found) \
                    or any(s < ent.end_char and ent.start_char < e for s, e in places):
                continue
            mention = self._entity(doc, ent)
            if mention is not None:
                found.append(mention)
        for first, last in apposed_names(doc) + titled_names(doc):  # §1: a name apposed to or titled with a role
            if doc[first].idx >= skip and not any(m.first <= last and first <= m.last for m in found):
                role, country = role_of(doc, first, last)
                name = doc[first:last + 1].text
                found.append(Mention(doc[first].idx, doc[first].idx + len(name), name,
                                     Actor(self.full.get(name, name), "person", country), first, last, role, True))
        for tok in doc:  # §1: a known person's surname the tagger missed ("Pashinyan said ...")
            if tok.pos_ == "PROPN" and tok.text in self.full and tok.idx >= skip \
                    and not any(m.first <= tok.i <= m.last for m in found):
                role, country = role_of(doc, tok.i, tok.i)
                found.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text,
                                     Actor(self.full[tok.text], "person", country), tok.i, tok.i, role, role is not None))
        return sorted(found, key=lambda m: m.start)

    def _entity(self, doc: "Doc", ent: "Doc") -> Mention | None:  # ent is a Span
        name = _strip_possessive(ent.text.strip())
        tokens = [t for t in ent if t.text not in ("'s", "’s")]
        if name.split()[0] in lex.VESSEL_PREFIXES:
            return None  # a ship is a place where things happen, not an actor
        if len(tokens) == 1 and tokens[0].tag_ in ("NN", "NNS") and tokens[0].is_sent_start and name not in self.full:
            return None  # "Groups linked to X ...", "Trade did not ...": a common noun capitalised to open a sentence
        before = doc[ent.start - 1].lemma_.lower() if ent.start > 0 else ""
        if name in self.acronyms or ent.label_ == "PERSON" and (before in lex.ORGANISATION_NOUNS or (
                before == "the" and name.endswith("s"))):  # "the state company X", "the Houthis": not a person
            full = self.acronyms.get(name, name)
            if _state_office(full.lower().split()):
                return None
            return Mention(ent.start_char, ent.start_char + len(name), name, Actor(full, "organization"),
                           ent.start, ent.end - 1)
        given = len(tokens) == 1 and sum(f.split()[0] == name for f in set(self.full.values())) == 1
        if ent.label_ == "PERSON" or name in self.full or name in self.persons or given or _titled_name(doc, ent):  # tagger took it for an ORG
            while tokens and tokens[0].text.lower() in lex.TITLE_WORDS:
                tokens.pop(0)  # "President Trump" tagged as one PERSON
            if not tokens:
                return None
            first, last = tokens[0], tokens[-1]
            name = _strip_possessive(doc.text[first.idx:last.idx + len(last.text)])
            if not name[:1].isupper() or is_media(name, self.outlets):
                return None
            if len(tokens) == 1 and name not in self.full and (_locative(first) or first.dep_ in _MODIFIER and
                                                               first.head.pos_ == "NOUN"):
                return None  # "talks at X", "the X commitments", "X armed groups": a place or people, no person
            if len(tokens) == 1 and name.lower() + "." in _RANKS:
                return None  # "Brig. Gen. X": a rank cut at its full stop
            given = {f for f in self.full.values() if len(tokens) == 1 and f.split()[0] == name}
            full = self.full.get(name) or self.full.get(name.lower()) or (given.pop() if len(given) == 1 else name)
            role, country = role_of(doc, first.i, last.i)
            return Mention(first.idx, first.idx + len(name), name, Actor(full, "person", country), first.i, last.i,
                           role, role is not None)
        if ent.label_ in ("ORG", "NORP", "FAC"):
            name = re.sub(r"^the\s+", "", name, flags=re.I)
            if name in _SEATS:
                state = lookup(_SEATS[name])
                return Mention(ent.start_char, ent.start_char + len(name), name, state, ent.start, ent.end - 1) \
                    if state else None
            if ent.label_ == "FAC" or is_media(name, self.outlets) or not name[:1].isupper():
                return None
            if ent.label_ == "NORP" and not name.endswith("s"):
                return None  # an adjective the gazetteer does not know: a modifier, not an actor
            if _names_a_document(name):
                return None  # §1: an agreement, resolution or law is not an actor ("the Agreement does not ask")
            name = re.sub(r"^the\s+", "", name, flags=re.I)
            words = name.lower().split()
            if len(words) == 1 and words[0] in lex.PORTFOLIOS:
                return None  # "Defence" cut from "Ministry of Defence" or a title: a portfolio, not a body
            state = _state_near(doc, ent.start)
            if state is not None and words[-1] in lex.STATE_VOICES | {"ministry"} and set(words) <= _OFFICE_WORDS:
                # §1: a state's own office speaks for the state
                return Mention(ent.start_char, ent.end_char, name, state, ent.start, ent.end - 1)
            if _state_office(words):
                return None  # §1 (1.2): a ministry, cabinet or command is its state, never a participant of its own
            longer = {n for n in self.acronyms.values() if n.endswith(" " + name)} if len(words) == 1 else set()
            full = longer.pop() if len(longer) == 1 else name  # "the Port Authority ... the Authority": that body
            country = state.country if state else country_in(full)  # §1: "Lebanon's X", or "the Ruritanian X Party"
            return Mention(ent.end_char - len(name), ent.end_char, name, Actor(full, "organization", country),
                           ent.start, ent.end - 1)
        return None


# Head nouns of the names of agreements and documents (codebook §1: actors named only inside the name
# of an agreement, resolution or event are not participants, and the document itself is no actor).
_DOCUMENTS = frozenset("""agreement agreements accord accords treaty pact deal declaration resolution charter
convention protocol annex memorandum plan roadmap framework law act constitution statement""".split())


def _names_a_document(name: str) -> bool:
    head = re.split(r"\s+(?:on|of|for|to|between|with)\s+", name, maxsplit=1)[0].split()
    return bool(head) and head[-1].lower() in _DOCUMENTS or name.upper() == name and name.lower() in lex.TREATY_ACRONYMS


def _state_office(words: list[str]) -> bool:
    """A body of a state's executive named without its state ("the Foreign Ministry", "Ministry of Foreign
    Affairs", "the National Security Council", "Joint Chiefs of Staff"): codebook §1 (1.2) offices."""
    return words[0] in lex.STATE_OFFICES or words[-1] in lex.STATE_OFFICES or (
        "national" in words and words[-1] == "council")


def _venue(doc: "Doc", span: "Span", surface: str) -> bool:
    """"Lisbon in May added a clause": a capital as the subject with a time adjunct ("in" + a date) right after
    it names the venue of a round of talks, a place (codebook §1: venues are not aliases), not the government;
    reporting a clause ("Lisbon in May said it ...") it is the government speaking."""
    after = span.end
    verb = span.root.head
    speaks = verb.lemma_ in lex.REPORTING and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    return surface in seats() and span.root.dep_ == "nsubj" and not speaks and after + 1 < len(doc) \
        and doc[after].lower_ == "in" and doc[after + 1].ent_type_ == "DATE"


def _locative(tok: "Token") -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "outside", "inside", "around", "across")


# Words of the generic name of a state body ("Armed Forces", "Ministry of Foreign Affairs"); a name with any
# other word is a body's own name ("Rapid Support Forces"), an organisation even with a state before it.
_OFFICE_WORDS = lex.STATE_VOICES | lex.STATE_OFFICES | lex.PORTFOLIOS | frozenset(
    "of the and for armed joint chiefs general supreme national federal foreign ministry defence defense".split())
_MODIFIER = frozenset("compound nmod amod".split())
# "X bin Y", "X ibn Y": the given name is the short form ("Sheikh Mohammed").
_PATRONYMIC = frozenset("bin ibn bint ben".split())
# "the Rapid Support Forces (RSF)": an expansion and its acronym in parentheses.
_ACRONYM = re.compile(r"\b((?:[Tt]he )?[A-Z][\w'’-]*(?: (?:of |and |for |the )*[A-Z][\w'’-]*)+) \(([A-Z]{2,8}s?)\)")


def _join_variants(mentions: dict[int, list[Mention]]) -> None:
    """One actor per name: "Houthi" and "Houthis", an acronym and its expansion, are one organisation."""
    names = {m.actor.name for ms in mentions.values() for m in ms if m.actor.kind == "organization"}
    for ms in mentions.values():
        for m in ms:
            if m.actor.kind == "organization" and m.actor.name + "s" in names:
                m.actor = Actor(m.actor.name + "s", "organization", m.actor.country)


def _titled_name(doc: "Doc", ent: "Doc") -> bool:
    """Two or three proper nouns right after a title or role word ("spokesperson Anna Berg") name a person."""
    before = doc[ent.start - 1].text.lower() if ent.start > 0 else ""
    return (ent.label_ == "ORG" and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" for t in ent)
            and (before in lex.TITLE_WORDS or before in lex.PERSON_ROLES) and not find_places(ent.text))


def _state_near(doc: "Doc", start: int) -> Actor | None:
    """The state a non-state actor is tied to in its own phrase: "Lebanon's X", "the Yemen-based X"."""
    window = doc[max(0, start - 4):start].text
    hits = [h for h in find_places(window) if h.actor.kind == "state"]
    tail = window[hits[-1].end:].strip() if hits else ""
    # only right before the name, or through a possessive or "-based": not "Israel and Hamas"
    return hits[-1].actor if hits and tail in ("", "'s", "’s", "-based", "- based", "the") else None


def mention_at(mentions: list[Mention], token: "Token") -> Mention | None:
    """The mention a token belongs to."""
    return next((m for m in mentions if m.first <= token.i <= m.last), None)
