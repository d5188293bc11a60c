"""What the Markdown and HTML templates show, computed once: counts, labels, plurals, the quote index.

The templates (`templates/`) only lay out; every number and wording they share
comes from here, so the two formats cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.brief.headlines import describe
from summarizer.brief.models import Actor, Brief, Quote

UNKNOWN_OUTLET = "unknown outlet"
KIND_LABEL = {"person": "person", "state": "state", "organization": "org", "international_organization": "int'l org",
              "other": "other"}
_PLURALS = {"red line": "red lines", "stance": "stances", "quote": "quotes", "outlet": "outlets",
            "article": "articles", "divergence": "divergences", "item": "items", "actor": "actors",
            "condition": "conditions", "mention": "mentions"}


def plural(n: int, word: str) -> str:
    """'1 divergence', '2 divergences'."""
    return f"{n} {word if n == 1 else _PLURALS.get(word, word + 's')}"


def outlet_label(outlet: str | None) -> str:
    return outlet or UNKNOWN_OUTLET


def extracted_by(brief: Brief) -> str:
    """'rules / rules-v1' (with article counts when several providers share the brief)."""
    parts = [f"{e.provider} / {e.model}" for e in brief.extracted_by]
    if len(brief.extracted_by) > 1:
        parts = [f"{p} ({plural(e.articles, 'article')})" for p, e in zip(parts, brief.extracted_by)]
    return ", ".join(parts) or "no provider recorded"


@dataclass
class Header:
    articles: int
    outlets: list[str]
    unknown_outlet: int
    failed: int
    left_out: int
    items: int


def header(brief: Brief) -> Header:
    ok = [s for s in brief.sources if s.ok]
    return Header(articles=len(ok), outlets=sorted({s.outlet for s in ok if s.outlet}),
                  unknown_outlet=sum(not s.outlet for s in ok), failed=len(brief.sources) - len(ok),
                  left_out=len(brief.left_out), items=len(brief.stances) + len(brief.conditions) + len(brief.red_lines))


def quote_index(brief: Brief) -> dict[str, Quote]:
    out: dict[str, Quote] = {}
    for q in [q for a in brief.actors for q in a.evidence] + \
             [q for i in [*brief.stances, *brief.conditions, *brief.red_lines] for q in i.evidence] + \
             [q for d in brief.divergences for s in d.sides for q in s.evidence]:
        out.setdefault(q.id, q)
    return out


def items_of(brief: Brief, actor: Actor) -> list[tuple[str, str, list[Any]]]:
    """(kind, title, items) of one actor, empty kinds left out."""
    groups = [("stance", "Stances", brief.stances), ("condition", "Conditions", brief.conditions),
              ("red_line", "Red lines", brief.red_lines)]
    out = []
    for kind, title, items in groups:
        mine = [i for i in items if i.holder == actor.id]
        if mine:
            out.append((kind, title, mine))
    return out


def actor_counts(brief: Brief) -> dict[str, int]:
    counts = {a.id: 0 for a in brief.actors}
    for item in [*brief.stances, *brief.conditions, *brief.red_lines]:
        counts[item.holder] = counts.get(item.holder, 0) + 1
    return counts


def context(brief: Brief) -> dict[str, Any]:
    """Everything both templates read."""
    counts = actor_counts(brief)
    holders = [a for a in brief.actors if counts.get(a.id)]
    return {"brief": brief, "head": header(brief), "quotes": quote_index(brief), "counts": counts,
            "extracted_by": extracted_by(brief), "names": {a.id: a.name for a in brief.actors},
            "side_actors": sorted(brief.actors, key=lambda a: (-counts.get(a.id, 0), a.name)),
            "holders": holders, "idle": [a for a in brief.actors if not counts.get(a.id)],
            "items_of": lambda actor: items_of(brief, actor)}


FILTERS = {"plural": plural, "outlet": outlet_label, "describe": describe,
           "kind_label": lambda kind: KIND_LABEL.get(kind, kind)}


def coverage_label(item: Any) -> str:
    """'3 outlets', 'single source', or what is known when some articles have no outlet."""
    if item.coverage == "multiple":
        return plural(len(item.outlets), "outlet")
    if not item.unknown_outlet:
        return "single source"
    unknown = f"{plural(item.unknown_outlet, 'article')} of unknown outlet"
    return f"{item.outlets[0]} + {unknown}" if item.outlets else unknown


FILTERS["coverage"] = coverage_label
