"""Reading actor names: the state a name stands for, the proper name inside a title, the words of a role.

"Iranian Ambassador to the UN in Geneva Ali Bahreini" is a role followed by a
name; "Iran's ambassador to the UN in Geneva" is a role alone. Roles compare as
sets of normalised words with places spelled as codes, so "Iranian envoy" and
"Tehran's envoy" agree. States and bodies come from `gazetteer`; this module
only adds what names in model output need: articles, possessives, slugs.
Folding text for comparison is `text.normalize.normalise`, shared with the rest of the tool.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.entities.gazetteer import Actor as Place
from summarizer.entities.gazetteer import find_places, lookup
from summarizer.text.normalize import normalise

# Words of offices and institutions: they open a title, they are not a person's name.
ROLE_WORDS = frozenset("""
    president vice prime minister ministers deputy foreign secretary spokesman spokeswoman spokesperson
    ambassador envoy representative special chief head leader supreme ayatollah general commander
    king queen prince crown sheikh emir sultan chairman chair director senator governor mayor judge
    official officials diplomat negotiator adviser advisor mr mrs ms dr prof sir lord state
    ministry affairs office council cabinet parliament assembly committee security national defence defense
    interior revolution islamic republic guard guards corps army navy agency department embassy mission
    house senate congress court policy nuclear
""".split())
OFFICES = ROLE_WORDS - frozenset("""foreign special supreme general state affairs security national defence
    defense interior revolution islamic republic nuclear policy mr mrs ms dr prof sir lord house""".split())
CONNECTORS = frozenset("of the to in for at and on a an".split())
GOVERNMENT_WORDS = frozenset("government administration authorities regime leadership side".split())
_PRONOUNS = frozenset("he she they it him her them we i you".split())
_PARTICLES = frozenset("bin ibn al el de da di van von der la le".split())


def tokens(text: str) -> list[str]:
    return normalise(text).split()


def place_of(name: str) -> Place | None:
    """The state or body a whole name stands for: "the U.S.", "Tehran's government", "united-states"."""
    words = re.sub(r"[’'`]s\b", "", name.replace("-", " ")).split()
    while words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in GOVERNMENT_WORDS:
        words = words[:-1]
    if not words:
        return None
    text = " ".join(words)
    for candidate in (text, text.title(), text.upper(), ".".join(w.upper() for w in words) + "."):
        if (hit := lookup(candidate)) is not None:
            return hit
    return None


def split_title(name: str) -> tuple[str, str]:
    """(role words before the name, the proper name); the name is '' for a role alone."""
    words = name.split()
    cut = 0
    for i, word in enumerate(words):
        key = normalise(word)
        after_preposition = i > 0 and normalise(words[i - 1]) in CONNECTORS - {"and"}
        if key in _PARTICLES and i + 1 < len(words):
            continue
        if (key in ROLE_WORDS or key in CONNECTORS or key in _PRONOUNS or after_preposition
                or _possessive_place(word) or not word[:1].isupper()):
            cut = i + 1
    core = words[cut:]
    if not core or not all(w[:1].isupper() or normalise(w) in _PARTICLES for w in core):
        return name.strip(), ""
    return " ".join(words[:cut]).strip(" ,;:–—-"), " ".join(core)


def _possessive_place(word: str) -> bool:
    """"Washington's" opens a title; a bare "Jordan" may be a given name."""
    return bool(re.search(r"[’'`]s$", word)) and place_of(word) is not None


def role_words(role: str) -> frozenset[str]:
    """Content words of a role, places as codes: "Iranian Ambassador to the UN" -> {irn, ambassador, un}."""
    out: set[str] = set()
    for text in _place_codes(role).split():
        if text.isupper() and len(text) >= 2:
            out.add(text.lower())
            continue
        for word in tokens(text):
            if word not in CONNECTORS and word not in _PRONOUNS:
                out.add(word)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _place_codes(text: str) -> str:
    """The text with each named state or body replaced by its code (title-cased too, for model output)."""
    for variant in (text, text.title()):
        hits = find_places(variant)
        if hits:
            pieces, last = [], 0
            for hit in hits:
                pieces += [text[last:hit.start], f" {_code(hit.actor)} "]
                last = hit.end
            return "".join([*pieces, text[last:]])
    return text


def _code(place: Place) -> str:
    return place.country or re.sub(r"[^A-Z0-9]", "", "".join(w[:1] for w in place.name.split()).upper())


def countries_in(text: str) -> frozenset[str]:
    """ISO3 codes of the states a phrase names ("Washington's special envoy" -> {USA})."""
    found = set()
    for variant in (text, text.title()):
        found |= {hit.actor.country for hit in find_places(variant) if hit.actor.country}
    return frozenset(found)


MAX_NAME_WORDS = 12


def plausible_actor(name: str) -> bool:
    """A name or role, not a sentence: at most MAX_NAME_WORDS words, starting with a letter."""
    words = name.split()
    return 0 < len(words) <= MAX_NAME_WORDS and name.strip()[:1].isalpha()


def looks_like_person_name(name: str) -> bool:
    """Capitalised words, none of them an office or a place: 'Ali Bahreini', 'Mohammed bin Salman'."""
    words = name.split()
    return bool(words) and place_of(name) is None and all(
        (w[:1].isupper() or normalise(w) in _PARTICLES) and normalise(w) not in ROLE_WORDS for w in words)
