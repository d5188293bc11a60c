"""Where outlets disagree: contradictions between reports, and differences of framing.

Two deterministic rules, both between different outlets (never within one):

contradiction — one merged stance (same holder, same topic) that one outlet reports
    as `favor` and another as `against`, neither outlet reporting both.

framing — a cue lexicon per subject names opposing frames, e.g. for the state of
    talks: "contacts, not negotiations" ("exchanges of messages", "no formal
    negotiations", "cannot be described as negotiations") against "talks held or
    planned" ("expected to meet", "move toward talks", "planned talks"). Every
    sentence of every article is checked; a sentence matching the first frame's cues
    counts for it only (negations mention the positive word). The sentence's parties
    are the actors it names, taken as their countries. Outlet A and outlet B diverge
    when A uses only frame X, B only frame Y, and their sentences share at least two
    parties (or all of them, when one side names fewer). Each side cites its sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from summarizer.brief.models import BriefStance, Divergence, DivergenceSide, Quote
from summarizer.entities.gazetteer import find_places
from summarizer.entities.names import normalise
from summarizer.entities.resolve import Actor
from summarizer.text.segment import split_sentences

QuoteMaker = Callable[[str, int, int], "Quote | None"]


@dataclass(frozen=True)
class Frame:
    label: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class FramingRule:
    subject: str
    frames: tuple[Frame, ...]  # first match wins within a sentence


_N = r"(?:formal |direct |real |official |actual )?"
FRAMINGS: tuple[FramingRule, ...] = (
    FramingRule("state of talks", (
        Frame("contacts, not negotiations", (
            rf"\bno {_N}(?:negotiations?|talks)\b",
            rf"\bnot (?:yet )?(?:a |an )?{_N}(?:negotiations?|talks)\b",
            rf"\b(?:cannot|can't|can not|could not) (?:yet )?be (?:described|classified|named|called|labell?ed|"
            rf"considered) as (?:a |an )?{_N}negotiations?\b",
            rf"\b(?:difficult|hard|too early) to (?:name|call|describe|label) (?:it|them|this)(?: as)? (?:a )?{_N}"
            r"negotiations?\b",
            r"\bexchanges? of (?:messages|views|letters)\b",
            r"\bmessage exchanges?\b",
            r"\bindirect (?:contacts?|messages?|communications?)\b",
            r"\bstopped short of (?:describing|calling|labell?ing)\b",
        )),
        Frame("talks held or planned", (
            r"\b(?:expected|scheduled|set|due|planned|poised|slated) to (?:meet|hold talks|negotiate|sit down)\b",
            r"\b(?:will|would|are to|is to) (?:meet|hold talks|resume talks|begin talks|start talks)\b",
            r"\b(?:planned|upcoming|scheduled|proposed|forthcoming) (?:talks|negotiations|meeting)\b",
            r"\bmove (?:toward|towards) (?:talks|negotiations)\b",
            r"\b(?:agreed|decided) to (?:hold |resume |begin |start |enter (?:into )?)?(?:talks|negotiations)\b",
            r"\bpursue (?:\w+ ){0,4}negotiations\b",
            r"\b(?:talks|negotiations) (?:will|are (?:due|set|expected|scheduled) to) (?:take place|begin|start|"
            r"resume|be held)\b",
            r"\bround of (?:talks|negotiations)\b",
        )),
    )),
    FramingRule("ceasefire", (
        Frame("ceasefire broken", (r"\b(?:ceasefire|truce) (?:violations?|was violated|collapsed|broke down)\b",
                                   r"\bviolat\w* (?:the |a )?(?:ceasefire|truce)\b")),
        Frame("ceasefire holding", (r"\b(?:ceasefire|truce) (?:is |was )?(?:holding|held|in effect|respected)\b",)),
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
        surnames = [normalise(a.name).split()[-1] for a in actors if a.kind == "person" and a.name.split()]
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        for actor in actors:
            if actor.name in self.places:
                continue
            forms = {actor.name, *(text for text, _ in actor.mentions() if len(text.split()) > 1)}
            last = actor.name.split()[-1] if actor.kind == "person" else ""
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


def _frame_of(rule: FramingRule, sentence: str) -> str | None:
    for frame in rule.frames:
        if any(re.search(cue, sentence, re.I) for cue in frame.cues):
            return frame.label
    return None


def framing_hits(articles: list[tuple[str, str, str]], finder: PartyFinder) -> dict[str, list[_Hit]]:
    """Rule subject -> every sentence that uses one of its frames and names a party."""
    hits: dict[str, list[_Hit]] = {rule.subject: [] for rule in FRAMINGS}
    for article, outlet, text in articles:
        for sentence in split_sentences(text):
            for rule in FRAMINGS:
                frame = _frame_of(rule, sentence.text)
                parties = finder.parties(sentence.text) if frame else frozenset()
                if frame and parties:
                    hits[rule.subject].append(_Hit(article, outlet, frame, parties, sentence.start, sentence.end))
    return hits


def _shared_enough(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= min(2, len(a), len(b))


def framings(articles: list[tuple[str, str, str]], finder: PartyFinder, quote: QuoteMaker) -> list[Divergence]:
    out = []
    all_hits = framing_hits(articles, finder)
    for rule in FRAMINGS:
        hits = all_hits[rule.subject]
        by_outlet: dict[str, dict[str, list[_Hit]]] = {}
        for hit in hits:
            by_outlet.setdefault(hit.outlet, {}).setdefault(hit.frame, []).append(hit)
        single = {o: next(iter(frames)) for o, frames in by_outlet.items() if len(frames) == 1}
        pairs = [(a, b) for a in single for b in single if single[a] < single[b]
                 and _shared_enough(_union(by_outlet[a][single[a]]), _union(by_outlet[b][single[b]]))]
        if not pairs:
            continue
        outlets = sorted({o for pair in pairs for o in pair})
        shared = frozenset.intersection(*[_union(by_outlet[o][single[o]]) for o in outlets]) or \
            frozenset.union(*[_union(by_outlet[a][single[a]]) & _union(by_outlet[b][single[b]]) for a, b in pairs])
        sides = _sides(rule, outlets, single, by_outlet, quote)
        if len(sides) < 2:
            continue
        text = "; ".join(f"{', '.join(s.outlets)}: {s.label}" for s in sides)
        out.append(Divergence(id=f"div-framing-{len(out) + 1}", kind="framing", subject=rule.subject,
                              actors=sorted(shared), description=f"Outlets frame the {rule.subject} differently — "
                              f"{text}.", rule=f"framing cues ({rule.subject})", sides=sides))
    return out


def _union(hits: list[_Hit]) -> frozenset[str]:
    return frozenset().union(*[h.parties for h in hits])


def _sides(rule: FramingRule, outlets: list[str], single: dict[str, str], by_outlet: dict[str, dict[str, list[_Hit]]],
           quote: QuoteMaker) -> list[DivergenceSide]:
    sides = []
    for frame in rule.frames:
        mine = [o for o in outlets if single[o] == frame.label]
        hits = [h for o in mine for h in by_outlet[o][frame.label]]
        quotes = [q for h in hits if (q := quote(h.article, h.start, h.end)) is not None]
        if mine and quotes:
            sides.append(DivergenceSide(label=frame.label, outlets=mine,
                                        articles=list(dict.fromkeys(h.article for h in hits)), evidence=quotes))
    return sides


def contradictions(stances: list[BriefStance], actor_names: dict[str, str],
                   quotes: dict[str, Quote]) -> list[Divergence]:
    out = []
    for stance in stances:
        by_outlet: dict[str, set[str]] = {}
        for report in stance.reports:
            by_outlet.setdefault(report.outlet, set()).add(str(report.polarity))
        sides = []
        for polarity in ("favor", "against"):
            mine = [o for o, ps in by_outlet.items() if polarity in ps and len(ps & {"favor", "against"}) == 1]
            reports = [r for r in stance.reports if r.outlet in mine and r.polarity == polarity]
            if mine:
                sides.append(DivergenceSide(label=polarity, outlets=mine,
                                            articles=list(dict.fromkeys(r.article for r in reports)),
                                            evidence=[quotes[q] for r in reports for q in dict.fromkeys(r.evidence)]))
        if len(sides) == 2:
            holder = actor_names.get(stance.holder, stance.holder)
            out.append(Divergence(
                id=f"div-contradiction-{len(out) + 1}", kind="contradiction", subject=f"{holder} on {stance.topic}",
                actors=[stance.holder], rule="opposite polarity for one holder and topic",
                description=f"{_say(sides[0].outlets)} {holder} in favour of {stance.topic}; "
                            f"{_say(sides[1].outlets)} {holder} against it.",
                sides=sides, items=[stance.id]))
    return out


def _say(outlets: list[str]) -> str:
    return f"{', '.join(outlets)} {'reports' if len(outlets) == 1 else 'report'}"
