"""Issue 13, findings 1, 2 and 9 (body size, escaped keys): faults after the response headers.

Real sockets on 127.0.0.1 (tests/faultserver.py, tests/faultbodies.py). Nothing
asserts on timings: each run happens in a thread that must finish within a
generous bound, and the outcome is read from counts (requests the server saw,
failed attempts) and messages.
"""

from __future__ import annotations

import contextvars
import threading
import uuid
from typing import Any, Callable

import pytest

from articlegen import article_text, citing_answer, code
from faultserver import Fault, FaultServer, fast_config
from summarizer.errors import ProviderError
from summarizer.extract.drafts import draft_model
from summarizer.extract.pipeline import ExtractOptions, extract_article
from summarizer.extract.runner import run_batch
from summarizer.llm import usage
from summarizer.llm.providers import build_provider
from summarizer.llm.transport import MAX_RESPONSE_BYTES, RetryPolicy
from summarizer.text.articles import Article, guess_meta

MESSAGES = [{"role": "system", "content": "Extract stances."}, {"role": "user", "content": "[1] A.\n[2] B."}]
STANCES = draft_model("stance", 2)
BOUND = 90.0  # seconds a run may take before the test calls it a hang (each run needs a few)


def finishes(run: Callable[[], Any]) -> Any:
    """The run's result (or exception), failing the test if it is still going after BOUND seconds."""
    outcome: dict[str, Any] = {}
    context = contextvars.copy_context()  # usage counting and budgets live in context variables

    def target() -> None:
        try:
            outcome["value"] = context.run(run)
        except Exception as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(BOUND)
    assert not worker.is_alive(), f"still running after {BOUND:g}s: the request has no overall deadline"
    return outcome


def article(n: int) -> Article:
    text = article_text(n, 6)
    return Article(id=f"a{n}", source=f"a{n}.txt", text=text, meta=guess_meta(text))


# --- finding 1: a trickling endpoint never hangs the run -----------------------------------------------


def test_trickling_body_is_cut_at_the_whole_request_deadline_and_retried(fault_server: FaultServer) -> None:
    fault_server.script(Fault.trickle(0.25))  # ~100 s for the whole body; each byte well within the timeout
    provider = build_provider(fast_config(fault_server, timeout=1.0))
    with usage.counting() as spent:
        outcome = finishes(lambda: provider.complete(MESSAGES, STANCES, max_tokens=64))
    assert "value" in outcome, outcome.get("error")
    assert fault_server.faults_seen() == ["trickle", "ok"] and spent.failed_calls == 1 and spent.calls == 1


def test_persistent_trickle_fails_after_bounded_attempts(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.trickle(0.1))  # every read is 6x within the timeout; the whole never is
    provider = build_provider(fast_config(fault_server, timeout=0.6))
    with usage.counting() as spent:
        outcome = finishes(lambda: provider.complete(MESSAGES, STANCES, max_tokens=64))
    assert isinstance(outcome.get("error"), ProviderError) and "too slow" in str(outcome["error"])
    assert fault_server.count == 3 and spent.failed_calls == 3


def test_time_budget_is_enforced_during_a_request(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.trickle(0.25))
    provider = build_provider(fast_config(fault_server, timeout=600.0,
                                          retry=RetryPolicy(attempts=50, total_seconds=600, base_wait=0.01)))
    outcome = finishes(lambda: extract_article(article(1), provider, ExtractOptions(time_budget=1.5)))
    record = outcome["value"]
    assert not record.ok and "time budget of 1.5s" in (record.error or "")
    assert fault_server.count == 1  # the budget ended the one request that was trickling


def test_trickles_do_not_block_a_concurrent_batch(fault_server: FaultServer) -> None:
    fault_server.responder = citing_answer
    for n in range(1, 4):
        fault_server.on(code(n), Fault.trickle(0.25))
    provider = build_provider(fast_config(fault_server, timeout=1.0))
    records = finishes(lambda: run_batch([article(n) for n in range(1, 5)], provider, ExtractOptions(),
                                         concurrency=3))["value"]
    assert [r.ok for r in records] == [True] * 4
    assert [r.provenance.usage.failed_calls for r in records] == [1, 1, 1, 0]  # type: ignore[union-attr]


# --- finding 2: failures after the headers are retried and counted ----------------------------------


@pytest.mark.parametrize("fault", [Fault.cut("reset"), Fault.cut("stall", 60.0)], ids=["reset", "stall"])
def test_mid_body_failure_is_retried_and_counted(fault_server: FaultServer, fault: Fault) -> None:
    fault_server.script(fault)
    provider = build_provider(fast_config(fault_server, timeout=1.0))
    with usage.counting() as spent:
        outcome = finishes(lambda: provider.complete(MESSAGES, STANCES, max_tokens=64))
    assert "value" in outcome, outcome.get("error")
    assert fault_server.faults_seen() == [fault.kind, "ok"]
    assert (spent.calls, spent.failed_calls) == (1, 1)


def test_persistent_mid_body_reset_fails_after_every_attempt(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.cut("reset"))
    provider = build_provider(fast_config(fault_server))
    with usage.counting() as spent, pytest.raises(ProviderError, match="after retries") as caught:
        provider.complete(MESSAGES, STANCES, max_tokens=64)
    assert fault_server.count == 3 and spent.failed_calls == 3 and caught.value.hint


# --- finding 9: a cap on response bytes; the key in any spelling ------------------------------------


def test_huge_body_is_refused_at_the_cap_not_read_to_the_end(fault_server: FaultServer) -> None:
    fault_server.script(Fault.huge(3 * MAX_RESPONSE_BYTES))
    provider = build_provider(fast_config(fault_server, timeout=30.0))
    with usage.counting() as spent:
        outcome = finishes(lambda: provider.complete(MESSAGES, STANCES, max_tokens=64))
    error = outcome.get("error")
    assert isinstance(error, ProviderError) and "larger than" in str(error) and error.hint
    assert fault_server.count == 1 and spent.failed_calls == 1  # the same body again would not help


@pytest.mark.parametrize("spelling", ["raw", "json", "json2", "url"])
def test_key_echoed_in_an_answer_is_redacted_in_every_spelling(fault_server: FaultServer, spelling: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    key = f"sk-plant-{uuid.uuid4().hex}"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    item = {"holder": "A", "topic": "talks", "polarity": "against", "position": "the key is @KEY@ here",
            "attribution": "author_claim", "sentences": [1]}
    fault_server.script(Fault.echo_key({"stances": [item]}, spelling))
    answer = build_provider(fast_config(fault_server)).complete(MESSAGES, STANCES, max_tokens=64)
    assert fault_server.seen[0].headers["authorization"] == f"Bearer {key}"
    assert answer.stances[0].position == "the key is [redacted] here"
