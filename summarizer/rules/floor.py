"""Speech that goes on without a reporting verb of its own (codebook §2, 1.2): a transcript label gives the
floor to a speaker until the next label, a sentence that is only a quotation continues the last speaker, and a
reproduced joint statement is its named signatories' words throughout.

`Continuations` holds the state these read (who has the floor, the last speakers, the signatories); the
`rules.speakers.SpeakerTracker` that reads an article sentence by sentence is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.rules import lexicon as lex
from summarizer.rules.actors import Mention
from summarizer.rules.speech import Holder, Speech

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


class Continuations:
    """The speaker state that carries over sentences, and the speech it gives to sentences without a verb."""

    def __init__(self) -> None:
        self.people: list[Mention | Holder] = []  # persons who spoke or were introduced, latest last
        self.last_speech: list[Holder] = []
        self.floor: list[Holder] | None = None  # the speaker a transcript label gave the floor to
        self.joint: list[Holder] = []  # "We, the foreign ministers of A and B, X and Y, ...": who "we" is

    def _titled(self, roles: set[str], country: str | None = "") -> list[Holder]:
        """The one person introduced with one of these role words (of `country`; "" for any), else no one."""
        found = {p.actor: p for p in self.people if isinstance(p, Mention) and p.role
                 and roles & {w.strip(".,()").lower() for w in p.role.split()}
                 and (country == "" or country is not None and p.actor.country == country)}
        return [(p.actor, p.surface) for p in found.values()] if len(found) == 1 else []


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
            if named and named[-1][0].kind == "state":
                named = []  # "Baku: text finalised" is a headline: a speaker label names who speaks, not a place
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



def signatories(doc: "Doc", mentions: list[Mention]) -> list[Holder]:
    """"We, the ministers of A and B, X, Y and Z": the named persons, and any name coordinated with one of them
    (the list is one of persons even where the tagger did not call each name a person)."""
    persons = {i for m in mentions if m.actor.kind == "person" for i in range(m.first, m.last + 1)}
    listed = {c.i for i in persons for c in doc[i].conjuncts}

    def named(m: Mention) -> bool:
        span = set(range(m.first, m.last + 1))
        return m.actor.kind == "person" or m.actor.kind in ("organization", "other") and bool(span & listed)
    return list(dict.fromkeys((m.actor, m.surface) for m in mentions if named(m)))
