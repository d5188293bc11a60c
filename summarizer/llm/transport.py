"""The HTTP layer under the openai client: record/replay, usage, bounded retries.

Stack (outermost first): `ModelTransport` (cache, replay, usage counting) ->
`RetryingTransport` (tenacity: 429/5xx/timeouts/resets, whole-request deadline,
body read inside the attempt) -> httpx. Keeping these below openai and instructor
means every attempt is seen and counted once.
"""

from __future__ import annotations

import contextvars
import json
import random
import socket
import ssl
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Iterator

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_before_delay

from summarizer.llm import budget
from summarizer.llm.budget import Watchdog
from summarizer.llm import usage
from summarizer.llm.cache import ResponseCache, record, request_key
from summarizer.errors import ProviderError, ReplayMiss, redact, secret_pattern

RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
_NETWORK_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_ATTEMPT_ERRORS = (*_NETWORK_ERRORS, httpx.DecodingError)  # a torn gzip body is a torn body
_PHASES = ("connect", "read", "write", "pool")
SAMPLE_HEADER = "x-summarizer-sample"
NO_KEY = "not-needed"  # what the openai client sends when there is no API key: nothing to hide
MAX_RESPONSE_BYTES = 8_000_000  # a chat completion is kilobytes; more is a broken or hostile server

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


class ResponseTooLarge(ProviderError):
    """The body passed MAX_RESPONSE_BYTES: reading on would exhaust memory (not retried)."""


class _RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


class DeadlineExceeded(httpx.TimeoutException):
    """One attempt (connect + headers + body) ran past its whole-request deadline."""


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
    return httpx.Response(response.status_code, headers=headers, content=content, request=request,
                          extensions={"http_version": response.extensions.get("http_version", b"HTTP/1.1")})


def _count_failure() -> None:
    counter = usage.current()
    if counter is not None:
        counter.failed_calls += 1


def _read_body(response: httpx.Response, dog: Watchdog) -> bytes:
    """The whole (decoded) body within the deadline and the size cap; read errors surface here, retryable."""
    dog.watch(response.extensions.get("network_stream"))
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise ResponseTooLarge(f"the endpoint sent a response larger than {MAX_RESPONSE_BYTES:,} bytes",
                                       "check --base-url: a chat completion is a few kilobytes")
            if dog.expired:
                break
            chunks.append(chunk)
    finally:
        response.close()
    if dog.expired:
        raise DeadlineExceeded(f"no complete response within {dog.seconds:g}s")
    return b"".join(chunks)


def _transient(exc: BaseException) -> bool:
    """Worth another attempt: a retryable status or a network error, but not a host name that does not
    resolve or a TLS handshake that failed (both fail the same way every time; the error says why)."""
    if not isinstance(exc, (_RetryableStatus, *_ATTEMPT_ERRORS)):
        return False
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen:
        if isinstance(cur, (ssl.SSLError, socket.gaierror)):
            return False
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return True


class RetryingTransport(httpx.BaseTransport):
    """Retries transient failures (backoff with full jitter, Retry-After). Each attempt has a whole-request
    deadline: the request's timeout (`--timeout`), shortened to what is left of the article's time budget."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _RetryableStatus) and (after := _retry_after(exc.response)) is not None:
            wait = min(after, self.policy.max_wait)
        else:
            ceiling = min(self.policy.max_wait, self.policy.base_wait * 2 ** (state.attempt_number - 1))
            wait = random.uniform(0, ceiling)
        left = budget.time_left()
        return wait if left is None else max(0.0, min(wait, left))

    def _send(self, request: httpx.Request, original: dict[str, Any]) -> httpx.Response:
        budget.check_time()
        timeouts = original.get("timeout") or {}
        left = budget.time_left()
        seconds = max(0.0, min(t for t in (timeouts.get("read") or 3600.0, left) if t is not None))
        capped = {k: seconds if v is None else min(v, seconds) for k, v in timeouts.items()}
        try:
            with Watchdog(seconds, original.get("trace")) as dog:
                request.extensions = {**original, "timeout": capped or dict.fromkeys(_PHASES, seconds),
                                      "trace": dog.trace}
                try:
                    response = self.inner.handle_request(request)
                    content = _read_body(response, dog)
                except _ATTEMPT_ERRORS as exc:
                    if dog.expired and not isinstance(exc, DeadlineExceeded):
                        raise DeadlineExceeded(f"no complete response within {seconds:g}s") from exc
                    raise
        except (*_ATTEMPT_ERRORS, ResponseTooLarge):
            _count_failure()  # before, during or after the headers: one failed attempt
            raise
        response = _rebuilt(response, content, request)
        if response.status_code >= 400:  # every failed attempt is counted, retried or not
            _count_failure()
        if response.status_code in RETRY_STATUSES:
            raise _RetryableStatus(response)
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retrying = Retrying(
            stop=(stop_after_attempt(self.policy.attempts) | stop_before_delay(self.policy.total_seconds)
                  | (lambda _state: budget.out_of_time())),
            wait=self._wait,
            retry=retry_if_exception(_transient),
            reraise=True,
        )
        try:
            return retrying(self._send, request, dict(request.extensions))
        except _RetryableStatus as exc:  # out of attempts: let openai raise the status error
            return exc.response
        except _ATTEMPT_ERRORS:
            budget.check_time()  # the article's time ran out during the attempt: say so, not "unreachable"
            raise

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
        recorded = self.cache.get(key, replaying=self.replay, request=canonical) if self.cache else None
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
                    record(self.cache, key, self.provider, canonical, answer)  # kept only if accepted
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
    """The response without the request's API key in it, in any spelling (raw, JSON-escaped at any
    depth, percent-encoded): servers echo keys in errors and answers, and this body goes on to
    exceptions, logs, the cache and results."""
    content = response.read()
    auth = request.headers.get("authorization", "")
    secret = auth.split(" ", 1)[1].strip() if auth.lower().startswith("bearer ") else ""
    text = content.decode("utf-8", "surrogateescape")
    clean = text
    if len(secret) >= 8 and secret != NO_KEY:
        clean = secret_pattern(secret).sub("[redacted]", clean)
    if response.status_code != 200:  # error text: also anything shaped like a key
        clean = redact(clean, secret)
    return response if clean == text else _rebuilt(response, clean.encode("utf-8", "surrogateescape"), request)


def build_http_client(provider: str, cache: ResponseCache | None, replay: bool, policy: RetryPolicy,
                      timeout: float) -> httpx.Client:
    inner = RetryingTransport(httpx.HTTPTransport(), policy)
    return httpx.Client(transport=ModelTransport(inner, provider, cache, replay), timeout=timeout)
