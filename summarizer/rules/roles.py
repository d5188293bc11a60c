"""A person's role and country from the noun phrase around their name (codebook §1 `role`, `country`).

"Foreign Minister X", "X, the country's foreign minister,": the title before the name or the apposition
after it. The country comes only from that phrase (a title, a demonym, "of X"), never from a state named
nearby: a person named next to another state's name is not that state's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.entities.gazetteer import find_places
from summarizer.rules import lexicon as lex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def role_of(doc: "Doc", first: int, last: int) -> tuple[str | None, str | None]:
    """(role, ISO3) from the noun phrase around a name: titles before it, or an apposition after it."""
    role = _title_before(doc, first) or _apposition(doc, last)
    if role is None:
        return None, None
    places = [h for h in find_places(role) if h.actor.kind == "state"]
    country = places[0].actor.country if places else None
    words = role.split()
    while len(words) > 1 and words[-1].lower() in _HONORIFICS:
        words.pop()  # §1: honorifics are not part of a role ("Foreign Minister Sheikh X" -> Foreign Minister)
    return " ".join(words)[:100], country


_HONORIFICS = frozenset("sheikh sheikha sayyid ayatollah hojatoleslam rev. dr. mr. mrs. ms. sir dame".split())  # §1 (1.2): the role keeps its country adjective ("Ruritanian President")


def _title_before(doc: "Doc", first: int) -> str | None:
    """The run of title words, countries and 'of/to/for the' linking them, right before the name."""
    i = first - 1
    while i >= 0:
        tok = doc[i]
        word = tok.text.lower()
        if word in lex.TITLE_WORDS or word in lex.PERSON_ROLES or tok.ent_type_ in ("GPE", "NORP", "ORG") \
                or (word in ("of", "to", "for", "the", "'s", "’s", "-") and i > 0 and i < first - 1):
            i -= 1
            continue
        break
    start = i + 1
    while start < first and doc[start].text.lower() in ("of", "to", "for", "the", "'s", "’s", "-"):
        start += 1
    words = [t.text.lower() for t in doc[start:first]]
    if not any(w in lex.TITLE_WORDS or w in lex.PERSON_ROLES for w in words):
        return None
    return doc[start:first].text.strip()


def _apposition(doc: "Doc", last: int) -> str | None:
    """"X, the country's foreign minister, said": the appositive noun phrase when it names an office."""
    head = doc[last]
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in lex.PERSON_ROLES:
            left = child.left_edge.i
            while left <= child.i and doc[left].dep_ in ("det", "punct"):
                left += 1
            right = max((t.i for t in child.subtree if t.dep_ != "punct" and t.dep_ != "relcl"), default=child.i)
            return doc[left:right + 1].text
    return None
