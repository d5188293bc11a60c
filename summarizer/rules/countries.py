"""A person's country from what the article ties them to when their own phrase names no state (codebook §1
`country`: the state the actor is or belongs to).

In order: (1) the person's own phrase (`rules.roles`: "Ruritanian President X", "X, Borduria's envoy");
(2) the same person named elsewhere in the article with a state; (3) the person whose aide or envoy they
are ("Lind's special envoy X" -> Lind's state); (4) the state body their role names, when the article ties
that body to exactly one state ("Foreign Ministry spokesman X" with "Ruritania's Foreign Ministry said"
elsewhere). Never a state merely named near them, and never a bare title matched to another state's
unnamed office holder ("President X" and "the Ruritanian president" may be two people).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from summarizer.entities.gazetteer import find_places
from summarizer.rules import lexicon as lex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# Bodies of a state that a role can name ("foreign ministry spokesman", "the army's spokesman", "National
# Security Council spokesman"); voices that are no body ("official", "side") are left out.
_BODIES = (lex.STATE_OFFICES | lex.STATE_VOICES | frozenset("council department")) - lex.PERSON_ROLES - frozenset(
    "official officials side capital regime authorities authority leadership".split())
_POSSESSIVE = re.compile(r"^(?:the\s+)?(.+?)[’']s\s+")


def bodies(docs: list["Doc"]) -> dict[str, set[str]]:
    """State bodies the article ties to a state, by their words in lower case: "Ruritania's Foreign Ministry",
    "the Ruritanian army", "the Ministry of Foreign Affairs of Ruritania" -> {"foreign ministry": {"RUR"}}."""
    found: dict[str, set[str]] = {}
    for doc in docs:
        text = doc.text
        for hit in find_places(text):
            if hit.actor.kind != "state" or not hit.actor.country:
                continue
            after = re.match(r"(?:[’']s)?\s+((?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+)\b", text[hit.end:])
            words = after.group(1).lower().split() if after else []
            for k in range(len(words), 0, -1):  # "Ruritania's Foreign Ministry said": the longest run of body words
                if words[k - 1] in _BODIES and all(w in _BODY_WORDS for w in words[:k]):
                    found.setdefault(" ".join(words[:k]), set()).add(hit.actor.country)
                    break
            before = re.search(r"\b((?:[A-Za-z]+\s+){1,5})of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+of\s+)?$", text[:hit.start])
            if before:  # "the Ministry of Foreign Affairs of (the Republic of) Ruritania"
                words = before.group(1).lower().split()
                while words and words[0] not in _BODIES:
                    words.pop(0)
                if words and all(w in _BODY_WORDS for w in words):
                    found.setdefault(" ".join(words), set()).add(hit.actor.country)
    return found


_BODY_WORDS = _BODIES | lex.PORTFOLIOS | frozenset("of national federal supreme joint armed general".split())


def _head(body: str) -> str:
    """The head noun of a body's name: "ministry" of "ministry of foreign affairs" and of "foreign ministry"."""
    return body.split(" of ")[0].split()[-1]


def from_context(role: str | None, known: dict[str, str], found: dict[str, set[str]]) -> str | None:
    """Sources (3) and (4) above for a person whose own phrase names no state; `known` maps people (full
    names and short forms) to their countries, `found` is `bodies` of the article."""
    if not role:
        return None
    owner = _POSSESSIVE.match(role)
    if owner and owner.group(1) in known:
        return known[owner.group(1)]  # "Lind's special envoy": the envoy of a person serves that person's state
    words = [w for w in re.sub(r"^(?:the\s+)|[’']s\b", "", role.lower()).split() if w != "the"]
    while words and words[-1] not in _BODIES:
        words.pop()  # "foreign ministry spokesman" -> "foreign ministry"
    if not words:
        return None
    body = " ".join(words)
    states = set().union(*(c for b, c in found.items() if b == body or len(words) == 1 and _head(b) == body))
    return states.pop() if len(states) == 1 else None


def tie_to_context(entries: dict[str, dict[str, Any]], docs: list["Doc"]) -> None:
    """Give each person entry (name, role, aliases, country) whose own phrases named no state the country the
    article ties them to by `from_context`."""
    known = {alias: e["country"] for e in entries.values() if e["kind"] == "person" and e["country"]
             for alias in (e["name"], *e["aliases"])}
    found = bodies(docs)
    for e in entries.values():
        if e["kind"] == "person" and not e["country"]:
            e["country"] = from_context(e["role"], known, found)
