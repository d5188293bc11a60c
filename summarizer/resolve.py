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
ambiguity is logged. The same input always gives the same actors and ids.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .names import OFFICES, countries_in, looks_like_person_name, normalise, place_of, role_words, split_title
from .schemas import slugify

NAME_MIN = 92.0  # fuzz.ratio between two full names
SURNAME_MIN = 80.0  # fuzz.ratio between the surnames of two full names with the same given name
ROLE_MIN = 0.5  # shared / all role words
ROLE_MARGIN = 0.1  # best role candidate must beat the next by this much


@dataclass
class Entity:
    """What one article says about one actor; `local_id` is the id that article's items use."""

    article: str
    local_id: str
    names: list[str]
    kind: str | None = None
    role: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Merge:
    left: str
    left_article: str
    left_id: str
    right: str
    right_article: str
    right_id: str
    rule: str
    detail: str


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


@dataclass
class _Facts:
    place: tuple[str, str, str] | None  # (code, name, kind) from the gazetteer
    cores: list[str]  # proper names with titles split off
    roles: list[str]  # role phrases: the stated role, title prefixes, bare-role names
    countries: frozenset[str]


def _facts(entity: Entity) -> _Facts:
    place = None
    if entity.kind != "person":
        for name in entity.names:
            if (hit := place_of(name)) is not None:
                place = (hit.country or hit.name, hit.name, hit.kind)
                break
    cores, roles = [], [entity.role] if entity.role else []
    for name in entity.names:
        role, core = split_title(name)
        if core and place is None:
            cores.append(core)
        if role and place_of(role) is None:
            roles.append(role)
    countries = set(countries_in(" ".join(roles)))
    if entity.country:
        countries.add(entity.country.upper())
    return _Facts(place, list(dict.fromkeys(cores)), roles, frozenset(countries))


class _Clusters:
    """Union-find over entities that logs why each pair joined."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.parent = list(range(len(entities)))
        self.merges: list[Merge] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, rule: str, detail: str, left: str, right: str) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        self.parent[max(a, b)] = min(a, b)
        first, second = self.entities[i], self.entities[j]
        self.merges.append(Merge(left, first.article, first.local_id, right, second.article, second.local_id,
                                 rule, detail))

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.entities)):
            out.setdefault(self.find(i), []).append(i)
        return out


def resolve(entities: list[Entity]) -> Resolution:
    facts = [_facts(e) for e in entities]
    clusters = _Clusters(entities)
    ambiguous: list[str] = []
    _by_place(entities, facts, clusters)
    _by_name(entities, facts, clusters)
    _by_surname(entities, facts, clusters, ambiguous)
    _by_role(entities, facts, clusters, ambiguous)
    return _build(entities, facts, clusters, ambiguous)


def _by_place(entities: list[Entity], facts: list[_Facts], clusters: _Clusters) -> None:
    first: dict[str, int] = {}
    for i, f in enumerate(facts):
        if f.place is None:
            continue
        j = first.setdefault(f.place[0], i)
        clusters.union(j, i, "gazetteer", f"both name {f.place[1]}", entities[j].names[0], entities[i].names[0])


def _person_like(e: Entity, f: _Facts) -> bool:
    return f.place is None and (e.kind in (None, "person") or any(looks_like_person_name(c) for c in f.cores))


def _by_name(entities: list[Entity], facts: list[_Facts], clusters: _Clusters) -> None:
    first: dict[str, tuple[int, str]] = {}
    for i, f in enumerate(facts):
        for core in f.cores:
            key = normalise(core)
            j, text = first.setdefault(key, (i, core))
            clusters.union(j, i, "same name", f"“{core}” once titles are split off", text, core)
    full = [(i, c) for i, f in enumerate(facts) for c in f.cores if len(c.split()) > 1]
    for i, a in full:
        for j, b in full:
            if i == j or clusters.find(i) == clusters.find(j):
                continue
            na, nb = normalise(a), normalise(b)
            if na.endswith(" " + nb):
                clusters.union(j, i, "name ends", f"“{a}” ends with the full name “{b}”", b, a)
            elif _person_like(entities[i], facts[i]) and _person_like(entities[j], facts[j]) and _variant(na, nb):
                clusters.union(j, i, "fuzzy name", f"“{a}” ~ “{b}” (spelling variant, rapidfuzz)", b, a)


def _variant(a: str, b: str) -> bool:
    """Spelling variants of one full name: same given name and a near-equal surname, or near-equal overall."""
    wa, wb = a.split(), b.split()
    if wa[0] == wb[0] and fuzz.ratio(wa[-1], wb[-1]) >= SURNAME_MIN:
        return True
    return fuzz.ratio(a, b) >= NAME_MIN and wa[-1][:3] == wb[-1][:3]


def _full_names(entities: list[Entity], facts: list[_Facts], clusters: _Clusters) -> dict[int, dict[str, str]]:
    """Cluster root -> its full (multi-word) person names, normalised -> as written."""
    out: dict[int, dict[str, str]] = {}
    for i, f in enumerate(facts):
        if _person_like(entities[i], f):
            for core in f.cores:
                if len(core.split()) > 1:
                    out.setdefault(clusters.find(i), {}).setdefault(normalise(core), core)
    return out


def _by_surname(entities: list[Entity], facts: list[_Facts], clusters: _Clusters, ambiguous: list[str]) -> None:
    for i, f in enumerate(facts):
        singles = [c for c in f.cores if len(c.split()) == 1]
        if not singles or not _person_like(entities[i], f) or any(len(c.split()) > 1 for c in f.cores):
            continue
        word = normalise(singles[0])
        full = _full_names(entities, facts, clusters)
        found = sorted(root for root, names in full.items()
                       if root != clusters.find(i) and any(n.split()[-1] == word for n in names))
        rule = "surname"
        if not found:  # "Abiy" for "Abiy Ahmed": only when no surname fits
            found = sorted(root for root, names in full.items()
                           if root != clusters.find(i) and any(n.split()[0] == word for n in names))
            rule = "given name"
        if len(found) == 1:
            target = full[found[0]][sorted(full[found[0]])[0]]
            clusters.union(found[0], i, rule, f"“{singles[0]}” is the {rule} of “{target}”", target, singles[0])
        elif len(found) > 1:
            options = ", ".join(sorted(full[r][sorted(full[r])[0]] for r in found))
            ambiguous.append(f"“{singles[0]}” ({entities[i].article}) could be any of: {options}")


def _role_index(entities: list[Entity], facts: list[_Facts],
                clusters: _Clusters) -> dict[int, tuple[set[str], set[str]]]:
    """Cluster root -> (role words, countries) of its named people."""
    out: dict[int, tuple[set[str], set[str]]] = {}
    for i, f in enumerate(facts):
        if f.cores and _person_like(entities[i], f):
            words, countries = out.setdefault(clusters.find(i), (set(), set()))
            for role in f.roles:
                words |= role_words(role)
            countries |= f.countries
    return out


def _by_role(entities: list[Entity], facts: list[_Facts], clusters: _Clusters, ambiguous: list[str]) -> None:
    for i, f in enumerate(facts):
        if f.cores or f.place is not None or not f.roles:
            continue
        phrase = f.roles[-1]
        mine = role_words(phrase)
        offices = mine & OFFICES
        if not offices:
            continue
        scored = []
        for root, (words, countries) in _role_index(entities, facts, clusters).items():
            shared = mine & words
            if root == clusters.find(i) or not (shared & offices) or len(shared) < 2:
                continue
            if f.countries and countries and not (f.countries & countries):
                continue
            scored.append((len(shared) / len(mine | words), root))
        scored.sort(key=lambda s: (-s[0], s[1]))
        if not scored or scored[0][0] < ROLE_MIN:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < ROLE_MARGIN:
            ambiguous.append(f"“{phrase}” ({entities[i].article}) fits more than one person's role")
            continue
        score, root = scored[0]
        target = next((c for j, g in enumerate(facts) if clusters.find(j) == root for c in g.cores), phrase)
        detail = f"“{phrase}” matches the role of “{target}” ({score:.0%} of role words)"
        clusters.union(root, i, "role", detail, target, phrase)


def _build(entities: list[Entity], facts: list[_Facts], clusters: _Clusters, ambiguous: list[str]) -> Resolution:
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


def _actor(members: list[Entity], facts: list[_Facts]) -> Actor:
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
    return Actor(id=slugify(name), name=name, kind=kind, role=_most_common(roles) if place is None else None,
                 country=country, members=members)
