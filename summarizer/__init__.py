"""summarizer: grounded structured extraction of stances, conditions, red lines and participants from news.

Use from Python (see README, "Use from Python")::

    import summarizer
    record = summarizer.extract("Rome, 3 May. Italy's foreign minister said ...", schema="stance")
    record.result["stances"]                     # each with verbatim evidence at exact offsets
    summarizer.to_frame([record], field="stances")  # a pandas DataFrame (extra: summarizer[frame])

Names load on first use, so `import summarizer` (and the `summarize` command's --help) stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = ("Brief", "Record", "Report", "briefs_by_day", "evaluate", "extract_many")
_CALLABLE_PACKAGES = ("brief", "extract")  # subpackages that are also the API functions (callable_package.py)
_ELSEWHERE = {"to_frame": "summarizer.frame", "Article": "summarizer.text.articles"}
__all__ = [*_API, *_CALLABLE_PACKAGES, *_ELSEWHERE, "providers", "__version__"]

if TYPE_CHECKING:  # what type checkers see; at run time the names come from __getattr__
    from summarizer import providers as providers
    from summarizer.api import Brief, Record, Report, brief, briefs_by_day, evaluate, extract, extract_many
    from summarizer.frame import to_frame
    from summarizer.text.articles import Article


def __getattr__(name: str) -> Any:
    """Import the API on first use."""
    if name in _CALLABLE_PACKAGES:
        return importlib.import_module(f"summarizer.{name}")
    if name in _API:
        api = importlib.import_module("summarizer.api")
        globals().update({n: getattr(api, n) for n in _API})
        return globals()[name]
    if name in _ELSEWHERE:
        value = getattr(importlib.import_module(_ELSEWHERE[name]), name)
        globals()[name] = value
        return value
    if name in ("providers", "scale"):
        return importlib.import_module(f"summarizer.{name}")
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
