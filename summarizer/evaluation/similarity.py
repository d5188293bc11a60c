"""How alike two texts or two names are, for scoring against gold.

Text similarity is max(token F1 on stemmed content words, character fuzzy ratio
when it is at least FUZZY_FLOOR): paraphrases that share content words score by
their overlap, near-duplicates (typos, punctuation, word forms) score high, and
unrelated sentences score 0 instead of the ~0.4 a raw fuzzy ratio gives them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Optional

from summarizer.text.normalize import STOPWORDS, slugify, stem
from summarizer.text.normalize import normalise as _normalise

FUZZY_FLOOR = 0.85  # a character-level fuzzy ratio counts only at or above this (near-duplicates)

Item = dict[str, Any]

def normalise(text: Optional[str]) -> str:
    """The project's one normaliser (text/normalize), with an absent text as the empty string."""
    return _normalise(text or "")


def _tokens(text: str) -> Counter[str]:
    """Snowball stems of the content words, so 'negotiations' meets 'negotiation'."""
    return Counter(stem(w) for w in normalise(text).split() if w not in STOPWORDS)


def token_f1(a: str, b: str) -> float:
    """F1 of the shared content words (stemmed), as in SQuAD answer scoring."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return float(normalise(a) == normalise(b))
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(ta.values()), common / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def text_similarity(a: Optional[str], b: Optional[str]) -> float:
    """max(token F1, fuzzy ratio when >= FUZZY_FLOOR); two absent texts agree, one absent text does not."""
    from rapidfuzz import fuzz

    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return float(na == nb)
    fuzzy = fuzz.ratio(na, nb) / 100.0
    return max(token_f1(na, nb), fuzzy if fuzzy >= FUZZY_FLOOR else 0.0)


def label(value: Any) -> str:
    return normalise(str(value)) if value is not None else ""


# ---------------------------------------------------------------- entities

class EntityResolver:
    """Maps a name, id, alias or surname to a gold participant id; unknown names stay their own slug.

    A slug that fits more than one gold participant is ambiguous and resolves to
    nothing but itself, so an ambiguous surname can never earn credit.
    """

    def __init__(self, gold_participants: Iterable[Item]) -> None:
        exact: dict[str, set[str]] = {}
        persons: dict[str, set[str]] = {}
        for p in gold_participants:
            for name in (p["id"], p["name"], *(p.get("aliases") or [])):
                exact.setdefault(slugify(name), set()).add(p["id"])
            if p.get("kind") == "person":
                for name in (p["name"], *(p.get("aliases") or [])):
                    words = slugify(name).split("-")
                    for i in range(len(words)):  # 'ali-bahreini', 'bahreini'
                        persons.setdefault("-".join(words[i:]), set()).add(p["id"])
        self._exact = {k: next(iter(v)) for k, v in exact.items() if len(v) == 1}
        self._persons = {k: next(iter(v)) for k, v in persons.items() if len(v) == 1}

    def lookup(self, name: Optional[str]) -> Optional[str]:
        """The gold id, or None; a title before a person's name is skipped ('fm-abbas-araghchi')."""
        slug = slugify(name or "")
        if slug in self._exact:
            return self._exact[slug]
        words = slug.split("-")
        for i in range(len(words)):
            if (hit := self._persons.get("-".join(words[i:]))) is not None:
                return hit
        return None

    def resolve(self, *names: Optional[str]) -> str:
        """The first name that resolves wins; otherwise the first name's own slug."""
        for name in names:
            if (hit := self.lookup(name)) is not None:
                return hit
        return slugify(names[0] or "") if names else "unknown"


def canonical_keys(field_name: str, items: list[Item], resolver: EntityResolver,
                   predicted_participants: list[Item]) -> list[str]:
    """Key of each item in gold-id space; a predicted holder also tries its participant's name and aliases."""
    by_id = {p.get("id"): p for p in predicted_participants}
    keys = []
    for item in items:
        if field_name == "participants":
            keys.append(resolver.resolve(item.get("id"), item.get("name"), *(item.get("aliases") or [])))
            continue
        holder = item.get("holder")
        person = by_id.get(holder) or {}
        keys.append(resolver.resolve(holder, person.get("name"), *(person.get("aliases") or [])))
    return keys
