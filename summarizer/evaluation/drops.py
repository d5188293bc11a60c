"""False drops: correct items that grounding threw away, per field and per reason.

Definition (docs/evaluation.md): a dropped item is a *false drop* when it matches a gold
item that no kept item matched, by the same rule as kept items (matching.py: same
holder or entity, overlapping evidence; one-to-one). The false-drop rate of a field is

    false drops / (kept items matching gold + false drops)

i.e. the share of the items that were right which grounding removed. A drop that only
repeats a kept match (a duplicate, a pruned alias of a kept participant) costs nothing
and is not counted. Records written before dropped items carried their evidence are
matched through the sentence numbers they cited, re-segmented from the gold text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from summarizer.evaluation.matching import assign, candidates
from summarizer.evaluation.similarity import EntityResolver, Item, canonical_keys, text_similarity

FIELDS = ("participants", "stances", "conditions", "red_lines")
_NAMES = {"participants": ("name",), "stances": ("topic", "position"), "conditions": ("requirement",),
          "red_lines": ("line",)}
# quoted words, "(…'x'…)", "[3, 4]", ": message", and ", not NAME" (records before the reasons quoted names)
_SPECIFICS = re.compile(r"\s*\((?=[^)]*['\"\[])[^)]*\)|\s*'[^']*'|\s*\[[^\]]*\]|\s*:.*$|,\s+not\s+[A-Z].*$")


def reason_kind(reason: str) -> str:
    """The reason without its specifics (quoted words, sentence numbers, messages): one row per kind."""
    return " ".join(_SPECIFICS.sub("", reason).split()) or reason


@dataclass
class DropTally:
    """Counts of one run (or article): kept matches per field; drops and false drops per (field, reason)."""

    kept: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    dropped: dict[tuple[str, str], int] = field(default_factory=dict)
    false: dict[tuple[str, str], int] = field(default_factory=dict)
    examples: list[tuple[str, str, Item]] = field(default_factory=list)  # (field, reason, item) of each false drop

    def add(self, other: "DropTally") -> None:
        for name, n in other.kept.items():
            self.kept[name] = self.kept.get(name, 0) + n
        for key, n in other.dropped.items():
            self.dropped[key] = self.dropped.get(key, 0) + n
        for key, n in other.false.items():
            self.false[key] = self.false.get(key, 0) + n
        self.examples += other.examples

    def false_drops(self, field_name: Optional[str] = None, reason: Optional[str] = None) -> int:
        return sum(n for (f, r), n in self.false.items()
                   if (field_name is None or f == field_name) and (reason is None or r == reason))

    def rate(self, field_name: Optional[str] = None, reason: Optional[str] = None) -> Optional[float]:
        """False drops over items matching gold (kept + falsely dropped), in a field or all of them."""
        kept = sum(n for f, n in self.kept.items() if field_name is None or f == field_name)
        base = kept + self.false_drops(field_name)
        return self.false_drops(field_name, reason) / base if base else None

    def reasons(self, field_name: str) -> list[str]:
        return sorted({r for f, r in self.dropped if f == field_name})

    def to_dict(self) -> dict[str, Any]:
        def r(x: Optional[float]) -> Optional[float]:
            return None if x is None else round(x, 6)

        return {"rate": r(self.rate()), "false_drops": self.false_drops(),
                "dropped": sum(self.dropped.values()), "kept_matches": sum(self.kept.values()),
                "fields": {f: {"rate": r(self.rate(f)), "kept_matches": self.kept.get(f, 0),
                               "false_drops": self.false_drops(f),
                               "dropped": sum(n for (g, _), n in self.dropped.items() if g == f),
                               "reasons": {reason: {"dropped": self.dropped[f, reason],
                                                    "false_drops": self.false.get((f, reason), 0),
                                                    "rate": r(self.rate(f, reason))}
                                           for reason in self.reasons(f)}}
                           for f in FIELDS}}


def _spans_from_sentences(item: Item, text: str) -> list[dict[str, Any]]:
    """Evidence of an old record's dropped item: the sentences it cited, re-segmented from the text."""
    from summarizer.text.segment import split_sentences

    ids = {i for i in item.get("sentences") or [] if isinstance(i, int)}
    return [{"quote": s.text, "start": s.start, "end": s.end} for s in split_sentences(text) if s.id in ids]


def tally(text: str, gold: dict[str, list[Item]], pred: dict[str, list[Item]], pairs: dict[str, Sequence[Any]],
          dropped: Sequence[Any], scored: Sequence[str] = FIELDS) -> DropTally:
    """One article: which dropped items match gold items that the kept items left unmatched."""
    out = DropTally()
    resolver = EntityResolver(gold["participants"])
    for name in FIELDS:
        if name not in scored:
            continue
        out.kept[name] = len(pairs[name])
        mine = [d for d in dropped if d.field == name]
        if not mine:
            continue
        items = []
        for d in mine:
            item = d.as_item()
            if not item["evidence"]:
                item["evidence"] = _spans_from_sentences(d.item or {}, text)
            items.append(item)
        for d in mine:
            key = (name, reason_kind(d.reason))
            out.dropped[key] = out.dropped.get(key, 0) + 1
        taken = {p.gold for p in pairs[name]}
        rest = [j for j in range(len(gold[name])) if j not in taken]
        if not rest:
            continue
        residual = [gold[name][j] for j in rest]
        pk = canonical_keys(name, items, resolver, pred["participants"])
        gk = canonical_keys(name, residual, resolver, gold["participants"])
        allowed = candidates(name, items, residual, pk, gk)
        similarity = np.zeros(allowed.shape)
        for i, j in np.argwhere(allowed):
            similarity[i, j] = max(text_similarity(str(items[i].get(a) or ""), str(residual[j].get(a) or ""))
                                   for a in _NAMES[name])
        for i, _ in assign(allowed, similarity):
            key = (name, reason_kind(mine[i].reason))
            out.false[key] = out.false.get(key, 0) + 1
            out.examples.append((name, mine[i].reason, items[i]))
    return out
