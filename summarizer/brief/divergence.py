"""Where outlets disagree on one day: contradictions between reports, and differences of framing.

Two deterministic rules, both between different known outlets (never within
one, never involving an article of unknown outlet) and both among articles of
the same day — what moved between days is novelty (`novelty`), not divergence:

contradiction — one holder's stances on one topic (`other_polarities`), one outlet
    reporting `favor` and another `against` on the same day, neither outlet
    reporting both that day.

framing — cue grammar per subject, see `framing`.
"""

from __future__ import annotations

from typing import Any

from summarizer.brief.checks import QuoteBook
from summarizer.brief.framing import PartyFinder, framings
from summarizer.brief.models import Actor, BriefStance, Divergence, DivergenceSide, Quote, Report, Source
from summarizer.entities.resolve import Resolution

OPPOSITE = ("favor", "against")


def find_divergences(stances: list[BriefStance], actors: list[Actor], resolution: Resolution,
                     sources: list[Source], book: QuoteBook) -> list[Divergence]:
    """Contradictions, then framings; framing parties named by their actor ids where there is one."""
    names = {a.id: a.name for a in actors}
    days = {s.id: s.date for s in sources}
    found = contradictions(stances, names, book.by_id(), days)
    finder = PartyFinder(a for a in resolution.actors if a.id in names)
    found += framings([(s.id, s.outlet, s.date, book.texts[s.id]) for s in sources if s.ok], finder, book.span)
    states = {a.country: a.id for a in actors if a.kind == "state" and a.country}
    for div in found:
        if div.kind == "framing":  # framing parties are countries
            div.actors = sorted({states.get(code, code) for code in div.actors})
    return found


def _pairs(stances: list[BriefStance]) -> list[tuple[BriefStance, BriefStance]]:
    """(favour, against) stance pairs of one holder and topic."""
    by_id = {s.id: s for s in stances}
    return [(s, by_id[o]) for s in stances if s.polarity == "favor"
            for o in s.other_polarities if o in by_id and by_id[o].polarity == "against"]


def contradictions(stances: list[BriefStance], actor_names: dict[str, str], quotes: dict[str, Quote],
                   days: dict[str, str | None]) -> list[Divergence]:
    out = []
    for favour, against in _pairs(stances):
        reports = [*favour.reports, *against.reports]
        for day in sorted({d for r in reports if (d := days.get(r.article))}):
            sides = _sides([r for r in reports if days.get(r.article) == day and r.outlet], quotes, day)
            if len(sides) < 2:
                continue
            holder = actor_names.get(favour.holder, favour.holder)
            out.append(Divergence(
                id=f"div-contradiction-{len(out) + 1}", kind="contradiction",
                subject=f"{holder}'s stance on {favour.topic}",
                actors=[favour.holder], rule="opposite polarity for one holder and topic on one day", date=day,
                description=f"{_say(sides[0].outlets)} {holder} in favour of {favour.topic}; "
                            f"{_say(sides[1].outlets)} {holder} against it.",
                sides=sides, items=[favour.id, against.id]))
    return out


def _sides(reports: list[Report], quotes: dict[str, Quote], day: str) -> list[DivergenceSide]:
    by_outlet: dict[str, set[str]] = {}
    for report in reports:
        by_outlet.setdefault(str(report.outlet), set()).add(str(report.polarity))
    sides = []
    for polarity in OPPOSITE:
        mine = [o for o, ps in by_outlet.items() if ps & set(OPPOSITE) == {polarity}]
        chosen = [r for r in reports if r.outlet in mine and r.polarity == polarity]
        if mine:
            sides.append(DivergenceSide(label=polarity, date=day, outlets=mine,
                                        articles=list(dict.fromkeys(r.article for r in chosen)),
                                        evidence=list({q: quotes[q] for r in chosen for q in r.evidence}.values())))
    return sides


def _say(outlets: list[str]) -> str:
    return f"{', '.join(outlets)} {'reports' if len(outlets) == 1 else 'report'}"


def link(divergences: list[Divergence], items: list[Any]) -> None:
    """Items whose quotes overlap a divergence's quotes take part in it."""
    for div in divergences:
        spans = [(q.article, q.start, q.end) for side in div.sides for q in side.evidence]
        for item in items:
            if item.id in div.items or any(q.article == a and q.start < e and s < q.end
                                           for q in item.evidence for a, s, e in spans):
                if item.id not in div.items:
                    div.items.append(item.id)
                if div.id not in item.divergences:
                    item.divergences.append(div.id)
