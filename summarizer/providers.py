"""Providers for library users: by name (`get("rules")`) or as objects (`OpenAIProvider(...)`).

A facade over `summarizer.llm`: the registry there stays the one place that knows
the names; this module only turns keyword arguments into its `ProviderConfig`.
A provider is anything with the protocol of `summarizer.llm.providers.Provider`,
so an object of your own can be passed wherever a provider is taken.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from summarizer.llm.providers import ChatProvider, Provider, ProviderConfig, response_cache
from summarizer.llm.registry import AUTO, CHOICES

__all__ = ["CHOICES", "OpenAIProvider", "Provider", "config", "get", "names"]


def names() -> tuple[str, ...]:
    """Every name `get` takes (`auto`, the providers, their deprecated aliases)."""
    return CHOICES


def _cache_path(cache: bool | str | Path) -> Path | None:
    """True: the command's cache (`~/.cache/summarizer` or $SUMMARIZER_CACHE_DIR); a path: a folder; False: none."""
    from summarizer.llm.cache import default_cache_path

    if cache is False:
        return None
    return default_cache_path() if cache is True else Path(cache) / "responses.sqlite"


def config(name: str | None = AUTO, *, cache: bool | str | Path = True, **settings: Any) -> ProviderConfig:
    """A `ProviderConfig` from a name and keyword settings (model, base_url, model_path, mode, timeout, ...)."""
    try:
        return ProviderConfig(provider=name, cache_path=_cache_path(cache), **settings)
    except TypeError as exc:
        fields = ", ".join(f for f in ProviderConfig.__dataclass_fields__ if f not in ("provider", "cache_path"))
        raise TypeError(f"{exc}; provider settings are: {fields}") from None


def get(name: str | None = AUTO, *, cache: bool | str | Path = True, **settings: Any) -> Provider:
    """A provider by registered name: `rules`, `local`, `openai`, or `auto` (an endpoint if one is set, else rules).

    Close it with `.close()` when done (the local model's server stops then); the rules need nothing.
    """
    from summarizer.llm.registry import build

    return build(config(name, cache=cache, **settings), say=False)


class OpenAIProvider(ChatProvider):
    """Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp's server), answers validated by instructor.

    The key comes from `api_key` or $OPENAI_API_KEY and is never logged, cached or written.
    """

    def __init__(self, base_url: str | None = None, model: str | None = None, *, api_key: str | None = None,
                 cache: bool | str | Path = True, **settings: Any) -> None:
        cfg = config("openai", cache=cache, model=model, base_url=base_url, **settings)
        model = model or os.environ.get("SUMMARIZER_MODEL")
        if not model:
            from summarizer.errors import InputError

            raise InputError("OpenAIProvider needs a model name", "pass model=..., e.g. model='gpt-4o-mini'")
        super().__init__("openai", model, base_url or os.environ.get("OPENAI_BASE_URL"),
                         api_key if api_key is not None else os.environ.get("OPENAI_API_KEY"), cfg,
                         response_cache(cfg))
