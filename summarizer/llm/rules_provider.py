"""Registering the rule-based extractor: `summarizer.rules.extractor.RulesProvider` implements the protocol."""

from __future__ import annotations

from typing import Any


def build_rules(config: Any) -> Any:
    from summarizer.errors import InputError
    from summarizer.rules.extractor import RulesProvider

    if config.replay:
        raise InputError("--replay answers from recorded model responses; the rules provider records none",
                         "pass --provider local (or openai) with --replay, or drop --replay")
    return RulesProvider()
