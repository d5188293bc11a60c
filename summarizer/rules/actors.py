"""Finding actors in sentences: states and organisations from the gazetteer, people from name patterns.

A capitalised run of words is split into title words ('Foreign Minister'),
places, organisation names ('Press TV', '... Council') and a trailing personal
name; a lone surname is linked to the full name used elsewhere in the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from summarizer.rules.lexicon import (COMMON_CAPS, FUNCTION_CAPS, NAME_PARTICLES, NON_NAME_SUFFIX, ORG_HEADS, ROLE_NOUNS,
                               TITLE_WORDS)
from summarizer.entities.gazetteer import Actor, GazetteerHit, find_cities, find_places, is_city
from summarizer.text.segment import Sentence

_TOKEN = r"(?:[A-Z][\w’'\-]*\w|[A-Z]\.?)"
_PARTICLE = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
_RUN = re.compile(rf"(?<![\w’'-]){_TOKEN}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)?{_TOKEN})*")
_POSSESSIVE = re.compile(r"[’']s?$")
_ROLE_CONNECTORS = frozenset("of the to in for at on".split())
_ROLE_MODIFIERS = frozenset("foreign special top senior deputy chief state policy former national security "
                            "defence defense affairs acting".split())
_PREPOSITIONS = re.compile(r"\b(?:to|in|at|of|for|from|with|by|on|against|toward|towards)\s+(?:the\s+)?$", re.I)


@dataclass
class Mention:
    """An actor named in one sentence; offsets are into the sentence text."""

    start: int
    end: int
    surface: str
    actor: Actor
    role: str | None = None
    titled: bool = False  # a person introduced with a title, role or apposition


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (curly pairs, or straight quotes taken two by two)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*(?:”|$)", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r'"[^"]*(?:"|$)', text)]
    return sorted(spans)


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def _clean(token: str) -> str:
    return _POSSESSIVE.sub("", token).rstrip(".")


def _is_name_token(token: str) -> bool:
    word = _clean(token)
    if len(word) == 1:
        return token.endswith(".")  # an initial, "J."
    return (word[0].isupper() and any(c.islower() for c in word[1:]) and word not in TITLE_WORDS
            and word not in COMMON_CAPS and word not in ORG_HEADS and not is_city(word)
            and not NON_NAME_SUFFIX.search(word.lower()))


def _masked(text: str, places: list[GazetteerHit]) -> str:
    """Places blanked out, so capitalised runs never swallow them."""
    chars = list(text)
    for start, end in [(h.start, h.end) for h in places] + find_cities(text):
        chars[start:end] = "|" * (end - start)
    return "".join(chars)


def role_before(text: str, start: int) -> tuple[str | None, str | None]:
    """(role, ISO3) from the words just before a name: 'Iranian Ambassador to the UN Ali ...'."""
    words = list(re.finditer(r"[\w’'.\-]+", text[:start]))
    kept: list[re.Match[str]] = []
    for word in reversed(words[-12:]):
        w = _clean(word.group(0))
        if text[word.end():(kept[-1].start() if kept else start)].strip():
            break  # punctuation between words ends the title
        if not (w[:1].isupper() and w not in FUNCTION_CAPS or w.lower() in ROLE_NOUNS or w in _ROLE_CONNECTORS
                or w in _ROLE_MODIFIERS):
            break
        kept.append(word)
    while kept and _clean(kept[-1].group(0)) in _ROLE_CONNECTORS:
        kept.pop()
    return _role(text, kept[-1].start(), start) if kept else (None, None)


def _role(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    phrase = re.sub(r"^(?:the|a|an)\s+", "", text[start:end].strip(" ,"), flags=re.I)
    if not any(_clean(w) in TITLE_WORDS or _clean(w).lower() in ROLE_NOUNS for w in phrase.split()):
        return None, None
    places = find_places(phrase)
    country = next((h.actor.country for h in places if h.actor.kind == "state"), None)
    if places and places[0].start == 0 and places[0].actor.kind == "state":  # "Iranian President" -> President
        phrase = re.sub(r"^[’']s\b", "", phrase[places[0].end:]).strip()
    return (phrase[:100] or None), country


def apposition_after(text: str, end: int) -> tuple[str | None, str | None]:
    """(role, ISO3) from 'Name, the country's foreign minister, said'."""
    match = re.match(r",\s+([^,;:“”\"()]{3,100}?),", text[end:])
    if not match or match.group(1)[:1].isupper() and not match.group(1).startswith(("The ", "A ")):
        return None, None
    return _role(text, end + match.start(1), end + match.end(1))


class _Tok(NamedTuple):
    start: int
    end: int
    word: str


class ActorFinder:
    """Actors of one chunk of sentences: full names are collected first so surnames can be linked."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.text = "\n".join(s.text for s in sentences)
        self._lower = set(re.findall(r"\b[a-z][a-z’'-]+\b", self.text))
        self._runs = {s.id: self._runs_of(s.text) for s in sentences}
        self._full: dict[str, str] = {}  # surname -> full name
        for runs in self._runs.values():
            for tokens, _ in runs:
                name = _name_of(tokens)
                if len(name) >= 2:
                    self._full.setdefault(_clean(name[-1].word), " ".join(_clean(t.word) for t in name))
        self.mentions = {s.id: self._mentions(s) for s in sentences}

    @staticmethod
    def _runs_of(text: str) -> list[tuple[list[_Tok], bool]]:
        masked = _masked(text, find_places(text))
        runs = []
        for match in _RUN.finditer(masked):
            tokens = [_Tok(match.start() + t.start(), match.start() + t.end(), t.group(0))
                      for t in re.finditer(r"\S+", match.group(0))]
            initial = not text[:match.start()].strip(" “\"‘'([—–-")
            runs.append((tokens, initial))
        return runs

    def _single_ok(self, token: str, run_initial: bool, text: str, end: int) -> bool:
        """A lone capitalised word is a name only if the text never uses it in lower case."""
        word = _clean(token)
        if word.lower() in self._lower or word in COMMON_CAPS:
            return False
        followed_by_verb = re.match(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b", text[end:]) is not None
        return not run_initial or followed_by_verb

    def _mentions(self, sentence: Sentence) -> list[Mention]:
        text = sentence.text
        found = [Mention(h.start, h.end, h.surface, h.actor) for h in find_places(text)]
        for tokens, initial in self._runs[sentence.id]:
            found += self._run_mentions(text, tokens, initial)
        return sorted(found, key=lambda m: m.start)

    def _run_mentions(self, text: str, tokens: list[_Tok], initial: bool) -> list[Mention]:
        heads = [i for i, t in enumerate(tokens) if _clean(t.word) in ORG_HEADS]
        out: list[Mention] = []
        if heads:
            org = tokens[: heads[-1] + 1]
            while org and _clean(org[0].word) in COMMON_CAPS:
                org.pop(0)
            if org and (len(org) >= 2 or org[0].word.isupper()):
                s, e = org[0].start, org[-1].end
                country = next((h.actor.country for h in find_places(text[max(0, s - 30):s])
                                if h.actor.kind == "state"), None)
                out.append(Mention(s, e, text[s:e], Actor(" ".join(text[s:e].split()), "organization", country)))
            tokens = tokens[heads[-1] + 1:]
        name = _name_of(tokens)
        if not name:
            return out
        s, e = name[0].start, name[-1].end
        if len(name) == 1 and _clean(name[0].word) not in self._full:
            if not self._single_ok(name[0].word, initial and len(tokens) == 1, text, e):
                return out
        full = " ".join(_clean(t.word) for t in name)
        full = self._full.get(full, full) if len(name) == 1 else full
        role, country = role_before(text, s)
        if role is None:
            role, country = apposition_after(text, e)
        surface = _POSSESSIVE.sub("", text[s:e])
        out.append(Mention(s, s + len(surface), surface, Actor(full, "person", country), role, role is not None))
        return out


def _name_of(tokens: list[_Tok]) -> list[_Tok]:
    """The trailing personal name of a run of capitalised words (at most four words)."""
    name: list[_Tok] = []
    for token in reversed(tokens):
        if (token.word in NAME_PARTICLES and name) or _is_name_token(token.word):
            name.insert(0, token)
        else:
            break
    while name and name[0].word in NAME_PARTICLES:
        name.pop(0)
    return name[-4:]


def subject_candidates(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions in text[start:end] that can head a subject (not after a preposition)."""
    inside_window = [m for m in mentions if m.start >= start and m.end <= end]
    heads = [m for m in inside_window if not _PREPOSITIONS.search(text[start:m.start])]
    return heads or inside_window
