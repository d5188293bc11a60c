"""The brief as one self-contained HTML page: actors down the side, items by actor, quotes expandable.

No external assets: CSS and the small script are inline. Every piece of article
or model text goes through `html.escape`; the script only toggles classes and
<details> elements, so the page reads the same without it.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from typing import Any

from summarizer.brief.build import describe
from summarizer.brief.models import Actor, Brief, Divergence, Quote

KIND_LABEL = {"person": "person", "state": "state", "organization": "org", "international_organization": "int'l org",
              "other": "other"}


def e(text: Any) -> str:
    return escape(str(text), quote=True)


def _asset(name: str) -> str:
    return resources.files("summarizer.brief").joinpath("assets", name).read_text(encoding="utf-8")


def render_html(brief: Brief) -> str:
    body = "".join([_header(brief), _headlines(brief), _divergences(brief), _actors(brief), _novelty(brief),
                    _resolution(brief), _sources(brief)])
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Daily brief {e(brief.date)}</title><style>{_asset('brief.css')}</style></head>"
            f'<body data-ready="0"><div class="layout">{_sidebar(brief)}<main>{body}</main></div>'
            f"<script>{_asset('brief.js')}</script></body></html>\n")


def _quotes(quotes: list[Quote], open_: bool = False) -> str:
    blocks = "".join(
        f'<blockquote class="quote" data-quote="{e(q.id)}">{e(q.quote)}'
        f'<cite>{e(q.outlet)} · {e(q.article)} · chars {q.start}–{q.end} · {e(q.id)}</cite></blockquote>'
        for q in quotes)
    label = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"
    return f'<details class="quotes"{" open" if open_ else ""}><summary>{label}</summary>{blocks}</details>'


def _outlets(outlets: list[str]) -> str:
    return '<span class="outlets">' + "".join(f'<span class="outlet">{e(o)}</span>' for o in outlets) + "</span>"


def _sidebar(brief: Brief) -> str:
    counts = {a.id: 0 for a in brief.actors}
    for item in [*brief.stances, *brief.conditions, *brief.red_lines]:
        counts[item.holder] = counts.get(item.holder, 0) + 1
    actors = sorted(brief.actors, key=lambda a: (-counts.get(a.id, 0), a.name))
    idle = {a.id: "" if counts.get(a.id) else ' class="idle"' for a in actors}
    rows = "".join(
        f'<li><a href="#actor-{e(a.id)}" data-actor="{e(a.id)}"{idle[a.id]}><span class="kind kind-{e(a.kind)}">'
        f'{e(KIND_LABEL.get(a.kind, a.kind))}</span><span class="name">{e(a.name)}</span>'
        f'<span class="count">{counts.get(a.id, 0)}</span></a></li>' for a in actors)
    sources = "".join(
        f'<li class="{"ok" if s.ok else "failed"}"><span class="outlet">{e(s.outlet)}</span> '
        f'{e(s.date or "")}{"" if s.ok else " · failed"}</li>' for s in brief.sources)
    return (f'<nav class="side"><h2>Actors</h2><ul class="actors">{rows}</ul>'
            f'<button type="button" id="show-all" hidden>Show all actors</button>'
            f'<h2>Sources</h2><ul class="sources">{sources}</ul></nav>')


def _header(brief: Brief) -> str:
    ok = [s for s in brief.sources if s.ok]
    failed = len(brief.sources) - len(ok)
    v = brief.verification
    warn = f'<p class="warn">{failed} article(s) failed to extract — listed under Sources.</p>' if failed else ""
    return (f'<header><h1>Daily brief <span class="date">{e(brief.date)}</span></h1>'
            f'<p class="meta">{len(ok)} articles · {len({s.outlet for s in ok})} outlets · '
            f'{len(brief.stances)} stances · {len(brief.conditions)} conditions · '
            f'{len(brief.red_lines)} red lines · '
            f'quotes verified {v.quotes_checked - v.quotes_dropped}/{v.quotes_checked}, '
            f'items dropped {v.items_dropped}</p>{warn}'
            f'<div class="toolbar"><button type="button" id="expand">Expand all quotes</button>'
            f'<button type="button" id="collapse">Collapse all</button></div></header>')


def _headlines(brief: Brief) -> str:
    if not brief.headlines:
        return '<section id="headlines"><h2>Headlines</h2><p>Nothing was extracted from these articles.</p></section>'
    index = {q.id: q for q in _all_quotes(brief)}
    cards = "".join(
        f'<li class="headline kind-{e(h.kind)}"><a class="ref" href="#{e(h.ref)}">{e(h.text)}</a>'
        f'<div class="reasons">{e("; ".join(h.reasons))}</div>{_quotes([index[q] for q in h.evidence])}</li>'
        for h in brief.headlines)
    return f'<section id="headlines"><h2>Headlines</h2><ol class="headlines">{cards}</ol></section>'


def _divergence(d: Divergence) -> str:
    sides = "".join(
        f'<div class="side-of"><h4>{e(s.label)}</h4>{_outlets(s.outlets)}{_quotes(s.evidence)}</div>'
        for s in d.sides)
    return (f'<article class="divergence {e(d.kind)}" id="{e(d.id)}"><h3><span class="tag">{e(d.kind)}</span> '
            f'{e(d.subject)}</h3><p>{e(d.description)}</p><div class="sides">{sides}</div>'
            f'<p class="rule">rule: {e(d.rule)}</p></article>')


def _divergences(brief: Brief) -> str:
    if not brief.divergences:
        return ""
    inner = "".join(_divergence(d) for d in brief.divergences)
    return f'<section id="divergences"><h2>Where outlets diverge</h2>{inner}</section>'


def _item(kind: str, item: Any) -> str:
    pol = f" pol-{e(item.polarity)}" if kind == "stance" else ""
    label = {"stance": e(item.polarity) if kind == "stance" else "", "condition": "condition",
             "red_line": "red line"}[kind]
    badges = [f'<span class="badge cov-{e(item.coverage)}">'
              f'{"single source" if item.coverage == "single" else f"{len(item.outlets)} outlets"}</span>']
    if item.novelty:
        badges.append(f'<span class="badge nov-{e(item.novelty)}" title="{e("; ".join(item.changes))}">'
                      f'{e(item.novelty)}</span>')
    badges += [f'<a class="badge diverge" href="#{e(d)}">diverges</a>' for d in item.divergences]
    changes = f'<p class="changes">{e("; ".join(item.changes))}</p>' if item.changes else ""
    text = f"<b>{e(item.topic)}</b> — {e(item.position)}" if kind == "stance" else e(describe(item))
    return (f'<div class="item {kind}{pol}" id="{e(item.id)}"><div class="line"><span class="pill">{label}</span>'
            f'<span class="text">{text}</span></div><div class="under">{_outlets(item.outlets)}'
            f'{"".join(badges)}</div>{changes}{_reports(item)}{_quotes(item.evidence)}</div>')


def _reports(item: Any) -> str:
    """Each outlet's own version, when several outlets report the item."""
    if len({r.outlet for r in item.reports}) < 2:
        return ""
    rows = []
    for r in item.reports:
        pol = e(r.polarity)
        pill = f'<span class="pol-{pol}"><span class="pill">{pol}</span></span>' if r.polarity else ""
        rows.append(f'<li><span class="outlet">{e(r.outlet)}</span>{pill}{e(r.text)}</li>')
    return (f'<details class="reports"><summary>what each outlet says ({len(rows)})</summary>'
            f'<ul class="reports">{"".join(rows)}</ul></details>')


def _actor(actor: Actor, brief: Brief) -> str:
    groups = [("stance", "Stances", brief.stances), ("condition", "Conditions", brief.conditions),
              ("red_line", "Red lines", brief.red_lines)]
    parts = []
    for kind, title, items in groups:
        mine = [i for i in items if i.holder == actor.id]
        if mine:
            parts.append(f'<h4>{title}</h4>{"".join(_item(kind, i) for i in mine)}')
    if not parts:
        parts.append(f'<p class="none">No stance, condition or red line of theirs was extracted; named in '
                     f'{len({m.article for m in actor.mentions})} article(s).</p>{_quotes(actor.evidence[:3])}')
    sub = " · ".join(e(x) for x in (actor.role, actor.country) if x)
    names = sorted({m.text for m in actor.mentions})
    return (f'<section class="actor" id="actor-{e(actor.id)}" data-actor="{e(actor.id)}"><h3>{e(actor.name)} '
            f'<span class="kind kind-{e(actor.kind)}">{e(KIND_LABEL.get(actor.kind, actor.kind))}</span></h3>'
            f'<p class="sub">{sub}</p><p class="aka">named as: {e(", ".join(names))}</p>{"".join(parts)}</section>')


def _actors(brief: Brief) -> str:
    held = {i.holder for i in [*brief.stances, *brief.conditions, *brief.red_lines]}
    ordered = [a for a in brief.actors if a.id in held] + [a for a in brief.actors if a.id not in held]
    inner = "".join(_actor(a, brief) for a in ordered)
    return f'<section id="by-actor"><h2>By actor</h2>{inner or "<p>No items.</p>"}</section>'


def _novelty(brief: Brief) -> str:
    n = brief.novelty
    if n is None:
        return ""
    gone = "".join(f"<li>{e(g.holder)} — {e(g.text)} ({e(g.kind)})</li>" for g in n.gone)
    return (f'<section id="novelty"><h2>Since {e(n.previous_date)}</h2><p>{n.new} new · {n.changed} changed · '
            f'{n.repeated} repeated · {len(n.gone)} no longer reported</p>'
            f'{f"<ul>{gone}</ul>" if gone else ""}</section>')


def _resolution(brief: Brief) -> str:
    names = {a.id: a.name for a in brief.actors}
    rows = "".join(
        f"<tr><td>{e(names.get(m.actor, m.actor))}</td>"
        f"<td>“{e(m.left.text)}” <small>{e(m.left.outlet)}</small></td>"
        f"<td>“{e(m.right.text)}” <small>{e(m.right.outlet)}</small></td><td>{e(m.rule)}</td><td>{e(m.detail)}</td>"
        "</tr>" for m in brief.merges)
    amb = "".join(f"<li>{e(a)}</li>" for a in brief.ambiguous)
    return (f'<section id="resolution"><h2>Actor resolution</h2><details><summary>{len(brief.merges)} merged '
            f'mentions{f", {len(brief.ambiguous)} left apart" if brief.ambiguous else ""}</summary>'
            f"<table><tr><th>actor</th><th>mention</th><th>mention</th><th>rule</th><th>why</th></tr>{rows}</table>"
            f'{f"<ul>{amb}</ul>" if amb else ""}</details></section>')


def _sources(brief: Brief) -> str:
    rows = "".join(
        f'<tr class="{"ok" if s.ok else "failed"}"><td>{e(s.id)}</td><td>{e(s.outlet)}'
        f'{"" if s.outlet_known else " <small>(file name)</small>"}</td><td>{e(s.title or "—")}</td>'
        f'<td>{e(s.date or "—")}</td><td>{f"{s.items} items" if s.ok else "failed: " + e(s.error or "")}</td></tr>'
        for s in brief.sources)
    return (f'<section id="sources"><h2>Sources</h2><table><tr><th>article</th><th>outlet</th><th>title</th>'
            f"<th>date</th><th>status</th></tr>{rows}</table></section>")


def _all_quotes(brief: Brief) -> list[Quote]:
    return [q for a in brief.actors for q in a.evidence] + \
        [q for i in [*brief.stances, *brief.conditions, *brief.red_lines] for q in i.evidence] + \
        [q for d in brief.divergences for s in d.sides for q in s.evidence]
