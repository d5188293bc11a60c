"""Providers by name: adding one is one module and one line here.

Names are light strings (the CLI lists them for --help without importing any
client library); each maps to a "module:factory" that builds it from a
`ProviderConfig`. `auto` picks an endpoint when one is configured (options or
environment), else the rules. Records and the response cache keep the names
recordings were made with (`embedded`, `openai`), so they replay; the rule
extractor is `rules` everywhere (records with `baseline`, its old name, load
as `rules`: `core.records.LEGACY_PROVIDERS`).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import Any

PROVIDERS: dict[str, str] = {
    "rules": "summarizer.llm.rules_provider:build_rules",
    "local": "summarizer.llm.providers:build_local",
    "openai": "summarizer.llm.providers:build_openai",
}
ALIASES: dict[str, str] = {"baseline": "rules", "embedded": "local"}
RECORD_NAMES: dict[str, str] = {"rules": "rules", "local": "embedded", "openai": "openai"}
AUTO = "auto"
CHOICES: tuple[str, ...] = (AUTO, *PROVIDERS, *ALIASES)


def resolve(config: Any) -> str:
    """The registered name a config asks for; `auto` (or none): an endpoint if configured, else the rules."""
    name = config.provider or AUTO
    if name == AUTO:
        if config.base_url or os.environ.get("OPENAI_BASE_URL"):
            return "openai"
        return "local" if config.model_path else "rules"
    name = ALIASES.get(name, name)
    if name not in PROVIDERS:
        from summarizer.errors import InputError

        raise InputError(f"unknown provider {config.provider!r}", f"use one of: {', '.join(CHOICES)}")
    return name


def record_name(name: str) -> str:
    return RECORD_NAMES.get(name, name)


def build(config: Any, say: bool = True) -> Any:
    """The provider a config names; `say`: announce it on stderr (the CLI), else log it (the library)."""
    module, factory = PROVIDERS[resolve(config)].split(":")
    provider = getattr(importlib.import_module(module), factory)(config)
    if say:
        announce(provider, replay=config.replay)
    else:
        logging.getLogger("summarizer").info("provider %s, model %s", provider.name, provider.model)
    return provider


def announce(provider: Any, replay: bool = False) -> None:
    """Say once per provider, on stderr, what answers this run: a rules run must never pass for a model's."""
    how = " (replaying recorded responses)" if replay else ""
    print(f"summarize: provider {provider.name}, model {provider.model}{how}", file=sys.stderr)
