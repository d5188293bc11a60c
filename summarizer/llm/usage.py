"""Counting what each article cost: calls, tokens, and the server's own timings.

Counted at the HTTP layer, so every attempt (transport retries, validation
re-asks, truncated answers) is included, including those that failed.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from typing import Any, Iterator

from pydantic import BaseModel


class Usage(BaseModel):
    calls: int = 0
    cached_calls: int = 0
    failed_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    server_prompt_ms: float = 0.0
    server_generation_ms: float = 0.0

    def add(self, other: "Usage") -> None:
        for name in type(self).model_fields:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def add_response(self, body: dict[str, Any], cached: bool) -> None:
        self.calls += 1
        self.cached_calls += int(cached)
        usage = body.get("usage") or {}
        self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        self.completion_tokens += int(usage.get("completion_tokens") or 0)
        self.total_tokens += int(usage.get("total_tokens") or 0)
        timings = body.get("timings") or {}
        self.server_prompt_ms += float(timings.get("prompt_ms") or 0.0)
        self.server_generation_ms += float(timings.get("predicted_ms") or 0.0)


_current: contextvars.ContextVar[Usage | None] = contextvars.ContextVar("summarizer_usage", default=None)


@contextmanager
def counting() -> Iterator[Usage]:
    """Collect the usage of every model call made inside the block (per thread)."""
    usage = Usage()
    token = _current.set(usage)
    try:
        yield usage
    finally:
        _current.reset(token)


def current() -> Usage | None:
    return _current.get()
