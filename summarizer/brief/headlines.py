"""Headlines: the few things of the day worth reading first, each a short statement with its quotes.

A headline states who, which way, on what, and under which condition —
"Sameh Shoukry supports a binding agreement on the dam", "Egypt: talks only if
Ethiopia stops filling the reservoir" — built from the item's fields, never a
quote cut short; the quote is one click away. Divergences come first, then up to
MAX_HEADLINES items scored by extra outlets, novelty, divergence and explicit red
lines.
"""

from __future__ import annotations

from typing import Any

from summarizer.brief.merge import SAME_TOPIC, similarity
from summarizer.brief.models import Brief, BriefCondition, BriefRedLine, BriefStance, Divergence, Headline

MAX_HEADLINES = 6
VERB = {"favor": "supports", "against": "opposes", "neutral": "is neutral on", "mixed": "is divided on"}


def describe(item: Any) -> str:
    """One line for an item, in the analyst's terms."""
    if isinstance(item, BriefStance):
        return f"{item.polarity} on {item.topic} — {item.position}"
    if isinstance(item, BriefCondition):
        return f"{item.conditions} only if {item.requirement}"
    return f"red line ({item.kind}): {item.line}" + (f" — else {item.consequence}" if item.consequence else "")


def statement(item: Any, holder: str, conditions: list[BriefCondition]) -> str:
    """Holder, polarity, topic and condition in one short sentence."""
    if isinstance(item, BriefStance):
        condition = next((c for c in conditions if c.holder == item.holder
                          and similarity(c.conditions, item.topic) >= SAME_TOPIC), None)
        tail = f", only if {condition.requirement}" if condition is not None and item.polarity == "favor" else ""
        return f"{holder} {VERB.get(str(item.polarity), 'on')} {item.topic}{tail}"
    if isinstance(item, BriefCondition):
        return f"{holder}: {item.conditions} only if {item.requirement}"
    assert isinstance(item, BriefRedLine)
    return f"{holder}'s red line: {item.line}" + (f" (else {item.consequence})" if item.consequence else "")


def _divergence_statement(div: Divergence) -> str:
    sides = "; ".join(f"{', '.join(s.outlets)}: {s.label}" for s in div.sides)
    if div.kind == "contradiction":
        return f"Outlets disagree on {div.subject} ({sides})"
    return f"Outlets frame the {div.subject} differently ({sides})"


def headlines(brief: Brief) -> list[Headline]:
    """Divergences first, then the items most outlets report, that are new or changed, or that diverge."""
    names = {a.id: a.name for a in brief.actors}
    out = [Headline(ref=d.id, kind="divergence", text=_divergence_statement(d), reasons=[f"outlets diverge ({d.kind})"],
                    evidence=[q.id for side in d.sides for q in side.evidence[:1]]) for d in brief.divergences]
    scored = []
    for kind, items in (("stance", brief.stances), ("condition", brief.conditions), ("red_line", brief.red_lines)):
        for order, item in enumerate(items):
            reasons = []
            if len(item.outlets) > 1:
                reasons.append(f"reported by {len(item.outlets)} outlets")
            if item.novelty in ("new", "changed") and brief.novelty:
                reasons.append(f"{item.novelty} since {brief.novelty.previous_date}")
            if item.divergences:
                reasons.append("part of a divergence")
            if kind == "red_line" and item.explicit:
                reasons.append("stated as a red line")
            score = 2 * max(len(item.outlets) - 1, 0) + 3 * (item.novelty in ("new", "changed")) + \
                2 * bool(item.divergences) + (kind == "red_line")
            scored.append((score, order, kind, item, reasons))
    scored.sort(key=lambda s: (-s[0], s[1]))
    for score, _, kind, item, reasons in scored[:max(0, MAX_HEADLINES - len(out))]:
        if not reasons and out:
            break
        out.append(Headline(ref=item.id, kind=kind, text=statement(item, names.get(item.holder, item.holder),
                                                                   brief.conditions),
                            reasons=reasons or ["reported today"], evidence=[q.id for q in item.evidence[:2]]))
    return out
