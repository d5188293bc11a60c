"""Headlines: the few things of the day worth reading first, each a short statement with its quotes.

A headline states who, which way, on what, and under which condition —
"Sameh Shoukry supports a binding agreement on the dam", "Egypt: talks only if
Ethiopia stops filling the reservoir" — built from the item's fields, never a
quote cut short; the quote is one click away. Divergences come first, then up to
MAX_HEADLINES items, scored so that a day of one outlet still has its headlines:
extra outlets weigh most, then red lines, conditions, new or changed items,
divergence, and a clear attitude (favor or against over neutral or mixed). No
holder takes more than PER_HOLDER of them while others have items to show.
A red line is phrased by what its text is (`phrasing`), so a clause is never
read as the line itself.
"""

from __future__ import annotations

from typing import Any

from summarizer.brief.merge import SAME_TOPIC, similarity
from summarizer.brief.models import Brief, BriefCondition, BriefRedLine, BriefStance, Divergence, Headline
from summarizer.brief.phrasing import red_line_statement

MAX_HEADLINES = 6
PER_HOLDER = 2
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
    return red_line_statement(holder, item.kind, item.line, item.consequence)


def _divergence_statement(div: Divergence) -> str:
    sides = "; ".join(f"{', '.join(s.outlets)}: {s.label}" for s in div.sides)
    if div.kind == "contradiction":
        return f"Outlets disagree on {div.subject} ({sides})"
    return f"Outlets frame the {div.subject} differently ({sides})"


def _score(kind: str, item: Any, brief: Brief) -> tuple[float, list[str]]:
    """How much an item deserves the first screen, and the reasons a reader is shown."""
    parts: list[tuple[float, str]] = []
    if len(item.outlets) > 1:
        parts.append((4.0 * (len(item.outlets) - 1), f"reported by {len(item.outlets)} outlets"))
    if kind == "red_line":
        parts.append((4.0 if item.explicit else 3.0, "stated as a red line" if item.explicit else "a red line"))
    if kind == "condition":
        parts.append((2.0, "a condition"))
    if item.novelty in ("new", "changed") and brief.novelty:
        parts.append((2.0, f"{item.novelty} since {brief.novelty.previous_date}"))
    if item.divergences:
        parts.append((2.0, "part of a divergence"))
    if kind == "stance" and str(item.polarity) in ("favor", "against"):
        parts.append((1.0, f"a clear stance ({item.polarity})"))
    return sum(weight for weight, _ in parts), [reason for _, reason in parts]


def _pick(scored: list[tuple[float, int, str, Any, list[str]]], room: int) -> list[tuple[str, Any, list[str]]]:
    """The best `room` items, at most PER_HOLDER per holder unless nobody else is left."""
    ranked = sorted(scored, key=lambda s: (-s[0], s[1]))
    chosen: list[int] = []
    per_holder: dict[str, int] = {}
    for i, (_, _, _, item, _) in enumerate(ranked):
        if len(chosen) < room and per_holder.get(item.holder, 0) < PER_HOLDER:
            chosen.append(i)
            per_holder[item.holder] = per_holder.get(item.holder, 0) + 1
    chosen += [i for i in range(len(ranked)) if i not in chosen][:max(0, room - len(chosen))]
    return [(ranked[i][2], ranked[i][3], ranked[i][4]) for i in sorted(chosen)]


def headlines(brief: Brief) -> list[Headline]:
    """Divergences first, then the items scored highest (`_score`)."""
    names = {a.id: a.name for a in brief.actors}
    out = [Headline(ref=d.id, kind="divergence", text=_divergence_statement(d), reasons=[f"outlets diverge ({d.kind})"],
                    evidence=[q.id for side in d.sides for q in side.evidence[:1]]) for d in brief.divergences]
    scored = []
    order = 0
    for kind, items in (("stance", brief.stances), ("condition", brief.conditions), ("red_line", brief.red_lines)):
        for item in items:
            score, reasons = _score(kind, item, brief)
            scored.append((score, order, kind, item, reasons))
            order += 1
    for kind, item, reasons in _pick(scored, max(0, MAX_HEADLINES - len(out))):
        out.append(Headline(ref=item.id, kind=kind, text=statement(item, names.get(item.holder, item.holder),
                                                                   brief.conditions),
                            reasons=reasons or ["reported today"], evidence=[q.id for q in item.evidence[:2]]))
    return out
