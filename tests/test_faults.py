"""The fault matrix against a real local HTTP server (tests/faultserver.py).

Each test scripts what the endpoint does wrong and checks what the tool does:
retry within bounds, re-ask within bounds, fail clearly, count every attempt.
Backoff and timeouts are tiny, so the whole file runs in seconds. Nothing here
asserts on timings: retry behaviour is observed through the requests the server
saw and the waits the retry policy computed.
"""

from __future__ import annotations

from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from articlegen import article_text, citing_answer, code
from faultserver import Fault, FaultServer, fast_config
from summarizer.llm import usage
from summarizer.text.articles import Article, guess_meta
from summarizer.extract.drafts import draft_model
from summarizer.errors import ProviderError
from summarizer.extract.pipeline import ExtractOptions, extract_article
from summarizer.llm.providers import TruncatedOutput, build_provider
from summarizer.extract.runner import run_batch
from summarizer.llm.transport import RetryingTransport, RetryPolicy

MESSAGES = [{"role": "system", "content": "Extract stances."}, {"role": "user", "content": "[1] A.\n[2] B."}]
STANCES = draft_model("stance", 2)
BROKEN = {"stances": "not a list"}  # JSON that violates the schema


class WaitSpy(RetryingTransport):
    """The real retry transport, remembering the waits its policy chose."""

    def __init__(self, policy: RetryPolicy) -> None:
        super().__init__(httpx.HTTPTransport(), policy)
        self.waits: list[float] = []

    def _wait(self, state: Any) -> float:
        wait = super()._wait(state)
        self.waits.append(wait)
        return wait


def post(server: FaultServer, policy: RetryPolicy) -> tuple[httpx.Response, WaitSpy]:
    spy = WaitSpy(policy)
    with httpx.Client(transport=spy, timeout=2) as client:
        response = client.post(server.url + "/chat/completions", json={"model": "m", "messages": MESSAGES})
    return response, spy


def article(n: int = 1, sentences: int = 6) -> Article:
    text = article_text(n, sentences)
    return Article(id=f"a{n}", source=f"a{n}.txt", text=text, meta=guess_meta(text))


# --- the retry policy itself: Retry-After, backoff, attempts, total time ----------------------------------


def test_retry_after_seconds_is_the_wait(fault_server: FaultServer) -> None:
    fault_server.script(Fault.status(429, retry_after="0.02"))
    response, spy = post(fault_server, RetryPolicy(attempts=3, base_wait=5, max_wait=5))
    assert response.status_code == 200
    assert spy.waits == [0.02]  # without Retry-After the wait would be random in [0, 5]


def test_retry_after_http_date_in_the_past_means_now(fault_server: FaultServer) -> None:
    past = format_datetime(datetime.now(timezone.utc) - timedelta(minutes=1), usegmt=True)
    fault_server.script(Fault.status(503, retry_after=past))
    response, spy = post(fault_server, RetryPolicy(attempts=3, base_wait=5, max_wait=5))
    assert response.status_code == 200 and spy.waits == [0.0]


def test_retry_after_beyond_max_wait_is_capped(fault_server: FaultServer) -> None:
    fault_server.script(Fault.status(429, retry_after="3600"))
    response, spy = post(fault_server, RetryPolicy(attempts=2, base_wait=0.01, max_wait=0.03))
    assert response.status_code == 200 and spy.waits == [0.03]


def test_429_without_retry_after_backs_off_exponentially_within_bounds(fault_server: FaultServer) -> None:
    fault_server.script(Fault.status(429), Fault.status(500), Fault.status(502), Fault.status(503))
    response, spy = post(fault_server, RetryPolicy(attempts=5, base_wait=0.01, max_wait=0.03))
    assert response.status_code == 200
    assert fault_server.faults_seen() == ["status"] * 4 + ["ok"]
    ceilings = [0.01, 0.02, 0.03, 0.03]  # base * 2**n, capped by max_wait
    assert len(spy.waits) == 4 and all(0 <= w <= c for w, c in zip(spy.waits, ceilings))


def test_attempts_are_bounded_and_the_last_error_is_returned(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.status(503, retry_after="0"))
    response, _ = post(fault_server, RetryPolicy(attempts=4, base_wait=0.01, max_wait=0.01))
    assert response.status_code == 503 and fault_server.count == 4


def test_total_retry_time_is_bounded(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.status(503, retry_after="0.2"))
    post(fault_server, RetryPolicy(attempts=1000, total_seconds=0.3, base_wait=0.01, max_wait=1))
    assert 1 <= fault_server.count <= 3  # 1000 attempts allowed, but not the time for them


def test_gzipped_error_body_survives_exhausted_retries(fault_server: FaultServer) -> None:
    fault_server.compress = True
    fault_server.on("", always=Fault.status(503, body='{"error": {"message": "overloaded, try later"}}'))
    provider = build_provider(fast_config(fault_server))
    with pytest.raises(ProviderError, match="HTTP 503.*overloaded"):
        provider.complete(MESSAGES, STANCES, max_tokens=64)


# --- through the provider: what each fault becomes ---------------------------------------------------------


@pytest.mark.parametrize("fault", [
    Fault.status(429), Fault.status(429, retry_after="0"), Fault.status(500), Fault.status(502),
    Fault.status(503), Fault.slow(2.0), Fault.reset(), Fault.malformed(),
], ids=lambda f: f"{f.kind}-{f.code}-{f.delay}-{dict(f.headers)}")
def test_transient_fault_is_retried_and_counted(fault_server: FaultServer, fault: Fault) -> None:
    fault_server.script(fault)
    provider = build_provider(fast_config(fault_server, timeout=0.3))
    with usage.counting() as spent:
        answer = provider.complete(MESSAGES, STANCES, max_tokens=64)
    assert answer.stances == []
    assert fault_server.faults_seen() == [fault.kind, "ok"]
    assert (spent.calls, spent.failed_calls, spent.total_tokens) == (1, 1, 120)


@pytest.mark.parametrize("fault,message", [
    (Fault.status(503), "HTTP 503"),
    (Fault.status(400, body='{"error": {"message": "model fault-model does not exist"}}'), "does not exist"),
    (Fault.reset(), "unreachable or too slow"),
    (Fault.slow(2.0), "unreachable or too slow"),
], ids=["503", "400", "reset", "slow"])
def test_persistent_fault_fails_clearly_after_bounded_attempts(fault_server: FaultServer, fault: Fault,
                                                               message: str) -> None:
    fault_server.on("", always=fault)
    provider = build_provider(fast_config(fault_server, timeout=0.3))
    with usage.counting() as spent, pytest.raises(ProviderError, match=message) as caught:
        provider.complete(MESSAGES, STANCES, max_tokens=64)
    attempts = 1 if fault.code == 400 else 3  # a 400 is not worth repeating
    assert fault_server.count == attempts and spent.failed_calls == attempts
    assert caught.value.hint and "Traceback" not in str(caught.value)


def test_schema_violation_is_re_asked_and_every_attempt_counted(fault_server: FaultServer) -> None:
    fault_server.script(Fault.invalid(BROKEN), Fault.not_json())
    provider = build_provider(fast_config(fault_server, max_retries=2))
    with usage.counting() as spent:
        assert provider.complete(MESSAGES, STANCES, max_tokens=64).stances == []
    assert fault_server.faults_seen() == ["answer", "answer", "ok"]
    assert (spent.calls, spent.total_tokens) == (3, 360)
    reask = fault_server.seen[1].body["messages"]
    assert len(reask) > len(MESSAGES)  # instructor told the model what was wrong


def test_re_asks_are_bounded_by_max_retries(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.invalid(BROKEN))
    provider = build_provider(fast_config(fault_server, max_retries=3))
    with usage.counting() as spent, pytest.raises(ProviderError, match="failed validation after 4 attempts") as err:
        provider.complete(MESSAGES, STANCES, max_tokens=64)
    assert fault_server.count == 4 and spent.total_tokens == 4 * 120
    assert "stances" in str(err.value) and "<generation" not in str(err.value)  # one readable line


def test_truncated_answer_is_not_re_asked_by_the_provider(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.truncated())
    provider = build_provider(fast_config(fault_server, max_retries=5))
    with usage.counting() as spent, pytest.raises(TruncatedOutput):
        provider.complete(MESSAGES, STANCES, max_tokens=64)
    assert fault_server.count == 1 and spent.total_tokens == 120


# --- per article: truncation retry, token and time budgets ----------------------------------------------


def test_truncated_answer_gets_one_retry_with_a_larger_budget(fault_server: FaultServer) -> None:
    fault_server.responder = citing_answer
    fault_server.script(Fault.truncated())
    provider = build_provider(fast_config(fault_server))
    record = extract_article(article(), provider, ExtractOptions(max_tokens=300, max_tokens_cap=900))
    assert record.ok and record.result and record.result["stances"]
    assert [s.body["max_tokens"] for s in fault_server.seen] == [300, 900]
    assert record.provenance and record.provenance.usage.total_tokens == 240


def test_truncated_twice_fails_the_article_without_more_calls(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.truncated())
    provider = build_provider(fast_config(fault_server))
    record = extract_article(article(), provider, ExtractOptions(max_tokens=300, max_tokens_cap=900))
    assert not record.ok and "cut off" in (record.error or "") and "900" in (record.error or "")
    assert fault_server.count == 2 and record.provenance and record.provenance.usage.total_tokens == 240


def test_token_budget_stops_re_asks(fault_server: FaultServer) -> None:
    fault_server.on("", always=Fault.invalid(BROKEN))
    provider = build_provider(fast_config(fault_server, max_retries=10))
    record = extract_article(article(), provider, ExtractOptions(token_budget=250))
    assert not record.ok and "token budget of 250" in (record.error or "")
    assert fault_server.count == 3  # 0, 120, 240 tokens spent before each; 360 >= 250 stops the fourth
    assert record.provenance and record.provenance.usage.total_tokens == 360


def test_time_budget_stops_re_asks(fault_server: FaultServer) -> None:
    fault_server.latency = 0.1
    fault_server.on("", always=Fault.invalid(BROKEN))
    provider = build_provider(fast_config(fault_server, max_retries=50))
    record = extract_article(article(), provider, ExtractOptions(time_budget=0.35))
    assert not record.ok and "time budget" in (record.error or "")
    assert fault_server.count < 10  # 51 attempts were allowed


def test_long_article_spends_its_budget_across_chunks(fault_server: FaultServer) -> None:
    fault_server.responder = citing_answer
    provider = build_provider(fast_config(fault_server))
    record = extract_article(article(sentences=60), provider, ExtractOptions(chunk_chars=600, token_budget=300))
    assert not record.ok and "token budget" in (record.error or "")
    assert fault_server.count == 3  # one call per chunk until 360 >= 300


# --- batches: a failing article or a dying server never stops the rest ----------------------------------


def test_server_that_disappears_mid_batch(fault_server: FaultServer) -> None:
    fault_server.responder = citing_answer
    fault_server.on(code(4), Fault.die())
    provider = build_provider(fast_config(fault_server))
    seen = []
    records = run_batch([article(n) for n in range(1, 8)], provider, ExtractOptions(), on_record=seen.append)
    assert [r.ok for r in records] == [True] * 3 + [False] * 4
    assert all("unreachable" in (r.error or "") for r in records[3:])
    assert len(seen) == 7 and {r.article.source for r in seen} == {f"a{n}.txt" for n in range(1, 8)}


def test_batch_with_mixed_faults_records_every_article(fault_server: FaultServer) -> None:
    fault_server.responder = citing_answer
    fault_server.on(code(2), Fault.status(429, retry_after="0"), Fault.reset())  # recovers
    fault_server.on(code(3), always=Fault.invalid(BROKEN))  # never answers in the schema
    fault_server.on(code(5), Fault.truncated())  # recovers with the larger budget
    fault_server.on(code(6), always=Fault.status(401))  # fails at once
    provider = build_provider(fast_config(fault_server))
    records = run_batch([article(n) for n in range(1, 8)], provider, ExtractOptions(), concurrency=3)
    assert [r.article.source for r in records] == [f"a{n}.txt" for n in range(1, 8)]
    assert [r.ok for r in records] == [True, True, False, True, True, False, True]
    assert "failed validation" in (records[2].error or "") and "HTTP 401" in (records[5].error or "")
    assert all(r.provenance and r.provenance.usage.calls + r.provenance.usage.failed_calls >= 1 for r in records)


class _BuggyProvider:
    """Our own provider interface with a bug in it: no endpoint can make the code raise this."""

    name, model, prompted, loads_on_first_call = "buggy", "none", True, False

    def answer(self, call: Any) -> Any:
        return self.complete(call.messages, call.response_model, max_tokens=call.max_tokens)

    def complete(self, messages: Any, response_model: Any, *, max_tokens: int) -> Any:
        if "K-002-Q" in messages[-1]["content"]:
            raise RuntimeError("unexpected")
        return response_model()


def test_an_unexpected_exception_fails_one_article_not_the_batch() -> None:
    records = run_batch([article(n) for n in range(1, 4)], _BuggyProvider(), ExtractOptions())
    assert [r.ok for r in records] == [True, False, True]
    assert records[1].error == "internal error: RuntimeError: unexpected"
    assert records[1].article.sha256 == article(2).sha256


def test_failed_attempts_are_reported_once_not_logged_per_attempt(fault_server: FaultServer, tmp_path: Any) -> None:
    from forkcli import summarize  # a real process: pytest would capture library log lines in this one

    fault_server.on("", always=Fault.invalid(BROKEN))
    path = tmp_path / "a.txt"
    path.write_text(article_text(1))
    result = summarize("--provider", "openai", "--base-url", fault_server.url, "--model", "m", "--no-cache", str(path))
    assert result.returncode == 1 and fault_server.count == 3
    assert result.stderr.count("failed validation after 3 attempts") == 1
    assert "API call failed" not in result.stderr and "Max retries exceeded" not in result.stderr
