"""A general gazetteer of states and international organisations, for rule-based actor finding.

General knowledge only (names, common short forms, capitals, demonyms, a few
well-known metonyms such as 'Kremlin'); nothing here is drawn from any article.
Ambiguous surface forms (e.g. 'Brussels', 'Korean', 'Chad') are left out on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.entities.world import CITY_LIST, ORGANISATIONS, STATES
from summarizer.text.normalize import normalise

CITIES = tuple(c.strip() for c in CITY_LIST.split(";") if c.strip())
_CITY_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(CITIES, key=len, reverse=True))
                      + r")(?![\w-])")


@dataclass(frozen=True)
class Actor:
    """A participant as the rules see it; `name` is canonical, `country` an ISO alpha-3 code."""

    name: str
    kind: str  # person | state | international_organization | organization
    country: str | None = None
    acronym: str | None = None

    @property
    def code(self) -> str:
        """ISO3 for a state, the acronym (or slug) for an organisation."""
        return self.country if self.kind == "state" and self.country else (
            self.acronym or normalise(self.name).replace(" ", "-"))


@dataclass(frozen=True)
class GazetteerHit:
    start: int
    end: int
    surface: str
    actor: Actor
    demonym: bool


def _entries() -> list[tuple[str, Actor, bool]]:
    """(surface form, actor, is a demonym) for every entry."""
    entries: list[tuple[str, Actor, bool]] = []
    for line in STATES.strip().splitlines():
        iso, name, others, capitals, demonyms = (part.strip() for part in line.split("|"))
        actor = Actor(name, "state", iso)
        for form in [name, *others.split(";"), *capitals.split(";")]:
            if form:
                entries.append((form, actor, False))
        entries += [(form, actor, True) for form in demonyms.split(";") if form]
    for line in ORGANISATIONS.strip().splitlines():
        name, others = (part.strip() for part in line.split("|"))
        forms = [name, *others.split(";")]
        acronym = next((f for f in forms if f and f.isupper() and f.isalpha()), None)
        actor = Actor(name, "international_organization", None, acronym)
        entries += [(form, actor, False) for form in forms if form]
    return entries


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, tuple[Actor, bool]]]:
    table: dict[str, tuple[Actor, bool]] = {}
    for form, actor, demonym in _entries():
        table.setdefault(form, (actor, demonym))
        if len(form) >= 4 and form.upper() != form:
            table.setdefault(form.upper(), (actor, demonym))  # datelines: "TEHRAN, Iran"
    forms = sorted(table, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    # demonyms may be plural ("Iranians"); "U.S." must not be followed by a word character
    pattern = re.compile(r"(?<![\w.])(" + alternation + r")(s?)(?![\w])")
    return pattern, table


def find_places(text: str) -> list[GazetteerHit]:
    """States and international organisations named in `text`, longest form first, no overlaps."""
    pattern, table = _index()
    hits: list[GazetteerHit] = []
    for match in pattern.finditer(text):
        form, plural = match.group(1), match.group(2)
        actor, demonym = table[form]
        if plural and not demonym or _inside_longer_name(text, match.start(), form, actor):
            continue
        hits.append(GazetteerHit(match.start(), match.end(), match.group(0), actor, demonym))
    return hits


@lru_cache(maxsize=1)
def _normalised() -> dict[str, Actor]:
    table: dict[str, Actor] = {}
    for form, actor, _ in _entries():
        table.setdefault(normalise(form), actor)
    return table


# Heads of names that a place name starts ("the Minsk Group", "the Congo River Alliance"): the name is
# another actor's, not the state's.
_NAME_HEAD = re.compile(r"\s+(?:[A-Z][\w-]*\s+)?(?:Group|Alliance|Format|Process|Forum|Initiative|Front|Movement|Party|"
                        r"Summit|Declaration|Accords?|Agreement|Protocol|Times|Post|News|Daily|Club|Conference)\b")


def _inside_longer_name(text: str, start: int, form: str, actor: Actor) -> bool:
    """Part of a longer capitalised name: 'Security Council' in 'Regional Security Council' is not the UN's,
    'Minsk' in 'the Minsk Group' is not Belarus."""
    if actor.kind == "state" and _NAME_HEAD.match(text, start + len(form)):
        return True
    if actor.kind == "state" or " " not in form:
        return False
    before = re.search(r"([A-Z][\w’'-]*)\s+$", text[:start])
    return before is not None and before.group(1) not in ("The", "A", "An") and not before.group(1).isupper()


def lookup(surface: str) -> Actor | None:
    """The actor a whole surface form names ('Tehran', 'tehran', 'Iranians' -> Iran), or None."""
    _, table = _index()
    found = table.get(surface)
    if found:
        return found[0]
    key = normalise(surface)
    normalised = _normalised()
    return normalised.get(key) or (normalised.get(key[:-1]) if key.endswith("s") else None)


def state_of(code: str | None) -> Actor | None:
    """The state with this ISO3 code, or None."""
    return next((actor for _, actor, _ in _entries() if actor.kind == "state" and actor.country == code), None) \
        if code else None


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Normalised state names, capitals and demonyms -> ISO3 ('tehran' -> 'IRN')."""
    return {normalise(form): actor.country for form, actor, _ in _entries()
            if actor.kind == "state" and actor.country}


@lru_cache(maxsize=1)
def seats() -> frozenset[str]:
    """Capitals and seats of government as written ('Tehran', 'Kremlin'): the state's metonyms, also places."""
    return frozenset(form for line in STATES.strip().splitlines() for form in line.split("|")[3].split(";") if form)


def is_city(token: str) -> bool:
    return token in CITIES


def find_cities(text: str) -> list[tuple[int, int]]:
    """Spans of well-known non-capital cities: places, not actors."""
    return [(m.start(), m.end()) for m in _CITY_RE.finditer(text)]
