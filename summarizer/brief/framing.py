"""Framing divergence: outlets of one day describing the same parties' situation in opposing terms.

Each subject has frames, and each frame a cue list written as English grammar,
not as phrases of any article:

state of talks
  * "contacts, not negotiations" — a negator (no, not, never, cannot, isn't, ...)
    or a denial verb (deny, rule out, dismiss) up to six words before a talk noun
    (negotiation, talks, dialogue); or contact by messages or intermediaries: a
    verb of sending or exchanging (exchange, pass, convey, relay, send, deliver)
    near "message(s)"/"letter(s)", "indirect(ly)", "through/via intermediaries/
    mediators".
  * "talks held or planned" — a verb of arranging (expected, scheduled, set, due,
    planned, slated, agreed, decided) + "to" + meet/negotiate/talk; a verb of
    holding or starting (hold, resume, begin, start, open, enter, launch, pursue,
    conduct) before a talk or meeting noun; a talk noun followed by
    will / is to / is set / is scheduled / is expected / was held / took place;
    an adjective of arrangement (planned, upcoming, scheduled, proposed,
    forthcoming, next, new, further) or "round of" before the noun. Not when a
    negator, a refusal (refuse, reject, decline) or a conditional (if, unless,
    only, whether) stands in the four words before: that is no statement that
    talks take place.
ceasefire
  * "ceasefire broken" — violation words next to ceasefire/truce;
  * "ceasefire holding" — holding / held / respected / in effect / in place.

A sentence counts for the first frame it matches (a denial mentions the talk
noun too). Its parties are the actors it names, taken as their countries. Two
known outlets diverge when, among the articles of one day, one uses only frame X
and the other only frame Y, and their sentences share at least two parties (or
all of them when one names fewer). Articles of different days never diverge:
what changed between days is novelty. Undated articles and articles of unknown
outlet take no part (nothing says they are other outlets of the same day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from summarizer.brief.models import Divergence, DivergenceSide, Quote
from summarizer.entities.gazetteer import find_places
from summarizer.entities.resolve import Actor
from summarizer.text.normalize import normalise
from summarizer.text.segment import split_sentences

QuoteMaker = Callable[[str, int, int], "Quote | None"]
Article = tuple[str, str | None, str | None, str]  # (source id, outlet, date, text)

_TALK = r"(?:negotiations?|talks|dialogue)"
_MEETING = r"(?:negotiations?|talks|dialogue|meetings?|summit)"
_NEGATOR = r"(?:no|not|never|nor|cannot|can't|couldn't|won't|isn't|aren't|wasn't|weren't)"
_UP_TO = r"(?:\W+\w+){{0,{}}}?\W+"
# A negator, a refusal, or a conditional before an affirmative cue makes it no statement that talks happen.
_CANCEL = re.compile(r"\b(?:no|not|never|n't|cannot|refus\w*|reject\w*|declin\w*|den(?:y|ies|ied)|rul\w* out|"
                     r"if|unless|only|whether)\b", re.I)


@dataclass(frozen=True)
class Frame:
    label: str
    cues: tuple[str, ...]
    affirmative: bool = False  # a negator just before a cue cancels it


@dataclass(frozen=True)
class FramingRule:
    subject: str
    frames: tuple[Frame, ...]  # first match wins within a sentence


FRAMINGS: tuple[FramingRule, ...] = (
    FramingRule("state of talks", (
        Frame("contacts, not negotiations", (
            rf"\b{_NEGATOR}{_UP_TO.format(5)}{_TALK}\b",
            rf"\b(?:den(?:y|ies|ied|ying)|rul(?:e|es|ed|ing) out|dismiss(?:es|ed|ing)?){_UP_TO.format(4)}{_TALK}\b",
            rf"\b(?:exchang|pass|convey|relay|sen[dt]|deliver)\w*{_UP_TO.format(3)}(?:messages?|letters?)\b",
            rf"\b(?:messages?|letters?){_UP_TO.format(2)}(?:exchang|pass|convey|relay|deliver)\w*",
            r"\bindirect(?:ly)?\b",
            r"\b(?:through|via) (?:\w+ ){0,2}(?:intermediar(?:y|ies)|mediators?)\b",
        )),
        Frame("talks held or planned", (
            r"\b(?:expected|scheduled|set|due|planned|planning|plans?|slated|agreed|decided)\s+to\s+(?:\w+\s+)?"
            r"(?:meet|negotiate|talk)\b",
            rf"\b(?:hold|held|holding|resum|begin|began|begun|start|open|enter|launch|pursu|conduct)\w*"
            rf"{_UP_TO.format(3)}{_MEETING}\b",
            rf"\b{_MEETING}\s+(?:\w+\s+){{0,3}}?(?:will|(?:is|are) (?:to|set|scheduled|expected|due|planned)|"
            r"(?:was|were) held|took place)\b",
            rf"\b(?:planned|upcoming|scheduled|proposed|forthcoming|next|new|further)\s+(?:round\s+of\s+)?{_MEETING}\b",
            rf"\bround\s+of\s+{_TALK}\b",
        ), affirmative=True),
    )),
    FramingRule("ceasefire", (
        Frame("ceasefire broken", (r"\b(?:ceasefire|truce)\s+(?:violations?|(?:was|were|has been) violated|"
                                   r"collapsed|broke down|breaches?)\b",
                                   r"\b(?:violat|breach|broke|break)\w*\s+(?:the\s+|a\s+)?(?:ceasefire|truce)\b")),
        Frame("ceasefire holding", (r"\b(?:ceasefire|truce)\s+(?:is\s+|was\s+|has\s+)?(?:holding|held|in effect|"
                                    r"in place|respected)\b",), affirmative=True),
    )),
)


@dataclass(frozen=True)
class _Hit:
    article: str
    outlet: str
    frame: str
    parties: frozenset[str]
    start: int
    end: int


class PartyFinder:
    """Which actors a sentence names, as parties: a state's ISO code, a person's country, else the actor id."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        actors = list(actors)
        self.places = {a.name: self._party(a) for a in actors if a.kind in ("state", "international_organization")}
        surnames = [normalise(a.name).split()[-1] for a in actors if a.kind == "person" and normalise(a.name)]
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        for actor in actors:
            if actor.name in self.places:
                continue
            forms = {actor.name, *(text for text, _ in actor.mentions() if len(text.split()) > 1)}
            last = actor.name.split()[-1] if actor.kind == "person" and actor.name.split() else ""
            if len(last) >= 4 and surnames.count(normalise(last)) == 1:
                forms.add(last)
            for form in sorted(forms, key=len, reverse=True):
                flags = 0 if len(form.split()) == 1 else re.I
                self.patterns.append((re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)", flags), self._party(actor)))

    @staticmethod
    def _party(actor: Actor) -> str:
        return actor.country or actor.id

    def parties(self, sentence: str) -> frozenset[str]:
        found = {self.places[hit.actor.name] for hit in find_places(sentence) if hit.actor.name in self.places}
        found |= {party for pattern, party in self.patterns if pattern.search(sentence)}
        return frozenset(found)


def _negated(sentence: str, start: int) -> bool:
    before = sentence[:start].split()[-4:]
    return bool(_CANCEL.search(" ".join(before)))


def frame_of(rule: FramingRule, sentence: str) -> str | None:
    """The label of the first frame of `rule` whose cues the sentence uses, if any."""
    for frame in rule.frames:
        for cue in frame.cues:
            for match in re.finditer(cue, sentence, re.I):
                if not (frame.affirmative and _negated(sentence, match.start())):
                    return frame.label
    return None


def _hits(articles: list[Article], finder: PartyFinder, rule: FramingRule) -> list[_Hit]:
    hits = []
    for article, outlet, _, text in articles:
        for sentence in split_sentences(text):
            frame = frame_of(rule, sentence.text)
            parties = finder.parties(sentence.text) if frame else frozenset()
            if frame and parties and outlet:
                hits.append(_Hit(article, outlet, frame, parties, sentence.start, sentence.end))
    return hits


def _shared_enough(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= min(2, len(a), len(b))


def _union(hits: list[_Hit]) -> frozenset[str]:
    return frozenset().union(*[h.parties for h in hits])


def framings(articles: list[Article], finder: PartyFinder, quote: QuoteMaker) -> list[Divergence]:
    """Framing divergences, each among the known-outlet articles of one day."""
    days: dict[str, list[Article]] = {}
    for article in articles:
        if article[1] and article[2]:
            days.setdefault(article[2], []).append(article)
    out: list[Divergence] = []
    for day in sorted(days):
        for rule in FRAMINGS:
            found = _one(rule, day, _hits(days[day], finder, rule), quote)
            if found is not None:
                found.id = f"div-framing-{len(out) + 1}"
                out.append(found)
    return out


def _one(rule: FramingRule, day: str, hits: list[_Hit], quote: QuoteMaker) -> Divergence | None:
    by_outlet: dict[str, dict[str, list[_Hit]]] = {}
    for hit in hits:
        by_outlet.setdefault(hit.outlet, {}).setdefault(hit.frame, []).append(hit)
    single = {o: next(iter(frames)) for o, frames in by_outlet.items() if len(frames) == 1}
    pairs = [(a, b) for a in single for b in single if single[a] < single[b]
             and _shared_enough(_union(by_outlet[a][single[a]]), _union(by_outlet[b][single[b]]))]
    if not pairs:
        return None
    outlets = sorted({o for pair in pairs for o in pair})
    shared = frozenset.intersection(*[_union(by_outlet[o][single[o]]) for o in outlets]) or \
        frozenset.union(*[_union(by_outlet[a][single[a]]) & _union(by_outlet[b][single[b]]) for a, b in pairs])
    sides = []
    for frame in rule.frames:
        mine = [o for o in outlets if single[o] == frame.label]
        mine_hits = [h for o in mine for h in by_outlet[o][frame.label]]
        quotes = [q for h in mine_hits if (q := quote(h.article, h.start, h.end)) is not None]
        if mine and quotes:
            sides.append(DivergenceSide(label=frame.label, date=day, outlets=mine, evidence=quotes,
                                        articles=list(dict.fromkeys(h.article for h in mine_hits))))
    if len(sides) < 2:
        return None
    text = "; ".join(f"{', '.join(s.outlets)}: {s.label}" for s in sides)
    return Divergence(id="div-framing", kind="framing", subject=rule.subject, actors=sorted(shared), date=day,
                      description=f"Outlets frame the {rule.subject} differently on {day} — {text}.",
                      rule=f"framing cues ({rule.subject})", sides=sides)
