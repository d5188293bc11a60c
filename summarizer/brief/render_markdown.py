"""The brief as Markdown: headlines first, then by actor; every line cites outlets and links to its quotes.

Rendered from `templates/brief.md.j2`. Escaping is automatic, as HTML autoescape
is: every value the template prints passes through `esc` unless it is markup
built here (`cite`, `anchor`), so article and model text never acts as Markdown
or HTML. Quotes are listed once at the end under anchors (`#q12`), so a line
stays short and every citation is one click from the verbatim text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from summarizer.brief.models import Brief, Quote
from summarizer.brief.present import FILTERS, context, outlet_label
from summarizer.extract.markdown import literal_start

_SPECIAL = re.compile(r"([\\`*_\[\]|<>#~&])")  # `~~` strikes through, `&amp;` is an entity


def esc(text: Any) -> str:
    """Article and model text can hold Markdown or HTML; neither may act as markup here (inside
    emphasis too: its own `*` and `_` are escaped)."""
    return literal_start(_SPECIAL.sub(r"\\\1", " ".join(str(text).split())))


def code(text: Any) -> Markup:
    """A code span shows its text literally, so nothing is escaped inside it (a backslash would show):
    it is fenced by more backticks than any run it holds."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def _finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else esc(value if value is not None else "")


def cite(quotes: list[Quote]) -> Markup:
    return Markup(", ".join(f"[{esc(outlet_label(q.outlet))} {q.id}](#{q.id})" for q in quotes))


def anchor(ident: str) -> Markup:
    return Markup(f'<a id="{esc(ident)}"></a>')


def links(ids: list[str]) -> Markup:
    return Markup(", ".join(f"[{esc(i)}](#{esc(i)})" for i in ids))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("summarizer.brief", "templates"), autoescape=False, finalize=_finalize,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.filters.update(cite=cite, anchor=anchor, links=links, code=code,
                       cite_ids=lambda ids, quotes: cite([quotes[q] for q in ids]))
    return env


def render_markdown(brief: Brief) -> str:
    values = context(brief)
    evidence = sorted(values["quotes"].values(), key=lambda q: int(q.id[1:]))
    text = _environment().get_template("brief.md.j2").render(**values, evidence=evidence)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"
