"""Re-verifying what each article's record says before it can enter the brief.

Every quote is checked against its article text (`text[start:end] == quote`);
an item left without a verified quote, or whose holder is a sentence rather than
an actor, is dropped and counted with its reason. `ungrounded` re-checks the
finished brief, so nothing is written on a quote that does not verify.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from summarizer.brief.models import Brief, Quote, Source
from summarizer.core.records import ExtractionRecord
from summarizer.entities.names import plausible_actor
from summarizer.entities.resolve import Entity

FIELDS = ("stances", "conditions", "red_lines")


class QuoteBook:
    """Every quote of the brief, verified on entry, one id per distinct span."""

    def __init__(self, texts: dict[str, str], outlets: dict[str, str | None]) -> None:
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

    def by_id(self) -> dict[str, Quote]:
        return {q.id: q for q in self.quotes.values()}


@dataclass
class Checked:
    """What survived the checks: items with their verified quotes, participants, entities to resolve."""

    items: list[tuple[str, dict[str, Any], Source, list[Quote]]] = field(default_factory=list)
    participants: dict[tuple[str, str], list[Quote]] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    items_dropped: int = 0
    reasons: list[str] = field(default_factory=list)


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


def _entities(source: Source, result: dict[str, Any], holders: Iterable[str], text: str) -> list[Entity]:
    entities = [Entity(source.id, p["id"], [p["name"], *p.get("aliases", [])], p.get("kind"), p.get("role"),
                       p.get("country")) for p in result.get("participants", []) if plausible_actor(p["name"])]
    known = {e.local_id for e in entities}
    for holder in dict.fromkeys(holders):
        if holder not in known:
            entities.append(Entity(source.id, holder, [holder_text(holder, text)]))
    return entities


def check_records(sources: list[Source], records: list[ExtractionRecord], book: QuoteBook) -> Checked:
    """Items, participants and entities of the articles that were extracted, each quote verified."""
    out = Checked()
    for source, record in zip(sources, records):
        if not source.ok:
            continue
        result, text = record.result or {}, book.texts[source.id]
        names = {p["id"]: p["name"] for p in result.get("participants", [])}
        kept = []
        for kind in FIELDS:
            for item in result.get(kind, []):
                quotes = _verified(book, source.id, item.get("evidence", []))
                holder = names.get(item["holder"]) or holder_text(item["holder"], text)
                what = f"{source.id}: a {kind[:-1].replace('_', ' ')} of “{holder}”"
                if not quotes:
                    out.reasons.append(f"{what} has no quote that equals its article text")
                elif not plausible_actor(holder):
                    out.reasons.append(f"{what}: the holder is a sentence, not an actor")
                else:
                    kept.append((kind, item, source, quotes))
                    continue
                out.items_dropped += 1
        for p in result.get("participants", []):
            if plausible_actor(p["name"]):
                out.participants[(source.id, p["id"])] = _verified(book, source.id, p.get("evidence", []))
        out.entities += _entities(source, result, [item["holder"] for _, item, _, _ in kept], text)
        out.items += kept
    return out


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
