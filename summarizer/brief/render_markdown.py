"""The brief as Markdown: headlines first, then by actor; every line cites outlets and links to its quotes.

Quotes are listed once at the end under anchors (`#q12`), so a line stays short
and every citation is one click from the verbatim text and its offsets.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.brief.build import describe
from summarizer.brief.models import Brief, Quote

_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def esc(text: str) -> str:
    """Article and model text can hold Markdown or HTML; neither may act as markup here."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def cite(quotes: list[Quote]) -> str:
    return ", ".join(f"[{esc(q.outlet)} {q.id}](#{q.id})" for q in quotes)


def _badges(item: Any) -> str:
    parts = [f"reported by {len(item.outlets)} outlets" if len(item.outlets) > 1 else "single source"]
    if item.novelty:
        parts.append(f"**{item.novelty}**" + (f" ({esc('; '.join(item.changes))})" if item.changes else ""))
    if item.divergences:
        parts.append("outlets diverge: " + ", ".join(f"[{d}](#{d})" for d in item.divergences))
    return " · ".join(parts)


def render_markdown(brief: Brief) -> str:
    lines = _header(brief)
    lines += _headlines(brief)
    lines += _divergences(brief)
    lines += _by_actor(brief)
    lines += _novelty(brief)
    lines += _sources(brief)
    lines += _resolution(brief)
    lines += _evidence(brief)
    return "\n".join(lines).rstrip() + "\n"


def _header(brief: Brief) -> list[str]:
    ok = [s for s in brief.sources if s.ok]
    failed = len(brief.sources) - len(ok)
    outlets = sorted({s.outlet for s in ok})
    items = len(brief.stances) + len(brief.conditions) + len(brief.red_lines)
    v = brief.verification
    return [f"# Daily brief — {esc(brief.date)}", "",
            f"{len(ok)} article(s) from {len(outlets)} outlet(s): {esc(', '.join(outlets)) or '—'}"
            + (f" · **{failed} failed** (see Sources)" if failed else "")
            + f" · {items} item(s) · {len(brief.actors)} actor(s)"
            + f" · extracted by {esc(', '.join(brief.providers)) or '—'}",
            "", f"Every line cites its outlets and links to its verified quotes (end of the brief). "
                f"Quotes checked: {v.quotes_checked}; dropped as not matching their article: {v.quotes_dropped}; "
                f"items dropped for want of a verified quote: {v.items_dropped}.", ""]


def _headlines(brief: Brief) -> list[str]:
    quotes = _quote_index(brief)
    lines = ["## Headlines", ""]
    if not brief.headlines:
        return lines + ["Nothing was extracted from these articles.", ""]
    for n, h in enumerate(brief.headlines, 1):
        lines.append(f"{n}. {esc(h.text)} — {cite([quotes[q] for q in h.evidence])} *({esc('; '.join(h.reasons))})*")
    return lines + [""]


def _divergences(brief: Brief) -> list[str]:
    if not brief.divergences:
        return []
    lines = ["## Where outlets diverge", ""]
    for d in brief.divergences:
        lines += [f'<a id="{d.id}"></a>', f"### {d.kind.capitalize()}: {esc(d.subject)}", "", esc(d.description),
                  f"*Rule: {esc(d.rule)}.*", ""]
        for side in d.sides:
            lines.append(f"- **{esc(side.label)}** — {esc(', '.join(side.outlets))}: {cite(side.evidence)}")
        lines.append("")
    return lines


def _by_actor(brief: Brief) -> list[str]:
    lines = ["## By actor", ""]
    sections = (("Stances", brief.stances), ("Conditions", brief.conditions), ("Red lines", brief.red_lines))
    idle = []
    for actor in brief.actors:
        held = [(title, [i for i in items if i.holder == actor.id]) for title, items in sections]
        if not any(items for _, items in held):
            idle.append(f"{esc(actor.name)} ({esc(actor.kind.replace('_', ' '))}, {cite(actor.evidence[:1])})")
            continue
        extra = ", ".join(x for x in (actor.kind.replace("_", " "), actor.role, actor.country) if x)
        lines += [f'<a id="actor-{actor.id}"></a>', f"### {esc(actor.name)} ({esc(extra)})", ""]
        for title, items in held:
            if items:
                lines += [f"**{title}**", ""]
                lines += [f"- {esc(describe(i))} — {cite(i.evidence)} · {_badges(i)}" for i in items]
                lines.append("")
    if idle:
        lines += ["Also named, with no stance, condition or red line extracted: " + "; ".join(idle) + ".", ""]
    return lines if len(lines) > 2 else [*lines, "No items.", ""]


def _novelty(brief: Brief) -> list[str]:
    n = brief.novelty
    if n is None:
        return []
    lines = ["## Since the previous brief", "",
             f"Compared with {esc(n.previous_date)}: {n.new} new, {n.changed} changed, {n.repeated} repeated, "
             f"{len(n.gone)} no longer reported.", ""]
    lines += [f"- no longer reported: {esc(g.holder)} — {esc(g.text)} ({g.kind})" for g in n.gone]
    return lines + ([""] if n.gone else [])


def _sources(brief: Brief) -> list[str]:
    lines = ["## Sources", "", "| article | outlet | title | date | status |", "|---|---|---|---|---|"]
    for s in brief.sources:
        status = f"{s.items} item(s)" if s.ok else f"**failed**: {esc(s.error or '')}"
        outlet = esc(s.outlet) + ("" if s.outlet_known else " (file name)")
        lines.append(f"| {esc(s.id)} | {outlet} | {esc(s.title or '—')} | {esc(s.date or '—')} | {status} |")
    return lines + [""]


def _resolution(brief: Brief) -> list[str]:
    names = {a.id: a.name for a in brief.actors}
    lines = ["## Actor resolution", "", "Mentions taken as one actor, and why:", ""]
    if not brief.merges:
        lines.append("- no mentions were merged")
    for m in brief.merges:
        lines.append(f"- **{esc(names.get(m.actor, m.actor))}**: “{esc(m.left.text)}” ({esc(m.left.outlet)}) = "
                     f"“{esc(m.right.text)}” ({esc(m.right.outlet)}) — {esc(m.rule)}: {esc(m.detail)}")
    lines += [f"- left apart: {esc(a)}" for a in brief.ambiguous]
    return lines + [""]


def _quote_index(brief: Brief) -> dict[str, Quote]:
    out: dict[str, Quote] = {}
    for q in [q for a in brief.actors for q in a.evidence] + \
             [q for i in [*brief.stances, *brief.conditions, *brief.red_lines] for q in i.evidence] + \
             [q for d in brief.divergences for s in d.sides for q in s.evidence]:
        out.setdefault(q.id, q)
    return out


def _evidence(brief: Brief) -> list[str]:
    lines = ["## Evidence", ""]
    for q in sorted(_quote_index(brief).values(), key=lambda q: int(q.id[1:])):
        lines += [f'<a id="{q.id}"></a>**{q.id}** · {esc(q.outlet)} · `{esc(q.article)}` chars {q.start}–{q.end}',
                  "", f"> {esc(q.quote)}", ""]
    return lines
