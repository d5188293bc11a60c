"""The HTTP layer under the openai client: record/replay, usage, bounded retries.

Stack (outermost first): `ModelTransport` (cache, replay, usage counting) ->
`RetryingTransport` (tenacity: 429/5xx/timeouts/resets) -> httpx. Keeping these
below openai and instructor means every attempt is seen and counted once.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, stop_after_delay

from . import usage
from .cache import ResponseCache, request_key
from .errors import ReplayMiss

RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
_NETWORK_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
SAMPLE_HEADER = "x-summarizer-sample"


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
    value = response.headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


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
        response = self.inner.handle_request(request)
        if response.status_code in RETRY_STATUSES:
            response.read()
            response.close()
            raise _RetryableStatus(response)
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retrying = Retrying(
            stop=stop_after_attempt(self.policy.attempts) | stop_after_delay(self.policy.total_seconds),
            wait=self._wait,
            retry=retry_if_exception_type((_RetryableStatus, *_NETWORK_ERRORS)),
            reraise=True,
        )
        try:
            return retrying(self._send, request)
        except _RetryableStatus as exc:  # out of attempts: let openai raise the status error
            last = exc.response
            return httpx.Response(last.status_code, headers=last.headers, content=last.content, request=request)

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
        body: dict[str, Any] = json.loads(request.read() or b"{}")
        sample = int(request.headers.get(SAMPLE_HEADER, "0"))
        key, canonical = request_key(self.provider, body, sample)
        recorded = self.cache.get(key) if self.cache else None
        if recorded is not None:
            self._count(recorded, cached=True)
            return httpx.Response(200, json=recorded, request=request)
        if self.replay:
            raise ReplayMiss(f"replay: no recorded response for request {key[:12]} (model {body.get('model')})",
                             "record the run first without --replay, or import the recorded JSONL")
        response = self.inner.handle_request(request)
        response.read()
        if response.status_code == 200:
            try:
                answer = response.json()
            except ValueError:
                answer = None
            if isinstance(answer, dict):
                self._count(answer, cached=False)
                if self.cache is not None and answer.get("choices"):
                    self.cache.put(key, self.provider, canonical, answer)
        else:
            counter = usage.current()
            if counter is not None:
                counter.failed_calls += 1
        return response

    @staticmethod
    def _count(answer: dict[str, Any], cached: bool) -> None:
        counter = usage.current()
        if counter is not None:
            counter.add_response(answer, cached)

    def close(self) -> None:
        self.inner.close()


def build_http_client(provider: str, cache: ResponseCache | None, replay: bool, policy: RetryPolicy,
                      timeout: float) -> httpx.Client:
    inner = RetryingTransport(httpx.HTTPTransport(), policy)
    return httpx.Client(transport=ModelTransport(inner, provider, cache, replay), timeout=timeout)
