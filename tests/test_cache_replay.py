"""A recording replays the run as it went, failures included; a live run re-asks what failed."""

from __future__ import annotations

from pathlib import Path

from summarizer.llm.cache import FAILED, ResponseCache

REQUEST = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
ANSWER = {"choices": [{"message": {"content": "{\"stances\": [ {\"hol"}, "finish_reason": "length"}]}


def test_a_failed_answer_is_re_asked_live_but_replayed_from_a_recording(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path / "a.sqlite")
    cache.put("k1", "embedded", REQUEST, ANSWER, FAILED, "cut off at max_tokens")
    assert cache.get("k1") is None  # live: never frozen
    assert cache.get("k1", replaying=True) == ANSWER  # replay: the same answer, so the same failure
    cache.export_jsonl(tmp_path / "rec.jsonl")
    cache.close()

    other = ResponseCache(tmp_path / "b.sqlite")
    assert other.import_jsonl(tmp_path / "rec.jsonl") == 1
    assert other.get("k1") is None and other.get("k1", replaying=True) == ANSWER
    assert other.counts()[FAILED] == 1
    other.close()
