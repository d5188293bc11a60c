"""Per-article spending limits: tokens and wall-clock time.

Checked in the transport before every model request, so one limit bounds all
the loops above it at once: instructor's validation re-asks, the retry with a
larger max_tokens after a cut-off answer, every chunk of a long article, and
(for time) the transport's own retries.
"""

from __future__ import annotations

import contextvars
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from summarizer.llm import usage
from summarizer.errors import ProviderError


class BudgetExceeded(ProviderError):
    """The article spent its token or time budget; asking again would spend more."""


@dataclass(frozen=True)
class Limits:
    tokens: int | None = None
    seconds: float | None = None
    started: float = 0.0  # time.monotonic() when the article started

    def time_left(self) -> float | None:
        return None if self.seconds is None else self.seconds - (time.monotonic() - self.started)


_limits: contextvars.ContextVar[Limits | None] = contextvars.ContextVar("summarizer_limits", default=None)


@contextmanager
def limited(tokens: int | None = None, seconds: float | None = None) -> Iterator[Limits]:
    """Apply the limits to every model request made in this block (per thread, like usage counting)."""
    limits = Limits(tokens, seconds, time.monotonic())
    token = _limits.set(limits)
    try:
        yield limits
    finally:
        _limits.reset(token)


def check_tokens() -> None:
    """Before a request, cached or not: cached answers count too, so a replay decides exactly as the live run."""
    limits, spent = _limits.get(), usage.current()
    if limits is None or limits.tokens is None or spent is None:
        return
    if spent.total_tokens >= limits.tokens:
        raise BudgetExceeded(f"token budget of {limits.tokens} spent ({spent.total_tokens} used by this article)",
                             "raise --token-budget, or lower --max-retries / --max-tokens")


def check_time() -> None:
    """Before a request that goes to the endpoint."""
    limits = _limits.get()
    left = limits.time_left() if limits is not None else None
    if left is not None and left <= 0:
        raise BudgetExceeded(f"time budget of {limits.seconds:g}s spent on this article",  # type: ignore[union-attr]
                             "raise --time-budget, or check why the endpoint is slow")


def out_of_time() -> bool:
    """For retry loops: stop waiting and retrying once the article's time is up."""
    limits = _limits.get()
    left = limits.time_left() if limits is not None else None
    return left is not None and left <= 0


def time_left() -> float | None:
    """Seconds this article may still spend (None without a time budget): bounds each request's deadline."""
    limits = _limits.get()
    return limits.time_left() if limits is not None else None


class Watchdog:
    """Ends an attempt at its deadline wherever it is (connecting, awaiting headers, reading a trickle):
    httpx's timeouts bound each socket operation, which a byte a second never trips. Shutting the
    socket down wakes the blocked read at once."""

    def __init__(self, seconds: float, chained: Any = None) -> None:
        self.seconds, self.expired, self._chained = seconds, False, chained
        self._stream: Any = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True

    def trace(self, name: str, info: dict[str, Any]) -> None:
        if name.endswith(("connect_tcp.complete", "start_tls.complete")):
            self.watch(info.get("return_value"))
        if self._chained is not None:
            self._chained(name, info)

    def watch(self, stream: Any) -> None:
        with self._lock:
            self._stream = stream or self._stream
            if self.expired:
                self._shutdown()

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            self._shutdown()

    def _shutdown(self) -> None:  # called under the lock
        sock = self._stream.get_extra_info("socket") if self._stream is not None else None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> "Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
