"""Actor resolution: one actor however each outlet names it, with the reason for every merge.

Input is what each article says about each actor (an `Entity`: its names, role,
kind, country). Rules run in this order; each merge is logged with its rule:

1. gazetteer  — names of one state or body ("the U.S.", "Washington", "American").
2. same name  — equal proper names once titles are split off
                ("Iranian President Masoud Pezeshkian" = "Masoud Pezeshkian").
3. name ends  — a name ends with another full name ("Geneva Ali Bahreini" = "Ali Bahreini").
4. fuzzy name — spelling variants of a full name ("Abbas Araqchi" = "Abbas Araghchi"):
                same given name and rapidfuzz ratio of surnames >= 80, or of whole names >= 92.
5. surname    — a one-word name joins the only person whose full name ends with it;
   given name   failing that, the only person whose full name starts with it.
6. role       — a bare role ("Iran's ambassador to the UN in Geneva") joins the only
                person whose stated role shares its office word and most of its words,
                with no clash of country.

Nothing merges on a tie: an ambiguous mention stays its own actor and the
ambiguity is logged, unless a `tie_break` (optional; e.g. `tiebreak.LlmTieBreak`,
whose answers are cached) picks one candidate: that merge is logged as
"llm tie-break". Without one, the same input always gives the same actors and ids.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from summarizer.entities.resolve_rules import (Clusters, Entity, Facts, Merge, TieBreak, by_name, by_place, by_role,
                                               by_surname, facts_of)
from summarizer.text.normalize import slugify

__all__ = ["Actor", "Entity", "Merge", "Resolution", "TieBreak", "resolve"]


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    role: str | None
    country: str | None
    members: list[Entity] = field(default_factory=list)

    def mentions(self) -> list[tuple[str, str]]:
        """(text, article) of every name used for this actor, in first-seen order."""
        seen: dict[tuple[str, str], None] = {}
        for entity in self.members:
            for name in entity.names:
                seen.setdefault((name, entity.article), None)
        return list(seen)


@dataclass
class Resolution:
    actors: list[Actor]
    merges: list[Merge]
    ambiguous: list[str]
    _index: dict[tuple[str, str], str] = field(default_factory=dict)

    def actor_id(self, article: str, local_id: str) -> str | None:
        return self._index.get((article, local_id))

    def by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}


def resolve(entities: list[Entity], tie_break: TieBreak | None = None) -> Resolution:
    facts = [facts_of(e) for e in entities]
    clusters = Clusters(entities)
    ambiguous: list[str] = []
    by_place(entities, facts, clusters)
    by_name(entities, facts, clusters)
    by_surname(entities, facts, clusters, ambiguous, tie_break)
    by_role(entities, facts, clusters, ambiguous, tie_break)
    return _build(entities, facts, clusters, ambiguous)


def _build(entities: list[Entity], facts: list[Facts], clusters: Clusters, ambiguous: list[str]) -> Resolution:
    actors: list[Actor] = []
    index: dict[tuple[str, str], str] = {}
    used: Counter[str] = Counter()
    for members in clusters.groups().values():
        actor = _actor([entities[i] for i in members], [facts[i] for i in members])
        used[actor.id] += 1
        if used[actor.id] > 1:
            actor.id = f"{actor.id}-{used[actor.id]}"
        actors.append(actor)
        for i in members:
            index.setdefault((entities[i].article, entities[i].local_id), actor.id)
    return Resolution(actors, clusters.merges, ambiguous, index)


def _most_common(values: list[str]) -> str | None:
    """Most frequent, then longest, then first in alphabetical order: deterministic."""
    if not values:
        return None
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], -len(v), v))[0]


def _actor(members: list[Entity], facts: list[Facts]) -> Actor:
    place = next((f.place for f in facts if f.place), None)
    roles = [r for e in members if e.role for r in [e.role]] or [r for f in facts for r in f.roles]
    if place is not None:
        code, name, kind = place
        country = code if kind == "state" else None
    else:
        full = [c for f in facts for c in f.cores if len(c.split()) > 1]
        name = _most_common(full) or _most_common([c for f in facts for c in f.cores]) \
            or _most_common(roles) or members[0].names[0]
        kinds = [e.kind for e in members if e.kind]
        kind = _most_common(kinds) or ("person" if any(f.cores for f in facts) else "other")
        country = _most_common([c for f in facts for c in sorted(f.countries)])
    role = _most_common(roles) if place is None else None
    return Actor(id=slugify(name), name=name, kind=kind, role=role if role != name else None, country=country,
                 members=members)
