"""Providers: one protocol over every way of getting a structured answer.

Every provider answers a `Call` (one task on one chunk) with the task's draft
model. `ChatProvider` sends the call's messages to any OpenAI-compatible
endpoint through instructor (the local llama.cpp server and a replay of
recorded responses are such endpoints); the rule-based provider reads the
call's sentences instead. Providers are registered by name in `llm/registry.py`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from summarizer.llm.cache import ResponseCache
from summarizer.errors import InputError, ProviderError, SummarizerError, redact, status_hint
from summarizer.llm.transport import NO_KEY, RetryPolicy, build_http_client

T = TypeVar("T", bound=BaseModel)
MODES = ("json_schema", "tools", "json", "md_json")
REMOTE_TIMEOUT = 120.0
EMBEDDED_TIMEOUT = 1800.0


class TruncatedOutput(ProviderError):
    """The answer hit max_tokens: re-asking with the same budget would fail the same way."""


@dataclass
class ProviderConfig:
    """Everything needed to build a provider; safe to log (the key is read, never stored)."""

    provider: str | None = None  # a registry name or alias (llm/registry.py); None or "auto": decide from the rest
    model: str | None = None
    base_url: str | None = None
    model_path: Path | None = None
    mode: str = "json_schema"
    slots: int = 1
    timeout: float | None = None  # seconds per request; None = the provider's default
    max_retries: int = 2  # validation re-asks through instructor
    temperature: float = 0.0
    seed: int = 0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    cache_path: Path | None = None
    replay: bool = False

    def resolved_timeout(self, provider: str) -> float:
        """A local llama.cpp server queues requests and keeps working on them: waiting beats re-sending."""
        if self.timeout is not None:
            return self.timeout
        return EMBEDDED_TIMEOUT if provider == "embedded" else REMOTE_TIMEOUT

    def resolved_provider(self) -> str:
        """The name records and the response cache use: embedded, openai or rules."""
        from summarizer.llm.registry import record_name, resolve

        return record_name(resolve(self))


@dataclass(frozen=True)
class Call:
    """One task on one chunk, in both forms a provider may read: chat messages, or the sentences themselves."""

    task: str  # the task (prompt) name
    messages: list[dict[str, str]]  # empty for a provider that reads no prompts
    response_model: type[BaseModel]
    sentences: list[Any]  # the chunk's own sentences (text.segment.Sentence), without the repeated context
    meta: Any  # the article's metadata (core.schemas.ArticleMeta)
    max_tokens: int

    def with_max_tokens(self, max_tokens: int) -> "Call":
        return replace(self, max_tokens=max_tokens)


class Provider(Protocol):
    name: str  # as records and the response cache name it
    model: str
    prompted: bool  # True: answers come from a model reading the prompts (records name them)
    loads_on_first_call: bool  # True: the first answer loads a model (the progress bar says "loading model…")

    def answer(self, call: Call) -> BaseModel: ...

    def complete(self, messages: list[dict[str, str]], response_model: type[T], *, max_tokens: int) -> T: ...

    def close(self) -> None: ...


class ChatProvider:
    """An OpenAI-compatible chat endpoint, with instructor validating and re-asking."""

    prompted = True
    loads_on_first_call = False  # an endpoint is ready, or was started (and loaded) when built

    def __init__(self, name: str, model: str, base_url: str | None, api_key: str | None,
                 config: ProviderConfig, cache: ResponseCache | None, owner: Any = None) -> None:
        import instructor
        import openai

        self.name, self.model, self.config = name, model, config
        _quiet_library_logs()
        self._owner = owner  # keeps an embedded server alive as long as the provider
        self._secret = api_key
        self._timeout_given = config.timeout is not None
        timeout = config.resolved_timeout(name)
        self._timeout = timeout
        http = build_http_client(name, cache, config.replay, config.retry, timeout)
        self._client = openai.OpenAI(base_url=base_url, api_key=api_key or NO_KEY, max_retries=0,
                                     timeout=timeout, http_client=http)
        self.url = shown_url(str(self._client.base_url), api_key)  # what errors name: no userinfo, no query
        mode = getattr(instructor.Mode, config.mode.upper())
        self._instructor = instructor.from_openai(self._client, mode=mode)

    def answer(self, call: Call) -> BaseModel:
        return self.complete(call.messages, call.response_model, max_tokens=call.max_tokens)

    def complete(self, messages: list[dict[str, str]], response_model: type[T], *, max_tokens: int) -> T:
        try:
            return self._instructor.chat.completions.create(
                model=self.model, messages=messages, response_model=response_model,
                max_retries=self.config.max_retries, max_tokens=max_tokens,
                temperature=self.config.temperature, seed=self.config.seed,
            )
        except Exception as exc:  # noqa: BLE001 - translated into one of ours below
            raise self._translate(exc) from None

    def _translate(self, exc: BaseException) -> SummarizerError:
        import openai
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

        chain: list[BaseException] = []
        cur: BaseException | None = exc
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = cur.__cause__ or cur.__context__
        for err in chain:
            if isinstance(err, SummarizerError):
                return err
            if isinstance(err, IncompleteOutputException):
                return TruncatedOutput("the model's answer was cut off at max_tokens")
        for err in chain:
            if isinstance(err, openai.APIStatusError):
                detail = redact(str(err.message), self._secret)
                return ProviderError(f"{self.name} endpoint {self.url} answered HTTP {err.status_code}: {detail}",
                                     status_hint(err.status_code))
            if isinstance(err, (openai.APIConnectionError, openai.APITimeoutError)):
                cause, hint = endpoint_cause(chain, self.url, self._timeout, self._timeout_given)
                retried = "" if cause.startswith(("DNS", "TLS")) else " after retries"  # transport.py: not retried
                return ProviderError(f"{self.name} endpoint {self.url} unreachable or too slow{retried}: "
                                     f"{redact(cause, self._secret)}", hint)
        if isinstance(exc, InstructorRetryException):
            last = exc.failed_attempts[-1].exception if exc.failed_attempts else exc
            return ProviderError(f"model output failed validation after {exc.n_attempts} attempts: "
                                 f"{redact(_short(last), self._secret)}",
                                 "a larger model, or more --max-retries, may answer in the schema")
        return ProviderError(f"{self.name} call failed: {redact(str(exc), self._secret)[:300]}")

    def close(self) -> None:
        self._client.close()
        if self._owner is not None:
            self._owner.close()
            self._owner = None


def _short(exc: BaseException) -> str:
    """One line a user can act on, not instructor's XML dump of every attempt."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(answer)"
        return f"{where}: {first['msg']} ({exc.error_count()} problem(s))"
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}"


def shown_url(url: str, *secrets: str | None) -> str:
    """The endpoint as errors may name it: userinfo and query (where keys hide) removed, keys redacted."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
    return redact(urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", "")), *secrets)


def endpoint_cause(chain: list[BaseException], url: str, timeout: float, given: bool) -> tuple[str, str]:
    """Why an endpoint gave no answer, from the exception chain down to the socket, and what to do."""
    import socket
    import ssl

    import httpx

    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    text = " ".join(str(err) for err in chain).lower()
    within = f"--timeout {timeout:g} s" if given else f"{timeout:g} s (the default --timeout)"
    slow_hint = "raise --timeout (a slow model or a long article needs more), or check the server is not overloaded"
    for err in chain:
        if isinstance(err, ssl.SSLCertVerificationError):
            why = getattr(err, "verify_message", None) or getattr(err, "reason", None) or err.strerror or err
            return (f"TLS certificate rejected ({why})",
                    "fix the server's certificate (or install its CA), or use http:// for a plain-HTTP server")
        if isinstance(err, ssl.SSLError):
            return (f"TLS handshake with {where} failed ({getattr(err, 'reason', None) or err})",
                    "the server may speak plain HTTP: use http:// in --base-url, or fix its TLS set-up")
        if isinstance(err, socket.gaierror):
            return (f"DNS: the host name {host!r} does not resolve",
                    "check the host name in --base-url (or OPENAI_BASE_URL) and the network")
        if isinstance(err, ConnectionRefusedError):
            break
        if isinstance(err, (httpx.ConnectTimeout, httpx.PoolTimeout)):
            return f"could not connect to {where} within {within}", slow_hint
        if isinstance(err, httpx.TimeoutException):
            return f"no complete answer within {within}", slow_hint
    if "refused" in text:
        return (f"connection refused: nothing listens on {where}",
                "start the server, or fix the host and port in --base-url")
    if any(word in text for word in ("name or service not known", "nodename nor servname", "getaddrinfo",
                                     "temporary failure in name resolution")):
        return (f"DNS: the host name {host!r} does not resolve",
                "check the host name in --base-url (or OPENAI_BASE_URL) and the network")
    if "ssl" in text or "certificate" in text:
        return "TLS failed", "use http:// for a plain-HTTP server, or fix the server's certificate"
    if "timed out" in text or "timeout" in text:
        return f"no complete answer within {within}", slow_hint
    if "reset" in text or any(isinstance(err, ConnectionResetError) for err in chain):
        return ("the connection was reset by the server or a proxy",
                "check the server's logs; try again, or lower -j if it is overloaded")
    if any(isinstance(err, httpx.RemoteProtocolError) for err in chain) or "disconnected" in text:
        return ("the server closed the connection before a complete answer",
                "check the server's logs; try again, or lower -j if it is overloaded")
    last = chain[-1]
    return (_short(last), "check that the server is running and --base-url is right")


def _quiet_library_logs() -> None:
    """instructor logs every failed attempt; without a handler Python prints those to stderr.
    Our errors already say what failed, so give its logger a sink unless the application set one."""
    logger = logging.getLogger("instructor")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def response_cache(config: ProviderConfig) -> ResponseCache | None:
    try:
        return ResponseCache(config.cache_path) if config.cache_path else None
    except OSError as exc:
        raise InputError(f"{config.cache_path}: cannot use this response cache ({exc.strerror or exc})",
                         "pass another --cache-dir, or --no-cache") from None


def build_openai(config: ProviderConfig) -> ChatProvider:
    model = config.model or os.environ.get("SUMMARIZER_MODEL")
    if not model:
        raise InputError("the openai provider needs a model name", "pass --model, e.g. --model gpt-4o-mini")
    base_url = config.base_url or os.environ.get("OPENAI_BASE_URL")
    return ChatProvider("openai", model, base_url, os.environ.get("OPENAI_API_KEY"), config, response_cache(config))


def build_local(config: ProviderConfig) -> ChatProvider:
    """The in-process llama.cpp server; with --replay no model loads: answers come from the recording."""
    from summarizer.llm.embedded import EmbeddedServer, default_model_path

    model_path = config.model_path or default_model_path()
    if config.replay:
        return ChatProvider("embedded", model_path.name, "http://127.0.0.1:9/v1", None, config,
                            response_cache(config))
    cache = response_cache(config)
    server = EmbeddedServer(model_path, slots=config.slots)
    return ChatProvider("embedded", server.model_name, server.url + "/v1", None, config, cache, owner=server)


def build_provider(config: ProviderConfig) -> Any:
    """Provider for a config, by its registered name; the embedded model loads here, never at import or --help."""
    from summarizer.llm.registry import build

    return build(config)
