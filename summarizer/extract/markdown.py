"""A record as Markdown: article and model text shown literally, never acting as markup."""

from __future__ import annotations

import re
from typing import Any

from summarizer.core.records import ExtractionRecord

_LEADING = re.compile(r"^([+\-=#]|\d+(?=[.)]))")  # would open a list or a heading at a line's start
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|~"})


def _md_escape(text: object) -> str:
    """Article and model text shown literally: no HTML, no links or images (no fetches), no emphasis,
    no strikethrough, no list or heading where it starts a line."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return literal_start(" ".join(text.translate(_MD_SPECIAL).splitlines()))


def literal_start(text: str) -> str:
    """A line start that would open a list (`- `, `+ `, `1. `, `1) `) or a heading (`#`, `=`) is escaped."""
    return _LEADING.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text)


def _evidence_lines(item: dict[str, Any]) -> list[str]:
    return [f"  > “{_md_escape(ev['quote'])}” (chars {ev['start']}–{ev['end']})" for ev in item.get("evidence", [])]


def markdown(record: ExtractionRecord) -> str:
    meta = record.article.meta
    lines = [f"## {_md_escape(meta.title or record.article.id)}", ""]
    lines.append(f"*{_md_escape(record.article.source)}* · outlet {_md_escape(meta.outlet or '—')} · "
                 f"date {_md_escape(meta.date or '—')}")
    if not record.ok:
        return "\n".join([*lines, "", f"**Extraction failed:** {_md_escape(record.error or '')}", ""])
    result = record.result or {}
    if result.get("summary"):
        lines += ["", _md_escape(result["summary"])]
    for field, title, describe in _SECTIONS:
        if field not in result:
            continue
        lines += ["", f"### {title} ({len(result[field])})"]
        for item in result[field]:
            lines.append(f"- {describe(item)}")
            lines.extend(_evidence_lines(item))
    prov = record.provenance
    if prov:
        lines += ["", f"<sub>{_md_escape(prov.provider)} · {_md_escape(prov.model)} · {prov.usage.total_tokens} tokens · "
                      f"{prov.latency_s:.1f}s · dropped {prov.dropped_count} ungroundable</sub>"]
    return "\n".join(lines) + "\n"


_SECTIONS = (
    ("participants", "Participants",
     lambda p: f"**{_md_escape(p['name'])}** ({_md_escape(p['kind'])}"
               f"{', ' + _md_escape(p['role']) if p.get('role') else ''})"),
    ("stances", "Stances",
     lambda s: f"**{_md_escape(s['holder'])}** on *{_md_escape(s['topic'])}*: {_md_escape(s['polarity'])} — "
               f"{_md_escape(s['position'])}"),
    ("conditions", "Conditions",
     lambda c: f"**{_md_escape(c['holder'])}** — {_md_escape(c['conditions'])} only if: "
               f"{_md_escape(c['requirement'])}"),
    ("red_lines", "Red lines",
     lambda r: f"**{_md_escape(r['holder'])}** ({_md_escape(r['kind'])}{', says “red line”' if r['explicit'] else ''}): "
               f"{_md_escape(r['line'])}"),
)
