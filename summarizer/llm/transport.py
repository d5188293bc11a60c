"""The HTTP layer under the openai client: record/replay, usage, bounded retries.

Stack (outermost first): `ModelTransport` (cache, replay, usage counting) ->
`RetryingTransport` (tenacity: 429/5xx/timeouts/resets) -> httpx. Keeping these
below openai and instructor means every attempt is seen and counted once.
"""

from __future__ import annotations

import contextvars
import json
import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Iterator

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, stop_before_delay

from summarizer.llm import budget
from summarizer.llm import usage
from summarizer.llm.cache import ResponseCache, request_key
from summarizer.errors import ReplayMiss, redact

RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
_NETWORK_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
SAMPLE_HEADER = "x-summarizer-sample"
NO_KEY = "not-needed"  # what the openai client sends when there is no API key: nothing to hide

# (raw request body, sample index) -> the answer to give instead of calling anything
Capture = Callable[[bytes, int], dict[str, Any]]
_capture: contextvars.ContextVar[Capture | None] = contextvars.ContextVar("summarizer_capture", default=None)


@contextmanager
def capturing(answer: Capture) -> Iterator[None]:
    """Hand every chat request made in this thread to `answer`: no cache, no endpoint (batch export)."""
    token = _capture.set(answer)
    try:
        yield
    finally:
        _capture.reset(token)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    total_seconds: float = 120.0
    base_wait: float = 0.5
    max_wait: float = 20.0


class _RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait: `Retry-After: 2` or an HTTP date; None if absent or unreadable."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _rebuilt(response: httpx.Response, content: bytes, request: httpx.Request) -> httpx.Response:
    """A copy with a new body: the original's encoding headers no longer describe the (decoded) content."""
    stale = ("content-encoding", "content-length", "transfer-encoding")
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in stale]
    return httpx.Response(response.status_code, headers=headers, content=content, request=request)


def _count_failure() -> None:
    counter = usage.current()
    if counter is not None:
        counter.failed_calls += 1


class RetryingTransport(httpx.BaseTransport):
    """Retries transient failures with exponential backoff and full jitter, honouring Retry-After."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _RetryableStatus) and (after := _retry_after(exc.response)) is not None:
            return min(after, self.policy.max_wait)
        ceiling = min(self.policy.max_wait, self.policy.base_wait * 2 ** (state.attempt_number - 1))
        return random.uniform(0, ceiling)

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self.inner.handle_request(request)
        except _NETWORK_ERRORS:
            _count_failure()
            raise
        if response.status_code >= 400:  # every failed attempt is counted, retried or not
            _count_failure()
        if response.status_code in RETRY_STATUSES:
            response.read()
            response.close()
            raise _RetryableStatus(response)
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retrying = Retrying(
            stop=(stop_after_attempt(self.policy.attempts) | stop_before_delay(self.policy.total_seconds)
                  | (lambda _state: budget.out_of_time())),
            wait=self._wait,
            retry=retry_if_exception_type((_RetryableStatus, *_NETWORK_ERRORS)),
            reraise=True,
        )
        try:
            return retrying(self._send, request)
        except _RetryableStatus as exc:  # out of attempts: let openai raise the status error
            return _rebuilt(exc.response, exc.response.content, request)

    def close(self) -> None:
        self.inner.close()


class ModelTransport(httpx.BaseTransport):
    """Serves chat completions from the cache when it can, records them when it cannot."""

    def __init__(self, inner: httpx.BaseTransport, provider: str, cache: ResponseCache | None,
                 replay: bool = False) -> None:
        self.inner = inner
        self.provider = provider
        self.cache = cache
        self.replay = replay

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/chat/completions"):
            return self.inner.handle_request(request)
        sample = int(request.headers.get(SAMPLE_HEADER, "0"))
        if (capture := _capture.get()) is not None:
            return httpx.Response(200, json=capture(request.read(), sample), request=request)
        body: dict[str, Any] = json.loads(request.read() or b"{}")
        key, canonical = request_key(self.provider, body, sample)
        budget.check_tokens()
        recorded = self.cache.get(key) if self.cache else None
        if recorded is not None:
            self._count(recorded, cached=True)
            return httpx.Response(200, json=recorded, request=request)
        if self.replay:
            raise ReplayMiss(f"replay: no recorded response for request {key[:12]} (model {body.get('model')})",
                             "record the run first without --replay, or import the recorded JSONL")
        budget.check_time()
        response = _scrubbed(self.inner.handle_request(request), request)
        if response.status_code == 200:
            try:
                answer = response.json()
            except ValueError:
                answer = None
            if isinstance(answer, dict):
                self._count(answer, cached=False)
                if self.cache is not None and answer.get("choices"):
                    self.cache.put(key, self.provider, canonical, answer)
            else:  # a torn or garbled body: a failed attempt (instructor may ask again)
                _count_failure()
        return response

    @staticmethod
    def _count(answer: dict[str, Any], cached: bool) -> None:
        counter = usage.current()
        if counter is not None:
            counter.add_response(answer, cached)

    def close(self) -> None:
        self.inner.close()


def _scrubbed(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """The response without the request's API key in it: servers echo keys in errors, and this
    body goes on to exceptions, logs, the cache and results."""
    content = response.read()
    auth = request.headers.get("authorization", "")
    secret = auth.split(" ", 1)[1].strip() if auth.lower().startswith("bearer ") else ""
    clean = content
    if len(secret) >= 8 and secret != NO_KEY and secret.encode() in clean:
        clean = clean.replace(secret.encode(), b"[redacted]")
    if response.status_code != 200:  # error text: also anything shaped like a key
        clean = redact(clean.decode("utf-8", "replace"), secret).encode("utf-8")
    return response if clean == content else _rebuilt(response, clean, request)


def build_http_client(provider: str, cache: ResponseCache | None, replay: bool, policy: RetryPolicy,
                      timeout: float) -> httpx.Client:
    inner = RetryingTransport(httpx.HTTPTransport(), policy)
    return httpx.Client(transport=ModelTransport(inner, provider, cache, replay), timeout=timeout)
