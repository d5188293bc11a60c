"""Providers: one small interface over every way of getting a structured answer.

`ChatProvider` talks to any OpenAI-compatible endpoint through instructor (the
embedded llama.cpp server is one such endpoint). `baseline` is a rule-based
provider with no model, registered in `summarizer.rules.extractor`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from summarizer.llm.cache import ResponseCache
from summarizer.errors import InputError, ProviderError, SummarizerError, redact
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

    provider: str | None = None  # embedded | openai | baseline; None = decide from the rest
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
        if self.provider:
            return self.provider
        return "openai" if (self.base_url or os.environ.get("OPENAI_BASE_URL")) else "embedded"


class Provider(Protocol):
    name: str
    model: str

    def complete(self, messages: list[dict[str, str]], response_model: type[T], *, max_tokens: int) -> T: ...

    def close(self) -> None: ...


class ChatProvider:
    """An OpenAI-compatible chat endpoint, with instructor validating and re-asking."""

    def __init__(self, name: str, model: str, base_url: str | None, api_key: str | None,
                 config: ProviderConfig, cache: ResponseCache | None, owner: Any = None) -> None:
        import instructor
        import openai

        self.name, self.model, self.config = name, model, config
        _quiet_library_logs()
        self._owner = owner  # keeps an embedded server alive as long as the provider
        self._secret = api_key
        timeout = config.resolved_timeout(name)
        http = build_http_client(name, cache, config.replay, config.retry, timeout)
        self._client = openai.OpenAI(base_url=base_url, api_key=api_key or NO_KEY, max_retries=0,
                                     timeout=timeout, http_client=http)
        mode = getattr(instructor.Mode, config.mode.upper())
        self._instructor = instructor.from_openai(self._client, mode=mode)

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
                return ProviderError(f"{self.name} endpoint answered HTTP {err.status_code}: {detail}",
                                     "check --base-url, --model and OPENAI_API_KEY")
            if isinstance(err, (openai.APIConnectionError, openai.APITimeoutError)):
                return ProviderError(f"{self.name} endpoint unreachable or too slow after retries",
                                     "check that the server is running and --base-url is right")
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


def _quiet_library_logs() -> None:
    """instructor logs every failed attempt; without a handler Python prints those to stderr.
    Our errors already say what failed, so give its logger a sink unless the application set one."""
    logger = logging.getLogger("instructor")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def build_provider(config: ProviderConfig) -> Any:
    """Provider for a config; the embedded model loads here, never at import or --help."""
    try:
        cache = ResponseCache(config.cache_path) if config.cache_path else None
    except OSError as exc:
        raise InputError(f"{config.cache_path}: cannot use this response cache ({exc.strerror or exc})",
                         "pass another --cache-dir, or --no-cache") from None
    kind = config.resolved_provider()
    if kind == "baseline":
        from summarizer.rules.extractor import BaselineProvider

        return BaselineProvider()
    if kind == "openai":
        model = config.model or os.environ.get("SUMMARIZER_MODEL")
        if not model:
            raise InputError("the openai provider needs a model name", "pass --model, e.g. --model gpt-4o-mini")
        base_url = config.base_url or os.environ.get("OPENAI_BASE_URL")
        return ChatProvider("openai", model, base_url, os.environ.get("OPENAI_API_KEY"), config, cache)
    if kind == "embedded":
        from summarizer.llm.embedded import EmbeddedServer, default_model_path

        model_path = config.model_path or default_model_path()
        if config.replay:  # replay needs no model: answers come from the recording
            return ChatProvider("embedded", model_path.name, "http://127.0.0.1:9/v1", None, config, cache)
        server = EmbeddedServer(model_path, slots=config.slots)
        return ChatProvider("embedded", server.model_name, server.url + "/v1", None, config, cache, owner=server)
    raise InputError(f"unknown provider {kind!r}", "use embedded, openai or baseline")
