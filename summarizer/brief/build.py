"""Building the daily brief from extraction records of several articles.

Steps: list every source (failed ones too) -> re-verify every quote against its
article text (drop and count what does not verify) -> resolve actors across
articles (`resolve`) -> merge items per holder and subject (`brief_merge`) ->
flag divergences (`divergence`) -> mark novelty against a previous brief
(`novelty`) -> pick headlines. Nothing enters the brief without a quote that
equals its article slice; `ungrounded` re-checks the finished brief.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any, Callable, Iterable

from summarizer.brief.merge import Reported, merge_conditions, merge_red_lines, merge_stances
from summarizer.brief.models import (Actor, Brief, Divergence, Headline, MergeNote, Mention, Quote, Source, Verification)
from summarizer.brief.divergence import PartyFinder, contradictions, framings
from summarizer.brief.novelty import apply_novelty
from summarizer.core.records import ExtractionRecord
from summarizer.entities.names import normalise, plausible_actor
from summarizer.entities.resolve import Entity, Resolution, TieBreak, resolve

FIELDS = ("stances", "conditions", "red_lines")
MAX_HEADLINES = 6


class QuoteBook:
    """Every quote of the brief, verified on entry, one id per distinct span."""

    def __init__(self, texts: dict[str, str], outlets: dict[str, str]) -> None:
        self.texts, self.outlets = texts, outlets
        self.quotes: dict[tuple[str, int, int], Quote] = {}
        self.checked = self.dropped = 0

    def add(self, article: str, start: int, end: int, quote: str | None = None,
            speaker: str | None = None) -> Quote | None:
        """The quote, or None when it is not exactly the article text at start:end."""
        self.checked += 1
        text = self.texts.get(article)
        if text is None or not 0 <= start <= end <= len(text) or (quote is not None and text[start:end] != quote):
            self.dropped += 1
            return None
        key = (article, start, end)
        if key not in self.quotes:
            self.quotes[key] = Quote(id=f"q{len(self.quotes) + 1}", article=article, outlet=self.outlets[article],
                                     quote=text[start:end], start=start, end=end, speaker=speaker)
        return self.quotes[key]

    def span(self, article: str, start: int, end: int) -> Quote | None:
        return self.add(article, start, end)


def _sources(records: list[ExtractionRecord], texts: dict[str, str]) -> list[Source]:
    used: Counter[str] = Counter()
    out = []
    for record in records:
        info = record.article
        used[info.id] += 1
        sid = info.id if used[info.id] == 1 else f"{info.id}-{used[info.id]}"
        text = texts.get(info.source)
        ok, error = record.ok, record.error
        if ok and (text is None or (info.sha256 and hashlib.sha256(text.encode()).hexdigest() != info.sha256)):
            ok, error = False, "the article text changed since it was extracted (sha256 differs)"
        out.append(Source(id=sid, path=info.source, outlet=info.meta.outlet or sid, outlet_known=bool(info.meta.outlet),
                          title=info.meta.title, date=info.meta.date, sha256=info.sha256, ok=ok, error=error))
    return out


def _entities(source: Source, result: dict[str, Any], holders: Iterable[str], text: str) -> list[Entity]:
    entities = [Entity(source.id, p["id"], [p["name"], *p.get("aliases", [])], p.get("kind"), p.get("role"),
                       p.get("country")) for p in result.get("participants", []) if plausible_actor(p["name"])]
    known = {e.local_id for e in entities}
    for holder in dict.fromkeys(holders):
        if holder not in known:
            entities.append(Entity(source.id, holder, [holder_text(holder, text)]))
    return entities


def holder_text(holder: str, text: str) -> str:
    """The words a holder id was made from, as the article writes them; title case if it does not."""
    words = [w for w in holder.split("-") if w]
    if words:
        pattern = r"(?<![A-Za-z0-9])" + r"[^A-Za-z0-9]{1,3}".join(re.escape(w) for w in words) + r"(?![A-Za-z0-9])"
        if match := re.search(pattern, text, re.I):
            return match.group(0)
    return " ".join(words).title()


def _verified(book: QuoteBook, article: str, evidence: list[dict[str, Any]]) -> list[Quote]:
    quotes = [book.add(article, e["start"], e["end"], e["quote"], e.get("speaker")) for e in evidence]
    return list({q.id: q for q in quotes if q is not None}.values())


def build_brief(records: list[ExtractionRecord], texts: dict[str, str], date: str,
                previous: Brief | None = None, tie_break: Callable[[dict[str, str]], TieBreak] | None = None) -> Brief:
    """`texts` maps each record's article source path to the article text it was extracted from.

    `tie_break`, given the article texts by source id, returns the resolver's tie-break (see `tiebreak`).
    """
    sources = _sources(records, texts)
    book = QuoteBook({s.id: texts[s.path] for s in sources if s.ok}, {s.id: s.outlet for s in sources})
    reported: list[tuple[str, dict[str, Any], Source, list[Quote]]] = []
    participants: dict[tuple[str, str], list[Quote]] = {}
    entities: list[Entity] = []
    items_dropped, reasons = 0, []
    for source, record in zip(sources, records):
        if not source.ok:
            continue
        result = record.result or {}
        kept = []
        names = {p["id"]: p["name"] for p in result.get("participants", [])}
        for field in FIELDS:
            for item in result.get(field, []):
                quotes = _verified(book, source.id, item.get("evidence", []))
                holder = names.get(item["holder"]) or holder_text(item["holder"], book.texts[source.id])
                what = f"{source.id}: a {field[:-1].replace('_', ' ')} of “{holder}”"
                if not quotes:
                    reasons.append(f"{what} has no quote that equals its article text")
                elif not plausible_actor(holder):
                    reasons.append(f"{what}: the holder is a sentence, not an actor")
                else:
                    kept.append((field, item, source, quotes))
                    continue
                items_dropped += 1
        for p in result.get("participants", []):
            if plausible_actor(p["name"]):
                participants[(source.id, p["id"])] = _verified(book, source.id, p.get("evidence", []))
        entities += _entities(source, result, [item["holder"] for _, item, _, _ in kept], book.texts[source.id])
        reported += kept
    resolution = resolve(entities, tie_break(book.texts) if tie_break is not None else None)
    items = [Reported(field, resolution.actor_id(src.id, item["holder"]) or item["holder"], src.id, src.outlet,
                      item, quotes) for field, item, src, quotes in reported]
    stances, conditions, red_lines = merge_stances(items), merge_conditions(items), merge_red_lines(items)
    actors = _actors(resolution, participants, items, {s.id: s.outlet for s in sources})
    names = {a.id: a.name for a in actors}
    divergences = contradictions(stances, names, {q.id: q for q in book.quotes.values()})
    finder = PartyFinder(a for a in resolution.actors if a.id in names)
    divergences += framings([(s.id, s.outlet, book.texts[s.id]) for s in sources if s.ok], finder, book.span)
    states = {a.country: a.id for a in actors if a.kind == "state" and a.country}
    for div in divergences:  # framing parties are countries: name them by their actor ids
        div.actors = sorted({states.get(code, code) for code in div.actors})
    _link(divergences, [*stances, *conditions, *red_lines])
    for source in sources:
        source.items = sum(source.id in i.articles for i in [*stances, *conditions, *red_lines])
    brief = Brief(date=date, providers=_providers(records), sources=sources, actors=actors,
                  merges=_merge_notes(resolution, {s.id: s.outlet for s in sources}, names),
                  ambiguous=resolution.ambiguous, stances=stances, conditions=conditions, red_lines=red_lines,
                  divergences=divergences,
                  verification=Verification(quotes_checked=book.checked, quotes_dropped=book.dropped,
                                            items_dropped=items_dropped, reasons=reasons))
    if previous is not None:
        brief.novelty = apply_novelty(brief, previous)
    brief.headlines = headlines(brief)
    return brief


def _providers(records: list[ExtractionRecord]) -> list[str]:
    return sorted({f"{r.provenance.provider}/{r.provenance.model}" for r in records if r.provenance})


def _actors(resolution: Resolution, participants: dict[tuple[str, str], list[Quote]], items: list[Reported],
            outlets: dict[str, str]) -> list[Actor]:
    """Actors that hold an item or were listed as participants with a verified mention."""
    out = []
    for actor in resolution.actors:
        quotes = [q for e in actor.members for q in participants.get((e.article, e.local_id), [])]
        quotes += [q for item in items if item.holder == actor.id for q in item.quotes[:1]]
        quotes = list({q.id: q for q in quotes}.values())
        if not quotes:
            continue
        mentions = [Mention(text=t, article=a, outlet=outlets[a]) for t, a in actor.mentions()]
        kind = actor.kind if actor.kind in ("person", "organization", "state", "international_organization") \
            else "other"
        out.append(Actor(id=actor.id, name=actor.name, kind=kind, role=actor.role, country=actor.country,
                         mentions=mentions, evidence=quotes))
    return out


def _merge_notes(resolution: Resolution, outlets: dict[str, str], names: dict[str, str]) -> list[MergeNote]:
    notes = []
    for merge in resolution.merges:
        actor = resolution.actor_id(merge.right_article, merge.right_id) or ""
        if actor in names and normalise(merge.left) != normalise(merge.right):  # "Iran" = "Iran" says nothing
            notes.append(MergeNote(actor=actor, rule=merge.rule, detail=merge.detail,
                                   left=Mention(text=merge.left, article=merge.left_article,
                                                outlet=outlets[merge.left_article]),
                                   right=Mention(text=merge.right, article=merge.right_article,
                                                 outlet=outlets[merge.right_article])))
    return notes


def _link(divergences: list[Divergence], items: list[Any]) -> None:
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


def headlines(brief: Brief) -> list[Headline]:
    """Divergences first, then the items most outlets report, that are new or changed, or that diverge."""
    names = {a.id: a.name for a in brief.actors}
    out = [Headline(ref=d.id, kind="divergence", text=d.description, reasons=[f"outlets diverge ({d.kind})"],
                    evidence=[q.id for side in d.sides for q in side.evidence[:1]]) for d in brief.divergences]
    scored = []
    for kind, items in (("stance", brief.stances), ("condition", brief.conditions), ("red_line", brief.red_lines)):
        for order, item in enumerate(items):
            reasons = []
            if len(item.outlets) > 1:
                reasons.append(f"reported by {len(item.outlets)} outlets")
            if item.novelty in ("new", "changed") and brief.novelty:
                reasons.append(f"{item.novelty} since {brief.novelty.previous_date}")
            if item.divergences:
                reasons.append("part of a divergence")
            if kind == "red_line" and item.explicit:
                reasons.append("stated as a red line")
            score = 2 * (len(item.outlets) - 1) + 3 * (item.novelty in ("new", "changed")) + \
                2 * bool(item.divergences) + (kind == "red_line")
            scored.append((score, order, kind, item, reasons))
    scored.sort(key=lambda s: (-s[0], s[1]))
    for score, _, kind, item, reasons in scored[:max(0, MAX_HEADLINES - len(out))]:
        if not reasons and out:
            break
        out.append(Headline(ref=item.id, kind=kind, text=f"{names.get(item.holder, item.holder)}: {describe(item)}",
                            reasons=reasons or ["reported today"], evidence=[q.id for q in item.evidence[:2]]))
    return out


def describe(item: Any) -> str:
    """One line for an item, in the analyst's terms."""
    if hasattr(item, "topic"):
        return f"{item.polarity} on {item.topic} — {item.position}"
    if hasattr(item, "requirement"):
        return f"{item.conditions} only if {item.requirement}"
    return f"red line ({item.kind}): {item.line}" + (f" — else {item.consequence}" if item.consequence else "")


def ungrounded(brief: Brief, texts: dict[str, str]) -> list[str]:
    """Quote ids whose text is not the article slice at their offsets (`texts` by source id); [] when sound."""
    bad = []
    quotes = [q for a in brief.actors for q in a.evidence]
    quotes += [q for i in [*brief.stances, *brief.conditions, *brief.red_lines] for q in i.evidence]
    quotes += [q for d in brief.divergences for s in d.sides for q in s.evidence]
    for q in quotes:
        text = texts.get(q.article)
        if text is None or text[q.start:q.end] != q.quote:
            bad.append(q.id)
    return sorted(set(bad))
