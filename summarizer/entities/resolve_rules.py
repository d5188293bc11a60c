"""The rules of actor resolution (see `resolve` for their order and meaning), over a union-find that logs merges."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rapidfuzz import fuzz

from summarizer.entities.names import OFFICES, countries_in, looks_like_person_name, place_of, role_words, split_title
from summarizer.text.normalize import normalise

NAME_MIN = 92.0  # fuzz.ratio between two full names
SURNAME_MIN = 80.0  # fuzz.ratio between the surnames of two full names with the same given name
ROLE_MIN = 0.5  # shared / all role words
ROLE_MARGIN = 0.1  # best role candidate must beat the next by this much

TieBreak = Callable[[str, str, list[str]], "int | None"]  # (mention, article, candidates) -> index or None


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
class Facts:
    place: tuple[str, str, str] | None  # (code, name, kind) from the gazetteer
    cores: list[str]  # proper names with titles split off
    roles: list[str]  # role phrases: the stated role, title prefixes, bare-role names
    countries: frozenset[str]


def facts_of(entity: Entity) -> Facts:
    place = None
    for name in entity.names[:1]:  # the name, not aliases: a model may call a state "person", never vice versa
        if (hit := place_of(name)) is not None:
            place = (hit.country or hit.name, hit.name, hit.kind)
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
    return Facts(place, list(dict.fromkeys(cores)), roles, frozenset(countries))


class Clusters:
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


def settle(i: int, mention: str, options: list[tuple[int, str]], entities: list[Entity], clusters: Clusters,
            ambiguous: list[str], tie_break: TieBreak | None) -> None:
    """Several candidates fit: ask the tie-break if there is one, else log and leave the mention apart."""
    labels = [label for _, label in options]
    choice = tie_break(mention, entities[i].article, labels) if tie_break is not None else None
    if choice is not None and 0 <= choice < len(options):
        clusters.union(options[choice][0], i, "llm tie-break",
                       f"the model chose “{labels[choice]}” for “{mention}” among {', '.join(labels)}",
                       labels[choice], mention)
        return
    ambiguous.append(f"“{mention}” ({entities[i].article}) could be any of: {', '.join(sorted(labels))}")


def by_place(entities: list[Entity], facts: list[Facts], clusters: Clusters) -> None:
    first: dict[str, int] = {}
    for i, f in enumerate(facts):
        if f.place is None:
            continue
        j = first.setdefault(f.place[0], i)
        clusters.union(j, i, "gazetteer", f"both name {f.place[1]}", entities[j].names[0], entities[i].names[0])


def _person_like(e: Entity, f: Facts) -> bool:
    return f.place is None and (e.kind in (None, "person") or any(looks_like_person_name(c) for c in f.cores))


def by_name(entities: list[Entity], facts: list[Facts], clusters: Clusters) -> None:
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


def _full_names(entities: list[Entity], facts: list[Facts], clusters: Clusters) -> dict[int, dict[str, str]]:
    """Cluster root -> its full (multi-word) person names, normalised -> as written."""
    out: dict[int, dict[str, str]] = {}
    for i, f in enumerate(facts):
        if _person_like(entities[i], f):
            for core in f.cores:
                if len(core.split()) > 1:
                    out.setdefault(clusters.find(i), {}).setdefault(normalise(core), core)
    return out


def by_surname(entities: list[Entity], facts: list[Facts], clusters: Clusters, ambiguous: list[str],
                tie_break: TieBreak | None) -> None:
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
            options = [(r, full[r][sorted(full[r])[0]]) for r in found]
            settle(i, singles[0], options, entities, clusters, ambiguous, tie_break)


def _role_index(entities: list[Entity], facts: list[Facts],
                clusters: Clusters) -> dict[int, tuple[set[str], set[str]]]:
    """Cluster root -> (role words, countries) of its named people."""
    out: dict[int, tuple[set[str], set[str]]] = {}
    for i, f in enumerate(facts):
        if f.cores and _person_like(entities[i], f):
            words, countries = out.setdefault(clusters.find(i), (set(), set()))
            for role in f.roles:
                words |= role_words(role)
            countries |= f.countries
    return out


def by_role(entities: list[Entity], facts: list[Facts], clusters: Clusters, ambiguous: list[str],
             tie_break: TieBreak | None) -> None:
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
            close = [(r, label(r, facts, clusters, phrase)) for s, r in scored if scored[0][0] - s < ROLE_MARGIN]
            settle(i, phrase, close, entities, clusters, ambiguous, tie_break)
            continue
        score, root = scored[0]
        target = label(root, facts, clusters, phrase)
        detail = f"“{phrase}” matches the role of “{target}” ({score:.0%} of role words)"
        clusters.union(root, i, "role", detail, target, phrase)


def label(root: int, facts: list[Facts], clusters: Clusters, default: str) -> str:
    return next((c for j, g in enumerate(facts) if clusters.find(j) == root for c in g.cores), default)
