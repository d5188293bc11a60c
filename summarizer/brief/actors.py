"""From resolved entities to the brief's actors, and whose statement each item is.

One statement is one item: when an article's extraction gives the same quote
both to an official and to the state they serve (a stance "of Iran" and "of Ali
Bahreini" on Bahreini's words), the official keeps it — they said it — and the
state's copy is dropped and counted. The official's state is their resolved
country; only items of the same kind (stance, condition, red line) compete.
"""

from __future__ import annotations

from typing import Any

from summarizer.brief.checks import Checked
from summarizer.brief.merge import Reported
from summarizer.brief.models import Actor, MergeNote, Mention, Quote
from summarizer.entities.resolve import Actor as Resolved
from summarizer.entities.resolve import Resolution
from summarizer.text.normalize import normalise

KINDS = ("person", "organization", "state", "international_organization")


def reported_items(checked: Checked, resolution: Resolution) -> list[Reported]:
    """Each checked item with its holder resolved to an actor id."""
    return [Reported(kind, resolution.actor_id(src.id, item["holder"]) or item["holder"], src.id, src.outlet,
                     item, quotes) for kind, item, src, quotes in checked.items]


def one_holder_per_statement(items: list[Reported], resolution: Resolution) -> tuple[list[Reported], list[str]]:
    """Items without a state's copies of its officials' statements, and a reason for each copy dropped."""
    actors = resolution.by_id()
    state_of = {a.id: a.country for a in actors.values() if a.kind == "state" and a.country}
    officials = [i for i in items if _kind(actors, i.holder) == "person" and _country(actors, i.holder)]
    kept, reasons = [], []
    for item in items:
        country = state_of.get(item.holder)
        spans = {(q.start, q.end) for q in item.quotes}
        official = next((o for o in officials if country and o.article == item.article and o.field == item.field
                         and _country(actors, o.holder) == country
                         and spans <= {(q.start, q.end) for q in o.quotes}), None)
        if official is None:
            kept.append(item)
            continue
        reasons.append(f"{item.article}: a {item.field[:-1].replace('_', ' ')} of “{_name(actors, item.holder)}” "
                       f"repeats the statement of its official “{_name(actors, official.holder)}”; counted once, "
                       "for the official")
    return kept, reasons


def _kind(actors: dict[str, Resolved], actor_id: str) -> str | None:
    return actors[actor_id].kind if actor_id in actors else None


def _country(actors: dict[str, Resolved], actor_id: str) -> str | None:
    return actors[actor_id].country if actor_id in actors else None


def _name(actors: dict[str, Resolved], actor_id: str) -> str:
    return actors[actor_id].name if actor_id in actors else actor_id


def brief_actors(resolution: Resolution, participants: dict[tuple[str, str], list[Quote]], items: list[Reported],
                 outlets: dict[str, str | None]) -> list[Actor]:
    """Actors that hold an item or were listed as participants with a verified mention."""
    out = []
    for actor in resolution.actors:
        quotes = [q for e in actor.members for q in participants.get((e.article, e.local_id), [])]
        quotes += [q for item in items if item.holder == actor.id for q in item.quotes[:1]]
        quotes = list({q.id: q for q in quotes}.values())
        if not quotes:
            continue
        mentions = [Mention(text=t, article=a, outlet=outlets[a]) for t, a in actor.mentions()]
        out.append(Actor(id=actor.id, name=actor.name, kind=actor.kind if actor.kind in KINDS else "other",
                         role=actor.role, country=actor.country, mentions=mentions, evidence=quotes))
    return out


def merge_notes(resolution: Resolution, outlets: dict[str, str | None], names: dict[str, str]) -> list[MergeNote]:
    """Why differing mentions were taken as one actor ("Iran" = "Iran" says nothing, so it is left out)."""
    notes = []
    for merge in resolution.merges:
        actor = resolution.actor_id(merge.right_article, merge.right_id) or ""
        if actor in names and normalise(merge.left) != normalise(merge.right):
            notes.append(MergeNote(actor=actor, rule=merge.rule, detail=merge.detail,
                                   left=Mention(text=merge.left, article=merge.left_article,
                                                outlet=outlets[merge.left_article]),
                                   right=Mention(text=merge.right, article=merge.right_article,
                                                 outlet=outlets[merge.right_article])))
    return notes


def count_items(sources: Any, items: list[Any]) -> None:
    """How many of the brief's items cite each source."""
    for source in sources:
        source.items = sum(source.id in i.articles for i in items)
