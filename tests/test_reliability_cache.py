"""Issue 13, finding 3: the cache keeps only accepted answers, so a re-run recovers from a bad one.

Real CLI runs against a real server on 127.0.0.1 with a real SQLite cache.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from articlegen import citing_answer, code, write_articles
from faultserver import Fault, FaultServer


def endpoint(server: FaultServer, cache: Path) -> list[str]:
    return ["--provider", "openai", "--base-url", server.url, "--model", "fault-model", "--cache-dir", str(cache)]


def statuses(cache: Path) -> dict[str, int]:
    with sqlite3.connect(cache / "responses.sqlite") as db:
        return dict(db.execute("SELECT status, COUNT(*) FROM responses GROUP BY status").fetchall())


def test_a_transient_bad_answer_is_not_replayed_by_a_rerun(tmp_path: Path, fault_server: FaultServer,
                                                           cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    fault_server.on(code(1), Fault.not_json(), Fault.not_json())  # prose twice: past --max-retries 1
    folder = tmp_path / "in"
    write_articles(folder, 1)
    cache = tmp_path / "cache"
    first = cli("-f", "json", "--max-retries", "1", *endpoint(fault_server, cache), str(folder))
    assert first.code == 1 and "failed validation" in first.err
    assert statuses(cache) == {"failed": 2}  # kept for inspection, never served
    calls = fault_server.count
    again = cli("-f", "json", "--max-retries", "1", *endpoint(fault_server, cache), str(folder))
    assert again.code == 0, again.err
    assert fault_server.count == calls + 1  # asked again, not replayed
    assert json.loads(again.out)["provenance"]["usage"]["cached_calls"] == 0
    warm = cli("-f", "json", "--max-retries", "1", *endpoint(fault_server, cache), str(folder))
    assert warm.code == 0 and fault_server.count == calls + 1  # the accepted answer is replayed


def test_resume_re_asks_what_failed_with_the_cache_on(tmp_path: Path, fault_server: FaultServer,
                                                      cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    fault_server.on(code(2), Fault.invalid({"stances": "no"}), Fault.invalid({"stances": "no"}))
    folder = tmp_path / "in"
    write_articles(folder, 3)
    cache, out = tmp_path / "cache", tmp_path / "r.jsonl"
    args = ["-f", "jsonl", "-o", str(out), "--resume", "--max-retries", "1", *endpoint(fault_server, cache),
            str(folder)]
    assert cli(*args).code == 1
    again = cli(*args)
    assert again.code == 0 and "2 done, 1 to run" in again.err
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 3 and all(r["ok"] for r in rows)


def test_cache_info_prune_and_clear(tmp_path: Path, fault_server: FaultServer, cli) -> None:  # type: ignore[no-untyped-def]
    fault_server.responder = citing_answer
    fault_server.on(code(1), always=Fault.not_json())
    folder = tmp_path / "in"
    write_articles(folder, 2)
    cache = tmp_path / "cache"
    assert cli("-f", "json", "--max-retries", "0", *endpoint(fault_server, cache), str(folder)).code == 1
    info = cli("cache", "info", "--cache-dir", str(cache))
    assert info.code == 0 and "1 recorded responses" in info.out and "1 stored with" in info.out
    pruned = cli("cache", "prune", "--failed", "--cache-dir", str(cache))
    assert pruned.code == 0 and "deleted 1 failed" in pruned.out and statuses(cache) == {"ok": 1}
    assert cli("cache", "prune", "--cache-dir", str(cache)).code == 2  # says what to prune
    cleared = cli("cache", "clear", "--yes", "--cache-dir", str(cache))
    assert cleared.code == 0 and "deleted 1 responses" in cleared.out and statuses(cache) == {}


def test_a_cache_written_before_statuses_still_replays(tmp_path: Path) -> None:
    from summarizer.llm.cache import ResponseCache

    path = tmp_path / "responses.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE responses (key TEXT PRIMARY KEY, provider TEXT NOT NULL, model TEXT NOT NULL, "
                   "request TEXT NOT NULL, response TEXT NOT NULL, created REAL NOT NULL)")
        db.execute("INSERT INTO responses VALUES ('k', 'openai', 'm', '{}', '{\"choices\": [{\"index\": 0}]}', 0)")
    cache = ResponseCache(path)
    assert cache.get("k") == {"choices": [{"index": 0}]} and cache.counts() == {"ok": 1, "failed": 0}
    cache.put("k", "openai", {}, {"choices": [1]}, status="failed", error="x")  # never replaces an accepted one
    assert cache.get("k") == {"choices": [{"index": 0}]}
