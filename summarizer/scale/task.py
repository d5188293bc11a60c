"""Extraction of one article as a pure function of (article, schema, provider name and settings, options).

Arguments and result are plain data (strings, dicts), so the call pickles to any
worker process or machine; the result is the article's record as a JSON-ready
dict, the same one `summarize -f jsonl` writes (apart from its timings). Each
process builds a provider once per configuration and keeps it: the rules' parser
loads once per worker, not once per article.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Mapping

from summarizer.core.records import ExtractionRecord


@lru_cache(maxsize=8)
def _provider(name: str, settings: str) -> Any:
    from summarizer import providers

    return providers.get(name, **json.loads(settings))


def extract_record(source: str, schema: str = "stance", provider: str = "rules",
                   settings: Mapping[str, Any] | None = None,
                   options: Mapping[str, Any] | None = None) -> ExtractionRecord:
    """The record of the article at `source` (a path the worker can read); unreadable: a failed record."""
    from summarizer.api import options_for
    from summarizer.extract.runner import failure_record, load_articles, run_batch

    opts = options_for(schema, **dict(options or {}))
    articles, unreadable = load_articles([source])
    if unreadable:
        return failure_record(source, schema, unreadable[0][1])
    chosen = _provider(provider, json.dumps(dict(settings or {}), sort_keys=True, default=str))
    return run_batch(articles, chosen, opts, 1, progress=False, breaker=None)[0]


def extract_one(source: str, schema: str = "stance", provider: str = "rules",
                settings: Mapping[str, Any] | None = None,
                options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`extract_record` as JSON-ready data (what crosses from a worker back to the client)."""
    return extract_record(source, schema, provider, settings, options).to_dict()
