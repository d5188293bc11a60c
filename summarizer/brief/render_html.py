"""The brief as one self-contained HTML page: actors down the side, items by actor, quotes one click away.

Rendered from `templates/brief.html.j2` with Jinja2 autoescape, so article and
model text never acts as markup. No external assets: the stylesheet
(`assets/brief.css`, the only one) and the small script are inlined; the
script only toggles classes and <details>, so the page reads the same without it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from summarizer.brief.models import Brief
from summarizer.brief.present import FILTERS, context


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("summarizer.brief").joinpath("assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("summarizer.brief", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(FILTERS)
    return env


def render_html(brief: Brief) -> str:
    page = _environment().get_template("brief.html.j2").render(
        **context(brief), css=Markup(asset("brief.css")), js=Markup(asset("brief.js")))
    return page.rstrip() + "\n"
