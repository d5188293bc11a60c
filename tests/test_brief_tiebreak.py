"""The optional model tie-break for ambiguous mentions, against a real HTTP endpoint on 127.0.0.1 (scripted answers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from faultserver import FaultServer

from summarizer.llm.providers import ProviderConfig, build_provider
from summarizer.entities.resolve import Entity, resolve
from summarizer.entities.tiebreak import LlmTieBreak

TEXTS = {
    "a": "Ali Bahreini spoke in Geneva. Ali Khamenei spoke in Tehran.",
    "b": "Later, Ali said talks could resume.",
}
ENTITIES = [Entity("a", "p1", ["Ali Bahreini"], "person"), Entity("a", "p2", ["Ali Khamenei"], "person"),
            Entity("b", "h", ["Ali"])]


def _provider(server: FaultServer, cache: Path) -> Any:
    return build_provider(ProviderConfig(provider="openai", model="test-model", base_url=server.url,
                                         cache_path=cache, max_retries=0))


def _resolve_with(answer: int, cache: Path) -> tuple[Any, FaultServer]:
    with FaultServer(responder=lambda body: {"choice": answer}) as server:
        provider = _provider(server, cache)
        try:
            return resolve(ENTITIES, LlmTieBreak(provider, TEXTS)), server
        finally:
            provider.close()


def test_model_choice_settles_an_ambiguous_mention_and_is_logged(tmp_path: Path) -> None:
    result, server = _resolve_with(2, tmp_path / "r.sqlite")
    assert server.count == 1
    assert result.actor_id("b", "h") == result.actor_id("a", "p2") == "ali-khamenei"
    [merge] = [m for m in result.merges if m.rule == "llm tie-break"]
    assert merge.right == "Ali" and "Ali Khamenei" in merge.detail and not result.ambiguous


def test_the_prompt_shows_the_mention_in_context_and_the_candidates(tmp_path: Path) -> None:
    seen: list[dict[str, Any]] = []

    def answer(body: dict[str, Any]) -> dict[str, int]:
        seen.append(body)
        return {"choice": 0}

    with FaultServer(responder=answer) as server:
        provider = _provider(server, tmp_path / "r.sqlite")
        resolve(ENTITIES, LlmTieBreak(provider, TEXTS))
        provider.close()
    prompt = "\n".join(m["content"] for m in seen[0]["messages"])  # wherever the prompt puts them
    assert "1. Ali Bahreini" in prompt and "2. Ali Khamenei" in prompt and '"Ali"' in prompt
    assert "Later, Ali said talks could resume." in prompt and "Geneva" not in prompt
    assert json.dumps(seen[0]).count("choice") >= 1


def test_no_choice_leaves_the_mention_apart(tmp_path: Path) -> None:
    result, _ = _resolve_with(0, tmp_path / "r.sqlite")
    assert result.actor_id("b", "h") not in (result.actor_id("a", "p1"), result.actor_id("a", "p2"))
    assert any("“Ali”" in note for note in result.ambiguous)


def test_a_rerun_is_answered_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "r.sqlite"
    _resolve_with(1, cache)
    result, server = _resolve_with(2, cache)  # a different live answer would show if the model were asked
    assert server.count == 0 and result.actor_id("b", "h") == "ali-bahreini"
